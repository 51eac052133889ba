//! Scripting (HTML's "Web application APIs"): running scripts and callbacks, reporting
//! exceptions, microtask checkpoints, environments, and unhandled promise rejections.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html>

pub(crate) mod array_join;
pub(crate) mod builtins;
pub(crate) mod embedder_script;
pub(crate) mod environments;
pub(crate) mod event_handler_mixins;
pub(crate) mod external_memory;
pub(crate) mod json;
pub(crate) mod nesting;
pub(crate) mod rejections;
pub(crate) mod script;
pub(crate) mod script_element;
pub(crate) mod string_length;
pub(crate) mod string_search;
