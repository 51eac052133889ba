use super::*;

fn origin(url: &str) -> Origin {
    origin_of_url(&Url::parse(url).expect("test URL parses"))
}

#[test]
fn serialization_table() {
    let cases = [
        ("http://a.test/", "http://a.test"),
        ("http://a.test:80/x?y#z", "http://a.test"),
        ("https://a.test:443/", "https://a.test"),
        ("https://a.test:80/", "https://a.test:80"),
        ("http://a.test:8080/", "http://a.test:8080"),
        ("HTTP://A.TEST/", "http://a.test"),
        ("ws://a.test:80/", "ws://a.test"),
        ("wss://a.test:443/", "wss://a.test"),
        ("ftp://a.test:21/", "ftp://a.test"),
        ("http://éxample.test/", "http://xn--xample-9ua.test"),
        ("http://[::1]:8000/", "http://[::1]:8000"),
        ("http://[2001:db8::1]/", "http://[2001:db8::1]"),
        ("http://127.0.0.1/", "http://127.0.0.1"),
        ("http://user:pass@a.test/", "http://a.test"),
        ("file:///tmp/x.html", "null"),
        ("data:text/html,hi", "null"),
        ("about:blank", "null"),
        ("javascript:1", "null"),
        ("blob:https://a.test/uuid", "https://a.test"),
        ("blob:http://a.test:8080/uuid", "http://a.test:8080"),
        ("blob:file:///tmp/uuid", "null"),
        ("blob:data:text/html,hi", "null"),
        ("blob:not a url", "null"),
        ("custom://a.test/", "null"),
    ];
    for (url, expected) in cases {
        assert_eq!(origin(url).ascii_serialization(), expected, "{url}");
    }
}

#[test]
fn tuple_fields() {
    assert_eq!(
        origin("https://a.test:8443/"),
        Origin::Tuple {
            scheme: "https".into(),
            host: "a.test".into(),
            port: Some(8443),
            domain: None,
        }
    );
    assert_eq!(
        origin("https://a.test:443/"),
        Origin::tuple("https", "a.test", None)
    );
}

#[test]
fn opaque_origins_are_unique() {
    let a = origin("data:text/html,a");
    let b = origin("data:text/html,a");
    assert!(a.is_opaque());
    assert!(a.is_same_origin(&a));
    assert!(a.is_same_origin(&a.clone()));
    assert!(!a.is_same_origin(&b));
    assert!(!a.is_same_origin_domain(&b));
    assert!(a.is_same_origin_domain(&a));
}

#[test]
fn same_origin_matrix() {
    let urls = [
        "http://a.test/",
        "http://a.test:80/other",
        "https://a.test/",
        "http://b.test/",
        "http://a.test:8080/",
        "http://sub.a.test/",
    ];
    // Same origin exactly when scheme, host and port agree.
    let group = [0, 0, 1, 2, 3, 4];
    let origins: Vec<Origin> = urls.iter().map(|u| origin(u)).collect();
    for (i, a) in origins.iter().enumerate() {
        for (j, b) in origins.iter().enumerate() {
            let expected = group[i] == group[j];
            assert_eq!(a.is_same_origin(b), expected, "{} vs {}", urls[i], urls[j]);
            assert_eq!(
                a.is_same_origin_domain(b),
                expected,
                "{} vs {}",
                urls[i],
                urls[j]
            );
        }
        let opaque = Origin::new_opaque();
        assert!(!a.is_same_origin(&opaque));
        assert!(!opaque.is_same_origin(a));
    }
}

fn with_domain(origin: Origin, new_domain: &str) -> Origin {
    match origin {
        Origin::Tuple {
            scheme, host, port, ..
        } => Origin::Tuple {
            scheme,
            host,
            port,
            domain: Some(new_domain.to_owned()),
        },
        opaque => opaque,
    }
}

#[test]
fn same_origin_domain_uses_domain() {
    let parent = origin("http://a.test/");
    let child = origin("http://sub.a.test/");
    assert!(!parent.is_same_origin_domain(&child));

    // Both set document.domain = "a.test".
    let parent_set = with_domain(parent.clone(), "a.test");
    let child_set = with_domain(child.clone(), "a.test");
    assert!(parent_set.is_same_origin_domain(&child_set));
    assert!(!parent_set.is_same_origin(&child_set));

    // Only one side set it: not same origin-domain, even with the same origin.
    assert!(!parent_set.is_same_origin_domain(&parent));
    assert!(parent_set.is_same_origin(&parent));

    // Different schemes never match through domain.
    let https_set = with_domain(origin("https://sub.a.test/"), "a.test");
    assert!(!parent_set.is_same_origin_domain(&https_set));
}

#[test]
fn display_is_ascii_serialization() {
    assert_eq!(origin("http://a.test:81/").to_string(), "http://a.test:81");
    assert_eq!(Origin::new_opaque().to_string(), "null");
}
