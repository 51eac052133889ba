//! SerializeJSONArray and SerializeJSONObject, as frames on a stack.
//!
//! In the spec, each of them calls SerializeJSONProperty for each member, which calls them
//! again for a nested array or object: a recursion as deep as the value. Here each
//! invocation is a [`Frame`] on a stack held in the heap, suspended at its loop while a
//! nested value is serialized; the driver, [`serialize_nested`], always resumes the
//! innermost one. Each member is written to the one output as it is made (with its
//! separator and indentation) instead of being collected into `partial` and joined into a
//! new string for the enclosing level.

use std::rc::Rc;

use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsString, js_string};

use super::stringify::{Key, Serialized, State, serialize_json_property, write};
use super::{MAX_JSON_NESTING, enumerable_own_keys, nesting_too_deep};

/// One SerializeJSONArray or SerializeJSONObject invocation, suspended in its loop.
pub(super) struct Frame {
    /// value.
    value: JsObject,
    is_array: bool,
    /// Whether the steps before the loop have run.
    started: bool,
    /// An object's K (its keys or the PropertyList).
    keys: Option<Rc<[JsString]>>,
    /// An array's len, or how many keys K holds.
    len: u64,
    /// The next index, or the position of the next key in K.
    next: u64,
    /// How many members have been written (the length of partial).
    members: u64,
}

impl Frame {
    pub(super) fn new(value: JsObject, is_array: bool) -> Frame {
        Frame {
            value,
            is_array,
            started: false,
            keys: None,
            len: 0,
            next: 0,
            members: 0,
        }
    }
}

/// What a frame asks for after one step.
enum Step {
    /// Resume it again.
    Continue,
    /// Serialize this array or object first (a member of the frame's value).
    Descend(Frame),
    /// It is finished.
    Done,
}

/// Serializes an array or object and everything nested in it, innermost frame first.
pub(super) fn serialize_nested(
    state: &mut State,
    root: Frame,
    context: &mut Context,
) -> JsResult<()> {
    let mut frames = vec![root];
    loop {
        // state.[[Indent]] is [[Gap]] once per frame.
        let depth = frames.len();
        let Some(frame) = frames.last_mut() else {
            return Ok(());
        };
        let step = if frame.is_array {
            serialize_json_array(state, frame, depth, context)?
        } else {
            serialize_json_object(state, frame, depth, context)?
        };
        match step {
            Step::Continue => {}
            Step::Descend(nested) => {
                // Deviation: no recursion limit in the spec; past this depth, a RangeError
                // as in browsers.
                if frames.len() >= MAX_JSON_NESTING {
                    return Err(nesting_too_deep());
                }
                frames.push(nested);
            }
            Step::Done => {
                frames.pop();
            }
        }
    }
}

/// The cycle check of SerializeJSONArray and SerializeJSONObject, steps 1–2.
fn enter(state: &mut State, value: &JsObject) -> JsResult<()> {
    // 1. If state.[[Stack]] contains value, throw a TypeError exception because the
    //    structure is cyclical.
    // 2. Append value to state.[[Stack]].
    if !state.stack.insert(value.clone()) {
        return Err(JsNativeError::typ()
            .with_message("cyclic object value")
            .into());
    }
    Ok(())
}

/// The steps after the loop of SerializeJSONArray and SerializeJSONObject, steps 9–13, for a
/// frame at `depth` whose value is closed with `close` ("]" or "}").
fn leave(state: &mut State, frame: &Frame, depth: usize, close: u8) -> JsResult<Step> {
    // 9. If partial is empty, then let final be "[]" ("{}").
    // 10. Else,
    //     a. If state.[[Gap]] is the empty String, then let final be the
    //        string-concatenation of "[" ("{"), properties (partial joined with commas), and
    //        "]" ("}").
    //     b. Else, let final be the string-concatenation of "[" ("{"), the code unit 0x000A
    //        (LINE FEED), state.[[Indent]], properties (partial joined with a comma, a line
    //        feed and state.[[Indent]]), the code unit 0x000A (LINE FEED), stepBack, and "]"
    //        ("}"). (The opening bracket and the members are written already.)
    if frame.members > 0 && !state.gap.is_empty() {
        state
            .output
            .push_newline_and_indent(&state.gap, depth - 1)?;
    }
    state.output.push_char(close)?;
    // 11. Remove the last element of state.[[Stack]].
    state.stack.remove(&frame.value);
    // 12. Set state.[[Indent]] to stepBack. (The frame is popped.)
    // 13. Return final.
    Ok(Step::Done)
}

/// SerializeJSONArray(state, value), one step at a time: the steps before the loop, one
/// iteration of the loop, or the steps after it.
///
/// Spec: <https://tc39.es/ecma262/#sec-serializejsonarray>
fn serialize_json_array(
    state: &mut State,
    frame: &mut Frame,
    depth: usize,
    context: &mut Context,
) -> JsResult<Step> {
    if !frame.started {
        frame.started = true;
        // 1–2. (The cycle check.)
        enter(state, &frame.value)?;
        // 3. Let stepBack be state.[[Indent]].
        // 4. Set state.[[Indent]] to the string-concatenation of state.[[Indent]] and
        //    state.[[Gap]]. (This frame's depth.)
        // 5. Let partial be a new empty List. (Written as it grows, after "[".)
        state.output.push_char(b'[')?;
        // 6. Let len be ? LengthOfArrayLike(value).
        frame.len = frame
            .value
            .get(js_string!("length"), context)?
            .to_length(context)?;
        // 7. Let index be 0.
        return Ok(Step::Continue);
    }
    // 8. Repeat, while index < len,
    if frame.next < frame.len {
        let index = frame.next;
        // a. Let strP be ? SerializeJSONProperty(state, ! ToString(𝔽(index)), value).
        let str_p = serialize_json_property(state, &Key::Index(index), &frame.value, context)?;
        // d. Set index to index + 1.
        frame.next += 1;
        frame.members += 1;
        // (Step 10's separators, written before the element: a comma, then with a gap
        // a line feed and state.[[Indent]].)
        if index > 0 {
            state.output.push_char(b',')?;
        }
        if !state.gap.is_empty() {
            state.output.push_newline_and_indent(&state.gap, depth)?;
        }
        // b. If strP is undefined, then append "null" to partial.
        if let Serialized::Undefined = str_p {
            state.output.push_ascii("null")?;
            return Ok(Step::Continue);
        }
        // c. Else, append strP to partial.
        return Ok(write(state, str_p, context)?.map_or(Step::Continue, Step::Descend));
    }
    // 9–13. (Closed with "]".)
    leave(state, frame, depth, b']')
}

/// SerializeJSONObject(state, value), one step at a time: the steps before the loop, one
/// iteration of the loop, or the steps after it.
///
/// Spec: <https://tc39.es/ecma262/#sec-serializejsonobject>
fn serialize_json_object(
    state: &mut State,
    frame: &mut Frame,
    depth: usize,
    context: &mut Context,
) -> JsResult<Step> {
    if !frame.started {
        frame.started = true;
        // 1–2. (The cycle check.)
        enter(state, &frame.value)?;
        // 3. Let stepBack be state.[[Indent]].
        // 4. Set state.[[Indent]] to the string-concatenation of state.[[Indent]] and
        //    state.[[Gap]]. (This frame's depth.)
        let keys = if let Some(list) = &state.property_list {
            // 5. If state.[[PropertyList]] is not undefined, then let K be
            //    state.[[PropertyList]].
            list.clone()
        } else {
            // 6. Else, let K be ? EnumerableOwnProperties(value, key).
            enumerable_own_keys(&frame.value, context)?.into()
        };
        frame.len = keys.len() as u64;
        frame.keys = Some(keys);
        // 7. Let partial be a new empty List. (Written as it grows, after "{".)
        state.output.push_char(b'{')?;
        return Ok(Step::Continue);
    }
    // 8. For each element P of K, do
    if let Some(p) = frame
        .keys
        .as_ref()
        .and_then(|keys| keys.get(usize::try_from(frame.next).ok()?))
        .cloned()
    {
        frame.next += 1;
        // a. Let strP be ? SerializeJSONProperty(state, P, value).
        let str_p = serialize_json_property(state, &Key::Name(p.clone()), &frame.value, context)?;
        // b. If strP is not undefined, then
        if let Serialized::Undefined = str_p {
            return Ok(Step::Continue);
        }
        // (Step 10's separators, written before the member: a comma, then with a gap a
        // line feed and state.[[Indent]].)
        if frame.members > 0 {
            state.output.push_char(b',')?;
        }
        if !state.gap.is_empty() {
            state.output.push_newline_and_indent(&state.gap, depth)?;
        }
        // i. Let member be QuoteJSONString(P).
        state.output.quote_json_string(&p)?;
        // ii. Set member to the string-concatenation of member and ":".
        state.output.push_char(b':')?;
        // iii. If state.[[Gap]] is not the empty String, then set member to the
        //      string-concatenation of member and the code unit 0x0020 (SPACE).
        if !state.gap.is_empty() {
            state.output.push_char(b' ')?;
        }
        // iv. Set member to the string-concatenation of member and strP.
        // v. Append member to partial.
        frame.members += 1;
        return Ok(write(state, str_p, context)?.map_or(Step::Continue, Step::Descend));
    }
    // 9–13. (Closed with "}".)
    leave(state, frame, depth, b'}')
}
