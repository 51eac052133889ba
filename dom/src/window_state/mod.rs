//! What `Window` reads and writes in the tree: `name`, `opener`, `closed`, and
//! `close()` down to destroying a top-level traversable.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>,
//! <https://html.spec.whatwg.org/multipage/document-sequences.html#closing-browsing-contexts>

use crate::browsing_context::{BrowsingContextTree, TreeError};
use crate::choosing_a_navigable::is_familiar_with;
use crate::ids::BrowsingContextId;

/// What the window `close()` steps did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WindowCloseOutcome {
    /// Nothing: not a top-level traversable, already closing, or not allowed to close.
    Ignored,
    /// The traversable is now closing: queue a task on the DOM manipulation task source
    /// to [definitely close](BrowsingContextTree::definitely_close_a_top_level_traversable)
    /// it.
    Closing,
}

impl BrowsingContextTree {
    /// `window.name`'s getter: the target name of the window's browsing context, or
    /// `""` when it has none (it was removed).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-name>
    pub fn window_name_getter(&self, id: BrowsingContextId) -> &str {
        // 1. If this's navigable is null, then return the empty string.
        // 2. Return this's navigable's target name.
        self.get(id).map_or("", |c| c.name.as_str())
    }

    /// `window.name`'s setter: renames the window's browsing context; nothing when it
    /// has none.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-name>
    pub fn window_name_setter(&mut self, id: BrowsingContextId, name: String) {
        // 1. If this's navigable is null, then return.
        // 2. Set this's navigable's active session history entry's document state's
        //    navigable target name to the given value.
        // Deviation: there is no session history; the name lives on the browsing
        // context, so it does not follow history traversal.
        if let Ok(context) = self.get_mut(id) {
            context.name = name;
        }
    }

    /// `window.opener`'s getter: the opener browsing context, if any (it may since have
    /// been removed, as a closed window's `WindowProxy` still is returned).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-opener>
    pub fn window_opener_getter(&self, id: BrowsingContextId) -> Option<BrowsingContextId> {
        // 1. Let current be this's browsing context.
        // 2. If current is null, then return null.
        // 3. If current's opener browsing context is null, then return null.
        // 4. Return current's opener browsing context's WindowProxy object.
        self.get(id)?.opener
    }

    /// `window.opener = null`: disowns the opener. (Setting any other value only
    /// defines an own property on the window, which is the binding's.)
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-opener>
    pub fn window_opener_setter_null(&mut self, id: BrowsingContextId) {
        // 1. If the given value is null and this's browsing context is non-null, then
        //    set this's browsing context's opener browsing context to null.
        if let Ok(context) = self.get_mut(id) {
            context.opener = None;
        }
        // 2. (a non-null value: DefinePropertyOrThrow on the window) is the binding's.
    }

    /// `window.closed`'s getter: whether the window's browsing context is gone or
    /// closing.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-closed>
    pub fn window_closed_getter(&self, id: BrowsingContextId) -> bool {
        // The closed getter steps are to return true if this's navigable is null or
        // this's navigable's is closing is true; otherwise false.
        self.get(id).is_none_or(|c| c.is_closing)
    }

    /// Whether the top-level traversable `id` may be closed by script: a popup, or a
    /// tab whose session history has only one entry (`session_history_length`, the
    /// embedder's).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#script-closable>
    pub fn is_script_closable(&self, id: BrowsingContextId, session_history_length: usize) -> bool {
        // A navigable is script-closable if its active browsing context is an auxiliary
        // browsing context that was created by a script (as opposed to by an action of
        // the user), or if it is a top-level traversable whose session history entries's
        // size is 1.
        // Deviation: every auxiliary browsing context counts as created by script (the
        // tree does not record what created it).
        self.get(id)
            .is_some_and(|c| c.is_auxiliary || (c.parent.is_none() && session_history_length == 1))
    }

    /// The window `close()` steps for the window of `this`, called from script whose
    /// incumbent global's browsing context is `incumbent`. `same_origin` says whether
    /// two contexts' active documents have the same origin ("familiar with").
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-close>
    pub fn window_close_steps(
        &mut self,
        this: BrowsingContextId,
        incumbent: BrowsingContextId,
        session_history_length: usize,
        same_origin: &dyn Fn(BrowsingContextId, BrowsingContextId) -> bool,
    ) -> WindowCloseOutcome {
        // 1. Let thisTraversable be this's navigable.
        let Some(context) = self.get(this) else {
            return WindowCloseOutcome::Ignored;
        };
        // 2. If thisTraversable is not a top-level traversable, then return.
        // 3. If thisTraversable's is closing is true, then return.
        if context.parent.is_some() || context.is_closing {
            return WindowCloseOutcome::Ignored;
        }
        // 4. Let browsingContext be thisTraversable's active browsing context.
        // 5. Let sourceSnapshotParams be the result of snapshotting source snapshot
        //    params given the entry global object's associated document.
        // 6. If all the following are true: thisTraversable is script-closable; the
        //    incumbent global object's browsing context is familiar with
        //    browsingContext; the incumbent global object's navigable is allowed by
        //    sandboxing to navigate thisTraversable, given sourceSnapshotParams,
        // TODO(spec): step 6's sandboxing check — sandboxing flags are not in the tree.
        let allowed = self.is_script_closable(this, session_history_length)
            && is_familiar_with(self, incumbent, this, same_origin);
        if !allowed {
            return WindowCloseOutcome::Ignored;
        }
        // then: 6.1. Set thisTraversable's is closing to true.
        if let Ok(context) = self.get_mut(this) {
            context.is_closing = true;
        }
        // 6.2. Queue a task on the DOM manipulation task source to definitely close
        //      thisTraversable. (The caller queues it: see WindowCloseOutcome::Closing.)
        WindowCloseOutcome::Closing
    }

    /// Closes the top-level traversable `id` (the user closed its tab): destroys it
    /// unless it is already closing. Returns the removed contexts, in tree order (empty
    /// when nothing was removed).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#close-a-top-level-traversable>
    pub fn close_a_top_level_traversable(
        &mut self,
        id: BrowsingContextId,
    ) -> Result<Vec<BrowsingContextId>, TreeError> {
        // 1. If traversable's is closing is true, then return.
        if self
            .get(id)
            .ok_or(TreeError::UnknownContext(id))?
            .is_closing
        {
            return Ok(Vec::new());
        }
        // 2.-4. As "definitely close a top-level traversable".
        self.definitely_close_a_top_level_traversable(id)
    }

    /// Definitely closes the top-level traversable `id` (the task `window.close()`
    /// queued): destroys it. Returns the removed contexts, in tree order.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#definitely-close-a-top-level-traversable>
    pub fn definitely_close_a_top_level_traversable(
        &mut self,
        id: BrowsingContextId,
    ) -> Result<Vec<BrowsingContextId>, TreeError> {
        // 1. Let toUnload be traversable's active document's inclusive descendant
        //    navigables.
        // 2. If the result of checking if unloading is canceled for toUnload is not
        //    "continue", then return.
        // TODO(spec): steps 1-2 — beforeunload is the embedder's; never canceled here.
        // 3. Append the following session history traversal steps to traversable:
        //    3.1. Let afterAllUnloads be an algorithm step which destroys traversable.
        //    3.2. Unload a document and its descendants given traversable's active
        //         document, null, and afterAllUnloads.
        // Deviation: no session history traversal queue and no unloading here (the
        // embedder fires unload first); this destroys at once.
        self.destroy_a_top_level_traversable(id)
    }

    /// Destroys the top-level traversable `id`: removes it and its descendants from the
    /// tree, and it from its browsing context group (the group goes when it empties).
    /// Returns the removed contexts, in tree order.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#destroy-a-top-level-traversable>
    pub fn destroy_a_top_level_traversable(
        &mut self,
        id: BrowsingContextId,
    ) -> Result<Vec<BrowsingContextId>, TreeError> {
        let context = self.get(id).ok_or(TreeError::UnknownContext(id))?;
        if context.parent.is_some() {
            return Err(TreeError::NotTopLevel(id));
        }
        // 1. Let browsingContext be traversable's active browsing context.
        // 2. For each historyEntry in traversable's session history entries: destroy
        //    its document. (The documents are the embedder's.)
        // 3. Remove browsingContext.
        // 4. Remove traversable from the user interface.
        // 5. Remove traversable from the user agent's top-level traversable set.
        // (`remove` also runs "remove a browsing context" for the group.)
        Ok(self.remove(id))
    }
}

#[cfg(test)]
mod tests;
