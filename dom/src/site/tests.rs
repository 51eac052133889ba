use url::Url;

use super::*;
use crate::origin::origin_of_url;

fn origin(url: &str) -> Origin {
    origin_of_url(&Url::parse(url).expect("test URL parses"))
}

#[test]
fn public_suffix_and_registrable_domain_table() {
    // (host, public suffix, registrable domain)
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("example.com", Some("com"), Some("example.com")),
        ("www.example.com", Some("com"), Some("example.com")),
        ("a.b.example.co.uk", Some("co.uk"), Some("example.co.uk")),
        ("c.example.co.uk", Some("co.uk"), Some("example.co.uk")),
        ("example.co.uk", Some("co.uk"), Some("example.co.uk")),
        ("co.uk", Some("co.uk"), None),
        ("uk", Some("uk"), None),
        // Private suffixes (the list's PRIVATE section) count too.
        ("foo.github.io", Some("github.io"), Some("foo.github.io")),
        ("a.foo.github.io", Some("github.io"), Some("foo.github.io")),
        ("github.io", Some("github.io"), None),
        // Unlisted top-level labels fall back to the implicit "*" rule.
        ("a.test", Some("test"), Some("a.test")),
        ("x.a.test", Some("test"), Some("a.test")),
        ("test", Some("test"), None),
        ("localhost", Some("localhost"), None),
        ("a.localhost", Some("localhost"), Some("a.localhost")),
        // Wildcard and exception rules: "*.ck" and "!www.ck".
        ("a.b.ck", Some("b.ck"), Some("a.b.ck")),
        ("b.ck", Some("b.ck"), None),
        ("www.ck", Some("ck"), Some("www.ck")),
        // IDNs, as origins hold them: punycode.
        (
            "xn--bcher-kva.example",
            Some("example"),
            Some("xn--bcher-kva.example"),
        ),
        (
            "a.xn--e1afmkfd.xn--p1ai",
            Some("xn--p1ai"),
            Some("xn--e1afmkfd.xn--p1ai"),
        ),
        ("xn--p1ai", Some("xn--p1ai"), None),
        // A trailing dot is kept on both.
        ("example.com.", Some("com."), Some("example.com.")),
        ("com.", Some("com."), None),
        // Not domains: IP addresses, the empty host.
        ("127.0.0.1", None, None),
        ("[::1]", None, None),
        ("[2001:db8::1]", None, None),
        ("", None, None),
    ];
    for &(host, suffix, domain) in cases {
        assert_eq!(
            public_suffix(host).as_deref(),
            suffix,
            "public suffix of {host:?}"
        );
        assert_eq!(
            registrable_domain(host).as_deref(),
            domain,
            "registrable domain of {host:?}"
        );
    }
}

#[test]
fn obtain_a_site_table() {
    let cases = [
        ("https://a.b.example.co.uk/", "https://example.co.uk"),
        ("https://c.example.co.uk:8443/", "https://example.co.uk"),
        ("http://www.example.com/", "http://example.com"),
        ("https://foo.github.io/x", "https://foo.github.io"),
        ("https://127.0.0.1:8000/", "https://127.0.0.1"),
        ("http://[::1]/", "http://[::1]"),
        ("http://localhost:3000/", "http://localhost"),
        ("http://bücher.example/", "http://xn--bcher-kva.example"),
        ("http://a.test/", "http://a.test"),
        ("file:///tmp/x.html", "null"),
        ("data:text/html,hi", "null"),
    ];
    for (url, expected) in cases {
        assert_eq!(
            obtain_a_site(&origin(url)).serialize_a_site(),
            expected,
            "{url}"
        );
    }
    let opaque = Origin::new_opaque();
    let Origin::Opaque(inner) = opaque else {
        unreachable!("new_opaque is opaque")
    };
    assert_eq!(obtain_a_site(&opaque), Site::Opaque(inner));
    assert_eq!(obtain_a_site(&opaque).to_string(), "null");
    // A tuple origin with an empty host (as a `file:` origin could be) keeps its host.
    assert_eq!(
        obtain_a_site(&Origin::tuple("file", "", None)),
        Site::SchemeAndHost {
            scheme: "file".into(),
            host: String::new(),
        }
    );
}

#[test]
fn same_site_table() {
    // (a, b, schemelessly same site, same site)
    let cases = [
        (
            "https://a.b.example.co.uk/",
            "https://c.example.co.uk/",
            true,
            true,
        ),
        (
            "https://example.co.uk/",
            "https://other.co.uk/",
            false,
            false,
        ),
        (
            "http://a.example.com/",
            "https://b.example.com/",
            true,
            false,
        ),
        (
            "https://example.com:1/",
            "https://example.com:2/",
            true,
            true,
        ),
        (
            "https://foo.github.io/",
            "https://bar.github.io/",
            false,
            false,
        ),
        (
            "https://x.foo.github.io/",
            "https://foo.github.io/",
            true,
            true,
        ),
        ("http://127.0.0.1/", "http://127.0.0.1:8080/", true, true),
        ("http://127.0.0.1/", "http://127.0.0.2/", false, false),
        ("http://[::1]/", "http://[::1]:81/", true, true),
        ("http://localhost/", "http://localhost:81/", true, true),
        ("http://a.localhost/", "http://b.a.localhost/", true, true),
        ("http://a.test/", "http://b.test/", false, false),
        (
            "http://bücher.example/",
            "http://x.xn--bcher-kva.example/",
            true,
            true,
        ),
        ("https://co.uk/", "https://co.uk/", true, true),
        ("file:///a", "file:///a", false, false),
        ("https://a.test/", "data:text/html,x", false, false),
    ];
    for (a, b, schemeless, same) in cases {
        let (a_origin, b_origin) = (origin(a), origin(b));
        assert_eq!(
            is_schemelessly_same_site(&a_origin, &b_origin),
            schemeless,
            "schemelessly same site: {a} {b}"
        );
        assert_eq!(
            is_same_site(&a_origin, &b_origin),
            same,
            "same site: {a} {b}"
        );
        assert_eq!(
            is_same_site(&b_origin, &a_origin),
            same,
            "symmetric: {b} {a}"
        );
        if same {
            assert_eq!(
                obtain_a_site(&a_origin),
                obtain_a_site(&b_origin),
                "{a} {b}"
            );
        }
    }
    let opaque = Origin::new_opaque();
    assert!(is_same_site(&opaque, &opaque.clone()));
    assert!(!is_same_site(&opaque, &Origin::new_opaque()));
}

#[test]
fn same_site_ignores_domain() {
    let mut a = origin("https://a.example.com/");
    if let Origin::Tuple { domain, .. } = &mut a {
        *domain = Some("example.com".into());
    }
    assert!(is_same_site(&a, &origin("https://b.example.com/")));
}

#[test]
fn agent_cluster_keys() {
    let a = origin("https://a.example.com/");
    let b = origin("https://b.example.com:8443/");
    assert_eq!(agent_cluster_key(&a), agent_cluster_key(&b));
    assert_eq!(
        agent_cluster_key(&a),
        AgentClusterKey::Site(Site::SchemeAndHost {
            scheme: "https".into(),
            host: "example.com".into(),
        })
    );
    assert_ne!(
        agent_cluster_key(&a),
        agent_cluster_key(&origin("http://a.example.com/"))
    );

    let key_a = obtain_agent_cluster_key(&a, AgentClusterKeying::Origin);
    let key_b = obtain_agent_cluster_key(&b, AgentClusterKeying::Origin);
    assert_ne!(key_a, key_b);
    assert_eq!(key_a, AgentClusterKey::Origin(a.clone()));

    // The origin key ignores a domain set later through document.domain.
    let mut a_with_domain = a.clone();
    if let Origin::Tuple { domain, .. } = &mut a_with_domain {
        *domain = Some("example.com".into());
    }
    assert_eq!(
        obtain_agent_cluster_key(&a_with_domain, AgentClusterKeying::Origin),
        key_a
    );

    let opaque = Origin::new_opaque();
    assert_ne!(
        agent_cluster_key(&opaque),
        agent_cluster_key(&Origin::new_opaque())
    );
    assert_eq!(
        agent_cluster_key(&opaque),
        agent_cluster_key(&opaque.clone())
    );
}

#[test]
fn site_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + Clone + std::hash::Hash + Eq + std::fmt::Debug>() {}
    assert_send_sync::<Site>();
    assert_send_sync::<AgentClusterKey>();
}
