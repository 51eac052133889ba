//! The `CharacterData` interface, with `Text` and `Comment`.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-characterdata>,
//! <https://dom.spec.whatwg.org/#interface-text>,
//! <https://dom.spec.whatwg.org/#interface-comment>

use boa_engine::{Context, JsResult, JsValue};
use postern_dom::NodeData;

use crate::dom::node;
use crate::dom::wrappers::{NodeRef, string_value, this_node, with_document};
use crate::webidl::conversions::{arg, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration};

/// `interface CharacterData : Node`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-characterdata>
// TODO(spec): substringData(), appendData(), insertData(), deleteData(), replaceData(), and
// the NonDocumentTypeChildNode and ChildNode mixins.
pub(crate) const CHARACTER_DATA: InterfaceDeclaration = InterfaceDeclaration {
    name: "CharacterData",
    inherits: Some("Node"),
    constructor: None,
    constants: &[],
    attributes: &[
        Attribute::read_write("data", get_data, set_data),
        Attribute::readonly("length", get_length),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// `interface Text : CharacterData`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-text>
// TODO(spec): splitText() and wholeText.
pub(crate) const TEXT: InterfaceDeclaration = InterfaceDeclaration {
    name: "Text",
    inherits: Some("CharacterData"),
    // Deviation: Text has a constructor (`new Text(data)`); it is not implemented here, so
    // constructing throws "Illegal constructor".
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// `interface Comment : CharacterData`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-comment>
pub(crate) const COMMENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "Comment",
    inherits: Some("CharacterData"),
    // Deviation: Comment has a constructor (`new Comment(data)`); it is not implemented here,
    // so constructing throws "Illegal constructor".
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// `data`'s getter: this's data.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-characterdata-data>
fn get_data(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (_, data) = this_data(this, context)?;
    Ok(string_value(&data))
}

/// `data`'s setter.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-characterdata-data>
fn set_data(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // Its setter must replace data with node this, offset 0, count this's length, and data
    // the given value ([LegacyNullToEmptyString]).
    // For a CharacterData node, set text content is exactly replace data with offset 0 and
    // count its length.
    let (node, _) = this_data(this, context)?;
    node::set_text_content_or_empty(context, node, &arg(args, 0))
}

/// `length`: this's length, the number of code units in its data.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-characterdata-length>
fn get_length(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (_, data) = this_data(this, context)?;
    let length = data.encode_utf16().count();
    Ok(JsValue::new(u32::try_from(length).unwrap_or(u32::MAX)))
}

/// The character data node `this` stands for, and its data.
fn this_data(this: &JsValue, context: &Context) -> JsResult<(NodeRef, String)> {
    let node = this_node(this)?;
    let data = with_document(context, node.window, |d| match d.data(node.node) {
        Some(NodeData::Text(data) | NodeData::Comment(data)) => Some(data.clone()),
        _ => None,
    })?;
    data.map(|data| (node, data))
        .ok_or_else(|| type_error("'this' is not a CharacterData node"))
}
