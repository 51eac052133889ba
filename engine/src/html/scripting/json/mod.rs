//! The `JSON` object's functions: `JSON.stringify` in linear time, `JSON.parse` at any
//! depth, and neither by native recursion.
//!
//! boa 0.22's `JSON.stringify` builds each level's text by copying the whole text of the
//! level below into it (`serialize_json_object`/`serialize_json_array` return a new string
//! made from their members' strings), so a value nested n deep costs about n²/2 code-unit
//! copies: a 20,000-deep array took 25 s and a 50,000-deep object 27 s, in one task that
//! nothing can interrupt. Its `JSON.parse` rejects any text nested 128 deep (serde_json's
//! recursion limit), and both recurse natively once per level. Chromium stringifies a
//! 200,000-deep array in 44 ms and parses 5,000,000-deep texts.
//!
//! Postern installs, in every realm, `JSON.stringify` (`stringify.rs`), which follows the
//! spec's steps and appends every level's text to one output buffer (`output.rs`) instead
//! of copying a nested level's text; `JSON.parse` (`parse.rs`), which reads the text once;
//! its reviver's InternalizeJSONProperty (`internalize.rs`); and `JSON.rawJSON`/`isRawJSON`
//! (`raw.rs`). Nested values are walked with explicit stacks of suspended invocations, so
//! the replacer functions, `toJSON` methods, revivers, getters and Proxy traps they call
//! are called from the same native depth whatever the nesting. Nesting past
//! [`MAX_JSON_NESTING`] is `RangeError: Maximum call stack size exceeded`, and a text
//! longer than V8's maximum string length `RangeError: Invalid string length`.

mod frames;
mod internalize;
mod operations;
mod output;
mod parse;
mod raw;
mod reader;
mod stringify;

use boa_engine::{Context, JsNativeError, JsResult, NativeFunction};

use super::builtins::define_builtin_methods;
use operations::{JsonIntrinsics, delete, enumerable_own_keys, get_v, is_array};

/// The deepest nesting of arrays and objects the JSON functions handle: deeper is a
/// RangeError. Chromium stringifies and parses 5,000,000-deep arrays and objects (its
/// `JSON.stringify` with a replacer, a gap or `toJSON`, and its reviver, stop between 2,500
/// and 5,200 deep); this bound is twice that, and each level costs here only a frame on a
/// heap-allocated stack (under 100 bytes), less than the nested value itself.
pub(crate) const MAX_JSON_NESTING: usize = 10_000_000;

/// The RangeError for nesting past [`MAX_JSON_NESTING`], worded as browsers word their stack
/// overflow.
fn nesting_too_deep() -> boa_engine::JsError {
    JsNativeError::range()
        .with_message("Maximum call stack size exceeded")
        .into()
}

/// Replaces `JSON.parse`, `JSON.stringify`, `JSON.rawJSON` and `JSON.isRawJSON` of the
/// current realm.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    let saved = JsonIntrinsics::of_current_realm(context)?;
    context.realm().host_defined_mut().insert(saved);
    let json = context.intrinsics().objects().json();
    let functions: [(&str, usize, NativeFunction); 4] = [
        ("parse", 2, NativeFunction::from_fn_ptr(parse::json_parse)),
        (
            "stringify",
            3,
            NativeFunction::from_fn_ptr(stringify::json_stringify),
        ),
        (
            "rawJSON",
            1,
            NativeFunction::from_fn_ptr(raw::json_raw_json),
        ),
        (
            "isRawJSON",
            1,
            NativeFunction::from_fn_ptr(raw::json_is_raw_json),
        ),
    ];
    define_builtin_methods(context, &json, functions);
    Ok(())
}
