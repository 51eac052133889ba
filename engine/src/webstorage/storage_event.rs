//! The `StorageEvent` interface, and firing it at the windows that see a storage change.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#the-storageevent-interface>

use std::any::Any;
use std::rc::Rc;

use boa_engine::{Context, Finalize, JsObject, JsResult, JsString, JsValue, Trace, js_string};

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::agent::tasks::StorageChange;
use crate::dom::event::{Event, EventDetail, constructor_state, create_trusted_event, with_detail};
use crate::dom::event_target::dispatch;
use crate::html::scripting::script;
use crate::webidl::conversions::{to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};
use crate::webstorage::storage::{storage_object_of_current_realm, window_sees};

/// `interface StorageEvent : Event`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#the-storageevent-interface>
pub(crate) const STORAGE_EVENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "StorageEvent",
    inherits: Some("Event"),
    constructor: Some(Constructor {
        length: 1,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        Attribute::readonly("key", get_key),
        Attribute::readonly("oldValue", get_old_value),
        Attribute::readonly("newValue", get_new_value),
        Attribute::readonly("url", get_url),
        Attribute::readonly("storageArea", get_storage_area),
    ],
    // TODO(spec): the legacy initStorageEvent().
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// What a StorageEvent adds to an event.
#[derive(Trace, Finalize, Default)]
pub(crate) struct StorageFields {
    key: JsValue,
    old_value: JsValue,
    new_value: JsValue,
    url: JsValue,
    storage_area: JsValue,
}

impl EventDetail for StorageFields {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn with_this<R>(this: &JsValue, f: impl FnOnce(&StorageFields) -> R) -> JsResult<R> {
    with_detail(this, "StorageEvent", f)
}

fn get_key(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |e| e.key.clone())
}

fn get_old_value(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |e| e.old_value.clone())
}

fn get_new_value(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |e| e.new_value.clone())
}

fn get_url(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |e| e.url.clone())
}

fn get_storage_area(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |e| e.storage_area.clone())
}

/// A `DOMString?` dictionary member (default null).
fn nullable_string(dict: &JsObject, name: JsString, context: &mut Context) -> JsResult<JsValue> {
    let value = dict.get(name, context)?;
    if value.is_null_or_undefined() {
        return Ok(JsValue::null());
    }
    Ok(JsString::from(to_dom_string(&value, context)?.as_str()).into())
}

/// `new StorageEvent(type, eventInitDict)`.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-constructor>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "StorageEvent")?;
    // EventInit's members first, then StorageEventInit's in lexicographic order: key,
    // newValue, oldValue, storageArea, url.
    let (state, init) = constructor_state("StorageEvent", 1, args, context)?;
    let mut fields = StorageFields {
        key: JsValue::null(),
        old_value: JsValue::null(),
        new_value: JsValue::null(),
        url: js_string!().into(),
        storage_area: JsValue::null(),
    };
    if let Some(dict) = init.as_object() {
        fields.key = nullable_string(&dict, js_string!("key"), context)?;
        fields.new_value = nullable_string(&dict, js_string!("newValue"), context)?;
        fields.old_value = nullable_string(&dict, js_string!("oldValue"), context)?;
        let area = dict.get(js_string!("storageArea"), context)?;
        // `Storage? storageArea = null`.
        // Deviation: any object is accepted as a Storage (the proxies scripts hold are
        // recognised by identity only by the Storage methods).
        if !area.is_null_or_undefined() && !area.is_object() {
            return Err(type_error(
                "Failed to construct 'StorageEvent': member storageArea is not of type 'Storage'.",
            ));
        }
        fields.storage_area = if area.is_undefined() {
            JsValue::null()
        } else {
            area
        };
        let url = dict.get(js_string!("url"), context)?;
        if !url.is_undefined() {
            fields.url = JsString::from(to_dom_string(&url, context)?.as_str()).into();
        }
    }
    let event = Event {
        state,
        detail: Some(Box::new(fields)),
    };
    Ok(create_an_object_implementing(context, "StorageEvent", Some(&new_target), event)?.into())
}

/// Registers `StorageEvent` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &STORAGE_EVENT)?;
    Ok(())
}

/// In this agent, fires `storage` at each window (but the one that made `change`) whose
/// Storage of that type uses the same storage key (step 4 of broadcast: the queued task).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webstorage.html#concept-storage-broadcast>
pub(crate) fn fire_storage_events(
    state: &Rc<AgentState>,
    context: &mut Context,
    change: &StorageChange,
) {
    let windows: Vec<_> = state.windows.borrow().keys().copied().collect();
    for window in windows {
        if window == change.source || !window_sees(state, window, &change.storage_key) {
            continue;
        }
        let Some(realm) = state.windows.borrow().get(&window).map(|w| w.realm.clone()) else {
            continue;
        };
        let previous = context.enter_realm(realm);
        // Deviation: the spec's remoteStorages are the Storage objects made so far, so a
        // window whose script never read `localStorage` would get no event; browsers fire
        // at it all the same (whatwg/html#10135), and so does Postern, making its Storage
        // object now as the getter would.
        let area = match storage_object_of_current_realm(context, &change.storage_key) {
            Ok(area) => area,
            Err(error) => {
                context.enter_realm(previous);
                script::report_the_exception(state, context, Some(window), &error);
                continue;
            }
        };
        let string = |v: &Option<String>| -> JsValue {
            v.as_deref()
                .map_or_else(JsValue::null, |s| JsString::from(s).into())
        };
        let fields = StorageFields {
            key: string(&change.key),
            old_value: string(&change.old_value),
            new_value: string(&change.new_value),
            url: JsString::from(change.url.as_str()).into(),
            storage_area: area,
        };
        // Fire an event named storage at remoteStorage's relevant global object, using
        // StorageEvent, with key, oldValue, newValue, url and storageArea initialized.
        let result = create_trusted_event(
            context,
            "StorageEvent",
            "storage",
            (false, false),
            Some(Box::new(fields)),
        )
        .and_then(|event| dispatch(state, context, window, EventTargetKey::Window, &event));
        context.enter_realm(previous);
        if let Err(error) = result {
            script::report_the_exception(state, context, Some(window), &error);
        }
    }
}
