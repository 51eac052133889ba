//! Scripting (HTML's "Web application APIs"): running scripts and callbacks, reporting
//! exceptions, microtask checkpoints, environments, and unhandled promise rejections.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html>

pub(crate) mod array_join;
pub(crate) mod environments;
pub(crate) mod nesting;
pub(crate) mod rejections;
pub(crate) mod script;
pub(crate) mod string_length;
