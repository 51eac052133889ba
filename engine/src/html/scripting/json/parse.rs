//! `JSON.parse`, ParseJSON and the JSON Parse Records of the reviver.
//!
//! boa 0.22 checks the text with serde_json, whose recursion limit makes any text nested
//! 128 deep a SyntaxError ("recursion limit exceeded"; Chromium parses 5,000,000 deep), then
//! parses it again as a script and runs it. Here the text is read once (`reader.rs`), with
//! an explicit stack of the arrays and objects still open, so no nesting touches the
//! native stack; nesting past [`super::MAX_JSON_NESTING`] is a RangeError. When there is a
//! reviver, the JSON Parse Records it needs are made as each value is completed.

use std::collections::HashMap;
use std::ops::Range;

use boa_engine::string::JsStrVariant;
use boa_engine::{Context, JsObject, JsResult, JsString, JsValue, js_string};
use foldhash::fast::RandomState;

use super::internalize::internalize_json_property;
use super::reader::Parser;
use crate::webidl::conversions::arg;

/// `JSON.parse(text, reviver)`.
///
/// Spec: <https://tc39.es/ecma262/#sec-json.parse>, with JSON.parse source text access
/// (<https://tc39.es/proposal-json-parse-with-source/#sec-json.parse>).
pub(super) fn json_parse(
    _this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let reviver = arg(args, 1).as_callable();
    // 1. Let jsonString be ? ToString(text).
    let json_string = arg(args, 0).to_string(context)?;
    // 2. Let unfiltered be ? ParseJSON(jsonString).
    //    (With a reviver, the JSON Parse Records of step 3.d are made at the same time:
    //    nothing a script sees runs in between.)
    let (unfiltered, records) = parse_json(&json_string, reviver.is_some(), context)?;
    // 3. If IsCallable(reviver) is true, then
    if let Some(reviver) = reviver {
        // a. Let root be OrdinaryObjectCreate(%Object.prototype%).
        let root = JsObject::with_object_proto(context.intrinsics());
        // b. Let rootName be the empty String.
        // c. Perform ! CreateDataPropertyOrThrow(root, rootName, unfiltered).
        root.create_data_property_or_throw(js_string!(), unfiltered, context)?;
        // d. Let snapshot be CreateJSONParseRecord(script, rootName, unfiltered).
        // e. Return ? InternalizeJSONProperty(root, rootName, reviver, snapshot).
        return internalize_json_property(root, &reviver, &records, context);
    }
    // 4. Else, return unfiltered.
    Ok(unfiltered)
}

/// The JSON Parse Records of one parse: record `i` is `records[i]`, the last one is the
/// snapshot of the whole text (its [[Key]], the empty String, is implied).
///
/// Spec: <https://tc39.es/proposal-json-parse-with-source/#sec-json-parse-record>
pub(super) struct ParseRecords {
    /// The JSON text (the source text of the primitives).
    pub(super) text: JsString,
    pub(super) records: Vec<ParseRecord>,
}

/// A JSON Parse Record (its [[Key]] is where its parent holds it).
pub(super) struct ParseRecord {
    /// [[Value]].
    pub(super) value: JsValue,
    /// [[ParseNode]], [[Elements]] and [[Entries]].
    pub(super) node: ParseNode,
}

/// What a record knows of its parse node.
pub(super) enum ParseNode {
    /// A string, number, boolean or null: where its source text lies in the text.
    Primitive(Range<usize>),
    /// An array: [[Elements]], its elements' records in order.
    Array(Vec<usize>),
    /// An object: [[Entries]], by [[Key]] (for a name given twice, the last pair's record,
    /// as EnumerableOwnProperties sees the last pair's value).
    Object(HashMap<JsString, usize, RandomState>),
}

/// ParseJSON(text): the value of the JSON text, or a SyntaxError; with `records`, its JSON
/// Parse Records too.
///
/// Spec: <https://tc39.es/ecma262/#sec-ParseJSON>
pub(super) fn parse_json(
    text: &JsString,
    records: bool,
    context: &mut Context,
) -> JsResult<(JsValue, ParseRecords)> {
    // 1. If StringToCodePoints(text) is not a valid JSON text as specified in ECMA-404,
    //    throw a SyntaxError exception.
    // 2–8. Evaluate it as a script "(" text ");" would be, with the JSON handling of
    //    __proto__ and of names given twice (a later pair's value replaces the earlier one
    //    in the earlier one's place): here, the value made directly as the text is read (an
    //    invalid text throws when its first error is met; the objects made before are
    //    garbage, as no script saw them).
    let mut records = records.then(Vec::new);
    let value = match text.variant() {
        JsStrVariant::Latin1(units) => Parser::new(units, &mut records).parse(context)?,
        JsStrVariant::Utf16(units) => Parser::new(units, &mut records).parse(context)?,
    };
    let records = ParseRecords {
        text: text.clone(),
        records: records.unwrap_or_default(),
    };
    Ok((value, records))
}
