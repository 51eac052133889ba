//! UI Events: `UIEvent` and `MouseEvent`, as far as the HTML Standard's activation behaviour
//! needs them (a `click` that activates is a MouseEvent, and `click()` fires one).
//!
//! Spec: <https://w3c.github.io/uievents/>

pub(crate) mod mouse_event;
pub(crate) mod ui_event;
