//! The browsing-context tree: top-level browsing contexts and the child contexts their
//! documents' iframes create.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html>
//!
//! The standard now models this with navigables (a traversable per tab, a child
//! navigable per iframe, each with an active document whose browsing context this is).
//! This crate keeps the browsing-context view postMessage needs: who is whose parent,
//! which document is active, what a context is named, who opened it. Plain `Send + Sync`
//! data, so it can be shared between threads behind a lock.

use std::collections::BTreeMap;

use thiserror::Error;

use crate::browsing_context_group::BrowsingContextGroup;
use crate::ids::{BrowsingContextGroupId, BrowsingContextId, DocumentId, NodeId};
use crate::sandboxing::SandboxingFlagSet;

/// An error from a [`BrowsingContextTree`] operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum TreeError {
    /// No browsing context with this id is in the tree (never was, or was removed).
    #[error("no browsing context {0:?}")]
    UnknownContext(BrowsingContextId),
    /// No browsing context group with this id is in the tree (never was, or its last
    /// top-level browsing context was removed).
    #[error("no browsing context group {0:?}")]
    UnknownGroup(BrowsingContextGroupId),
    /// The operation needs a top-level browsing context, and this one has a parent.
    #[error("browsing context {0:?} is not top-level")]
    NotTopLevel(BrowsingContextId),
}

/// One browsing context.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#browsing-context>
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrowsingContext {
    /// Its id.
    pub id: BrowsingContextId,
    /// Its parent browsing context (`None` for a top-level one).
    pub parent: Option<BrowsingContextId>,
    /// Its child browsing contexts.
    pub children: Vec<BrowsingContextId>,
    /// Its name (the navigable's target name; `""` for none).
    pub name: String,
    /// The element (in which document) whose content it is: an iframe. `None` for a
    /// top-level one.
    pub container: Option<(DocumentId, NodeId)>,
    /// Its active document, once it has one.
    pub active_document: Option<DocumentId>,
    /// The browsing context that opened it (`window.open`), if any. It stays set after
    /// the opener is removed: `get(opener)` is then `None`.
    pub opener: Option<BrowsingContextId>,
    /// Its browsing context group: `Some` exactly for a top-level browsing context
    /// (a child's group is its top-level's, see [`BrowsingContextTree::group_of`]).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#tlbc-group>
    pub group: Option<BrowsingContextGroupId>,
    /// Whether it was created as an auxiliary browsing context (a popup opened by
    /// another context, sharing its group).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#is-auxiliary>
    pub is_auxiliary: bool,
    /// Whether it is closing: `window.close()` accepted, and the context is about to be
    /// destroyed. Only ever set on top-level ones.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#is-closing>
    pub is_closing: bool,
    /// Its popup sandboxing flag set: the flags of the sandboxed document that opened it,
    /// when that document's sandbox propagates to auxiliary browsing contexts.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#popup-sandboxing-flag-set>
    pub popup_sandboxing_flag_set: SandboxingFlagSet,
    /// Its container's iframe sandboxing flag set (the container's `sandbox` attribute,
    /// parsed); empty for a top-level one. Stored here, where every agent can read it, as
    /// the tree records the container.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#iframe-sandboxing-flag-set>
    pub iframe_sandboxing_flag_set: SandboxingFlagSet,
    /// Its container's node document's active sandboxing flag set (a document's flag set
    /// never changes); empty for a top-level one.
    pub container_document_sandboxing_flag_set: SandboxingFlagSet,
    /// The one navigable a sandboxed document's popup may be navigated by (the popup's
    /// creator), if any.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#one-permitted-sandboxed-navigator>
    pub one_permitted_sandboxed_navigator: Option<BrowsingContextId>,
    /// For a top-level traversable: how many session history steps it has (its own entries
    /// and its descendants' pushed ones; 1 from its first document on). Unused on a child.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#tn-session-history-entries>
    pub session_history_length: u32,
}

/// All browsing contexts, as a forest of trees (one per top-level context), and the
/// browsing context groups the top-level ones belong to (the user agent's browsing
/// context group set).
#[derive(Clone, Debug, Default)]
pub struct BrowsingContextTree {
    pub(crate) contexts: BTreeMap<BrowsingContextId, BrowsingContext>,
    pub(crate) groups: BTreeMap<BrowsingContextGroupId, BrowsingContextGroup>,
    next_id: u64,
    pub(crate) next_group_id: u64,
}

impl BrowsingContextTree {
    /// An empty tree.
    pub fn new() -> BrowsingContextTree {
        BrowsingContextTree::default()
    }

    pub(crate) fn allocate(
        &mut self,
        parent: Option<BrowsingContextId>,
        container: Option<(DocumentId, NodeId)>,
        name: String,
    ) -> BrowsingContextId {
        self.next_id += 1;
        let id = BrowsingContextId(self.next_id);
        self.contexts.insert(
            id,
            BrowsingContext {
                id,
                parent,
                children: Vec::new(),
                name,
                container,
                active_document: None,
                opener: None,
                group: None,
                is_auxiliary: false,
                is_closing: false,
                popup_sandboxing_flag_set: SandboxingFlagSet::EMPTY,
                iframe_sandboxing_flag_set: SandboxingFlagSet::EMPTY,
                container_document_sandboxing_flag_set: SandboxingFlagSet::EMPTY,
                one_permitted_sandboxed_navigator: None,
                session_history_length: 1,
            },
        );
        id
    }

    /// Creates a top-level browsing context (a tab, or a popup opened with `noopener`)
    /// in a new browsing context group, with no document yet.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#creating-a-new-top-level-browsing-context>
    /// (see [`BrowsingContextTree::create_a_new_top_level_browsing_context`], which also
    /// returns the group).
    pub fn create_top_level(&mut self, name: String) -> BrowsingContextId {
        self.create_a_new_top_level_browsing_context(name).0
    }

    /// Creates a child browsing context of `parent` for the container element
    /// `container` (an iframe in `parent`'s document).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#create-a-new-child-navigable>
    pub fn create_child(
        &mut self,
        parent: BrowsingContextId,
        container: (DocumentId, NodeId),
        name: String,
    ) -> Result<BrowsingContextId, TreeError> {
        if !self.contexts.contains_key(&parent) {
            return Err(TreeError::UnknownContext(parent));
        }
        let id = self.allocate(Some(parent), Some(container), name);
        if let Some(p) = self.contexts.get_mut(&parent) {
            // TODO(spec): order children by their containers' position in the parent's
            // document (tree order), not by creation; the same while parsing.
            p.children.push(id);
        }
        Ok(id)
    }

    /// The browsing context with this id.
    pub fn get(&self, id: BrowsingContextId) -> Option<&BrowsingContext> {
        self.contexts.get(&id)
    }

    /// Whether the tree holds this context.
    pub fn contains(&self, id: BrowsingContextId) -> bool {
        self.contexts.contains_key(&id)
    }

    /// All context ids, in creation order.
    pub fn ids(&self) -> impl Iterator<Item = BrowsingContextId> + '_ {
        self.contexts.keys().copied()
    }

    /// The parent browsing context.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#bc-parent>
    pub fn parent(&self, id: BrowsingContextId) -> Option<BrowsingContextId> {
        self.get(id)?.parent
    }

    /// The top-level browsing context of `id` (itself if it is top-level).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#top-level-browsing-context>
    pub fn top(&self, id: BrowsingContextId) -> Option<BrowsingContextId> {
        let mut current = self.get(id)?.id;
        // Bounded: a chain of parents can not be longer than the tree is large.
        for _ in 0..=self.contexts.len() {
            match self.parent(current) {
                Some(parent) => current = parent,
                None => return Some(current),
            }
        }
        None
    }

    /// The number of session history steps of `id`'s traversable (its top-level
    /// browsing context): what `history.length` returns. 0 for an unknown id.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-history-length>
    pub fn session_history_length(&self, id: BrowsingContextId) -> u32 {
        self.top(id)
            .and_then(|top| self.get(top))
            .map_or(0, |traversable| traversable.session_history_length)
    }

    /// A navigation of `id` with history handling "push" appended a session history step
    /// to its traversable (bounded: the count saturates).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#finalize-a-cross-document-navigation>
    pub fn push_session_history_step(&mut self, id: BrowsingContextId) {
        if let Some(top) = self.top(id)
            && let Some(traversable) = self.contexts.get_mut(&top)
        {
            traversable.session_history_length =
                traversable.session_history_length.saturating_add(1);
        }
    }

    /// The child browsing contexts of `id` (empty for an unknown id).
    pub fn children(&self, id: BrowsingContextId) -> &[BrowsingContextId] {
        self.get(id).map_or(&[], |c| c.children.as_slice())
    }

    /// The ancestors of `id`, nearest first (its parent, its parent's parent, ...).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#ancestor-browsing-context>
    pub fn ancestors(&self, id: BrowsingContextId) -> Vec<BrowsingContextId> {
        let mut ancestors = Vec::new();
        let mut current = id;
        while let Some(parent) = self.parent(current) {
            if ancestors.len() > self.contexts.len() {
                break;
            }
            ancestors.push(parent);
            current = parent;
        }
        ancestors
    }

    /// `id` and its descendants, in tree order (the empty list for an unknown id).
    pub fn inclusive_descendants(&self, id: BrowsingContextId) -> Vec<BrowsingContextId> {
        let mut result = Vec::new();
        if !self.contains(id) {
            return result;
        }
        let mut stack = vec![id];
        while let Some(next) = stack.pop() {
            if result.len() > self.contexts.len() {
                break;
            }
            result.push(next);
            stack.extend(self.children(next).iter().rev().copied());
        }
        result
    }

    /// Sets the active document of `id`.
    pub fn set_active_document(
        &mut self,
        id: BrowsingContextId,
        document: DocumentId,
    ) -> Result<(), TreeError> {
        self.get_mut(id)?.active_document = Some(document);
        Ok(())
    }

    /// The active document of `id`.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#active-document>
    pub fn active_document(&self, id: BrowsingContextId) -> Option<DocumentId> {
        self.get(id)?.active_document
    }

    /// Renames `id` (`window.name`'s setter).
    pub fn set_name(&mut self, id: BrowsingContextId, name: String) -> Result<(), TreeError> {
        self.get_mut(id)?.name = name;
        Ok(())
    }

    /// Sets (or clears) the opener of `id`.
    pub fn set_opener(
        &mut self,
        id: BrowsingContextId,
        opener: Option<BrowsingContextId>,
    ) -> Result<(), TreeError> {
        self.get_mut(id)?.opener = opener;
        Ok(())
    }

    /// The first child of `parent` named `name` (an empty name matches nothing).
    pub fn child_by_name(
        &self,
        parent: BrowsingContextId,
        name: &str,
    ) -> Option<BrowsingContextId> {
        if name.is_empty() {
            return None;
        }
        self.children(parent)
            .iter()
            .copied()
            .find(|&c| self.get(c).is_some_and(|c| c.name == name))
    }

    /// The child whose container is `container`, if any (an iframe's content context).
    pub fn child_by_container(
        &self,
        parent: BrowsingContextId,
        container: (DocumentId, NodeId),
    ) -> Option<BrowsingContextId> {
        self.children(parent)
            .iter()
            .copied()
            .find(|&c| self.get(c).is_some_and(|c| c.container == Some(container)))
    }

    /// Removes `id` and all its descendants (their container was removed, or the tab
    /// closed); returns the removed ids in tree order (empty for an unknown id).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#destroy-a-child-navigable>
    pub fn remove(&mut self, id: BrowsingContextId) -> Vec<BrowsingContextId> {
        let removed = self.inclusive_descendants(id);
        self.remove_a_top_level_browsing_context(id);
        if let Some(parent) = self.parent(id)
            && let Some(p) = self.contexts.get_mut(&parent)
        {
            p.children.retain(|&c| c != id);
        }
        for gone in &removed {
            self.contexts.remove(gone);
        }
        removed
    }

    pub(crate) fn get_mut(
        &mut self,
        id: BrowsingContextId,
    ) -> Result<&mut BrowsingContext, TreeError> {
        self.contexts
            .get_mut(&id)
            .ok_or(TreeError::UnknownContext(id))
    }
}

#[cfg(test)]
mod tests;
