//! The parser's depth cap (`depth_limit.rs`): Chromium's tree shape past depth 512, checked
//! against Chromium's DOM for the same markup (the shapes are noted in each test).

use std::time::{Duration, Instant};

use super::tests::parse_all;
use crate::document::Document;
use crate::ids::NodeId;

/// The number of ancestors of `node` (the `html` element is at depth 1).
fn depth(doc: &Document, node: NodeId) -> usize {
    std::iter::successors(doc.parent(node), |&n| doc.parent(n)).count()
}

/// The deepest elements' depth, how many there are, their name, and how many children
/// their parent has.
fn deepest(doc: &Document) -> (usize, usize, String, usize) {
    let elements: Vec<NodeId> = doc
        .descendants(doc.document_node())
        .filter(|&n| doc.local_name(n).is_some())
        .collect();
    let max = elements.iter().map(|&n| depth(doc, n)).max().unwrap_or(0);
    let at_max: Vec<NodeId> = elements
        .into_iter()
        .filter(|&n| depth(doc, n) == max)
        .collect();
    let first = at_max[0];
    let siblings = doc.parent(first).map_or(0, |p| doc.children(p).len());
    let name = doc.local_name(first).unwrap_or_default().to_string();
    (max, at_max.len(), name, siblings)
}

/// `inner` inside `<div id=outer>`, followed by `<p id=after>` in the same div.
fn in_outer(inner: &str) -> String {
    format!("<!DOCTYPE html><body><div id=outer>{inner}<p id=after>after</p></div>")
}

fn after_is_in_outer(doc: &Document) -> bool {
    let outer = doc.get_element_by_id("outer");
    let after = doc.get_element_by_id("after");
    after.and_then(|a| doc.parent(a)) == outer && outer.is_some()
}

#[test]
fn six_hundred_nested_divs_have_chromiums_shape() {
    let input = format!(
        "<!DOCTYPE html><body>{}deep{}<p id=after>after</p>",
        "<div>".repeat(600),
        "</div>".repeat(600)
    );
    let (document, _) = parse_all(&input);
    let doc = document.borrow();
    let divs = doc.get_elements_by_tag_name("div");
    assert_eq!(divs.len(), 600);
    // Chromium: div k (1-based) is at depth k + 2 up to div 510 (depth 512), which holds
    // divs 511 to 600 as its 90 children, all at depth 513; the text is in the last one.
    for (index, &div) in divs.iter().enumerate() {
        let k = index + 1;
        assert_eq!(depth(&doc, div), (k + 2).min(513), "div {k}");
    }
    assert_eq!(doc.children(divs[509]).len(), 90);
    assert_eq!(doc.text_content(divs[599]).as_deref(), Some("deep"));
    assert_eq!(deepest(&doc), (513, 90, "div".to_string(), 90));
    // The end tags of the divs past the cap closed nothing else.
    let after = doc.get_element_by_id("after").expect("p");
    assert_eq!(doc.parent(after), doc.body());
}

#[test]
fn end_tags_past_the_cap_close_only_their_elements() {
    // Each case as Chromium builds it: (deepest depth, elements at it, their name, children
    // of their parent), and `<p id=after>` stays in `<div id=outer>`.
    let cases = [
        (
            format!("{}deep{}", "<b>".repeat(600), "</b>".repeat(600)),
            (513, 91, "b"),
        ),
        (
            format!(
                "{}deep{}",
                "<div><span>".repeat(300),
                "</span></div>".repeat(300)
            ),
            (513, 91, "span"),
        ),
        (
            format!("{}deep{}", "<span>".repeat(600), "</span>".repeat(600)),
            (513, 91, "span"),
        ),
    ];
    for (inner, (max, count, name)) in cases {
        let (document, _) = parse_all(&in_outer(&inner));
        let doc = document.borrow();
        assert_eq!(
            deepest(&doc),
            (max, count, name.to_string(), count),
            "{name}"
        );
        assert!(after_is_in_outer(&doc), "{name}");
        let outer = doc.get_element_by_id("outer").expect("outer");
        let text = doc.text_content(outer).unwrap_or_default();
        assert!(text.ends_with("deepafter"), "{name}: {text}");
    }
}

#[test]
fn nested_tables_past_the_cap_stay_bounded() {
    // Deviation (depth_limit.rs): a cell closed at the cap closes its row and table when a
    // nested table follows, so the shape differs from Chromium's (291 bodies at depth 513,
    // `<p id=after>` in `<div id=outer>`): the depth stays bounded, the parse is quick.
    let inner = format!(
        "{}deep{}",
        "<table><tr><td>".repeat(200),
        "</td></tr></table>".repeat(200)
    );
    let (document, _) = parse_all(&in_outer(&inner));
    let doc = document.borrow();
    // A start tag that implies parents (a `<td>` straight in a table implies `tbody` and
    // `tr`) nests them too: up to 515.
    let (max, ..) = deepest(&doc);
    assert!(max <= 515, "{max}");
    assert_eq!(doc.get_elements_by_tag_name("table").len(), 200);
    assert!(doc.get_element_by_id("after").is_some());
}

#[test]
fn a_hundred_thousand_nested_divs_parse_quickly() {
    let input = format!(
        "<!DOCTYPE html><body>{}deep{}<p id=after>after</p>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let start = Instant::now();
    let (document, _) = parse_all(&input);
    let elapsed = start.elapsed();
    let doc = document.borrow();
    assert_eq!(doc.get_elements_by_tag_name("div").len(), 100_000);
    assert_eq!(deepest(&doc).0, 513);
    let after = doc.get_element_by_id("after").expect("p");
    assert_eq!(doc.parent(after), doc.body());
    // Release builds take about 0.1 s; debug builds several times that. Quadratic parsing
    // took minutes.
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}

#[test]
fn ordinary_documents_keep_their_shape() {
    let input = "<!DOCTYPE html><html><head><title>T</title></head><body>\
        <div id=a><p>1<b>2<i>3</b>4</i>5</p><table><tr><td>c</td></tr></table>\
        <ul><li>x<li>y</ul><form id=f><input></form><svg><g><circle/></g></svg></div>";
    let (document, _) = parse_all(input);
    let doc = document.borrow();
    let a = doc.get_element_by_id("a").expect("a");
    let names: Vec<&str> = doc
        .descendants(a)
        .filter_map(|n| doc.local_name(n))
        .collect();
    assert_eq!(
        names,
        [
            "p", "b", "i", "i", "table", "tbody", "tr", "td", "ul", "li", "li", "form", "input",
            "svg", "g", "circle"
        ]
    );
    assert_eq!(doc.text_content(a).as_deref(), Some("12345cxy"));
}

/// `open_elements` on what `trace_handles` reports: node ids 1 (document), 2 (html), 3
/// (head), 4 (body), then elements; 10 to 19 are formatting elements.
#[test]
fn the_stack_is_read_out_of_the_traced_handles() {
    use super::depth_limit::{NodeSet, open_elements};

    let ids = |list: &[u32]| list.iter().map(|&n| NodeId(n)).collect::<Vec<_>>();
    let formatting = |n: NodeId| (10..20).contains(&n.0);
    let read = |traced: &[u32], head: Option<u32>| {
        let mut seen = NodeSet::default();
        let (depth, current) = open_elements(&ids(traced), head.map(NodeId), &mut seen, formatting);
        (depth, current.map(|n| n.0))
    };
    // Before the head exists: the document and html.
    assert_eq!(read(&[1, 2], None), (1, Some(2)));
    // In head: the head is on the stack and is the head element pointer.
    assert_eq!(read(&[1, 2, 3, 3], Some(3)), (2, Some(3)));
    // In body with a div: the pointer follows the stack.
    assert_eq!(read(&[1, 2, 4, 5, 3], Some(3)), (3, Some(5)));
    // Open formatting elements appear twice (stack, then the list).
    assert_eq!(
        read(&[1, 2, 4, 5, 10, 11, 10, 11, 3], Some(3)),
        (5, Some(11))
    );
    // A formatting element closed but still in the list (to be reconstructed) is not open.
    assert_eq!(read(&[1, 2, 4, 5, 10, 3], Some(3)), (3, Some(5)));
    assert_eq!(read(&[1, 2, 4, 10, 5, 10, 12, 3], Some(3)), (4, Some(5)));
    // The form element pointer comes after the head's.
    assert_eq!(read(&[1, 2, 4, 6, 3, 6], Some(3)), (3, Some(6)));
    assert_eq!(read(&[1, 2, 4, 6, 10, 10, 3, 6], Some(3)), (4, Some(10)));
    // Nothing but the document.
    assert_eq!(read(&[1], None), (0, None));
}
