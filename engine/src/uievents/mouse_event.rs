//! The `MouseEvent` interface (what `click()` fires, and what makes a `click` an activation
//! event).
//!
//! Spec: <https://w3c.github.io/uievents/#interface-mouseevent>

use boa_engine::{Context, JsError, JsObject, JsResult, JsValue, js_string};

use crate::dom::event::{Event, EventState, constructor_state};
use crate::uievents::ui_event::{UiEventFields, ui_event_init, with_ui_event};
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};

/// A readonly attribute of MouseEvent answered by [`get_member`] for `$member`.
macro_rules! member {
    ($name:literal, $member:expr) => {
        Attribute::readonly($name, {
            fn get(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
                get_member(this, context, $member)
            }
            get
        })
    };
}
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface MouseEvent : UIEvent`: what scripts see.
///
/// Spec: <https://w3c.github.io/uievents/#interface-mouseevent>
// TODO(spec): getModifierState() and initMouseEvent().
pub(crate) const MOUSE_EVENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "MouseEvent",
    inherits: Some("UIEvent"),
    constructor: Some(Constructor {
        length: 1,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        member!("screenX", Member::ScreenX),
        member!("screenY", Member::ScreenY),
        member!("clientX", Member::ClientX),
        member!("clientY", Member::ClientY),
        member!("ctrlKey", Member::CtrlKey),
        member!("shiftKey", Member::ShiftKey),
        member!("altKey", Member::AltKey),
        member!("metaKey", Member::MetaKey),
        member!("button", Member::Button),
        member!("buttons", Member::Buttons),
        Attribute::readonly("relatedTarget", get_related_target),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// A MouseEvent's own members.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct MouseFields {
    screen: (i32, i32),
    client: (i32, i32),
    /// ctrlKey, shiftKey, altKey, metaKey.
    modifiers: [bool; 4],
    button: i16,
    buttons: u16,
}

/// A readonly member of MouseEvent.
#[derive(Clone, Copy)]
enum Member {
    ScreenX,
    ScreenY,
    ClientX,
    ClientY,
    CtrlKey,
    ShiftKey,
    AltKey,
    MetaKey,
    Button,
    Buttons,
}

fn get_member(this: &JsValue, _: &mut Context, member: Member) -> JsResult<JsValue> {
    let fields = with_ui_event(this, "MouseEvent", |e| e.mouse)?;
    let Some(m) = fields else {
        return Err(not_a_mouse_event());
    };
    Ok(match member {
        Member::ScreenX => JsValue::new(m.screen.0),
        Member::ScreenY => JsValue::new(m.screen.1),
        Member::ClientX => JsValue::new(m.client.0),
        Member::ClientY => JsValue::new(m.client.1),
        Member::CtrlKey => JsValue::new(m.modifiers[0]),
        Member::ShiftKey => JsValue::new(m.modifiers[1]),
        Member::AltKey => JsValue::new(m.modifiers[2]),
        Member::MetaKey => JsValue::new(m.modifiers[3]),
        Member::Button => JsValue::new(m.button),
        Member::Buttons => JsValue::new(m.buttons),
    })
}

fn not_a_mouse_event() -> JsError {
    type_error("'this' is not a MouseEvent")
}

fn get_related_target(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_ui_event(this, "MouseEvent", |e| {
        e.mouse.map(|_| e.related_target.clone())
    })?
    .ok_or_else(not_a_mouse_event)
}

/// Whether `event` is a MouseEvent object (what makes a `click` an activation event).
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-dispatch> (isActivationEvent)
pub(crate) fn is_mouse_event(event: &JsValue) -> bool {
    with_ui_event(event, "MouseEvent", |e| e.mouse.is_some()).unwrap_or(false)
}

/// An integer member of a dictionary (0 when absent), converted as Web IDL's `long`.
fn long_member(dict: &JsObject, name: &str, context: &mut Context) -> JsResult<i32> {
    let value = dict.get(js_string!(name), context)?;
    if value.is_undefined() {
        Ok(0)
    } else {
        value.to_i32(context)
    }
}

/// A boolean member of a dictionary (false when absent).
fn boolean_member(dict: &JsObject, name: &str, context: &mut Context) -> JsResult<bool> {
    Ok(dict.get(js_string!(name), context)?.to_boolean())
}

/// `new MouseEvent(type, eventInitDict)`: EventInit's, UIEventInit's, EventModifierInit's
/// and MouseEventInit's members.
///
/// Spec: <https://w3c.github.io/uievents/#dom-mouseevent-mouseevent>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "MouseEvent")?;
    let (state, init) = constructor_state("MouseEvent", 1, args, context)?;
    let mut fields = ui_event_init(&init, context)?;
    let mut mouse = MouseFields::default();
    if let Some(dict) = init.as_object() {
        // (Inherited dictionaries' members first, each dictionary's in lexicographic order.)
        mouse.modifiers = [
            boolean_member(&dict, "ctrlKey", context)?,
            boolean_member(&dict, "shiftKey", context)?,
            boolean_member(&dict, "altKey", context)?,
            boolean_member(&dict, "metaKey", context)?,
        ];
        // (`short button`, `unsigned short buttons`: modulo conversions.)
        mouse.button = long_member(&dict, "button", context)? as i16;
        mouse.buttons = long_member(&dict, "buttons", context)? as u16;
        mouse.client = (
            long_member(&dict, "clientX", context)?,
            long_member(&dict, "clientY", context)?,
        );
        let related = dict.get(js_string!("relatedTarget"), context)?;
        fields.related_target = if related.is_undefined() {
            JsValue::null()
        } else {
            related
        };
        mouse.screen = (
            long_member(&dict, "screenX", context)?,
            long_member(&dict, "screenY", context)?,
        );
    }
    fields.mouse = Some(mouse);
    let event = Event {
        state,
        detail: Some(Box::new(fields)),
    };
    Ok(create_an_object_implementing(context, "MouseEvent", Some(&new_target), event)?.into())
}

/// A new MouseEvent of the current realm with `state` and `view` (for "fire a synthetic
/// pointer event").
pub(crate) fn create_mouse_event(
    context: &mut Context,
    state: EventState,
    view: JsValue,
) -> JsResult<JsObject> {
    let fields = UiEventFields {
        view,
        detail: 0,
        mouse: Some(MouseFields::default()),
        related_target: JsValue::null(),
    };
    create_an_object_implementing(
        context,
        "MouseEvent",
        None,
        Event {
            state,
            detail: Some(Box::new(fields)),
        },
    )
}

/// Installs `MouseEvent` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &MOUSE_EVENT)?;
    Ok(())
}
