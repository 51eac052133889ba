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
//! A document from a string, a value out of it (docs/embedding.md has the whole API):
//!
//! ```
//! use std::sync::Arc;
//! use postern::{CollectingConsole, UserAgent, Value};
//!
//! let console = CollectingConsole::new();
//! let mut ua = UserAgent::builder().console(Arc::new(console.clone())).build()?;
//! let tab = ua.open_html("https://example.test/", "<script>var answer = 6 * 7; console.log('hi')</script>")?;
//! ua.run_until_idle();
//! let window = ua.active_window(tab).unwrap();
//! assert_eq!(ua.evaluate(window, "answer").unwrap(), Value::Number(42.0));
//! assert_eq!(console.lines(), ["[https://example.test] hi"]);
//! # Ok::<(), postern::EngineError>(())
//! ```
//!
//! Pages from directories, one origin each:
//!
//! ```no_run
//! use std::sync::Arc;
//! use postern::{StdoutConsole, UserAgent, VirtualHosts};
//!
//! let mut hosts = VirtualHosts::new();
//! hosts.serve("http://a.test", "examples/ping-pong/a.test").unwrap();
//! hosts.serve("http://b.test", "examples/ping-pong/b.test").unwrap();
//! let mut ua = UserAgent::builder().loader(Arc::new(hosts)).console(Arc::new(StdoutConsole)).build().unwrap();
//! ua.open("http://a.test/").unwrap();
//! ua.run_until_idle();
//! ```

#![deny(missing_docs)]

/// docs/embedding.md, whose examples run as doctests (so that the guide stays true).
#[cfg(doctest)]
#[doc = include_str!("../../docs/embedding.md")]
struct EmbeddingGuide;

mod agent;
mod console;
mod dom;
pub mod embedder;
mod encoding;
mod event_loop;
mod fetch;
mod file_api;
mod hr_time;
mod html;
pub mod ids;
mod testing;
mod uievents;
mod url;
mod webcrypto;
mod webidl;
mod webstorage;

pub use embedder::builder::UserAgentBuilder;
pub use embedder::console_sink::{
    CollectingConsole, ConsoleLevel, ConsoleMessage, ConsoleSink, StdoutConsole,
};
pub use embedder::error::EngineError;
pub use embedder::memory_loader::MemoryLoader;
pub use embedder::message_trace::{
    CollectingMessages, MessageEndpoint, MessageId, MessageKind, MessageObserver, MessageOutcome,
    MessageTrace,
};
pub use embedder::options::{
    DEFAULT_AGENT_MEMORY_LIMIT, DEFAULT_MAX_NAVIGABLE_DEPTH, TestResultsFn, TestResultsHook,
    UserAgentOptions,
};
pub use embedder::storage_store::{MemoryStorageStore, StorageItems, StorageStore};
pub use embedder::user_agent::UserAgent;
pub use embedder::value::{MAX_DEPTH, ScriptError, ScriptErrorKind, Value};
pub use embedder::windows::{WindowHandle, WindowInfo};
pub use ids::WindowId;
pub use postern_dom::{BrowsingContextId, LoadError, Resource, ResourceLoader, VirtualHosts};
pub use postern_event_loop::memory::{ContainingAllocator, OutOfMemory};
pub use postern_event_loop::{AgentId, TimeMode};
pub use postern_event_loop::{CrashCause, CrashReport, RunOutcome, ShutdownReport};
