//! The names an Error object keeps through cloning.

use serde::{Deserialize, Serialize};

/// `[[Name]]` of a serialized Error: one of the seven names the spec keeps; any other name
/// becomes `Error`.
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
/// (step 17.2)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ErrorName {
    /// `Error` (also every name not listed below).
    Error,
    /// `EvalError`.
    EvalError,
    /// `RangeError`.
    RangeError,
    /// `ReferenceError`.
    ReferenceError,
    /// `SyntaxError`.
    SyntaxError,
    /// `TypeError`.
    TypeError,
    /// `URIError`.
    UriError,
}

impl ErrorName {
    /// Every name, `Error` first.
    pub const ALL: [ErrorName; 7] = [
        ErrorName::Error,
        ErrorName::EvalError,
        ErrorName::RangeError,
        ErrorName::ReferenceError,
        ErrorName::SyntaxError,
        ErrorName::TypeError,
        ErrorName::UriError,
    ];

    /// The name as JS spells it (`"URIError"` for [`ErrorName::UriError`]).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorName::Error => "Error",
            ErrorName::EvalError => "EvalError",
            ErrorName::RangeError => "RangeError",
            ErrorName::ReferenceError => "ReferenceError",
            ErrorName::SyntaxError => "SyntaxError",
            ErrorName::TypeError => "TypeError",
            ErrorName::UriError => "URIError",
        }
    }

    /// Step 17.2: the name `name` (UTF-16) stands for; `Error` unless it is exactly one of
    /// the seven.
    pub fn normalize(name: &[u16]) -> ErrorName {
        ErrorName::ALL
            .into_iter()
            .find(|known| known.as_str().encode_utf16().eq(name.iter().copied()))
            .unwrap_or(ErrorName::Error)
    }
}

impl std::fmt::Display for ErrorName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
