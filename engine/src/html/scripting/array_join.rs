//! `Array.prototype.join` with the maximum string length.
//!
//! boa 0.22's `join` reserves room for 2 × length strings before it looks at one element:
//! `a.length = 2 ** 32 - 1; a.join()` asked for 64 GiB and aborted the process (found by the
//! hostile-pages fuzzer, docs/fuzzing.md), `Array(2 ** 27).join()` for 4 GiB. Browsers throw
//! `RangeError: Invalid string length` once the result would pass the maximum (V8: 2^29 − 24
//! code units), before converting any element when the separators alone pass it. Postern
//! installs, in every realm, a `join` that follows the spec's steps with that check and
//! grows its result as it goes. `Array.prototype.toString` (which calls `this.join`) and
//! `toLocaleString`'s callers go through it too.
//!
//! Nested arrays join by recursion (join → ToString → `toString` → join), in native code
//! that boa's recursion limit does not see: `String(a)` of a 1,000,000-deep nested array
//! overflowed the agent's 1 GiB stack and aborted the process (found by the hostile-pages
//! fuzzer's seeded run). Joins nested deeper than [`MAX_JOIN_NESTING`] throw
//! `RangeError: Maximum call stack size exceeded`, as browsers do past their stack.

use std::cell::Cell;

use boa_engine::{Context, JsNativeError, JsResult, JsString, JsValue, NativeFunction, js_string};

use super::builtins::define_builtin_methods;
use super::string_length::{MAX_STRING_LENGTH, invalid_string_length};
use crate::webidl::conversions::arg;

/// The most joins that may be in progress at once on an agent's thread (one per level of
/// nested arrays being joined).
pub(crate) const MAX_JOIN_NESTING: usize = 10_000;

thread_local! {
    /// How many joins are in progress on this thread (each agent has its own thread).
    static JOIN_NESTING: Cell<usize> = const { Cell::new(0) };
}

/// One level of join nesting, given back when dropped.
struct JoinLevel;

impl JoinLevel {
    /// Enters a level, or the RangeError past [`MAX_JOIN_NESTING`].
    fn enter() -> JsResult<JoinLevel> {
        let depth = JOIN_NESTING.with(Cell::get);
        if depth >= MAX_JOIN_NESTING {
            return Err(JsNativeError::range()
                .with_message("Maximum call stack size exceeded")
                .into());
        }
        JOIN_NESTING.with(|n| n.set(depth + 1));
        Ok(JoinLevel)
    }
}

impl Drop for JoinLevel {
    fn drop(&mut self) {
        JOIN_NESTING.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// Replaces `Array.prototype.join` of the current realm.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().array().prototype();
    let methods = [("join", 1, NativeFunction::from_fn_ptr(array_prototype_join))];
    define_builtin_methods(context, &prototype, methods);
    Ok(())
}

/// `Array.prototype.join(separator)`, with the maximum string length.
///
/// Spec: <https://tc39.es/ecma262/#sec-array.prototype.join>
pub(crate) fn array_prototype_join(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // (Deviation: joins nested past MAX_JOIN_NESTING are a RangeError, the engine's stack.)
    let _level = JoinLevel::enter()?;
    // 1. Let O be ? ToObject(this value).
    let o = this.to_object(context)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    //    (LengthOfArrayLike: ToLength(? Get(O, "length")).)
    let len = o.get(js_string!("length"), context)?.to_length(context)?;
    // 3. If separator is undefined, let sep be ",".
    // 4. Else, let sep be ? ToString(separator).
    let separator = arg(args, 0);
    let sep = if separator.is_undefined() {
        js_string!(",")
    } else {
        separator.to_string(context)?
    };
    // (The maximum string length: the separators alone are (len − 1) × sep's length code
    // units, known before any element is converted; V8 throws here too.)
    let separators = len.saturating_sub(1).saturating_mul(sep.len() as u64);
    if separators > MAX_STRING_LENGTH {
        return Err(invalid_string_length());
    }
    // 5. Let R be the empty String (its code units, growing as needed).
    let mut r: Vec<u16> = Vec::new();
    // 6. Let k be 0.
    // 7. Repeat, while k < len,
    for k in 0..len {
        // a. If k > 0, set R to the string-concatenation of R and sep.
        if k > 0 {
            r.extend(sep.iter());
        }
        // b. Let element be ? Get(O, ! ToString(𝔽(k))).
        let element = o.get(k, context)?;
        // c. If element is either undefined or null, let next be the empty String;
        //    otherwise, let next be ? ToString(element).
        // Deviation: an element that is the array itself is the empty String too, as in
        // boa's own join (browsers print any cycle as the empty String).
        if element.is_null_or_undefined() || &element == this {
            continue;
        }
        let next = element.to_string(context)?;
        // d. Set R to the string-concatenation of R and next.
        if (r.len() + next.len()) as u64 > MAX_STRING_LENGTH {
            return Err(invalid_string_length());
        }
        r.extend(next.iter());
        // e. Set k to k + 1.
    }
    // 8. Return R.
    Ok(JsString::from(r.as_slice()).into())
}
