//! The embedding API: what an embedder creates ([`user_agent::UserAgent`]), hands in
//! ([`options::UserAgentOptions`], a [`console_sink::ConsoleSink`]) and gets back
//! ([`error::EngineError`]).

pub mod builder;
pub mod console_sink;
pub mod error;
pub mod memory_loader;
pub mod message_trace;
pub(crate) mod native_value;
pub mod options;
pub mod storage_store;
pub mod user_agent;
pub mod value;
pub mod windows;
