//! `javascript:` URLs: the script source a navigation to one evaluates.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#evaluate-a-javascript:-url>
//! (steps 1-3; the engine runs the script and makes its string result the new document)

use percent_encoding::percent_decode_str;
use url::Url;

/// Whether `url` is a `javascript:` URL (its scheme is "javascript").
pub fn is_javascript_url(url: &Url) -> bool {
    url.scheme() == "javascript"
}

/// The script source of a `javascript:` URL: the URL serialized, without its leading
/// `javascript:`, percent-decoded and decoded as UTF-8 (invalid sequences become U+FFFD).
/// `None` when `url` is not a `javascript:` URL.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#evaluate-a-javascript:-url>
pub fn javascript_url_script_source(url: &Url) -> Option<String> {
    if !is_javascript_url(url) {
        return None;
    }
    // 1. Let urlString be the result of running the URL serializer on url.
    let url_string = url.as_str();
    // 2. Let encodedScriptSource be the result of removing the leading "javascript:" from
    //    urlString.
    let encoded_script_source = url_string.get("javascript:".len()..)?;
    // 3. Let scriptSource be the UTF-8 decoding of the percent-decoding of
    //    encodedScriptSource.
    Some(
        percent_decode_str(encoded_script_source)
            .decode_utf8_lossy()
            .into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(s: &str) -> Option<String> {
        javascript_url_script_source(&Url::parse(s).expect("url"))
    }

    #[test]
    fn script_source_is_percent_decoded_utf8() {
        assert_eq!(source("javascript:1+1").as_deref(), Some("1+1"));
        assert_eq!(
            source("JavaScript:'a%20b'").as_deref(),
            Some("'a b'"),
            "the scheme is lowercased by the parser"
        );
        assert_eq!(
            source("javascript:'<p>%E2%9C%93</p>'").as_deref(),
            Some("'<p>\u{2713}</p>'")
        );
        // The parser percent-encodes spaces and quotes in the path; decoding restores them.
        assert_eq!(source("javascript:'a \"b\"'").as_deref(), Some("'a \"b\"'"));
        // An invalid UTF-8 sequence becomes U+FFFD; a lone % stays.
        assert_eq!(source("javascript:'%FF'").as_deref(), Some("'\u{fffd}'"));
        assert_eq!(source("javascript:5%").as_deref(), Some("5%"));
        // A fragment is part of the URL, so of the script.
        assert_eq!(source("javascript:x#y").as_deref(), Some("x#y"));
        assert_eq!(source("http://a.test/"), None);
    }
}
