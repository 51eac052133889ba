//! [`Value`]: a JS value as the embedder sees it (what [`UserAgent::evaluate`] returns and
//! [`UserAgent::post_message`] sends), and [`ScriptError`].
//!
//! A value crosses between Rust and a window the way a message crosses between windows: by
//! the structured clone algorithm. `evaluate` serializes the completion value in the
//! window's realm and deserializes the record into `postern_clone`'s native value model,
//! which is then converted to a [`Value`] tree; `post_message` converts a [`Value`] into the
//! native model and serializes it from there.
//!
//! [`UserAgent::evaluate`]: crate::UserAgent::evaluate
//! [`UserAgent::post_message`]: crate::UserAgent::post_message

use std::collections::HashSet;

use postern_clone::native::{NativeHeap, NativeKind, NativeObjectId, NativeValue};
use postern_clone::{ErrorName, SerializedRecord, structured_deserialize, structured_serialize};

/// A JS value that the structured clone algorithm can carry, as a tree (like
/// `serde_json::Value`, with JS's extra kinds).
///
/// Conversions are lossy where a tree cannot say more: shared and repeated references are
/// copied (a cycle is an error), an array's holes are `Undefined` and its non-index
/// properties dropped, wrapper objects (`new Number(1)`) are their primitive, a `Map`'s and a
/// `Set`'s entries are kept in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A Boolean.
    Bool(bool),
    /// A Number.
    Number(f64),
    /// A BigInt, as decimal digits with an optional leading `-`.
    BigInt(String),
    /// A String (lone surrogates replaced by U+FFFD).
    String(String),
    /// An Array.
    Array(Vec<Value>),
    /// An ordinary object: its own enumerable string-keyed properties, in order.
    Object(Vec<(String, Value)>),
    /// A Date: its time value (milliseconds since the epoch; NaN for an invalid date).
    Date(f64),
    /// A RegExp.
    RegExp {
        /// Its source.
        source: String,
        /// Its flags.
        flags: String,
    },
    /// A Map's entries, in order.
    Map(Vec<(Value, Value)>),
    /// A Set's entries, in order.
    Set(Vec<Value>),
    /// An Error (or a `DOMException`: its name is the exception's name).
    Error {
        /// `name` (`Error`, `TypeError`, ..., or the DOMException's name).
        name: String,
        /// `message`.
        message: String,
    },
    /// An ArrayBuffer's bytes, or a typed array's or DataView's (its constructor's name,
    /// the bytes it views).
    Bytes {
        /// `ArrayBuffer`, `Uint8Array`, `DataView`, ...
        kind: String,
        /// The bytes.
        bytes: Vec<u8>,
    },
}

impl Value {
    /// An ordinary object of `(key, value)` properties.
    pub fn object<K: Into<String>>(properties: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Object(properties.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// The property `key` of an object (the first with that key), if this is one.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(properties) => properties.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::String(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::String(value)
    }
}

impl From<f64> for Value {
    fn from(value: f64) -> Self {
        Value::Number(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(value: Vec<T>) -> Self {
        Value::Array(value.into_iter().map(Into::into).collect())
    }
}

/// JS-like notation: `{a: 1, b: "x", c: [true, null, undefined]}`, `1n`, `Map {1 => 2}`.
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fn list<T>(
            f: &mut std::fmt::Formatter<'_>,
            items: &[T],
            each: impl Fn(&mut std::fmt::Formatter<'_>, &T) -> std::fmt::Result,
        ) -> std::fmt::Result {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                each(f, item)?;
            }
            Ok(())
        }
        match self {
            Value::Undefined => f.write_str("undefined"),
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => write!(f, "{n}"),
            Value::BigInt(digits) => write!(f, "{digits}n"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Array(items) => {
                f.write_str("[")?;
                list(f, items, |f, v| write!(f, "{v}"))?;
                f.write_str("]")
            }
            Value::Object(properties) => {
                f.write_str("{")?;
                list(f, properties, |f, (k, v)| write!(f, "{k}: {v}"))?;
                f.write_str("}")
            }
            Value::Date(time) => write!(f, "Date({time})"),
            Value::RegExp { source, flags } => write!(f, "/{source}/{flags}"),
            Value::Map(entries) => {
                f.write_str("Map {")?;
                list(f, entries, |f, (k, v)| write!(f, "{k} => {v}"))?;
                f.write_str("}")
            }
            Value::Set(items) => {
                f.write_str("Set {")?;
                list(f, items, |f, v| write!(f, "{v}"))?;
                f.write_str("}")
            }
            Value::Error { name, message } => write!(f, "{name}: {message}"),
            Value::Bytes { kind, bytes } => write!(f, "{kind}({} bytes)", bytes.len()),
        }
    }
}

/// Why a script evaluated from Rust gave no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptErrorKind {
    /// The script threw (or did not parse): `name`, `message` and `stack` describe the
    /// exception.
    Thrown,
    /// The completion value could not be cloned out of the window (a function, a Symbol, a
    /// cycle, a platform object that is not serializable): a `DataCloneError`.
    NotCloneable,
    /// No such window (never existed, closed, or replaced by another document).
    NoWindow,
    /// Scripting is disabled in the window (a sandboxed document without `allow-scripts`).
    ScriptingDisabled,
    /// The window's agent never answered (it crashed, or a run limit was reached).
    NoReply,
}

/// What went wrong evaluating a script in a window: the exception's `name`, `message` and
/// `stack`, or why there was none to give.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{name}: {message}")]
pub struct ScriptError {
    /// What kind of failure.
    pub kind: ScriptErrorKind,
    /// The exception's `name` (`TypeError`, `SyntaxError`, ...; `""` for a thrown value that
    /// is not an object).
    pub name: String,
    /// The exception's `message` (the thrown value as a string when it is not an object).
    pub message: String,
    /// The exception's `stack`, if it has one.
    pub stack: Option<String>,
}

impl ScriptError {
    /// An error of `kind` with a name and a message.
    pub fn new(kind: ScriptErrorKind, name: &str, message: impl Into<String>) -> Self {
        ScriptError {
            kind,
            name: name.to_owned(),
            message: message.into(),
            stack: None,
        }
    }
}

/// The most nodes one [`Value`] tree converted from a window may have (repeated references
/// are copied, so a small record can stand for a huge tree).
const MAX_NODES: usize = 1_000_000;

/// The deepest one [`Value`] tree converted from a window may nest (deeper is an error, so
/// that converting, printing and dropping it never recurse past this).
pub const MAX_DEPTH: usize = 128;

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
