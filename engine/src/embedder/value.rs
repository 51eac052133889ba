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

/// The deepest one [`Value`] tree converted from a window may nest (deeper is an error, so
/// that converting, printing and dropping it never recurse past this).
pub const MAX_DEPTH: usize = 128;
