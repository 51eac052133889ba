//! The abstract operations the JSON algorithms share, for those boa does not expose.

use boa_engine::object::builtins::JsProxy;
use boa_engine::{
    Context, Finalize, JsData, JsNativeError, JsObject, JsResult, JsString, JsValue, Trace,
    js_string,
};

/// The realm's own built-ins that the JSON algorithms call for operations boa does not
/// expose (taken when the realm is set up, before any page script can replace them).
#[derive(Trace, Finalize, JsData)]
pub(super) struct JsonIntrinsics {
    /// `Array.isArray`: IsArray, which looks through Proxies (and throws for revoked ones).
    is_array: JsObject,
    /// `Object.keys`: EnumerableOwnProperties(O, key) as an Array.
    keys: JsObject,
    /// `Reflect.get`: GetV on a primitive (the primitive as the receiver).
    get: JsObject,
    /// `Reflect.deleteProperty`: O.[[Delete]](P), false when it fails.
    delete_property: JsObject,
}

impl JsonIntrinsics {
    /// The current realm's.
    pub(super) fn of_current_realm(context: &mut Context) -> JsResult<JsonIntrinsics> {
        let array = context.intrinsics().constructors().array().constructor();
        let object = context.intrinsics().constructors().object().constructor();
        let reflect = context.intrinsics().objects().reflect();
        let own = |holder: &JsObject, name: &str, context: &mut Context| -> JsResult<JsObject> {
            holder
                .get(JsString::from(name), context)?
                .as_callable()
                .ok_or_else(|| {
                    JsNativeError::typ()
                        .with_message(format!("no built-in {name}"))
                        .into()
                })
        };
        Ok(JsonIntrinsics {
            is_array: own(&array, "isArray", context)?,
            keys: own(&object, "keys", context)?,
            get: own(&reflect, "get", context)?,
            delete_property: own(&reflect, "deleteProperty", context)?,
        })
    }
}

/// One of the realm's saved built-ins (the current realm: a native function runs in the
/// realm it was made in).
fn saved(context: &Context, pick: fn(&JsonIntrinsics) -> &JsObject) -> JsResult<JsObject> {
    let realm = context.realm().clone();
    let host_defined = realm.host_defined();
    let intrinsics = host_defined
        .get::<JsonIntrinsics>()
        .ok_or_else(|| JsNativeError::typ().with_message("JSON is unavailable"))?;
    Ok(pick(intrinsics).clone())
}

/// IsArray(argument), for an object.
///
/// Spec: <https://tc39.es/ecma262/#sec-isarray>
pub(super) fn is_array(object: &JsObject, context: &mut Context) -> JsResult<bool> {
    // 1. If argument is not an Object, return false. (It is one here.)
    // 2. If argument is an Array exotic object, return true.
    if object.is_array() {
        return Ok(true);
    }
    // 3. If argument is a Proxy exotic object, then (a. revoked: TypeError; b–c. IsArray
    //    of its [[ProxyTarget]]): the realm's own Array.isArray, which does just that.
    if JsProxy::from_object(object.clone()).is_ok() {
        let is_array = saved(context, |s| &s.is_array)?;
        let result = is_array.call(&JsValue::undefined(), &[object.clone().into()], context)?;
        return Ok(result.to_boolean());
    }
    // 4. Return false.
    Ok(false)
}

/// EnumerableOwnProperties(O, key): the keys, in the order [[OwnPropertyKeys]] gives them
/// (the realm's own `Object.keys`, whose result array no script sees).
///
/// Spec: <https://tc39.es/ecma262/#sec-enumerableownproperties>
pub(super) fn enumerable_own_keys(
    object: &JsObject,
    context: &mut Context,
) -> JsResult<Vec<JsString>> {
    let keys = saved(context, |s| &s.keys)?;
    let array = keys.call(&JsValue::undefined(), &[object.clone().into()], context)?;
    let Some(array) = array.as_object() else {
        return Ok(Vec::new());
    };
    let len = array
        .get(js_string!("length"), context)?
        .to_length(context)?;
    let mut result = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    for index in 0..len {
        if let Some(key) = array.get(index, context)?.as_string() {
            result.push(key);
        }
    }
    Ok(result)
}

/// GetV(V, P): for a primitive V, the property of ToObject(V) with V as the receiver.
///
/// Spec: <https://tc39.es/ecma262/#sec-getv>
pub(super) fn get_v(value: &JsValue, key: JsString, context: &mut Context) -> JsResult<JsValue> {
    if let Some(object) = value.as_object() {
        return object.get(key, context);
    }
    // 1. Let O be ? ToObject(V).
    let object = value.to_object(context)?;
    // 2. Return ? O.[[Get]](P, V).
    let get = saved(context, |s| &s.get)?;
    get.call(
        &JsValue::undefined(),
        &[object.into(), key.into(), value.clone()],
        context,
    )
}

/// O.[[Delete]](P), whose false result is ignored (InternalizeJSONProperty's note).
pub(super) fn delete(object: &JsObject, key: JsString, context: &mut Context) -> JsResult<()> {
    let delete_property = saved(context, |s| &s.delete_property)?;
    delete_property.call(
        &JsValue::undefined(),
        &[object.clone().into(), key.into()],
        context,
    )?;
    Ok(())
}
