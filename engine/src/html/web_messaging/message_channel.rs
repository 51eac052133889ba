//! The `MessageChannel` interface: two new ports, entangled.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-channels>

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace};
use postern_event_loop::PortOwner;

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::agent::window::document_key;
use crate::html::web_messaging::message_port::create_message_port;
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};
use crate::webidl::interface::{create_an_object_implementing, new_target};

/// `interface MessageChannel`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#messagechannel>
pub(crate) const MESSAGE_CHANNEL: InterfaceDeclaration = InterfaceDeclaration {
    name: "MessageChannel",
    inherits: None,
    constructor: Some(Constructor {
        length: 0,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        Attribute::readonly("port1", get_port1),
        Attribute::readonly("port2", get_port2),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// A MessageChannel object's data: its two ports.
#[derive(Trace, Finalize, JsData)]
struct MessageChannel {
    port1: JsObject,
    port2: JsObject,
}

/// `new MessageChannel()`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messagechannel>
fn construct(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "MessageChannel")?;
    let state = AgentState::of(context)?;
    let window = RealmData::window_of_current_realm(context)?;
    let document = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.document_id)
        .ok_or_else(|| type_error("the window is gone"))?;
    let owner = PortOwner {
        agent: state.id,
        document: document_key(document),
    };
    // 1. Set this's port 1 to a new MessagePort in this's relevant realm.
    // 2. Set this's port 2 to a new MessagePort in this's relevant realm.
    // 3. Entangle this's port 1 and this's port 2.
    let (id1, id2) = state.ua.ports.with(|t| t.create_entangled_pair(owner));
    let port1 = create_message_port(context, id1)?;
    let port2 = create_message_port(context, id2)?;
    let channel = MessageChannel { port1, port2 };
    Ok(
        create_an_object_implementing(context, "MessageChannel", Some(&new_target), channel)?
            .into(),
    )
}

fn with_channel(this: &JsValue, f: impl FnOnce(&MessageChannel) -> JsObject) -> JsResult<JsValue> {
    this.as_object()
        .and_then(|o| o.downcast_ref::<MessageChannel>().map(|c| f(&c)))
        .map(JsValue::from)
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a MessageChannel"))
}

/// `port1`: this's port 1.
fn get_port1(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_channel(this, |c| c.port1.clone())
}

/// `port2`: this's port 2.
fn get_port2(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_channel(this, |c| c.port2.clone())
}
