//! The parser's depth cap: a token sink between html5ever's tokenizer and its tree builder
//! that keeps the stack of open elements at most [`MAXIMUM_DEPTH`] deep.
//!
//! Deviation: the HTML parser has no depth limit. Chromium caps the DOM tree built by its
//! parser (HTMLConstructionSite's `kMaximumHTMLParserDOMTreeDepth`, 512): once the stack of
//! open elements is deeper than 512, a new element is attached to the current node's parent
//! instead, so everything deeper becomes siblings at depth 513. Without a cap html5ever's
//! "has an element in scope" scans walk the whole stack for every start tag, which makes
//! 100,000 nested `<div>`s quadratic (tens of seconds).
//!
//! html5ever is a dependency used through its public API only, so the cap works on tokens:
//! before a start tag, when the stack is deeper than 512, it hands the tree builder an end
//! tag for the current node first. The new element then becomes the current node's sibling,
//! as in Chromium, and the stack never grows past 513. The element closed early is still
//! open in Chromium, so its end tag must not close anything else later: the cap remembers
//! it and swallows the end tag that would close it ([`DepthLimit::closed_early`]).
//!
//! What differs from Chromium, only beyond depth 512: text after the end tag of an element
//! past the cap goes into the element at the cap, where Chromium puts it into that
//! element's last sibling; elements whose end tag does more than close them (a table cell
//! closes its row's table when a nested table follows) are arranged by html5ever's rules
//! for that end tag; a start tag that implies parents (a `<td>` straight in a table implies
//! `tbody` and `tr`) nests them too, up to depth 515. Nested `div`, `span`, `b`, ... give
//! Chromium's tree exactly (`depth_tests.rs`).
//!
//! The stack depth comes from [`TreeBuilder::trace_handles`], the only public view of the
//! stack: html5ever calls `TreeSink::pop` for some pops only (not when it truncates the
//! stack, as the end tags of most elements do), and it has no push callback, so neither the
//! sink's own bookkeeping nor `pop` can count. `trace_handles` reports the document, the
//! stack of open elements (bottom first), the active formatting elements, the head element
//! pointer and the form element pointer; [`open_elements`] takes the stack out of that.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::interface::{ElemName, TreeSink};
use html5ever::tokenizer::{EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{Tracer, TreeBuilder};
use html5ever::{LocalName, ns};

use super::sink::Sink;
use crate::ids::NodeId;

/// The deepest stack of open elements under which a start tag still nests: Chromium's
/// `kMaximumHTMLParserDOMTreeDepth`. The `html` element is at depth 1, so an element whose
/// parent is at depth 512 (the 511th `<div>` in a body) is the deepest one nested.
pub(super) const MAXIMUM_DEPTH: usize = 512;

/// The most that one token can add to the stack of open elements plus the active formatting
/// elements that are not open (reconstructing them moves them from one to the other; the
/// adoption agency algorithm replaces elements one for one): a `<td>` straight in a table
/// pushes three (an implied `tbody` and `tr`, then the cell); one more for good measure.
const GROWTH: usize = 4;

/// The token sink that caps the depth (see the module documentation).
pub(super) struct DepthLimit {
    /// The tree builder the tokens go to.
    pub(super) tree_builder: TreeBuilder<NodeId, Sink>,
    /// Elements the cap closed before a start tag, oldest first: Chromium keeps them open
    /// above the element at the cap, so an end tag for one of them closes it there, and
    /// nothing below.
    closed_early: RefCell<ClosedEarly>,
    /// The stack depth below the elements closed early: the depth of the element at the cap.
    closed_early_base: Cell<usize>,
    /// What `trace_handles` reported last (kept to avoid an allocation per start tag).
    traced: RefCell<Vec<NodeId>>,
    /// The stack's depth and current node from `traced`, while no token went to the tree
    /// builder since.
    known: Cell<Option<(usize, Option<NodeId>)>>,
    /// An upper bound of the stack's depth: the number of handles traced last (the stack,
    /// plus the active formatting elements and the pointers), plus [`GROWTH`] for each token
    /// the tree builder processed since. A start tag is checked against the cap only when
    /// this bound reaches it, so that shallow documents are not traced at each start tag.
    depth_bound: Cell<usize>,
    seen: RefCell<NodeSet>,
}

/// The elements closed early, oldest first, with where each name last occurs (an end tag
/// looks its name up in constant time: 100,000 of them are no quadratic scan).
#[derive(Default)]
struct ClosedEarly {
    names: Vec<LocalName>,
    positions: HashMap<LocalName, Vec<usize>>,
}

impl ClosedEarly {
    fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    fn push(&mut self, name: LocalName) {
        self.positions
            .entry(name.clone())
            .or_default()
            .push(self.names.len());
        self.names.push(name);
    }

    /// Where the topmost element named `name` is.
    fn rposition(&self, name: &LocalName) -> Option<usize> {
        self.positions.get(name).and_then(|p| p.last().copied())
    }

    /// Forgets the elements from `position` up.
    fn truncate(&mut self, position: usize) {
        while self.names.len() > position {
            if let Some(name) = self.names.pop()
                && let Some(positions) = self.positions.get_mut(&name)
            {
                positions.pop();
            }
        }
    }

    fn clear(&mut self) {
        self.names.clear();
        self.positions.clear();
    }
}

/// A set of nodes as a bit set indexed by node id, cleared in the time its members took to
/// add (the trailing formatting elements are looked up at each start tag near the cap: a
/// hash set was a quarter of the parse of 100,000 nested `<b id=N>`).
#[derive(Default)]
pub(super) struct NodeSet {
    bits: Vec<u64>,
    members: Vec<NodeId>,
}

impl NodeSet {
    fn word(node: NodeId) -> (usize, u64) {
        let index = usize::try_from(node.0).unwrap_or(usize::MAX);
        (index / 64, 1 << (index % 64))
    }

    pub(super) fn clear(&mut self) {
        for node in self.members.drain(..) {
            let (word, bit) = NodeSet::word(node);
            if let Some(w) = self.bits.get_mut(word) {
                *w &= !bit;
            }
        }
    }

    pub(super) fn contains(&self, node: NodeId) -> bool {
        let (word, bit) = NodeSet::word(node);
        self.bits.get(word).is_some_and(|w| w & bit != 0)
    }

    pub(super) fn insert(&mut self, node: NodeId) {
        let (word, bit) = NodeSet::word(node);
        if self.bits.len() <= word {
            self.bits.resize(word.saturating_add(1), 0);
        }
        if let Some(w) = self.bits.get_mut(word) {
            *w |= bit;
            self.members.push(node);
        }
    }
}

/// Collects the handles `trace_handles` reports, in order.
struct Collect<'a>(&'a RefCell<Vec<NodeId>>);

impl Tracer for Collect<'_> {
    type Handle = NodeId;

    fn trace_handle(&self, node: &NodeId) {
        self.0.borrow_mut().push(*node);
    }
}

impl DepthLimit {
    pub(super) fn new(tree_builder: TreeBuilder<NodeId, Sink>) -> DepthLimit {
        DepthLimit {
            tree_builder,
            closed_early: RefCell::new(ClosedEarly::default()),
            closed_early_base: Cell::new(0),
            traced: RefCell::new(Vec::new()),
            known: Cell::new(None),
            depth_bound: Cell::new(0),
            seen: RefCell::new(NodeSet::default()),
        }
    }

    /// The tree builder's stack of open elements: its depth and its current node.
    fn open_elements(&self) -> (usize, Option<NodeId>) {
        if let Some(known) = self.known.get() {
            return known;
        }
        self.traced.borrow_mut().clear();
        self.tree_builder.trace_handles(&Collect(&self.traced));
        let traced = self.traced.borrow();
        let sink = &self.tree_builder.sink;
        let known = open_elements(
            &traced,
            sink.parser_head(),
            &mut self.seen.borrow_mut(),
            |n| sink.is_html_formatting_element(n),
        );
        self.known.set(Some(known));
        self.depth_bound.set(traced.len().saturating_sub(1));
        known
    }

    /// Hands `token` to the tree builder.
    fn forward(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        self.known.set(None);
        self.depth_bound
            .set(self.depth_bound.get().saturating_add(GROWTH));
        self.tree_builder.process_token(token, line_number)
    }

    /// Before a start tag: while the stack is deeper than [`MAXIMUM_DEPTH`], close the
    /// current node (an end tag for it), remembering it as closed early.
    fn cap_before_start_tag(&self, line_number: u64) {
        if self.depth_bound.get() <= MAXIMUM_DEPTH {
            return;
        }
        let (mut depth, mut current) = self.open_elements();
        while depth > MAXIMUM_DEPTH {
            let Some(node) = current else { return };
            let name = self.end_tag_name(node);
            let _closed = self.forward(end_tag(name.clone()), line_number);
            // The end tag closed the current node: it always does, as the current node is
            // in every scope and its end tag is its own.
            let (after, after_current) = if depth == MAXIMUM_DEPTH + 1 {
                // The usual case (one start tag at a time): one element over, no need to
                // look at the stack again.
                (depth - 1, None)
            } else {
                self.open_elements()
            };
            // An end tag that did not shrink the stack: give up rather than loop.
            if after >= depth {
                return;
            }
            let mut closed_early = self.closed_early.borrow_mut();
            if closed_early.is_empty() {
                self.closed_early_base.set(after);
            }
            closed_early.push(name);
            (depth, current) = (after, after_current);
        }
    }

    /// The name an end tag for `node` has (the tokenizer lowercases tag names; the tree
    /// builder compares foreign elements' names ASCII case-insensitively).
    fn end_tag_name(&self, node: NodeId) -> LocalName {
        let name = self.tree_builder.sink.elem_name(&node);
        LocalName::from(name.local_name().to_ascii_lowercase())
    }

    /// An end tag while elements closed early are remembered: `true` when it is swallowed.
    ///
    /// In Chromium's stack the elements closed early sit between the element at the cap
    /// and the elements opened after them. An end tag naming one of the later, still open
    /// elements goes to the tree builder; one naming an element closed early closes the
    /// later ones too and then is swallowed; any other end tag goes to the tree builder,
    /// and once the element at the cap is closed the elements closed early are gone too.
    fn end_tag_for_elements_closed_early(&self, tag: &Tag, line_number: u64) -> bool {
        let base = self.closed_early_base.get();
        let Some(position) = self.closed_early.borrow().rposition(&tag.name) else {
            return false;
        };
        // The elements opened after those closed early, topmost first.
        let later = self.later_open_elements(base);
        if later.contains(&tag.name) {
            return false;
        }
        for name in later {
            let _closed = self.forward(end_tag(name), line_number);
        }
        self.closed_early.borrow_mut().truncate(position);
        true
    }

    /// The names of the open elements above depth `base`, topmost first.
    fn later_open_elements(&self, base: usize) -> Vec<LocalName> {
        let (depth, _) = self.open_elements();
        let traced = self.traced.borrow();
        // `traced` starts with the document, then the stack from the bottom.
        (base..depth)
            .rev()
            .filter_map(|index| traced.get(index + 1).copied())
            .map(|node| self.end_tag_name(node))
            .collect()
    }
}

/// An end tag token named `name`.
fn end_tag(name: LocalName) -> Token {
    TagToken(Tag {
        kind: EndTag,
        name,
        self_closing: false,
        attrs: Vec::new(),
        had_duplicate_attributes: false,
    })
}

/// The stack of open elements out of what `TreeBuilder::trace_handles` reported: its depth
/// and its current node.
///
/// `traced` is the document, the stack (bottom first), the active formatting elements (in
/// list order), then the head element pointer when it is set (it is once the parser created
/// `head`: `parser_head`) and the form element pointer when it is set. The pointers are
/// recognised by the head element: it is last, or second to last before the form. The
/// active formatting elements are all formatting elements (`a`, `b`, ... `u`); each is
/// either also on the stack, earlier, or not open. So the stack ends at the last element
/// that is not a formatting element or that appears again later.
///
/// The one stack this misreads: a formatting element at the top of the stack that is no
/// longer in the list of active formatting elements (html5ever drops an entry from the
/// list only while it also pops the element, except for the 4th identical formatting
/// element, Noah's Ark clause); the depth is then under-counted by one.
pub(super) fn open_elements(
    traced: &[NodeId],
    parser_head: Option<NodeId>,
    seen: &mut NodeSet,
    is_formatting: impl Fn(NodeId) -> bool,
) -> (usize, Option<NodeId>) {
    // The document comes first.
    let mut rest = traced.get(1..).unwrap_or_default();
    // The element pointers, last.
    if let Some(head) = parser_head {
        match rest {
            [.., last] if *last == head => rest = &rest[..rest.len() - 1],
            [.., before_last, _form] if *before_last == head => rest = &rest[..rest.len() - 2],
            _ => {}
        }
    }
    // The active formatting elements, then.
    seen.clear();
    let mut end = rest.len();
    while let Some(&node) = end.checked_sub(1).and_then(|i| rest.get(i)) {
        if !is_formatting(node) || seen.contains(node) {
            break;
        }
        seen.insert(node);
        end -= 1;
    }
    (end, end.checked_sub(1).and_then(|i| rest.get(i)).copied())
}

impl TokenSink for DepthLimit {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        match &token {
            TagToken(tag) if tag.kind == StartTag => self.cap_before_start_tag(line_number),
            TagToken(tag) if tag.kind == EndTag && !self.closed_early.borrow().is_empty() => {
                if self.end_tag_for_elements_closed_early(tag, line_number) {
                    return TokenSinkResult::Continue;
                }
                let result = self.forward(token, line_number);
                // Once the element at the cap is closed, so are those closed early.
                if self.open_elements().0 < self.closed_early_base.get() {
                    self.closed_early.borrow_mut().clear();
                }
                return result;
            }
            _ => {}
        }
        self.forward(token, line_number)
    }

    fn end(&self) {
        self.tree_builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.tree_builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Whether `name` is the name of an HTML formatting element (the elements the list of
/// active formatting elements holds).
///
/// Spec: <https://html.spec.whatwg.org/multipage/parsing.html#formatting>
pub(super) fn is_formatting_element_name(name: &impl ElemName) -> bool {
    *name.ns() == ns!(html)
        && matches!(
            &**name.local_name(),
            "a" | "b"
                | "big"
                | "code"
                | "em"
                | "font"
                | "i"
                | "nobr"
                | "s"
                | "small"
                | "strike"
                | "strong"
                | "tt"
                | "u"
        )
}
