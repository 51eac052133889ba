//! Tree mutation: `appendChild`, `insertBefore`, `removeChild`, and the raw operations
//! the HTML parser uses.
//!
//! Spec: <https://dom.spec.whatwg.org/#mutation-algorithms>

use super::{Document, DomError, NodeData};
use crate::ids::NodeId;

impl Document {
    /// The DOM's `appendChild(node)`: appends `child` as the last child of `parent`,
    /// first removing it from its old parent. Returns the appended node.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-node-appendchild>
    pub fn append_child(&mut self, parent: NodeId, child: NodeId) -> Result<NodeId, DomError> {
        // The appendChild(node) method steps are to return the result of appending node
        // to this. To append a node to a parent, pre-insert node into parent before null.
        self.pre_insert(child, parent, None)
    }

    /// The DOM's `insertBefore(node, child)`: inserts `node` into `parent` before `child`
    /// (at the end when `child` is `None`). Returns the inserted node.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-node-insertbefore>
    pub fn insert_before(
        &mut self,
        parent: NodeId,
        node: NodeId,
        child: Option<NodeId>,
    ) -> Result<NodeId, DomError> {
        // The insertBefore(node, child) method steps are to return the result of
        // pre-inserting node into this before child.
        self.pre_insert(node, parent, child)
    }

    /// The DOM's `removeChild(child)`. Returns the removed node.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-node-removechild>
    pub fn remove_child(&mut self, parent: NodeId, child: NodeId) -> Result<NodeId, DomError> {
        // The removeChild(child) method steps are to return the result of pre-removing
        // child from this.
        self.pre_remove(child, parent)
    }

    /// Whether the node is connected: its root (crossing template contents to their
    /// template) is the document node.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#connected>
    pub fn is_connected(&self, node: NodeId) -> bool {
        // An element is connected if its shadow-including root is a document.
        // (Template contents are a separate tree: their root is a fragment, not the
        // document, so nodes inside a template are not connected.)
        self.root(node) == Some(self.document_node())
    }

    /// The node's root: the topmost inclusive ancestor (`None` for an unknown id).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-tree-root>
    pub fn root(&self, node: NodeId) -> Option<NodeId> {
        self.node(node)?;
        let mut current = node;
        // Bounded walk: a tree can not be deeper than the arena is large.
        for _ in 0..self.nodes.len() {
            match self.parent(current) {
                Some(parent) => current = parent,
                None => return Some(current),
            }
        }
        None
    }

    /// Whether `ancestor` is a host-including inclusive ancestor of `node`: an inclusive
    /// ancestor, or one of the template whose contents hold `node` (recursively).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-tree-host-including-inclusive-ancestor>
    pub fn is_host_including_inclusive_ancestor(&self, ancestor: NodeId, node: NodeId) -> bool {
        let mut current = node;
        for _ in 0..self.nodes.len() {
            if current == ancestor {
                return true;
            }
            match self
                .parent(current)
                .or_else(|| self.fragment_hosts.get(&current).copied())
            {
                Some(next) => current = next,
                None => return false,
            }
        }
        false
    }

    /// The DOM's "pre-insert".
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-node-pre-insert>
    fn pre_insert(
        &mut self,
        node: NodeId,
        parent: NodeId,
        child: Option<NodeId>,
    ) -> Result<NodeId, DomError> {
        // 1. Ensure pre-insert validity of node into parent before child.
        self.ensure_pre_insert_validity(node, parent, child)?;
        // 2. Let referenceChild be child.
        // 3. If referenceChild is node, then set referenceChild to node's next sibling.
        let reference_child = match child {
            Some(c) if c == node => self.next_sibling(node),
            other => other,
        };
        // 4. Insert node into parent before referenceChild.
        self.insert(node, parent, reference_child);
        // 5. Return node.
        Ok(node)
    }

    /// The DOM's "ensure pre-insert validity".
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-node-ensure-pre-insertion-validity>
    fn ensure_pre_insert_validity(
        &self,
        node: NodeId,
        parent: NodeId,
        child: Option<NodeId>,
    ) -> Result<(), DomError> {
        use DomError::{HierarchyRequestError as Hierarchy, NotFoundError};
        let parent_data = self.data(parent).ok_or(DomError::UnknownNode(parent))?;
        let node_data = self.data(node).ok_or(DomError::UnknownNode(node))?;
        if let Some(c) = child {
            self.node(c).ok_or(DomError::UnknownNode(c))?;
        }
        // 1. If parent is not a Document, DocumentFragment, or Element node, then throw a
        //    "HierarchyRequestError" DOMException.
        if !matches!(
            parent_data,
            NodeData::Document | NodeData::DocumentFragment | NodeData::Element { .. }
        ) {
            return Err(Hierarchy("the parent can not have children"));
        }
        // 2. If node is a host-including inclusive ancestor of parent, then throw a
        //    "HierarchyRequestError" DOMException.
        if self.is_host_including_inclusive_ancestor(node, parent) {
            return Err(Hierarchy("the node is an ancestor of the parent"));
        }
        // 3. If child is non-null and its parent is not parent, then throw a
        //    "NotFoundError" DOMException.
        if let Some(c) = child
            && self.parent(c) != Some(parent)
        {
            return Err(NotFoundError(
                "the reference child is not a child of the parent",
            ));
        }
        // 4. If node is not a DocumentFragment, DocumentType, Element, or CharacterData
        //    node, then throw a "HierarchyRequestError" DOMException.
        if matches!(node_data, NodeData::Document) {
            return Err(Hierarchy("a document can not be inserted"));
        }
        let parent_is_document = matches!(parent_data, NodeData::Document);
        // 5. If either node is a Text node and parent is a document, or node is a doctype
        //    and parent is not a document, then throw a "HierarchyRequestError"
        //    DOMException.
        match node_data {
            NodeData::Text(_) if parent_is_document => {
                return Err(Hierarchy("a document can not have text children"));
            }
            NodeData::Doctype { .. } if !parent_is_document => {
                return Err(Hierarchy("a doctype can only be a child of a document"));
            }
            _ => {}
        }
        // 6. If parent is a document, and any of the statements below, switched on the
        //    interface node implements, are true, then throw a "HierarchyRequestError"
        //    DOMException.
        if !parent_is_document {
            return Ok(());
        }
        let parent_has_element_child = self.children(parent).iter().any(|&c| self.is_element(c));
        let child_is_doctype = child.is_some_and(|c| self.is_doctype(c));
        let doctype_follows_child =
            child.is_some_and(|c| self.siblings_after(parent, c).any(|s| self.is_doctype(s)));
        let bad = match node_data {
            // DocumentFragment: if node has more than one element child or has a Text node
            // child; otherwise, if node has one element child and either parent has an
            // element child, child is a doctype, or child is non-null and a doctype is
            // following child.
            NodeData::DocumentFragment => {
                let kids = self.children(node);
                let elements = kids.iter().filter(|&&c| self.is_element(c)).count();
                let has_text = kids
                    .iter()
                    .any(|&c| matches!(self.data(c), Some(NodeData::Text(_))));
                elements > 1
                    || has_text
                    || (elements == 1
                        && (parent_has_element_child || child_is_doctype || doctype_follows_child))
            }
            // Element: parent has an element child, child is a doctype, or child is
            // non-null and a doctype is following child.
            NodeData::Element { .. } => {
                parent_has_element_child || child_is_doctype || doctype_follows_child
            }
            // DocumentType: parent has a doctype child, child is non-null and an element
            // is preceding child, or child is null and parent has an element child.
            NodeData::Doctype { .. } => {
                let parent_has_doctype = self.children(parent).iter().any(|&c| self.is_doctype(c));
                let element_precedes_child = child.is_some_and(|c| {
                    self.children(parent)
                        .iter()
                        .take_while(|&&s| s != c)
                        .any(|&s| self.is_element(s))
                });
                parent_has_doctype
                    || element_precedes_child
                    || (child.is_none() && parent_has_element_child)
            }
            _ => false,
        };
        if bad {
            return Err(Hierarchy("a document allows one doctype, then one element"));
        }
        Ok(())
    }

    /// The DOM's "insert" (with the suppress-observers flag unset).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-node-insert>
    pub(super) fn insert(&mut self, node: NodeId, parent: NodeId, child: Option<NodeId>) {
        // 1. Let nodes be node's children, if node is a DocumentFragment node; otherwise
        //    « node ».
        let nodes = if matches!(self.data(node), Some(NodeData::DocumentFragment)) {
            self.children(node).to_vec()
        } else {
            vec![node]
        };
        // 2. Let count be nodes's size.
        // 3. If count is 0, then return.
        if nodes.is_empty() {
            return;
        }
        // 4. If node is a DocumentFragment node: remove its children with the suppress
        //    observers flag set, then queue a tree mutation record for node.
        // (Its children are detached one by one by the adopt in step 7.1.)
        // TODO(spec): step 4.2 and steps 5-6 — mutation records and live ranges.
        // 7. For each node in nodes, in tree order:
        for each in nodes {
            // 7.1. Adopt node into parent's node document (this removes it from its old
            //      parent).
            // 7.2. If child is null, then append node to parent's children.
            // 7.3. Otherwise, insert node into parent's children before child's index.
            self.link(parent, each, child);
            // TODO(spec): steps 7.4-7.7 — slots and the insertion steps (e.g. an
            // iframe's), which the engine runs itself.
        }
        // TODO(spec): the steps after step 7 — the tree mutation record, the children
        // changed steps and the post-connection steps.
    }

    /// The DOM's "pre-remove".
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-node-pre-remove>
    fn pre_remove(&mut self, child: NodeId, parent: NodeId) -> Result<NodeId, DomError> {
        self.node(child).ok_or(DomError::UnknownNode(child))?;
        self.node(parent).ok_or(DomError::UnknownNode(parent))?;
        // 1. If child's parent is not parent, then throw a "NotFoundError" DOMException.
        if self.parent(child) != Some(parent) {
            return Err(DomError::NotFoundError(
                "the node is not a child of the parent",
            ));
        }
        // 2. Remove child.
        self.remove(child);
        // 3. Return child.
        Ok(child)
    }

    /// The DOM's "remove": detaches the node from its parent.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-node-remove>
    pub(crate) fn remove(&mut self, node: NodeId) {
        // 1. Let parent be node's parent.
        // 2. Assert: parent is non-null.
        // TODO(spec): the steps before the removal — live ranges, NodeIterators, the old
        // siblings kept for the mutation record.
        // Remove node from its parent's children.
        self.detach(node);
        // TODO(spec): the steps after it — slots, the removing steps (e.g. an iframe's:
        // destroy its child navigable; the engine does that), the tree mutation record
        // and the children changed steps.
    }

    /// The next sibling of a node.
    pub fn next_sibling(&self, node: NodeId) -> Option<NodeId> {
        let siblings = self.children(self.parent(node)?);
        let position = siblings.iter().position(|&s| s == node)?;
        siblings.get(position + 1).copied()
    }

    /// The previous sibling of a node.
    pub fn previous_sibling(&self, node: NodeId) -> Option<NodeId> {
        let siblings = self.children(self.parent(node)?);
        let position = siblings.iter().position(|&s| s == node)?;
        siblings.get(position.checked_sub(1)?).copied()
    }

    fn is_doctype(&self, node: NodeId) -> bool {
        matches!(self.data(node), Some(NodeData::Doctype { .. }))
    }

    fn siblings_after(&self, parent: NodeId, child: NodeId) -> impl Iterator<Item = NodeId> {
        self.children(parent)
            .iter()
            .skip_while(move |&&s| s != child)
            .skip(1)
            .copied()
    }

    /// Removes the node from its parent's children, if it has a parent.
    pub(crate) fn detach(&mut self, node: NodeId) {
        let Some(parent) = self.parent(node) else {
            return;
        };
        if let Some(p) = self.node_mut(parent) {
            p.children.retain(|&c| c != node);
        }
        if let Some(n) = self.node_mut(node) {
            n.parent = None;
        }
    }

    /// Moves `node` under `parent`, before `before` (last when `None` or when `before` is
    /// not a child of `parent`). Refuses (returns false) unknown ids and cycles, so that
    /// callers without validation (the parser) can not corrupt the tree.
    pub(crate) fn link(&mut self, parent: NodeId, node: NodeId, before: Option<NodeId>) -> bool {
        if self.node(parent).is_none() || node == self.document_node() {
            return false;
        }
        let may_have_descendants = match self.node(node) {
            Some(n) => !n.children.is_empty() || self.template_contents.contains_key(&node),
            None => return false,
        };
        // A node without descendants can only be an ancestor of itself: skip the walk.
        if node == parent
            || (may_have_descendants && self.is_host_including_inclusive_ancestor(node, parent))
        {
            return false;
        }
        self.detach(node);
        let Some(p) = self.node_mut(parent) else {
            return false;
        };
        let position = before.and_then(|b| p.children.iter().position(|&c| c == b));
        match position {
            Some(i) => p.children.insert(i, node),
            None => p.children.push(node),
        }
        if let Some(n) = self.node_mut(node) {
            n.parent = Some(parent);
        }
        true
    }

    /// Appends text as the parser does: merged into the last child if that is a Text
    /// node, else as a new Text node. Returns the new Text node, if one was made.
    pub(crate) fn append_text_merging(&mut self, parent: NodeId, text: &str) -> Option<NodeId> {
        let last = self.children(parent).last().copied();
        if let Some(last) = last
            && let Some(NodeData::Text(data)) = self.node_mut(last).map(|n| &mut n.data)
        {
            data.push_str(text);
            return None;
        }
        let new = self.create_text_node(text);
        self.link(parent, new, None);
        Some(new)
    }

    /// Inserts text before `sibling` as the parser does: merged into the previous
    /// sibling if that is a Text node, else as a new Text node.
    pub(crate) fn insert_text_before_merging(&mut self, sibling: NodeId, text: &str) {
        let Some(parent) = self.parent(sibling) else {
            return;
        };
        if let Some(previous) = self.previous_sibling(sibling)
            && let Some(NodeData::Text(data)) = self.node_mut(previous).map(|n| &mut n.data)
        {
            data.push_str(text);
            return;
        }
        let new = self.create_text_node(text);
        self.link(parent, new, Some(sibling));
    }

    /// Moves all of `node`'s children, in order, to the end of `new_parent`.
    pub(crate) fn reparent_children(&mut self, node: NodeId, new_parent: NodeId) {
        for child in self.children(node).to_vec() {
            self.link(new_parent, child, None);
        }
    }
}
