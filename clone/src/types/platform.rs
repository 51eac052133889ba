//! What platform objects' serialization and transfer steps hand to the algorithms.

use std::any::Any;
use std::fmt;

use super::SharedBytes;

/// What a serializable platform object's serialization steps put into `serialized`.
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#serialization-steps>
///
/// `fields` are the values the steps sub-serialize (e.g. DOMException's `[[Name]]` and
/// `[[Message]]` as String values, or a `Person`'s best friend object): the algorithm
/// serializes each with the same memory, so sharing and cycles through them are kept.
/// `bytes` is opaque data of the host's own (e.g. a Blob's byte sequence), kept as is and
/// shared, not copied, with the deserializing host.
#[derive(Clone, Debug, PartialEq)]
pub struct PlatformSerialization<V> {
    /// Named values to sub-serialize, in order.
    pub fields: Vec<(String, V)>,
    /// Opaque host data.
    pub bytes: SharedBytes,
}

impl<V> Default for PlatformSerialization<V> {
    fn default() -> Self {
        PlatformSerialization {
            fields: Vec::new(),
            bytes: SharedBytes::default(),
        }
    }
}

/// What a transferable platform object's transfer steps moved into its data holder: any
/// `Send` data of the host's (e.g. a MessagePort's entangled channel ends), taken back by
/// the receiving host's transfer-receiving steps with [`downcast`](Self::downcast).
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#transfer-steps>
pub struct PlatformTransferData(pub Box<dyn Any + Send>);

impl PlatformTransferData {
    /// Wraps the host's data.
    pub fn new(data: impl Any + Send) -> Self {
        PlatformTransferData(Box::new(data))
    }

    /// The data as `T`, or `self` back if it is another type.
    pub fn downcast<T: Any>(self) -> Result<T, Self> {
        self.0
            .downcast::<T>()
            .map(|data| *data)
            .map_err(PlatformTransferData)
    }
}

impl fmt::Debug for PlatformTransferData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PlatformTransferData(..)")
    }
}
