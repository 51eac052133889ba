//! Text: `textContent` and a script element's child text content.

use super::{Document, DomError, NodeData};
use crate::ids::NodeId;

impl Document {
    /// The DOM's "get text content" (`node.textContent`'s getter): `None` (null) for the
    /// document and doctypes.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#get-text-content>
    pub fn text_content(&self, node: NodeId) -> Option<String> {
        // The get text content steps, given node, are to return the result of switching
        // on the interface node implements:
        match self.data(node)? {
            // DocumentFragment, Element: the descendant text content of node.
            NodeData::DocumentFragment | NodeData::Element { .. } => {
                Some(self.descendant_text_content(node))
            }
            // CharacterData: node's data.
            NodeData::Text(data) | NodeData::Comment(data) => Some(data.clone()),
            // Otherwise: null.
            NodeData::Document | NodeData::Doctype { .. } => None,
        }
    }

    /// The DOM's "set text content" (`node.textContent`'s setter; a binding turns null
    /// into the empty string first).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#set-text-content>
    pub fn set_text_content(&mut self, node: NodeId, value: &str) -> Result<(), DomError> {
        // The set text content steps, given node and value, are to switch on the
        // interface node implements:
        match self.data(node).ok_or(DomError::UnknownNode(node))? {
            // DocumentFragment, Element: string replace all with value within node.
            NodeData::DocumentFragment | NodeData::Element { .. } => {
                self.string_replace_all(value, node);
            }
            // CharacterData: replace data of node with offset 0, count node's length, and
            // data value.
            NodeData::Text(_) | NodeData::Comment(_) => {
                if let Some(n) = self.node_mut(node)
                    && let NodeData::Text(data) | NodeData::Comment(data) = &mut n.data
                {
                    // TODO(spec): "replace data" also queues a mutation record and updates
                    // live ranges.
                    value.clone_into(data);
                }
            }
            // Otherwise: do nothing.
            NodeData::Document | NodeData::Doctype { .. } => {}
        }
        Ok(())
    }

    /// The DOM's "descendant text content": the data of all Text descendants, in tree
    /// order.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-descendant-text-content>
    pub fn descendant_text_content(&self, node: NodeId) -> String {
        self.descendants(node)
            .filter_map(|d| match self.data(d) {
                Some(NodeData::Text(data)) => Some(data.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The DOM's "child text content": the data of the node's Text children, in tree
    /// order (a script element's source text). Empty for an unknown id.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-child-text-content>
    pub fn child_text(&self, node: NodeId) -> String {
        self.children(node)
            .iter()
            .filter_map(|&c| match self.data(c) {
                Some(NodeData::Text(data)) => Some(data.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The DOM's "string replace all".
    ///
    /// Spec: <https://dom.spec.whatwg.org/#string-replace-all>
    fn string_replace_all(&mut self, string: &str, parent: NodeId) {
        // 1. Let node be null.
        // 2. If string is not the empty string, then set node to a new Text node whose
        //    data is string and node document is parent's node document.
        let node = (!string.is_empty()).then(|| self.create_text_node(string));
        // 3. Replace all with node within parent.
        self.replace_all(node, parent);
    }

    /// The DOM's "replace all".
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-node-replace-all>
    fn replace_all(&mut self, node: Option<NodeId>, parent: NodeId) {
        // 1. Let removedNodes be parent's children.
        let removed_nodes = self.children(parent).to_vec();
        // 2-4. (addedNodes, only for the mutation record.)
        // 5. Remove all parent's children, in tree order, with suppressObservers set to
        //    true.
        for child in removed_nodes {
            self.remove(child);
        }
        // 6. If node is non-null, then insert node into parent before null with
        //    suppressObservers set to true.
        if let Some(node) = node {
            self.insert(node, parent, None);
        }
        // TODO(spec): step 7 — queue a tree mutation record.
    }
}
