//! Between [`Value`] and the structured clone native value model: what `evaluate` gets back
//! (a record deserialized into a `NativeHeap`, then converted) and what `post_message` sends.

use std::collections::HashSet;

use postern_clone::native::{NativeHeap, NativeKind, NativeObjectId, NativeValue};
use postern_clone::{ErrorName, SerializedRecord, structured_deserialize, structured_serialize};

use crate::embedder::value::{MAX_DEPTH, ScriptError, ScriptErrorKind, Value};

/// The most nodes one [`Value`] tree converted from a window may have (repeated references
/// are copied, so a small record can stand for a huge tree).
const MAX_NODES: usize = 1_000_000;

/// Deserializes `record` into the native model, then converts it to a [`Value`].
pub(crate) fn value_from_record(record: &SerializedRecord) -> Result<Value, ScriptError> {
    let mut heap = NativeHeap::new();
    let value = structured_deserialize(&mut heap, record).map_err(|e| {
        ScriptError::new(
            ScriptErrorKind::NotCloneable,
            "DataCloneError",
            e.to_string(),
        )
    })?;
    let mut converter = FromNative {
        heap: &heap,
        in_progress: HashSet::new(),
        nodes: 0,
    };
    converter.convert(&value)
}

/// Serializes a [`Value`] through the native model: the record a page's `postMessage` of an
/// equal JS value would have made.
pub(crate) fn record_from_value(value: &Value) -> Result<SerializedRecord, String> {
    let mut heap = NativeHeap::new();
    let native = to_native(&mut heap, value);
    structured_serialize(&mut heap, &native).map_err(|e| e.to_string())
}

struct FromNative<'a> {
    heap: &'a NativeHeap,
    in_progress: HashSet<NativeObjectId>,
    nodes: usize,
}

fn not_cloneable(message: &str) -> ScriptError {
    ScriptError::new(ScriptErrorKind::NotCloneable, "DataCloneError", message)
}

fn string_of(units: &[u16]) -> String {
    String::from_utf16_lossy(units)
}

impl FromNative<'_> {
    fn convert(&mut self, value: &NativeValue) -> Result<Value, ScriptError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(not_cloneable("the value is too large to convert"));
        }
        Ok(match value {
            NativeValue::Undefined | NativeValue::Throwing(_) => Value::Undefined,
            NativeValue::Null => Value::Null,
            NativeValue::Boolean(b) => Value::Bool(*b),
            NativeValue::Number(n) => Value::Number(*n),
            NativeValue::BigInt(digits) => Value::BigInt(digits.clone()),
            NativeValue::String(s) => Value::String(string_of(s.as_units())),
            NativeValue::Symbol(_) => return Err(not_cloneable("a Symbol")),
            NativeValue::Object(id) => {
                // The objects in progress are the path from the root: its length is the depth.
                if self.in_progress.len() >= MAX_DEPTH {
                    return Err(not_cloneable("the value nests too deeply"));
                }
                // A cycle cannot be a tree.
                if !self.in_progress.insert(*id) {
                    return Err(not_cloneable("the value contains a cycle"));
                }
                let result = self.convert_object(*id);
                self.in_progress.remove(id);
                result?
            }
        })
    }

    fn convert_object(&mut self, id: NativeObjectId) -> Result<Value, ScriptError> {
        let object = self
            .heap
            .object(id)
            .ok_or_else(|| not_cloneable("a dangling object"))?;
        let property = |key: &str| {
            object
                .properties()
                .iter()
                .find(|(k, _)| string_of(k.as_units()) == key)
                .map(|(_, v)| v.clone())
        };
        Ok(match &object.kind {
            NativeKind::Ordinary => {
                let mut properties = Vec::with_capacity(object.properties().len());
                for (key, value) in object.properties() {
                    properties.push((string_of(key.as_units()), self.convert(value)?));
                }
                Value::Object(properties)
            }
            NativeKind::Array { length } => {
                // Only the indices: holes (and indices past what the record holds) are
                // undefined; bounded by the node budget.
                let mut items = Vec::new();
                for index in 0..*length {
                    let item = match property(&index.to_string()) {
                        Some(value) => self.convert(&value)?,
                        None => {
                            self.nodes += 1;
                            if self.nodes > MAX_NODES {
                                return Err(not_cloneable("the value is too large to convert"));
                            }
                            Value::Undefined
                        }
                    };
                    items.push(item);
                }
                Value::Array(items)
            }
            NativeKind::Function => return Err(not_cloneable("a function")),
            NativeKind::NotSerializable(what) => return Err(not_cloneable(what)),
            NativeKind::BooleanObject(b) => Value::Bool(*b),
            NativeKind::NumberObject(n) => Value::Number(*n),
            NativeKind::BigIntObject(digits) => Value::BigInt(digits.clone()),
            NativeKind::StringObject(s) => Value::String(string_of(s.as_units())),
            NativeKind::Date(time) => Value::Date(*time),
            NativeKind::RegExp(regexp) => Value::RegExp {
                source: string_of(regexp.source.as_units()),
                flags: regexp.flags.clone(),
            },
            NativeKind::ArrayBuffer(buffer) => Value::Bytes {
                kind: "ArrayBuffer".into(),
                bytes: buffer.data.clone().unwrap_or_default(),
            },
            NativeKind::SharedArrayBuffer(shared) => Value::Bytes {
                kind: "SharedArrayBuffer".into(),
                bytes: (0..shared.block.len())
                    .filter_map(|i| shared.block.get(i))
                    .collect(),
            },
            NativeKind::View(view) => {
                let bytes = self
                    .heap
                    .array_buffer(view.buffer)
                    .and_then(|b| b.data.as_ref())
                    .map(|data| {
                        let start = view.byte_offset.min(data.len());
                        let end = match view.length {
                            Some(length) => start
                                .saturating_add(length.saturating_mul(view.kind.element_size()))
                                .min(data.len()),
                            None => data.len(),
                        };
                        data[start..end].to_vec()
                    })
                    .unwrap_or_default();
                Value::Bytes {
                    kind: view.kind.constructor_name().into(),
                    bytes,
                }
            }
            NativeKind::Map(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                for (key, value) in entries {
                    out.push((self.convert(key)?, self.convert(value)?));
                }
                Value::Map(out)
            }
            NativeKind::Set(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                for value in entries {
                    out.push(self.convert(value)?);
                }
                Value::Set(out)
            }
            NativeKind::Error(name) => Value::Error {
                name: match property("name") {
                    Some(NativeValue::String(s)) => string_of(s.as_units()),
                    _ => name.as_str().to_owned(),
                },
                message: match property("message") {
                    Some(NativeValue::String(s)) => string_of(s.as_units()),
                    _ => String::new(),
                },
            },
            NativeKind::Platform(platform) => {
                let field = |key: &str| {
                    platform
                        .fields
                        .iter()
                        .find(|(k, _)| k == key)
                        .and_then(|(_, v)| match v {
                            NativeValue::String(s) => Some(string_of(s.as_units())),
                            _ => None,
                        })
                };
                if platform.interface == "DOMException" {
                    Value::Error {
                        name: field("name").unwrap_or_default(),
                        message: field("message").unwrap_or_default(),
                    }
                } else {
                    return Err(not_cloneable(&format!("a {}", platform.interface)));
                }
            }
        })
    }
}

/// A [`Value`] as a value of `heap` (recursion follows the embedder's own tree).
fn to_native(heap: &mut NativeHeap, value: &Value) -> NativeValue {
    match value {
        Value::Undefined => NativeValue::Undefined,
        Value::Null => NativeValue::Null,
        Value::Bool(b) => NativeValue::Boolean(*b),
        Value::Number(n) => NativeValue::Number(*n),
        Value::BigInt(digits) => NativeValue::BigInt(digits.clone()),
        Value::String(s) => NativeValue::from(s.as_str()),
        Value::Array(items) => {
            let items: Vec<NativeValue> = items.iter().map(|v| to_native(heap, v)).collect();
            heap.make_array_from(items)
        }
        Value::Object(properties) => {
            let properties: Vec<(String, NativeValue)> = properties
                .iter()
                .map(|(k, v)| (k.clone(), to_native(heap, v)))
                .collect();
            heap.make_object(properties.iter().map(|(k, v)| (k.as_str(), v.clone())))
        }
        Value::Date(time) => heap.make_date(*time),
        Value::RegExp { source, flags } => heap.make_regexp(source.as_str(), flags),
        Value::Map(entries) => {
            let entries: Vec<(NativeValue, NativeValue)> = entries
                .iter()
                .map(|(k, v)| (to_native(heap, k), to_native(heap, v)))
                .collect();
            heap.make_map(entries)
        }
        Value::Set(items) => {
            let items: Vec<NativeValue> = items.iter().map(|v| to_native(heap, v)).collect();
            heap.make_set(items)
        }
        Value::Error { name, message } => {
            let units: Vec<u16> = name.encode_utf16().collect();
            let message = NativeValue::from(message.as_str());
            heap.make_error(ErrorName::normalize(&units), Some(message))
        }
        Value::Bytes { bytes, .. } => heap.make_array_buffer(bytes.clone()),
    }
}
