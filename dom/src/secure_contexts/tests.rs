use url::Url;

use super::*;

fn url(s: &str) -> Url {
    Url::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn trustworthy_urls() {
    for s in [
        "https://a.test/",
        "wss://a.test/",
        "http://127.0.0.1:8000/",
        "http://127.5.6.7/",
        "http://[::1]/",
        "http://localhost/",
        "http://LOCALHOST./",
        "http://app.localhost:3000/",
        "file:///tmp/page.html",
        "about:blank",
        "about:srcdoc",
        "data:text/html,hi",
    ] {
        assert!(is_url_potentially_trustworthy(&url(s)), "{s}");
    }
}

#[test]
fn untrustworthy_urls() {
    for s in [
        "http://a.test/",
        "http://web-platform.test:8000/",
        "ws://a.test/",
        "http://128.0.0.1/",
        "http://[::2]/",
        "http://localhost.a.test/",
        "http://notlocalhost/",
        "about:other",
    ] {
        assert!(!is_url_potentially_trustworthy(&url(s)), "{s}");
    }
    assert!(!is_origin_potentially_trustworthy(&Origin::new_opaque()));
}
