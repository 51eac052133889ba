//! The hosts and ports of WPT's default server configuration, served in-process.
//!
//! See <https://web-platform-tests.org/writing-tests/server-features.html>.

use url::Url;

/// WPT's browser host.
pub const BROWSER_HOST: &str = "web-platform.test";
/// WPT's alternate host (`{{hosts[alt][]}}`).
pub const ALT_HOST: &str = "not-web-platform.test";
/// The subdomains of both hosts, as written in WPT's configuration (IDN ones in Unicode).
pub const SUBDOMAINS: [&str; 5] = ["www", "www1", "www2", "天気の良い日", "élève"];
/// The HTTP ports (`{{ports[http][i]}}`).
pub const HTTP_PORTS: [u16; 2] = [8000, 8001];
/// The HTTPS ports (`{{ports[https][i]}}`).
pub const HTTPS_PORTS: [u16; 2] = [8443, 8444];
/// Other port lists scripts may name (`ws`, `wss`, `h2`): substituted, not served.
pub const OTHER_PORTS: [(&str, u16); 3] = [("ws", 8888), ("wss", 8889), ("h2", 9000)];

/// The ASCII (punycode) form of a host name.
pub fn ascii_host(host: &str) -> String {
    Url::parse(&format!("http://{host}/"))
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| host.to_string())
}

/// `{{hosts[alt][sub]}}`: a subdomain (or "" for the bare host) of the browser host or the
/// alternate host, in ASCII form.
pub fn host_name(alternate: bool, subdomain: &str) -> String {
    let base = if alternate { ALT_HOST } else { BROWSER_HOST };
    if subdomain.is_empty() {
        base.to_string()
    } else {
        ascii_host(&format!("{subdomain}.{base}"))
    }
}

/// Every host the virtual server answers for, in ASCII form.
pub fn all_hosts() -> Vec<String> {
    let mut hosts = Vec::new();
    for alternate in [false, true] {
        hosts.push(host_name(alternate, ""));
        for sub in SUBDOMAINS {
            hosts.push(host_name(alternate, sub));
        }
    }
    hosts
}

/// The ports of a scheme (`http`, `https`, `ws`, ...).
pub fn ports(scheme: &str) -> Vec<u16> {
    match scheme {
        "http" => HTTP_PORTS.to_vec(),
        "https" => HTTPS_PORTS.to_vec(),
        other => OTHER_PORTS
            .iter()
            .filter(|(s, _)| *s == other)
            .map(|(_, p)| *p)
            .collect(),
    }
}

/// Whether the virtual server answers `url`.
pub fn is_served(url: &Url) -> bool {
    let scheme_ok = matches!(url.scheme(), "http" | "https");
    let port_ok = url
        .port_or_known_default()
        .is_some_and(|p| ports(url.scheme()).contains(&p));
    let host_ok = url
        .host_str()
        .is_some_and(|h| all_hosts().iter().any(|known| known == h));
    scheme_ok && port_ok && host_ok
}

/// The URL a test at `path` (from the root, starting with `/`) is loaded from.
pub fn test_url(path: &str) -> Option<Url> {
    let https = path.contains(".https.") || path.contains(".h2.");
    let (scheme, port) = if https {
        ("https", HTTPS_PORTS[0])
    } else {
        ("http", HTTP_PORTS[0])
    };
    Url::parse(&format!("{scheme}://{BROWSER_HOST}:{port}{path}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idn_subdomains_are_punycode() {
        assert_eq!(
            host_name(false, "天気の良い日"),
            "xn--n8j6ds53lwwkrqhv28a.web-platform.test"
        );
        assert_eq!(
            host_name(true, "élève"),
            "xn--lve-6lad.not-web-platform.test"
        );
        assert_eq!(host_name(false, "www1"), "www1.web-platform.test");
    }

    #[test]
    fn served_urls() {
        let yes = [
            "http://web-platform.test:8000/x",
            "https://www.not-web-platform.test:8444/",
        ];
        let no = [
            "http://web-platform.test/x",
            "http://example.test:8000/",
            "ftp://web-platform.test:8000/",
        ];
        for u in yes {
            assert!(
                is_served(&Url::parse(u).unwrap_or_else(|_| panic!("{u}"))),
                "{u}"
            );
        }
        for u in no {
            assert!(
                !is_served(&Url::parse(u).unwrap_or_else(|_| panic!("{u}"))),
                "{u}"
            );
        }
    }
}
