//! The value types the host traits and the record share: ArrayBuffer contents, shared
//! memory, view kinds, error names and platform-object data.

mod buffer;
mod error_name;
mod platform;
mod shared_bytes;
mod view;

pub use buffer::{BackingStore, ByteStore, SharedMemory};
pub use error_name::ErrorName;
pub use platform::{PlatformSerialization, PlatformTransferData};
pub use shared_bytes::SharedBytes;
pub use view::ViewKind;
