//! The `ParentNode` mixin: element children and selector queries, included by `Document`,
//! `DocumentFragment` and `Element`.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-parentnode>

use boa_engine::{Context, JsResult, JsValue};
use postern_dom::NodeId;

use crate::dom::node::pre_insert_node;
use crate::dom::selector;
use crate::dom::wrappers::{
    NodeRef, node_of, node_value, nodes_array, this_node, throw_dom_error, with_document,
    with_document_mut,
};
use crate::webidl::conversions::{arg, to_dom_string};
use crate::webidl::declaration::{Attribute, Mixin, Operation};
use crate::webidl::dom_exception;

/// `interface mixin ParentNode`: what scripts see on each interface that includes it.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-parentnode>
// TODO(spec): replaceChildren() and moveBefore(), and the [Unscopable] members'
// @@unscopables entries.
pub(crate) const PARENT_NODE: Mixin = Mixin {
    attributes: PARENT_NODE_ATTRIBUTES,
    operations: PARENT_NODE_OPERATIONS,
};

/// `ParentNode`'s attributes.
const PARENT_NODE_ATTRIBUTES: &[Attribute] = &[
    // Deviation: an Array snapshot stands in for the live HTMLCollection.
    Attribute::readonly("children", get_children),
    Attribute::readonly("firstElementChild", get_first_element_child),
    Attribute::readonly("lastElementChild", get_last_element_child),
    Attribute::readonly("childElementCount", get_child_element_count),
];

/// `ParentNode`'s operations.
const PARENT_NODE_OPERATIONS: &[Operation] = &[
    Operation::new("querySelector", 1, query_selector),
    // Deviation: an Array stands in for the static NodeList.
    Operation::new("querySelectorAll", 1, query_selector_all),
    // [CEReactions, Unscopable] undefined prepend((Node or DOMString)... nodes);
    Operation::new("prepend", 0, prepend),
    // [CEReactions, Unscopable] undefined append((Node or DOMString)... nodes);
    Operation::new("append", 0, append),
];

/// `children`: the child elements of this.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-parentnode-children>
fn get_children(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (node, children) = element_children(this, context)?;
    nodes_array(context, node.window, children)
}

/// `firstElementChild`: the first child of this that is an element; otherwise null.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-parentnode-firstelementchild>
fn get_first_element_child(
    this: &JsValue,
    _: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (node, children) = element_children(this, context)?;
    node_value(context, node.window, children.first().copied())
}

/// `lastElementChild`: the last child of this that is an element; otherwise null.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-parentnode-lastelementchild>
fn get_last_element_child(
    this: &JsValue,
    _: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (node, children) = element_children(this, context)?;
    node_value(context, node.window, children.last().copied())
}

/// `childElementCount`: the number of children of this that are elements.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-parentnode-childelementcount>
fn get_child_element_count(
    this: &JsValue,
    _: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (_, children) = element_children(this, context)?;
    Ok(JsValue::new(
        u32::try_from(children.len()).unwrap_or(u32::MAX),
    ))
}

/// `querySelector(selectors)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-parentnode-queryselector>
fn query_selector(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // The querySelector(selectors) method steps are to return the first result of running
    // scope-match a selectors string selectors against this, if the result is not an empty
    // list; otherwise null.
    let (node, found) = scope_match(this, args, context)?;
    node_value(context, node.window, found.first().copied())
}

/// `querySelectorAll(selectors)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-parentnode-queryselectorall>
fn query_selector_all(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // The querySelectorAll(selectors) method steps are to return the static result of
    // running scope-match a selectors string selectors against this.
    let (node, found) = scope_match(this, args, context)?;
    nodes_array(context, node.window, found)
}

/// The node `this` stands for, and its children that are elements.
fn element_children(this: &JsValue, context: &Context) -> JsResult<(NodeRef, Vec<NodeId>)> {
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

/// Scope-match the selectors string of the first argument against `this` (a "SyntaxError"
/// DOMException if it does not parse).
///
/// Spec: <https://dom.spec.whatwg.org/#scope-match-a-selectors-string>
fn scope_match(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<(NodeRef, Vec<NodeId>)> {
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

/// `prepend(...nodes)`: inserts nodes (strings become Text nodes) before this's first child.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-parentnode-prepend>
fn prepend(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let parent = this_node(this)?;
    // 1. Let node be the result of converting nodes into a node given nodes and this's node
    //    document.
    let node = convert_nodes_into_a_node(context, parent, args)?;
    // 2. Pre-insert node into this before this's first child.
    let first_child = with_document(context, parent.window, |d| {
        d.children(parent.node).first().copied()
    })?;
    let first_child = first_child.map(|node| NodeRef {
        window: parent.window,
        node,
    });
    pre_insert_node(context, parent, node, first_child)?;
    Ok(JsValue::undefined())
}

/// `append(...nodes)`: inserts nodes (strings become Text nodes) after this's last child.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-parentnode-append>
fn append(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let parent = this_node(this)?;
    // 1. Let node be the result of converting nodes into a node given nodes and this's node
    //    document.
    let node = convert_nodes_into_a_node(context, parent, args)?;
    // 2. Append node to this.
    pre_insert_node(context, parent, node, None)?;
    Ok(JsValue::undefined())
}

/// Converting nodes into a node: strings become Text nodes of `parent`'s node document; one
/// node is returned as is, several (or none) are appended to a new DocumentFragment.
///
/// Spec: <https://dom.spec.whatwg.org/#converting-nodes-into-a-node>
fn convert_nodes_into_a_node(
    context: &mut Context,
    parent: NodeRef,
    nodes: &[JsValue],
) -> JsResult<NodeRef> {
    // 1. Replace each string of nodes with a new Text node whose data is the string and node
    //    document is document. (A value that is not a Node is converted to a DOMString.)
    let mut converted = Vec::with_capacity(nodes.len());
    for value in nodes {
        match value.as_object().and_then(|o| node_of(&o)) {
            Some(node) => converted.push(node),
            None => {
                let data = to_dom_string(value, context)?;
                let node =
                    with_document_mut(context, parent.window, |d| d.create_text_node(&data))?;
                converted.push(NodeRef {
                    window: parent.window,
                    node,
                });
            }
        }
    }
    // 2. If nodes contains one node, then set node to nodes[0].
    if let [only] = converted.as_slice() {
        return Ok(*only);
    }
    // 3. Otherwise, set node to a new DocumentFragment node whose node document is document,
    //    and then append each node in nodes, if any, to it.
    let fragment = with_document_mut(context, parent.window, |d| d.create_document_fragment())?;
    let fragment = NodeRef {
        window: parent.window,
        node: fragment,
    };
    for node in converted {
        if node.window != parent.window {
            // Deviation: nodes are not adopted across documents.
            return Err(dom_exception::throw(
                context,
                "NotSupportedError",
                "a node of another document cannot be inserted here",
            ));
        }
        let result = with_document_mut(context, parent.window, |d| {
            d.append_child(fragment.node, node.node)
        })?;
        result.map_err(|e| throw_dom_error(context, &e))?;
    }
    // 4. Return node.
    Ok(fragment)
}
