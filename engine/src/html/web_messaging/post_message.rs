//! Cross-document messaging: `window.postMessage()`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#posting-messages>
//!
//! The path of one message: [`post_message_to_window`] (or the cross-origin
//! [`post_message_to_browsing_context`]) converts the arguments →
//! [`window_post_message_steps`] parses the target origin and serializes the message →
//! a [`PostedMessage`] task (plain `Send` data) is queued on the target window's event loop →
//! [`run_posted_message_task`] checks the origin, deserializes in the target realm and fires
//! the `message` event.

use std::rc::Rc;
use std::sync::Arc;

use boa_engine::{Context, JsObject, JsResult, JsValue, js_string};
use postern_clone::SerializedRecord;
use postern_dom::{BrowsingContextId, Origin, origin_of_url};
use postern_event_loop::{Task, TaskSource};

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::agent::tasks;
use crate::agent::tasks::{AgentTask, PostedMessage, Sender, TargetOrigin};
use crate::agent::window::document_key;
use crate::dom::event_target::dispatch;
use crate::embedder::message_trace::{MessageEndpoint, MessageKind, MessageOutcome};
use crate::html::scripting::environments::incumbent_window;
use crate::html::scripting::script;
use crate::html::structured_data::structured_clone;
use crate::html::structured_data::structured_clone::sequence_of_objects;
use crate::html::web_messaging::message_event::{
    MessageFields, create_message_event, delivery_outcome,
};
use crate::html::web_messaging::message_port;
use crate::html::window_proxy;
use crate::ids::WindowId;
use crate::webidl::conversions::LazyFrozenArray;
use crate::webidl::conversions::{arg, to_usv_string, type_error};
use crate::webidl::dom_exception;

/// The arguments of `postMessage` after WebIDL overload resolution.
struct PostMessageArguments {
    message: JsValue,
    target_origin: String,
    transfer: Vec<JsObject>,
}

/// Resolves the two `postMessage` overloads:
/// `postMessage(message, targetOrigin, optional transfer = [])` and
/// `postMessage(message, optional WindowPostMessageOptions options = {})`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#window>
fn convert_arguments(args: &[JsValue], context: &mut Context) -> JsResult<PostMessageArguments> {
    if args.is_empty() {
        return Err(type_error(
            "Failed to execute 'postMessage' on 'Window': 1 argument required, but only 0 present.",
        ));
    }
    let message = arg(args, 0);
    let second = arg(args, 1);
    // Overload resolution (Web IDL's overload resolution algorithm): with three or more
    // arguments only postMessage(message, targetOrigin, transfer) applies; with two,
    // undefined, null and objects select the options dictionary, anything else the
    // USVString targetOrigin.
    if args.len() >= 3 || (args.len() == 2 && !second.is_null_or_undefined() && !second.is_object())
    {
        let target_origin = to_usv_string(&second, context)?;
        let transfer = match args.get(2) {
            None => Vec::new(),
            Some(v) if v.is_undefined() => Vec::new(),
            Some(v) => sequence_of_objects(v, context)?,
        };
        return Ok(PostMessageArguments {
            message,
            target_origin,
            transfer,
        });
    }
    // The dictionary WindowPostMessageOptions : StructuredSerializeOptions, its members in
    // Web IDL's order: the inherited dictionary's first (`sequence<object> transfer = []`),
    // then its own (`USVString targetOrigin = "/"`).
    // (undefined and null are an empty dictionary; any other non-object was taken by the
    // string overload above.)
    let mut target_origin = "/".to_string();
    let mut transfer = Vec::new();
    if let Some(options) = second.as_object() {
        let list = options.get(js_string!("transfer"), context)?;
        if !list.is_undefined() {
            transfer = sequence_of_objects(&list, context)?;
        }
        let origin = options.get(js_string!("targetOrigin"), context)?;
        if !origin.is_undefined() {
            target_origin = to_usv_string(&origin, context)?;
        }
    }
    Ok(PostMessageArguments {
        message,
        target_origin,
        transfer,
    })
}

/// `postMessage` called on a Window object itself (its own global, or a same-origin
/// WindowProxy that forwarded to it).
pub(crate) fn post_message_to_window(
    context: &mut Context,
    target: WindowId,
    args: &[JsValue],
) -> JsResult<JsValue> {
    let arguments = convert_arguments(args, context)?;
    window_post_message_steps(context, Some(target), arguments)?;
    Ok(JsValue::undefined())
}

/// `postMessage` called through a cross-origin WindowProxy: the target is the browsing
/// context's active Window at the time of the call.
pub(crate) fn post_message_to_browsing_context(
    context: &mut Context,
    browsing_context: BrowsingContextId,
    args: &[JsValue],
) -> JsResult<JsValue> {
    let arguments = convert_arguments(args, context)?;
    let state = AgentState::of(context)?;
    // The browsing context's active Window, or none once the browsing context is gone: the
    // steps still run up to queuing the task (a bad targetOrigin throws, the message is
    // serialized and its transfer list detached), and the message then goes nowhere.
    let target = state.ua.active_window(browsing_context);
    window_post_message_steps(context, target, arguments)?;
    Ok(JsValue::undefined())
}

/// Steps 3 to 5 of the window post message steps: what `targetOrigin` designates, or `None`
/// when it does not parse as a URL (the caller throws a "SyntaxError" DOMException).
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps>
pub(crate) fn parse_target_origin(target_origin: &str, incumbent: &Origin) -> Option<TargetOrigin> {
    match target_origin {
        // 4. If targetOrigin is a single U+002F SOLIDUS character (/), then set targetOrigin
        //    to incumbentSettings's origin.
        "/" => Some(TargetOrigin::Origin(Box::new(incumbent.clone()))),
        // 5. Otherwise, if targetOrigin is not a single U+002A ASTERISK character (*), then:
        "*" => Some(TargetOrigin::Any),
        // 5.1. Let parsedURL be the result of running the URL parser on targetOrigin.
        // 5.2. If parsedURL is failure, then throw a "SyntaxError" DOMException.
        // 5.3. Set targetOrigin to parsedURL's origin.
        other => url::Url::parse(other)
            .ok()
            .map(|parsed| TargetOrigin::Origin(Box::new(origin_of_url(&parsed)))),
    }
}

/// The window post message steps.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps>
///
/// `target_window` is `None` when the WindowProxy the method was called through has no
/// Window any more (its browsing context is gone): every step runs up to the queuing of the
/// task, which has nowhere to go.
fn window_post_message_steps(
    context: &mut Context,
    target_window: Option<WindowId>,
    arguments: PostMessageArguments,
) -> JsResult<()> {
    let state = AgentState::of(context)?;
    // 1. Let targetRealm be targetWindow's realm (used when the task deserializes).
    // 2. Let incumbentSettings be the incumbent settings object.
    let incumbent = incumbent_window(context)?;
    // 3-5. Let targetOrigin be options["targetOrigin"], resolved against the incumbent's
    //      origin (read in place: only "/" copies it).
    let (target_origin, origin, source) = {
        let windows = state.windows.borrow();
        let w = windows
            .get(&incumbent)
            .ok_or_else(|| type_error("the incumbent window is gone"))?;
        let target_origin =
            parse_target_origin(&arguments.target_origin, w.document.borrow().origin());
        (target_origin, w.origin_serialization(), w.browsing_context)
    };
    let Some(target_origin) = target_origin else {
        // 5.2. If parsedURL is failure, then throw a "SyntaxError" DOMException.
        return Err(dom_exception::throw(
            context,
            "SyntaxError",
            &format!(
                "Failed to execute 'postMessage' on 'Window': Invalid target origin '{}' in a call to 'postMessage'.",
                arguments.target_origin
            ),
        ));
    };
    // 6. Let transfer be options["transfer"].
    // 7. Let serializeWithTransferResult be StructuredSerializeWithTransfer(message,
    //    transfer). Rethrow any exceptions. (ArrayBuffers and MessagePorts are transferable.)
    let record = structured_clone::serialize_with_transfer(
        context,
        &arguments.message,
        &arguments.transfer,
    )?;
    // (The message's trace, when the embedder observes messages.)
    let target_ref = target_window.and_then(|w| state.ua.window_ref(w));
    // (Nothing is built for it when no observer is registered: one flag check.)
    let trace = if state.ua.messages.enabled() {
        state.ua.messages.begin(
            MessageKind::Window,
            MessageEndpoint {
                window: Some(incumbent),
                origin: origin.to_string(),
            },
            MessageEndpoint {
                window: target_ref.map(|target| target.window),
                origin: target_ref
                    .and_then(|target| state.ua.window_entry(target.window))
                    .map(|e| e.origin.ascii_serialization())
                    .unwrap_or_default(),
            },
            Some(arguments.target_origin.clone()),
            || record_size(&record.serialized),
        )
    } else {
        None
    };
    // 8. Queue a global task on the posted message task source given targetWindow.
    // A window whose agent crashed (a panic, its memory budget) is gone with it (this
    // agent runs, so only another's can have).
    let target_ref = target_ref.filter(|target| {
        target.agent == state.id || !state.ua.coordinator.has_crashed(target.agent)
    });
    let Some(target) = target_ref else {
        // The target window is gone: nothing will run the task; the message is dropped (and
        // the ports it carries with it).
        state.ua.count_dropped_message();
        if let Some(trace) = &trace {
            state.ua.messages.report(trace, MessageOutcome::TargetGone);
        }
        message_port::discard_message(&state, record);
        return Ok(());
    };
    if let Some(trace) = &trace {
        state.ua.messages.report(trace, MessageOutcome::Posted);
    }
    let task = Task::new(
        TaskSource::PostedMessage,
        Some(document_key(target.document)),
        AgentTask::PostedMessage(Box::new(PostedMessage {
            target: target.window,
            target_origin,
            sender: Some(Sender { origin, source }),
            record: record.into(),
            trace,
        })),
    );
    tasks::route_task(&state, target.agent, task);
    Ok(())
}

/// The size of a serialized record in bytes, as a message trace gives it: its encoded form.
pub(crate) fn record_size(record: &SerializedRecord) -> usize {
    record.to_bytes().map(|bytes| bytes.len()).unwrap_or(0)
}

/// The steps of the task queued by step 8 of the window post message steps.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps>
pub(crate) fn run_posted_message_task(
    state: &Rc<AgentState>,
    context: &mut Context,
    mut message: PostedMessage,
) {
    let target = message.target;
    let mut trace = message.trace.take();
    // The target's realm, whether the origin check of step 8.1 fails, and (for a trace, or
    // that failure) the document's origin: read in place, not copied for every message.
    let checked = state.windows.borrow().get(&target).map(|w| {
        let document = w.document.borrow();
        // 8.1. If the targetOrigin argument is not a single literal U+002A ASTERISK
        //      character (*) and targetOrigin is not same origin with targetWindow's
        //      associated Document's origin, then return.
        let mismatch = match &message.target_origin {
            TargetOrigin::Origin(target_origin) => !target_origin.is_same_origin(document.origin()),
            TargetOrigin::Any => false,
        };
        let document_origin = (mismatch || trace.is_some()).then(|| document.origin().clone());
        (w.realm.clone(), mismatch, document_origin)
    });
    let Some((realm, mismatch, document_origin)) = checked else {
        state.ua.count_dropped_message();
        if let Some(trace) = &trace {
            state.ua.messages.report(trace, MessageOutcome::TargetGone);
        }
        message_port::discard_message(state, message.record.into());
        return;
    };
    let document_origin = || {
        document_origin
            .as_ref()
            .map(Origin::ascii_serialization)
            .unwrap_or_default()
    };
    if mismatch {
        state.ua.count_dropped_message();
        if let (Some(trace), TargetOrigin::Origin(target_origin)) =
            (&mut trace, &message.target_origin)
        {
            let outcome = MessageOutcome::DroppedOriginMismatch {
                target_origin: target_origin.ascii_serialization(),
                document_origin: document_origin(),
            };
            state
                .ua
                .messages
                .report_at(trace, target, document_origin(), outcome);
        }
        message_port::discard_message(state, message.record.into());
        return;
    }
    let previous = context.enter_realm(realm);
    let result = deliver(state, context, message);
    context.enter_realm(previous);
    match result {
        Ok(event) => {
            if let Some(trace) = &mut trace {
                let outcome = delivery_outcome(&event);
                state
                    .ua
                    .messages
                    .report_at(trace, target, document_origin(), outcome);
            }
        }
        Err(error) => script::report_the_exception(state, context, Some(target), &error),
    }
}

/// A posted message whose task will never run (its target document was destroyed): its
/// trace ends with "target gone", and the ports it carried are discarded.
pub(crate) fn discard_posted_message(state: &Rc<AgentState>, message: PostedMessage) {
    if let Some(trace) = &message.trace {
        state.ua.messages.report(trace, MessageOutcome::TargetGone);
    }
    message_port::discard_message(state, message.record.into());
}

/// Steps 8.2 to 8.7, in the target realm.
fn deliver(
    state: &Rc<AgentState>,
    context: &mut Context,
    message: PostedMessage,
) -> JsResult<JsObject> {
    let target = message.target;
    // 8.2. Let origin be the serialization of incumbentSettings's origin.
    //      (The embedder has no settings object: its messages' origin is "", as a browser
    //      extension's messages get.)
    let (origin, source) = match message.sender {
        Some(Sender { origin, source }) => (origin, Some(source)),
        None => (Arc::from(""), None),
    };
    // 8.3. Let source be the WindowProxy object corresponding to incumbentSettings's global
    //      object.
    let source = match source {
        Some(bc) => window_proxy::window_proxy_for(state, context, target, bc)?,
        None => JsValue::null(),
    };
    // 8.4. Let deserializeRecord be StructuredDeserializeWithTransfer(serializeWithTransfer
    //      Result, targetRealm). If this throws, fire "messageerror" at targetWindow with
    //      origin and source, and return.
    let (data, transferred) =
        match structured_clone::deserialize_with_transfer(context, message.record.into()) {
            Ok(result) => result,
            Err(_) => {
                let fields = MessageFields {
                    data: JsValue::null(),
                    origin,
                    last_event_id: String::new(),
                    source,
                    ports: LazyFrozenArray::default(),
                    reads: Default::default(),
                };
                let event = create_message_event(context, "messageerror", fields)?;
                dispatch(state, context, target, EventTargetKey::Window, &event)?;
                return Ok(event);
            }
        };
    // 8.5. Let messageClone be deserializeRecord.[[Deserialized]].
    // 8.6. Let newPorts be a new frozen array consisting of all MessagePort objects in
    //      deserializeRecord.[[TransferredValues]], if any, maintaining their relative order.
    let ports = message_port::new_ports(transferred);
    // 8.7. Fire an event named message at targetWindow, using MessageEvent, with origin,
    //      source, data = messageClone and ports = newPorts.
    let fields = MessageFields {
        data,
        origin,
        last_event_id: String::new(),
        source,
        ports,
        reads: Default::default(),
    };
    let event = create_message_event(context, "message", fields)?;
    dispatch(state, context, target, EventTargetKey::Window, &event)?;
    Ok(event)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(target_origin: &str) -> Option<String> {
        let incumbent = Origin::tuple("http", "a.test", None);
        parse_target_origin(target_origin, &incumbent).map(|t| match t {
            TargetOrigin::Any => "*".to_string(),
            TargetOrigin::Origin(origin) => origin.ascii_serialization(),
        })
    }

    #[test]
    fn target_origin_cases() {
        let cases: &[(&str, Option<&str>)] = &[
            ("*", Some("*")),
            ("/", Some("http://a.test")),
            ("http://b.test", Some("http://b.test")),
            ("http://b.test/some/path?q#f", Some("http://b.test")),
            ("http://b.test:80/", Some("http://b.test")),
            ("https://b.test:443", Some("https://b.test")),
            ("http://b.test:8080", Some("http://b.test:8080")),
            ("HTTP://B.TEST", Some("http://b.test")),
            ("http://éxample.test", Some("http://xn--xample-9ua.test")),
            ("data:text/plain,x", Some("null")),
            ("about:blank", Some("null")),
            ("", None),
            ("b.test", None),
            ("//b.test", None),
            ("http://", None),
            ("**", None),
            (" /", None),
        ];
        for (input, expected) in cases {
            assert_eq!(
                parsed(input).as_deref(),
                *expected,
                "targetOrigin {input:?}"
            );
        }
    }

    #[test]
    fn an_opaque_target_origin_matches_nothing_not_even_itself_reparsed() {
        let incumbent = Origin::tuple("http", "a.test", None);
        let Some(TargetOrigin::Origin(first)) = parse_target_origin("data:,x", &incumbent) else {
            panic!("data: URLs parse");
        };
        let Some(TargetOrigin::Origin(second)) = parse_target_origin("data:,x", &incumbent) else {
            panic!("data: URLs parse");
        };
        assert!(!first.is_same_origin(&second));
        assert!(first.is_same_origin(&first));
    }
}
