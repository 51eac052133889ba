//! The Window interface's own members: `window`, `self`, `location`, `frames`, `length`,
//! `top`, `parent`, `frameElement`, `status`, `postMessage`, its event handlers, and the
//! WindowOrWorkerGlobalScope members `origin`, `crossOriginIsolated` and `queueMicrotask`.
//! The other members are declared by the files of their chapters (`window_open.rs`,
//! `timers.rs`, ...), as the specifications' `partial interface Window`s are.
//!
//! The members act on their checked `this` (`webidl::brand`: a WindowProxy stands for its
//! Window), so a getter or method taken from one window and called on another acts on the
//! other.
//!
//! The Window at the interface layer; its engine-side state (document, realm, listeners,
//! timers) is the same concept one layer down, `agent/window.rs`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace};
use boa_gc::GcRefCell;
use postern_dom::{BrowsingContextId, Document, Origin};
use url::Url;

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventListeners;
use crate::agent::map_of_active_timers::ActiveTimers;
use crate::agent::realm_data::{RealmData, WindowObject};
use crate::agent::user_agent::WindowEntry;
use crate::agent::window::{LoadState, Window};
use crate::dom::wrappers;
use crate::embedder::error::EngineError;
use crate::html;
use crate::html::location;
use crate::html::scripting::environments;
use crate::html::scripting::event_handler_mixins::{GLOBAL_EVENT_HANDLERS, WINDOW_EVENT_HANDLERS};
use crate::html::web_messaging::post_message;
use crate::html::window_named_properties;
use crate::html::window_or_worker_global_scope;
use crate::html::window_proxy;
use crate::ids::{IdMap, WindowId};
use crate::webidl::brand::{Member, MemberKind, illegal_invocation, register_exotic_this_hook};
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::{define_global_members, install_interface};

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
        // attribute DOMString status;
        Attribute::read_write("status", get_status, set_status),
        // WindowOrWorkerGlobalScope: [Replaceable] readonly attribute USVString origin;
        Attribute::replaceable("origin", get_origin),
        // WindowOrWorkerGlobalScope: readonly attribute boolean crossOriginIsolated;
        Attribute::readonly("crossOriginIsolated", get_cross_origin_isolated),
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
    mixins: &[GLOBAL_EVENT_HANDLERS, WINDOW_EVENT_HANDLERS],
};

/// `window`, `self` and `frames`: the Window's WindowProxy.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window>
fn get_window(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let state = AgentState::of(context)?;
    window_proxy::window_proxy_of_window(&state, context, window)
}

/// The Window's status string, kept in its realm's host-defined slot (the empty string when
/// the Window is created: no entry yet).
#[derive(Trace, Finalize, JsData)]
struct WindowStatus(GcRefCell<String>);

/// `status`: the last string it was set to (the empty string when the Window is created).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-status>
fn get_status(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let realm = RealmData::realm_of_this(this, context)?;
    let status = realm
        .host_defined()
        .get::<WindowStatus>()
        .map(|status| status.0.borrow().clone())
        .unwrap_or_default();
    Ok(JsString::from(status).into())
}

/// `status = value`: sets the string.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-status>
fn set_status(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let realm = RealmData::realm_of_this(this, context)?;
    let value = to_dom_string(&arg(args, 0), context)?;
    let mut host_defined = realm.host_defined_mut();
    match host_defined.get::<WindowStatus>() {
        Some(status) => *status.0.borrow_mut() = value,
        None => {
            host_defined.insert(WindowStatus(GcRefCell::new(value)));
        }
    }
    Ok(JsValue::undefined())
}

/// `location`: the Window's Location object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location>
fn get_location(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let state = AgentState::of(context)?;
    let realm = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.realm.clone())
        .ok_or_else(|| type_error("the window is gone"))?;
    // The Location object is kept in its Window's realm.
    let previous = context.enter_realm(realm);
    let location = location::location_of_current_realm(context);
    context.enter_realm(previous);
    Ok(location?.into())
}

/// `window.location = value`: `[PutForwards=href]` sets the Location's `href`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location>
fn put_forwards_href(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    location::put_forwards_href(context, window, &arg(args, 0))?;
    Ok(JsValue::undefined())
}

/// `length`: the number of document-tree child navigables.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-length>
fn get_length(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let state = AgentState::of(context)?;
    let length = state
        .browsing_context_of(window)
        .map(|bc| window_proxy::document_tree_child_navigables(&state, bc).len())
        .unwrap_or(0);
    Ok(JsValue::new(length as u32))
}

/// `top`: the WindowProxy of the top-level browsing context.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-top>
fn get_top(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(this, context, true)
}

/// `parent`: the WindowProxy of the parent browsing context (or this one's, at the top).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-parent>
fn get_parent(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    related(this, context, false)
}

/// `parent` and `top`: the WindowProxy of a browsing context related to this window's.
fn related(this: &JsValue, context: &mut Context, top: bool) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
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
    // The WindowProxy as the current realm sees it (the realm the value is returned to).
    let viewer = RealmData::window_of_current_realm(context)?;
    match related {
        Some(related) => window_proxy::window_proxy_for(&state, context, viewer, related),
        None => Ok(JsValue::null()),
    }
}

/// `frameElement`: the iframe that contains this window's browsing context, when its
/// document is same origin-domain with the current window's; otherwise null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-frameelement>
fn get_frame_element(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
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
    let viewer = RealmData::window_of_current_realm(context)?;
    if !state.same_origin_domain(viewer, parent.window) {
        return Ok(JsValue::null());
    }
    // 6. Return container.
    wrappers::node_value(context, parent.window, Some(element))
}

/// The `origin` getter of WindowOrWorkerGlobalScope.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#dom-origin>
fn get_origin(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let state = AgentState::of(context)?;
    // The origin getter steps are to return this's relevant settings object's origin,
    // serialized. (The settings object's origin is its document's.)
    let serialized = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.origin_serialization());
    Ok(JsValue::new(JsString::from(
        serialized.as_deref().unwrap_or("null"),
    )))
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
fn post_message(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // A Window of another agent, or a WindowProxy whose browsing context is gone, is reached
    // as its WindowProxy (see `window_this`).
    if let Some(WindowObject::Proxy(bc)) = this
        .as_object()
        .and_then(|object| RealmData::window_object(&object, context))
    {
        return post_message::post_message_to_browsing_context(context, bc, args);
    }
    let window = RealmData::window_of_this(this, context)?;
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
    // The callback's callback context: the incumbent settings object now.
    let callback_context = environments::incumbent_window(context).ok();
    let realm = context.realm().clone();
    let job = boa_engine::job::GenericJob::new(
        move |context| {
            // Invoke callback (prepare to run a callback with its callback context).
            // Deviation: an exception propagates to the microtask runner, which reports it.
            environments::with_callback_context(context, callback_context, |context| {
                callback.call(&JsValue::undefined(), &[], context)
            })
        },
        realm,
    );
    context.enqueue_job(boa_engine::job::Job::GenericJob(job));
    Ok(JsValue::undefined())
}

/// The interfaces a Window implements (its members are `partial interface Window`s, all named
/// `Window`).
const WINDOW_INTERFACES: [&str; 2] = ["Window", "EventTarget"];

/// The Window's entries of CrossOriginProperties: (property, [[NeedsGet]], [[NeedsSet]]); a
/// method has neither.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginproperties-(-o-)>
const CROSS_ORIGIN_WINDOW_PROPERTIES: [(&str, bool, bool); 13] = [
    ("window", true, false),
    ("self", true, false),
    ("location", true, true),
    ("close", false, false),
    ("closed", true, false),
    ("focus", false, false),
    ("blur", false, false),
    ("frames", true, false),
    ("length", true, false),
    ("top", true, false),
    ("opener", true, false),
    ("parent", true, false),
    ("postMessage", false, false),
];

/// Whether a member may be used on a Window that is not same origin-domain: steps 1-2 of
/// "perform a security check", for a Window.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#integration-with-idl>
fn is_cross_origin_member(member: &Member) -> bool {
    CROSS_ORIGIN_WINDOW_PROPERTIES
        .iter()
        .any(|(property, needs_get, needs_set)| {
            *property == member.identifier
                && match member.kind {
                    MemberKind::Method => !needs_get && !needs_set,
                    MemberKind::Getter => *needs_get,
                    MemberKind::Setter => *needs_set,
                }
        })
}

/// The HTML part of a member's `this` check (`webidl::brand::ExoticThisHook`): a WindowProxy
/// stands for its [[Window]] (the browsing context's active Window), the security check runs,
/// and a Window must implement the member's interface. `Ok(None)`: `object` is no Window.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#integration-with-idl>
///
/// TODO(spec): the security check of a Location `this` (a Location is an ordinary platform
/// object here, and its steps check same origin-domain themselves, `location.rs`).
fn window_this(
    object: &JsObject,
    member: &Member,
    context: &mut Context,
) -> JsResult<Option<JsValue>> {
    let Some(found) = RealmData::window_object(object, context) else {
        return Ok(None);
    };
    let state = AgentState::of(context)?;
    // A WindowProxy's [[Window]]: its browsing context's active Window (none once the
    // browsing context is gone).
    let window = match found {
        WindowObject::Global(window) => Some(window),
        WindowObject::Proxy(bc) => window_proxy::window_proxy_window(&state, context, bc),
    };
    // The Window's global object, when the Window lives in this agent.
    let global = window.and_then(|w| state.windows.borrow().get(&w).map(|w| w.global.clone()));
    // Perform a security check, passing the Window, the identifier and the member's kind:
    // 1. (It is a Window.) 2. For each e of CrossOriginProperties(platformObject): if
    //    e.[[Property]] is the identifier and e matches the member's kind, then return.
    // 3. If IsPlatformObjectSameOrigin(platformObject) is false, then throw a
    //    "SecurityError" DOMException. (The current settings object is the function's realm's.)
    if !is_cross_origin_member(member) {
        let current = RealmData::window_of_current_realm(context)?;
        let same_origin =
            window.is_some_and(|w| global.is_some() && state.same_origin_domain(current, w));
        if !same_origin {
            return Err(dom_exception::throw(
                context,
                "SecurityError",
                &format!(
                    "Blocked a frame from accessing a cross-origin property \"{}\".",
                    member.identifier
                ),
            ));
        }
    }
    // If esValue does not implement the interface target, throw a TypeError.
    if !member
        .interface
        .is_some_and(|interface| WINDOW_INTERFACES.contains(&interface))
    {
        return Err(illegal_invocation(member));
    }
    // The steps act on the Window's global object; a Window of another agent (or none) is
    // reached through its WindowProxy, which the cross-origin members' steps take as `this`.
    Ok(Some(match global {
        Some(global) => global.into(),
        None => object.clone().into(),
    }))
}

/// `interface Window : EventTarget`: the interface object and Window.prototype. Window is
/// `[Global]`, so its regular members are not on the prototype but on the global object itself
/// ([`WINDOW_MEMBERS`] and the other chapters' `partial interface Window`s).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>,
/// <https://webidl.spec.whatwg.org/#Global>
pub(crate) const WINDOW: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: Some("EventTarget"),
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// Installs `Window` (with the named properties object between Window.prototype and
/// EventTarget.prototype) and `Location`, and defines the Window's members of this file on
/// `global` (the global object of `window`'s realm, the current one).
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    let interface = install_interface(context, global, &WINDOW)?;
    // The global's [[Prototype]] is Window.prototype, whose [[Prototype]] is the Window's
    // named properties object (`WindowProperties`), whose [[Prototype]] is
    // EventTarget.prototype.
    let event_target_prototype = interface.prototype.prototype();
    let named_properties = window_named_properties::create_named_properties_object(
        context,
        event_target_prototype,
        window,
    )?;
    register_exotic_this_hook(window_this);
    interface.prototype.set_prototype(Some(named_properties));
    global.set_prototype(Some(interface.prototype.clone()));
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
    let secure_context =
        window_or_worker_global_scope::is_secure_context(state, browsing_context, &url);
    // Create a new realm with a Window global object, whose global this binding is the
    // browsing context's WindowProxy.
    window_proxy::prepare_global_this(state, context, browsing_context)
        .map_err(|e| EngineError::Setup(e.to_string()))?;
    let realm = context.create_realm();
    let _ = window_proxy::take_global_this();
    let realm = realm.map_err(|e| EngineError::Setup(e.to_string()))?;
    let previous = context.enter_realm(realm.clone());
    let installed = (|| {
        let data = RealmData::capture(id, context)?;
        realm.host_defined_mut().insert(data);
        html::install_window_globals(context, id, secure_context)
    })();
    let global = context.global_object();
    context.enter_realm(previous);
    installed.map_err(|e| EngineError::Setup(e.to_string()))?;

    let document = Rc::new(RefCell::new(Document::new(url.clone(), origin.clone())));
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
            cross_origin_descriptors: HashMap::new(),
            wrappers: IdMap::default(),
            event_targets: IdMap::default(),
            load: LoadState::default(),
            click_in_progress: Default::default(),
            firing_submission_events: Default::default(),
            origin_serialization: OnceCell::new(),
        },
    );
    state.ua.register_window(
        id,
        WindowEntry {
            agent: state.id,
            browsing_context,
            document: document_id,
            url,
            origin: Arc::new(origin),
        },
    );
    Ok(id)
}
