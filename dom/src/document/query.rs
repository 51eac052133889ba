//! Finding nodes: tree-order traversal, the document element, `head`, `body`,
//! `getElementById` and `getElementsByTagName`.

use super::{Document, HTML_NAMESPACE, NodeData};
use crate::ids::NodeId;

/// An iterator over a node's descendants in tree order (preorder, depth-first), not
/// including the node itself. Made by [`Document::descendants`].
#[derive(Debug)]
pub struct Descendants<'a> {
    document: &'a Document,
    /// Nodes still to visit, the next one last.
    stack: Vec<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let next = self.stack.pop()?;
        self.stack
            .extend(self.document.children(next).iter().rev().copied());
        Some(next)
    }
}

impl Document {
    /// The node's descendants in tree order (an iterative walk: deep trees are fine).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-tree-order>
    pub fn descendants(&self, root: NodeId) -> Descendants<'_> {
        Descendants {
            document: self,
            stack: self.children(root).iter().rev().copied().collect(),
        }
    }

    /// The document element: the element child of the document, if any (`<html>`).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#document-element>
    pub fn document_element(&self) -> Option<NodeId> {
        // The document element of a document is the element whose parent is that
        // document, if it exists; otherwise null.
        self.children(self.document_node())
            .iter()
            .copied()
            .find(|&c| self.is_element(c))
    }

    /// The html element: the document element if it is an HTML `html` element.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/dom.html#the-html-element-2>
    pub fn html_element(&self) -> Option<NodeId> {
        // The html element of a document is its document element, if it's an html
        // element, and null otherwise.
        self.document_element()
            .filter(|&e| self.is_html_element(e, "html"))
    }

    /// The head element: the first `head` child of the html element.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/dom.html#the-head-element-2>
    pub fn head(&self) -> Option<NodeId> {
        // The head element of a document is the first head element that is a child of
        // the html element, if there is one, or null otherwise.
        let html = self.html_element()?;
        self.children(html)
            .iter()
            .copied()
            .find(|&c| self.is_html_element(c, "head"))
    }

    /// The body element: the first `body` or `frameset` child of the html element.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/dom.html#the-body-element-2>
    pub fn body(&self) -> Option<NodeId> {
        // The body element of a document is the first of the html element's children
        // that is either a body element or a frameset element, or null if there is no
        // such element.
        let html = self.html_element()?;
        self.children(html)
            .iter()
            .copied()
            .find(|&c| self.is_html_element(c, "body") || self.is_html_element(c, "frameset"))
    }

    /// The DOM's `document.getElementById(elementId)`: the first element in tree order
    /// whose ID is `id`.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-nonelementparentnode-getelementbyid>
    pub fn get_element_by_id(&self, id: &str) -> Option<NodeId> {
        // An element's ID is the value of its id attribute when that is non-empty; an
        // empty id attribute gives no ID, so "" never matches.
        if id.is_empty() {
            return None;
        }
        // The getElementById(elementId) method steps are to return the first element, in
        // tree order, within this's descendants, whose ID is elementId; otherwise, if
        // there is no such element, null.
        self.descendants(self.document_node())
            .find(|&node| self.element_id(node) == Some(id))
    }

    /// The element's ID: its `id` attribute's value, unless that is empty.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-id>
    pub fn element_id(&self, element: NodeId) -> Option<&str> {
        let NodeData::Element { attributes, .. } = self.data(element)? else {
            return None;
        };
        attributes
            .iter()
            .find(|(name, _)| name == "id")
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
    }

    /// The DOM's `document.getElementsByTagName(qualifiedName)`, as a snapshot in tree
    /// order.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-document-getelementsbytagname>
    pub fn get_elements_by_tag_name(&self, qualified_name: &str) -> Vec<NodeId> {
        // The getElementsByTagName(qualifiedName) method steps are to return the list of
        // elements with qualified name qualifiedName for this.
        self.list_of_elements_with_qualified_name(self.document_node(), qualified_name)
    }

    /// The DOM's "list of elements with qualified name" for `root` (its descendants).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-getelementsbytagname>
    ///
    /// Deviation: a `Vec` snapshot, not a live `HTMLCollection`; the binding keeps it
    /// live by calling again. Elements have no prefix here (the HTML parser never makes
    /// prefixed elements), so an element's qualified name is its local name.
    pub fn list_of_elements_with_qualified_name(
        &self,
        root: NodeId,
        qualified_name: &str,
    ) -> Vec<NodeId> {
        let elements = self.descendants(root).filter(|&n| self.is_element(n));
        // 1. If qualifiedName is U+002A (*), then return an HTMLCollection rooted at root,
        //    whose filter matches only descendant elements.
        if qualified_name == "*" {
            return elements.collect();
        }
        // 2. Otherwise, if root's node document is an HTML document, return an
        //    HTMLCollection rooted at root, whose filter matches the following descendant
        //    elements:
        //    - Whose namespace is the HTML namespace and whose qualified name is
        //      qualifiedName, in ASCII lowercase.
        //    - Whose namespace is not the HTML namespace and whose qualified name is
        //      qualifiedName.
        let lowercase = qualified_name.to_ascii_lowercase();
        elements
            .filter(|&e| match self.data(e) {
                Some(NodeData::Element {
                    namespace,
                    local_name,
                    ..
                }) => {
                    if namespace == HTML_NAMESPACE {
                        *local_name == lowercase
                    } else {
                        local_name == qualified_name
                    }
                }
                _ => false,
            })
            .collect()
        // 3. (Otherwise, an XML document: not reachable, every document here is HTML.)
    }
}
