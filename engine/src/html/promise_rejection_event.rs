//! The `PromiseRejectionEvent` interface.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#the-promiserejectionevent-interface>

use boa_engine::class::{Class, ClassBuilder};
use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace, js_string};

use crate::dom::event::Event;
use crate::dom::event::{EventState, accessor, event_init, new_state};
use crate::dom::event_target::define_event_handler;
use crate::webidl::conversions::{arg, to_dom_string, type_error};

/// A `PromiseRejectionEvent` object's data.
#[derive(Trace, Finalize, JsData, Default)]
pub(crate) struct PromiseRejectionEvent {
    pub state: EventState,
    pub promise: JsValue,
    pub reason: JsValue,
}

fn with_this<R>(this: &JsValue, f: impl FnOnce(&PromiseRejectionEvent) -> R) -> JsResult<R> {
    this.as_object()
        .and_then(|o| o.downcast_ref::<PromiseRejectionEvent>().map(|e| f(&e)))
        .ok_or_else(|| type_error("'this' is not a PromiseRejectionEvent"))
}

impl Class for PromiseRejectionEvent {
    const NAME: &'static str = "PromiseRejectionEvent";
    const LENGTH: usize = 2;

    fn init(class: &mut ClassBuilder<'_>) -> JsResult<()> {
        accessor(class, "promise", |this, _, _| {
            with_this(this, |e| e.promise.clone())
        });
        accessor(class, "reason", |this, _, _| {
            with_this(this, |e| e.reason.clone())
        });
        Ok(())
    }

    /// `new PromiseRejectionEvent(type, eventInitDict)`: the dictionary and its `promise`
    /// member are required.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-event-constructor>
    fn data_constructor(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<Self> {
        if args.len() < 2 {
            return Err(type_error(
                "PromiseRejectionEvent constructor: 2 arguments required",
            ));
        }
        let type_ = to_dom_string(&arg(args, 0), context)?;
        let init_value = arg(args, 1);
        // EventInit's members first, then PromiseRejectionEventInit's in lexicographic order.
        let init = event_init(&init_value, context)?;
        let (promise, reason) = match init_value.as_object() {
            Some(dict) => (
                dict.get(js_string!("promise"), context)?,
                dict.get(js_string!("reason"), context)?,
            ),
            None => (JsValue::undefined(), JsValue::undefined()),
        };
        // `required object promise`: a TypeError when missing or not an object.
        if !promise.is_object() {
            return Err(type_error(
                "PromiseRejectionEvent constructor: 'promise' must be an object",
            ));
        }
        Ok(PromiseRejectionEvent {
            state: new_state(type_, init),
            promise,
            reason,
        })
    }
}

/// Registers `PromiseRejectionEvent` (inheriting from `Event`) in the current realm, and the
/// global's `onunhandledrejection` and `onrejectionhandled` event handlers.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    context.register_global_class::<PromiseRejectionEvent>()?;
    if let (Some(event), Some(rejection_event)) = (
        context.get_global_class::<Event>(),
        context.get_global_class::<PromiseRejectionEvent>(),
    ) {
        rejection_event
            .prototype()
            .set_prototype(Some(event.prototype()));
        rejection_event
            .constructor()
            .set_prototype(Some(event.constructor()));
    }
    define_event_handler(context, global, "unhandledrejection")?;
    define_event_handler(context, global, "rejectionhandled")
}

/// A new trusted, cancelable `PromiseRejectionEvent` of the current realm.
pub(crate) fn create_promise_rejection_event(
    context: &mut Context,
    type_: &str,
    promise: JsObject,
    reason: JsValue,
) -> JsResult<JsObject> {
    let mut state = new_state(type_.into(), (false, true, false));
    state.is_trusted = true;
    PromiseRejectionEvent::from_data(
        PromiseRejectionEvent {
            state,
            promise: promise.into(),
            reason,
        },
        context,
    )
}
