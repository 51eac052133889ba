//! The `File` interface: a Blob with a name and a modification time.
//!
//! Spec: <https://w3c.github.io/FileAPI/#file-section>

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace};
use postern_clone::{PlatformSerialization, SharedBytes};

use crate::file_api::blob::{
    Blob, blob_deserialization_steps, blob_serialization_steps, string_field,
};
use crate::file_api::blob_parts::{
    convert_blob_parts, convert_blob_property_bag, normalize_type, process_blob_parts,
};
use crate::webidl::conversions::{arg, required_arguments, to_usv_string};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};
use crate::webidl::interface::{create_an_object_implementing, new_target};

/// `[Exposed=(Window,Worker), Serializable] interface File : Blob`.
///
/// Spec: <https://w3c.github.io/FileAPI/#file-section>
pub(crate) const FILE: InterfaceDeclaration = InterfaceDeclaration {
    name: "File",
    inherits: Some("Blob"),
    constructor: Some(Constructor {
        length: 2,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        // readonly attribute DOMString name;
        Attribute::readonly("name", get_name),
        // readonly attribute long long lastModified;
        Attribute::readonly("lastModified", get_last_modified),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// A File's state: its Blob state, its name and its last modification date.
#[derive(Clone, Debug, Default, Trace, Finalize, JsData)]
pub(crate) struct File {
    /// The bytes and `type`.
    #[unsafe_ignore_trace]
    pub blob: Blob,
    /// `name`.
    #[unsafe_ignore_trace]
    pub name: String,
    /// `lastModified`: milliseconds since the Unix epoch.
    #[unsafe_ignore_trace]
    pub last_modified: i64,
}

/// The File state of `object`, if it is a File.
pub(crate) fn file_of(object: &JsObject) -> Option<File> {
    object.downcast_ref::<File>().map(|file| file.clone())
}

/// The File state of `this` (the brand check let only Files through).
fn this_file(this: &JsValue) -> File {
    this.as_object()
        .and_then(|object| file_of(&object))
        .unwrap_or_default()
}

/// `new File(fileBits, fileName, options)`.
///
/// Spec: <https://w3c.github.io/FileAPI/#file-constructor>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "File")?;
    required_arguments(args, 2, "Failed to construct 'File'")?;
    let file_bits = convert_blob_parts(&arg(args, 0), "File", context)?;
    let file_name = to_usv_string(&arg(args, 1), context)?;
    let options = convert_blob_property_bag(&arg(args, 2), true, context)?;
    // 1. Let bytes be the result of processing blob parts given fileBits and options.
    let bytes = process_blob_parts(file_bits, options.endings)?;
    // 2. Let n be the fileName argument to the constructor.
    let n = file_name;
    // 3. Process FilePropertyBag dictionary argument by running the following substeps:
    //    1. If the type member is provided and is not the empty string, let t be set to
    //       the type dictionary member. If t contains any characters outside the range
    //       U+0020 to U+007E, then set t to the empty string and return from these
    //       substeps.
    //    2. Convert every character in t to ASCII lowercase.
    let t = normalize_type(&options.type_);
    //    3. If the lastModified member is provided, let d be set to the lastModified
    //       dictionary member. If it is not provided, set d to the current date and time
    //       represented as the number of milliseconds since the Unix Epoch.
    let d = match options.last_modified {
        Some(d) => d,
        None => context.clock().system_time_millis(),
    };
    // 4. Return a new File object F such that: F refers to the bytes byte sequence;
    //    F.size is set to the number of total bytes in bytes; F.name is set to n;
    //    F.type is set to t; F.lastModified is set to d.
    let file = File {
        blob: Blob {
            bytes: SharedBytes::new(bytes),
            type_: t,
        },
        name: n,
        last_modified: d,
    };
    Ok(create_an_object_implementing(context, "File", Some(&new_target), file)?.into())
}

/// A new File of the current realm with `file` as its state.
pub(crate) fn create_file(context: &mut Context, file: File) -> JsResult<JsObject> {
    create_an_object_implementing(context, "File", None, file)
}

/// `name`.
///
/// Spec: <https://w3c.github.io/FileAPI/#dfn-name>
fn get_name(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsString::from(this_file(this).name.as_str()).into())
}

/// `lastModified`.
///
/// Spec: <https://w3c.github.io/FileAPI/#dfn-lastModified>
fn get_last_modified(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::new(this_file(this).last_modified as f64))
}

/// The serialization steps of File: those of Blob, then its name and last modification
/// date.
///
/// Spec: <https://w3c.github.io/FileAPI/#file-section> (serialization steps)
pub(crate) fn file_serialization_steps(file: &File) -> PlatformSerialization<JsValue> {
    // 1. Set serialized.[[SnapshotState]] to value's snapshot state.
    // 2. Set serialized.[[ByteSequence]] to value's underlying byte sequence.
    let mut serialized = blob_serialization_steps(&file.blob);
    // 3. Set serialized.[[Name]] to the value of value's name attribute.
    serialized
        .fields
        .push(("Name".into(), JsString::from(file.name.as_str()).into()));
    // 4. Set serialized.[[LastModified]] to the value of value's lastModified attribute.
    serialized.fields.push((
        "LastModified".into(),
        JsValue::new(file.last_modified as f64),
    ));
    serialized
}

/// The deserialization steps of File, over a record read as hostile input (a name that is
/// not a string, a date that is not an integral Number, fail).
///
/// Spec: <https://w3c.github.io/FileAPI/#file-section> (deserialization steps)
pub(crate) fn file_deserialization_steps(
    fields: &[(String, JsValue)],
    bytes: &SharedBytes,
) -> Result<File, String> {
    // 1. Set value's snapshot state to serialized.[[SnapshotState]].
    // 2. Set value's underlying byte sequence to serialized.[[ByteSequence]].
    let blob = blob_deserialization_steps(fields, bytes)?;
    // 3. Initialize the value of value's name attribute to serialized.[[Name]].
    let name = string_field(fields, "Name")?;
    // 4. Initialize the value of value's lastModified attribute to
    //    serialized.[[LastModified]].
    let last_modified = fields
        .iter()
        .find(|(field, _)| field == "LastModified")
        .and_then(|(_, value)| value.as_number())
        .filter(|n| n.is_finite() && n.fract() == 0.0 && n.abs() <= 9.2e18)
        .ok_or("malformed serialized record: no integral LastModified")?;
    Ok(File {
        blob,
        name,
        last_modified: last_modified as i64,
    })
}

/// Sets the state of `object`, a File made by [`create_file`], to `file`.
pub(crate) fn set_file_state(object: &JsObject, file: File) -> bool {
    if let Some(mut state) = object.downcast_mut::<File>() {
        *state = file;
        return true;
    }
    false
}
