//! ArrayBuffer contents that can move between hosts without a copy, and the shared memory
//! of a SharedArrayBuffer.
//!
//! The buffer contents as data; the steps that serialize and deserialize buffers are
//! `serialize/buffer.rs` and `deserialize/buffer.rs`.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

/// Storage for an ArrayBuffer's bytes, owned by whatever type the host keeps them in.
///
/// Transferring an ArrayBuffer moves its store from the source host into a
/// [`BackingStore`] and from there into the receiving host: no byte is copied when the
/// receiving host takes back the type it gave ([`BackingStore::downcast`]). `Vec<u8>` and
/// `Box<[u8]>` are stores; a host implements this for its own type (e.g. an aligned vector)
/// to keep transfers zero-copy.
pub trait ByteStore: Any + Send {
    /// The buffer's bytes: `[[ArrayBufferData]]` up to `[[ArrayBufferByteLength]]`.
    fn bytes(&self) -> &[u8];
}

impl ByteStore for Vec<u8> {
    fn bytes(&self) -> &[u8] {
        self
    }
}

impl ByteStore for Box<[u8]> {
    fn bytes(&self) -> &[u8] {
        self
    }
}

/// The contents of an ArrayBuffer in flight: a `[[ArrayBufferData]]` data block that is no
/// longer in any realm.
pub struct BackingStore(Box<dyn ByteStore>);

impl BackingStore {
    /// Wraps a host's store (O(1): the bytes are not touched).
    pub fn new(store: impl ByteStore) -> Self {
        BackingStore(Box::new(store))
    }

    /// The bytes.
    pub fn bytes(&self) -> &[u8] {
        self.0.bytes()
    }

    /// How many bytes there are.
    pub fn len(&self) -> usize {
        self.bytes().len()
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes the store back as the type `T` it was made of (O(1)), or gives `self` back if
    /// it holds another type.
    pub fn downcast<T: ByteStore>(self) -> Result<T, Self> {
        if !(&*self.0 as &dyn Any).is::<T>() {
            return Err(self);
        }
        let any: Box<dyn Any + Send> = self.0;
        match any.downcast::<T>() {
            Ok(store) => Ok(*store),
            // Unreachable after the `is` check; nothing to give back, so an empty store.
            Err(_) => Err(BackingStore::new(Vec::new())),
        }
    }

    /// The bytes as a `Vec<u8>`: O(1) if the store is one, one copy otherwise.
    pub fn into_vec(self) -> Vec<u8> {
        match self.downcast::<Vec<u8>>() {
            Ok(vec) => vec,
            Err(other) => other.bytes().to_vec(),
        }
    }
}

impl From<Vec<u8>> for BackingStore {
    fn from(bytes: Vec<u8>) -> Self {
        BackingStore::new(bytes)
    }
}

impl fmt::Debug for BackingStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BackingStore({} bytes)", self.len())
    }
}

/// The shared `[[ArrayBufferData]]` of a SharedArrayBuffer and the agent cluster it belongs
/// to: a handle, cloned by reference count, that the host alone knows how to read.
///
/// Records holding one can cross threads but not processes: [`SerializedRecord::to_bytes`]
/// refuses them (and StructuredSerialize refuses SharedArrayBuffers when `forStorage`).
///
/// [`SerializedRecord::to_bytes`]: crate::SerializedRecord::to_bytes
#[derive(Clone)]
pub struct SharedMemory {
    /// The host's shared block.
    block: Arc<dyn Any + Send + Sync>,
    /// The host's id of the agent cluster the block lives in (`[[AgentCluster]]`).
    agent_cluster: u64,
}

impl SharedMemory {
    /// A handle on `block`, living in the agent cluster the host names `agent_cluster`.
    pub fn new(block: Arc<dyn Any + Send + Sync>, agent_cluster: u64) -> Self {
        SharedMemory {
            block,
            agent_cluster,
        }
    }

    /// The shared block.
    pub fn block(&self) -> &Arc<dyn Any + Send + Sync> {
        &self.block
    }

    /// The block as the host's type `T`, if it is one.
    pub fn downcast<T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        Arc::clone(&self.block).downcast::<T>().ok()
    }

    /// `[[AgentCluster]]`: the host's id of the agent cluster of the block.
    pub fn agent_cluster(&self) -> u64 {
        self.agent_cluster
    }
}

impl PartialEq for SharedMemory {
    /// The same block (by address) in the same agent cluster.
    fn eq(&self, other: &Self) -> bool {
        let address = |m: &SharedMemory| Arc::as_ptr(&m.block).cast::<()>();
        address(self) == address(other) && self.agent_cluster == other.agent_cluster
    }
}

impl fmt::Debug for SharedMemory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let address = Arc::as_ptr(&self.block).cast::<()>();
        write!(
            f,
            "SharedMemory({address:p}, agent cluster {})",
            self.agent_cluster
        )
    }
}
