//! The `Element` interface, and attributes reflecting content attributes.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-element>,
//! <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>

use boa_engine::{Context, JsResult, JsValue};
use postern_dom::{HTML_NAMESPACE, NodeData};

use crate::agent::AgentState;
use crate::dom::child_node::CHILD_NODE;
use crate::dom::dom_token_list::{self, token_list_attribute};
use crate::dom::parent_node::PARENT_NODE;
use crate::dom::wrappers::{
    NodeRef, nodes_array, string_value, this_node, throw_dom_error, with_document,
    with_document_mut,
};
use crate::html::{content_attributes, iframe};
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};

/// `interface Element : Node`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-element>
// TODO(spec): prefix, slot, hasAttributes(), attributes, getAttributeNames(), the
// *NS() methods, toggleAttribute(), closest(), matches(), getElementsByClassName(), and the
// NonDocumentTypeChildNode mixin (previousElementSibling, nextElementSibling).
pub(crate) const ELEMENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "Element",
    inherits: Some("Node"),
    constructor: None,
    constants: &[],
    attributes: &[
        Attribute::readonly("namespaceURI", get_namespace_uri),
        Attribute::readonly("localName", get_local_name),
        Attribute::readonly("tagName", get_tag_name),
        // The id and className attributes reflect the "id" and "class" content attributes.
        reflected_string!("id"),
        reflected_string!("className", "class"),
        token_list_attribute!("classList", "class"),
    ],
    operations: &[
        Operation::new("getAttribute", 1, get_attribute),
        Operation::new("setAttribute", 2, set_attribute),
        Operation::new("removeAttribute", 1, remove_attribute),
        Operation::new("hasAttribute", 1, has_attribute),
        // Deviation: an Array snapshot stands in for the live HTMLCollection.
        Operation::new("getElementsByTagName", 1, get_elements_by_tag_name),
    ],
    static_operations: &[],
    mixins: &[PARENT_NODE, CHILD_NODE],
};

/// `namespaceURI`: this's namespace.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-namespaceuri>
fn get_namespace_uri(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    // (The null namespace is kept as the empty string.)
    let namespace = with_document(context, element.window, |d| {
        d.namespace(element.node)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
    })?;
    Ok(namespace
        .map(|n| string_value(&n))
        .unwrap_or_else(JsValue::null))
}

/// `localName`: this's local name.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-localname>
fn get_local_name(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let name = with_document(context, element.window, |d| {
        d.local_name(element.node).map(str::to_string)
    })?;
    Ok(string_value(&name.unwrap_or_default()))
}

/// `tagName`: this's HTML-uppercased qualified name.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-tagname>
fn get_tag_name(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let name = with_document(context, element.window, |d| {
        d.data(element.node).map(html_uppercased_qualified_name)
    })?;
    Ok(string_value(&name.unwrap_or_default()))
}

/// `getAttribute(qualifiedName)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-getattribute>
fn get_attribute(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let name = to_dom_string(&arg(args, 0), context)?;
    let value = content_attribute(context, element, &name)?;
    Ok(value
        .map(|v| string_value(&v))
        .unwrap_or_else(JsValue::null))
}

/// `setAttribute(qualifiedName, value)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-setattribute>
fn set_attribute(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let name = to_dom_string(&arg(args, 0), context)?;
    let value = to_dom_string(&arg(args, 1), context)?;
    set_content_attribute(context, element, &name, &value)
}

/// `removeAttribute(qualifiedName)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-removeattribute>
fn remove_attribute(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let name = to_dom_string(&arg(args, 0), context)?;
    remove_content_attribute(context, element, &name)?;
    Ok(JsValue::undefined())
}

/// `removeAttribute(name)` on behalf of a binding: whether there was such an attribute.
pub(crate) fn remove_content_attribute(
    context: &mut Context,
    element: NodeRef,
    name: &str,
) -> JsResult<bool> {
    let removed = with_document_mut(context, element.window, |d| {
        d.remove_attribute(element.node, name)
    })?;
    if removed {
        attribute_change_steps(context, element, name)?;
    }
    Ok(removed)
}

/// `hasAttribute(qualifiedName)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-hasattribute>
fn has_attribute(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let name = to_dom_string(&arg(args, 0), context)?;
    Ok(JsValue::new(
        content_attribute(context, element, &name)?.is_some(),
    ))
}

/// `getElementsByTagName(qualifiedName)` (Document and Element each have it; the steps are
/// the same with root = this).
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-getelementsbytagname>,
/// <https://dom.spec.whatwg.org/#dom-document-getelementsbytagname>
pub(crate) fn get_elements_by_tag_name(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // Return the list of elements with qualified name qualifiedName for this.
    let node = this_node(this)?;
    let name = to_dom_string(&arg(args, 0), context)?;
    let found = with_document(context, node.window, |d| {
        d.list_of_elements_with_qualified_name(node.node, &name)
    })?;
    nodes_array(context, node.window, found)
}

/// An element's HTML-uppercased qualified name (`tagName`).
///
/// Spec: <https://dom.spec.whatwg.org/#element-html-uppercased-qualified-name>
pub(crate) fn html_uppercased_qualified_name(data: &NodeData) -> String {
    match data {
        // If this is in the HTML namespace and its node document is an HTML document, let
        // qualifiedName be qualifiedName in ASCII uppercase. (No prefixes here: the qualified
        // name is the local name.)
        NodeData::Element {
            namespace,
            local_name,
            ..
        } if namespace == HTML_NAMESPACE => local_name.to_ascii_uppercase(),
        NodeData::Element { local_name, .. } => local_name.clone(),
        _ => String::new(),
    }
}

/// The element `this` stands for (a TypeError if it is not an element's wrapper).
pub(crate) fn this_element(this: &JsValue, context: &Context) -> JsResult<NodeRef> {
    let node = this_node(this)?;
    if with_document(context, node.window, |d| d.is_element(node.node))? {
        Ok(node)
    } else {
        Err(type_error("'this' is not an Element"))
    }
}

/// Get an attribute's value for a reflecting getter (`None` when absent).
pub(crate) fn content_attribute(
    context: &Context,
    element: NodeRef,
    name: &str,
) -> JsResult<Option<String>> {
    with_document(context, element.window, |d| {
        d.get_attribute(element.node, name).map(str::to_string)
    })
}

/// `setAttribute(name, value)` on behalf of a binding.
pub(crate) fn set_content_attribute(
    context: &mut Context,
    element: NodeRef,
    name: &str,
    value: &str,
) -> JsResult<JsValue> {
    let result = with_document_mut(context, element.window, |d| {
        d.set_attribute(element.node, name, value)
    })?;
    result.map_err(|e| throw_dom_error(context, &e))?;
    attribute_change_steps(context, element, name)?;
    Ok(JsValue::undefined())
}

/// The attribute change steps of the element's kind (an iframe's `src` navigates its content
/// navigable; an `on…` attribute sets or deactivates its event handler) and of its
/// DOMTokenLists (their token sets follow the attribute).
///
/// Spec: <https://dom.spec.whatwg.org/#concept-element-attributes-change-ext>
fn attribute_change_steps(context: &mut Context, element: NodeRef, name: &str) -> JsResult<()> {
    let state = AgentState::of(context)?;
    let local_name = name.to_ascii_lowercase();
    iframe::iframe_attribute_change_steps(
        &state,
        context,
        element.window,
        element.node,
        &local_name,
    );
    content_attributes::event_handler_attribute_change_steps(
        &state,
        element.window,
        element.node,
        &local_name,
    );
    dom_token_list::dom_token_list_attribute_change_steps(context, element, &local_name)
}

/// A DOMString attribute reflecting a content attribute, for a declaration:
/// `reflected_string!("className", "class")` is the attribute `className` reflecting the
/// content attribute `class`; `reflected_string!("name")` reflects `name`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>
macro_rules! reflected_string {
    ($name:literal) => {
        $crate::dom::element::reflected_string!($name, $name)
    };
    ($name:literal, $content_attribute:literal) => {
        $crate::webidl::declaration::keyed_attribute!(
            $name,
            $content_attribute,
            $crate::dom::element::get_reflected_string,
            $crate::dom::element::set_reflected_string
        )
    };
}
pub(crate) use reflected_string;

/// The getter of a DOMString attribute reflecting the content attribute `name`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>
pub(crate) fn get_reflected_string(
    this: &JsValue,
    context: &mut Context,
    name: &str,
) -> JsResult<JsValue> {
    // 1. Let element be the result of running this's get the element.
    let element = this_element(this, context)?;
    // 2. Let contentAttributeValue be the result of running this's get the content attribute.
    // 3. If contentAttributeValue is null, then return the empty string.
    // 4. Return contentAttributeValue.
    let value = content_attribute(context, element, name)?.unwrap_or_default();
    Ok(string_value(&value))
}

/// The setter of a DOMString attribute reflecting the content attribute `name`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>
pub(crate) fn set_reflected_string(
    this: &JsValue,
    context: &mut Context,
    name: &str,
    value: &JsValue,
) -> JsResult<JsValue> {
    // The setter steps are to run this's set the content attribute with the given value.
    let element = this_element(this, context)?;
    let value = to_dom_string(value, context)?;
    set_content_attribute(context, element, name, &value)
}
