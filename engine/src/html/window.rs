//! The Window interface's own members: `window`, `self`, `frames`, `parent`, `top`,
//! `length`, `postMessage`, `onmessage`, `queueMicrotask`, `location`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use boa_engine::{Context, JsObject, JsResult, JsValue, NativeFunction, js_string};
use postern_dom::{BrowsingContextId, Document, Origin};
use url::Url;

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventListeners;
use crate::agent::map_of_active_timers::ActiveTimers;
use crate::agent::realm_data::RealmData;
use crate::agent::user_agent::WindowEntry;
use crate::agent::window::{LoadState, Window};
use crate::dom::event_target::define_event_handler;
use crate::dom::wrappers;
use crate::embedder::error::EngineError;
use crate::html;
use crate::html::location;
use crate::html::scripting::environments;
use crate::html::web_messaging::post_message;
use crate::html::window_proxy;
use crate::ids::WindowId;
use crate::webidl::conversions::{arg, define_accessor, define_method, type_error};

fn global_of(context: &Context, window: WindowId) -> JsResult<JsValue> {
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

/// `frameElement`: the iframe that contains this window's browsing context, when its
/// document is same origin-domain with the current window's; otherwise null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-frameelement>
fn frame_element(context: &mut Context, window: WindowId) -> JsResult<JsValue> {
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
    let viewer = RealmData::of_current_realm(context)?.window;
    if !state.same_origin_domain(viewer, parent.window) {
        return Ok(JsValue::null());
    }
    // 6. Return container.
    wrappers::node_value(context, parent.window, Some(element))
}

/// The `origin` getter of WindowOrWorkerGlobalScope.
///
/// <https://html.spec.whatwg.org/multipage/webappapis.html#dom-origin>
fn origin(context: &Context, window: WindowId) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    // The origin getter steps are to return this's relevant settings object's origin,
    // serialized. (The settings object's origin is its document's.)
    let serialized = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.origin().ascii_serialization())
        .unwrap_or_else(|| "null".to_owned());
    Ok(JsValue::new(boa_engine::JsString::from(
        serialized.as_str(),
    )))
}

/// The setter of `origin`, a `[Replaceable]` attribute: the value replaces the accessor.
///
/// <https://webidl.spec.whatwg.org/#dfn-attribute-setter>
fn replace_origin(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1. If no arguments were passed, then throw a TypeError.
    // 2. Let V be the value of the first argument passed.
    let Some(value) = args.first() else {
        return Err(type_error("the origin setter needs an argument"));
    };
    // 3. Let id be attribute's identifier. 4. Let idlObject be null.
    // 5. If attribute is a regular attribute:
    //    1. Let jsValue be the this value, if it is not null or undefined, or realm's global
    //       object otherwise.
    let js_value = if this.is_null_or_undefined() {
        context.global_object()
    } else {
        match this.as_object() {
            Some(object) => object.clone(),
            // 3.-4. (A primitive does not implement Window: validThis is false.)
            None => return Err(type_error("origin: this is not a Window")),
        }
    };
    //    2. If jsValue is a platform object, then perform a security check.
    //    3. Let validThis be true if jsValue implements target, or false otherwise.
    //    4. If validThis is false, then throw a TypeError.
    // Deviation: any object is taken as implementing Window (no security check): a Window
    // is reached here as its global object or as a WindowProxy, which are not told apart
    // from other objects yet. The value only ever becomes an own data property of it.
    //    5. If attribute is declared with the [Replaceable] extended attribute, then:
    //       1. Perform ? CreateDataPropertyOrThrow(jsValue, id, V).
    js_value.create_data_property_or_throw(js_string!("origin"), value.clone(), context)?;
    //       2. Return undefined.
    Ok(JsValue::undefined())
}

/// The `crossOriginIsolated` getter of WindowOrWorkerGlobalScope.
///
/// <https://html.spec.whatwg.org/multipage/webappapis.html#dom-crossoriginisolated>
fn cross_origin_isolated(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // The crossOriginIsolated getter steps are to return this's relevant settings object's
    // cross-origin isolated capability.
    Ok(JsValue::new(
        environments::cross_origin_isolated_capability(),
    ))
}

/// `parent` and `top`: the WindowProxy of a browsing context related to this window's.
fn related(context: &mut Context, window: WindowId, top: bool) -> JsResult<JsValue> {
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

/// Defines the Window's members on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    // Deviation: no Window.prototype; its @@toStringTag ("Window") sits on the global itself.
    global.define_property_or_throw(
        boa_engine::JsSymbol::to_string_tag(),
        boa_engine::property::PropertyDescriptor::builder()
            .value(js_string!("Window"))
            .writable(false)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    // Deviation: `window`, `self` and `frames` return the global object, not a WindowProxy
    // (a window's own WindowProxy, wherever it is reached from in its own realm, is its global:
    // see `window_proxy::window_proxy_for`).
    for name in ["window", "self", "frames"] {
        define_accessor(
            context,
            global,
            name,
            NativeFunction::from_copy_closure(move |_, _, context| global_of(context, window)),
            None,
        )?;
    }
    define_accessor(
        context,
        global,
        "frameElement",
        NativeFunction::from_copy_closure(move |_, _, context| frame_element(context, window)),
        None,
    )?;
    define_accessor(
        context,
        global,
        "origin",
        NativeFunction::from_copy_closure(move |_, _, context| origin(context, window)),
        Some(NativeFunction::from_fn_ptr(replace_origin)),
    )?;
    define_accessor(
        context,
        global,
        "crossOriginIsolated",
        NativeFunction::from_fn_ptr(cross_origin_isolated),
        None,
    )?;
    define_accessor(
        context,
        global,
        "parent",
        NativeFunction::from_copy_closure(move |_, _, context| related(context, window, false)),
        None,
    )?;
    define_accessor(
        context,
        global,
        "top",
        NativeFunction::from_copy_closure(move |_, _, context| related(context, window, true)),
        None,
    )?;
    define_accessor(
        context,
        global,
        "length",
        NativeFunction::from_copy_closure(move |_, _, context| {
            let state = AgentState::of(context)?;
            let length = state
                .browsing_context_of(window)
                .map(|bc| state.ua.with_tree(|t| t.children(bc).len()))
                .unwrap_or(0);
            Ok(JsValue::new(length as u32))
        }),
        None,
    )?;
    define_method(
        context,
        global,
        "postMessage",
        1,
        NativeFunction::from_copy_closure(move |_, args, context| {
            post_message::post_message_to_window(context, window, args)
        }),
    )?;
    for type_ in ["message", "messageerror", "load", "error"] {
        define_event_handler(context, global, type_)?;
    }
    define_method(
        context,
        global,
        "queueMicrotask",
        1,
        NativeFunction::from_fn_ptr(queue_microtask),
    )?;
    let location = location::create_location(context, window)?;
    define_accessor(
        context,
        global,
        "location",
        NativeFunction::from_copy_closure_with_captures(
            |_, _, location: &JsObject, _| Ok(location.clone().into()),
            location,
        ),
        Some(NativeFunction::from_copy_closure(
            move |_, args, context| {
                location::put_forwards_href(context, window, &arg(args, 0))?;
                Ok(JsValue::undefined())
            },
        )),
    )?;
    Ok(())
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

    let document = Rc::new(RefCell::new(Document::new(url, origin)));
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
            load: LoadState::default(),
        },
    );
    state.ua.register_window(
        id,
        WindowEntry {
            agent: state.id,
            browsing_context,
            document: document_id,
        },
    );
    Ok(id)
}
