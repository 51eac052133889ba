//! The `Storage` interface and the Window's `localStorage` and `sessionStorage` attributes.
//!
//! A Storage object scripts see is a boa Proxy over the platform object, so that its named
//! properties (`localStorage.key = "v"`, `delete localStorage.key`, `Object.keys(...)`)
//! follow Web IDL's legacy platform object rules (named getter, setter and deleter, no
//! `[LegacyOverrideBuiltIns]`).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#the-storage-interface>

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace};
use postern_dom::StorageKey;
use postern_event_loop::{Task, TaskSource};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::agent::tasks::{AgentTask, StorageChange, route_task};
use crate::agent::user_agent::lock;
use crate::ids::WindowId;
use crate::webidl::brand::{Member, illegal_invocation, register_exotic_this_hook};
use crate::webidl::conversions::{arg, required_arguments, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::{
    create_an_object_implementing, define_global_members, install_interface,
};
use crate::webidl::legacy_platform_object::{NamedProperties, named_properties_proxy};
use boa_engine::builtins::proxy::Proxy;

/// `interface Storage`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#the-storage-interface>
pub(crate) const STORAGE: InterfaceDeclaration = InterfaceDeclaration {
    name: "Storage",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[Attribute::readonly("length", get_length)],
    operations: &[
        Operation::new("key", 1, key),
        Operation::new("getItem", 1, get_item),
        Operation::new("setItem", 2, set_item),
        Operation::new("removeItem", 1, remove_item),
        Operation::new("clear", 0, clear),
    ],
    static_operations: &[],
    mixins: &[],
};

/// The Window's `sessionStorage` and `localStorage` (WindowSessionStorage and
/// WindowLocalStorage): what scripts see.
pub(crate) const WINDOW_STORAGE_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[
        Attribute::readonly("sessionStorage", get_session_storage),
        Attribute::readonly("localStorage", get_local_storage),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// A Storage object's data: its Window (whose document's storage key it uses) and type.
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct StorageData {
    window: WindowId,
    kind: StorageKind,
}

/// Which of the Window's two storages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StorageKind {
    /// `localStorage`.
    Local,
    /// `sessionStorage`.
    Session,
}

/// The Window's two Storage objects (the proxies scripts see), made when first asked for.
#[derive(Trace, Finalize, JsData, Default)]
struct WindowStorages {
    local: Option<JsObject>,
    session: Option<JsObject>,
}

/// The `this` check's part for the Proxy scripts hold for a Storage object: the proxy
/// itself (the Storage members find the storage behind it), for Storage's members (a
/// TypeError for any other interface's).
fn storage_this(
    object: &JsObject,
    member: &Member,
    context: &mut Context,
) -> JsResult<Option<JsValue>> {
    if !object.is::<Proxy>() {
        return Ok(None);
    }
    let value: JsValue = object.clone().into();
    if this_storage(&value, context).is_err() {
        return Ok(None);
    }
    if member.interface != Some("Storage") {
        return Err(illegal_invocation(member));
    }
    Ok(Some(value))
}

/// Installs `Storage` and the Window's two attributes in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    register_exotic_this_hook(storage_this);
    install_interface(context, global, &STORAGE)?;
    context
        .realm()
        .host_defined_mut()
        .insert(WindowStorages::default());
    define_global_members(context, global, &WINDOW_STORAGE_MEMBERS)
}

/// The storage key of `window`'s Storage of `kind`, or the SecurityError of an opaque
/// origin.
fn storage_key(state: &AgentState, window: WindowId, kind: StorageKind) -> Option<StorageKey> {
    let (origin, browsing_context) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.origin(), w.browsing_context))?;
    // (Obtain a storage key: an opaque origin has none.)
    if origin.is_opaque() {
        return None;
    }
    let origin = origin.ascii_serialization();
    Some(match kind {
        StorageKind::Local => StorageKey::Local(origin),
        StorageKind::Session => {
            // The session storage of the top-level traversable.
            let top = state
                .ua
                .with_tree(|tree| tree.top(browsing_context))
                .unwrap_or(browsing_context);
            StorageKey::Session(top, origin)
        }
    })
}

/// The current realm's Window's Storage object of that type (the same object every time),
/// or a SecurityError for an opaque origin: the steps of the `localStorage` /
/// `sessionStorage` getter, run in the realm of the Window they are for.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#dom-localstorage>,
/// <https://html.spec.whatwg.org/multipage/webstorage.html#dom-sessionstorage>
fn window_storage(context: &mut Context, kind: StorageKind) -> JsResult<JsValue> {
    let window = RealmData::window_of_current_realm(context)?;
    let state = AgentState::of(context)?;
    let cached = {
        let realm = context.realm().clone();
        let host_defined = realm.host_defined();
        let storages = host_defined.get::<WindowStorages>();
        storages.and_then(|s| match kind {
            StorageKind::Local => s.local.clone(),
            StorageKind::Session => s.session.clone(),
        })
    };
    if let Some(storage) = cached {
        return Ok(storage.into());
    }
    // 1-2. If this's associated Document's origin is opaque (obtaining a storage bottle map
    //      fails), throw a "SecurityError" DOMException.
    if storage_key(&state, window, kind).is_none() {
        return Err(dom_exception::throw(
            context,
            "SecurityError",
            "Storage is disabled inside 'data:' URLs and sandboxed documents without allow-same-origin.",
        ));
    }
    // 3. Let storage be a new Storage object whose map is that map.
    let target =
        create_an_object_implementing(context, "Storage", None, StorageData { window, kind })?;
    let proxy = named_properties_proxy::<StorageData>(context, target)?;
    let realm = context.realm().clone();
    if let Some(storages) = realm.host_defined_mut().get_mut::<WindowStorages>() {
        match kind {
            StorageKind::Local => storages.local = Some(proxy.clone()),
            StorageKind::Session => storages.session = Some(proxy.clone()),
        }
    }
    Ok(proxy.into())
}

/// The getter on `this`: its Window's Storage object, kept in (and made in) that Window's
/// realm, whichever realm the getter was called from.
fn this_window_storage(
    this: &JsValue,
    context: &mut Context,
    kind: StorageKind,
) -> JsResult<JsValue> {
    let realm = RealmData::realm_of_this(this, context)?;
    let previous = context.enter_realm(realm);
    let storage = window_storage(context, kind);
    context.enter_realm(previous);
    storage
}

fn get_local_storage(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_window_storage(this, context, StorageKind::Local)
}

fn get_session_storage(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_window_storage(this, context, StorageKind::Session)
}

/// The current realm's Window's Storage object of `key`'s type, made now if script never
/// asked for it (what the `localStorage`/`sessionStorage` getter returns).
pub(crate) fn storage_object_of_current_realm(
    context: &mut Context,
    key: &StorageKey,
) -> JsResult<JsValue> {
    let kind = match key {
        StorageKey::Local(_) => StorageKind::Local,
        StorageKey::Session(..) => StorageKind::Session,
    };
    window_storage(context, kind)
}

/// Whether `window`'s Storage of the type of `key` uses `key`.
pub(crate) fn window_sees(state: &AgentState, window: WindowId, key: &StorageKey) -> bool {
    let kind = match key {
        StorageKey::Local(_) => StorageKind::Local,
        StorageKey::Session(..) => StorageKind::Session,
    };
    storage_key(state, window, kind).as_ref() == Some(key)
}

/// The Storage object behind `this` (the proxy scripts hold, or the platform object
/// itself): its window and type.
fn this_storage(this: &JsValue, context: &Context) -> JsResult<StorageData> {
    let illegal = || type_error("Illegal invocation: 'this' is not a Storage");
    let object = this.as_object().ok_or_else(illegal)?;
    if let Some(data) = object.downcast_ref::<StorageData>() {
        return Ok(*data);
    }
    // A proxy: the Storage object of one of this agent's windows.
    let state = AgentState::of(context)?;
    let windows = state.windows.borrow();
    windows
        .iter()
        .find_map(|(id, w)| {
            let host_defined = w.realm.host_defined();
            let storages = host_defined.get::<WindowStorages>()?;
            let same =
                |p: &Option<JsObject>| p.as_ref().is_some_and(|p| JsObject::equals(p, &object));
            if same(&storages.local) {
                Some(StorageData {
                    window: *id,
                    kind: StorageKind::Local,
                })
            } else if same(&storages.session) {
                Some(StorageData {
                    window: *id,
                    kind: StorageKind::Session,
                })
            } else {
                None
            }
        })
        .ok_or_else(illegal)
}

/// Runs `f` on the storage bottle of `data`'s storage key.
fn with_bottle<R>(
    context: &Context,
    data: StorageData,
    f: impl FnOnce(&mut postern_dom::StorageBottle, &StorageKey) -> R,
) -> JsResult<R> {
    let state = AgentState::of(context)?;
    let key = storage_key(&state, data.window, data.kind)
        .ok_or_else(|| type_error("the storage's document is gone"))?;
    let mut shed = lock(&state.ua.storage);
    Ok(f(
        state.ua.obtain_a_storage_bottle_map(&mut shed, &key),
        &key,
    ))
}

/// `length`: the number of items.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-length>
fn get_length(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = this_storage(this, context)?;
    Ok(JsValue::new(
        with_bottle(context, data, |b, _| b.len())? as f64
    ))
}

/// The DOMString argument `i`, or the TypeError of a missing required one.
fn string_arg(args: &[JsValue], i: usize, method: &str, context: &mut Context) -> JsResult<String> {
    required_arguments(
        args,
        i + 1,
        &format!("Failed to execute '{method}' on 'Storage'"),
    )?;
    to_dom_string(&arg(args, i), context)
}

/// An optional DOMString as a JS value (null for `None`).
fn nullable(value: Option<&str>) -> JsValue {
    value.map_or_else(JsValue::null, |v| JsString::from(v).into())
}

/// `key(index)`: the index-th key, or null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-key>
fn key(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = this_storage(this, context)?;
    required_arguments(args, 1, "Failed to execute 'key' on 'Storage'")?;
    // (unsigned long: ToUint32-like conversion, modulo 2^32.)
    let index = arg(args, 0).to_u32(context)? as usize;
    with_bottle(context, data, |b, _| nullable(b.key(index)))
}

/// `getItem(key)`: the value, or null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-getitem>
fn get_item(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = this_storage(this, context)?;
    let key = string_arg(args, 0, "getItem", context)?;
    with_bottle(context, data, |b, _| nullable(b.get(&key)))
}

/// `setItem(key, value)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-setitem>
fn set_item(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = this_storage(this, context)?;
    let key = string_arg(args, 0, "setItem", context)?;
    let value = string_arg(args, 1, "setItem", context)?;
    set_item_steps(context, data, &key, &value)?;
    Ok(JsValue::undefined())
}

/// The setItem(key, value) method steps.
fn set_item_steps(
    context: &mut Context,
    data: StorageData,
    key: &str,
    value: &str,
) -> JsResult<()> {
    // 1. Let oldValue be null. 2. Let reorder be true.
    // 3. If this's map[key] exists: set oldValue to it; if it equals value, return.
    // 4. Set this's map[key] to value (if that throws, throw a "QuotaExceededError").
    let result = with_bottle(context, data, |b, storage_key| {
        if b.get(key) == Some(value) {
            return Ok(None);
        }
        b.set(key, value)
            .map(|old| Some((old, storage_key.clone())))
    })?;
    match result {
        Ok(None) => Ok(()),
        // 5-6. Broadcast this with key, oldValue, and value.
        Ok(Some((old, storage_key))) => {
            broadcast(
                context,
                data,
                storage_key,
                Some(key),
                old,
                Some(value.to_string()),
            );
            Ok(())
        }
        Err(_) => Err(dom_exception::throw(
            context,
            "QuotaExceededError",
            &format!(
                "Failed to execute 'setItem' on 'Storage': Setting the value of '{key}' exceeded the quota."
            ),
        )),
    }
}

/// `removeItem(key)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-removeitem>
fn remove_item(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = this_storage(this, context)?;
    let key = string_arg(args, 0, "removeItem", context)?;
    remove_item_steps(context, data, &key)?;
    Ok(JsValue::undefined())
}

/// The removeItem(key) method steps: whether there was such an item.
fn remove_item_steps(context: &mut Context, data: StorageData, key: &str) -> JsResult<bool> {
    // 1. If this's map[key] does not exist, then return.
    // 2. Set oldValue to this's map[key]. 3. Remove this's map[key].
    let removed = with_bottle(context, data, |b, storage_key| {
        b.remove(key).map(|old| (old, storage_key.clone()))
    })?;
    // 4. Broadcast this with key, oldValue, and null.
    match removed {
        Some((old, storage_key)) => {
            broadcast(context, data, storage_key, Some(key), Some(old), None);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// `clear()`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-clear>
fn clear(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = this_storage(this, context)?;
    // 1. If this's map is empty, then return. 2. Clear this's map.
    let cleared = with_bottle(context, data, |b, storage_key| {
        b.clear().then(|| storage_key.clone())
    })?;
    // 3. Broadcast this with null, null, and null.
    if let Some(storage_key) = cleared {
        broadcast(context, data, storage_key, None, None, None);
    }
    Ok(JsValue::undefined())
}

/// Broadcast: a task to every agent, each firing `storage` at its windows (but the one that
/// made the change) whose Storage of that type uses the same storage key.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#concept-storage-broadcast>
fn broadcast(
    context: &mut Context,
    data: StorageData,
    storage_key: StorageKey,
    key: Option<&str>,
    old_value: Option<String>,
    new_value: Option<String>,
) {
    let Ok(state) = AgentState::of(context) else {
        return;
    };
    // 1. Let thisDocument be storage's relevant global object's associated Document.
    // 2. Let url be the serialization of thisDocument's URL.
    let Some(url) = state
        .windows
        .borrow()
        .get(&data.window)
        .map(|w| w.url().to_string())
    else {
        return;
    };
    let change = StorageChange {
        storage_key,
        key: key.map(str::to_string),
        old_value,
        new_value,
        url,
        source: data.window,
    };
    // 3. Let remoteStorages be all Storage objects excluding storage whose type is storage's
    //    type, relevant settings object's origin is same origin with storage's, and (for
    //    session storage) whose top-level traversable is the same.
    // 4. For each remoteStorage: queue a global task on the DOM manipulation task source
    //    given remoteStorage's relevant global object to fire an event named storage
    //    (in each agent: `storage_event::fire_storage_events`).
    for agent in state.ua.coordinator.agents() {
        let task = Task::new(
            TaskSource::DomManipulation,
            None,
            AgentTask::StorageChanged(Box::new(change.clone())),
        );
        route_task(&state, agent, task);
    }
}

/// Storage's named properties: the keys of its map.
impl NamedProperties for StorageData {
    const INTERFACE: &'static str = "Storage";
    const OVERRIDE_BUILTINS: bool = false;

    /// The named property getter: getItem's steps.
    fn named_value(&self, context: &mut Context, name: &str) -> JsResult<Option<String>> {
        with_bottle(context, *self, |b, _| b.get(name).map(str::to_string))
    }

    /// The supported property names: the keys of the map, in order.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#the-storage-interface>
    fn supported_property_names(&self, context: &mut Context) -> JsResult<Vec<String>> {
        with_bottle(context, *self, |b, _| {
            b.keys().map(str::to_string).collect()
        })
    }

    /// The named property setter: setItem's steps.
    fn set_named_property(&self, context: &mut Context, name: &str, value: &str) -> JsResult<()> {
        set_item_steps(context, *self, name, value)
    }

    /// The named property deleter: removeItem's steps.
    fn delete_named_property(&self, context: &mut Context, name: &str) -> JsResult<()> {
        remove_item_steps(context, *self, name)?;
        Ok(())
    }
}
