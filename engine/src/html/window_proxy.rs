//! The WindowProxy exotic object, as other windows' realms see a browsing context.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-windowproxy-exotic-object>
//!
//! A WindowProxy is a boa Proxy whose target is an empty object carrying
//! [`ProxyTarget`]; its traps find the browsing context's active Window each time, so the
//! same proxy follows navigations. Same origin-domain access forwards to that Window's global
//! object; cross-origin access allows only the cross-origin properties.

use std::rc::Rc;

use boa_engine::object::builtins::{JsArray, JsProxyBuilder};
use boa_engine::property::PropertyKey;
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsString, JsSymbol, JsValue, NativeFunction,
    Trace, js_string,
};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::html::location;
use crate::html::web_messaging::post_message;
use crate::html::window_open;
use crate::ids::{BrowsingContextId, NodeId, WindowId};
use crate::webidl::conversions::{arg, type_error};
use crate::webidl::dom_exception;
use crate::webidl::interface::function;

/// What a WindowProxy's target carries.
#[derive(Clone, Copy, Debug, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct ProxyTarget {
    viewer: WindowId,
    browsing_context: BrowsingContextId,
}

/// The cross-origin properties of a Window that are not indices.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginproperties-(-o-)>
const CROSS_ORIGIN_PROPERTIES: [&str; 12] = [
    "window", "self", "location", "close", "closed", "focus", "blur", "frames", "length", "top",
    "opener", "parent",
];

/// The browsing context whose container is `node` in `window`'s document.
pub(crate) fn child_of_container(
    state: &AgentState,
    window: WindowId,
    node: NodeId,
) -> Option<BrowsingContextId> {
    let (bc, document) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.browsing_context, w.document_id))?;
    state.ua.with_tree(|tree| {
        tree.children(bc).iter().copied().find(|child| {
            tree.get(*child)
                .is_some_and(|c| c.container == Some((document, node)))
        })
    })
}

/// The WindowProxy of `browsing_context` as `viewer`'s realm sees it: the viewer's own global
/// for its own browsing context, else one cached proxy per browsing context.
pub(crate) fn window_proxy_for(
    state: &Rc<AgentState>,
    context: &mut Context,
    viewer: WindowId,
    browsing_context: BrowsingContextId,
) -> JsResult<JsValue> {
    let (own_bc, global, cached, realm) = {
        let windows = state.windows.borrow();
        let w = windows
            .get(&viewer)
            .ok_or_else(|| type_error("the window is gone"))?;
        (
            w.browsing_context,
            w.global.clone(),
            w.proxies.get(&browsing_context).cloned(),
            w.realm.clone(),
        )
    };
    if own_bc == browsing_context {
        // Deviation: a window's own global object stands in for its WindowProxy.
        return Ok(global.into());
    }
    if let Some(proxy) = cached {
        return Ok(proxy.into());
    }
    let previous = context.enter_realm(realm);
    let target = JsObject::from_proto_and_data(
        None,
        ProxyTarget {
            viewer,
            browsing_context,
        },
    );
    let built = JsProxyBuilder::new(target)
        .get(trap_get)
        .set(trap_set)
        .has(trap_has)
        .get_own_property_descriptor(trap_get_own_property_descriptor)
        .define_property(trap_define_property)
        .delete_property(trap_delete_property)
        .own_keys(trap_own_keys)
        .get_prototype_of(trap_get_prototype_of)
        .set_prototype_of(|_, _, _| Ok(JsValue::new(false)))
        .prevent_extensions(|_, _, _| Ok(JsValue::new(false)))
        .build(context);
    context.enter_realm(previous);
    let proxy: JsObject = built?.into();
    if let Some(w) = state.windows.borrow_mut().get_mut(&viewer) {
        w.proxies.insert(browsing_context, proxy.clone());
    }
    Ok(proxy.into())
}

/// Where a proxy leads now.
enum Resolved {
    /// The active window lives in this agent and is same origin-domain with the viewer.
    SameOrigin(JsObject),
    /// Cross-origin, in another agent, or no active window.
    CrossOrigin,
}

fn target_of(args: &[JsValue]) -> JsResult<ProxyTarget> {
    arg(args, 0)
        .as_object()
        .and_then(|o| o.downcast_ref::<ProxyTarget>().map(|t| *t))
        .ok_or_else(|| type_error("not a WindowProxy"))
}

/// IsPlatformObjectSameOrigin, on the browsing context's active window.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#isplatformobjectsameorigin-(-o-)>
fn resolve(state: &AgentState, target: ProxyTarget) -> Resolved {
    let Some(active) = state.ua.active_window(target.browsing_context) else {
        return Resolved::CrossOrigin;
    };
    let windows = state.windows.borrow();
    let (Some(viewer), Some(active)) = (windows.get(&target.viewer), windows.get(&active)) else {
        return Resolved::CrossOrigin;
    };
    if viewer.origin().is_same_origin_domain(&active.origin()) {
        Resolved::SameOrigin(active.global.clone())
    } else {
        Resolved::CrossOrigin
    }
}

fn security_error(context: &mut Context, key: &PropertyKey) -> boa_engine::JsError {
    dom_exception::throw(
        context,
        "SecurityError",
        &format!("Blocked a frame from accessing a cross-origin property \"{key}\"."),
    )
}

fn array_index(key: &PropertyKey) -> Option<u32> {
    match key {
        PropertyKey::Index(i) => Some(i.get()),
        _ => None,
    }
}

/// The child browsing context at `index` (document-tree order), if any.
fn child_at(state: &AgentState, bc: BrowsingContextId, index: u32) -> Option<BrowsingContextId> {
    state
        .ua
        .with_tree(|tree| tree.children(bc).get(index as usize).copied())
}

/// CrossOriginGet, for the properties a cross-origin WindowProxy exposes.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginget-(-o,-p,-receiver-)>
fn cross_origin_get(
    state: &Rc<AgentState>,
    context: &mut Context,
    target: ProxyTarget,
    key: &PropertyKey,
) -> JsResult<Option<JsValue>> {
    let bc = target.browsing_context;
    if let Some(index) = array_index(key) {
        return match child_at(state, bc, index) {
            Some(child) => Ok(Some(window_proxy_for(
                state,
                context,
                target.viewer,
                child,
            )?)),
            None => Ok(None),
        };
    }
    let PropertyKey::String(name) = key else {
        return Ok(None);
    };
    let name = name.to_std_string_escaped();
    let value = match name.as_str() {
        "window" | "self" | "frames" => window_proxy_for(state, context, target.viewer, bc)?,
        "parent" => {
            let parent = state.ua.with_tree(|t| t.parent(bc)).unwrap_or(bc);
            window_proxy_for(state, context, target.viewer, parent)?
        }
        "top" => {
            let top = state.ua.with_tree(|t| t.top(bc)).unwrap_or(bc);
            window_proxy_for(state, context, target.viewer, top)?
        }
        "length" => JsValue::new(state.ua.with_tree(|t| t.children(bc).len()) as u32),
        "closed" => JsValue::new(window_open::is_closed(state, bc)),
        "opener" => window_open::opener_window_proxy(state, context, target.viewer, bc)?,
        "postMessage" | "close" | "focus" | "blur" => {
            cross_origin_function(state, context, target, &name)?
        }
        "location" => cross_origin_location(state, context, target)?,
        // The document-tree child navigable target name property set.
        // TODO(spec): only names of children whose active document is same origin with the
        // WindowProxy's window, or that match their container's name attribute.
        _ => match state.ua.with_tree(|t| t.child_by_name(bc, &name)) {
            Some(child) => window_proxy_for(state, context, target.viewer, child)?,
            None => return Ok(None),
        },
    };
    Ok(Some(value))
}

/// The viewer-realm cross-origin Location of the browsing context, the same object every
/// time.
fn cross_origin_location(
    state: &Rc<AgentState>,
    context: &mut Context,
    target: ProxyTarget,
) -> JsResult<JsValue> {
    let key = (target.browsing_context, "location");
    if let Some(location) = state
        .windows
        .borrow()
        .get(&target.viewer)
        .and_then(|w| w.cross_origin_functions.get(&key).cloned())
    {
        return Ok(location.into());
    }
    let location = location::cross_origin_location(context, target.browsing_context)?;
    if let Some(w) = state.windows.borrow_mut().get_mut(&target.viewer) {
        w.cross_origin_functions.insert(key, location.clone());
    }
    Ok(location.into())
}

/// The viewer-realm function for a cross-origin method, the same object every time.
fn cross_origin_function(
    state: &Rc<AgentState>,
    context: &mut Context,
    target: ProxyTarget,
    name: &str,
) -> JsResult<JsValue> {
    let key: &'static str = match name {
        "postMessage" => "postMessage",
        "close" => "close",
        "focus" => "focus",
        _ => "blur",
    };
    if let Some(f) = state.windows.borrow().get(&target.viewer).and_then(|w| {
        w.cross_origin_functions
            .get(&(target.browsing_context, key))
            .cloned()
    }) {
        return Ok(f.into());
    }
    let bc = target.browsing_context;
    let body = match key {
        "postMessage" => NativeFunction::from_copy_closure(move |_, args, context| {
            post_message::post_message_to_browsing_context(context, bc, args)
        }),
        "close" => NativeFunction::from_copy_closure(move |_, _, context| {
            window_open::window_close(context, bc)
        }),
        // TODO(spec): focus/blur (there is no focus); they do nothing.
        _ => NativeFunction::from_fn_ptr(|_, _, _| Ok(JsValue::undefined())),
    };
    let length = if key == "postMessage" { 1 } else { 0 };
    let f = function(context, key, length, body);
    if let Some(w) = state.windows.borrow_mut().get_mut(&target.viewer) {
        w.cross_origin_functions.insert((bc, key), f.clone());
    }
    Ok(f.into())
}

/// Whether `key` is one of the Window's own accessors that return a WindowProxy (`window`,
/// `self`, `frames`, `parent`, `top`, `opener`) and the page has not replaced it.
fn is_window_proxy_accessor(global: &JsObject, key: &PropertyKey) -> bool {
    let PropertyKey::String(name) = key else {
        return false;
    };
    if !["window", "self", "frames", "parent", "top", "opener"]
        .iter()
        .any(|n| name == &JsString::from(*n))
    {
        return false;
    }
    // A [Replaceable] attribute that a script assigned is a data property now.
    let descriptor = global.borrow().properties().get(key);
    descriptor.is_some_and(|d| d.is_accessor_descriptor())
}

/// CrossOriginPropertyFallback: `then`, @@toStringTag, @@hasInstance and
/// @@isConcatSpreadable read as undefined instead of throwing.
fn is_fallback_key(key: &PropertyKey) -> bool {
    match key {
        PropertyKey::String(s) => s == &js_string!("then"),
        PropertyKey::Symbol(s) => {
            s == &JsSymbol::to_string_tag()
                || s == &JsSymbol::has_instance()
                || s == &JsSymbol::is_concat_spreadable()
        }
        PropertyKey::Index(_) => false,
    }
}

fn trap_get(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = target_of(args)?;
    let key = arg(args, 1).to_property_key(context)?;
    let state = AgentState::of(context)?;
    match resolve(&state, target) {
        Resolved::SameOrigin(global) => {
            if let Some(index) = array_index(&key)
                && let Some(child) = child_at(&state, target.browsing_context, index)
            {
                return window_proxy_for(&state, context, target.viewer, child);
            }
            // The properties whose value is a WindowProxy are answered in the viewer's realm,
            // so that every path to a browsing context gives the viewer the same object
            // (`iframe.contentWindow.parent === window`).
            if is_window_proxy_accessor(&global, &key)
                && let Some(value) = cross_origin_get(&state, context, target, &key)?
            {
                return Ok(value);
            }
            global.get(key, context)
        }
        Resolved::CrossOrigin => match cross_origin_get(&state, context, target, &key)? {
            Some(value) => Ok(value),
            None if is_fallback_key(&key) => Ok(JsValue::undefined()),
            None => Err(security_error(context, &key)),
        },
    }
}

fn trap_set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = target_of(args)?;
    let key = arg(args, 1).to_property_key(context)?;
    let state = AgentState::of(context)?;
    match resolve(&state, target) {
        Resolved::SameOrigin(global) => {
            let done = global.set(key, arg(args, 2), false, context)?;
            Ok(JsValue::new(done))
        }
        // CrossOriginSet: `location` (its setter navigates) is the only settable
        // cross-origin property.
        Resolved::CrossOrigin if key == PropertyKey::from(js_string!("location")) => {
            location::cross_origin_set_location(context, target.browsing_context, &arg(args, 2))?;
            Ok(JsValue::new(true))
        }
        Resolved::CrossOrigin => Err(security_error(context, &key)),
    }
}

fn trap_has(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = target_of(args)?;
    let key = arg(args, 1).to_property_key(context)?;
    let state = AgentState::of(context)?;
    match resolve(&state, target) {
        Resolved::SameOrigin(global) => Ok(JsValue::new(global.has_property(key, context)?)),
        Resolved::CrossOrigin => {
            if cross_origin_get(&state, context, target, &key)?.is_some() {
                return Ok(JsValue::new(true));
            }
            Err(security_error(context, &key))
        }
    }
}

fn trap_get_own_property_descriptor(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let target = target_of(args)?;
    let key_value = arg(args, 1);
    let key = key_value.to_property_key(context)?;
    let state = AgentState::of(context)?;
    match resolve(&state, target) {
        Resolved::SameOrigin(global) => {
            let get_own = RealmData::of_current_realm(context)?
                .get_own_property_descriptor
                .clone();
            let descriptor =
                get_own.call(&JsValue::undefined(), &[global.into(), key_value], context)?;
            // [[GetOwnProperty]] step 2.5: report every property as configurable, so the
            // proxy invariants hold.
            if let Some(d) = descriptor.as_object() {
                d.set(js_string!("configurable"), true, false, context)?;
            }
            Ok(descriptor)
        }
        Resolved::CrossOrigin => match cross_origin_get(&state, context, target, &key)? {
            Some(value) => {
                let descriptor = JsObject::with_object_proto(context.intrinsics());
                descriptor.set(js_string!("value"), value, false, context)?;
                descriptor.set(js_string!("writable"), false, false, context)?;
                descriptor.set(js_string!("enumerable"), false, false, context)?;
                descriptor.set(js_string!("configurable"), true, false, context)?;
                Ok(descriptor.into())
            }
            None if is_fallback_key(&key) => Ok(JsValue::undefined()),
            None => Err(security_error(context, &key)),
        },
    }
}

fn trap_define_property(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = target_of(args)?;
    let key = arg(args, 1).to_property_key(context)?;
    let state = AgentState::of(context)?;
    match resolve(&state, target) {
        Resolved::SameOrigin(global) => {
            let descriptor = arg(args, 2).to_property_descriptor(context)?;
            Ok(JsValue::new(
                global.define_property_or_throw(key, descriptor, context)?,
            ))
        }
        Resolved::CrossOrigin => Err(security_error(context, &key)),
    }
}

fn trap_delete_property(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = target_of(args)?;
    let key = arg(args, 1).to_property_key(context)?;
    let state = AgentState::of(context)?;
    match resolve(&state, target) {
        Resolved::SameOrigin(global) => {
            Ok(JsValue::new(global.delete_property_or_throw(key, context)?))
        }
        Resolved::CrossOrigin => Err(security_error(context, &key)),
    }
}

fn trap_own_keys(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = target_of(args)?;
    let state = AgentState::of(context)?;
    let children = state
        .ua
        .with_tree(|t| t.children(target.browsing_context).len());
    let mut keys: Vec<JsValue> = (0..children)
        .map(|i| JsString::from(i.to_string().as_str()).into())
        .collect();
    match resolve(&state, target) {
        Resolved::SameOrigin(global) => {
            for key in global.own_property_keys(context)? {
                if array_index(&key).is_some() {
                    continue;
                }
                keys.push(match key {
                    PropertyKey::String(s) => s.into(),
                    PropertyKey::Symbol(s) => s.into(),
                    PropertyKey::Index(i) => JsString::from(i.get().to_string().as_str()).into(),
                });
            }
        }
        Resolved::CrossOrigin => {
            for name in CROSS_ORIGIN_PROPERTIES.iter().chain(["postMessage"].iter()) {
                keys.push(JsString::from(*name).into());
            }
            for symbol in [
                JsSymbol::to_string_tag(),
                JsSymbol::has_instance(),
                JsSymbol::is_concat_spreadable(),
            ] {
                keys.push(symbol.into());
            }
        }
    }
    Ok(JsArray::from_iter(keys, context).into())
}

fn trap_get_prototype_of(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let target = target_of(args)?;
    let state = AgentState::of(context)?;
    match resolve(&state, target) {
        Resolved::SameOrigin(global) => Ok(global
            .prototype()
            .map(JsValue::from)
            .unwrap_or_else(JsValue::null)),
        Resolved::CrossOrigin => Ok(JsValue::null()),
    }
}
