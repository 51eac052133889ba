//! The `postern-clone` capability traits implemented for boa values.
//!
//! `postern-clone` walks values without knowing boa; this module answers its questions about
//! boa values ([`BoaSerializeHost`], in `serialize_host`) and builds values in a target realm
//! ([`BoaDeserializeHost`], in `deserialize_host`). Objects are created in whatever realm the
//! context is in, so callers enter the target realm first.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html>

mod deserialize_host;
mod serialize_host;
mod strings;
pub(crate) mod structured_clone;

pub(crate) use deserialize_host::BoaDeserializeHost;
pub(crate) use serialize_host::BoaSerializeHost;

use crate::webidl::dom_exception;
use boa_engine::object::builtins::AlignedVec;
use boa_engine::{Context, JsError, JsString};
use postern_clone::{ByteStore, CloneString};

/// The alignment boa gives every ArrayBuffer's data block.
const BOA_BUFFER_ALIGNMENT: usize = 64;

/// An ArrayBuffer's data block as boa stores it: what a transfer moves, without a copy, from
/// the detached buffer to the new one.
pub(crate) struct BoaBytes(pub(crate) AlignedVec<u8>);

impl ByteStore for BoaBytes {
    fn bytes(&self) -> &[u8] {
        self.0.as_slice()
    }
}

fn clone_string(string: &JsString) -> CloneString {
    CloneString(string.to_vec())
}

fn js_string(string: &CloneString) -> JsString {
    JsString::from(string.as_units())
}

/// A "DataCloneError" DOMException of the current realm.
fn data_clone_error(context: &mut Context, message: &str) -> JsError {
    dom_exception::throw(context, "DataCloneError", message)
}
