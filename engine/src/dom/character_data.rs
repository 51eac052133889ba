//! The `CharacterData` interface (with `Text` and `Comment`) and `DocumentType`.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-characterdata>,
//! <https://dom.spec.whatwg.org/#interface-documenttype>

use boa_engine::{Context, JsResult, JsValue};
use postern_dom::NodeData;

use crate::dom::node;
use crate::dom::wrappers::{NodeRef, accessor, getter, string_value, this_node, with_document};
use crate::webidl::conversions::{arg, type_error};
use crate::webidl::interface::Interface;

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

/// Defines the `CharacterData` interface's members.
pub(crate) fn install_character_data_interface(
    context: &mut Context,
    character_data: &Interface,
) -> JsResult<()> {
    let prototype = &character_data.prototype;
    accessor(
        context,
        prototype,
        "data",
        |this, _, context| {
            // The data getter steps are to return this's data.
            let (_, data) = this_data(this, context)?;
            Ok(string_value(&data))
        },
        |this, args, context| {
            // Its setter must replace data with node this, offset 0, count this's length,
            // and data the given value ([LegacyNullToEmptyString]).
            // For a CharacterData node, set text content is exactly replace data with offset 0
            // and count its length.
            let (node, _) = this_data(this, context)?;
            node::set_text_content_or_empty(context, node, &arg(args, 0))
        },
    )?;
    getter(context, prototype, "length", |this, _, context| {
        // The length getter steps are to return this's length: the number of code units in
        // its data.
        let (_, data) = this_data(this, context)?;
        let length = data.encode_utf16().count();
        Ok(JsValue::new(u32::try_from(length).unwrap_or(u32::MAX)))
    })
}

/// Defines the `DocumentType` interface's members.
pub(crate) fn install_document_type_interface(
    context: &mut Context,
    document_type: &Interface,
) -> JsResult<()> {
    let prototype = &document_type.prototype;
    getter(context, prototype, "name", |this, _, context| {
        let node = this_node(this)?;
        let name = with_document(context, node.window, |d| match d.data(node.node) {
            Some(NodeData::Doctype { name }) => Some(name.clone()),
            _ => None,
        })?;
        name.map(|n| string_value(&n))
            .ok_or_else(|| type_error("'this' is not a DocumentType"))
    })?;
    // Deviation: the arena keeps no public or system id; both are the empty string.
    for name in ["publicId", "systemId"] {
        getter(context, prototype, name, |this, _, _| {
            this_node(this)?;
            Ok(string_value(""))
        })?;
    }
    Ok(())
}
