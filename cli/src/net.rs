//! `postern run`'s loader: the directories served as virtual hosts first, then the network
//! for every other `http:`/`https:` URL (unless `--offline`).
//!
//! The network side is [`HttpLoader`], on `ureq` (rustls, the webpki roots): it follows
//! redirects (the final URL is the resource's, so the document's URL and origin come from
//! it), keeps any status (a 404 page is still a document: an iframe of it fires `load`),
//! takes the MIME type from `Content-Type` and decodes text in a declared charset to UTF-8.

use std::time::Duration;

use postern_dom::loader::content_type_for_path;
use postern_dom::{LoadError, Resource, ResourceLoader, VirtualHosts, origin_of_url};
use ureq::ResponseExt;
use url::Url;

/// The largest response body read (a larger one is a network error): 64 MiB.
pub const MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;
/// The most redirects followed for one load.
pub const MAX_REDIRECTS: u32 = 20;

/// Fetches `http:`/`https:` URLs over the network.
pub struct HttpLoader {
    agent: ureq::Agent,
}

impl HttpLoader {
    /// A loader whose every fetch (connecting, redirects and reading the body) takes at most
    /// `timeout`. Proxies come from the usual environment variables (`HTTP_PROXY`,
    /// `HTTPS_PROXY`, `NO_PROXY`).
    pub fn new(timeout: Duration) -> HttpLoader {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(MAX_REDIRECTS)
            .timeout_global(Some(timeout))
            .user_agent(concat!("postern/", env!("CARGO_PKG_VERSION")))
            .build();
        HttpLoader {
            agent: ureq::Agent::new_with_config(config),
        }
    }
}

fn network_error(url: &Url, error: impl ToString) -> LoadError {
    LoadError::Network {
        url: url.to_string(),
        reason: error.to_string(),
    }
}

impl ResourceLoader for HttpLoader {
    fn load(&self, url: &Url) -> Result<Resource, LoadError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(LoadError::UnsupportedScheme {
                scheme: url.scheme().to_owned(),
                url: url.to_string(),
            });
        }
        // The fragment is not sent; the final URL keeps the request's (as fetch does).
        let mut request_url = url.clone();
        request_url.set_fragment(None);
        let mut response = self
            .agent
            .get(request_url.as_str())
            .call()
            .map_err(|e| network_error(url, e))?;
        let status = response.status().as_u16();
        let mut final_url = Url::parse(&response.get_uri().to_string()).unwrap_or(request_url);
        if final_url.fragment().is_none() {
            final_url.set_fragment(url.fragment());
        }
        let header = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY_BYTES)
            .read_to_vec()
            .map_err(|e| network_error(url, e))?;
        let (essence, charset) = match header.as_deref().and_then(parse_content_type) {
            Some(parsed) => parsed,
            // No (usable) Content-Type: guess from the path, as a file would be.
            None => (
                content_type_for_path(std::path::Path::new(final_url.path())).to_owned(),
                None,
            ),
        };
        let body = decode_to_utf8(&essence, charset.as_deref(), body);
        Ok(Resource {
            url: final_url,
            status,
            content_type: essence,
            body,
        })
    }
}

/// A `Content-Type` header's MIME type essence (lowercase `type/subtype`) and its `charset`
/// parameter, if any; `None` when it is not a MIME type.
pub fn parse_content_type(header: &str) -> Option<(String, Option<String>)> {
    let mut parts = header.split(';');
    let essence = parts.next()?.trim().to_ascii_lowercase();
    let (kind, subtype) = essence.split_once('/')?;
    if kind.is_empty() || subtype.is_empty() || essence.contains(char::is_whitespace) {
        return None;
    }
    let charset = parts.find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_owned())
    });
    Some((essence, charset))
}

/// Whether a MIME type's body is text the engine reads (documents, scripts, JSON, XML).
fn is_text(essence: &str) -> bool {
    essence.starts_with("text/")
        || essence.ends_with("+xml")
        || essence.ends_with("+json")
        || matches!(
            essence,
            "application/javascript"
                | "application/x-javascript"
                | "application/ecmascript"
                | "application/json"
                | "application/xml"
        )
}

/// The engine reads text as UTF-8: a text body with a byte order mark, or in another declared
/// charset (a label the Encoding Standard knows), is decoded to UTF-8 here; the byte order
/// mark wins over the label, as the Encoding Standard's decode does.
// TODO: an HTML document without a charset in its Content-Type is not prescanned for
// `<meta charset>`; it is read as UTF-8.
pub fn decode_to_utf8(essence: &str, charset: Option<&str>, body: Vec<u8>) -> Vec<u8> {
    if !is_text(essence) {
        return body;
    }
    // A byte order mark, else the declared charset.
    let bom = encoding_rs::Encoding::for_bom(&body).map(|(encoding, _)| encoding);
    let declared = charset.and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    let Some(encoding) = bom.or(declared) else {
        return body;
    };
    if encoding == encoding_rs::UTF_8 && bom.is_none() {
        return body;
    }
    let (text, _, _) = encoding.decode(&body);
    text.into_owned().into_bytes()
}

/// Virtual hosts first, then (unless offline) the network for `http:`/`https:` URLs whose
/// origin no directory serves.
pub struct RunLoader {
    hosts: VirtualHosts,
    network: Option<HttpLoader>,
}

impl RunLoader {
    /// Serves `hosts`, and fetches the rest through `network` (`None`: offline).
    pub fn new(hosts: VirtualHosts, network: Option<HttpLoader>) -> RunLoader {
        RunLoader { hosts, network }
    }
}

impl ResourceLoader for RunLoader {
    fn load(&self, url: &Url) -> Result<Resource, LoadError> {
        if let Some(network) = &self.network
            && matches!(url.scheme(), "http" | "https")
            && self
                .hosts
                .directory_for(&origin_of_url(url).ascii_serialization())
                .is_none()
        {
            return network.load(url);
        }
        self.hosts.load(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_parsed() {
        assert_eq!(
            parse_content_type("Text/HTML; Charset=\"ISO-8859-1\""),
            Some(("text/html".into(), Some("ISO-8859-1".into())))
        );
        assert_eq!(
            parse_content_type("application/json"),
            Some(("application/json".into(), None))
        );
        assert_eq!(parse_content_type("nonsense"), None);
        assert_eq!(parse_content_type("/x"), None);
    }

    #[test]
    fn text_in_a_declared_charset_becomes_utf8() {
        let latin1 = vec![b'c', b'a', b'f', 0xE9];
        assert_eq!(
            decode_to_utf8("text/html", Some("iso-8859-1"), latin1.clone()),
            "café".as_bytes()
        );
        // Not text, no charset, or an unknown label: the bytes as they are.
        assert_eq!(
            decode_to_utf8("image/png", Some("iso-8859-1"), latin1.clone()),
            latin1
        );
        assert_eq!(decode_to_utf8("text/html", None, latin1.clone()), latin1);
        // A UTF-16 byte order mark wins over the label, and over no label.
        let utf16 = vec![0xFF, 0xFE, b'h', 0, b'i', 0];
        assert_eq!(decode_to_utf8("text/html", None, utf16.clone()), b"hi");
        assert_eq!(
            decode_to_utf8("text/html", Some("iso-8859-1"), utf16),
            b"hi"
        );
        // A UTF-8 byte order mark is dropped.
        assert_eq!(
            decode_to_utf8("text/plain", None, b"\xEF\xBB\xBFok".to_vec()),
            b"ok"
        );
        assert_eq!(
            decode_to_utf8("text/html", Some("no-such"), latin1.clone()),
            latin1
        );
    }

    #[test]
    fn offline_http_urls_go_to_the_virtual_hosts() {
        let loader = RunLoader::new(VirtualHosts::new(), None);
        let url = Url::parse("http://localhost:1/").unwrap();
        assert!(matches!(
            loader.load(&url),
            Err(LoadError::UnknownHost { .. })
        ));
    }
}
