//! The `Element` interface and the `ParentNode` mixin.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-element>,
//! <https://dom.spec.whatwg.org/#interface-parentnode>

use boa_engine::{Context, JsObject, JsResult, JsValue, NativeFunction};
use postern_dom::{HTML_NAMESPACE, NodeData};

use crate::agent::AgentState;
use crate::dom::node;
use crate::dom::selector;
use crate::dom::wrappers::{
    NodeRef, getter, method, node_value, nodes_array, string_value, this_node, throw_dom_error,
    with_document, with_document_mut,
};
use crate::html::iframe;
use crate::webidl::conversions::{arg, define_accessor, to_dom_string, type_error};
use crate::webidl::dom_exception;
use crate::webidl::interface::Interface;

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
/// navigable).
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
    Ok(())
}

/// Defines a DOMString attribute reflecting the content attribute `name`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>
pub(crate) fn define_reflected_string(
    context: &mut Context,
    prototype: &JsObject,
    property: &'static str,
    name: &'static str,
) -> JsResult<()> {
    define_accessor(
        context,
        prototype,
        property,
        NativeFunction::from_copy_closure(move |this, _, context| {
            // 1. Let element be the result of running this's get the element.
            let element = this_element(this, context)?;
            // 2. Let contentAttributeValue be the result of running this's get the content
            //    attribute.
            // 3. If contentAttributeValue is null, then return the empty string.
            // 4. Return contentAttributeValue.
            let value = content_attribute(context, element, name)?.unwrap_or_default();
            Ok(string_value(&value))
        }),
        Some(NativeFunction::from_copy_closure(
            move |this, args, context| {
                // The setter steps are to run this's set the content attribute with the given
                // value.
                let element = this_element(this, context)?;
                let value = to_dom_string(&arg(args, 0), context)?;
                set_content_attribute(context, element, name, &value)
            },
        )),
    )
}

/// Defines the `ParentNode` mixin's members (on Document, DocumentFragment and Element).
///
/// Spec: <https://dom.spec.whatwg.org/#interface-parentnode>
pub(crate) fn define_parent_node_members(
    context: &mut Context,
    prototype: &JsObject,
) -> JsResult<()> {
    fn element_children(
        this: &JsValue,
        context: &Context,
    ) -> JsResult<(NodeRef, Vec<postern_dom::NodeId>)> {
        let node = this_node(this)?;
        let children = with_document(context, node.window, |d| {
            d.children(node.node)
                .iter()
                .copied()
                .filter(|c| d.is_element(*c))
                .collect()
        })?;
        Ok((node, children))
    }
    // Deviation: an Array snapshot stands in for the live HTMLCollection.
    getter(context, prototype, "children", |this, _, context| {
        let (node, children) = element_children(this, context)?;
        nodes_array(context, node.window, children)
    })?;
    getter(
        context,
        prototype,
        "firstElementChild",
        |this, _, context| {
            let (node, children) = element_children(this, context)?;
            node_value(context, node.window, children.first().copied())
        },
    )?;
    getter(
        context,
        prototype,
        "lastElementChild",
        |this, _, context| {
            let (node, children) = element_children(this, context)?;
            node_value(context, node.window, children.last().copied())
        },
    )?;
    getter(
        context,
        prototype,
        "childElementCount",
        |this, _, context| {
            let (_, children) = element_children(this, context)?;
            Ok(JsValue::new(
                u32::try_from(children.len()).unwrap_or(u32::MAX),
            ))
        },
    )?;
    fn query(
        this: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<(NodeRef, Vec<postern_dom::NodeId>)> {
        let node = this_node(this)?;
        let selectors = to_dom_string(&arg(args, 0), context)?;
        let found = with_document(context, node.window, |d| {
            selector::scope_match_a_selectors_string(d, node.node, &selectors)
        })?;
        match found {
            Some(found) => Ok((node, found)),
            None => Err(dom_exception::throw(
                context,
                "SyntaxError",
                &format!("'{selectors}' is not a supported selector"),
            )),
        }
    }
    method(
        context,
        prototype,
        "querySelector",
        1,
        |this, args, context| {
            // The querySelector(selectors) method steps are to return the first result of
            // running scope-match a selectors string selectors against this, if the result is
            // not an empty list; otherwise null.
            let (node, found) = query(this, args, context)?;
            node_value(context, node.window, found.first().copied())
        },
    )?;
    // Deviation: an Array stands in for the static NodeList.
    method(
        context,
        prototype,
        "querySelectorAll",
        1,
        |this, args, context| {
            let (node, found) = query(this, args, context)?;
            nodes_array(context, node.window, found)
        },
    )?;
    Ok(())
}

/// Defines `getElementsByTagName(qualifiedName)` (Document and Element each have it; the
/// steps are the same with root = this).
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-getelementsbytagname>
pub(crate) fn define_get_elements_by_tag_name(
    context: &mut Context,
    prototype: &JsObject,
) -> JsResult<()> {
    // Deviation: an Array snapshot stands in for the live HTMLCollection.
    method(
        context,
        prototype,
        "getElementsByTagName",
        1,
        |this, args, context| {
            // Return the list of elements with qualified name qualifiedName for this.
            let node = this_node(this)?;
            let name = to_dom_string(&arg(args, 0), context)?;
            let found = with_document(context, node.window, |d| {
                d.list_of_elements_with_qualified_name(node.node, &name)
            })?;
            nodes_array(context, node.window, found)
        },
    )
}

fn install_attribute_methods(context: &mut Context, prototype: &JsObject) -> JsResult<()> {
    method(
        context,
        prototype,
        "getAttribute",
        1,
        |this, args, context| {
            let element = this_element(this, context)?;
            let name = to_dom_string(&arg(args, 0), context)?;
            let value = content_attribute(context, element, &name)?;
            Ok(value
                .map(|v| string_value(&v))
                .unwrap_or_else(JsValue::null))
        },
    )?;
    method(
        context,
        prototype,
        "setAttribute",
        2,
        |this, args, context| {
            let element = this_element(this, context)?;
            let name = to_dom_string(&arg(args, 0), context)?;
            let value = to_dom_string(&arg(args, 1), context)?;
            set_content_attribute(context, element, &name, &value)
        },
    )?;
    method(
        context,
        prototype,
        "hasAttribute",
        1,
        |this, args, context| {
            let element = this_element(this, context)?;
            let name = to_dom_string(&arg(args, 0), context)?;
            Ok(JsValue::new(
                content_attribute(context, element, &name)?.is_some(),
            ))
        },
    )?;
    method(
        context,
        prototype,
        "removeAttribute",
        1,
        |this, args, context| {
            let element = this_element(this, context)?;
            let name = to_dom_string(&arg(args, 0), context)?;
            let removed = with_document_mut(context, element.window, |d| {
                d.remove_attribute(element.node, &name)
            })?;
            if removed {
                attribute_change_steps(context, element, &name)?;
            }
            Ok(JsValue::undefined())
        },
    )?;
    method(context, prototype, "remove", 0, |this, _, context| {
        // ChildNode's remove(): if this's parent is null, return; otherwise remove this.
        // Spec: <https://dom.spec.whatwg.org/#dom-childnode-remove>
        let element = this_element(this, context)?;
        let removed = with_document_mut(context, element.window, |d| {
            let parent = d.parent(element.node)?;
            d.remove_child(parent, element.node).ok()
        })?;
        if let Some(removed) = removed {
            node::run_removing_steps(context, element.window, &[removed])?;
        }
        Ok(JsValue::undefined())
    })
}

/// Defines the `Element` interface's members on its prototype.
pub(crate) fn install_element_interface(
    context: &mut Context,
    element: &Interface,
) -> JsResult<()> {
    let prototype = &element.prototype;
    define_parent_node_members(context, prototype)?;
    define_get_elements_by_tag_name(context, prototype)?;
    install_attribute_methods(context, prototype)?;
    getter(context, prototype, "tagName", |this, _, context| {
        let element = this_element(this, context)?;
        let name = with_document(context, element.window, |d| {
            d.data(element.node).map(html_uppercased_qualified_name)
        })?;
        Ok(string_value(&name.unwrap_or_default()))
    })?;
    getter(context, prototype, "localName", |this, _, context| {
        let element = this_element(this, context)?;
        let name = with_document(context, element.window, |d| {
            d.local_name(element.node).map(str::to_string)
        })?;
        Ok(string_value(&name.unwrap_or_default()))
    })?;
    getter(context, prototype, "namespaceURI", |this, _, context| {
        let element = this_element(this, context)?;
        let namespace = with_document(context, element.window, |d| {
            d.namespace(element.node).map(str::to_string)
        })?;
        Ok(namespace
            .map(|n| string_value(&n))
            .unwrap_or_else(JsValue::null))
    })?;
    // The id and className attributes reflect the "id" and "class" content attributes.
    define_reflected_string(context, prototype, "id", "id")?;
    define_reflected_string(context, prototype, "className", "class")
}
