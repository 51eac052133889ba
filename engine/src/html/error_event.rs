//! The `ErrorEvent` interface, and the pieces of "report the exception" that build and fire
//! it: extracting error information, and a global's "in error reporting mode".
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#the-errorevent-interface>,
//! <https://html.spec.whatwg.org/multipage/webappapis.html#report-the-exception>

use std::rc::Rc;

use std::any::Any;

use boa_engine::realm::Realm;
use boa_engine::{
    Context, Finalize, JsData, JsError, JsObject, JsResult, JsString, JsValue, Trace, js_string,
};

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::console;
use crate::dom::event::{Event, EventDetail, constructor_state, create_trusted_event, with_detail};
use crate::dom::event_target::dispatch;
use crate::ids::WindowId;
use crate::webidl::conversions::to_dom_string;
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface ErrorEvent : Event`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#the-errorevent-interface>
pub(crate) const ERROR_EVENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "ErrorEvent",
    inherits: Some("Event"),
    constructor: Some(Constructor {
        length: 1,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        Attribute::readonly("message", get_message),
        Attribute::readonly("filename", get_filename),
        Attribute::readonly("lineno", get_lineno),
        Attribute::readonly("colno", get_colno),
        Attribute::readonly("error", get_error),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// An ErrorEvent's own attributes (also "error information", the map "report the exception"
/// builds).
#[derive(Trace, Finalize, Default)]
pub(crate) struct ErrorFields {
    #[unsafe_ignore_trace]
    pub message: String,
    #[unsafe_ignore_trace]
    pub filename: String,
    #[unsafe_ignore_trace]
    pub lineno: u32,
    #[unsafe_ignore_trace]
    pub colno: u32,
    pub error: JsValue,
}

impl EventDetail for ErrorFields {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn with_fields<R>(this: &JsValue, f: impl FnOnce(&ErrorFields) -> R) -> JsResult<R> {
    with_detail(this, "ErrorEvent", f)
}

fn get_message(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_fields(this, |f| JsString::from(f.message.as_str()).into())
}

fn get_filename(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_fields(this, |f| JsString::from(f.filename.as_str()).into())
}

fn get_lineno(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_fields(this, |f| JsValue::new(f.lineno))
}

fn get_colno(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_fields(this, |f| JsValue::new(f.colno))
}

fn get_error(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_fields(this, |f| f.error.clone())
}

/// `new ErrorEvent(type, eventInitDict)`.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-constructor>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "ErrorEvent")?;
    // EventInit's members first, then ErrorEventInit's in lexicographic order; absent
    // members keep their defaults ("", 0, and undefined for error).
    let (state, init) = constructor_state("ErrorEvent", 1, args, context)?;
    let mut fields = ErrorFields::default();
    if let Some(dict) = init.as_object() {
        let colno = dict.get(js_string!("colno"), context)?;
        if !colno.is_undefined() {
            fields.colno = colno.to_u32(context)?;
        }
        fields.error = dict.get(js_string!("error"), context)?;
        let filename = dict.get(js_string!("filename"), context)?;
        if !filename.is_undefined() {
            fields.filename = to_dom_string(&filename, context)?;
        }
        let lineno = dict.get(js_string!("lineno"), context)?;
        if !lineno.is_undefined() {
            fields.lineno = lineno.to_u32(context)?;
        }
        let message = dict.get(js_string!("message"), context)?;
        if !message.is_undefined() {
            fields.message = to_dom_string(&message, context)?;
        }
    }
    let event = Event {
        state,
        detail: Some(Box::new(fields)),
    };
    Ok(create_an_object_implementing(context, "ErrorEvent", Some(&new_target), event)?.into())
}

/// Registers `ErrorEvent` (inheriting from `Event`) in the current realm, and gives the realm
/// its "in error reporting mode" flag.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &ERROR_EVENT)?;
    context
        .realm()
        .host_defined_mut()
        .insert(InErrorReportingMode(false));
    Ok(())
}

/// A global's "in error reporting mode" flag, kept in its realm.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#in-error-reporting-mode>
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct InErrorReportingMode(bool);

/// Whether the global of `realm` is in error reporting mode.
pub(crate) fn in_error_reporting_mode(realm: &Realm) -> bool {
    realm
        .host_defined()
        .get::<InErrorReportingMode>()
        .is_some_and(|m| m.0)
}

/// Sets the "in error reporting mode" flag of the global of `realm`.
pub(crate) fn set_in_error_reporting_mode(realm: &Realm, value: bool) {
    if let Some(mode) = realm.host_defined_mut().get_mut::<InErrorReportingMode>() {
        mode.0 = value;
    }
}

/// Extract error information from `exception`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#extract-error>
pub(crate) fn extract_error_information(
    context: &mut Context,
    exception: &JsError,
    document_url: &str,
) -> ErrorFields {
    // 1. Let attributes be an empty map keyed by IDL attributes.
    // 2. Set attributes[error] to exception. (A native error becomes its JS object once, so
    //    that listeners and the message see the same value.)
    let value = exception.clone().into_opaque(context).ok();
    // 3. Set attributes[message], attributes[filename], attributes[lineno], and
    //    attributes[colno] to implementation-defined values derived from exception.
    // The message is what a console prints for an uncaught exception (as Chromium does).
    let described = match &value {
        Some(value) => console::format_value(context, value, true),
        None => exception.to_string(),
    };
    // Deviation: the script's URL is not known here; the document's URL stands in. The line
    // and column are those boa records (relative to the script's own text), else 0.
    let (lineno, colno) = position_of(exception).unwrap_or((0, 0));
    // 4. Return attributes.
    ErrorFields {
        message: format!("Uncaught {described}"),
        filename: document_url.to_string(),
        lineno,
        colno,
        error: value.unwrap_or_else(JsValue::null),
    }
}

/// The line and column of the innermost script frame of the exception's backtrace, as boa
/// prints them (`    at f (path:line:column)`).
fn position_of(exception: &JsError) -> Option<(u32, u32)> {
    let text = exception.to_string();
    text.lines()
        .filter(|line| line.trim_start().starts_with("at "))
        .find_map(|line| {
            let inner = line.trim_end().strip_suffix(')')?;
            let mut parts = inner.rsplitn(3, ':');
            let column = parts.next()?.parse().ok()?;
            let line = parts.next()?.parse().ok()?;
            Some((line, column))
        })
}

/// Fire an event named `error` at the global of `window`, using ErrorEvent, with the
/// cancelable attribute initialized to true and the other attributes from `info`; returns
/// whether it was not canceled (the caller has entered the window's realm).
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-fire>
pub(crate) fn fire_error_event(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    info: ErrorFields,
) -> JsResult<bool> {
    let event = create_trusted_event(
        context,
        "ErrorEvent",
        "error",
        (false, true),
        Some(Box::new(info)),
    )?;
    dispatch(state, context, window, EventTargetKey::Window, &event)
}

/// If `event` is an ErrorEvent, the arguments an `OnErrorEventHandler` receives: message,
/// filename, lineno, colno, error.
pub(crate) fn on_error_event_handler_arguments(event: &JsValue) -> Option<[JsValue; 5]> {
    with_fields(event, |f| {
        [
            JsString::from(f.message.as_str()).into(),
            JsString::from(f.filename.as_str()).into(),
            JsValue::new(f.lineno),
            JsValue::new(f.colno),
            f.error.clone(),
        ]
    })
    .ok()
}
