//! The `Crypto` interface (`getRandomValues()`, `randomUUID()`) and the Window's `crypto`
//! attribute, with randomness from the operating system (`getrandom`).
//!
//! Spec: <https://w3c.github.io/webcrypto/#crypto-interface>

use boa_engine::builtins::typed_array::TypedArrayKind;
use boa_engine::object::builtins::{JsArrayBuffer, JsDataView, JsTypedArray};
use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace};

use crate::agent::realm_data::RealmData;
use crate::webidl::conversions::{arg, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::{
    create_an_object_implementing, define_global_members, install_interface,
};

/// `interface Crypto`: what scripts see.
///
/// Spec: <https://w3c.github.io/webcrypto/#crypto-interface>
// TODO(spec): `[SecureContext] readonly attribute SubtleCrypto subtle` (no SubtleCrypto).
pub(crate) const CRYPTO: InterfaceDeclaration = InterfaceDeclaration {
    name: "Crypto",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[
        // ArrayBufferView getRandomValues(ArrayBufferView array);
        Operation::new("getRandomValues", 1, get_random_values),
        // [SecureContext] DOMString randomUUID();
        Operation::new("randomUUID", 0, random_uuid),
    ],
    static_operations: &[],
    mixins: &[],
};

/// `partial interface mixin WindowOrWorkerGlobalScope` (the `crypto` attribute), as the
/// Window includes it: what scripts see.
///
/// Spec: <https://w3c.github.io/webcrypto/#crypto-interface>
pub(crate) const WINDOW_CRYPTO_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    // [SameObject] readonly attribute Crypto crypto;
    attributes: &[Attribute::readonly("crypto", get_crypto)],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// The data of a Crypto object (it has no state).
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct Crypto;

/// The Window's Crypto object, kept in its realm's host-defined slot.
#[derive(Trace, Finalize, JsData)]
struct WindowCrypto(JsObject);

/// The most bytes `getRandomValues()` fills in one call.
const MAX_RANDOM_BYTES: usize = 65_536;

/// Installs `Crypto` in the current realm, creates the Window's Crypto object and defines
/// `crypto` on `global`. In a context that is not a secure context, `randomUUID` is not
/// exposed (`[SecureContext]`).
pub(crate) fn install(context: &mut Context, global: &JsObject, secure: bool) -> JsResult<()> {
    let interface = install_interface(context, global, &CRYPTO)?;
    if !secure {
        interface
            .prototype
            .delete_property_or_throw(JsString::from("randomUUID"), context)?;
    }
    let crypto = create_an_object_implementing(context, "Crypto", None, Crypto)?;
    context
        .realm()
        .host_defined_mut()
        .insert(WindowCrypto(crypto));
    define_global_members(context, global, &WINDOW_CRYPTO_MEMBERS)
}

/// The `crypto` getter: the Crypto object of `this`'s Window (kept in that Window's realm).
///
/// Spec: <https://w3c.github.io/webcrypto/#dfn-WindowOrWorkerGlobalScope-crypto>
fn get_crypto(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let realm = RealmData::realm_of_this(this, context)?;
    realm
        .host_defined()
        .get::<WindowCrypto>()
        .map(|crypto| crypto.0.clone().into())
        .ok_or_else(|| type_error("no Crypto in this realm"))
}

/// Checks that `this` is a Crypto object.
fn this_crypto(this: &JsValue) -> JsResult<()> {
    this.as_object()
        .filter(|object| object.downcast_ref::<Crypto>().is_some())
        .map(|_| ())
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a Crypto"))
}

/// `getRandomValues(array)`: fills an integer typed array with random values.
///
/// Spec: <https://w3c.github.io/webcrypto/#Crypto-method-getRandomValues>
fn get_random_values(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_crypto(this)?;
    // (Web IDL: the argument is a required ArrayBufferView, not backed by a
    // SharedArrayBuffer: it has no [AllowShared].)
    let value = arg(args, 0);
    let Some(object) = value.as_object() else {
        return Err(type_error(
            "Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.",
        ));
    };
    let (kind, view) = match JsTypedArray::from_object(object.clone()) {
        Ok(array) => (array.kind(), Some(array)),
        Err(_) if JsDataView::from_object(object.clone()).is_ok() => (None, None),
        Err(_) => {
            return Err(type_error(
                "Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.",
            ));
        }
    };
    // 1. If array is not an Int8Array, Uint8Array, Uint8ClampedArray, Int16Array,
    //    Uint16Array, Int32Array, Uint32Array, BigInt64Array, or BigUint64Array, then throw
    //    a TypeMismatchError and terminate the algorithm.
    let integer = matches!(
        kind,
        Some(
            TypedArrayKind::Int8
                | TypedArrayKind::Uint8
                | TypedArrayKind::Uint8Clamped
                | TypedArrayKind::Int16
                | TypedArrayKind::Uint16
                | TypedArrayKind::Int32
                | TypedArrayKind::Uint32
                | TypedArrayKind::BigInt64
                | TypedArrayKind::BigUint64
        )
    );
    let Some(view) = view.filter(|_| integer) else {
        return Err(dom_exception::throw(
            context,
            "TypeMismatchError",
            "The provided ArrayBufferView is of a type that is not an integer array.",
        ));
    };
    let buffer = view.buffer(context)?;
    let Some(buffer) = buffer
        .as_object()
        .and_then(|b| JsArrayBuffer::from_object(b).ok())
    else {
        return Err(type_error(
            "Failed to execute 'getRandomValues' on 'Crypto': The provided ArrayBufferView value must not be shared.",
        ));
    };
    let offset = view.byte_offset(context)?;
    let length = view.byte_length(context)?;
    // 2. If the byteLength of array is greater than 65536, throw a QuotaExceededError and
    //    terminate the algorithm.
    if length > MAX_RANDOM_BYTES {
        return Err(dom_exception::throw(
            context,
            "QuotaExceededError",
            &format!(
                "The ArrayBufferView's byte length ({length}) exceeds the number of bytes of entropy available via this API (65536)."
            ),
        ));
    }
    // 3. Overwrite all elements of array with cryptographically strong random values of
    //    the appropriate type.
    if let Some(mut data) = buffer.data_mut()
        && let Some(bytes) = data.get_mut(offset..offset.saturating_add(length))
    {
        getrandom::fill(bytes).map_err(|e| type_error(format!("no randomness: {e}")))?;
    }
    // 4. Return array.
    Ok(value)
}

/// `randomUUID()`: a new version 4 UUID, generated from random bytes.
///
/// Spec: <https://w3c.github.io/webcrypto/#Crypto-method-randomUUID>
fn random_uuid(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    this_crypto(this)?;
    Ok(JsString::from(generate_a_random_uuid()?.as_str()).into())
}

/// Generate a random UUID.
///
/// Spec: <https://w3c.github.io/webcrypto/#dfn-generate-a-random-uuid>
fn generate_a_random_uuid() -> JsResult<String> {
    // 1. Let bytes be a byte sequence of length 16.
    let mut bytes = [0u8; 16];
    // 2. Fill bytes with cryptographically secure random bytes.
    getrandom::fill(&mut bytes).map_err(|e| type_error(format!("no randomness: {e}")))?;
    // 3. Set the 4 most significant bits of bytes[6], which represent the UUID version, to
    //    0100.
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    // 4. Set the 2 most significant bits of bytes[8], which represent the UUID variant, to
    //    10.
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    // 5. Return the string concatenation of the hexadecimal representations of bytes[0]
    //    to bytes[15], with "-" after bytes[3], bytes[5], bytes[7] and bytes[9].
    let mut uuid = String::with_capacity(36);
    for (index, byte) in bytes.iter().enumerate() {
        if matches!(index, 4 | 6 | 8 | 10) {
            uuid.push('-');
        }
        uuid.push_str(&format!("{byte:02x}"));
    }
    Ok(uuid)
}

#[cfg(test)]
mod tests {
    use super::generate_a_random_uuid;

    #[test]
    fn a_random_uuid_is_version_4_in_the_canonical_form() {
        let Ok(uuid) = generate_a_random_uuid() else {
            panic!("no randomness");
        };
        assert_eq!(uuid.len(), 36);
        let groups: Vec<&str> = uuid.split('-').collect();
        assert_eq!(
            groups.iter().map(|g| g.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(
            uuid.chars()
                .all(|c| c == '-' || matches!(c, '0'..='9' | 'a'..='f'))
        );
        assert!(groups[2].starts_with('4'), "version 4: {uuid}");
        assert!(
            matches!(groups[3].chars().next(), Some('8' | '9' | 'a' | 'b')),
            "variant 10: {uuid}"
        );
        assert_ne!(generate_a_random_uuid().ok(), Some(uuid));
    }
}
