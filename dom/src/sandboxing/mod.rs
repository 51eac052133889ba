//! Sandboxing: the sandboxing flag set, parsing a sandboxing directive (the iframe
//! `sandbox` attribute), the creation sandboxing flags of a browsing context, the origin of
//! a new document, and whether one navigable may navigate another.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/browsers.html#sandboxing>
//!
//! Where the flag sets live: a document's *active sandboxing flag set* on the
//! [`Document`](crate::Document) (it never changes once the document exists); the
//! *popup sandboxing flag set*, the container iframe's *iframe sandboxing flag set* and the
//! container's node document's active sandboxing flag set on the browsing context, in the
//! shared [`BrowsingContextTree`] (so the agent that navigates a context can determine its
//! creation sandboxing flags without the container's document, which may live in another
//! agent).

use std::fmt;

use url::Url;

use crate::browsing_context::BrowsingContextTree;
use crate::ids::BrowsingContextId;
use crate::loader::matches_about_blank;
use crate::origin::Origin;

/// One flag of a sandboxing flag set.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#sandboxing-flag-set>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum SandboxingFlag {
    /// The sandboxed navigation browsing context flag: no navigating other navigables
    /// than itself, its descendants, its top-level traversable (see the two top-level
    /// flags) and the popups it may open.
    Navigation = 1 << 0,
    /// The sandboxed auxiliary navigation browsing context flag: no popups.
    AuxiliaryNavigation = 1 << 1,
    /// The sandboxed top-level navigation without user activation browsing context flag.
    TopLevelNavigationWithoutUserActivation = 1 << 2,
    /// The sandboxed top-level navigation with user activation browsing context flag.
    TopLevelNavigationWithUserActivation = 1 << 3,
    /// The sandboxed plugins browsing context flag.
    Plugins = 1 << 4,
    /// The sandboxed origin browsing context flag: the document gets an opaque origin.
    Origin = 1 << 5,
    /// The sandboxed forms browsing context flag.
    Forms = 1 << 6,
    /// The sandboxed pointer lock browsing context flag.
    PointerLock = 1 << 7,
    /// The sandboxed scripts browsing context flag: scripting is disabled.
    Scripts = 1 << 8,
    /// The sandboxed automatic features browsing context flag.
    AutomaticFeatures = 1 << 9,
    /// The sandboxed `document.domain` browsing context flag.
    DocumentDomain = 1 << 10,
    /// The sandbox propagates to auxiliary browsing contexts flag.
    PropagatesToAuxiliaryBrowsingContexts = 1 << 11,
    /// The sandboxed modals flag.
    Modals = 1 << 12,
    /// The sandboxed orientation lock browsing context flag.
    OrientationLock = 1 << 13,
    /// The sandboxed presentation browsing context flag.
    Presentation = 1 << 14,
    /// The sandboxed downloads browsing context flag.
    Downloads = 1 << 15,
    /// The sandboxed custom protocols navigation browsing context flag.
    CustomProtocolsNavigation = 1 << 16,
}

impl SandboxingFlag {
    /// Every flag, in the spec's order.
    pub const ALL: [SandboxingFlag; 17] = [
        SandboxingFlag::Navigation,
        SandboxingFlag::AuxiliaryNavigation,
        SandboxingFlag::TopLevelNavigationWithoutUserActivation,
        SandboxingFlag::TopLevelNavigationWithUserActivation,
        SandboxingFlag::Plugins,
        SandboxingFlag::Origin,
        SandboxingFlag::Forms,
        SandboxingFlag::PointerLock,
        SandboxingFlag::Scripts,
        SandboxingFlag::AutomaticFeatures,
        SandboxingFlag::DocumentDomain,
        SandboxingFlag::PropagatesToAuxiliaryBrowsingContexts,
        SandboxingFlag::Modals,
        SandboxingFlag::OrientationLock,
        SandboxingFlag::Presentation,
        SandboxingFlag::Downloads,
        SandboxingFlag::CustomProtocolsNavigation,
    ];
}

/// A sandboxing flag set: zero or more [`SandboxingFlag`]s. The empty set is an unsandboxed
/// document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#sandboxing-flag-set>
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SandboxingFlagSet(u32);

impl SandboxingFlagSet {
    /// The empty set.
    pub const EMPTY: SandboxingFlagSet = SandboxingFlagSet(0);

    /// Whether no flag is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether `flag` is set.
    pub fn contains(self, flag: SandboxingFlag) -> bool {
        self.0 & flag as u32 != 0
    }

    /// Sets `flag`.
    pub fn insert(&mut self, flag: SandboxingFlag) {
        self.0 |= flag as u32;
    }

    /// The union of two sets.
    pub fn union(self, other: SandboxingFlagSet) -> SandboxingFlagSet {
        SandboxingFlagSet(self.0 | other.0)
    }

    /// The flags set, in the spec's order.
    pub fn flags(self) -> impl Iterator<Item = SandboxingFlag> {
        SandboxingFlag::ALL
            .into_iter()
            .filter(move |flag| self.contains(*flag))
    }
}

impl FromIterator<SandboxingFlag> for SandboxingFlagSet {
    fn from_iter<I: IntoIterator<Item = SandboxingFlag>>(iter: I) -> Self {
        let mut set = SandboxingFlagSet::EMPTY;
        for flag in iter {
            set.insert(flag);
        }
        set
    }
}

impl fmt::Debug for SandboxingFlagSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.flags()).finish()
    }
}

/// The keywords of the iframe `sandbox` attribute (the allowed values of its set of
/// space-separated tokens), ASCII lowercase.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#attr-iframe-sandbox>
pub const SANDBOX_KEYWORDS: [&str; 13] = [
    "allow-downloads",
    "allow-forms",
    "allow-modals",
    "allow-orientation-lock",
    "allow-pointer-lock",
    "allow-popups",
    "allow-popups-to-escape-sandbox",
    "allow-presentation",
    "allow-same-origin",
    "allow-scripts",
    "allow-top-navigation",
    "allow-top-navigation-by-user-activation",
    "allow-top-navigation-to-custom-protocols",
];

/// Parse a sandboxing directive: the flags that the tokens of `input` (the `sandbox`
/// attribute's value) leave set. Tokens match ASCII case-insensitively; unknown tokens are
/// ignored.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#parse-a-sandboxing-directive>
pub fn parse_a_sandboxing_directive(input: &str) -> SandboxingFlagSet {
    // 1. Split input on ASCII whitespace, to obtain tokens.
    let tokens: Vec<String> = input
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|token| !token.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let has = |keyword: &str| tokens.iter().any(|token| token == keyword);
    // 2. Let output be empty.
    let mut output = SandboxingFlagSet::EMPTY;
    let mut set_unless = |flag: SandboxingFlag, allowed: bool| {
        if !allowed {
            output.insert(flag);
        }
    };
    // 3. Add the following flags to output:
    //    - The sandboxed navigation browsing context flag.
    set_unless(SandboxingFlag::Navigation, false);
    //    - The sandboxed auxiliary navigation browsing context flag, unless tokens
    //      contains the allow-popups keyword.
    set_unless(SandboxingFlag::AuxiliaryNavigation, has("allow-popups"));
    //    - The sandboxed top-level navigation without user activation browsing context
    //      flag, unless tokens contains the allow-top-navigation keyword.
    set_unless(
        SandboxingFlag::TopLevelNavigationWithoutUserActivation,
        has("allow-top-navigation"),
    );
    //    - The sandboxed top-level navigation with user activation browsing context flag,
    //      unless tokens contains either the allow-top-navigation-by-user-activation
    //      keyword or the allow-top-navigation keyword.
    set_unless(
        SandboxingFlag::TopLevelNavigationWithUserActivation,
        has("allow-top-navigation-by-user-activation") || has("allow-top-navigation"),
    );
    //    - The sandboxed plugins browsing context flag.
    set_unless(SandboxingFlag::Plugins, false);
    //    - The sandboxed origin browsing context flag, unless the tokens contains the
    //      allow-same-origin keyword.
    set_unless(SandboxingFlag::Origin, has("allow-same-origin"));
    //    - The sandboxed forms browsing context flag, unless tokens contains the
    //      allow-forms keyword.
    set_unless(SandboxingFlag::Forms, has("allow-forms"));
    //    - The sandboxed pointer lock browsing context flag, unless tokens contains the
    //      allow-pointer-lock keyword.
    set_unless(SandboxingFlag::PointerLock, has("allow-pointer-lock"));
    //    - The sandboxed scripts browsing context flag, unless tokens contains the
    //      allow-scripts keyword.
    set_unless(SandboxingFlag::Scripts, has("allow-scripts"));
    //    - The sandboxed automatic features browsing context flag, unless tokens contains
    //      the allow-scripts keyword.
    set_unless(SandboxingFlag::AutomaticFeatures, has("allow-scripts"));
    //    - The sandboxed document.domain browsing context flag.
    set_unless(SandboxingFlag::DocumentDomain, false);
    //    - The sandbox propagates to auxiliary browsing contexts flag, unless tokens
    //      contains the allow-popups-to-escape-sandbox keyword.
    set_unless(
        SandboxingFlag::PropagatesToAuxiliaryBrowsingContexts,
        has("allow-popups-to-escape-sandbox"),
    );
    //    - The sandboxed modals flag, unless tokens contains the allow-modals keyword.
    set_unless(SandboxingFlag::Modals, has("allow-modals"));
    //    - The sandboxed orientation lock browsing context flag, unless tokens contains
    //      the allow-orientation-lock keyword.
    set_unless(
        SandboxingFlag::OrientationLock,
        has("allow-orientation-lock"),
    );
    //    - The sandboxed presentation browsing context flag, unless tokens contains the
    //      allow-presentation keyword.
    set_unless(SandboxingFlag::Presentation, has("allow-presentation"));
    //    - The sandboxed downloads browsing context flag, unless tokens contains the
    //      allow-downloads keyword.
    set_unless(SandboxingFlag::Downloads, has("allow-downloads"));
    //    - The sandboxed custom protocols navigation browsing context flag, unless tokens
    //      contains either the allow-top-navigation-to-custom-protocols keyword, the
    //      allow-popups keyword, or the allow-top-navigation keyword.
    set_unless(
        SandboxingFlag::CustomProtocolsNavigation,
        has("allow-top-navigation-to-custom-protocols")
            || has("allow-popups")
            || has("allow-top-navigation"),
    );
    output
}

/// Determining the origin of a new document, given its URL (`None`: null), its sandboxing
/// flags and the origin it may inherit (`source_origin`: the creator's or initiator's).
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#determining-the-origin>
pub fn determine_the_origin(
    url: Option<&Url>,
    sandbox_flags: SandboxingFlagSet,
    source_origin: Option<&Origin>,
) -> Origin {
    // 1. If sandboxFlags has its sandboxed origin browsing context flag set, then return a
    //    new opaque origin.
    if sandbox_flags.contains(SandboxingFlag::Origin) {
        return Origin::new_opaque();
    }
    // 2. If url is null, then return a new opaque origin.
    let Some(url) = url else {
        return Origin::new_opaque();
    };
    // 3. If url is about:srcdoc, then: assert sourceOrigin is non-null; return sourceOrigin.
    if url.as_str() == "about:srcdoc" {
        return source_origin.cloned().unwrap_or_else(Origin::new_opaque);
    }
    // 4. If url matches about:blank and sourceOrigin is non-null, then return sourceOrigin.
    if matches_about_blank(url)
        && let Some(source_origin) = source_origin
    {
        return source_origin.clone();
    }
    // 5. Return url's origin.
    crate::origin::origin_of_url(url)
}

/// What "allowed by sandboxing to navigate" reads of the source: its source snapshot
/// params.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#source-snapshot-params>
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SourceSnapshotParams {
    /// Whether the source document's relevant global object had transient activation.
    pub has_transient_activation: bool,
    /// The source document's active sandboxing flag set.
    pub sandboxing_flags: SandboxingFlagSet,
}

impl BrowsingContextTree {
    /// Determining the creation sandboxing flags of `browsing_context`: for a top-level
    /// one (no container), its popup sandboxing flag set; for a child, its container's
    /// iframe sandboxing flag set and its container's node document's active sandboxing
    /// flag set. The empty set for an unknown context.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#determining-the-creation-sandboxing-flags>
    pub fn determine_the_creation_sandboxing_flags(
        &self,
        browsing_context: BrowsingContextId,
    ) -> SandboxingFlagSet {
        let Some(context) = self.get(browsing_context) else {
            return SandboxingFlagSet::EMPTY;
        };
        // The union of the flags present in:
        match context.container {
            // - If embedder is null: the flags set on browsing context's popup sandboxing
            //   flag set.
            None => context.popup_sandboxing_flag_set,
            // - If embedder is an element: the flags set on embedder's iframe sandboxing
            //   flag set, and the flags set on embedder's node document's active
            //   sandboxing flag set.
            Some(_) => context
                .iframe_sandboxing_flag_set
                .union(context.container_document_sandboxing_flag_set),
        }
    }

    /// Whether navigable `source` is allowed by sandboxing to navigate navigable `target`,
    /// given the source snapshot params of the navigation's source document.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#allowed-to-navigate>
    pub fn allowed_by_sandboxing_to_navigate(
        &self,
        source: BrowsingContextId,
        target: BrowsingContextId,
        source_snapshot_params: &SourceSnapshotParams,
    ) -> bool {
        let flags = source_snapshot_params.sandboxing_flags;
        // 1. If source is target, then return true.
        if source == target {
            return true;
        }
        // 2. If source is an ancestor of target, then return true.
        if self.ancestors(target).contains(&source) {
            return true;
        }
        let is_top_level = self.get(target).is_some_and(|c| c.parent.is_none());
        // 3. If target is an ancestor of source, then:
        if self.ancestors(source).contains(&target) {
            // 3.1. If target is not a top-level traversable, then return true.
            // Deviation: false when the sandboxed navigation browsing context flag is set,
            // as the spec said before navigables (a sandboxed document navigates only
            // itself, its descendants and, when allowed, its top), as Chromium does and as
            // WPT's iframe_sandbox_navigate_ancestor-* expect: the spec's `true` would let a
            // sandboxed frame replace its embedder's sibling content through its parent.
            if !is_top_level {
                return !flags.contains(SandboxingFlag::Navigation);
            }
            // 3.2. If sourceSnapshotParams's has transient activation is true, and its
            //      sandboxing flags's sandboxed top-level navigation with user activation
            //      browsing context flag is set, then return false.
            if source_snapshot_params.has_transient_activation
                && flags.contains(SandboxingFlag::TopLevelNavigationWithUserActivation)
            {
                return false;
            }
            // 3.3. If sourceSnapshotParams's has transient activation is false, and its
            //      sandboxing flags's sandboxed top-level navigation without user
            //      activation browsing context flag is set, then return false.
            if !source_snapshot_params.has_transient_activation
                && flags.contains(SandboxingFlag::TopLevelNavigationWithoutUserActivation)
            {
                return false;
            }
            // 3.4. Return true.
            return true;
        }
        // 4. If target is a top-level traversable:
        if is_top_level {
            // 4.1. If source is the one permitted sandboxed navigator of target, then
            //      return true.
            if self
                .get(target)
                .is_some_and(|c| c.one_permitted_sandboxed_navigator == Some(source))
            {
                return true;
            }
            // 4.2. If sourceSnapshotParams's sandboxing flags's sandboxed navigation
            //      browsing context flag is set, then return false.
            // 4.3. Return true.
            return !flags.contains(SandboxingFlag::Navigation);
        }
        // 5. If sourceSnapshotParams's sandboxing flags's sandboxed navigation browsing
        //    context flag is set, then return false.
        // 6. Return true.
        !flags.contains(SandboxingFlag::Navigation)
    }

    /// Sets the iframe sandboxing flag set of `browsing_context`'s container (the iframe's
    /// `sandbox` attribute, parsed when the iframe is connected and whenever the attribute
    /// changes) and the active sandboxing flag set of the container's node document. No
    /// effect on an unknown context.
    pub fn set_container_sandboxing_flags(
        &mut self,
        browsing_context: BrowsingContextId,
        iframe_sandboxing_flag_set: SandboxingFlagSet,
        container_document_sandboxing_flag_set: SandboxingFlagSet,
    ) {
        if let Ok(context) = self.get_mut(browsing_context) {
            context.iframe_sandboxing_flag_set = iframe_sandboxing_flag_set;
            context.container_document_sandboxing_flag_set = container_document_sandboxing_flag_set;
        }
    }

    /// Sets the iframe sandboxing flag set of `browsing_context`'s container alone (the
    /// `sandbox` attribute changed). No effect on an unknown context.
    pub fn set_iframe_sandboxing_flag_set(
        &mut self,
        browsing_context: BrowsingContextId,
        flags: SandboxingFlagSet,
    ) {
        if let Ok(context) = self.get_mut(browsing_context) {
            context.iframe_sandboxing_flag_set = flags;
        }
    }

    /// Sets the popup sandboxing flag set of `browsing_context` (a popup opened by a
    /// sandboxed document whose sandbox propagates), and its one permitted sandboxed
    /// navigator. No effect on an unknown context.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#the-rules-for-choosing-a-navigable>
    /// (steps 8.8.2 and 8.9)
    pub fn set_popup_sandboxing(
        &mut self,
        browsing_context: BrowsingContextId,
        popup_sandboxing_flag_set: SandboxingFlagSet,
        one_permitted_sandboxed_navigator: Option<BrowsingContextId>,
    ) {
        if let Ok(context) = self.get_mut(browsing_context) {
            context.popup_sandboxing_flag_set = popup_sandboxing_flag_set;
            context.one_permitted_sandboxed_navigator = one_permitted_sandboxed_navigator;
        }
    }
}

#[cfg(test)]
mod tests;
