//! Node wrappers: which object stands for which node (one wrapper per node, implementing its
//! interface in the window's realm), and helpers the DOM bindings share.
//!
//! Spec: <https://webidl.spec.whatwg.org/#es-platform-objects>

use std::cell::RefCell;
use std::rc::Rc;

use boa_engine::object::builtins::JsArray;
use boa_engine::{
    Context, Finalize, JsData, JsError, JsObject, JsResult, JsString, JsValue, Trace,
};
use postern_dom::{Document, DomError, HTML_NAMESPACE, NodeData};

use crate::agent::AgentState;
use crate::html::html_element::HTML_ELEMENT_INTERFACES;
use crate::ids::{NodeId, WindowId};
use crate::webidl::conversions::type_error;
use crate::webidl::dom_exception;
use crate::webidl::interface::create_an_object_implementing;

/// What a node wrapper points at.
#[derive(Clone, Copy, Debug, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
pub(crate) struct NodeRef {
    /// The window whose document holds the node, or the key of the document without a
    /// browsing context that holds it (`AgentState::documents`).
    pub window: WindowId,
    /// The node.
    pub node: NodeId,
}

/// The node a wrapper object stands for.
pub(crate) fn node_of(object: &JsObject) -> Option<NodeRef> {
    object.downcast_ref::<NodeRef>().map(|n| *n)
}

/// The node `this` stands for (a TypeError if it is not a node wrapper).
pub(crate) fn this_node(this: &JsValue) -> JsResult<NodeRef> {
    this.as_object()
        .and_then(|o| node_of(&o))
        .ok_or_else(|| type_error("'this' is not a Node"))
}

/// The node an argument stands for, or `None` for null (a TypeError for anything else).
pub(crate) fn nullable_node_arg(value: &JsValue) -> JsResult<Option<NodeRef>> {
    if value.is_null() {
        return Ok(None);
    }
    value
        .as_object()
        .and_then(|o| node_of(&o))
        .map(Some)
        .ok_or_else(|| type_error("the argument is not a Node"))
}

/// The node an argument stands for (a TypeError if it is not a node).
pub(crate) fn node_arg(value: &JsValue) -> JsResult<NodeRef> {
    nullable_node_arg(value)?.ok_or_else(|| type_error("the argument is not a Node"))
}

/// The interface of `node`'s wrapper: by node type, and for elements by namespace and local
/// name. (`xml_document`: the interface of an XML document's node, when it is not a Window's
/// HTML document.)
fn interface_for(
    document: &Document,
    node: NodeId,
    xml_document: Option<&'static str>,
) -> &'static str {
    match document.data(node) {
        Some(NodeData::Document) => xml_document.unwrap_or("HTMLDocument"),
        Some(NodeData::Doctype { .. }) => "DocumentType",
        Some(NodeData::DocumentFragment) => "DocumentFragment",
        Some(NodeData::Text(_)) => "Text",
        Some(NodeData::Comment(_)) => "Comment",
        Some(NodeData::Element {
            namespace,
            local_name,
            ..
        }) if namespace == HTML_NAMESPACE => HTML_ELEMENT_INTERFACES
            .iter()
            .find(|interface| interface.local_name == local_name)
            .map(|interface| interface.declaration.name)
            // Deviation: HTML elements without an interface here (section, ul, ...) and unknown
            // ones (HTMLUnknownElement) are HTMLElements.
            .unwrap_or("HTMLElement"),
        Some(NodeData::Element { .. }) | None => "Element",
    }
}

/// The interface a node wrapper was made as, for brand checks (`webidl::brand`: node wrappers
/// share one data type), or `None` if `object` is no node wrapper.
///
/// Spec: <https://webidl.spec.whatwg.org/#implements>
pub(crate) fn most_derived_interface_of_node(
    object: &JsObject,
    context: &Context,
) -> Option<&'static str> {
    let node = node_of(object)?;
    let state = AgentState::of(context).ok()?;
    let windows = state.windows.borrow();
    let documents = state.documents.borrow();
    let (document, xml_document) = match windows.get(&node.window) {
        Some(w) => (&w.document, None),
        None => {
            let d = documents.get(&node.window)?;
            (&d.document, Some(d.interface))
        }
    };
    let document = document.try_borrow().ok()?;
    Some(interface_for(&document, node.node, xml_document))
}

/// The wrapper object of `node` in `window`'s realm (the same object every time): the first
/// time, a new object implementing its interface in that realm.
///
/// Spec: <https://webidl.spec.whatwg.org/#es-platform-objects>
pub(crate) fn wrapper(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    node: NodeId,
) -> JsResult<JsObject> {
    let (realm, interface) = {
        let windows = state.windows.borrow();
        let documents = state.documents.borrow();
        let (realm, wrappers, document, xml_document) = match windows.get(&window) {
            Some(w) => (&w.realm, &w.wrappers, &w.document, None),
            None => {
                let d = documents
                    .get(&window)
                    .ok_or_else(|| type_error("the window is gone"))?;
                (&d.realm, &d.wrappers, &d.document, Some(d.interface))
            }
        };
        if let Some(object) = wrappers.get(&node) {
            return Ok(object.clone());
        }
        let document = document
            .try_borrow()
            .map_err(|_| type_error("the document is busy"))?;
        (realm.clone(), interface_for(&document, node, xml_document))
    };
    // A platform object's realm is its node document's relevant realm: the window's.
    let previous = context.enter_realm(realm);
    let object = create_an_object_implementing(context, interface, None, NodeRef { window, node });
    context.enter_realm(previous);
    let object = object?;
    if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
        w.wrappers.insert(node, object.clone());
    } else if let Some(d) = state.documents.borrow_mut().get_mut(&window) {
        d.wrappers.insert(node, object.clone());
    }
    Ok(object)
}

/// The wrapper of `node`, or null.
pub(crate) fn node_value(
    context: &mut Context,
    window: WindowId,
    node: Option<NodeId>,
) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    match node {
        Some(node) => Ok(wrapper(&state, context, window, node)?.into()),
        None => Ok(JsValue::null()),
    }
}

/// An Array of the wrappers of `nodes`.
pub(crate) fn nodes_array(
    context: &mut Context,
    window: WindowId,
    nodes: Vec<NodeId>,
) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    let mut values = Vec::with_capacity(nodes.len());
    for node in nodes {
        values.push(JsValue::from(wrapper(&state, context, window, node)?));
    }
    Ok(JsArray::from_iter(values, context).into())
}

/// The document of `window`, or the document without a browsing context kept under that key.
fn document_of(context: &Context, window: WindowId) -> JsResult<Rc<RefCell<Document>>> {
    let state = AgentState::of(context)?;
    if let Some(w) = state.windows.borrow().get(&window) {
        return Ok(Rc::clone(&w.document));
    }
    state
        .documents
        .borrow()
        .get(&window)
        .map(|d| Rc::clone(&d.document))
        .ok_or_else(|| type_error("the window is gone"))
}

/// Runs `f` on the document of `window`.
pub(crate) fn with_document<R>(
    context: &Context,
    window: WindowId,
    f: impl FnOnce(&Document) -> R,
) -> JsResult<R> {
    let document = document_of(context, window)?;
    let document = document
        .try_borrow()
        .map_err(|_| type_error("the document is busy"))?;
    Ok(f(&document))
}

/// Runs `f` on the document of `window`, mutably.
pub(crate) fn with_document_mut<R>(
    context: &Context,
    window: WindowId,
    f: impl FnOnce(&mut Document) -> R,
) -> JsResult<R> {
    let document = document_of(context, window)?;
    let mut document = document
        .try_borrow_mut()
        .map_err(|_| type_error("the document is busy"))?;
    Ok(f(&mut document))
}

/// A JS string value.
pub(crate) fn string_value(s: &str) -> JsValue {
    JsString::from(s).into()
}

/// The DOMException a DOM error turns into.
pub(crate) fn throw_dom_error(context: &mut Context, error: &DomError) -> JsError {
    let name = error.dom_exception_name();
    let text = error.to_string();
    let message = text
        .strip_prefix(name)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(&text);
    dom_exception::throw(context, name, message)
}
