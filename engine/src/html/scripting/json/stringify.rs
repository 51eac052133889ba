//! `JSON.stringify` and SerializeJSONProperty.
//!
//! SerializeJSONProperty stops short of SerializeJSONArray/SerializeJSONObject: it gives
//! back the array or object, which `frames.rs` serializes without native recursion. The
//! steps run in the spec's order; only where the text goes differs: everything is appended
//! to one [`Output`] as it is made.

use std::collections::HashSet;
use std::rc::Rc;

use boa_engine::value::IntegerOrInfinity;
use boa_engine::{
    Context, JsBigInt, JsNativeError, JsObject, JsResult, JsString, JsValue, js_string,
};
use foldhash::fast::RandomState;

use super::frames::{Frame, serialize_nested};
use super::output::Output;
use super::raw::IsRawJson;
use super::{get_v, is_array};
use crate::webidl::conversions::arg;

/// The JSON Serialization Record of one `JSON.stringify` call, with the text it has made.
///
/// Spec: <https://tc39.es/ecma262/#sec-json-serialization-record>
pub(super) struct State {
    /// [[ReplacerFunction]].
    pub(super) replacer_function: Option<JsObject>,
    /// [[PropertyList]] (shared by every object serialized).
    pub(super) property_list: Option<Rc<[JsString]>>,
    /// [[Gap]]. [[Indent]] is [[Gap]] repeated once per level being serialized (the number
    /// of frames), so it is never kept as a string.
    pub(super) gap: JsString,
    /// [[Stack]], as a set: the objects being serialized (the frames' values).
    pub(super) stack: HashSet<JsObject, RandomState>,
    /// The text written so far.
    pub(super) output: Output,
}

/// A property key SerializeJSONProperty is given: an array index or a String.
pub(super) enum Key {
    Index(u64),
    Name(JsString),
}

impl Key {
    /// The key as a String (made only when a `toJSON` method or replacer needs it).
    fn to_js_string(&self) -> JsString {
        match self {
            Key::Index(index) => JsString::from(*index),
            Key::Name(name) => name.clone(),
        }
    }

    /// Get(holder, key).
    fn get(&self, holder: &JsObject, context: &mut Context) -> JsResult<JsValue> {
        match self {
            Key::Index(index) => holder.get(*index, context),
            Key::Name(name) => holder.get(name.clone(), context),
        }
    }
}

/// What SerializeJSONProperty returns, before it is written: a String (kept as the value
/// it will be written from) or undefined; arrays and objects still to serialize.
pub(super) enum Serialized {
    Undefined,
    Literal(&'static str),
    String(JsString),
    Number(f64),
    Raw(JsString),
    Array(JsObject),
    Object(JsObject),
}

/// `JSON.stringify(value, replacer, space)`.
///
/// Spec: <https://tc39.es/ecma262/#sec-json.stringify>
pub(super) fn json_stringify(
    _this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (value, replacer, mut space) = (arg(args, 0), arg(args, 1), arg(args, 2));
    // 1. Let stack be a new empty List.
    // 2. Let indent be the empty String.
    // 3. Let PropertyList be undefined.
    let mut property_list = None;
    // 4. Let ReplacerFunction be undefined.
    let mut replacer_function = None;
    // 5. If replacer is an Object, then
    if let Some(replacer) = replacer.as_object() {
        // a. If IsCallable(replacer) is true, then
        if replacer.is_callable() {
            // i. Set ReplacerFunction to replacer.
            replacer_function = Some(replacer);
        // b. Else,
        // i. Let isArray be ? IsArray(replacer).
        // ii. If isArray is true, then
        } else if is_array(&replacer, context)? {
            property_list = Some(property_list_of(&replacer, context)?);
        }
    }
    // 6. If space is an Object, then
    if let Some(object) = space.as_object() {
        // a. If space has a [[NumberData]] internal slot, then
        if object.is::<f64>() {
            // i. Set space to ? ToNumber(space).
            space = space.to_number(context)?.into();
        // b. Else if space has a [[StringData]] internal slot, then
        } else if object.is::<JsString>() {
            // i. Set space to ? ToString(space).
            space = space.to_string(context)?.into();
        }
    }
    let gap: JsString = if space.is_number() {
        // 7. If space is a Number, then
        // a. Let spaceMV be ! ToIntegerOrInfinity(space).
        // b. Set spaceMV to min(10, spaceMV).
        // c. If spaceMV < 1, let gap be the empty String; otherwise let gap be the String
        //    value containing spaceMV occurrences of the code unit 0x0020 (SPACE).
        let space_mv = match space.to_integer_or_infinity(context)? {
            IntegerOrInfinity::PositiveInfinity => 10,
            IntegerOrInfinity::NegativeInfinity => 0,
            IntegerOrInfinity::Integer(n) => n.clamp(0, 10),
        };
        JsString::from(" ".repeat(usize::try_from(space_mv).unwrap_or(0)).as_str())
    } else if let Some(space) = space.as_string() {
        // 8. Else if space is a String, then
        // a. If the length of space ≤ 10, let gap be space; otherwise let gap be the
        //    substring of space from 0 to 10.
        space.get(..10).unwrap_or(space)
    } else {
        // 9. Else, let gap be the empty String.
        js_string!()
    };
    // 10. Let wrapper be OrdinaryObjectCreate(%Object.prototype%).
    let wrapper = JsObject::with_object_proto(context.intrinsics());
    // 11. Perform ! CreateDataPropertyOrThrow(wrapper, the empty String, value).
    wrapper.create_data_property_or_throw(js_string!(), value, context)?;
    // 12. Let state be the JSON Serialization Record { [[ReplacerFunction]]:
    //     ReplacerFunction, [[Stack]]: stack, [[Indent]]: indent, [[Gap]]: gap,
    //     [[PropertyList]]: PropertyList }.
    let mut state = State {
        replacer_function,
        property_list,
        gap,
        stack: HashSet::default(),
        output: Output::default(),
    };
    // 13. Return ? SerializeJSONProperty(state, the empty String, wrapper).
    let serialized = serialize_json_property(&state, &Key::Name(js_string!()), &wrapper, context)?;
    if let Serialized::Undefined = serialized {
        return Ok(JsValue::undefined());
    }
    if let Some(nested) = write(&mut state, serialized, context)? {
        serialize_nested(&mut state, nested, context)?;
    }
    Ok(state.output.into_string().into())
}

/// Step 5.b.ii of `JSON.stringify`: the PropertyList of a replacer array.
fn property_list_of(replacer: &JsObject, context: &mut Context) -> JsResult<Rc<[JsString]>> {
    // 1. Set PropertyList to a new empty List.
    let mut list = Vec::new();
    let mut listed: HashSet<JsString, RandomState> = HashSet::default();
    // 2. Let len be ? LengthOfArrayLike(replacer).
    let len = replacer
        .get(js_string!("length"), context)?
        .to_length(context)?;
    // 3. Let k be 0.
    // 4. Repeat, while k < len,
    for k in 0..len {
        // a. Let prop be ! ToString(𝔽(k)).
        // b. Let v be ? Get(replacer, prop).
        let v = replacer.get(k, context)?;
        // c. Let item be undefined.
        let item = if let Some(string) = v.as_string() {
            // d. If v is a String, then set item to v.
            Some(string)
        } else if v.is_number() {
            // e. Else if v is a Number, then set item to ! ToString(v).
            Some(v.to_string(context)?)
        } else if let Some(object) = v.as_object() {
            // f. Else if v is an Object, then: if v has a [[StringData]] or [[NumberData]]
            //    internal slot, set item to ? ToString(v).
            if object.is::<JsString>() || object.is::<f64>() {
                Some(v.to_string(context)?)
            } else {
                None
            }
        } else {
            None
        };
        // g. If item is not undefined and PropertyList does not contain item, then
        //    append item to PropertyList.
        if let Some(item) = item
            && listed.insert(item.clone())
        {
            list.push(item);
        }
        // h. Set k to k + 1.
    }
    Ok(list.into())
}

/// SerializeJSONProperty(state, key, holder), up to the String it returns: what to write,
/// or the array or object whose SerializeJSONArray/SerializeJSONObject comes next.
///
/// Spec: <https://tc39.es/ecma262/#sec-serializejsonproperty>
pub(super) fn serialize_json_property(
    state: &State,
    key: &Key,
    holder: &JsObject,
    context: &mut Context,
) -> JsResult<Serialized> {
    // 1. Let value be ? Get(holder, key).
    let mut value = key.get(holder, context)?;
    // 2. If value is an Object or value is a BigInt, then
    if value.is_object() || value.is_bigint() {
        // a. Let toJSON be ? GetV(value, "toJSON").
        let to_json = get_v(&value, js_string!("toJSON"), context)?;
        // b. If IsCallable(toJSON) is true, then
        if let Some(to_json) = to_json.as_callable() {
            // i. Set value to ? Call(toJSON, value, « key »).
            value = to_json.call(&value, &[key.to_js_string().into()], context)?;
        }
    }
    // 3. If state.[[ReplacerFunction]] is not undefined, then
    if let Some(replacer) = &state.replacer_function {
        // a. Set value to ? Call(state.[[ReplacerFunction]], holder, « key, value »).
        let args = [key.to_js_string().into(), value];
        value = replacer.call(&holder.clone().into(), &args, context)?;
    }
    // 4. If value is an Object, then
    if let Some(object) = value.as_object() {
        // (JSON.parse source text access, https://tc39.es/proposal-json-parse-with-source/:
        // a. If value has an [[IsRawJSON]] internal slot, return ! Get(value, "rawJSON").)
        if object.is::<IsRawJson>() {
            let raw = object.get(js_string!("rawJSON"), context)?;
            return Ok(Serialized::Raw(raw.to_string(context)?));
        }
        let boolean = object.downcast_ref::<bool>().map(|b| *b);
        let bigint = object.downcast_ref::<JsBigInt>().map(|b| b.clone());
        if object.is::<f64>() {
            // a. If value has a [[NumberData]] internal slot, then
            //    i. Set value to ? ToNumber(value).
            value = value.to_number(context)?.into();
        } else if object.is::<JsString>() {
            // b. Else if value has a [[StringData]] internal slot, then
            //    i. Set value to ? ToString(value).
            value = value.to_string(context)?.into();
        } else if let Some(boolean) = boolean {
            // c. Else if value has a [[BooleanData]] internal slot, then
            //    i. Set value to value.[[BooleanData]].
            value = boolean.into();
        } else if let Some(bigint) = bigint {
            // d. Else if value has a [[BigIntData]] internal slot, then
            //    i. Set value to value.[[BigIntData]].
            value = bigint.into();
        }
    }
    // 5. If value is null, return "null".
    if value.is_null() {
        return Ok(Serialized::Literal("null"));
    }
    // 6. If value is true, return "true".
    // 7. If value is false, return "false".
    if let Some(boolean) = value.as_boolean() {
        return Ok(Serialized::Literal(if boolean { "true" } else { "false" }));
    }
    // 8. If value is a String, return QuoteJSONString(value).
    if let Some(string) = value.as_string() {
        return Ok(Serialized::String(string));
    }
    // 9. If value is a Number, then
    //    a. If value is finite, return ! ToString(value).
    //    b. Return "null".
    if let Some(number) = value.as_number() {
        return Ok(Serialized::Number(number));
    }
    // 10. If value is a BigInt, throw a TypeError exception.
    if value.is_bigint() {
        return Err(JsNativeError::typ()
            .with_message("Do not know how to serialize a BigInt")
            .into());
    }
    // 11. If value is an Object and IsCallable(value) is false, then
    if let Some(object) = value.as_object()
        && !object.is_callable()
    {
        // a. Let isArray be ? IsArray(value).
        // b. If isArray is true, return ? SerializeJSONArray(state, value).
        // c. Return ? SerializeJSONObject(state, value).
        return Ok(if is_array(&object, context)? {
            Serialized::Array(object)
        } else {
            Serialized::Object(object)
        });
    }
    // 12. Return undefined.
    Ok(Serialized::Undefined)
}

/// Writes what SerializeJSONProperty returned (undefined writes nothing), or gives back
/// the array or object to serialize next.
pub(super) fn write(
    state: &mut State,
    serialized: Serialized,
    context: &mut Context,
) -> JsResult<Option<Frame>> {
    match serialized {
        Serialized::Undefined => {}
        Serialized::Literal(text) => state.output.push_ascii(text)?,
        Serialized::String(string) => state.output.quote_json_string(&string)?,
        Serialized::Number(number) if number.is_finite() => {
            let text = JsValue::new(number).to_string(context)?;
            state.output.push_string(&text)?;
        }
        Serialized::Number(_) => state.output.push_ascii("null")?,
        Serialized::Raw(text) => state.output.push_string(&text)?,
        Serialized::Array(value) => return Ok(Some(Frame::new(value, true))),
        Serialized::Object(value) => return Ok(Some(Frame::new(value, false))),
    }
    Ok(None)
}
