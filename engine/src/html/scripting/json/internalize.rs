//! `JSON.parse`'s reviver: InternalizeJSONProperty, without native recursion.
//!
//! The spec's InternalizeJSONProperty calls itself for each element or member before it
//! calls the reviver for its own value: a recursion as deep as the value (boa recurses
//! natively; Chromium stops near 3,100 with a RangeError). Here each invocation is a
//! [`Frame`] on a heap-allocated stack, suspended in its loop while a nested one runs;
//! nesting past [`MAX_JSON_NESTING`] is a RangeError.

use boa_engine::{Context, JsObject, JsResult, JsString, JsValue, js_string};

use super::parse::{ParseNode, ParseRecords};
use super::{MAX_JSON_NESTING, delete, enumerable_own_keys, is_array, nesting_too_deep};

/// One InternalizeJSONProperty(holder, name, reviver, parseRecord) invocation.
struct Frame {
    holder: JsObject,
    name: JsString,
    /// parseRecord (~empty~ is None).
    parse_record: Option<usize>,
    /// Whether steps 1–5's loop set-up have run.
    started: bool,
    /// val.
    val: JsValue,
    /// context.
    context_object: Option<JsObject>,
    /// The record whose [[Elements]] or [[Entries]] are elementRecords/entryRecords (None
    /// for new empty Lists).
    records_of: Option<usize>,
    /// val, when it is an Object, with its keys (an array's are its indices).
    object: Option<JsObject>,
    keys: Option<Vec<JsString>>,
    /// len, or how many keys there are.
    len: u64,
    /// I, or the position of the next key.
    next: u64,
}

impl Frame {
    fn new(holder: JsObject, name: JsString, parse_record: Option<usize>) -> Frame {
        Frame {
            holder,
            name,
            parse_record,
            started: false,
            val: JsValue::undefined(),
            context_object: None,
            records_of: None,
            object: None,
            keys: None,
            len: 0,
            next: 0,
        }
    }
}

/// InternalizeJSONProperty(root, "", reviver, snapshot), the last step of `JSON.parse`
/// with a reviver (`records`' last record is the snapshot of the whole text).
pub(super) fn internalize_json_property(
    root: JsObject,
    reviver: &JsObject,
    records: &ParseRecords,
    context: &mut Context,
) -> JsResult<JsValue> {
    let snapshot = records.records.len().checked_sub(1);
    let mut frames = vec![Frame::new(root, js_string!(), snapshot)];
    loop {
        let Some(frame) = frames.last_mut() else {
            return Ok(JsValue::undefined());
        };
        if !frame.started {
            frame.started = true;
            start(frame, records, context)?;
            continue;
        }
        if let Some(object) = frame.object.clone()
            && frame.next < frame.len
        {
            // (The next element or member: steps 5.b.iv.1–2 and 5.c.ii, up to the nested
            // InternalizeJSONProperty call.)
            let position = frame.next;
            frame.next += 1;
            let (name, child_record) = match &frame.keys {
                // 1. Let prop be ! ToString(𝔽(I)).
                // 2. If I < elementRecordsLen, let elementRecord be elementRecords[I].
                //    Otherwise, let elementRecord be ~empty~.
                None => {
                    let record =
                        frame
                            .records_of
                            .and_then(|r| match &records.records.get(r)?.node {
                                ParseNode::Array(elements) => {
                                    elements.get(usize::try_from(position).ok()?).copied()
                                }
                                _ => None,
                            });
                    (JsString::from(position), record)
                }
                // 1. Let entryRecord be the element of entryRecords whose [[Key]] field is
                //    P. If there is no such element, let entryRecord be ~empty~.
                Some(keys) => {
                    let name = usize::try_from(position)
                        .ok()
                        .and_then(|p| keys.get(p).cloned())
                        .unwrap_or_default();
                    let record =
                        frame
                            .records_of
                            .and_then(|r| match &records.records.get(r)?.node {
                                ParseNode::Object(entries) => entries.get(&name).copied(),
                                _ => None,
                            });
                    (name, record)
                }
            };
            // 3. Let newElement be ? InternalizeJSONProperty(val, prop, reviver,
            //    elementRecord). (Its frame; its result comes back below.)
            // Deviation: no recursion limit in the spec; past this depth, a RangeError as
            // in browsers.
            if frames.len() >= MAX_JSON_NESTING {
                return Err(nesting_too_deep());
            }
            frames.push(Frame::new(object, name, child_record));
            continue;
        }
        // 6. Return ? Call(reviver, holder, « name, val, context »).
        let context_object: JsValue = frame
            .context_object
            .take()
            .map_or_else(JsValue::undefined, Into::into);
        let args = [frame.name.clone().into(), frame.val.clone(), context_object];
        let holder: JsValue = frame.holder.clone().into();
        let new_element = reviver.call(&holder, &args, context)?;
        let Some(done) = frames.pop() else {
            return Ok(new_element);
        };
        let Some(parent) = frames.last() else {
            return Ok(new_element);
        };
        let Some(val) = &parent.object else {
            return Ok(new_element);
        };
        // (Back in the enclosing invocation, steps 5.b.iv.4–5 or 5.c.ii.2–3:)
        if new_element.is_undefined() {
            // If newElement is undefined, perform ? val.[[Delete]](prop).
            delete(val, done.name, context)?;
        } else {
            // Else, perform ? CreateDataProperty(val, prop, newElement).
            val.create_data_property(done.name, new_element, context)?;
        }
    }
}

/// Steps 1–5 of InternalizeJSONProperty up to its loop.
///
/// Spec: <https://tc39.es/proposal-json-parse-with-source/#sec-internalizejsonproperty>
/// (<https://tc39.es/ecma262/#sec-internalizejsonproperty> with the proposal's steps).
fn start(frame: &mut Frame, records: &ParseRecords, context: &mut Context) -> JsResult<()> {
    // 1. Let val be ? Get(holder, name).
    let val = frame.holder.get(frame.name.clone(), context)?;
    // 2. Let context be OrdinaryObjectCreate(%Object.prototype%).
    let context_object = JsObject::with_object_proto(context.intrinsics());
    // 3. If parseRecord is a JSON Parse Record and SameValue(parseRecord.[[Value]], val) is
    //    true, then
    let record = frame
        .parse_record
        .and_then(|r| Some((r, records.records.get(r)?)))
        .filter(|(_, record)| JsValue::same_value(&record.value, &val));
    if let Some((index, record)) = record {
        // a. If val is not an Object, then
        //    i. Let parseNode be parseRecord.[[ParseNode]].
        //    ii. Assert: parseNode is not an ArrayLiteral Parse Node and not an
        //        ObjectLiteral Parse Node.
        //    iii. Let sourceText be the source text matched by parseNode.
        //    iv. Perform ! CreateDataPropertyOrThrow(context, "source",
        //        CodePointsToString(sourceText)).
        if let ParseNode::Primitive(range) = &record.node
            && !val.is_object()
        {
            let source = records.text.slice(range.start, range.end);
            context_object.create_data_property_or_throw(js_string!("source"), source, context)?;
        }
        // b. Let elementRecords be parseRecord.[[Elements]].
        // c. Let entryRecords be parseRecord.[[Entries]].
        frame.records_of = Some(index);
    }
    // 4. Else, let elementRecords and entryRecords be new empty Lists.
    frame.context_object = Some(context_object);
    // 5. If val is an Object, then
    if let Some(object) = val.as_object() {
        // a. Let isArray be ? IsArray(val).
        if is_array(&object, context)? {
            // b. If isArray is true, then
            //    i. Let elementRecordsLen be the number of elements in elementRecords.
            //    ii. Let len be ? LengthOfArrayLike(val).
            frame.len = object
                .get(js_string!("length"), context)?
                .to_length(context)?;
            //    iii. Let I be 0.
            //    iv. Repeat, while I < len, (the frame's loop)
        } else {
            // c. Else,
            //    i. Let keys be ? EnumerableOwnProperties(val, key).
            let keys = enumerable_own_keys(&object, context)?;
            frame.len = keys.len() as u64;
            frame.keys = Some(keys);
            //    ii. For each String P of keys, do (the frame's loop)
        }
        frame.object = Some(object);
    }
    frame.val = val;
    Ok(())
}
