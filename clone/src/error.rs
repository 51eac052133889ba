//! Errors of the clone algorithms.

use thiserror::Error;

/// A value that cannot be cloned: becomes a "DataCloneError" DOMException.
///
/// The message says where in the value it failed, e.g.
/// `value.items[3].handler is a function and cannot be cloned`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{message}")]
pub struct DataCloneError {
    /// The human-readable message, path included.
    pub message: String,
}

/// Why StructuredSerialize failed.
#[derive(Debug, Error)]
pub enum SerializeError<E> {
    /// The value (or a part of it) cannot be cloned.
    #[error(transparent)]
    DataClone(#[from] DataCloneError),
    /// Script run by the walk (a getter) threw; the exception is passed on unchanged.
    #[error("an exception was thrown while the value was read")]
    Host(E),
}

/// Why StructuredDeserialize failed.
#[derive(Debug, Error)]
pub enum DeserializeError<E> {
    /// The record is not well formed (e.g. an object index out of range). Records can come
    /// from elsewhere and are treated as untrusted.
    #[error("malformed serialized record: {0}")]
    Malformed(String),
    /// The host failed to create a value.
    #[error("the target realm failed to create a value")]
    Host(E),
}
