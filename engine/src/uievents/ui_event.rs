//! The `UIEvent` interface.
//!
//! Spec: <https://w3c.github.io/uievents/#interface-uievent>

use std::any::Any;

use boa_engine::{Context, Finalize, JsObject, JsResult, JsValue, Trace, js_string};

use crate::dom::event::{Event, EventDetail, constructor_state, with_detail};
use crate::uievents::mouse_event::MouseFields;
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface UIEvent : Event`: what scripts see.
///
/// Spec: <https://w3c.github.io/uievents/#interface-uievent>
pub(crate) const UI_EVENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "UIEvent",
    inherits: Some("Event"),
    constructor: Some(Constructor {
        length: 1,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        // readonly attribute Window? view;
        Attribute::readonly("view", get_view),
        // readonly attribute long detail;
        Attribute::readonly("detail", get_detail),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// What a UIEvent (and a MouseEvent, which inherits from it) adds to an event.
#[derive(Trace, Finalize, Default)]
pub(crate) struct UiEventFields {
    /// `view`: a WindowProxy or null.
    pub view: JsValue,
    /// `detail`.
    #[unsafe_ignore_trace]
    pub detail: i32,
    /// A MouseEvent's own members (`None` for a plain UIEvent).
    #[unsafe_ignore_trace]
    pub mouse: Option<MouseFields>,
    /// A MouseEvent's `relatedTarget` (null for a plain UIEvent).
    pub related_target: JsValue,
}

impl EventDetail for UiEventFields {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Runs `f` on the UIEvent fields of `this` (a UIEvent or a MouseEvent).
pub(crate) fn with_ui_event<R>(
    this: &JsValue,
    interface: &str,
    f: impl FnOnce(&UiEventFields) -> R,
) -> JsResult<R> {
    with_detail(this, interface, f)
}

fn get_view(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_ui_event(this, "UIEvent", |e| e.view.clone())
}

fn get_detail(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_ui_event(this, "UIEvent", |e| JsValue::new(e.detail))
}

/// UIEventInit's members (`view`, `detail`), read from the constructor's dictionary.
///
/// Spec: <https://w3c.github.io/uievents/#idl-uieventinit>
pub(crate) fn ui_event_init(init: &JsValue, context: &mut Context) -> JsResult<UiEventFields> {
    let Some(dict) = init.as_object() else {
        return Ok(UiEventFields {
            view: JsValue::null(),
            related_target: JsValue::null(),
            ..UiEventFields::default()
        });
    };
    // (Dictionary members in lexicographic order: detail, then view.)
    let detail = dict.get(js_string!("detail"), context)?;
    let detail = if detail.is_undefined() {
        0
    } else {
        detail.to_i32(context)?
    };
    let view = dict.get(js_string!("view"), context)?;
    // `Window? view = null`: null, undefined or a Window (a WindowProxy here).
    // Deviation: any object is accepted as the Window (there is no brand check for a
    // WindowProxy of another agent).
    let view = match view {
        v if v.is_null_or_undefined() => JsValue::null(),
        v if v.is_object() => v,
        _ => {
            return Err(type_error(
                "Failed to construct 'UIEvent': member view is not of type Window.",
            ));
        }
    };
    Ok(UiEventFields {
        view,
        detail,
        mouse: None,
        related_target: JsValue::null(),
    })
}

/// `new UIEvent(type, eventInitDict)`.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-constructor>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "UIEvent")?;
    let (state, init) = constructor_state("UIEvent", 1, args, context)?;
    let fields = ui_event_init(&init, context)?;
    let event = Event {
        state,
        detail: Some(Box::new(fields)),
    };
    Ok(create_an_object_implementing(context, "UIEvent", Some(&new_target), event)?.into())
}

/// Installs `UIEvent` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &UI_EVENT)?;
    Ok(())
}
