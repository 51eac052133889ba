//! The embedding API: what an embedder creates ([`user_agent::UserAgent`]), hands in
//! ([`options::UserAgentOptions`], a [`console_sink::ConsoleSink`]) and gets back
//! ([`error::EngineError`]).

pub mod console_sink;
pub mod error;
pub mod options;
pub mod storage_store;
pub mod user_agent;
