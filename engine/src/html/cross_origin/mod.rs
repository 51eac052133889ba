//! Cross-origin objects: the abstract operations the WindowProxy and Location exotic objects
//! share — CrossOriginProperties, CrossOriginPropertyFallback, IsPlatformObjectSameOrigin,
//! CrossOriginGetOwnPropertyHelper (with the cross-origin property descriptor map),
//! CrossOriginGet, CrossOriginSet and CrossOriginOwnPropertyKeys.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#cross-origin-objects>
//!
//! The "current settings object" of these algorithms is the realm of the script that is
//! running (boa runs a native function, a proxy trap included, in the function's own realm,
//! so the caller's realm is found as the realm of the active script: see [`current`]).

pub(crate) mod exotic;
pub(crate) mod helper;
pub(crate) mod ordinary;

use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::realm::Realm;
use boa_engine::vm::ActiveRunnable;
use boa_engine::{Context, JsError, JsResult, JsString, JsSymbol, JsValue, js_string};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::agent::window::CrossOriginObjectKey;
use crate::ids::WindowId;
use crate::webidl::dom_exception;

/// One entry of CrossOriginProperties: a property name, and whether it is a method (neither
/// [[NeedsGet]] nor [[NeedsSet]]) or an accessor (which of the two it needs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CrossOriginProperty {
    /// [[Property]].
    pub property: &'static str,
    /// [[NeedsGet]] and [[NeedsSet]], or `None` for a method.
    pub accessor: Option<(bool, bool)>,
    /// The `length` of the method (for a method only).
    pub length: usize,
}

const fn method(property: &'static str, length: usize) -> CrossOriginProperty {
    CrossOriginProperty {
        property,
        accessor: None,
        length,
    }
}

const fn accessor(property: &'static str, get: bool, set: bool) -> CrossOriginProperty {
    CrossOriginProperty {
        property,
        accessor: Some((get, set)),
        length: 0,
    }
}

/// CrossOriginProperties of a Location object.
const LOCATION_PROPERTIES: [CrossOriginProperty; 2] =
    [accessor("href", false, true), method("replace", 1)];

/// CrossOriginProperties of a Window object.
const WINDOW_PROPERTIES: [CrossOriginProperty; 13] = [
    accessor("window", true, false),
    accessor("self", true, false),
    accessor("location", true, true),
    method("close", 0),
    accessor("closed", true, false),
    method("focus", 0),
    method("blur", 0),
    accessor("frames", true, false),
    accessor("length", true, false),
    accessor("top", true, false),
    accessor("opener", true, false),
    accessor("parent", true, false),
    method("postMessage", 1),
];

/// Which kind of platform object a cross-origin algorithm is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Window,
    Location,
}

/// CrossOriginProperties(O).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginproperties-(-o-)>
pub(crate) fn cross_origin_properties(kind: Kind) -> &'static [CrossOriginProperty] {
    // 1. Assert: O is a Location or Window object.
    match kind {
        // 2. If O is a Location object, then return « { [[Property]]: "href",
        //    [[NeedsGet]]: false, [[NeedsSet]]: true }, { [[Property]]: "replace" } ».
        Kind::Location => &LOCATION_PROPERTIES,
        // 3. Return « { [[Property]]: "window", [[NeedsGet]]: true, [[NeedsSet]]: false },
        //    ... { [[Property]]: "postMessage" } ».
        Kind::Window => &WINDOW_PROPERTIES,
    }
}

/// The entry of CrossOriginProperties(O) for `key`, if any.
pub(crate) fn cross_origin_property(
    kind: Kind,
    key: &PropertyKey,
) -> Option<&'static CrossOriginProperty> {
    let PropertyKey::String(name) = key else {
        return None;
    };
    // (Compared in place: making a JsString of each entry's name cost an allocation per
    // entry on every cross-origin `[[Get]]`.)
    cross_origin_properties(kind)
        .iter()
        .find(|e| *name == *e.property)
}

/// Whether `key` is one of "then", @@toStringTag, @@hasInstance and @@isConcatSpreadable.
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

/// CrossOriginPropertyFallback(P).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginpropertyfallback-(-p-)>
pub(crate) fn cross_origin_property_fallback(
    context: &mut Context,
    key: &PropertyKey,
) -> JsResult<PropertyDescriptor> {
    // 1. If P is "then", @@toStringTag, @@hasInstance, or @@isConcatSpreadable, then return
    //    PropertyDescriptor{ [[Value]]: undefined, [[Writable]]: false, [[Enumerable]]: false,
    //    [[Configurable]]: true }.
    if is_fallback_key(key) {
        return Ok(PropertyDescriptor::builder()
            .value(JsValue::undefined())
            .writable(false)
            .enumerable(false)
            .configurable(true)
            .build());
    }
    // 2. Throw a "SecurityError" DOMException.
    Err(security_error(context, key))
}

/// CrossOriginOwnPropertyKeys(O).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginownpropertykeys-(-o-)>
pub(crate) fn cross_origin_own_property_keys(kind: Kind) -> Vec<PropertyKey> {
    // 1. Let keys be a new empty List.
    // 2. For each e of CrossOriginProperties(O), append e.[[Property]] to keys.
    let mut keys: Vec<PropertyKey> = cross_origin_properties(kind)
        .iter()
        .map(|e| PropertyKey::from(JsString::from(e.property)))
        .collect();
    // 3. Return the concatenation of keys and « "then", @@toStringTag, @@hasInstance,
    //    @@isConcatSpreadable ».
    keys.push(js_string!("then").into());
    keys.push(JsSymbol::to_string_tag().into());
    keys.push(JsSymbol::has_instance().into());
    keys.push(JsSymbol::is_concat_spreadable().into());
    keys
}

/// The current settings object: the window and realm of the running script.
#[derive(Clone)]
pub(crate) struct Current {
    /// Its global's Window.
    pub window: WindowId,
    /// Its realm (the current realm).
    pub realm: Realm,
}

/// The current settings object, found as the realm of the active script (the topmost script
/// or module on the execution context stack); `None` when no script runs (the engine itself
/// reads the object).
///
/// Deviation: the realm of the active script stands in for the current realm, because boa
/// enters a native function's (a proxy trap's) own realm to run it; they differ only when a
/// built-in of one realm is handed a cross-origin object by script of another.
pub(crate) fn current(context: &Context) -> Option<Current> {
    let realm = match context.get_active_script_or_module()? {
        ActiveRunnable::Script(script) => script.realm().clone(),
        ActiveRunnable::Module(module) => module.realm().clone(),
    };
    let window = realm.host_defined().get::<RealmData>()?.window;
    Some(Current { window, realm })
}

/// Runs `steps` in the current realm (so what they create and throw belongs to it).
pub(crate) fn in_current_realm<R>(
    context: &mut Context,
    current: Option<&Current>,
    steps: impl FnOnce(&mut Context) -> JsResult<R>,
) -> JsResult<R> {
    let Some(current) = current else {
        return steps(context);
    };
    let previous = context.enter_realm(current.realm.clone());
    let result = steps(context);
    context.enter_realm(previous);
    result
}

/// IsPlatformObjectSameOrigin(O), for a platform object whose relevant global is `window`
/// (`None`: a Window of another agent, or none at all).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#isplatformobjectsameorigin-(-o-)>
pub(crate) fn is_platform_object_same_origin(
    state: &AgentState,
    current: Option<&Current>,
    window: Option<WindowId>,
) -> bool {
    let Some(window) = window else {
        return false;
    };
    // The engine's own reads (no script running) see every object of this agent.
    let Some(current) = current else {
        return state.windows.borrow().contains_key(&window);
    };
    // 1. Return true if the current settings object's origin is same origin-domain with O's
    //    relevant settings object's origin, and false otherwise. (Windows of other agents are
    //    of other sites: never same origin-domain.)
    current.window == window || state.same_origin_domain(current.window, window)
}

/// A "SecurityError" DOMException for a cross-origin access to `key`.
pub(crate) fn security_error(context: &mut Context, key: &PropertyKey) -> JsError {
    dom_exception::throw(
        context,
        "SecurityError",
        &format!("Blocked a frame from accessing a cross-origin property \"{key}\"."),
    )
}

/// The key of the cross-origin property descriptor map for an object of `kind` whose
/// relevant global is `window`.
pub(crate) fn object_key(kind: Kind, window: WindowId) -> CrossOriginObjectKey {
    match kind {
        Kind::Window => CrossOriginObjectKey::Window(window),
        Kind::Location => CrossOriginObjectKey::Location(window),
    }
}

/// FromPropertyDescriptor(Desc): the object a proxy trap returns for a descriptor (undefined
/// for none).
///
/// Spec: <https://tc39.es/ecma262/#sec-frompropertydescriptor>
pub(crate) fn from_property_descriptor(
    descriptor: Option<&PropertyDescriptor>,
    context: &mut Context,
) -> JsResult<JsValue> {
    // 1. If Desc is undefined, return undefined.
    let Some(descriptor) = descriptor else {
        return Ok(JsValue::undefined());
    };
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let object = boa_engine::JsObject::with_object_proto(context.intrinsics());
    // 3.-8. Each field that Desc has, as a property of obj.
    if let Some(value) = descriptor.value() {
        object.create_data_property_or_throw(js_string!("value"), value.clone(), context)?;
    }
    if let Some(writable) = descriptor.writable() {
        object.create_data_property_or_throw(js_string!("writable"), writable, context)?;
    }
    if let Some(get) = descriptor.get() {
        object.create_data_property_or_throw(js_string!("get"), get.clone(), context)?;
    }
    if let Some(set) = descriptor.set() {
        object.create_data_property_or_throw(js_string!("set"), set.clone(), context)?;
    }
    if let Some(enumerable) = descriptor.enumerable() {
        object.create_data_property_or_throw(js_string!("enumerable"), enumerable, context)?;
    }
    if let Some(configurable) = descriptor.configurable() {
        object.create_data_property_or_throw(js_string!("configurable"), configurable, context)?;
    }
    // 9. Return obj.
    Ok(object.into())
}

/// A property key as the value an `ownKeys` trap lists.
pub(crate) fn key_value(key: PropertyKey) -> JsValue {
    match key {
        PropertyKey::String(s) => s.into(),
        PropertyKey::Symbol(s) => s.into(),
        PropertyKey::Index(i) => JsString::from(i.get().to_string().as_str()).into(),
    }
}

/// `descriptor` reported as configurable: what the exotic objects report for a property that
/// is not configurable on the object they forward to, so that boa's Proxy invariants (a
/// non-configurable property must exist on the proxy's target) hold.
pub(crate) fn as_configurable(mut descriptor: PropertyDescriptor) -> PropertyDescriptor {
    descriptor.fill_with(PropertyDescriptor::builder().configurable(true).build());
    descriptor
}
