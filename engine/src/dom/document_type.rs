//! The `DocumentType` interface.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-documenttype>

use boa_engine::{Context, JsResult, JsValue};
use postern_dom::NodeData;

use crate::dom::wrappers::{string_value, this_node, with_document};
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, InterfaceDeclaration};

/// `interface DocumentType : Node`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-documenttype>
// TODO(spec): the ChildNode mixin.
pub(crate) const DOCUMENT_TYPE: InterfaceDeclaration = InterfaceDeclaration {
    name: "DocumentType",
    inherits: Some("Node"),
    constructor: None,
    constants: &[],
    attributes: &[
        Attribute::readonly("name", get_name),
        // Deviation: the arena keeps no public or system id; both are the empty string.
        Attribute::readonly("publicId", get_empty_id),
        Attribute::readonly("systemId", get_empty_id),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// `name`: this's name.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-documenttype-name>
fn get_name(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let node = this_node(this)?;
    let name = with_document(context, node.window, |d| match d.data(node.node) {
        Some(NodeData::Doctype { name }) => Some(name.clone()),
        _ => None,
    })?;
    name.map(|n| string_value(&n))
        .ok_or_else(|| type_error("'this' is not a DocumentType"))
}

/// `publicId` and `systemId`: the empty string (see the deviation in [`DOCUMENT_TYPE`]).
///
/// Spec: <https://dom.spec.whatwg.org/#dom-documenttype-publicid>,
/// <https://dom.spec.whatwg.org/#dom-documenttype-systemid>
fn get_empty_id(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    this_node(this)?;
    Ok(string_value(""))
}
