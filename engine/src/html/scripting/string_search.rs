//! `String.prototype.indexOf`, `includes`, `replaceAll` and `split` with a linear
//! StringIndexOf.
//!
//! boa 0.22's StringIndexOf skips to `fromIndex` by stepping an iterator of windows one by one,
//! so each search from position p costs O(p) before it compares anything: `replaceAll` and
//! `split` of a string with many matches are quadratic (`'x'.repeat(2 ** 18).replaceAll('x',
//! 'yy')` took 16 s, found by the hostile-pages fuzzer: a task that outlived every limit), and
//! so is a page's own `indexOf(s, p + 1)` loop. Browsers do each in milliseconds. Postern
//! installs, in every realm, these four methods following the spec's steps with a
//! StringIndexOf that starts at `fromIndex` (docs/upstream/boa has the one-line fix Postern
//! would propose instead). Searches with a RegExp still go to its `@@replace`/`@@split`
//! (boa's).

use boa_engine::object::builtins::{JsArray, JsRegExp};
use boa_engine::string::JsStrVariant;
use boa_engine::{
    Context, JsNativeError, JsResult, JsStr, JsString, JsSymbol, JsValue, NativeFunction, js_string,
};

use super::builtins::{define_builtin_methods, require_object_coercible, this_string};
use super::string_length::{MAX_STRING_LENGTH, invalid_string_length};
use crate::webidl::conversions::arg;

/// Replaces the four methods on `String.prototype` of the current realm.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    let prototype = context.intrinsics().constructors().string().prototype();
    let methods: [(&str, usize, NativeFunction); 4] = [
        (
            "indexOf",
            1,
            NativeFunction::from_fn_ptr(string_prototype_index_of),
        ),
        (
            "includes",
            1,
            NativeFunction::from_fn_ptr(string_prototype_includes),
        ),
        (
            "replaceAll",
            2,
            NativeFunction::from_fn_ptr(string_prototype_replace_all),
        ),
        (
            "split",
            2,
            NativeFunction::from_fn_ptr(string_prototype_split),
        ),
    ];
    define_builtin_methods(context, &prototype, methods);
    Ok(())
}

/// StringIndexOf(string, searchValue, fromIndex), starting at `from_index` (not stepping to
/// it): the first index at or after it where `search` occurs in `string`.
///
/// Spec: <https://tc39.es/ecma262/#sec-stringindexof>
pub(crate) fn string_index_of(
    string: JsStr<'_>,
    search: JsStr<'_>,
    from_index: usize,
) -> Option<usize> {
    // 1. Let len be the length of string.
    let len = string.len();
    // 2. If searchValue is the empty String and fromIndex ≤ len, return fromIndex.
    if search.is_empty() {
        return (from_index <= len).then_some(from_index);
    }
    // 3. Let searchLen be the length of searchValue.
    // 4. For each integer i such that fromIndex ≤ i ≤ len - searchLen, in ascending order:
    //    a. Let candidate be the substring of string from i to i + searchLen.
    //    b. If candidate is searchValue, return i.
    // 5. Return not-found.
    if from_index >= len || search.len() > len - from_index {
        return None;
    }
    let found = match (string.variant(), search.variant()) {
        (JsStrVariant::Latin1(haystack), JsStrVariant::Latin1(needle)) => {
            memchr::memmem::find(&haystack[from_index..], needle)
        }
        (JsStrVariant::Latin1(haystack), JsStrVariant::Utf16(needle)) => {
            // A code unit above U+00FF never occurs in a Latin-1 string.
            let needle: Option<Vec<u8>> = needle.iter().map(|&u| u8::try_from(u).ok()).collect();
            needle.and_then(|n| memchr::memmem::find(&haystack[from_index..], &n))
        }
        (JsStrVariant::Utf16(haystack), JsStrVariant::Latin1(needle)) => {
            let needle: Vec<u16> = needle.iter().map(|&b| u16::from(b)).collect();
            find_units(&haystack[from_index..], &needle)
        }
        (JsStrVariant::Utf16(haystack), JsStrVariant::Utf16(needle)) => {
            find_units(&haystack[from_index..], needle)
        }
    };
    found.map(|i| i + from_index)
}

/// The first index of `needle` (not empty) in `haystack`.
fn find_units(haystack: &[u16], needle: &[u16]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let last_start = haystack.len().checked_sub(needle.len())?;
    let mut i = 0;
    while i <= last_start {
        let offset = haystack[i..=last_start].iter().position(|&u| u == first)?;
        i += offset;
        if haystack[i + 1..i + needle.len()] == *rest {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Appends the code units of `string[start..end]` to `out`.
fn push_units(out: &mut Vec<u16>, string: JsStr<'_>, start: usize, end: usize) {
    match string.variant() {
        JsStrVariant::Latin1(bytes) => out.extend(bytes[start..end].iter().map(|&b| u16::from(b))),
        JsStrVariant::Utf16(units) => out.extend_from_slice(&units[start..end]),
    }
}

/// `position` clamped between 0 and `len` after ToIntegerOrInfinity.
fn clamped_position(position: &JsValue, len: usize, context: &mut Context) -> JsResult<usize> {
    let pos = position.to_number(context)?;
    let pos = if pos.is_nan() { 0.0 } else { pos.trunc() };
    Ok(pos.clamp(0.0, len as f64) as usize)
}

/// IsRegExp(argument).
///
/// Spec: <https://tc39.es/ecma262/#sec-isregexp>
fn is_reg_exp(argument: &JsValue, context: &mut Context) -> JsResult<bool> {
    // 1. If argument is not an Object, return false.
    let Some(object) = argument.as_object() else {
        return Ok(false);
    };
    // 2. Let matcher be ? Get(argument, %Symbol.match%).
    let matcher = object.get(JsSymbol::r#match(), context)?;
    // 3. If matcher is not undefined, return ToBoolean(matcher).
    if !matcher.is_undefined() {
        return Ok(matcher.to_boolean());
    }
    // 4. If argument has a [[RegExpMatcher]] internal slot, return true.
    // 5. Return false.
    Ok(JsRegExp::from_object(object.clone()).is_ok())
}

/// `String.prototype.indexOf(searchString [, position])`.
///
/// Spec: <https://tc39.es/ecma262/#sec-string.prototype.indexof>
fn string_prototype_index_of(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(this, "indexOf", context)?;
    // 3. Let searchStr be ? ToString(searchString).
    let search = arg(args, 0).to_string(context)?;
    // 4. Let pos be ? ToIntegerOrInfinity(position).
    // 5. Assert: If position is undefined, then pos is 0.
    // 6. Let len be the length of S.
    // 7. Let start be the result of clamping pos between 0 and len.
    let start = clamped_position(&arg(args, 1), s.len(), context)?;
    // 8. Let result be StringIndexOf(S, searchStr, start).
    // 9. If result is not-found, return -1𝔽.
    // 10. Return 𝔽(result).
    Ok(match string_index_of(s.as_str(), search.as_str(), start) {
        Some(index) => JsValue::new(index as f64),
        None => JsValue::new(-1),
    })
}

/// `String.prototype.includes(searchString [, position])`.
///
/// Spec: <https://tc39.es/ecma262/#sec-string.prototype.includes>
fn string_prototype_includes(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    let s = this_string(this, "includes", context)?;
    // 3. Let isRegExp be ? IsRegExp(searchString).
    // 4. If isRegExp is true, throw a TypeError exception.
    let search_string = arg(args, 0);
    if is_reg_exp(&search_string, context)? {
        return Err(JsNativeError::typ()
            .with_message(
                "First argument to String.prototype.includes must not be a regular expression",
            )
            .into());
    }
    // 5. Let searchStr be ? ToString(searchString).
    let search = search_string.to_string(context)?;
    // 6. Let pos be ? ToIntegerOrInfinity(position).
    // 7. Assert: If position is undefined, then pos is 0.
    // 8. Let len be the length of S.
    // 9. Let start be the result of clamping pos between 0 and len.
    let start = clamped_position(&arg(args, 1), s.len(), context)?;
    // 10. Let index be StringIndexOf(S, searchStr, start).
    // 11. If index is not-found, return false.
    // 12. Return true.
    Ok(string_index_of(s.as_str(), search.as_str(), start)
        .is_some()
        .into())
}

/// GetV(V, P): ToObject(V).[[Get]](P, V).
///
/// Spec: <https://tc39.es/ecma262/#sec-getv>
fn get_v(
    value: &JsValue,
    key: impl Into<boa_engine::property::PropertyKey>,
    context: &mut Context,
) -> JsResult<JsValue> {
    // 1. Let O be ? ToObject(V).
    // 2. Return ? O.[[Get]](P, V).
    // Deviation: for a primitive V the receiver is O, not V (boa's API has no [[Get]] with
    // another receiver): a getter on the prototype sees the wrapper object as `this`.
    value.to_object(context)?.get(key, context)
}

/// GetMethod(value, key): undefined or null give `None`; a value that is not callable is a
/// TypeError.
///
/// Spec: <https://tc39.es/ecma262/#sec-getmethod>
fn get_method(
    value: &JsValue,
    key: JsSymbol,
    context: &mut Context,
) -> JsResult<Option<boa_engine::JsObject>> {
    // 1. Let func be ? GetV(V, P).
    let func = get_v(value, key, context)?;
    // 2. If func is either undefined or null, return undefined.
    if func.is_null_or_undefined() {
        return Ok(None);
    }
    // 3. If IsCallable(func) is false, throw a TypeError exception.
    // 4. Return func.
    match func.as_callable() {
        Some(callable) => Ok(Some(callable.clone())),
        None => Err(JsNativeError::typ()
            .with_message("the method is not callable")
            .into()),
    }
}

/// GetSubstitution(matched, str, position, captures, namedCaptures, replacementTemplate)
/// for a string search value: no captures and namedCaptures undefined, so `$n` and `$<` stay
/// as they are; appends the replacement to `out`.
///
/// Spec: <https://tc39.es/ecma262/#sec-getsubstitution>
fn get_substitution(
    out: &mut Vec<u16>,
    matched_length: usize,
    string: JsStr<'_>,
    position: usize,
    template: &[u16],
) {
    const DOLLAR: u16 = b'$' as u16;
    // 1. Let stringLength be the length of str.
    let string_length = string.len();
    // 4. Let templateRemainder be replacementTemplate.
    let mut i = 0;
    // 5. Repeat, while templateRemainder is not the empty String,
    while i < template.len() {
        let next = template.get(i + 1).copied();
        match (template[i], next) {
            // b. If templateRemainder starts with "$$": refReplacement is "$".
            (DOLLAR, Some(DOLLAR)) => {
                out.push(DOLLAR);
                i += 2;
            }
            // c. Else if it starts with "$`": the substring of str from 0 to position.
            (DOLLAR, Some(0x60)) => {
                push_units(out, string, 0, position);
                i += 2;
            }
            // d. Else if it starts with "$&": matched.
            (DOLLAR, Some(0x26)) => {
                push_units(out, string, position, position + matched_length);
                i += 2;
            }
            // e. Else if it starts with "$'": the substring of str from
            //    min(position + matchLength, stringLength).
            (DOLLAR, Some(0x27)) => {
                let tail = (position + matched_length).min(string_length);
                push_units(out, string, tail, string_length);
                i += 2;
            }
            // f. "$" and digits with no captures, g. "$<" with namedCaptures undefined, and
            //    h. any other code unit: refReplacement is ref itself (one code unit at a
            //    time gives the same text).
            (unit, _) => {
                out.push(unit);
                i += 1;
            }
        }
    }
    // 6. Return result.
}

/// `String.prototype.replaceAll(searchValue, replaceValue)`.
///
/// Spec: <https://tc39.es/ecma262/#sec-string.prototype.replaceall>
fn string_prototype_replace_all(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(this, "replaceAll")?;
    let (search_value, replace_value) = (arg(args, 0), arg(args, 1));
    // 2. If searchValue is neither undefined nor null, then
    if !search_value.is_null_or_undefined() {
        // a. Let isRegExp be ? IsRegExp(searchValue).
        // b. If isRegExp is true, then
        if is_reg_exp(&search_value, context)? {
            // i. Let flags be ? Get(searchValue, "flags").
            let flags = get_v(&search_value, js_string!("flags"), context)?;
            // ii. Perform ? RequireObjectCoercible(flags).
            if flags.is_null_or_undefined() {
                return Err(JsNativeError::typ()
                    .with_message("the flags of the regular expression are null or undefined")
                    .into());
            }
            // iii. If ? ToString(flags) does not contain "g", throw a TypeError exception.
            let flags = flags.to_string(context)?;
            if string_index_of(flags.as_str(), js_string!("g").as_str(), 0).is_none() {
                return Err(JsNativeError::typ()
                    .with_message("replaceAll must be called with a global RegExp")
                    .into());
            }
        }
        // c. Let replacer be ? GetMethod(searchValue, %Symbol.replace%).
        // d. If replacer is not undefined, then
        //    i. Return ? Call(replacer, searchValue, « O, replaceValue »).
        if let Some(replacer) = get_method(&search_value, JsSymbol::replace(), context)? {
            return replacer.call(&search_value, &[this.clone(), replace_value], context);
        }
    }
    // 3. Let string be ? ToString(O).
    let string = this.to_string(context)?;
    // 4. Let searchString be ? ToString(searchValue).
    let search_string = search_value.to_string(context)?;
    // 5. Let functionalReplace be IsCallable(replaceValue).
    let functional_replace = replace_value.as_callable();
    // 6. If functionalReplace is false, then
    //    a. Set replaceValue to ? ToString(replaceValue).
    let template: Vec<u16> = match functional_replace {
        Some(_) => Vec::new(),
        None => replace_value.to_string(context)?.iter().collect(),
    };
    // 7. Let searchLength be the length of searchString.
    let search_length = search_string.len();
    // 8. Let advanceBy be max(1, searchLength).
    let advance_by = search_length.max(1);
    // 9. Let matchPositions be a new empty List.
    let mut match_positions = Vec::new();
    // 10. Let position be StringIndexOf(string, searchString, 0).
    let mut position = string_index_of(string.as_str(), search_string.as_str(), 0);
    // 11. Repeat, while position is not not-found,
    while let Some(p) = position {
        // a. Append position to matchPositions.
        match_positions.push(p);
        // b. Set position to StringIndexOf(string, searchString, position + advanceBy).
        position = string_index_of(string.as_str(), search_string.as_str(), p + advance_by);
    }
    // 12. Let endOfLastMatch be 0.
    let mut end_of_last_match = 0;
    // 13. Let result be the empty String.
    let mut result: Vec<u16> = Vec::new();
    // 14. For each element p of matchPositions, do
    for p in match_positions {
        // a. Let preserved be the substring of string from endOfLastMatch to p.
        push_units(&mut result, string.as_str(), end_of_last_match, p);
        match &functional_replace {
            // b. If functionalReplace is true, then
            //    i. Let replacement be ? ToString(? Call(replaceValue, undefined,
            //       « searchString, 𝔽(p), string »)).
            Some(function) => {
                let replacement = function
                    .call(
                        &JsValue::undefined(),
                        &[
                            search_string.clone().into(),
                            JsValue::new(p as f64),
                            string.clone().into(),
                        ],
                        context,
                    )?
                    .to_string(context)?;
                result.extend(replacement.iter());
            }
            // c. Else,
            //    i. Assert: replaceValue is a String.
            //    ii. Let captures be a new empty List.
            //    iii. Let replacement be ! GetSubstitution(searchString, string, p, captures,
            //         undefined, replaceValue).
            None => get_substitution(&mut result, search_length, string.as_str(), p, &template),
        }
        // d. Set result to the string-concatenation of result, preserved, and replacement.
        //    (The maximum string length, as V8.)
        if result.len() as u64 > MAX_STRING_LENGTH {
            return Err(invalid_string_length());
        }
        // e. Set endOfLastMatch to p + searchLength.
        end_of_last_match = p + search_length;
    }
    // 15. If endOfLastMatch < the length of string, then
    //     a. Set result to the string-concatenation of result and the substring of string
    //        from endOfLastMatch.
    if end_of_last_match < string.len() {
        push_units(
            &mut result,
            string.as_str(),
            end_of_last_match,
            string.len(),
        );
    }
    if result.len() as u64 > MAX_STRING_LENGTH {
        return Err(invalid_string_length());
    }
    // 16. Return result.
    Ok(JsString::from(result.as_slice()).into())
}

/// The substring of `string` from `start` to `end`, as a value.
fn substring(string: JsStr<'_>, start: usize, end: usize) -> JsValue {
    let mut units = Vec::with_capacity(end - start);
    push_units(&mut units, string, start, end);
    JsString::from(units.as_slice()).into()
}

/// `String.prototype.split(separator, limit)`.
///
/// Spec: <https://tc39.es/ecma262/#sec-string.prototype.split>
fn string_prototype_split(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    require_object_coercible(this, "split")?;
    let (separator, limit) = (arg(args, 0), arg(args, 1));
    // 2. If separator is neither undefined nor null, then
    //    a. Let splitter be ? GetMethod(separator, %Symbol.split%).
    //    b. If splitter is not undefined, then
    //       i. Return ? Call(splitter, separator, « O, limit »).
    if !separator.is_null_or_undefined()
        && let Some(splitter) = get_method(&separator, JsSymbol::split(), context)?
    {
        return splitter.call(&separator, &[this.clone(), limit], context);
    }
    // 3. Let S be ? ToString(O).
    let s = this.to_string(context)?;
    // 4. If limit is undefined, let lim be 2^32 - 1; else let lim be ℝ(? ToUint32(limit)).
    let lim = if limit.is_undefined() {
        u32::MAX
    } else {
        limit.to_u32(context)?
    } as usize;
    // 5. Let R be ? ToString(separator).
    let r = separator.to_string(context)?;
    // 6. If lim = 0, return CreateArrayFromList(« »).
    if lim == 0 {
        return Ok(JsArray::new(context)?.into());
    }
    // 7. If separator is undefined, return CreateArrayFromList(« S »).
    if separator.is_undefined() {
        return Ok(JsArray::from_iter([JsValue::from(s)], context).into());
    }
    // 8. Let separatorLength be the length of R.
    let separator_length = r.len();
    // 9. If separatorLength = 0, then
    if separator_length == 0 {
        // a. Let strLen be the length of S.
        // b. Let outLen be the result of clamping lim between 0 and strLen.
        let out_len = lim.min(s.len());
        // c. Let head be the substring of S from 0 to outLen.
        // d. Let codeUnits be a List consisting of the sequence of code units that are the
        //    elements of head.
        // e. Return CreateArrayFromList(codeUnits).
        let units = (0..out_len).map(|i| substring(s.as_str(), i, i + 1));
        return Ok(JsArray::from_iter(units, context).into());
    }
    // 10. If S is the empty String, return CreateArrayFromList(« S »).
    if s.is_empty() {
        return Ok(JsArray::from_iter([JsValue::from(s)], context).into());
    }
    // 11. Let substrings be a new empty List.
    let mut substrings = Vec::new();
    // 12. Let i be 0.
    let mut i = 0;
    // 13. Let j be StringIndexOf(S, R, 0).
    let mut j = string_index_of(s.as_str(), r.as_str(), 0);
    // 14. Repeat, while j is not not-found,
    while let Some(found) = j {
        // a. Let T be the substring of S from i to j.
        // b. Append T as the last element of substrings.
        substrings.push(substring(s.as_str(), i, found));
        // c. If the number of elements in substrings is lim, return
        //    CreateArrayFromList(substrings).
        if substrings.len() == lim {
            return Ok(JsArray::from_iter(substrings, context).into());
        }
        // d. Set i to j + separatorLength.
        i = found + separator_length;
        // e. Set j to StringIndexOf(S, R, i).
        j = string_index_of(s.as_str(), r.as_str(), i);
    }
    // 15. Let T be the substring of S from i.
    // 16. Append T to substrings.
    substrings.push(substring(s.as_str(), i, s.len()));
    // 17. Return CreateArrayFromList(substrings).
    Ok(JsArray::from_iter(substrings, context).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(string: &str, search: &str, from: usize) -> Option<usize> {
        string_index_of(
            JsString::from(string).as_str(),
            JsString::from(search).as_str(),
            from,
        )
    }

    #[test]
    fn string_index_of_follows_the_spec_in_both_representations() {
        // Latin-1 and UTF-16 strings and needles in each combination.
        assert_eq!(index_of("abcabc", "bc", 0), Some(1));
        assert_eq!(index_of("abcabc", "bc", 2), Some(4));
        assert_eq!(index_of("abcabc", "bc", 5), None);
        assert_eq!(index_of("abc", "", 3), Some(3));
        assert_eq!(index_of("abc", "", 4), None);
        assert_eq!(index_of("abc", "abcd", 0), None);
        assert_eq!(index_of("a€b€", "€", 2), Some(3));
        assert_eq!(index_of("a€b€", "b", 0), Some(2));
        assert_eq!(index_of("abc", "€", 0), None);
        assert_eq!(index_of("aab€aab", "aab", 1), Some(4));
        assert_eq!(index_of("€€€x", "€x", 0), Some(2));
    }
}
