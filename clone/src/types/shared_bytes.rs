//! Immutable bytes shared between agents: a platform object's opaque data (e.g. a Blob's
//! byte sequence), handed from one realm to another without a copy.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A read-only run of bytes inside a shared buffer: cloning it, or taking a sub-range of it
/// with [`slice`](Self::slice), shares the buffer and copies nothing. In the byte encoding it
/// is just its bytes (a decoded one owns a fresh buffer holding exactly them), so decoding
/// hostile input cannot make a range that is out of its buffer.
#[derive(Clone, Default)]
pub struct SharedBytes {
    /// The whole buffer.
    buffer: Arc<[u8]>,
    /// Where these bytes are in it (always within it: every constructor checks).
    range: Range<usize>,
}

impl SharedBytes {
    /// Bytes in a buffer of their own.
    pub fn new(bytes: impl Into<Arc<[u8]>>) -> Self {
        let buffer = bytes.into();
        let range = 0..buffer.len();
        SharedBytes { buffer, range }
    }

    /// The bytes from `start` to `end` of these (clamped to them, and `end` to no less than
    /// `start`), sharing the buffer.
    pub fn slice(&self, start: usize, end: usize) -> Self {
        let len = self.range.len();
        let start = start.min(len);
        let end = end.clamp(start, len);
        SharedBytes {
            buffer: Arc::clone(&self.buffer),
            range: self.range.start + start..self.range.start + end,
        }
    }

    /// Whether `self` and `other` are bytes of the same buffer (neither was copied from the
    /// other's).
    pub fn shares_buffer_with(&self, other: &SharedBytes) -> bool {
        Arc::ptr_eq(&self.buffer, &other.buffer)
    }
}

impl Deref for SharedBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // (The range is within the buffer: every constructor makes it so.)
        self.buffer.get(self.range.clone()).unwrap_or_default()
    }
}

impl From<Vec<u8>> for SharedBytes {
    fn from(bytes: Vec<u8>) -> Self {
        SharedBytes::new(bytes)
    }
}

impl PartialEq for SharedBytes {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for SharedBytes {}

impl fmt::Debug for SharedBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedBytes({} bytes)", self.len())
    }
}

impl Serialize for SharedBytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self)
    }
}

impl<'de> Deserialize<'de> for SharedBytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let bytes: serde_bytes::ByteBuf = Deserialize::deserialize(deserializer)?;
        Ok(SharedBytes::new(bytes.into_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::SharedBytes;

    #[test]
    fn slices_share_the_buffer_and_clamp() {
        let bytes = SharedBytes::new(b"hello world".to_vec());
        let world = bytes.slice(6, 100);
        assert_eq!(&*world, b"world");
        assert!(world.shares_buffer_with(&bytes));
        let inner = world.slice(1, 3);
        assert_eq!(&*inner, b"or");
        assert_eq!(&*world.slice(4, 2), b"");
        assert_eq!(&*world.slice(9, 12), b"");
    }

    #[test]
    fn encodes_as_its_bytes_only() {
        let bytes = SharedBytes::new(b"hello world".to_vec()).slice(6, 11);
        let encoded = postcard::to_allocvec(&bytes).unwrap_or_default();
        let plain = postcard::to_allocvec(serde_bytes::Bytes::new(b"world")).unwrap_or_default();
        assert_eq!(encoded, plain);
        let decoded: Result<SharedBytes, _> = postcard::from_bytes(&encoded);
        assert_eq!(decoded.ok(), Some(bytes));
    }
}
