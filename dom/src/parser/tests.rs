use std::cell::RefCell;
use std::rc::Rc;

use url::Url;

use super::*;
use crate::document::NodeData;
use crate::origin::origin_of_url;

fn new_document() -> Rc<RefCell<Document>> {
    let url = Url::parse("http://a.test/").expect("test URL parses");
    let origin = origin_of_url(&url);
    Rc::new(RefCell::new(Document::new(url, origin)))
}

/// Parses to the end, collecting every event but the final `Finished`.
pub(super) fn parse_all(input: &str) -> (Rc<RefCell<Document>>, Vec<ParseEvent>) {
    let document = new_document();
    let mut parser = HtmlParser::new(Rc::clone(&document), input);
    let mut events = Vec::new();
    loop {
        match parser.next_event() {
            ParseEvent::Finished => break,
            event => events.push(event),
        }
    }
    assert_eq!(parser.next_event(), ParseEvent::Finished);
    assert_eq!(parser.next_event(), ParseEvent::Finished);
    (document, events)
}

#[test]
fn parses_head_body_ids_and_text() {
    let (document, events) = parse_all(
        "<!DOCTYPE html><html><head><title>T</title></head>\
         <body><div id=outer class='a'><p id=inner>Hello <b>world</b></p></div></body></html>",
    );
    assert!(events.is_empty());
    let doc = document.borrow();
    let root = doc.document_node();
    assert!(matches!(
        doc.data(doc.children(root)[0]),
        Some(NodeData::Doctype { name }) if name == "html"
    ));
    let head = doc.head().expect("head");
    let body = doc.body().expect("body");
    assert_eq!(doc.local_name(head), Some("head"));
    assert_eq!(doc.get_elements_by_tag_name("title").len(), 1);
    let outer = doc.get_element_by_id("outer").expect("outer");
    let inner = doc.get_element_by_id("inner").expect("inner");
    assert_eq!(doc.parent(outer), Some(body));
    assert_eq!(doc.parent(inner), Some(outer));
    assert_eq!(doc.get_attribute(outer, "class"), Some("a"));
    assert_eq!(doc.text_content(inner).as_deref(), Some("Hello world"));
    assert_eq!(doc.text_content(head).as_deref(), Some("T"));
    assert!(doc.is_connected(inner));
}

#[test]
fn implied_elements_are_created() {
    let (document, _) = parse_all("just text");
    let doc = document.borrow();
    let body = doc.body().expect("implied body");
    assert!(doc.head().is_some());
    assert_eq!(doc.text_content(body).as_deref(), Some("just text"));
}

#[test]
fn scripts_pause_in_order_with_only_preceding_content() {
    let document = new_document();
    let mut parser = HtmlParser::new(
        Rc::clone(&document),
        "<p id=before>b</p><script>one()</script><p id=between></p>\
         <script>two()</script><p id=after></p>",
    );

    let ParseEvent::ScriptReady(first) = parser.next_event() else {
        panic!("expected the first script");
    };
    {
        let doc = document.borrow();
        assert_eq!(doc.child_text(first), "one()");
        assert!(doc.is_connected(first));
        assert!(doc.get_element_by_id("before").is_some());
        assert!(doc.get_element_by_id("between").is_none());
        assert!(doc.get_element_by_id("after").is_none());
    }
    // The engine may mutate the document at the pause.
    {
        let mut doc = document.borrow_mut();
        let body = doc.body().expect("body");
        let added = doc.create_element("span");
        doc.append_child(body, added).expect("append");
    }

    let ParseEvent::ScriptReady(second) = parser.next_event() else {
        panic!("expected the second script");
    };
    {
        let doc = document.borrow();
        assert_ne!(first, second);
        assert_eq!(doc.child_text(second), "two()");
        assert!(doc.get_element_by_id("between").is_some());
        assert!(doc.get_element_by_id("after").is_none());
        assert_eq!(doc.get_elements_by_tag_name("span").len(), 1);
    }
    assert_eq!(parser.next_event(), ParseEvent::Finished);
    assert!(document.borrow().get_element_by_id("after").is_some());
}

#[test]
fn iframes_are_reported_before_later_scripts() {
    let (document, events) = parse_all(
        "<iframe id=a src='http://b.test/'></iframe><div><iframe id=b></iframe></div>\
         <script>s()</script><iframe id=c></iframe>",
    );
    let doc = document.borrow();
    let id = |name: &str| doc.get_element_by_id(name).expect("element");
    let script = doc.get_elements_by_tag_name("script")[0];
    assert_eq!(
        events,
        vec![
            ParseEvent::IframeInserted(id("a")),
            ParseEvent::IframeInserted(id("b")),
            ParseEvent::ScriptReady(script),
            ParseEvent::IframeInserted(id("c")),
        ]
    );
    assert_eq!(doc.get_attribute(id("a"), "src"), Some("http://b.test/"));
}

#[test]
fn iframe_attributes_are_present_when_reported() {
    let document = new_document();
    let mut parser = HtmlParser::new(Rc::clone(&document), "<iframe name=f src=x.html>");
    let ParseEvent::IframeInserted(iframe) = parser.next_event() else {
        panic!("expected an iframe");
    };
    let doc = document.borrow();
    assert_eq!(doc.get_attribute(iframe, "name"), Some("f"));
    assert_eq!(doc.get_attribute(iframe, "src"), Some("x.html"));
}

#[test]
fn foster_parented_iframe_is_reported_once() {
    let (document, events) = parse_all("<table><iframe></iframe><tr><td>x</td></tr></table>");
    let doc = document.borrow();
    let iframes = doc.get_elements_by_tag_name("iframe");
    assert_eq!(iframes.len(), 1);
    assert_eq!(events, vec![ParseEvent::IframeInserted(iframes[0])]);
}

#[test]
fn template_contents_are_inert() {
    let (document, events) =
        parse_all("<template><iframe></iframe><p id=t>x</p></template><p id=real></p>");
    let doc = document.borrow();
    assert_eq!(events, Vec::new());
    let template = doc.get_elements_by_tag_name("template")[0];
    let contents = doc.template_contents(template).expect("contents");
    assert!(doc.children(template).is_empty());
    assert_eq!(doc.children(contents).len(), 2);
    assert!(doc.get_element_by_id("t").is_none());
    assert!(doc.get_element_by_id("real").is_some());
}

#[test]
fn unterminated_script_is_not_reported() {
    let (document, events) = parse_all("<script>never()");
    assert!(events.is_empty());
    assert_eq!(
        document.borrow().get_elements_by_tag_name("script").len(),
        1
    );
}

#[test]
fn malformed_html_does_not_panic() {
    let inputs = [
        "",
        "<",
        "</",
        "<<<>>>",
        "<div><span></div></span>",
        "<b><i></b></i><p>x<table><b>y</table>",
        "<a><p><a></p></a>",
        "<!-- unterminated comment",
        "<!DOCTYPE",
        "<html><html lang=x><body><body class=y>",
        "<svg><foreignObject><iframe></iframe></foreignObject><script>s()</script></svg>",
        "<math><mi><script>t()</script></mi></math>",
        "\u{0}\u{feff}<p>\u{fffd}</p>&amp;&bogus;&#x110000;",
        "<frameset><frame></frameset><noframes>",
        "<select><option><iframe></select>",
        "<table><tr><td><table></td></table>",
    ];
    for input in inputs {
        let (document, _) = parse_all(input);
        assert!(document.borrow().document_element().is_some() || input.is_empty());
    }
    // Deep nesting: html5ever's scope checks are quadratic in depth (slow in debug
    // builds), so this stays moderate; what matters is that nothing recurses.
    let deep = "<div>".repeat(1_500) + &"<b>".repeat(1_000);
    let (document, _) = parse_all(&deep);
    assert_eq!(
        document.borrow().get_elements_by_tag_name("div").len(),
        1_500
    );
}

#[test]
fn misnested_formatting_keeps_text() {
    let (document, _) = parse_all("<p>1<b>2<i>3</b>4</i>5</p>");
    let doc = document.borrow();
    let p = doc.get_elements_by_tag_name("p")[0];
    assert_eq!(doc.text_content(p).as_deref(), Some("12345"));
}

#[test]
fn svg_script_is_not_reported() {
    let (_, events) = parse_all("<svg><script>x()</script></svg>");
    assert!(events.is_empty());
}
