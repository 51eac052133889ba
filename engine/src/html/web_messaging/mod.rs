//! Web messaging: cross-document messaging (`window.postMessage`) and its `MessageEvent`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html>

pub(crate) mod message_event;
pub(crate) mod post_message;
