//! The Window interface's own members: `window`, `self`, `location`, `frames`, `length`,
//! `top`, `parent`, `frameElement`, `postMessage`, its event handlers, and the
//! WindowOrWorkerGlobalScope members `origin`, `crossOriginIsolated` and `queueMicrotask`.
//! The other members are declared by the files of their chapters (`window_open.rs`,
//! `timers.rs`, ...), as the specifications' `partial interface Window`s are.
//!
//! The members find their Window as the current realm's: boa runs a native function in the
//! function's own realm, which is the realm of the Window it was installed on (also when it
//! is reached through a WindowProxy, or called from another window's script).
//!
//! The Window at the interface layer; its engine-side state (document, realm, listeners,
//! timers) is the same concept one layer down, `agent/window.rs`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use boa_engine::property::PropertyDescriptor;
use boa_engine::{Context, JsObject, JsResult, JsString, JsSymbol, JsValue, js_string};
use postern_dom::{BrowsingContextId, Document, Origin};
use url::Url;

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventListeners;
use crate::agent::map_of_active_timers::ActiveTimers;
use crate::agent::realm_data::RealmData;
use crate::agent::user_agent::WindowEntry;
use crate::agent::window::{LoadState, Window};
use crate::dom::event_target::event_handler;
use crate::dom::wrappers;
use crate::embedder::error::EngineError;
use crate::html;
use crate::html::html_element::WINDOW_EVENT_HANDLERS;
use crate::html::location;
use crate::html::scripting::environments;
use crate::html::web_messaging::post_message;
use crate::html::window_proxy;
use crate::ids::WindowId;
use crate::webidl::conversions::{arg, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::interface::define_global_members;

/// `interface Window` (the members of this file): what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>
pub(crate) const WINDOW_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[
        // [LegacyUnforgeable] readonly attribute WindowProxy window;
        Attribute::readonly("window", get_window).unforgeable(),
        // [Replaceable] readonly attribute WindowProxy self;
        Attribute::replaceable("self", get_window),
        // [PutForwards=href, LegacyUnforgeable] readonly attribute Location location;
        Attribute::read_write("location", get_location, put_forwards_href).unforgeable(),
        // [Replaceable] readonly attribute WindowProxy frames;
        Attribute::replaceable("frames", get_window),
        // [Replaceable] readonly attribute unsigned long length;
        Attribute::replaceable("length", get_length),
        // [LegacyUnforgeable] readonly attribute WindowProxy? top;
        Attribute::readonly("top", get_top).unforgeable(),
        // [Replaceable] readonly attribute WindowProxy? parent;
        Attribute::replaceable("parent", get_parent),
        // readonly attribute Element? frameElement;
        Attribute::readonly("frameElement", get_frame_element),
        // WindowOrWorkerGlobalScope: [Replaceable] readonly attribute USVString origin;
        Attribute::replaceable("origin", get_origin),
        // WindowOrWorkerGlobalScope: readonly attribute boolean crossOriginIsolated;
        Attribute::readonly("crossOriginIsolated", get_cross_origin_isolated),
        // GlobalEventHandlers
        event_handler!("onload", "load"),
        event_handler!("onerror", "error"),
    ],
    operations: &[
        // undefined postMessage(any message, USVString targetOrigin,
        //                       optional sequence<object> transfer = []);
        // undefined postMessage(any message, optional WindowPostMessageOptions options = {});
        Operation::new("postMessage", 1, post_message),
        // WindowOrWorkerGlobalScope: undefined queueMicrotask(VoidFunction callback);
        Operation::new("queueMicrotask", 1, queue_microtask),
    ],
    static_operations: &[],
    mixins: &[WINDOW_EVENT_HANDLERS],
};

/// `window`, `self` and `frames`: the Window's WindowProxy.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window>
///
/// Deviation: they return the global object, not a WindowProxy (a window's own WindowProxy,
/// wherever it is reached from in its own realm, is its global: see
/// `window_proxy::window_proxy_for`).
fn get_window(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_current_realm(context)?;
    let state = AgentState::of(context)?;
    let global = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.global.clone());
    global
        .map(JsValue::from)
        .ok_or_else(|| type_error("the window is gone"))
}

/// `location`: the Window's Location object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location>
fn get_location(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    Ok(location::location_of_current_realm(context)?.into())
}

/// `window.location = value`: `[PutForwards=href]` sets the Location's `href`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location>
fn put_forwards_href(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_current_realm(context)?;
    location::put_forwards_href(context, window, &arg(args, 0))?;
    Ok(JsValue::undefined())
}

/// `length`: the number of document-tree child navigables.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-length>
fn get_length(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_current_realm(context)?;
    let state = AgentState::of(context)?;
    let length = state
        .browsing_context_of(window)
        .map(|bc| state.ua.with_tree(|t| t.children(bc).len()))
        .unwrap_or(0);
    Ok(JsValue::new(length as u32))
}

/// `top`: the WindowProxy of the top-level browsing context.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-top>
fn get_top(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(context, true)
}

/// `parent`: the WindowProxy of the parent browsing context (or this one's, at the top).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-parent>
fn get_parent(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(context, false)
}

/// `parent` and `top`: the WindowProxy of a browsing context related to this window's.
fn related(context: &mut Context, top: bool) -> JsResult<JsValue> {
    let window = RealmData::window_of_current_realm(context)?;
    let state = AgentState::of(context)?;
    let Some(bc) = state.browsing_context_of(window) else {
        return Ok(JsValue::null());
    };
    // 1. Let navigable be this's navigable. 2. If navigable is null, then return null.
    let related = state.ua.with_tree(|tree| {
        tree.get(bc)?;
        Some(if top {
            tree.top(bc).unwrap_or(bc)
        } else {
            tree.parent(bc).unwrap_or(bc)
        })
    });
    match related {
        Some(related) => window_proxy::window_proxy_for(&state, context, window, related),
        None => Ok(JsValue::null()),
    }
}

/// `frameElement`: the iframe that contains this window's browsing context, when its
/// document is same origin-domain with the current window's; otherwise null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-frameelement>
fn get_frame_element(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_current_realm(context)?;
    let state = AgentState::of(context)?;
    // 1. Let current be this's node navigable.
    // 2. If current is null, then return null.
    let Some(bc) = state.browsing_context_of(window) else {
        return Ok(JsValue::null());
    };
    // 3. Let container be current's container. 4. If container is null, then return null.
    let Some((container_document, element)) = state
        .ua
        .with_tree(|tree| tree.get(bc).and_then(|b| b.container))
    else {
        return Ok(JsValue::null());
    };
    let Some(parent) = state.ua.window_of_document(container_document) else {
        return Ok(JsValue::null());
    };
    // 5. If container's node document's origin is not same origin-domain with the current
    //    settings object's origin, then return null. (A container in another agent is on
    //    another site.)
    // (The current realm is this window's own, so the current settings object is this's.)
    let viewer = window;
    if !state.same_origin_domain(viewer, parent.window) {
        return Ok(JsValue::null());
    }
    // 6. Return container.
    wrappers::node_value(context, parent.window, Some(element))
}

/// The `origin` getter of WindowOrWorkerGlobalScope.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#dom-origin>
fn get_origin(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_current_realm(context)?;
    let state = AgentState::of(context)?;
    // The origin getter steps are to return this's relevant settings object's origin,
    // serialized. (The settings object's origin is its document's.)
    let serialized = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.origin().ascii_serialization())
        .unwrap_or_else(|| "null".to_owned());
    Ok(JsValue::new(JsString::from(serialized.as_str())))
}

/// The `crossOriginIsolated` getter of WindowOrWorkerGlobalScope.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#dom-crossoriginisolated>
fn get_cross_origin_isolated(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // The crossOriginIsolated getter steps are to return this's relevant settings object's
    // cross-origin isolated capability.
    Ok(JsValue::new(
        environments::cross_origin_isolated_capability(),
    ))
}

/// `postMessage(message, targetOrigin, transfer)` / `postMessage(message, options)` on this
/// window.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage>
fn post_message(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_current_realm(context)?;
    post_message::post_message_to_window(context, window, args)
}

/// `queueMicrotask(callback)`: queue a microtask that invokes callback, reporting an
/// exception.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-queuemicrotask>
fn queue_microtask(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let callback = arg(args, 0);
    let Some(callback) = callback.as_callable() else {
        return Err(type_error("queueMicrotask: the callback is not a function"));
    };
    let realm = context.realm().clone();
    let job = boa_engine::job::GenericJob::new(
        move |context| {
            // Deviation: an exception propagates to the microtask runner, which reports it.
            callback.call(&JsValue::undefined(), &[], context)
        },
        realm,
    );
    context.enqueue_job(boa_engine::job::Job::GenericJob(job));
    Ok(JsValue::undefined())
}

/// Installs `Location` and defines the Window's members of this file on `global` (the
/// global object of `window`'s realm, the current one).
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    // Deviation: no Window.prototype; its @@toStringTag ("Window") sits on the global itself.
    global.define_property_or_throw(
        JsSymbol::to_string_tag(),
        PropertyDescriptor::builder()
            .value(js_string!("Window"))
            .writable(false)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    location::install(context, global, window)?;
    define_global_members(context, global, &WINDOW_MEMBERS)
}

/// Create a new Window (and realm) for a new document in `browsing_context`, and make that
/// document the browsing context's active document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#initialise-the-document-object>
/// (the realm part: "create a new realm" with a Window global).
pub(crate) fn create_window(
    state: &Rc<AgentState>,
    context: &mut Context,
    browsing_context: BrowsingContextId,
    url: Url,
    origin: Origin,
) -> Result<WindowId, EngineError> {
    let id = state.ua.next_window_id();
    let document_id = state.ua.next_document_id();
    // Create a new realm with a Window global object.
    let realm = context
        .create_realm()
        .map_err(|e| EngineError::Setup(e.to_string()))?;
    let previous = context.enter_realm(realm.clone());
    let installed = (|| {
        let data = RealmData::capture(id, context)?;
        realm.host_defined_mut().insert(data);
        html::install_window_globals(context, id)
    })();
    let global = context.global_object();
    context.enter_realm(previous);
    installed.map_err(|e| EngineError::Setup(e.to_string()))?;

    let document = Rc::new(RefCell::new(Document::new(url.clone(), origin)));
    state.windows.borrow_mut().insert(
        id,
        Window {
            browsing_context,
            document_id,
            document,
            realm,
            global,
            listeners: EventListeners::default(),
            timers: ActiveTimers::default(),
            time_origin: state.event_loop.borrow().clock().now(),
            proxies: HashMap::new(),
            cross_origin_functions: HashMap::new(),
            wrappers: HashMap::new(),
            event_targets: HashMap::new(),
            load: LoadState::default(),
        },
    );
    state.ua.register_window(
        id,
        WindowEntry {
            agent: state.id,
            browsing_context,
            document: document_id,
            url,
        },
    );
    Ok(id)
}
