//! Sandboxing in the engine: the sandboxing flags a navigation snapshots from the shared
//! browsing-context tree (the target's creation sandboxing flags) and from its source
//! document (its active sandboxing flag set), and whether the source may navigate the target.
//! The flag sets and the algorithms over the tree are the dom crate's
//! (`postern_dom::sandboxing`).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/browsers.html#sandboxing>

use postern_dom::sandboxing::SourceSnapshotParams;
use postern_dom::{BrowsingContextId, SandboxingFlagSet};

use crate::agent::AgentState;
use crate::ids::WindowId;

/// Snapshotting target snapshot params: the navigable's creation sandboxing flags (from
/// the shared tree: the popup flags, or the container's and its document's).
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#snapshotting-target-snapshot-params>
pub(crate) fn snapshot_target_snapshot_params(
    state: &AgentState,
    navigable: BrowsingContextId,
) -> SandboxingFlagSet {
    // Return a new target snapshot params with sandboxing flags set to the result of
    // determining the creation sandboxing flags given targetNavigable's active browsing
    // context and targetNavigable's container.
    state
        .ua
        .with_tree(|tree| tree.determine_the_creation_sandboxing_flags(navigable))
}

/// Whether the navigable of `source`'s document (a window of this agent) is allowed by
/// sandboxing to navigate `target`, given the source snapshot params of that document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#allowed-to-navigate>
pub(crate) fn is_allowed_by_sandboxing_to_navigate(
    state: &AgentState,
    source: WindowId,
    target: BrowsingContextId,
) -> bool {
    // Snapshotting source snapshot params: sourceDocument's active sandboxing flag set.
    // Deviation: has transient activation is always false (there is no user activation).
    let Some((source_navigable, sandboxing_flags)) = state.windows.borrow().get(&source).map(|w| {
        (
            w.browsing_context,
            w.document.borrow().active_sandboxing_flag_set(),
        )
    }) else {
        return false;
    };
    let params = SourceSnapshotParams {
        has_transient_activation: false,
        sandboxing_flags,
    };
    state
        .ua
        .with_tree(|tree| tree.allowed_by_sandboxing_to_navigate(source_navigable, target, &params))
}
