//! `postern-clone`: the HTML standard's structured serialization, engine-agnostic.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html>
//!
//! The algorithms ([`structured_serialize`], [`structured_deserialize`],
//! [`structured_serialize_with_transfer`], [`structured_deserialize_with_transfer`]) never see
//! a JS engine. They walk a value through [`SerializeHost`] and build one through
//! [`DeserializeHost`]; the `postern` crate implements both for boa, and [`native`]
//! implements both for a small value model of this crate's own (for Rust callers, tests and
//! benchmarks). The [`SerializedRecord`] in between is plain data: `Send`, able to cross
//! threads, and (without SharedArrayBuffers) to be encoded to bytes with
//! [`SerializedRecord::to_bytes`] and decoded, as untrusted input, with
//! [`SerializedRecord::from_bytes`].
//!
//! Platform objects plug in through the hosts: a host classifies one as
//! [`ObjectKind::Platform`] with its interface name and whether it is serializable or
//! transferable, and runs its serialization, deserialization, transfer and
//! transfer-receiving steps when asked; nothing about any interface is built in.

mod bytes;
mod check;
pub mod deserialize;
pub mod encoding;
pub mod error;
pub mod host;
mod memory;
pub mod native;
mod path;
pub mod record;
pub mod record_vec;
pub mod serialize;
mod string;
pub mod transfer;
pub mod types;

pub use deserialize::{structured_deserialize, structured_deserialize_owned};
pub use encoding::{DecodeError, EncodeError};
pub use error::{DataCloneError, DeserializeError, SerializeError};
pub use host::{
    DeserializeHost, MapEntries, ObjectKind, PropertySnapshot, SerializeHost, ValueKind,
};
pub use record::{
    CloneString, ObjectIndex, PlatformIndex, PlatformRecord, PropertyRange, RecordObject,
    RecordString, RecordValue, RegExpRecord, SerializedRecord, SharedArrayBufferRecord,
    TransferIndex,
};
pub use record_vec::RecordVec;
pub use serialize::{
    SerializeOptions, structured_serialize, structured_serialize_for_storage,
    structured_serialize_with_options,
};
pub use transfer::{
    DeserializedWithTransfer, SerializedWithTransfer, TransferDataHolder,
    structured_deserialize_with_transfer, structured_serialize_with_transfer,
};
pub use types::{
    BackingStore, ByteStore, ErrorName, PlatformSerialization, PlatformTransferData, SharedBytes,
    SharedMemory, ViewKind,
};
