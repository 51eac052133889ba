//! Postern: a headless browser-engine subsystem in which `window.postMessage()` works as the
//! WHATWG HTML standard says, end to end.
//!
//! This crate holds the JS engine (boa), the Web IDL bindings (Window, WindowProxy,
//! EventTarget, MessageEvent, DOMException, timers, console, `structuredClone`) and the
//! embedding API ([`UserAgent`]). The lower crates do the rest: `postern-clone` (structured
//! clone), `postern-event-loop` (event loops), `postern-dom` (documents, origins, browsing
//! contexts, loading). The `postern` command line (`postern-cli`) and the WPT runner
//! (`postern-wpt`) are crates of their own, on top of the embedding API.
//!
//! ```no_run
//! use std::sync::Arc;
//! use postern::{StdoutConsole, UserAgent, UserAgentOptions};
//! use postern_dom::VirtualHosts;
//!
//! let mut hosts = VirtualHosts::new();
//! hosts.serve("http://a.test", "examples/ping-pong/parent").unwrap();
//! hosts.serve("http://b.test", "examples/ping-pong/child").unwrap();
//! let mut ua = UserAgent::new(Arc::new(hosts), Arc::new(StdoutConsole), UserAgentOptions::default()).unwrap();
//! ua.open("http://a.test/").unwrap();
//! ua.run_until_idle();
//! ```

mod agent;
mod console;
mod dom;
pub mod embedder;
mod encoding;
mod event_loop;
mod hr_time;
mod html;
pub mod ids;
mod testing;
mod uievents;
mod url;
mod webcrypto;
mod webidl;
mod webstorage;

pub use embedder::console_sink::{
    CollectingConsole, ConsoleLevel, ConsoleMessage, ConsoleSink, StdoutConsole,
};
pub use embedder::error::EngineError;
pub use embedder::options::{
    DEFAULT_MAX_NAVIGABLE_DEPTH, TestResultsFn, TestResultsHook, UserAgentOptions,
};
pub use embedder::storage_store::{MemoryStorageStore, StorageItems, StorageStore};
pub use embedder::user_agent::UserAgent;
pub use ids::WindowId;
pub use postern_event_loop::TimeMode;
pub use postern_event_loop::{CrashReport, RunOutcome, ShutdownReport};
