//! The internal state of the native model's buffers, views and platform objects.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use super::{NativeObjectId, NativeValue};
use crate::record::CloneString;
use crate::types::{SharedBytes, ViewKind};

/// A RegExp's `[[OriginalSource]]` and `[[OriginalFlags]]` (its `lastIndex` is a property).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NativeRegExp {
    /// `[[OriginalSource]]`.
    pub source: CloneString,
    /// `[[OriginalFlags]]`.
    pub flags: String,
}

/// An ArrayBuffer's `[[ArrayBufferData]]` and `[[ArrayBufferMaxByteLength]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NativeArrayBuffer {
    /// The bytes (their length is `[[ArrayBufferByteLength]]`); `None` once detached.
    pub data: Option<Vec<u8>>,
    /// The maximum byte length of a resizable buffer.
    pub max_byte_length: Option<usize>,
}

impl NativeArrayBuffer {
    /// `[[ArrayBufferByteLength]]` (0 when detached).
    pub fn byte_length(&self) -> usize {
        self.data.as_ref().map_or(0, Vec::len)
    }
}

/// The shared data block of a SharedArrayBuffer: shared by every heap that received it.
#[derive(Debug)]
pub struct SharedBlock {
    /// The bytes.
    bytes: Box<[AtomicU8]>,
}

impl SharedBlock {
    /// A block holding a copy of `bytes`.
    pub fn new(bytes: &[u8]) -> Self {
        SharedBlock {
            bytes: bytes.iter().map(|&b| AtomicU8::new(b)).collect(),
        }
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether it has no bytes.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The byte at `index`.
    pub fn get(&self, index: usize) -> Option<u8> {
        self.bytes.get(index).map(|b| b.load(Ordering::Relaxed))
    }

    /// Sets the byte at `index`; false if it is out of range.
    pub fn set(&self, index: usize, value: u8) -> bool {
        self.bytes
            .get(index)
            .map(|b| b.store(value, Ordering::Relaxed))
            .is_some()
    }
}

/// A SharedArrayBuffer: a handle on a shared block.
#[derive(Clone, Debug)]
pub struct NativeSharedBuffer {
    /// The shared block (`[[ArrayBufferData]]`).
    pub block: Arc<SharedBlock>,
    /// The maximum byte length of a growable one.
    pub max_byte_length: Option<usize>,
}

impl PartialEq for NativeSharedBuffer {
    /// The same block.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.block, &other.block) && self.max_byte_length == other.max_byte_length
    }
}

/// A typed array or DataView over a buffer of the same heap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NativeView {
    /// The typed array kind or DataView.
    pub kind: ViewKind,
    /// `[[ViewedArrayBuffer]]`: an ArrayBuffer or SharedArrayBuffer of the heap.
    pub buffer: NativeObjectId,
    /// `[[ByteOffset]]`.
    pub byte_offset: usize,
    /// `[[ArrayLength]]` (elements) of a typed array, `[[ByteLength]]` of a DataView;
    /// `None` for a length-tracking view.
    pub length: Option<usize>,
}

/// A platform object: its interface and the state its serialization or transfer steps
/// carry, as named fields and opaque bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct NativePlatform {
    /// The identifier of its primary interface, e.g. `"DOMException"`.
    pub interface: String,
    /// Its state, e.g. `[("Name", "AbortError"), ("Message", "...")]` for a DOMException.
    /// Serialization sub-serializes the values (objects included); transfer moves them
    /// (primitives only).
    pub fields: Vec<(String, NativeValue)>,
    /// Opaque state, kept as is (shared, not copied, by serialization and deserialization).
    pub bytes: SharedBytes,
    /// `[[Detached]]` (a transferable object that was transferred).
    pub detached: bool,
}

/// What the realm knows of a platform interface: the `[Serializable]` and
/// `[Transferable]` extended attributes, and whether it is exposed (can be created by
/// deserialization or transfer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NativeInterface {
    /// `[Serializable]`.
    pub serializable: bool,
    /// `[Transferable]`.
    pub transferable: bool,
    /// Exposed in the realm.
    pub exposed: bool,
}

impl NativeInterface {
    /// A serializable, exposed interface (like DOMException).
    pub const SERIALIZABLE: NativeInterface = NativeInterface {
        serializable: true,
        transferable: false,
        exposed: true,
    };

    /// A transferable, exposed interface (like MessagePort).
    pub const TRANSFERABLE: NativeInterface = NativeInterface {
        serializable: false,
        transferable: true,
        exposed: true,
    };

    /// An exposed interface whose objects neither serialize nor transfer (like Window).
    pub const PLAIN: NativeInterface = NativeInterface {
        serializable: false,
        transferable: false,
        exposed: true,
    };
}
