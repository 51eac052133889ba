//! The WindowProxy exotic object: one per browsing context in an agent, forwarding to the
//! browsing context's active Window, same origin or cross origin.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-windowproxy-exotic-object>
//!
//! boa lets an embedder make an exotic object only as a Proxy: a WindowProxy is a boa Proxy
//! whose target is an empty, extensible object carrying [`ProxyTarget`], and whose traps are
//! the WindowProxy's internal methods (below, one function each). The same object is the
//! Window's `window`/`self`/`frames`, its realm's global `this` and `globalThis` (through
//! `HostHooks::create_global_this`), `parent`/`top`/`opener`/`contentWindow`/`event.source`
//! and the indices of other windows: see [`window_proxy_object`]. Remote windows (in other
//! agents) get one WindowProxy per agent, as every browsing context does.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use boa_engine::property::PropertyKey;
use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace};

use crate::agent::AgentState;
use crate::agent::window::WindowProxyCache;
use crate::html::cross_origin::exotic::build_exotic_proxy;
use crate::html::cross_origin::helper::{CrossOriginObject, Role};
use crate::html::focus;
use crate::html::location;
use crate::html::web_messaging::post_message;
use crate::html::window_open;
use crate::ids::{BrowsingContextId, WindowId};
use crate::webidl::conversions::{arg, type_error};

mod children;
mod internal_methods;
mod traps;

pub(crate) use crate::html::window_proxy::children::{
    child_of_container, document_tree_child_navigables, named_child,
};

/// What a WindowProxy's target carries: its browsing context, and the [[Window]] it last
/// forwarded to.
#[derive(Debug, Trace, Finalize, JsData)]
struct ProxyTarget {
    #[unsafe_ignore_trace]
    browsing_context: BrowsingContextId,
    #[unsafe_ignore_trace]
    window: Cell<Option<WindowId>>,
}

thread_local! {
    /// The WindowProxy the next realm created on this thread takes as its global `this`
    /// (set by [`prepare_global_this`] just before `Context::create_realm`).
    static NEXT_GLOBAL_THIS: RefCell<Option<JsObject>> = const { RefCell::new(None) };
}

/// The WindowProxy of `browsing_context` (the same object whichever window asks).
pub(crate) fn window_proxy_for(
    state: &Rc<AgentState>,
    context: &mut Context,
    _viewer: WindowId,
    browsing_context: BrowsingContextId,
) -> JsResult<JsValue> {
    Ok(window_proxy_object(state, context, browsing_context)?.into())
}

/// The WindowProxy of `window`'s browsing context: what scripts see for the Window.
pub(crate) fn window_proxy_of_window(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
) -> JsResult<JsValue> {
    match state.browsing_context_of(window) {
        Some(bc) => window_proxy_for(state, context, window, bc),
        None => Ok(JsValue::null()),
    }
}

/// The agent's WindowProxy of `browsing_context`, created (in the current realm) the first
/// time it is needed.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#browsing-context>
/// (a browsing context has a WindowProxy object)
pub(crate) fn window_proxy_object(
    state: &AgentState,
    context: &mut Context,
    browsing_context: BrowsingContextId,
) -> JsResult<JsObject> {
    if context.get_data::<WindowProxyCache>().is_none() {
        context.insert_data(WindowProxyCache::default());
    }
    if let Some(cache) = context.get_data::<WindowProxyCache>()
        && let Some(proxy) = cache.proxies.borrow().get(&browsing_context).cloned()
    {
        // [[Window]] follows the browsing context's active window: recorded whenever the
        // proxy is handed out, so that it still reaches that Window once the browsing
        // context is discarded (an iframe removed right after `contentWindow` was read).
        if let Some(active) = state.ua.active_window(browsing_context)
            && let Some(target) = cache.targets.borrow().get(&browsing_context)
            && let Some(data) = target.downcast_ref::<ProxyTarget>()
        {
            data.window.set(Some(active));
        }
        return Ok(proxy);
    }
    let target = JsObject::from_proto_and_data(
        None,
        ProxyTarget {
            browsing_context,
            window: Cell::new(state.ua.active_window(browsing_context)),
        },
    );
    let proxy = build_exotic_proxy::<WindowProxy>(target.clone(), context)?;
    if let Some(cache) = context.get_data::<WindowProxyCache>() {
        cache
            .proxies
            .borrow_mut()
            .insert(browsing_context, proxy.clone());
        cache.targets.borrow_mut().insert(browsing_context, target);
    }
    Ok(proxy)
}

/// The [[Window]] of this agent's WindowProxy of `browsing_context`: the browsing context's
/// active window, else (it is discarded) the Window it last forwarded to.
pub(crate) fn window_proxy_window(
    state: &AgentState,
    context: &Context,
    browsing_context: BrowsingContextId,
) -> Option<WindowId> {
    state.ua.active_window(browsing_context).or_else(|| {
        let cache = context.get_data::<WindowProxyCache>()?;
        let targets = cache.targets.borrow();
        let target = targets.get(&browsing_context)?;
        let data = target.downcast_ref::<ProxyTarget>()?;
        data.window.get()
    })
}

/// Makes the WindowProxy of `browsing_context` the global `this` of the next realm created
/// (the realm of its new Window): `HostHooks::create_global_this` takes it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#creating-a-new-javascript-realm>
/// (the global this binding is the browsing context's WindowProxy)
pub(crate) fn prepare_global_this(
    state: &AgentState,
    context: &mut Context,
    browsing_context: BrowsingContextId,
) -> JsResult<()> {
    let proxy = window_proxy_object(state, context, browsing_context)?;
    NEXT_GLOBAL_THIS.with(|next| *next.borrow_mut() = Some(proxy));
    Ok(())
}

/// The global `this` prepared for the realm being created (`None`: the global object).
pub(crate) fn take_global_this() -> Option<JsObject> {
    NEXT_GLOBAL_THIS.with(|next| next.borrow_mut().take())
}

/// A WindowProxy's state, read from its target: the browsing context, and its [[Window]]
/// (the browsing context's active window, else the last one).
#[derive(Clone, Debug)]
pub(super) struct WindowProxy {
    pub(super) browsing_context: BrowsingContextId,
    /// [[Window]]: the browsing context's active window, else (the browsing context is
    /// discarded) the Window it last forwarded to, which stays reachable.
    pub(super) window: Option<WindowId>,
    /// The proxy's target (where non-configurable properties defined through it are kept).
    pub(super) target: JsObject,
}

pub(super) fn window_proxy_of(state: &AgentState, args: &[JsValue]) -> JsResult<WindowProxy> {
    let target = arg(args, 0)
        .as_object()
        .ok_or_else(|| type_error("not a WindowProxy"))?;
    let (browsing_context, window) = {
        let data = target
            .downcast_ref::<ProxyTarget>()
            .ok_or_else(|| type_error("not a WindowProxy"))?;
        let active = state.ua.active_window(data.browsing_context);
        if active.is_some() {
            data.window.set(active);
        }
        (data.browsing_context, data.window.get())
    };
    Ok(WindowProxy {
        browsing_context,
        window,
        target,
    })
}

/// The global object of the WindowProxy's [[Window]], when it lives in this agent.
pub(super) fn global_of(state: &AgentState, window: Option<WindowId>) -> Option<JsObject> {
    let window = window?;
    state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.global.clone())
}

pub(super) fn array_index(key: &PropertyKey) -> Option<u32> {
    match key {
        PropertyKey::Index(i) => Some(i.get()),
        _ => None,
    }
}

/// The steps of a cross-origin Window member (the functions CrossOriginGetOwnPropertyHelper
/// makes for a Window): each is the IDL member's, on the Window `object`.
pub(crate) fn cross_origin_window_steps(
    object: CrossOriginObject,
    property: &'static str,
    role: Role,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    let bc = object.browsing_context;
    let proxy = |context: &mut Context, bc| -> JsResult<JsValue> {
        Ok(window_proxy_object(&state, context, bc)?.into())
    };
    match (property, role) {
        ("window" | "self" | "frames", Role::Getter) => proxy(context, bc),
        ("location", Role::Getter) => {
            Ok(location::location_of_window(&state, context, object.window, bc)?.into())
        }
        ("location", Role::Setter) => {
            location::cross_origin_set_location(context, bc, &arg(args, 0))?;
            Ok(JsValue::undefined())
        }
        ("closed", Role::Getter) => Ok(JsValue::new(window_open::is_closed(&state, bc))),
        ("length", Role::Getter) => Ok(JsValue::new(
            document_tree_child_navigables(&state, bc).len() as u32,
        )),
        ("top", Role::Getter) => {
            let top = state.ua.with_tree(|t| t.top(bc)).unwrap_or(bc);
            proxy(context, top)
        }
        ("parent", Role::Getter) => {
            let parent = state.ua.with_tree(|t| t.parent(bc)).unwrap_or(bc);
            proxy(context, parent)
        }
        ("opener", Role::Getter) => {
            window_open::opener_window_proxy(&state, context, object.window, bc)
        }
        ("postMessage", Role::Method) => {
            post_message::post_message_to_browsing_context(context, bc, args)
        }
        ("close", Role::Method) => window_open::window_close(context, bc),
        ("focus", Role::Method) => {
            focus::window_focus_steps(&state, bc);
            Ok(JsValue::undefined())
        }
        // The blur() method steps are to do nothing.
        ("blur", Role::Method) => Ok(JsValue::undefined()),
        _ => Err(type_error("Illegal invocation")),
    }
}
