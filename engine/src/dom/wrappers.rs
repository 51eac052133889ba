//! Node wrappers: which object stands for which node (one wrapper per node, with the
//! prototype of its interface in the window's realm), and helpers the DOM bindings share.
//!
//! Spec: <https://webidl.spec.whatwg.org/#es-platform-objects>

use std::rc::Rc;

use boa_engine::object::builtins::JsArray;
use boa_engine::{
    Context, Finalize, JsData, JsError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    Trace,
};
use postern_dom::{Document, DomError, HTML_NAMESPACE, NodeData};

use crate::agent::AgentState;
use crate::ids::{NodeId, WindowId};
use crate::webidl::conversions::{define_accessor, define_method, type_error};
use crate::webidl::dom_exception;

/// What a node wrapper points at.
#[derive(Clone, Copy, Debug, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
pub(crate) struct NodeRef {
    /// The window whose document holds the node.
    pub window: WindowId,
    /// The node.
    pub node: NodeId,
}

/// The prototype of one HTML element interface, and the local name it is for.
#[derive(Clone, Trace, Finalize)]
pub(crate) struct HtmlElementPrototype {
    #[unsafe_ignore_trace]
    pub local_name: &'static str,
    pub prototype: JsObject,
}

/// The interface prototype objects of this realm's node wrappers.
#[derive(Clone, Trace, Finalize, JsData)]
pub(crate) struct DomPrototypes {
    pub document: JsObject,
    pub document_type: JsObject,
    pub document_fragment: JsObject,
    pub element: JsObject,
    pub html_element: JsObject,
    pub text: JsObject,
    pub comment: JsObject,
    /// The prototypes of the HTML element interfaces more specific than `HTMLElement`.
    pub html_elements: Vec<HtmlElementPrototype>,
}

/// A function usable as a getter, setter or method body.
pub(crate) type Body = fn(&JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>;

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

/// The prototype for `node`'s wrapper: by node type, and for elements by namespace and local
/// name.
fn prototype_for(prototypes: &DomPrototypes, document: &Document, node: NodeId) -> JsObject {
    match document.data(node) {
        Some(NodeData::Document) => prototypes.document.clone(),
        Some(NodeData::Doctype { .. }) => prototypes.document_type.clone(),
        Some(NodeData::DocumentFragment) => prototypes.document_fragment.clone(),
        Some(NodeData::Text(_)) => prototypes.text.clone(),
        Some(NodeData::Comment(_)) => prototypes.comment.clone(),
        Some(NodeData::Element {
            namespace,
            local_name,
            ..
        }) if namespace == HTML_NAMESPACE => prototypes
            .html_elements
            .iter()
            .find(|p| p.local_name == local_name)
            .map(|p| p.prototype.clone())
            // Deviation: HTML elements without an interface here (div, p, ...) and unknown
            // ones (HTMLUnknownElement) use HTMLElement.prototype.
            .unwrap_or_else(|| prototypes.html_element.clone()),
        Some(NodeData::Element { .. }) | None => prototypes.element.clone(),
    }
}

/// The wrapper object of `node` in `window`'s realm (the same object every time).
pub(crate) fn wrapper(
    state: &Rc<AgentState>,
    _context: &mut Context,
    window: WindowId,
    node: NodeId,
) -> JsResult<JsObject> {
    let windows = state.windows.borrow();
    let w = windows
        .get(&window)
        .ok_or_else(|| type_error("the window is gone"))?;
    if let Some(object) = w.wrappers.get(&node) {
        return Ok(object.clone());
    }
    let prototype = {
        let host_defined = w.realm.host_defined();
        let prototypes = host_defined
            .get::<DomPrototypes>()
            .ok_or_else(|| type_error("no DOM in this realm"))?;
        let document = w
            .document
            .try_borrow()
            .map_err(|_| type_error("the document is busy"))?;
        prototype_for(prototypes, &document, node)
    };
    drop(windows);
    let object = JsObject::from_proto_and_data(prototype, NodeRef { window, node });
    if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
        w.wrappers.insert(node, object.clone());
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

/// Runs `f` on the document of `window`.
pub(crate) fn with_document<R>(
    context: &Context,
    window: WindowId,
    f: impl FnOnce(&Document) -> R,
) -> JsResult<R> {
    let state = AgentState::of(context)?;
    let windows = state.windows.borrow();
    let w = windows
        .get(&window)
        .ok_or_else(|| type_error("the window is gone"))?;
    let document = w
        .document
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
    let state = AgentState::of(context)?;
    let windows = state.windows.borrow();
    let w = windows
        .get(&window)
        .ok_or_else(|| type_error("the window is gone"))?;
    let mut document = w
        .document
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

/// Defines a read-only attribute.
pub(crate) fn getter(
    context: &mut Context,
    object: &JsObject,
    name: &str,
    get: Body,
) -> JsResult<()> {
    define_accessor(
        context,
        object,
        name,
        NativeFunction::from_fn_ptr(get),
        None,
    )
}

/// Defines a read-write attribute.
pub(crate) fn accessor(
    context: &mut Context,
    object: &JsObject,
    name: &str,
    get: Body,
    set: Body,
) -> JsResult<()> {
    define_accessor(
        context,
        object,
        name,
        NativeFunction::from_fn_ptr(get),
        Some(NativeFunction::from_fn_ptr(set)),
    )
}

/// Defines an operation.
pub(crate) fn method(
    context: &mut Context,
    object: &JsObject,
    name: &str,
    length: usize,
    body: Body,
) -> JsResult<()> {
    define_method(
        context,
        object,
        name,
        length,
        NativeFunction::from_fn_ptr(body),
    )
}
