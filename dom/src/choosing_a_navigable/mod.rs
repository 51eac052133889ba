//! Target names and the rules for choosing a navigable: which browsing context a link
//! target or `window.open(url, name)` navigates, or whether a new one is needed.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#the-rules-for-choosing-a-navigable>
//!
//! Pure functions over a [`BrowsingContextTree`]. The tree holds no origins, so what
//! needs the origins of active documents ("familiar with") asks the embedder through
//! [`NavigableChoiceContext::same_origin`].

use crate::browsing_context::{BrowsingContextTree, TreeError};
use crate::ids::BrowsingContextId;
use crate::sandboxing::{SandboxingFlag, SandboxingFlagSet, SourceSnapshotParams};

/// Whether `name` is a valid navigable target name: non-empty, not starting with `_`
/// (reserved for keywords), and not containing both an ASCII tab or newline and a `<`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#valid-navigable-target-name>
pub fn is_valid_navigable_target_name(name: &str) -> bool {
    // A valid navigable target name is any string with at least one character that does
    // not contain both an ASCII tab or newline and a U+003C (<), and it does not start
    // with a U+005F (_).
    let has_tab_or_newline = name.contains(['\t', '\n', '\r']);
    let tab_or_newline_and_lt = has_tab_or_newline && name.contains('<');
    !(name.is_empty() || name.starts_with('_') || tab_or_newline_and_lt)
}

/// The target keywords: `_blank`, `_self`, `_parent`, `_top`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#valid-navigable-target-name-or-keyword>
pub const NAVIGABLE_TARGET_KEYWORDS: [&str; 4] = ["_blank", "_self", "_parent", "_top"];

/// Whether `name` is a valid navigable target name, or an ASCII case-insensitive match
/// for one of `_blank`, `_self`, `_parent` or `_top`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#valid-navigable-target-name-or-keyword>
pub fn is_valid_navigable_target_name_or_keyword(name: &str) -> bool {
    is_valid_navigable_target_name(name)
        || NAVIGABLE_TARGET_KEYWORDS
            .iter()
            .any(|k| k.eq_ignore_ascii_case(name))
}

/// What the rules for choosing a navigable need beyond the tree.
#[derive(Clone, Copy)]
pub struct NavigableChoiceContext<'a> {
    /// Whether the active documents of two browsing contexts have the same origin
    /// (`false` when either has none). Used by "familiar with".
    pub same_origin: &'a dyn Fn(BrowsingContextId, BrowsingContextId) -> bool,
    /// The current navigable's active document's active sandboxing flag set (its source
    /// snapshot params' sandboxing flags): no popups with the sandboxed auxiliary
    /// navigation flag, no navigables found by name it is not allowed by sandboxing to
    /// navigate, and the popup sandboxing flag set of a new popup.
    pub sandboxing_flags: SandboxingFlagSet,
    /// Whether the user agent will create a new top-level traversable when one is
    /// requested: `false` when a popup blocker stops it (the current window has no
    /// transient activation).
    pub may_create_new_top_level: bool,
}

impl<'a> NavigableChoiceContext<'a> {
    /// A context that asks `same_origin` about origins, is not sandboxed, and allows
    /// popups.
    pub fn new(
        same_origin: &'a dyn Fn(BrowsingContextId, BrowsingContextId) -> bool,
    ) -> NavigableChoiceContext<'a> {
        NavigableChoiceContext {
            same_origin,
            sandboxing_flags: SandboxingFlagSet::EMPTY,
            may_create_new_top_level: true,
        }
    }
}

/// The window type the rules for choosing a navigable return beside the navigable.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#the-rules-for-choosing-a-navigable>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WindowType {
    /// An existing navigable was chosen, or none.
    ExistingOrNone,
    /// A new top-level traversable, which may have an opener.
    NewAndUnrestricted,
    /// A new top-level traversable forced to have no opener (by an opener policy).
    NewWithNoOpener,
}

/// The new top-level traversable the rules for choosing a navigable ask to create.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NewTraversable {
    /// Whether the new one must have no opener.
    pub noopener: bool,
    /// Its target name: the requested name, or `""` for `_blank`.
    pub target_name: String,
    /// Its popup sandboxing flag set: the current document's flags when its sandbox
    /// propagates to auxiliary browsing contexts, else empty.
    pub popup_sandboxing_flag_set: SandboxingFlagSet,
    /// Its one permitted sandboxed navigator: the current navigable when the current
    /// document has the sandboxed navigation flag.
    pub one_permitted_sandboxed_navigator: Option<BrowsingContextId>,
}

/// The outcome of the rules for choosing a navigable.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ChosenNavigable {
    /// Navigate this existing browsing context.
    Existing(BrowsingContextId),
    /// Create a new top-level traversable named `target_name`: with no opener, in a new
    /// group, when `noopener` ([`BrowsingContextTree::create_top_level`]); otherwise an
    /// auxiliary one opened by the current navigable
    /// ([`BrowsingContextTree::create_a_new_auxiliary_browsing_context`]).
    CreateNew(NewTraversable),
    /// No navigable: the popup was blocked (by a popup blocker or sandboxing).
    None,
}

impl ChosenNavigable {
    /// The spec's windowType for this outcome.
    pub fn window_type(&self) -> WindowType {
        match self {
            ChosenNavigable::Existing(_) | ChosenNavigable::None => WindowType::ExistingOrNone,
            ChosenNavigable::CreateNew(_) => WindowType::NewAndUnrestricted,
        }
    }
}

/// The rules for choosing a navigable, given a target `name`, the current navigable
/// `current` and `noopener`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#the-rules-for-choosing-a-navigable>
pub fn the_rules_for_choosing_a_navigable(
    tree: &BrowsingContextTree,
    name: &str,
    current: BrowsingContextId,
    noopener: bool,
    context: &NavigableChoiceContext<'_>,
) -> Result<ChosenNavigable, TreeError> {
    if !tree.contains(current) {
        return Err(TreeError::UnknownContext(current));
    }
    // 1. Let chosen be null.
    // 2. Let windowType be "existing or none".
    // 3. Let sandboxingFlagSet be currentNavigable's active document's active sandboxing
    //    flag set. (Passed in.)
    let sandboxing_flag_set = context.sandboxing_flags;
    // 4. If name is the empty string or an ASCII case-insensitive match for "_self",
    //    then set chosen to currentNavigable.
    if name.is_empty() || name.eq_ignore_ascii_case("_self") {
        return Ok(ChosenNavigable::Existing(current));
    }
    // 5. Otherwise, if name is an ASCII case-insensitive match for "_parent", set chosen
    //    to currentNavigable's parent, if any, and currentNavigable otherwise.
    if name.eq_ignore_ascii_case("_parent") {
        return Ok(ChosenNavigable::Existing(
            tree.parent(current).unwrap_or(current),
        ));
    }
    // 6. Otherwise, if name is an ASCII case-insensitive match for "_top", set chosen to
    //    currentNavigable's traversable navigable.
    if name.eq_ignore_ascii_case("_top") {
        return Ok(ChosenNavigable::Existing(
            tree.top(current).unwrap_or(current),
        ));
    }
    // 7. Otherwise, if name is not an ASCII case-insensitive match for "_blank" and
    //    there exists a navigable that is the result of finding a navigable by target
    //    name given name and currentNavigable, set chosen to that navigable.
    if !name.eq_ignore_ascii_case("_blank")
        && let Some(found) = find_a_navigable_by_target_name(tree, name, current, context)
    {
        return Ok(ChosenNavigable::Existing(found));
    }
    // 8. Otherwise, a new top-level traversable is being requested, and what happens
    //    depends on the user agent's configuration and abilities:
    //    - If the current browsing context's active window does not have transient
    //      activation and the user agent has been configured to not show popups: the
    //      user agent may inform the user that a popup has been blocked.
    if !context.may_create_new_top_level {
        return Ok(ChosenNavigable::None);
    }
    //    - If sandboxingFlagSet has the sandboxed auxiliary navigation browsing context
    //      flag set: the user agent may report to a developer console that a popup has
    //      been blocked.
    if sandboxing_flag_set.contains(SandboxingFlag::AuxiliaryNavigation) {
        return Ok(ChosenNavigable::None);
    }
    //    - If the user agent has been configured such that in this instance it will
    //      create a new top-level traversable:
    //      8.1. Consume user activation of currentNavigable's active window.
    //      8.2. Set windowType to "new and unrestricted".
    //      (8.1 is the embedder's; 8.2 is `ChosenNavigable::window_type`.)
    //      8.3.-8.4. If currentDocument's opener policy's value is "same-origin" or
    //      "same-origin-plus-COEP", and currentDocument's origin is not same origin with
    //      its top-level origin, then set noopener to true, name to "_blank", and
    //      windowType to "new with no opener".
    // TODO(spec): steps 8.3-8.4 — there are no opener policies yet.
    //      8.5. Let targetName be the empty string.
    //      8.6. If name is not an ASCII case-insensitive match for "_blank", then set
    //           targetName to name.
    let target_name = if name.eq_ignore_ascii_case("_blank") {
        String::new()
    } else {
        name.to_owned()
    };
    //      8.7. If noopener is true, then set chosen to the result of creating a new
    //           top-level traversable given null, targetName, and currentNavigable.
    //      8.8. Otherwise:
    //           8.8.1. Set chosen to the result of creating a new top-level traversable
    //                  given currentNavigable's active browsing context, targetName, and
    //                  currentNavigable.
    //           8.8.2. If sandboxingFlagSet's sandboxed navigation browsing context flag
    //                  is set, then set chosen's active browsing context's one permitted
    //                  sandboxed navigator to currentNavigable's active browsing context.
    // (The creation itself is the caller's: CreateNew says which, and with what flags.)
    let one_permitted_sandboxed_navigator =
        (!noopener && sandboxing_flag_set.contains(SandboxingFlag::Navigation)).then_some(current);
    //      8.9. If sandboxingFlagSet's sandbox propagates to auxiliary browsing contexts
    //           flag is set, then all the flags that are set in sandboxingFlagSet must be
    //           set in chosen's active browsing context's popup sandboxing flag set.
    let popup_sandboxing_flag_set =
        if sandboxing_flag_set.contains(SandboxingFlag::PropagatesToAuxiliaryBrowsingContexts) {
            sandboxing_flag_set
        } else {
            SandboxingFlagSet::EMPTY
        };
    //      8.10. Set chosen's is created by web content to true. (Not modelled.)
    // 9. Return chosen and windowType.
    Ok(ChosenNavigable::CreateNew(NewTraversable {
        noopener,
        target_name,
        popup_sandboxing_flag_set,
        one_permitted_sandboxed_navigator,
    }))
}

/// The navigable named `name` that `current` can reach, searching `current`'s subtree,
/// then each ancestor's subtree up to the top, then the other top-level browsing
/// contexts of its group (those it is [familiar with](is_familiar_with)).
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#find-a-navigable-by-target-name>
pub fn find_a_navigable_by_target_name(
    tree: &BrowsingContextTree,
    name: &str,
    current: BrowsingContextId,
    context: &NavigableChoiceContext<'_>,
) -> Option<BrowsingContextId> {
    let named = |id: BrowsingContextId| tree.get(id).is_some_and(|c| c.name == name);
    // 1. Let currentDocument be currentNavigable's active document.
    // 2. Let sourceSnapshotParams be the result of snapshotting source snapshot params
    //    given currentDocument.
    // Deviation: has transient activation is false (there is no user activation).
    let source_snapshot_params = SourceSnapshotParams {
        has_transient_activation: false,
        sandboxing_flags: context.sandboxing_flags,
    };
    let allowed = |navigable: BrowsingContextId| {
        tree.allowed_by_sandboxing_to_navigate(current, navigable, &source_snapshot_params)
    };
    // 3. Let subtreesToSearch be an implementation-defined choice of one of the
    //    following: « currentNavigable's traversable navigable, currentNavigable », or
    //    the inclusive ancestor navigables of currentDocument.
    // Implementation-defined: the inclusive ancestors (current, its parent, ..., top,
    // once reversed), so the nearest subtree is searched first.
    let mut subtrees_to_search = vec![current];
    subtrees_to_search.extend(tree.ancestors(current));
    // 4. For each subtreeToSearch of subtreesToSearch, in reverse order:
    //    (the list runs top to current; `subtrees_to_search` is already reversed)
    for subtree in subtrees_to_search {
        // 4.1. Let documentToSearch be subtreeToSearch's active document.
        // 4.2. For each navigable of documentToSearch's inclusive descendant navigables:
        // Deviation: the tree holds the child contexts of active documents only (the
        // embedder removes a replaced document's), so descendants in the tree are the
        // active document's.
        for navigable in tree.inclusive_descendants(subtree) {
            // 4.2.1. If currentNavigable is not allowed by sandboxing to navigate
            //        navigable given sourceSnapshotParams, then continue.
            if !allowed(navigable) {
                continue;
            }
            // 4.2.2. If navigable's target name is name, then return navigable.
            if named(navigable) {
                return Some(navigable);
            }
        }
    }
    // 5. Let currentTopLevelBrowsingContext be currentNavigable's active browsing
    //    context's top-level browsing context.
    let current_top = tree.top(current)?;
    // 6. Let group be currentTopLevelBrowsingContext's group.
    let group = tree.group_of(current_top)?;
    // 7. For each topLevelBrowsingContext of group's browsing context set, in an
    //    implementation-defined order:
    // Implementation-defined: the order they joined the group (oldest first).
    for &top_level in tree.browsing_context_set(group) {
        // 7.1. If currentTopLevelBrowsingContext is topLevelBrowsingContext, then
        //      continue.
        if top_level == current_top {
            continue;
        }
        // 7.2. Let documentToSearch be topLevelBrowsingContext's active document.
        // 7.3. For each navigable of documentToSearch's inclusive descendant navigables:
        for navigable in tree.inclusive_descendants(top_level) {
            // 7.3.1. If currentNavigable's active browsing context is not familiar with
            //        navigable's active browsing context, then continue.
            if !is_familiar_with(tree, current, navigable, context.same_origin) {
                continue;
            }
            // 7.3.2. If currentNavigable is not allowed by sandboxing to navigate
            //        navigable given sourceSnapshotParams, then continue.
            if !allowed(navigable) {
                continue;
            }
            // 7.3.3. If navigable's target name is name, then return navigable.
            if named(navigable) {
                return Some(navigable);
            }
        }
    }
    // 8. Return null.
    None
}

/// Whether browsing context `a` is familiar with browsing context `b`. `same_origin`
/// says whether two contexts' active documents have the same origin.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#familiar-with>
pub fn is_familiar_with(
    tree: &BrowsingContextTree,
    a: BrowsingContextId,
    b: BrowsingContextId,
    same_origin: &dyn Fn(BrowsingContextId, BrowsingContextId) -> bool,
) -> bool {
    // The third condition recurses into B's opener; walk that chain instead, bounded
    // by the number of contexts (an opener chain can not be longer).
    let mut b = b;
    for _ in 0..=tree.ids().count() {
        // A browsing context A is familiar with a second browsing context B if one of
        // the following conditions is true:
        // - Either the origin of the active document of A is the same as the origin of
        //   the active document of B, or
        if same_origin(a, b) {
            return true;
        }
        // - The browsing context A is a child browsing context and its top-level
        //   browsing context is B, or
        if tree.parent(a).is_some() && tree.top(a) == Some(b) {
            return true;
        }
        // - The browsing context B is not a top-level browsing context, but there exists
        //   an ancestor browsing context of B whose active document has the same origin
        //   as the active document of A (possibly in fact being A itself).
        if tree.parent(b).is_some()
            && tree
                .ancestors(b)
                .into_iter()
                .any(|ancestor| ancestor == a || same_origin(a, ancestor))
        {
            return true;
        }
        // - The browsing context B is an auxiliary browsing context and A is familiar
        //   with B's opener browsing context, or
        // (checked last, as it continues the walk with B's opener as B)
        match tree.get(b) {
            Some(context) if context.is_auxiliary => match context.opener {
                Some(opener) if tree.contains(opener) => b = opener,
                _ => return false,
            },
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests;
