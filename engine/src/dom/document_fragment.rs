//! The `DocumentFragment` interface.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-documentfragment>

use crate::dom::parent_node::PARENT_NODE;
use crate::webidl::declaration::InterfaceDeclaration;

/// `interface DocumentFragment : Node`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-documentfragment>
// TODO(spec): the NonElementParentNode mixin (getElementById()).
pub(crate) const DOCUMENT_FRAGMENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "DocumentFragment",
    inherits: Some("Node"),
    // Deviation: DocumentFragment has a constructor (`new DocumentFragment()`); it is not
    // implemented here, so constructing throws "Illegal constructor".
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[],
    static_operations: &[],
    mixins: &[PARENT_NODE],
};
