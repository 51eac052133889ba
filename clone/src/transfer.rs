//! StructuredSerializeWithTransfer and StructuredDeserializeWithTransfer.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializewithtransfer>

use crate::check::BufferShape;
use crate::deserialize::{Deserializer, PropertyStore, Received, take_buffers};
use crate::error::{DataCloneError, DeserializeError, SerializeError};
use crate::host::{DeserializeHost, ObjectKind, SerializeHost};
use crate::memory::Memory;
use crate::record::{RecordObject, SerializedRecord, TransferIndex};
use crate::serialize::{SerializeOptions, Serializer};
use crate::types::{BackingStore, PlatformTransferData};

/// The result of StructuredSerializeWithTransfer: `{ [[Serialized]],
/// [[TransferDataHolders]] }`.
///
/// The data holders hold what was moved out of the transferred objects (ArrayBuffer
/// contents, a MessagePort's channel ends): they are `Send` but in-process only, unlike
/// the serialized record, which can also be encoded to bytes.
#[derive(Debug)]
pub struct SerializedWithTransfer {
    /// `[[Serialized]]`: transferred objects are [`RecordObject::Transferred`] records,
    /// the first ones of `objects`, in transfer list order.
    pub serialized: SerializedRecord,
    /// `[[TransferDataHolders]]`, in transfer list order.
    pub transfer_data_holders: Vec<TransferDataHolder>,
}

/// A transfer data holder: what the transfer steps moved out of one transferred object.
#[derive(Debug)]
pub enum TransferDataHolder {
    /// `{ [[Type]]: "ArrayBuffer" | "ResizableArrayBuffer", [[ArrayBufferData]],
    /// [[ArrayBufferByteLength]], [[ArrayBufferMaxByteLength]] }`: the byte length is
    /// `data.len()`.
    ArrayBuffer {
        /// The detached buffer's data block, moved (not copied).
        data: BackingStore,
        /// `[[ArrayBufferMaxByteLength]]`, for a resizable buffer.
        max_byte_length: Option<usize>,
    },
    /// `{ [[Type]]: interface, ... }`: a transferable platform object's data.
    Platform {
        /// The identifier of its primary interface, e.g. `"MessagePort"`.
        interface: String,
        /// What its transfer steps moved into the holder.
        data: PlatformTransferData,
    },
}

/// The result of StructuredDeserializeWithTransfer: `([[Deserialized]],
/// [[TransferredValues]])`.
pub type DeserializedWithTransfer<V> = (V, Vec<V>);

/// StructuredSerializeWithTransfer(value, transferList).
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializewithtransfer>
///
/// Each transferable is serialized as a reference to its data holder (every reference to
/// it in `value`, a view's buffer included), and only once the whole value serialized are
/// the transferables detached, in list order: an ArrayBuffer's contents move into its
/// holder without a copy, in O(1) of its size, and the source buffer (and every view over
/// it) then reads as detached. `cross_origin_isolated` is the current settings object's
/// cross-origin isolated capability (for SharedArrayBuffers in `value`; `forStorage` is
/// false).
///
/// # Errors
///
/// - [`SerializeError::DataClone`]: an item of `transfer_list` is neither an ArrayBuffer nor
///   a transferable platform object, is a SharedArrayBuffer, is listed twice, or is detached
///   (`transfer[2] is a detached ArrayBuffer and cannot be transferred`); or the value does
///   not clone (as [`structured_serialize`](crate::structured_serialize)).
/// - [`SerializeError::Host`]: script threw during the walk, or detaching or transfer steps
///   threw.
pub fn structured_serialize_with_transfer<H: SerializeHost>(
    host: &mut H,
    value: &H::Value,
    transfer_list: &[H::Object],
    cross_origin_isolated: bool,
) -> Result<SerializedWithTransfer, SerializeError<H::Error>> {
    // 1. Let memory be an empty map.
    let mut memory = Memory::new(host.dense_identity_bound());
    // 2. For each transferable of transferList:
    for (i, transferable) in transfer_list.iter().enumerate() {
        match host.classify_object(transferable) {
            // 2. If transferable has an [[ArrayBufferData]] internal slot and
            //    IsSharedArrayBuffer(transferable) is true, then throw a "DataCloneError"
            //    DOMException.
            ObjectKind::SharedArrayBuffer { .. } => {
                return Err(not_transferable(i, "a SharedArrayBuffer").into());
            }
            ObjectKind::ArrayBuffer { .. }
            | ObjectKind::Platform {
                transferable: true, ..
            } => {}
            // 1. If transferable has neither an [[ArrayBufferData]] internal slot nor a
            //    [[Detached]] internal slot, then throw a "DataCloneError" DOMException.
            other => return Err(not_transferable(i, &describe(&other)).into()),
        }
        // 3. If memory[transferable] exists, then throw a "DataCloneError" DOMException.
        let identity = host.object_identity(transferable);
        if let Some(first) = memory.get(identity) {
            let what = format!("listed twice (as transfer[{}])", first.0);
            return Err(not_transferable(i, &what).into());
        }
        // 4. Set memory[transferable] to { [[Type]]: an uninitialized value }.
        //    (The record of transfer[i] is objects[i], a reference to data holder i.)
        let index = transfer_index(i)?;
        memory.insert(identity, RecordObject::Transferred(index))?;
    }

    // 3. Let serialized be ? StructuredSerializeInternal(value, false, memory).
    let options = SerializeOptions {
        for_storage: false,
        cross_origin_isolated,
    };
    let mut serializer = Serializer::new(host, memory, options);
    let root = serializer.structured_serialize_internal(value)?;
    let host = serializer.host();

    // 4. Let transferDataHolders be a new empty List.
    let mut holders = Vec::with_capacity(transfer_list.len());
    // 5. For each transferable of transferList:
    for (i, transferable) in transfer_list.iter().enumerate() {
        let holder = match host.classify_object(transferable) {
            // 1. If transferable has an [[ArrayBufferData]] internal slot and
            //    IsDetachedBuffer(transferable) is true, then throw a "DataCloneError"
            //    DOMException.
            ObjectKind::ArrayBuffer { detached: true, .. } => {
                return Err(not_transferable(i, "a detached ArrayBuffer").into());
            }
            // 3. Let dataHolder be memory[transferable].
            // 4. If transferable has an [[ArrayBufferData]] internal slot, then:
            ObjectKind::ArrayBuffer {
                detached: false,
                max_byte_length,
            } => {
                // 1. If transferable has an [[ArrayBufferMaxByteLength]] internal slot, then:
                //    1. Set dataHolder.[[Type]] to "ResizableArrayBuffer".
                //    2. Set dataHolder.[[ArrayBufferData]] to transferable.[[ArrayBufferData]].
                //    3. Set dataHolder.[[ArrayBufferByteLength]] to
                //       transferable.[[ArrayBufferByteLength]].
                //    4. Set dataHolder.[[ArrayBufferMaxByteLength]] to
                //       transferable.[[ArrayBufferMaxByteLength]].
                // 2. Otherwise:
                //    1. Set dataHolder.[[Type]] to "ArrayBuffer".
                //    2. Set dataHolder.[[ArrayBufferData]] to transferable.[[ArrayBufferData]].
                //    3. Set dataHolder.[[ArrayBufferByteLength]] to
                //       transferable.[[ArrayBufferByteLength]].
                // 3. Perform ? DetachArrayBuffer(transferable).
                //    (The host detaches it and hands its data block over: a move, no copy.)
                let data = host
                    .detach_array_buffer(transferable)
                    .map_err(SerializeError::Host)?;
                TransferDataHolder::ArrayBuffer {
                    data,
                    max_byte_length,
                }
            }
            // 2. If transferable has a [[Detached]] internal slot and
            //    transferable.[[Detached]] is true, then throw a "DataCloneError"
            //    DOMException.
            ObjectKind::Platform {
                interface,
                detached: true,
                ..
            } => {
                let what = format!("a detached {interface}");
                return Err(not_transferable(i, &what).into());
            }
            // 5. Otherwise:
            ObjectKind::Platform {
                interface,
                transferable: true,
                ..
            } => {
                // 1. Assert: transferable is a platform object that is a transferable object.
                // 2. Let interfaceName be the identifier of the primary interface of
                //    transferable.
                // 3. Set dataHolder.[[Type]] to interfaceName.
                // 4. Perform the appropriate transfer steps for the interface identified by
                //    interfaceName, given transferable and dataHolder.
                let data = host
                    .transfer_steps(transferable, &interface)
                    .map_err(SerializeError::Host)?;
                // 5. Set transferable.[[Detached]] to true.
                host.set_detached(transferable);
                TransferDataHolder::Platform { interface, data }
            }
            // (Step 2 checked the kind; a host whose objects change kind is refused.)
            other => return Err(not_transferable(i, &describe(&other)).into()),
        };
        // 6. Append dataHolder to transferDataHolders.
        holders.push(holder);
    }

    // 6. Return { [[Serialized]]: serialized, [[TransferDataHolders]]: transferDataHolders }.
    let (objects, properties, platform) = serializer.memory.into_record_parts();
    Ok(SerializedWithTransfer {
        serialized: SerializedRecord {
            root,
            objects,
            properties,
            platform,
        },
        transfer_data_holders: holders,
    })
}

/// StructuredDeserializeWithTransfer(serializeWithTransferResult, targetRealm): returns
/// `[[Deserialized]]` and `[[TransferredValues]]`.
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserializewithtransfer>
///
/// Consumes the result: transferred ArrayBuffer contents move into the new buffers (O(1),
/// no copy when the host adopts its own store type), and so do the record's copied
/// ArrayBuffer contents.
///
/// # Errors
///
/// As [`structured_deserialize`](crate::structured_deserialize); a resizable holder longer
/// than its maximum is Malformed, and the host's transfer-receiving steps may throw.
pub fn structured_deserialize_with_transfer<H: DeserializeHost>(
    host: &mut H,
    serialize_with_transfer_result: SerializedWithTransfer,
) -> Result<DeserializedWithTransfer<H::Value>, DeserializeError<H::Error>> {
    let SerializedWithTransfer {
        serialized: mut record,
        transfer_data_holders,
    } = serialize_with_transfer_result;
    // 1. Let memory be an empty map.
    // 2. Let transferredValues be a new empty List.
    let mut received = Vec::with_capacity(transfer_data_holders.len());
    // 3. For each transferDataHolder of serializeWithTransferResult.[[TransferDataHolders]]:
    for holder in transfer_data_holders {
        // 1. Let value be an uninitialized value.
        let value = match holder {
            // 2. If transferDataHolder.[[Type]] is "ArrayBuffer", then set value to a new
            //    ArrayBuffer object in targetRealm whose [[ArrayBufferData]] internal slot
            //    value is transferDataHolder.[[ArrayBufferData]], and whose
            //    [[ArrayBufferByteLength]] internal slot value is
            //    transferDataHolder.[[ArrayBufferByteLength]].
            // 3. Otherwise, if transferDataHolder.[[Type]] is "ResizableArrayBuffer", then set
            //    value to a new ArrayBuffer object in targetRealm whose [[ArrayBufferData]]
            //    internal slot value is transferDataHolder.[[ArrayBufferData]], whose
            //    [[ArrayBufferByteLength]] internal slot value is
            //    transferDataHolder.[[ArrayBufferByteLength]], and whose
            //    [[ArrayBufferMaxByteLength]] internal slot value is
            //    transferDataHolder.[[ArrayBufferMaxByteLength]].
            TransferDataHolder::ArrayBuffer {
                data,
                max_byte_length,
            } => {
                let shape = BufferShape {
                    byte_length: u64::try_from(data.len()).unwrap_or(u64::MAX),
                    resizable: max_byte_length.is_some(),
                };
                if max_byte_length.is_some_and(|max| data.len() > max) {
                    return Err(DeserializeError::Malformed(format!(
                        "transfer data holder {} is a resizable ArrayBuffer longer than its \
                         maximum",
                        received.len()
                    )));
                }
                let object = host
                    .create_array_buffer(data, max_byte_length)
                    .map_err(DeserializeError::Host)?;
                Received {
                    object,
                    buffer: Some(shape),
                }
            }
            // 4. Otherwise:
            TransferDataHolder::Platform { interface, data } => {
                // 1. Let interfaceName be transferDataHolder.[[Type]].
                // 2. If the interface identified by interfaceName is not exposed in
                //    targetRealm, then throw a "DataCloneError" DOMException.
                // 3. Set value to a new instance of the interface identified by
                //    interfaceName, created in targetRealm.
                //    (The host does both.)
                let object = host
                    .create_platform_object(&interface)
                    .map_err(DeserializeError::Host)?;
                // 4. Perform the appropriate transfer-receiving steps for the interface
                //    identified by interfaceName given transferDataHolder and value.
                host.transfer_receiving_steps(&object, &interface, data)
                    .map_err(DeserializeError::Host)?;
                Received {
                    object,
                    buffer: None,
                }
            }
        };
        // 5. Set memory[transferDataHolder] to value.
        //    (The Transferred records refer to it by its position.)
        // 6. Append value to transferredValues.
        received.push(value);
    }

    // 4. Let deserialized be ? StructuredDeserialize(serializeWithTransferResult.[[Serialized]],
    //    targetRealm, memory).
    let taken = take_buffers(&mut record);
    let properties = PropertyStore::take(&mut record);
    let deserialized = Deserializer::new(host, &record, Some(taken), &received)
        .with_properties(properties)
        .structured_deserialize()?;

    // 5. Return { [[Deserialized]]: deserialized, [[TransferredValues]]: transferredValues }.
    let transferred = received
        .iter()
        .map(|r| host.object_value(&r.object))
        .collect();
    Ok((deserialized, transferred))
}

/// The DataCloneError for transfer list item `i`.
fn not_transferable(i: usize, what: &str) -> DataCloneError {
    DataCloneError {
        message: format!("transfer[{i}] is {what} and cannot be transferred"),
    }
}

/// What a kind of object is, for transfer errors.
fn describe(kind: &ObjectKind) -> String {
    match kind {
        ObjectKind::NotSerializable(what) => what.clone(),
        ObjectKind::Platform { interface, .. } => format!("a {interface}, not transferable"),
        ObjectKind::Callable => "a function".into(),
        ObjectKind::Map => "a Map".into(),
        ObjectKind::Set => "a Set".into(),
        ObjectKind::Array { .. } => "an Array".into(),
        ObjectKind::ArrayBufferView { kind, .. } => format!("a {}", kind.constructor_name()),
        _ => "not an ArrayBuffer or a transferable platform object".into(),
    }
}

/// Transfer list position `i` as a [`TransferIndex`].
fn transfer_index(i: usize) -> Result<TransferIndex, DataCloneError> {
    u32::try_from(i)
        .map(TransferIndex)
        .map_err(|_| DataCloneError {
            message: "the transfer list is too long".into(),
        })
}
