//! Resource loading: the [`ResourceLoader`] trait an embedder implements, and
//! [`VirtualHosts`], the default loader that serves origins from local directories.
//!
//! There is no network: `http://a.test/` and `http://b.test/` are two real origins whose
//! files come from two directories.

mod content_type;
mod virtual_hosts;

use std::sync::Arc;

use thiserror::Error;
use url::Url;

pub use content_type::content_type_for_path;
pub use virtual_hosts::{VirtualHosts, matches_about_blank};

/// Something that can fetch the bytes behind a URL.
pub trait ResourceLoader: Send + Sync {
    /// Loads `url`. A missing file is not an error: it is a [`Resource`] with status 404
    /// (browsers still fire `load` for it).
    fn load(&self, url: &Url) -> Result<Resource, LoadError>;
}

impl<T: ResourceLoader + ?Sized> ResourceLoader for Arc<T> {
    fn load(&self, url: &Url) -> Result<Resource, LoadError> {
        (**self).load(url)
    }
}

impl<T: ResourceLoader + ?Sized> ResourceLoader for Box<T> {
    fn load(&self, url: &Url) -> Result<Resource, LoadError> {
        (**self).load(url)
    }
}

/// A loaded resource: what a response would carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resource {
    /// The URL it was finally loaded from: after redirects, when the loader follows them
    /// (the document's URL, and so its origin, come from it).
    pub url: Url,
    /// The HTTP-like status: 200, or 404 for a missing file.
    pub status: u16,
    /// The MIME type, e.g. `"text/html"` (parameters allowed). A navigation loads it by
    /// its type: HTML (or an empty type, or `application/octet-stream`) is parsed; text,
    /// JavaScript and JSON become a text document; images, video and audio a media document.
    pub content_type: String,
    /// The bytes.
    pub body: Vec<u8>,
}

impl Resource {
    /// Whether the status is a success (200-299), as a fetch's "ok status".
    pub fn is_ok(&self) -> bool {
        (200..=299).contains(&self.status)
    }
}

/// Why a URL could not be loaded at all.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    /// The loader does not handle this scheme (or this `about:` URL).
    #[error("unsupported URL scheme {scheme:?} in {url}")]
    UnsupportedScheme {
        /// The URL's scheme.
        scheme: String,
        /// The URL.
        url: String,
    },
    /// No virtual host serves the URL's origin.
    #[error("unknown host: no virtual host serves {origin}")]
    UnknownHost {
        /// The origin's ASCII serialization.
        origin: String,
    },
    /// Reading a file failed (other than it being missing, which is a 404).
    #[error("I/O error for {path}: {message}")]
    Io {
        /// The file or directory.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// The URL's path can not name a file under the served directory (e.g. `..`
    /// escaping it, or a `file:` URL with a host).
    #[error("invalid path in {url}: {reason}")]
    InvalidPath {
        /// The URL.
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A `data:` URL that does not parse or decode.
    #[error("invalid data: URL: {reason}")]
    InvalidDataUrl {
        /// What is wrong with it.
        reason: String,
    },
    /// A network fetch failed: no connection, a timeout, too many redirects, a body too
    /// large (loaders that reach the network, such as `postern run`'s, return it).
    #[error("network error for {url}: {reason}")]
    Network {
        /// The URL.
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// [`VirtualHosts::serve`] was given something that is not an http(s) origin.
    #[error("not an http(s) origin: {origin:?}")]
    InvalidOrigin {
        /// What was given.
        origin: String,
    },
}

#[cfg(test)]
mod tests;
