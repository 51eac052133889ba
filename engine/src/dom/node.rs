//! The `Node` interface.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-node>

use boa_engine::{Context, JsResult, JsValue};
use postern_dom::{Document, NodeData, NodeId};

use crate::agent::AgentState;
use crate::dom::element;
use crate::dom::wrappers::{
    NodeRef, node_arg, node_value, nodes_array, nullable_node_arg, string_value, this_node,
    throw_dom_error, with_document, with_document_mut,
};
use crate::html::iframe;
use crate::ids::WindowId;
use crate::webidl::conversions::{arg, to_dom_string};
use crate::webidl::declaration::{Attribute, Constant, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;

/// `interface Node : EventTarget`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-node>
// TODO(spec): baseURI, nodeValue, getRootNode(), normalize(), cloneNode(), isEqualNode(),
// isSameNode(), compareDocumentPosition() with the DOCUMENT_POSITION_* constants,
// lookupPrefix(), lookupNamespaceURI(), isDefaultNamespace() and replaceChild().
pub(crate) const NODE: InterfaceDeclaration = InterfaceDeclaration {
    name: "Node",
    inherits: Some("EventTarget"),
    constructor: None,
    constants: &[
        Constant {
            name: "ELEMENT_NODE",
            value: 1,
        },
        Constant {
            name: "ATTRIBUTE_NODE",
            value: 2,
        },
        Constant {
            name: "TEXT_NODE",
            value: 3,
        },
        Constant {
            name: "CDATA_SECTION_NODE",
            value: 4,
        },
        Constant {
            name: "ENTITY_REFERENCE_NODE",
            value: 5,
        },
        Constant {
            name: "ENTITY_NODE",
            value: 6,
        },
        Constant {
            name: "PROCESSING_INSTRUCTION_NODE",
            value: 7,
        },
        Constant {
            name: "COMMENT_NODE",
            value: 8,
        },
        Constant {
            name: "DOCUMENT_NODE",
            value: 9,
        },
        Constant {
            name: "DOCUMENT_TYPE_NODE",
            value: 10,
        },
        Constant {
            name: "DOCUMENT_FRAGMENT_NODE",
            value: 11,
        },
        Constant {
            name: "NOTATION_NODE",
            value: 12,
        },
    ],
    attributes: &[
        Attribute::readonly("nodeType", get_node_type),
        Attribute::readonly("nodeName", get_node_name),
        Attribute::readonly("isConnected", get_is_connected),
        Attribute::readonly("ownerDocument", get_owner_document),
        Attribute::readonly("parentNode", get_parent_node),
        Attribute::readonly("parentElement", get_parent_element),
        // Deviation: an Array snapshot stands in for the live NodeList.
        Attribute::readonly("childNodes", get_child_nodes),
        Attribute::readonly("firstChild", get_first_child),
        Attribute::readonly("lastChild", get_last_child),
        Attribute::readonly("previousSibling", get_previous_sibling),
        Attribute::readonly("nextSibling", get_next_sibling),
        Attribute::read_write("textContent", get_text_content, set_text_content),
    ],
    operations: &[
        Operation::new("hasChildNodes", 0, has_child_nodes),
        Operation::new("contains", 1, contains),
        Operation::new("insertBefore", 2, insert_before),
        Operation::new("appendChild", 1, append_child),
        Operation::new("removeChild", 1, remove_child),
    ],
    static_operations: &[],
    mixins: &[],
};

/// `nodeType`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-nodetype>
fn get_node_type(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let node = this_node(this)?;
    let value = with_document(context, node.window, |d| d.data(node.node).map(node_type))?;
    Ok(value.map(JsValue::new).unwrap_or_default())
}

/// `nodeName`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-nodename>
fn get_node_name(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let node = this_node(this)?;
    let name = with_document(context, node.window, |d| d.data(node.node).map(node_name))?;
    Ok(name.map(|n| string_value(&n)).unwrap_or_default())
}

/// `isConnected`: whether this's shadow-including root is a document.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-isconnected>
fn get_is_connected(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let node = this_node(this)?;
    let connected = with_document(context, node.window, |d| d.is_connected(node.node))?;
    Ok(JsValue::new(connected))
}

/// `ownerDocument`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-ownerdocument>
fn get_owner_document(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // The ownerDocument getter steps are to return null, if this is a document; otherwise
    // this's node document.
    related(this, context, |d, n| {
        (n != d.document_node()).then(|| d.document_node())
    })
}

/// `parentNode`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-parentnode>
fn get_parent_node(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(this, context, Document::parent)
}

/// `parentElement`: this's parent element.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-parentelement>
fn get_parent_element(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(this, context, |d, n| {
        d.parent(n).filter(|p| d.is_element(*p))
    })
}

/// `childNodes`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-childnodes>
fn get_child_nodes(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let node = this_node(this)?;
    let children = with_document(context, node.window, |d| d.children(node.node).to_vec())?;
    nodes_array(context, node.window, children)
}

/// `firstChild`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-firstchild>
fn get_first_child(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(this, context, |d, n| d.children(n).first().copied())
}

/// `lastChild`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-lastchild>
fn get_last_child(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(this, context, |d, n| d.children(n).last().copied())
}

/// `previousSibling`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-previoussibling>
fn get_previous_sibling(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(this, context, Document::previous_sibling)
}

/// `nextSibling`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-nextsibling>
fn get_next_sibling(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(this, context, Document::next_sibling)
}

/// `textContent`'s getter.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-textcontent>
fn get_text_content(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let node = this_node(this)?;
    let text = with_document(context, node.window, |d| d.text_content(node.node))?;
    Ok(text.map(|t| string_value(&t)).unwrap_or_else(JsValue::null))
}

/// `textContent`'s setter.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-textcontent>
fn set_text_content(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // The textContent setter steps are to, if the given value is null, act as if it was the
    // empty string instead, and then set text content with this and the given value.
    let node = this_node(this)?;
    set_text_content_or_empty(context, node, &arg(args, 0))
}

/// `hasChildNodes()`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-haschildnodes>
fn has_child_nodes(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let node = this_node(this)?;
    let has = with_document(context, node.window, |d| !d.children(node.node).is_empty())?;
    Ok(JsValue::new(has))
}

/// `contains(other)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-contains>
fn contains(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // The contains(other) method steps are to return true if other is an inclusive
    // descendant of this; otherwise false (including when other is null).
    let node = this_node(this)?;
    let Some(other) = nullable_node_arg(&arg(args, 0))? else {
        return Ok(JsValue::new(false));
    };
    if other.window != node.window {
        return Ok(JsValue::new(false));
    }
    let contains = with_document(context, node.window, |d| {
        let mut current = Some(other.node);
        // Bounded by the arena's size (a tree is never deeper).
        for _ in 0..=d.node_count() {
            match current {
                Some(c) if c == node.node => return true,
                Some(c) => current = d.parent(c),
                None => return false,
            }
        }
        false
    })?;
    Ok(JsValue::new(contains))
}

/// `insertBefore(node, child)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-insertbefore>
fn insert_before(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // The insertBefore(node, child) method steps are to return the result of pre-inserting
    // node into this before child.
    let parent = this_node(this)?;
    let node = node_arg(&arg(args, 0))?;
    let child = nullable_node_arg(&arg(args, 1))?;
    pre_insert_node(context, parent, node, child)
}

/// `appendChild(node)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-appendchild>
fn append_child(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // The appendChild(node) method steps are to return the result of appending node to this
    // (pre-insert node into this before null).
    let parent = this_node(this)?;
    let node = node_arg(&arg(args, 0))?;
    pre_insert_node(context, parent, node, None)
}

/// `removeChild(child)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-removechild>
fn remove_child(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // The removeChild(child) method steps are to return the result of pre-removing child
    // from this.
    let parent = this_node(this)?;
    let child = node_arg(&arg(args, 0))?;
    if parent.window != child.window {
        return Err(dom_exception::throw(
            context,
            "NotFoundError",
            "the node is not a child of this node",
        ));
    }
    let result = with_document_mut(context, parent.window, |d| {
        d.remove_child(parent.node, child.node)
    })?;
    match result {
        Ok(removed) => {
            run_removing_steps(context, parent.window, &[removed])?;
            node_value(context, parent.window, Some(removed))
        }
        Err(error) => Err(throw_dom_error(context, &error)),
    }
}

/// Both nodes are in the same document (the arena of one window).
fn same_document(context: &mut Context, a: NodeRef, b: NodeRef) -> JsResult<()> {
    if a.window == b.window {
        return Ok(());
    }
    // Deviation: adopting a node into another document is not supported by the arena DOM.
    // TODO(spec): adopt (https://dom.spec.whatwg.org/#concept-node-adopt).
    Err(dom_exception::throw(
        context,
        "NotSupportedError",
        "moving nodes between documents is not supported",
    ))
}

/// The `nodeType` of a node.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-nodetype>
fn node_type(data: &NodeData) -> u16 {
    match data {
        NodeData::Element { .. } => 1,
        NodeData::Text(_) => 3,
        NodeData::Comment(_) => 8,
        NodeData::Document => 9,
        NodeData::Doctype { .. } => 10,
        NodeData::DocumentFragment => 11,
    }
}

/// The `nodeName` of a node.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-node-nodename>
fn node_name(data: &NodeData) -> String {
    match data {
        // Element: its HTML-uppercased qualified name.
        NodeData::Element { .. } => element::html_uppercased_qualified_name(data),
        NodeData::Text(_) => "#text".into(),
        NodeData::Comment(_) => "#comment".into(),
        NodeData::Document => "#document".into(),
        NodeData::Doctype { name } => name.clone(),
        NodeData::DocumentFragment => "#document-fragment".into(),
    }
}

/// A getter returning a related node of `this` (parent, first child, ...).
fn related(
    this: &JsValue,
    context: &mut Context,
    pick: fn(&Document, NodeId) -> Option<NodeId>,
) -> JsResult<JsValue> {
    let node = this_node(this)?;
    let found = with_document(context, node.window, |d| pick(d, node.node))?;
    node_value(context, node.window, found)
}

/// `appendChild` and `insertBefore`: pre-insert `node` into `parent` before `child`
/// (postern-dom's `Document::insert_before` runs the algorithm's steps), with a DOMException
/// for its errors.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-node-pre-insert>
pub(crate) fn pre_insert_node(
    context: &mut Context,
    parent: NodeRef,
    node: NodeRef,
    child: Option<NodeRef>,
) -> JsResult<JsValue> {
    same_document(context, parent, node)?;
    if child.is_some_and(|c| c.window != parent.window) {
        // A child from another document is not a child of parent.
        return Err(dom_exception::throw(
            context,
            "NotFoundError",
            "the reference child is not a child of this node",
        ));
    }
    let result = with_document_mut(context, parent.window, |d| {
        d.insert_before(parent.node, node.node, child.map(|c| c.node))
    })?;
    match result {
        Ok(inserted) => {
            // The post-connection steps: an iframe that became connected gets its content
            // navigable. (A fragment's children were inserted: walk from the parent.)
            // TODO(spec): the other insertion and post-connection steps (e.g. preparing an
            // inserted script).
            let state = AgentState::of(context)?;
            iframe::run_post_connection_steps_for_iframes(
                &state,
                context,
                parent.window,
                parent.node,
            );
            node_value(context, parent.window, Some(inserted))
        }
        Err(error) => Err(throw_dom_error(context, &error)),
    }
}

/// Sets `node`'s text content to `value`, a null value acting as the empty string (the
/// `textContent` setter, and CharacterData's `data` setter with [LegacyNullToEmptyString]).
///
/// Spec: <https://dom.spec.whatwg.org/#set-text-content>
pub(crate) fn set_text_content_or_empty(
    context: &mut Context,
    node: NodeRef,
    value: &JsValue,
) -> JsResult<JsValue> {
    let value = if value.is_null() {
        String::new()
    } else {
        to_dom_string(value, context)?
    };
    let (old_children, result) = with_document_mut(context, node.window, |d| {
        let old_children = d.children(node.node).to_vec();
        (old_children, d.set_text_content(node.node, &value))
    })?;
    result.map_err(|e| throw_dom_error(context, &e))?;
    // The children it replaced were removed.
    run_removing_steps(context, node.window, &old_children)?;
    Ok(JsValue::undefined())
}

/// The removing steps for subtrees just removed from `window`'s document (an iframe's:
/// destroy its child navigable).
///
/// Spec: <https://dom.spec.whatwg.org/#concept-node-remove-ext>
pub(crate) fn run_removing_steps(
    context: &mut Context,
    window: WindowId,
    removed: &[NodeId],
) -> JsResult<()> {
    let state = AgentState::of(context)?;
    for root in removed {
        iframe::iframe_removing_steps(&state, context, window, *root);
    }
    Ok(())
}
