//! Top-level traversables that script opens and closes: creating one for `window.open()`
//! (with its initial `about:blank` Window when it has an opener), navigating a navigable
//! chosen by name, and definitely closing one after `window.close()`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#top-level-traversables>,
//! <https://html.spec.whatwg.org/multipage/document-sequences.html#closing-browsing-contexts>
//!
//! The browsing-context tree (shared by every agent) holds the contexts; the Windows live
//! in the agents that run their documents, so destroying a traversable sends each of its
//! documents' agents an `UnloadDocument` task.

use std::collections::HashMap;
use std::rc::Rc;

use boa_engine::Context;
use postern_dom::{BrowsingContextId, NewTraversable, Origin, StorageShed, determine_the_origin};
use url::Url;

use crate::agent::AgentState;
use crate::embedder::error::EngineError;
use crate::html::document_lifecycle;
use crate::html::document_lifecycle::checking_if_unloading_is_canceled;
use crate::html::navigation;
use crate::html::window::create_window;

/// The origins of the active documents of the browsing contexts whose active Window runs
/// in this agent.
///
/// A browsing context missing from the map shows a document of another agent, which is
/// another site, so never the same origin as a document here: a `same_origin` question
/// about a context of this agent (the current or incumbent one, as the rules for choosing
/// a navigable and the close steps ask) is answered by the map alone, without taking the
/// tree's lock (the callers hold it).
pub(crate) fn origins_of_active_documents(
    state: &AgentState,
) -> HashMap<BrowsingContextId, Origin> {
    let candidates: Vec<_> = state
        .windows
        .borrow()
        .iter()
        .map(|(id, w)| (*id, w.browsing_context, w.origin()))
        .collect();
    candidates
        .into_iter()
        .filter(|(id, bc, _)| state.ua.active_window(*bc) == Some(*id))
        .map(|(_, bc, origin)| (bc, origin))
        .collect()
}

/// Whether the active documents of `a` and `b` are same origin, per `origins` (see
/// [`origins_of_active_documents`]).
pub(crate) fn same_origin_in(
    origins: &HashMap<BrowsingContextId, Origin>,
    a: BrowsingContextId,
    b: BrowsingContextId,
) -> bool {
    match (origins.get(&a), origins.get(&b)) {
        (Some(a), Some(b)) => a.is_same_origin(b),
        _ => false,
    }
}

/// Create a new top-level traversable named `target_name`: an auxiliary browsing context
/// in the group of `opener` (the opener's browsing context, and its active document's
/// origin), or, with no opener, a top-level browsing context in a new group.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#creating-a-new-top-level-traversable>
pub(crate) fn create_a_new_top_level_traversable(
    state: &Rc<AgentState>,
    context: &mut Context,
    opener: Option<(BrowsingContextId, Origin)>,
    target_name: String,
) -> Result<BrowsingContextId, EngineError> {
    // (The opener's top-level traversable, for step 10.)
    let opener_top = opener
        .as_ref()
        .and_then(|(opener, _)| state.ua.with_tree(|tree| tree.top(*opener)));
    // 1. Let document be null.
    let traversable = match opener {
        // 2. If opener is null, then set document to the second return value of creating a
        //    new top-level browsing context and document.
        // Deviation: the creator-less initial about:blank document has an opaque origin,
        // so it belongs to another agent; it is not created here (the caller navigates the
        // traversable, to about:blank when nothing else: see `window_open_steps`), so that
        // loading it there can not race the navigation that replaces it.
        None => state
            .ua
            .with_tree_mut(|tree| tree.create_top_level(target_name)),
        // 3. Otherwise, set document to the second return value of creating a new
        //    auxiliary browsing context and document given opener.
        Some((opener, creator_origin)) => {
            let id = state
                .ua
                .with_tree_mut(|tree| {
                    tree.create_a_new_auxiliary_browsing_context(opener, target_name)
                })
                .map_err(|error| EngineError::Setup(error.to_string()))?;
            // The initial about:blank document: same origin as its creator (the opener's
            // active document, which is in this agent), so its Window lives here and
            // exists as soon as window.open() returns.
            let blank =
                Url::parse("about:blank").map_err(|error| EngineError::Setup(error.to_string()))?;
            match create_window(state, context, id, blank, creator_origin) {
                Ok(window) => {
                    document_lifecycle::initialize_the_initial_about_blank_document(state, window)
                }
                Err(error) => {
                    state.ua.with_tree_mut(|tree| tree.remove(id));
                    return Err(error);
                }
            }
            id
        }
    };
    // 4.-9. (document state, the traversable's session history)
    // Deviation: not modelled: the browsing context stands for its traversable (there is no
    // session history yet).
    // 10. If opener is non-null, then legacy-clone a traversable storage shed given
    //     opener's top-level traversable and traversable.
    if let Some(opener_top) = opener_top {
        let mut shed = state
            .ua
            .storage
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        StorageShed::legacy_clone_a_traversable_storage_shed(&mut shed, opener_top, traversable);
    }
    // 11. Append traversable to the user agent's top-level traversable set. (Done: the
    //     browsing context was added to the tree when it was created.)
    // 12. (WebDriver BiDi.)
    // 13. Return traversable.
    Ok(traversable)
}

/// The task `window.close()` queued: definitely close the top-level traversable, then
/// destroy its documents (and its descendants') wherever they run: their tasks and timers
/// are dropped.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#definitely-close-a-top-level-traversable>
pub(crate) fn definitely_close_a_top_level_traversable(
    state: &Rc<AgentState>,
    context: &mut Context,
    traversable: BrowsingContextId,
) {
    // 1. Let toUnload be traversable's active document's inclusive descendant navigables.
    let windows = navigation::active_windows_of_inclusive_descendants(state, traversable);
    // 2. If the result of checking if unloading is canceled for toUnload is true, then
    //    return. (`beforeunload`; it never is canceled here.)
    if checking_if_unloading_is_canceled(state, context, &windows) {
        return;
    }
    // 3. Append the following session history traversal steps to traversable:
    // 3.2. Unload a document and its descendants given traversable's active document:
    //      `pagehide` and `unload` at each document of this agent now, while they are in
    //      the tree (in tree order: the spec's order among them is open, "in what
    //      order?"); the others' are fired where they live by their destruction below.
    for &window in &windows {
        document_lifecycle::unload_a_document(state, context, window);
    }
    // 3.1. afterAllUnloads: destroy traversable (the tree's part).
    let removed = state
        .ua
        .with_tree_mut(|tree| tree.definitely_close_a_top_level_traversable(traversable));
    if removed.is_err() {
        // Already destroyed (closed twice, or by the embedder).
        return;
    }
    // Destroy a top-level traversable, step 2: destroy each document (where it lives).
    navigation::destroy_documents_where_they_live(state, context, windows);
}

/// The creation steps of the rules for choosing a navigable (8.7-8.9), for `window.open()`
/// and following a hyperlink: a new top-level traversable opened by `source` (its browsing
/// context and its active document's origin) unless `noopener`, with its popup sandboxing
/// flag set and one permitted sandboxed navigator.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#the-rules-for-choosing-a-navigable>
pub(crate) fn create_the_chosen_top_level_traversable(
    state: &Rc<AgentState>,
    context: &mut Context,
    source: (BrowsingContextId, &Origin),
    request: NewTraversable,
) -> Result<BrowsingContextId, EngineError> {
    let (source_bc, source_origin) = source;
    // The popup's initial about:blank document: its creation sandboxing flags are its popup
    // sandboxing flag set, and its origin is determined from them and its creator's origin
    // (a new opaque origin when the sandbox propagates without allow-same-origin).
    let blank = Url::parse("about:blank").map_err(|e| EngineError::Setup(e.to_string()))?;
    let blank_origin = determine_the_origin(
        Some(&blank),
        request.popup_sandboxing_flag_set,
        Some(source_origin),
    );
    // 8.7. If noopener is true, then set chosen to the result of creating a new top-level
    //      traversable given null, targetName, and currentNavigable.
    // 8.8.1. Otherwise, set chosen to the result of creating a new top-level traversable
    //        given currentNavigable's active browsing context, targetName, and
    //        currentNavigable.
    let opener = (!request.noopener).then_some((source_bc, blank_origin));
    let created = create_a_new_top_level_traversable(state, context, opener, request.target_name)?;
    // 8.8.2. If sandboxingFlagSet's sandboxed navigation browsing context flag is set, then
    //        set chosen's active browsing context's one permitted sandboxed navigator to
    //        currentNavigable's active browsing context.
    // 8.9. If sandboxingFlagSet's sandbox propagates to auxiliary browsing contexts flag is
    //      set, then all the flags that are set in sandboxingFlagSet must be set in chosen's
    //      active browsing context's popup sandboxing flag set.
    state.ua.with_tree_mut(|tree| {
        tree.set_popup_sandboxing(
            created,
            request.popup_sandboxing_flag_set,
            request.one_permitted_sandboxed_navigator,
        )
    });
    // (The initial document and every later one of the popup take its popup sandboxing
    // flag set.)
    if let Some(initial) = state.ua.active_window(created)
        && let Some(w) = state.windows.borrow().get(&initial)
    {
        w.document
            .borrow_mut()
            .set_active_sandboxing_flag_set(request.popup_sandboxing_flag_set);
    }
    Ok(created)
}
