//! Errors of the embedding API.

use thiserror::Error;

/// What can go wrong when an embedder drives Postern.
#[derive(Debug, Error)]
pub enum EngineError {
    /// The URL could not be parsed.
    #[error("invalid URL {url:?}: {reason}")]
    InvalidUrl {
        /// The input.
        url: String,
        /// Why it failed.
        reason: String,
    },
    /// A resource could not be loaded.
    #[error("could not load {url}: {source}")]
    Load {
        /// The URL.
        url: String,
        /// The loader's error.
        source: postern_dom::LoadError,
    },
    /// The JS engine could not be set up (creating a realm or a context failed).
    #[error("JS engine setup failed: {0}")]
    Setup(String),
    /// A directory given to serve could not be used.
    #[error("cannot serve {origin}: {reason}")]
    Serve {
        /// The origin.
        origin: String,
        /// Why.
        reason: String,
    },
}
