//! Typed ids for the things this crate stores: nodes, documents and browsing contexts.

/// A node inside one [`Document`](crate::Document)'s arena. Only meaningful together with
/// the document that handed it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// A document, as the embedder (the engine crate) numbers documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentId(pub u64);

/// A browsing context in a [`BrowsingContextTree`](crate::BrowsingContextTree).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BrowsingContextId(pub u64);

/// A browsing context group: the set of top-level browsing contexts (a tab and the
/// popups it opened without `noopener`) that can reach each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BrowsingContextGroupId(pub u64);
