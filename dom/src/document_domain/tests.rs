use url::Url;

use super::*;
use crate::origin::origin_of_url;

fn origin(url: &str) -> Origin {
    origin_of_url(&Url::parse(url).expect("test URL parses"))
}

#[test]
fn registrable_domain_suffix_table() {
    // (hostSuffixString, originalHost, expected)
    let cases = [
        ("example.com", "example.com", true),
        ("example.com", "a.example.com", true),
        ("example.com", "a.b.example.com", true),
        ("b.example.com", "a.b.example.com", true),
        ("EXAMPLE.com", "a.example.com", true),
        ("example.co.uk", "a.b.example.co.uk", true),
        ("foo.github.io", "a.foo.github.io", true),
        ("xn--bcher-kva.example", "a.xn--bcher-kva.example", true),
        ("bücher.example", "a.xn--bcher-kva.example", true),
        // Not a suffix: only loosening, along label boundaries.
        ("a.example.com", "example.com", false),
        ("ample.com", "example.com", false),
        ("other.com", "a.example.com", false),
        ("example.com.", "a.example.com", false),
        // Public suffixes, ICANN and private.
        ("com", "example.com", false),
        ("co.uk", "example.co.uk", false),
        ("uk", "example.co.uk", false),
        ("github.io", "foo.github.io", false),
        ("test", "a.test", false),
        ("localhost", "a.localhost", false),
        // Wildcard "*.ck": "b.ck" is a public suffix of "a.b.ck".
        ("b.ck", "a.b.ck", false),
        // Empty and unparsable values.
        ("", "example.com", false),
        ("", "", false),
        ("exa mple.com", "a.exa mple.com", false),
        ("[::1", "a.example.com", false),
        // IP addresses: only equal is allowed.
        ("127.0.0.1", "127.0.0.1", true),
        ("0x7f.1", "127.0.0.1", true),
        ("0.1", "127.0.0.1", false),
        ("1", "127.0.0.1", false),
        ("[::1]", "[::1]", true),
        ("[0::1]", "[::1]", true),
        ("::1", "[::1]", false),
        // A host equal to itself passes even when it is a public suffix.
        ("com", "com", true),
        ("localhost", "localhost", true),
    ];
    for (suffix, host, expected) in cases {
        assert_eq!(
            is_a_registrable_domain_suffix_of_or_is_equal_to(suffix, host),
            expected,
            "{suffix:?} suffix of {host:?}"
        );
    }
}

#[test]
fn getter() {
    assert_eq!(
        document_domain_getter(&origin("https://a.example.com:8443/")),
        "a.example.com"
    );
    assert_eq!(document_domain_getter(&origin("http://[::1]/")), "[::1]");
    assert_eq!(document_domain_getter(&origin("data:text/html,x")), "");
    let mut set = origin("https://a.example.com/");
    set.set_domain(Some("example.com".into()));
    assert_eq!(document_domain_getter(&set), "example.com");
}

/// (url, value, context, result, the origin's domain afterwards)
type SetterCase = (
    &'static str,
    &'static str,
    DocumentDomainSetterContext,
    Result<(), DocumentDomainError>,
    Option<&'static str>,
);

#[test]
fn setter_table() {
    let plain = DocumentDomainSetterContext::default();
    let no_context = DocumentDomainSetterContext {
        has_browsing_context: false,
        ..plain
    };
    let sandboxed = DocumentDomainSetterContext {
        sandboxed_document_domain: true,
        ..plain
    };
    let origin_keyed = DocumentDomainSetterContext {
        origin_keyed: true,
        ..plain
    };
    let not_suffix = |value: &str, effective: &str| {
        Err(DocumentDomainError::NotARegistrableDomainSuffix {
            value: value.into(),
            effective_domain: effective.into(),
        })
    };
    // (url, value, context, result, domain afterwards)
    let cases: Vec<SetterCase> = vec![
        (
            "https://a.example.com/",
            "example.com",
            plain,
            Ok(()),
            Some("example.com"),
        ),
        (
            "https://a.example.com/",
            "a.example.com",
            plain,
            Ok(()),
            Some("a.example.com"),
        ),
        (
            "https://a.example.com/",
            "Example.COM",
            plain,
            Ok(()),
            Some("example.com"),
        ),
        (
            "https://a.example.com/",
            "b.example.com",
            plain,
            not_suffix("b.example.com", "a.example.com"),
            None,
        ),
        (
            "https://a.example.com/",
            "com",
            plain,
            not_suffix("com", "a.example.com"),
            None,
        ),
        (
            "https://a.example.com/",
            "",
            plain,
            not_suffix("", "a.example.com"),
            None,
        ),
        (
            "https://foo.github.io/",
            "github.io",
            plain,
            not_suffix("github.io", "foo.github.io"),
            None,
        ),
        (
            "http://127.0.0.1/",
            "127.0.0.1",
            plain,
            Ok(()),
            Some("127.0.0.1"),
        ),
        (
            "http://127.0.0.1/",
            "0.0.1",
            plain,
            not_suffix("0.0.1", "127.0.0.1"),
            None,
        ),
        (
            "http://bücher.example/",
            "bücher.example",
            plain,
            Ok(()),
            Some("xn--bcher-kva.example"),
        ),
        (
            "https://a.example.com/",
            "example.com",
            no_context,
            Err(DocumentDomainError::NoBrowsingContext),
            None,
        ),
        (
            "https://a.example.com/",
            "example.com",
            sandboxed,
            Err(DocumentDomainError::Sandboxed),
            None,
        ),
        (
            "data:text/html,x",
            "example.com",
            plain,
            Err(DocumentDomainError::OpaqueOrigin),
            None,
        ),
        // Origin-keyed: the checks still throw, but a passing value changes nothing.
        (
            "https://a.example.com/",
            "example.com",
            origin_keyed,
            Ok(()),
            None,
        ),
        (
            "https://a.example.com/",
            "com",
            origin_keyed,
            not_suffix("com", "a.example.com"),
            None,
        ),
    ];
    for (url, value, context, expected, domain_after) in cases {
        let mut o = origin(url);
        assert_eq!(
            document_domain_setter(&mut o, value, context),
            expected,
            "{url} = {value:?}"
        );
        assert_eq!(o.domain(), domain_after, "{url} = {value:?}");
    }
}

#[test]
fn setter_only_loosens_from_the_effective_domain() {
    let mut o = origin("https://a.b.example.com/");
    let plain = DocumentDomainSetterContext::default();
    assert_eq!(
        document_domain_setter(&mut o, "b.example.com", plain),
        Ok(())
    );
    assert_eq!(document_domain_setter(&mut o, "example.com", plain), Ok(()));
    // Tightening again, even back to the host, fails: the effective domain is now
    // example.com.
    assert!(document_domain_setter(&mut o, "a.b.example.com", plain).is_err());
    assert_eq!(o.domain(), Some("example.com"));
    // Setting it to itself is allowed and keeps it.
    assert_eq!(document_domain_setter(&mut o, "example.com", plain), Ok(()));
    assert_eq!(o.domain(), Some("example.com"));
}

#[test]
fn errors_are_security_errors() {
    let errors = [
        DocumentDomainError::NoBrowsingContext,
        DocumentDomainError::Sandboxed,
        DocumentDomainError::OpaqueOrigin,
        DocumentDomainError::NotARegistrableDomainSuffix {
            value: "com".into(),
            effective_domain: "a.com".into(),
        },
    ];
    for error in errors {
        assert_eq!(error.dom_exception_name(), "SecurityError");
        assert!(error.to_string().starts_with("SecurityError: "), "{error}");
    }
}

/// Builds the matrix's origins: (url, domain set through document.domain or not).
fn matrix_origins(rows: &[(&str, Option<&str>)]) -> Vec<Origin> {
    rows.iter()
        .map(|&(url, value)| {
            let mut o = origin(url);
            if let Some(value) = value {
                let result =
                    document_domain_setter(&mut o, value, DocumentDomainSetterContext::default());
                assert_eq!(result, Ok(()), "{url} = {value}");
            }
            o
        })
        .collect()
}

#[test]
fn same_origin_and_same_origin_domain_matrices() {
    let rows: [(&str, Option<&str>); 7] = [
        /* 0 */ ("https://a.example.com/", None),
        /* 1 */ ("https://a.example.com/", Some("example.com")),
        /* 2 */ ("https://b.example.com/", Some("example.com")),
        /* 3 */ ("https://b.example.com/", None),
        /* 4 */ ("http://a.example.com/", Some("example.com")),
        /* 5 */ ("https://a.example.com:8443/", Some("example.com")),
        /* 6 */ ("https://a.example.com/", Some("a.example.com")),
    ];
    let origins = matrix_origins(&rows);
    // Same origin ignores the domain: scheme, host and port.
    let same_origin = [
        [1, 1, 0, 0, 0, 0, 1],
        [1, 1, 0, 0, 0, 0, 1],
        [0, 0, 1, 1, 0, 0, 0],
        [0, 0, 1, 1, 0, 0, 0],
        [0, 0, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 0, 1, 0],
        [1, 1, 0, 0, 0, 0, 1],
    ];
    // Same origin-domain: both domains null and same origin, or the same scheme and the
    // same non-null domain (the port no longer matters; setting the domain to the host
    // itself still separates a document from one that never set it).
    let same_origin_domain = [
        [1, 0, 0, 0, 0, 0, 0],
        [0, 1, 1, 0, 0, 1, 0],
        [0, 1, 1, 0, 0, 1, 0],
        [0, 0, 0, 1, 0, 0, 0],
        [0, 0, 0, 0, 1, 0, 0],
        [0, 1, 1, 0, 0, 1, 0],
        [0, 0, 0, 0, 0, 0, 1],
    ];
    for (i, a) in origins.iter().enumerate() {
        for (j, b) in origins.iter().enumerate() {
            let label = format!("{:?} vs {:?}", rows[i], rows[j]);
            assert_eq!(
                a.is_same_origin(b),
                same_origin[i][j] == 1,
                "same origin {label}"
            );
            assert_eq!(
                a.is_same_origin_domain(b),
                same_origin_domain[i][j] == 1,
                "same origin-domain {label}"
            );
        }
    }
}
