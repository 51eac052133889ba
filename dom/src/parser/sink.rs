//! The html5ever tree sink that builds into a shared [`Document`].
//!
//! Each `TreeSink` call borrows the document mutably for its own duration only, so the
//! embedder can read the document whenever the parser is paused.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, LocalName, Namespace, QualName, local_name, ns};

use super::ParseEvent;
use super::depth_limit::is_formatting_element_name;
use crate::document::{Document, DocumentMode};
use crate::ids::NodeId;

/// The elements' names, by node id.
struct Names {
    by_id: Vec<Option<QualName>>,
    /// The name lent for a node that is not an element (never asked for).
    none: QualName,
}

/// The tree sink: the document being built plus the parser's own bookkeeping.
pub(super) struct Sink {
    document: Rc<RefCell<Document>>,
    document_node: NodeId,
    /// Each element's name, for [`TreeSink::elem_name`], indexed by node id (the tree
    /// builder asks very often: a vector is much cheaper than a hash map, and the name is
    /// lent, not cloned).
    names: RefCell<Names>,
    /// The `head` element the parser created (the tree builder's head element pointer).
    parser_head: Cell<Option<NodeId>>,
    /// Events for [`HtmlParser::next_event`](super::HtmlParser::next_event), oldest first.
    pub(super) events: RefCell<VecDeque<ParseEvent>>,
    /// Iframes already reported, so parser-internal moves do not report them twice.
    reported_iframes: RefCell<HashSet<NodeId>>,
}

impl Sink {
    pub(super) fn new(document: Rc<RefCell<Document>>) -> Sink {
        let document_node = document.borrow().document_node();
        Sink {
            document,
            document_node,
            names: RefCell::new(Names {
                by_id: Vec::new(),
                none: QualName::new(None, Namespace::from(""), LocalName::from("")),
            }),
            parser_head: Cell::new(None),
            events: RefCell::new(VecDeque::new()),
            reported_iframes: RefCell::new(HashSet::new()),
        }
    }

    /// The `head` element the parser created, if it did yet.
    pub(super) fn parser_head(&self) -> Option<NodeId> {
        self.parser_head.get()
    }

    /// Whether `node` is an HTML formatting element.
    pub(super) fn is_html_formatting_element(&self, node: NodeId) -> bool {
        is_formatting_element_name(&self.elem_name(&node))
    }

    /// After `node` was inserted: queue [`ParseEvent::IframeInserted`] for each HTML
    /// iframe in its inclusive subtree (tree order) that is now connected.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element>
    /// ("When an iframe element element is inserted into a document, ...": the engine
    /// runs those insertion steps when it receives the event).
    ///
    /// Deviation: an iframe is reported once, even when the tree builder moves it
    /// (adoption agency, foster parenting) — real insertion steps would run again.
    fn note_inserted(&self, node: NodeId) {
        let document = self.document.borrow();
        let iframes: Vec<NodeId> = std::iter::once(node)
            .chain(document.descendants(node))
            .filter(|&n| document.is_html_element(n, "iframe"))
            .collect();
        // Only walk up to the root when there is an iframe to report.
        if iframes.is_empty() || !document.is_connected(node) {
            return;
        }
        let mut reported = self.reported_iframes.borrow_mut();
        let mut events = self.events.borrow_mut();
        for iframe in iframes {
            if reported.insert(iframe) {
                events.push_back(ParseEvent::IframeInserted(iframe));
            }
        }
    }
}

/// An html5ever qualified name as the DOM spells it: `prefix:local`, or `local`.
fn qualified_name(name: &QualName) -> String {
    match &name.prefix {
        Some(prefix) => format!("{}:{}", &**prefix, &*name.local),
        None => name.local.to_string(),
    }
}

fn convert_attributes(attrs: Vec<Attribute>) -> Vec<(String, String)> {
    attrs
        .into_iter()
        .map(|attr| (qualified_name(&attr.name), attr.value.to_string()))
        .collect()
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = ();
    type ElemName<'a>
        = Ref<'a, QualName>
    where
        Self: 'a;

    fn finish(self) {}

    fn parse_error(&self, _msg: Cow<'static, str>) {
        // Parse errors are not reported: the parser recovers from all of them.
    }

    fn get_document(&self) -> NodeId {
        self.document_node
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        let index = usize::try_from(target.0).unwrap_or(usize::MAX);
        // Never called on a non-element; answer an empty name rather than panic.
        Ref::map(self.names.borrow(), |names| {
            names
                .by_id
                .get(index)
                .and_then(Option::as_ref)
                .unwrap_or(&names.none)
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let mut document = self.document.borrow_mut();
        let id = document.create_element_ns(&name.ns, &name.local, convert_attributes(attrs));
        if flags.template {
            document.create_template_contents(id);
        }
        if name.ns == ns!(html)
            && name.local == local_name!("head")
            && self.parser_head.get().is_none()
        {
            self.parser_head.set(Some(id));
        }
        let index = usize::try_from(id.0).unwrap_or(usize::MAX);
        // The tree builder holds no lent name while it creates an element; were it to, the
        // name is left unrecorded rather than panicking.
        let Ok(mut names) = self.names.try_borrow_mut() else {
            return id;
        };
        let names = &mut names.by_id;
        if names.len() <= index {
            names.resize(index.saturating_add(1), None);
        }
        if let Some(slot) = names.get_mut(index) {
            *slot = Some(name);
        }
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.document.borrow_mut().create_comment(&text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        // Deviation: only the XML parser makes processing instructions; keep one as a
        // comment rather than adding a node kind nothing else produces.
        self.document
            .borrow_mut()
            .create_comment(&format!("?{} {}", &*target, &*data))
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(node) => {
                let linked = self.document.borrow_mut().link(*parent, node, None);
                if linked {
                    self.note_inserted(node);
                }
            }
            NodeOrText::AppendText(text) => {
                self.document
                    .borrow_mut()
                    .append_text_merging(*parent, &text);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.document.borrow().parent(*element).is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        _public: StrTendril,
        _system: StrTendril,
    ) {
        let mut document = self.document.borrow_mut();
        let doctype = document.create_doctype(&name);
        document.link(self.document_node, doctype, None);
    }

    fn mark_script_already_started(&self, _node: &NodeId) {
        // Only for a script cut off by the end of the input: the tokenizer never reports
        // it as ready, so the engine never runs it; nothing to record.
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let mut document = self.document.borrow_mut();
        match document.template_contents(*target) {
            Some(contents) => contents,
            None => document.create_template_contents(*target),
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        // The tree builder sets the Document to quirks or limited-quirks mode from the
        // DOCTYPE token (or its absence).
        // Spec: <https://html.spec.whatwg.org/multipage/parsing.html#the-initial-insertion-mode>
        let mode = match mode {
            QuirksMode::Quirks => DocumentMode::Quirks,
            QuirksMode::LimitedQuirks => DocumentMode::LimitedQuirks,
            QuirksMode::NoQuirks => DocumentMode::NoQuirks,
        };
        self.document.borrow_mut().set_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendNode(node) => {
                let linked = {
                    let mut document = self.document.borrow_mut();
                    match document.parent(*sibling) {
                        Some(parent) => document.link(parent, node, Some(*sibling)),
                        None => false,
                    }
                };
                if linked {
                    self.note_inserted(node);
                }
            }
            NodeOrText::AppendText(text) => {
                self.document
                    .borrow_mut()
                    .insert_text_before_merging(*sibling, &text);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.document
            .borrow_mut()
            .add_attributes_if_missing(*target, convert_attributes(attrs));
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.document.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let moved = self.document.borrow().children(*node).to_vec();
        self.document
            .borrow_mut()
            .reparent_children(*node, *new_parent);
        for child in moved {
            self.note_inserted(child);
        }
    }
}
