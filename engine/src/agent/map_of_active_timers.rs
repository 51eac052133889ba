//! A global's map of setTimeout and setInterval IDs: the timers a window has started and not
//! cleared, as data (the timer algorithms are in `html/timers.rs`).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#map-of-settimeout-and-setinterval-ids>

use boa_engine::{JsObject, JsValue};
use postern_event_loop::TimerKey;

use crate::ids::{IdMap, TimerHandle};

/// What a timer runs.
#[derive(Clone)]
pub(crate) enum TimerHandler {
    /// A function, called with the extra arguments.
    Function(JsObject),
    /// A string, compiled and run as a classic script.
    Source(String),
}

/// One entry of the map of setTimeout and setInterval IDs.
pub(crate) struct ActiveTimer {
    /// The uniqueHandle: tells this initialization from a later one reusing the id.
    pub(crate) unique: u64,
    /// The event loop wait, cancelled by clearTimeout.
    pub(crate) wait: TimerKey,
    /// What it runs.
    pub(crate) handler: TimerHandler,
    /// The extra arguments passed to a function handler.
    pub(crate) arguments: Vec<JsValue>,
    /// Whether it repeats (setInterval).
    pub(crate) repeat: bool,
    /// The timeout in milliseconds, as given.
    pub(crate) timeout: i32,
}

/// A global's map of setTimeout and setInterval IDs.
#[derive(Default)]
pub(crate) struct ActiveTimers {
    /// The last id handed out (ids count up from 1).
    pub(crate) last_id: i32,
    /// The last uniqueHandle handed out.
    pub(crate) last_unique: u64,
    /// The active timers by id.
    pub(crate) map: IdMap<TimerHandle, ActiveTimer>,
}
