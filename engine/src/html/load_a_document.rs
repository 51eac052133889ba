//! Loading a document by its type: only an HTML (or XML) response is parsed as markup; text
//! becomes a `pre` of it, an image, video or audio a document showing it, anything else no
//! document of its own.
//!
//! Postern has one parser, driven by [`navigation`](crate::html::navigation) on the source a
//! response gives; these functions turn the response into that source, so the document built
//! from it is the one the spec's algorithm builds.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#loading-a-document>

use url::Url;

/// A type of media a media document shows, and its element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Media {
    Image,
    Video,
    Audio,
}

/// The MIME type essence of a `Content-Type`-like string: before any parameters, trimmed,
/// ASCII lowercase.
fn essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether `essence` is a JavaScript MIME type (MIME Sniffing §4.6).
fn is_javascript_mime_type(essence: &str) -> bool {
    matches!(
        essence,
        "application/ecmascript"
            | "application/javascript"
            | "application/x-ecmascript"
            | "application/x-javascript"
            | "text/ecmascript"
            | "text/javascript"
            | "text/javascript1.0"
            | "text/javascript1.1"
            | "text/javascript1.2"
            | "text/javascript1.3"
            | "text/javascript1.4"
            | "text/javascript1.5"
            | "text/jscript"
            | "text/livescript"
            | "text/x-ecmascript"
            | "text/x-javascript"
    )
}

/// Whether `essence` is a JSON MIME type (MIME Sniffing §4.6).
fn is_json_mime_type(essence: &str) -> bool {
    essence.ends_with("+json") || matches!(essence, "application/json" | "text/json")
}

/// Whether `essence` is an XML MIME type (MIME Sniffing §4.6).
fn is_xml_mime_type(essence: &str) -> bool {
    essence.ends_with("+xml") || matches!(essence, "text/xml" | "application/xml")
}

/// The source Postern's parser reads for a response of type `content_type` from `url`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#loading-a-document>
pub(crate) fn load_a_document(content_type: &str, url: &Url, body: Vec<u8>) -> Vec<u8> {
    // 1. Let type be the computed type of navigationParams's response.
    // Deviation: no MIME type sniffing: the type is the response's Content-Type essence; an
    // empty one or `application/octet-stream` (a file whose extension says nothing) is read
    // as HTML, as before types were looked at.
    let type_ = essence(content_type);
    // 2. If the user agent has been configured to process resources of the given type using
    //    some mechanism other than rendering the content in a navigable, then skip this step.
    //    Otherwise, if the type is one of the following types:
    //    - an HTML MIME type: return the result of loading an HTML document.
    if type_ == "text/html" || type_.is_empty() || type_ == "application/octet-stream" {
        return body;
    }
    //    - an XML MIME type that is not an explicitly supported XML MIME type: return the
    //      result of loading an XML document.
    // Deviation: there is no XML parser; XML (XHTML and SVG included) is read by the HTML
    // parser.
    if is_xml_mime_type(&type_) {
        return body;
    }
    //    - a JavaScript MIME type, a JSON MIME type that is not an explicitly supported JSON
    //      MIME type, "text/css", "text/plain", "text/vtt": return the result of loading a
    //      text document.
    if is_javascript_mime_type(&type_)
        || is_json_mime_type(&type_)
        || matches!(type_.as_str(), "text/css" | "text/plain" | "text/vtt")
    {
        return load_a_text_document(&body);
    }
    //    - "multipart/x-mixed-replace": loading a multipart/x-mixed-replace document.
    // TODO(spec): step 2, multipart/x-mixed-replace (falls through to step 3).
    //    - a supported image, video, or audio type: return the result of loading a media
    //      document.
    let media = match type_.split_once('/').map(|(kind, _)| kind) {
        Some("image") => Some(Media::Image),
        Some("video") => Some(Media::Video),
        Some("audio") => Some(Media::Audio),
        _ => None,
    };
    if let Some(media) = media {
        return load_a_media_document(media, url);
    }
    //    - "application/pdf", "text/pdf": a PDF viewer (none here).
    // 3. Return null: the resource is handed off to external software.
    // Deviation: the navigable gets an empty HTML document instead of keeping its current
    // one (an iframe of it still fires `load`; no script of the resource runs).
    Vec::new()
}

/// The source of a text document: the response inside a `pre` element.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#read-text>
fn load_a_text_document(body: &[u8]) -> Vec<u8> {
    // 1. Let document be the result of creating and initializing a Document object given
    //    "html", type, and navigationParams (done by the caller).
    // 2-3. Set document's parser cannot change the mode flag to true and its mode to
    //    "no-quirks".
    // TODO(spec): steps 2-3: the document's mode is not tracked.
    // 4. Act as if the tokenizer had emitted a start tag token with the tag name "pre"
    //    followed by a single U+000A LINE FEED (LF) character, and switch the tokenizer to
    //    the PLAINTEXT state: the same tree comes from `<pre>` and a line feed, then the text
    //    with `&` and `<` escaped (so no markup in it is seen).
    let text = String::from_utf8_lossy(body);
    let mut source = String::with_capacity(text.len() + 8);
    source.push_str("<pre>\n");
    for c in text.chars() {
        match c {
            '&' => source.push_str("&amp;"),
            '<' => source.push_str("&lt;"),
            _ => source.push(c),
        }
    }
    // 5. User agents may add content to the head element of document (none added).
    // 6. Return document.
    source.into_bytes()
}

/// The source of a media document: an `img`, `video` or `audio` element whose `src` is the
/// resource's URL.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#read-media>
fn load_a_media_document(media: Media, url: &Url) -> Vec<u8> {
    // 1-2. Create and initialize the document (the caller); its mode is "no-quirks": the
    //    doctype below gives it that mode.
    // 3. Populate with html/head/body given document.
    // 4-5. Append an element host element for the media to the body element, its
    //    appropriate attribute set to the address of the resource.
    let element = match media {
        Media::Image => "img",
        Media::Video => "video",
        Media::Audio => "audio",
    };
    let address = url.as_str().replace('&', "&amp;").replace('"', "&quot;");
    // 6-7. Nothing added to head; no link headers.
    // 8-9. Act as if the user agent had stopped parsing document (the parser's end), and
    //    return it.
    format!("<!DOCTYPE html><html><head></head><body><{element} src=\"{address}\"></body></html>")
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> Url {
        Url::parse("http://a.test/x?a=1&b=2").unwrap()
    }

    #[test]
    fn html_and_unknown_types_are_parsed_as_they_are() {
        for type_ in [
            "text/html",
            "TEXT/HTML; charset=utf-8",
            "",
            "application/octet-stream",
            "application/xhtml+xml",
        ] {
            assert_eq!(load_a_document(type_, &url(), b"<p>x".to_vec()), b"<p>x");
        }
    }

    #[test]
    fn text_becomes_the_content_of_a_pre() {
        let source = load_a_document(
            "text/plain;charset=US-ASCII",
            &url(),
            b"\n<script>x && y</script>".to_vec(),
        );
        assert_eq!(source, b"<pre>\n\n&lt;script>x &amp;&amp; y&lt;/script>");
        for type_ in [
            "text/javascript",
            "application/json",
            "text/css",
            "x/y+json",
        ] {
            assert!(load_a_document(type_, &url(), b"a".to_vec()).starts_with(b"<pre>\n"));
        }
    }

    #[test]
    fn media_shows_the_resource_and_other_types_give_an_empty_document() {
        assert_eq!(
            load_a_document("image/png", &url(), vec![0x89, b'P']),
            b"<!DOCTYPE html><html><head></head><body><img src=\"http://a.test/x?a=1&amp;b=2\"></body></html>"
        );
        assert!(
            String::from_utf8_lossy(&load_a_document("audio/ogg", &url(), Vec::new()))
                .contains("<audio src=")
        );
        assert_eq!(
            load_a_document("application/pdf", &url(), b"%PDF".to_vec()),
            b""
        );
    }
}
