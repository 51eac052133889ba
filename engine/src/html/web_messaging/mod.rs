//! Web messaging: cross-document messaging (`window.postMessage`), channel messaging
//! (`MessageChannel`, `MessagePort`) and their `MessageEvent`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html>

pub(crate) mod embedder_post_message;
pub(crate) mod message_channel;
pub(crate) mod message_event;
pub(crate) mod message_port;
pub(crate) mod post_message;
