use url::Url;

use super::*;
use crate::origin::origin_of_url;

fn empty_document() -> Document {
    let url = Url::parse("http://a.test/").expect("test URL parses");
    let origin = origin_of_url(&url);
    Document::new(url, origin)
}

/// `<html><head></head><body></body></html>` built through the DOM API.
fn skeleton() -> (Document, NodeId, NodeId, NodeId) {
    let mut doc = empty_document();
    let root = doc.document_node();
    let html = doc.create_element("html");
    let head = doc.create_element("HEAD");
    let body = doc.create_element("body");
    doc.append_child(root, html).expect("html");
    doc.append_child(html, head).expect("head");
    doc.append_child(html, body).expect("body");
    (doc, html, head, body)
}

#[test]
fn new_document_is_empty() {
    let doc = empty_document();
    assert_eq!(doc.url().as_str(), "http://a.test/");
    assert_eq!(doc.origin().ascii_serialization(), "http://a.test");
    assert_eq!(doc.data(doc.document_node()), Some(&NodeData::Document));
    assert_eq!(doc.document_element(), None);
    assert_eq!(doc.head(), None);
    assert_eq!(doc.body(), None);
    assert_eq!(doc.node(NodeId(99)), None);
}

#[test]
fn skeleton_has_head_and_body() {
    let (doc, html, head, body) = skeleton();
    assert_eq!(doc.document_element(), Some(html));
    assert_eq!(doc.head(), Some(head));
    assert_eq!(doc.body(), Some(body));
    assert_eq!(doc.local_name(head), Some("head"));
    assert_eq!(doc.namespace(head), Some(HTML_NAMESPACE));
    assert!(doc.is_connected(body));
    assert_eq!(doc.parent(body), Some(html));
    assert_eq!(doc.next_sibling(head), Some(body));
    assert_eq!(doc.previous_sibling(body), Some(head));
    assert_eq!(doc.previous_sibling(head), None);
}

#[test]
fn attributes_are_case_insensitive_on_html_elements() {
    let (mut doc, _, _, body) = skeleton();
    assert_eq!(doc.get_attribute(body, "id"), None);
    doc.set_attribute(body, "ID", "main").expect("valid name");
    assert_eq!(doc.get_attribute(body, "id"), Some("main"));
    assert_eq!(doc.get_attribute(body, "Id"), Some("main"));
    doc.set_attribute(body, "id", "other").expect("valid name");
    assert_eq!(doc.attributes(body).map(<[_]>::len), Some(1));
    assert_eq!(doc.get_element_by_id("other"), Some(body));
    assert!(doc.remove_attribute(body, "ID"));
    assert!(!doc.remove_attribute(body, "id"));
    assert_eq!(doc.get_element_by_id("other"), None);

    let err = doc
        .set_attribute(body, "a=b", "x")
        .expect_err("invalid name");
    assert_eq!(err.dom_exception_name(), "InvalidCharacterError");
    let text = doc.create_text_node("t");
    let err = doc
        .set_attribute(text, "a", "x")
        .expect_err("not an element");
    assert_eq!(err, DomError::NotAnElement(text));
    assert_eq!(doc.get_attribute(text, "a"), None);
}

#[test]
fn get_element_by_id_is_tree_order_and_skips_empty() {
    let (mut doc, _, _, body) = skeleton();
    let outer = doc.create_element("div");
    let inner = doc.create_element("span");
    let later = doc.create_element("p");
    doc.append_child(body, outer).expect("append");
    doc.append_child(outer, inner).expect("append");
    doc.append_child(body, later).expect("append");
    doc.set_attribute(later, "id", "x").expect("set");
    doc.set_attribute(inner, "id", "x").expect("set");
    doc.set_attribute(outer, "id", "").expect("set");
    assert_eq!(doc.get_element_by_id("x"), Some(inner));
    assert_eq!(doc.get_element_by_id(""), None);
    // Disconnected elements are not found.
    let loose = doc.create_element("div");
    doc.set_attribute(loose, "id", "loose").expect("set");
    assert_eq!(doc.get_element_by_id("loose"), None);
}

#[test]
fn get_elements_by_tag_name() {
    let (mut doc, html, head, body) = skeleton();
    let a = doc.create_element("div");
    let b = doc.create_element("div");
    let svg = doc.create_element_ns(SVG_NAMESPACE, "foreignObject", Vec::new());
    doc.append_child(body, a).expect("append");
    doc.append_child(a, b).expect("append");
    doc.append_child(body, svg).expect("append");
    assert_eq!(doc.get_elements_by_tag_name("DIV"), vec![a, b]);
    assert_eq!(
        doc.get_elements_by_tag_name("*"),
        vec![html, head, body, a, b, svg]
    );
    assert_eq!(doc.get_elements_by_tag_name("foreignObject"), vec![svg]);
    assert!(doc.get_elements_by_tag_name("foreignobject").is_empty());
    assert_eq!(doc.list_of_elements_with_qualified_name(a, "div"), vec![b]);
}

#[test]
fn text_content_and_child_text() {
    let (mut doc, _, _, body) = skeleton();
    let script = doc.create_element("script");
    doc.append_child(body, script).expect("append");
    let t1 = doc.create_text_node("a");
    let comment = doc.create_comment("no");
    let t2 = doc.create_text_node("b");
    let span = doc.create_element("span");
    let t3 = doc.create_text_node("c");
    for child in [t1, comment, t2, span] {
        doc.append_child(script, child).expect("append");
    }
    doc.append_child(span, t3).expect("append");
    assert_eq!(doc.child_text(script), "ab");
    assert_eq!(doc.text_content(script).as_deref(), Some("abc"));
    assert_eq!(doc.text_content(comment).as_deref(), Some("no"));
    assert_eq!(doc.text_content(doc.document_node()), None);

    doc.set_text_content(script, "new").expect("set");
    assert_eq!(doc.children(script).len(), 1);
    assert_eq!(doc.child_text(script), "new");
    assert_eq!(doc.parent(t1), None);
    doc.set_text_content(script, "").expect("set");
    assert!(doc.children(script).is_empty());
    doc.set_text_content(t1, "changed").expect("set");
    assert_eq!(doc.text_content(t1).as_deref(), Some("changed"));
    let root = doc.document_node();
    doc.set_text_content(root, "ignored").expect("no-op");
    assert_eq!(
        doc.document_element().map(|e| doc.is_element(e)),
        Some(true)
    );
}

#[test]
fn insert_before_and_remove_child() {
    let (mut doc, _, _, body) = skeleton();
    let a = doc.create_element("a");
    let b = doc.create_element("b");
    let c = doc.create_element("c");
    doc.append_child(body, c).expect("append");
    doc.insert_before(body, a, Some(c)).expect("insert");
    doc.insert_before(body, b, Some(c)).expect("insert");
    assert_eq!(doc.children(body), &[a, b, c]);
    // Moving a node: inserting before itself keeps its place.
    doc.insert_before(body, b, Some(b)).expect("insert");
    assert_eq!(doc.children(body), &[a, b, c]);
    doc.insert_before(body, c, Some(a)).expect("move");
    assert_eq!(doc.children(body), &[c, a, b]);
    doc.append_child(a, b).expect("move into a");
    assert_eq!(doc.children(body), &[c, a]);
    assert_eq!(doc.children(a), &[b]);

    assert_eq!(doc.remove_child(body, a), Ok(a));
    assert!(!doc.is_connected(a));
    assert!(!doc.is_connected(b));
    let err = doc.remove_child(body, a).expect_err("not a child");
    assert_eq!(err.dom_exception_name(), "NotFoundError");
    let err = doc
        .insert_before(body, a, Some(b))
        .expect_err("b not in body");
    assert_eq!(err.dom_exception_name(), "NotFoundError");
    let err = doc.remove_child(body, NodeId(1000)).expect_err("unknown");
    assert_eq!(err, DomError::UnknownNode(NodeId(1000)));
}

#[test]
fn hierarchy_errors() {
    let (mut doc, html, _, body) = skeleton();
    let root = doc.document_node();
    let hierarchy = |r: Result<NodeId, DomError>| {
        r.expect_err("must fail").dom_exception_name() == "HierarchyRequestError"
    };
    // An ancestor into its descendant.
    assert!(hierarchy(doc.append_child(body, html)));
    assert!(hierarchy(doc.append_child(body, body)));
    // Text under the document; a second document element; the document itself.
    let text = doc.create_text_node("x");
    assert!(hierarchy(doc.append_child(root, text)));
    let second = doc.create_element("html");
    assert!(hierarchy(doc.append_child(root, second)));
    assert!(hierarchy(doc.append_child(body, root)));
    // Children of a text node.
    let span = doc.create_element("span");
    assert!(hierarchy(doc.append_child(text, span)));
    // Doctypes: only under the document, before the element, only one.
    let doctype = doc.create_doctype("html");
    assert!(hierarchy(doc.append_child(body, doctype)));
    assert!(hierarchy(doc.append_child(root, doctype)));
    assert_eq!(doc.insert_before(root, doctype, Some(html)), Ok(doctype));
    let another = doc.create_doctype("html");
    assert!(hierarchy(doc.insert_before(root, another, Some(doctype))));
    // A comment is fine anywhere.
    let comment = doc.create_comment("c");
    assert_eq!(doc.append_child(root, comment), Ok(comment));
}

#[test]
fn fragments_insert_their_children() {
    let (mut doc, _, _, body) = skeleton();
    let fragment = doc.create_document_fragment();
    let a = doc.create_element("a");
    let b = doc.create_text_node("b");
    doc.append_child(fragment, a).expect("append");
    doc.append_child(fragment, b).expect("append");
    assert_eq!(doc.append_child(body, fragment), Ok(fragment));
    assert_eq!(doc.children(body), &[a, b]);
    assert!(doc.children(fragment).is_empty());
    assert_eq!(doc.parent(fragment), None);
}

#[test]
fn template_contents_are_not_connected() {
    let (mut doc, _, _, body) = skeleton();
    let template = doc.create_element("template");
    doc.append_child(body, template).expect("append");
    let contents = doc.create_template_contents(template);
    assert_eq!(doc.template_contents(template), Some(contents));
    let inner = doc.create_element("div");
    doc.append_child(contents, inner).expect("append");
    assert!(!doc.is_connected(inner));
    assert!(doc.is_host_including_inclusive_ancestor(body, inner));
    // A template can not go into its own contents.
    let err = doc.append_child(contents, template).expect_err("cycle");
    assert_eq!(err.dom_exception_name(), "HierarchyRequestError");
}

#[test]
fn element_names() {
    assert!(is_valid_element_local_name("div"));
    assert!(is_valid_element_local_name("my-element"));
    assert!(is_valid_element_local_name("a:b"));
    assert!(is_valid_element_local_name("_x"));
    assert!(is_valid_element_local_name("éa"));
    assert!(!is_valid_element_local_name(""));
    assert!(!is_valid_element_local_name("a b"));
    assert!(!is_valid_element_local_name("a>"));
    assert!(!is_valid_element_local_name("1a"));
    assert!(!is_valid_element_local_name("-a"));
    assert!(is_valid_attribute_local_name("data-x"));
    assert!(is_valid_attribute_local_name("1"));
    assert!(!is_valid_attribute_local_name(""));
    assert!(!is_valid_attribute_local_name("a/b"));
    let mut doc = empty_document();
    let el = doc.create_element("DiV");
    assert_eq!(doc.local_name(el), Some("div"));
}

#[test]
fn deep_trees_do_not_overflow() {
    let (mut doc, _, _, body) = skeleton();
    let mut parent = body;
    for _ in 0..100_000 {
        let child = doc.create_element("div");
        // The parser's unvalidated link: appendChild's ancestor check is O(depth).
        assert!(doc.link(parent, child, None));
        parent = child;
    }
    assert!(doc.is_connected(parent));
    assert_eq!(doc.get_elements_by_tag_name("div").len(), 100_000);
    assert_eq!(doc.text_content(body).as_deref(), Some(""));
}
