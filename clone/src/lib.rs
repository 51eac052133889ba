//! `postern-clone`: the HTML standard's structured serialization, engine-agnostic.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html>
//!
//! The algorithms ([`structured_serialize`], [`structured_deserialize`]) never see a JS
//! engine. They walk a value through [`SerializeHost`] and build one through
//! [`DeserializeHost`]; the `postern` crate implements both for boa, and [`native`] implements
//! both for a small value model of this crate's own (for Rust callers, tests and benchmarks).
//! The [`SerializedRecord`] in between is plain serde data: `Send`, able to cross threads.

#![warn(missing_docs)]

pub mod deserialize;
pub mod error;
pub mod host;
mod memory;
pub mod native;
mod path;
pub mod record;
pub mod serialize;

pub use deserialize::structured_deserialize;
pub use error::{DataCloneError, DeserializeError, SerializeError};
pub use host::{DeserializeHost, ObjectKind, SerializeHost, ValueKind};
pub use record::{CloneString, ObjectIndex, RecordObject, RecordValue, SerializedRecord};
pub use serialize::structured_serialize;
