//! `JSON.rawJSON` and `JSON.isRawJSON` (JSON.parse source text access).
//!
//! Postern's own, because its `JSON.stringify` must recognize the objects they make (boa's
//! [[IsRawJSON]] slot is private to boa) and because boa's `rawJSON` checks the text with
//! serde_json, which rejects numbers out of the f64 range (`JSON.rawJSON("1e1000")`, which
//! browsers accept: that is what raw JSON is for).

use boa_engine::object::IntegrityLevel;
use boa_engine::{
    Context, Finalize, JsData, JsNativeError, JsObject, JsResult, JsValue, Trace, js_string,
};

use super::parse::parse_json;
use crate::webidl::conversions::arg;

/// The [[IsRawJSON]] internal slot.
#[derive(Trace, Finalize, JsData)]
pub(super) struct IsRawJson;

/// `JSON.rawJSON(text)`.
///
/// Spec: <https://tc39.es/proposal-json-parse-with-source/#sec-json.rawjson>
pub(super) fn json_raw_json(
    _this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // 1. Let jsonString be ? ToString(text).
    let json_string = arg(args, 0).to_string(context)?;
    // 2. Throw a SyntaxError exception if jsonString is the empty String, or if either the
    //    first or last code unit of jsonString is any of 0x0009 (CHARACTER TABULATION),
    //    0x000A (LINE FEED), 0x000D (CARRIAGE RETURN), or 0x0020 (SPACE).
    let is_space = |unit: Option<u16>| matches!(unit, Some(0x09 | 0x0A | 0x0D | 0x20));
    let first = json_string.code_unit_at(0);
    let last = json_string.code_unit_at(json_string.len().saturating_sub(1));
    if json_string.is_empty() || is_space(first) || is_space(last) {
        return Err(JsNativeError::syntax()
            .with_message("JSON.rawJSON: the text is empty or starts or ends with whitespace")
            .into());
    }
    // 3. Parse StringToCodePoints(jsonString) as a JSON text as specified in ECMA-404.
    //    Throw a SyntaxError exception if it is not a valid JSON text as defined in that
    //    specification, or if its outermost value is an object or array as defined in that
    //    specification. (The outermost value starts at the first code unit.)
    if matches!(first, Some(0x5B | 0x7B)) {
        return Err(JsNativeError::syntax()
            .with_message("JSON.rawJSON: the text is an object or array")
            .into());
    }
    parse_json(&json_string, false, context)?;
    // 4. Let internalSlotsList be « [[IsRawJSON]] ».
    // 5. Let obj be OrdinaryObjectCreate(null, internalSlotsList).
    let obj = JsObject::from_proto_and_data(None, IsRawJson);
    // 6. Perform ! CreateDataPropertyOrThrow(obj, "rawJSON", jsonString).
    obj.create_data_property_or_throw(js_string!("rawJSON"), json_string, context)?;
    // 7. Perform ! SetIntegrityLevel(obj, frozen).
    obj.set_integrity_level(IntegrityLevel::Frozen, context)?;
    // 8. Return obj.
    Ok(obj.into())
}

/// `JSON.isRawJSON(O)`.
///
/// Spec: <https://tc39.es/proposal-json-parse-with-source/#sec-json.israwjson>
pub(super) fn json_is_raw_json(
    _this: &JsValue,
    args: &[JsValue],
    _context: &mut Context,
) -> JsResult<JsValue> {
    // 1. If O is an Object and O has an [[IsRawJSON]] internal slot, return true.
    // 2. Return false.
    let o = arg(args, 0);
    Ok(o.as_object().is_some_and(|o| o.is::<IsRawJson>()).into())
}
