//! The `Document` and `Element` wrappers: enough of the DOM for scripts to find their
//! iframes and listen to them.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-document>,
//! <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element>

use std::rc::Rc;

use boa_engine::object::builtins::JsArray;
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, NativeFunction, Trace,
};

use super::event_target::{define_event_handler, define_event_target_members};
use super::util::{arg, define_accessor, define_method, to_dom_string, type_error};
use crate::agent::AgentState;
use crate::ids::{NodeId, WindowId};
use crate::realm_data::RealmData;

/// What a node wrapper points at.
#[derive(Clone, Copy, Debug, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
pub(crate) struct NodeRef {
    /// The window whose document holds the node.
    pub window: WindowId,
    /// The node.
    pub node: NodeId,
}

/// The prototypes of this realm's wrappers.
#[derive(Clone, Trace, Finalize, JsData)]
pub(crate) struct DomPrototypes {
    document: JsObject,
    element: JsObject,
}

/// The node a wrapper object stands for.
pub(crate) fn node_of(object: &JsObject) -> Option<NodeRef> {
    object.downcast_ref::<NodeRef>().map(|n| *n)
}

fn this_node(this: &JsValue) -> JsResult<NodeRef> {
    this.as_object()
        .and_then(|o| node_of(&o))
        .ok_or_else(|| type_error("'this' is not a Node"))
}

/// The wrapper object of `node` in `window`'s realm (the same object every time).
pub(crate) fn wrapper(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    node: NodeId,
) -> JsResult<JsObject> {
    let (cached, realm, is_document) = {
        let windows = state.windows.borrow();
        let w = windows
            .get(&window)
            .ok_or_else(|| type_error("the window is gone"))?;
        let is_document = w.document.borrow().document_node() == node;
        (w.wrappers.get(&node).cloned(), w.realm.clone(), is_document)
    };
    if let Some(object) = cached {
        return Ok(object);
    }
    let prototypes = realm
        .host_defined()
        .get::<DomPrototypes>()
        .cloned()
        .ok_or_else(|| type_error("no DOM in this realm"))?;
    let prototype = if is_document {
        prototypes.document.clone()
    } else {
        prototypes.element.clone()
    };
    let object = JsObject::from_proto_and_data(prototype, NodeRef { window, node });
    if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
        w.wrappers.insert(node, object.clone());
    }
    let _ = context;
    Ok(object)
}

fn node_value(context: &mut Context, window: WindowId, node: Option<NodeId>) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    match node {
        Some(node) => Ok(wrapper(&state, context, window, node)?.into()),
        None => Ok(JsValue::null()),
    }
}

/// Runs `f` on the document of the window that `this` (a node) belongs to.
fn with_document<R>(
    context: &Context,
    window: WindowId,
    f: impl FnOnce(&postern_dom::Document) -> R,
) -> JsResult<R> {
    let state = AgentState::of(context)?;
    let windows = state.windows.borrow();
    let w = windows
        .get(&window)
        .ok_or_else(|| type_error("the window is gone"))?;
    let document = w.document.borrow();
    Ok(f(&document))
}

fn nodes_array(context: &mut Context, window: WindowId, nodes: Vec<NodeId>) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    let mut values = Vec::with_capacity(nodes.len());
    for node in nodes {
        values.push(JsValue::from(wrapper(&state, context, window, node)?));
    }
    // Deviation: an Array stands in for the live HTMLCollection / static NodeList.
    Ok(JsArray::from_iter(values, context).into())
}

/// A simple selector: `#id`, `.class`, `tag`, or `*`.
///
/// TODO(spec): full Selectors Level 4 parsing (a later issue uses a selector crate).
fn select(document: &postern_dom::Document, selector: &str) -> Option<Vec<NodeId>> {
    let selector = selector.trim();
    if let Some(id) = selector.strip_prefix('#') {
        return Some(document.get_element_by_id(id).into_iter().collect());
    }
    if let Some(class) = selector.strip_prefix('.') {
        let all = document.get_elements_by_tag_name("*");
        return Some(
            all.into_iter()
                .filter(|n| {
                    document
                        .get_attribute(*n, "class")
                        .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
                })
                .collect(),
        );
    }
    if selector
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '*')
        && !selector.is_empty()
    {
        return Some(document.get_elements_by_tag_name(selector));
    }
    None
}

fn install_document_prototype(context: &mut Context, prototype: &JsObject) -> JsResult<()> {
    define_event_target_members(context, prototype)?;
    define_event_handler(context, prototype, "DOMContentLoaded")?;
    define_method(
        context,
        prototype,
        "getElementById",
        1,
        NativeFunction::from_fn_ptr(|this, args, context| {
            let node = this_node(this)?;
            let id = to_dom_string(&arg(args, 0), context)?;
            let found = with_document(context, node.window, |d| d.get_element_by_id(&id))?;
            node_value(context, node.window, found)
        }),
    )?;
    define_method(
        context,
        prototype,
        "getElementsByTagName",
        1,
        NativeFunction::from_fn_ptr(|this, args, context| {
            let node = this_node(this)?;
            let name = to_dom_string(&arg(args, 0), context)?;
            let found = with_document(context, node.window, |d| d.get_elements_by_tag_name(&name))?;
            nodes_array(context, node.window, found)
        }),
    )?;
    define_method(
        context,
        prototype,
        "querySelectorAll",
        1,
        NativeFunction::from_fn_ptr(|this, args, context| {
            let node = this_node(this)?;
            let selector = to_dom_string(&arg(args, 0), context)?;
            let found = with_document(context, node.window, |d| select(d, &selector))?;
            let Some(found) = found else {
                return Err(super::dom_exception::throw(
                    context,
                    "SyntaxError",
                    "unsupported selector",
                ));
            };
            nodes_array(context, node.window, found)
        }),
    )?;
    define_method(
        context,
        prototype,
        "querySelector",
        1,
        NativeFunction::from_fn_ptr(|this, args, context| {
            let node = this_node(this)?;
            let selector = to_dom_string(&arg(args, 0), context)?;
            let found = with_document(context, node.window, |d| select(d, &selector))?;
            let Some(found) = found else {
                return Err(super::dom_exception::throw(
                    context,
                    "SyntaxError",
                    "unsupported selector",
                ));
            };
            node_value(context, node.window, found.first().copied())
        }),
    )?;
    for (name, pick) in [("documentElement", 0u8), ("head", 1), ("body", 2)] {
        define_accessor(
            context,
            prototype,
            name,
            NativeFunction::from_copy_closure(move |this, _, context| {
                let node = this_node(this)?;
                let found = with_document(context, node.window, |d| match pick {
                    0 => d.document_element(),
                    1 => d.head(),
                    _ => d.body(),
                })?;
                node_value(context, node.window, found)
            }),
            None,
        )?;
    }
    define_accessor(
        context,
        prototype,
        "URL",
        NativeFunction::from_fn_ptr(|this, _, context| {
            let node = this_node(this)?;
            let url = with_document(context, node.window, |d| d.url().to_string())?;
            Ok(JsString::from(url.as_str()).into())
        }),
        None,
    )?;
    Ok(())
}

fn install_element_prototype(context: &mut Context, prototype: &JsObject) -> JsResult<()> {
    define_event_target_members(context, prototype)?;
    define_event_handler(context, prototype, "load")?;
    define_accessor(
        context,
        prototype,
        "tagName",
        NativeFunction::from_fn_ptr(|this, _, context| {
            let node = this_node(this)?;
            let name = with_document(context, node.window, |d| {
                d.local_name(node.node).map(|n| n.to_ascii_uppercase())
            })?;
            Ok(name
                .map(|n| JsString::from(n.as_str()).into())
                .unwrap_or_default())
        }),
        None,
    )?;
    define_accessor(
        context,
        prototype,
        "id",
        NativeFunction::from_fn_ptr(|this, _, context| {
            let node = this_node(this)?;
            let id = with_document(context, node.window, |d| {
                d.get_attribute(node.node, "id").unwrap_or("").to_string()
            })?;
            Ok(JsString::from(id.as_str()).into())
        }),
        None,
    )?;
    define_accessor(
        context,
        prototype,
        "textContent",
        NativeFunction::from_fn_ptr(|this, _, context| {
            let node = this_node(this)?;
            let text = with_document(context, node.window, |d| d.text_content(node.node))?;
            Ok(text
                .map(|t| JsString::from(t.as_str()).into())
                .unwrap_or_else(JsValue::null))
        }),
        None,
    )?;
    define_accessor(
        context,
        prototype,
        "parentNode",
        NativeFunction::from_fn_ptr(|this, _, context| {
            let node = this_node(this)?;
            let parent = with_document(context, node.window, |d| {
                d.node(node.node).and_then(|n| n.parent)
            })?;
            node_value(context, node.window, parent)
        }),
        None,
    )?;
    define_method(
        context,
        prototype,
        "getAttribute",
        1,
        NativeFunction::from_fn_ptr(|this, args, context| {
            let node = this_node(this)?;
            let name = to_dom_string(&arg(args, 0), context)?.to_ascii_lowercase();
            let value = with_document(context, node.window, |d| {
                d.get_attribute(node.node, &name).map(str::to_string)
            })?;
            Ok(value
                .map(|v| JsString::from(v.as_str()).into())
                .unwrap_or_else(JsValue::null))
        }),
    )?;
    define_accessor(
        context,
        prototype,
        "contentWindow",
        NativeFunction::from_fn_ptr(|this, _, context| {
            let node = this_node(this)?;
            let state = AgentState::of(context)?;
            let Some(child) =
                super::window_proxy::child_of_container(&state, node.window, node.node)
            else {
                return Ok(JsValue::null());
            };
            super::window_proxy::window_proxy_for(&state, context, node.window, child)
        }),
        None,
    )?;
    Ok(())
}

/// Creates this realm's document and element prototypes, and the `document` attribute of the
/// global.
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    let object_prototype = context.intrinsics().constructors().object().prototype();
    let document = JsObject::with_null_proto();
    document.set_prototype(Some(object_prototype.clone()));
    let element = JsObject::with_null_proto();
    element.set_prototype(Some(object_prototype));
    install_document_prototype(context, &document)?;
    install_element_prototype(context, &element)?;
    context
        .realm()
        .host_defined_mut()
        .insert(DomPrototypes { document, element });
    // Deviation: `document` is an accessor on the global instead of [LegacyUnforgeable].
    define_accessor(
        context,
        global,
        "document",
        NativeFunction::from_copy_closure(move |_, _, context| {
            let state = AgentState::of(context)?;
            let node = state
                .windows
                .borrow()
                .get(&window)
                .map(|w| w.document.borrow().document_node());
            match node {
                Some(node) => Ok(wrapper(&state, context, window, node)?.into()),
                None => Ok(JsValue::null()),
            }
        }),
        None,
    )?;
    let _ = RealmData::of_current_realm(context)?;
    Ok(())
}
