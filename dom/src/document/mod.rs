//! An arena DOM: a [`Document`] owns all its nodes, addressed by [`NodeId`].
//!
//! Spec: <https://dom.spec.whatwg.org/#nodes>
//!
//! Nodes are never freed: a removed node stays in the arena (its id stays valid) until the
//! document is dropped. Every document here is an HTML document (the DOM standard's
//! "HTML document", as opposed to an XML document).

mod attributes;
mod error;
mod query;
mod text;
mod tree;

use std::collections::HashMap;

use url::Url;

use crate::ids::NodeId;
use crate::origin::Origin;
use crate::sandboxing::SandboxingFlagSet;

pub use attributes::is_valid_attribute_local_name;
pub use error::DomError;
pub use query::Descendants;

/// The HTML namespace.
pub const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";
/// The SVG namespace.
pub const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";
/// The MathML namespace.
pub const MATHML_NAMESPACE: &str = "http://www.w3.org/1998/Math/MathML";

/// What a node is, with the data of its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeData {
    /// The document node (the root of the tree).
    Document,
    /// A doctype (`<!DOCTYPE html>`).
    Doctype {
        /// The doctype's name (e.g. `"html"`).
        name: String,
    },
    /// A document fragment; here only a `<template>` element's template contents.
    DocumentFragment,
    /// An element.
    Element {
        /// The namespace URI (e.g. [`HTML_NAMESPACE`]).
        namespace: String,
        /// The local name (ASCII lowercase for HTML elements).
        local_name: String,
        /// The attribute list, in order: (qualified name, value).
        attributes: Vec<(String, String)>,
    },
    /// A text node and its data.
    Text(String),
    /// A comment and its data.
    Comment(String),
}

/// A document's mode: whether it renders in quirks mode (`document.compatMode`).
///
/// Spec: <https://dom.spec.whatwg.org/#concept-document-mode>
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocumentMode {
    /// "no-quirks" (the initial value of a new Document).
    #[default]
    NoQuirks,
    /// "quirks".
    Quirks,
    /// "limited-quirks".
    LimitedQuirks,
}

/// One node of a [`Document`]'s tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// What the node is.
    pub data: NodeData,
    /// Its parent, if it has one.
    pub parent: Option<NodeId>,
    /// Its children, in tree order.
    pub children: Vec<NodeId>,
}

/// A document: its URL, its origin, and its node tree.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-document>
#[derive(Clone, Debug)]
pub struct Document {
    url: Url,
    origin: Origin,
    nodes: Vec<Node>,
    /// A `<template>` element → its template contents (a document fragment).
    template_contents: HashMap<NodeId, NodeId>,
    /// A template contents fragment → its host (the `<template>` element).
    fragment_hosts: HashMap<NodeId, NodeId>,
    /// The document's active sandboxing flag set (empty: not sandboxed).
    active_sandboxing_flag_set: SandboxingFlagSet,
    /// The document's mode.
    mode: DocumentMode,
}

/// The document node is always the first node of the arena.
const DOCUMENT_NODE: NodeId = NodeId(0);

impl Document {
    /// A new, empty document (only its document node) with this URL and origin.
    pub fn new(url: Url, origin: Origin) -> Document {
        let root = Node {
            data: NodeData::Document,
            parent: None,
            children: Vec::new(),
        };
        Document {
            url,
            origin,
            nodes: vec![root],
            template_contents: HashMap::new(),
            fragment_hosts: HashMap::new(),
            active_sandboxing_flag_set: SandboxingFlagSet::EMPTY,
            mode: DocumentMode::NoQuirks,
        }
    }

    /// The document's mode.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-document-mode>
    pub fn mode(&self) -> DocumentMode {
        self.mode
    }

    /// Sets the document's mode (the parser does, from the DOCTYPE; the initial about:blank
    /// document is created in quirks mode).
    pub fn set_mode(&mut self, mode: DocumentMode) {
        self.mode = mode;
    }

    /// The document's active sandboxing flag set.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#active-sandboxing-flag-set>
    pub fn active_sandboxing_flag_set(&self) -> SandboxingFlagSet {
        self.active_sandboxing_flag_set
    }

    /// Sets the document's active sandboxing flag set, when the document is created (from
    /// its navigation params' final sandboxing flag set).
    pub fn set_active_sandboxing_flag_set(&mut self, flags: SandboxingFlagSet) {
        self.active_sandboxing_flag_set = flags;
    }

    /// The document's URL.
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// Replaces the document's URL (e.g. for `history.pushState`).
    pub fn set_url(&mut self, url: Url) {
        self.url = url;
    }

    /// The document's origin.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// Replaces the document's origin (e.g. when `document.domain` sets its domain).
    pub fn set_origin(&mut self, origin: Origin) {
        self.origin = origin;
    }

    /// The node with this id, if this document has one.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(index(id))
    }

    /// The node's data, if this document has the node.
    pub fn data(&self, id: NodeId) -> Option<&NodeData> {
        self.node(id).map(|node| &node.data)
    }

    /// The node's parent.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).and_then(|node| node.parent)
    }

    /// The node's children, in tree order (empty for an unknown id).
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.node(id).map_or(&[], |node| node.children.as_slice())
    }

    /// The document node: the root of the tree.
    pub fn document_node(&self) -> NodeId {
        DOCUMENT_NODE
    }

    /// The number of nodes ever created in this document (removed ones included).
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the node is an element.
    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.data(id), Some(NodeData::Element { .. }))
    }

    /// Whether the node is an element in the HTML namespace with this local name.
    pub fn is_html_element(&self, id: NodeId, local: &str) -> bool {
        matches!(
            self.data(id),
            Some(NodeData::Element { namespace, local_name, .. })
                if namespace == HTML_NAMESPACE && local_name == local
        )
    }

    /// The element's local name (`None` if the node is not an element).
    pub fn local_name(&self, id: NodeId) -> Option<&str> {
        match self.data(id)? {
            NodeData::Element { local_name, .. } => Some(local_name),
            _ => None,
        }
    }

    /// The element's namespace URI (`None` if the node is not an element).
    pub fn namespace(&self, id: NodeId) -> Option<&str> {
        match self.data(id)? {
            NodeData::Element { namespace, .. } => Some(namespace),
            _ => None,
        }
    }

    /// A `<template>` element's template contents (a document fragment).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/scripting.html#template-contents>
    pub fn template_contents(&self, template: NodeId) -> Option<NodeId> {
        self.template_contents.get(&template).copied()
    }

    /// Creates an element in the HTML namespace, with no attributes and no parent.
    ///
    /// This is the DOM's "create an element" for an HTML document; the local name is
    /// ASCII-lowercased as `document.createElement` does. A binding must first check the
    /// name with [`is_valid_element_local_name`] to throw `InvalidCharacterError`.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-create-element>
    pub fn create_element(&mut self, local_name: &str) -> NodeId {
        // TODO(spec): custom element definitions, the `is` value and element interfaces
        // are not modelled; this only builds the node.
        self.create_element_ns(HTML_NAMESPACE, &local_name.to_ascii_lowercase(), Vec::new())
    }

    /// Creates an element with this namespace, local name (kept as is) and attributes.
    pub fn create_element_ns(
        &mut self,
        namespace: &str,
        local_name: &str,
        attributes: Vec<(String, String)>,
    ) -> NodeId {
        self.push(NodeData::Element {
            namespace: namespace.to_owned(),
            local_name: local_name.to_owned(),
            attributes,
        })
    }

    /// Creates a text node with this data and no parent (`document.createTextNode`).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-document-createtextnode>
    pub fn create_text_node(&mut self, data: &str) -> NodeId {
        self.push(NodeData::Text(data.to_owned()))
    }

    /// Creates a comment node with this data and no parent (`document.createComment`).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-document-createcomment>
    pub fn create_comment(&mut self, data: &str) -> NodeId {
        self.push(NodeData::Comment(data.to_owned()))
    }

    /// Creates a doctype node with this name and no parent.
    pub fn create_doctype(&mut self, name: &str) -> NodeId {
        self.push(NodeData::Doctype {
            name: name.to_owned(),
        })
    }

    /// Creates an empty document fragment (`document.createDocumentFragment`).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-document-createdocumentfragment>
    pub fn create_document_fragment(&mut self) -> NodeId {
        self.push(NodeData::DocumentFragment)
    }

    /// Gives a `<template>` element its template contents (a new document fragment).
    pub(crate) fn create_template_contents(&mut self, template: NodeId) -> NodeId {
        let fragment = self.create_document_fragment();
        self.template_contents.insert(template, fragment);
        self.fragment_hosts.insert(fragment, template);
        fragment
    }

    /// Adds a node to the arena and returns its id.
    fn push(&mut self, data: NodeData) -> NodeId {
        // Deviation: past u32::MAX nodes (far beyond any memory) ids would saturate and
        // alias the last node instead of aborting.
        let id = NodeId(u32::try_from(self.nodes.len()).unwrap_or(u32::MAX));
        self.nodes.push(Node {
            data,
            parent: None,
            children: Vec::new(),
        });
        id
    }

    fn node_mut(&mut self, id: NodeId) -> Option<&mut Node> {
        self.nodes.get_mut(index(id))
    }
}

/// Whether a string is a valid element local name, as `document.createElement` requires
/// (otherwise it throws `InvalidCharacterError`).
///
/// Spec: <https://dom.spec.whatwg.org/#valid-element-local-name>
pub fn is_valid_element_local_name(name: &str) -> bool {
    let mut chars = name.chars();
    // 1. If name's length is 0, then return false.
    let Some(first) = chars.next() else {
        return false;
    };
    // 2. If name's 0th code point is an ASCII alpha, then:
    if first.is_ascii_alphabetic() {
        // 2.1. If name contains ASCII whitespace, U+0000 NULL, U+002F (/), or U+003E (>),
        //      then return false.
        // 2.2. Return true.
        return !name
            .chars()
            .any(|c| c.is_ascii_whitespace() || matches!(c, '\0' | '/' | '>'));
    }
    // 3. If name's 0th code point is not U+003A (:), U+005F (_), or in the range U+0080
    //    to U+10FFFF, inclusive, then return false.
    if !(first == ':' || first == '_' || u32::from(first) >= 0x80) {
        return false;
    }
    // 4. If name's subsequent code points, if any, are not ASCII alphas, ASCII digits,
    //    U+002D (-), U+002E (.), U+003A (:), U+005F (_), or in the range U+0080 to
    //    U+10FFFF, inclusive, then return false.
    // 5. Return true.
    chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '_') || c >= '\u{80}')
}

/// The arena index of a node id.
fn index(id: NodeId) -> usize {
    // A u32 always fits in usize on the targets Rust supports for this crate (≥ 32 bit).
    usize::try_from(id.0).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests;
