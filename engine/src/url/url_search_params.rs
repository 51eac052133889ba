//! The `URLSearchParams` interface: a list of name-value pairs, parsed from and serialized to
//! `application/x-www-form-urlencoded` (`url::form_urlencoded`), and, for a URL's query
//! object, live-linked with that URL's query.
//!
//! Spec: <https://url.spec.whatwg.org/#interface-urlsearchparams>

use std::cell::RefCell;
use std::collections::HashMap;

use boa_engine::builtins::object::OrdinaryObject;
use boa_engine::object::builtins::JsArray;
use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{
    Context, Finalize, JsData, JsNativeError, JsObject, JsResult, JsString, JsSymbol, JsValue,
    Trace, js_string,
};
use boa_gc::GcRefCell;
use url::form_urlencoded;

use crate::url::url::{parse_query, with_url_record};
use crate::url::url_search_params_iterator::{
    IterationKind, create_a_default_iterator_object, install as install_iterator_prototype,
};
use crate::url::{optional_usv_string, required_arguments, to_usv_string};
use crate::webidl::conversions::{arg, type_error};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration, Operation};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface URLSearchParams`: what scripts see.
///
/// Spec: <https://url.spec.whatwg.org/#urlsearchparams>
pub(crate) const URL_SEARCH_PARAMS: InterfaceDeclaration = InterfaceDeclaration {
    name: "URLSearchParams",
    inherits: None,
    // constructor(optional (sequence<sequence<USVString>> or record<USVString, USVString>
    //             or USVString) init = "");
    constructor: Some(Constructor {
        length: 0,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        // readonly attribute unsigned long size;
        Attribute::readonly("size", get_size),
    ],
    operations: &[
        // undefined append(USVString name, USVString value);
        Operation::new("append", 2, append),
        // undefined delete(USVString name, optional USVString value);
        Operation::new("delete", 1, delete),
        // USVString? get(USVString name);
        Operation::new("get", 1, get),
        // sequence<USVString> getAll(USVString name);
        Operation::new("getAll", 1, get_all),
        // boolean has(USVString name, optional USVString value);
        Operation::new("has", 1, has),
        // undefined set(USVString name, USVString value);
        Operation::new("set", 2, set),
        // undefined sort();
        Operation::new("sort", 0, sort),
        // iterable<USVString, USVString>; (its entries, keys, values and forEach; @@iterator
        // is `entries`, defined by `install_url_search_params`)
        Operation::new("entries", 0, entries),
        Operation::new("keys", 0, keys),
        Operation::new("values", 0, values),
        Operation::new("forEach", 1, for_each),
        // stringifier;
        Operation::new("toString", 0, to_string),
    ],
    static_operations: &[],
    mixins: &[],
};

/// The longest sequence the constructor converts.
///
/// Deviation: a longer one throws a RangeError rather than growing until the agent runs out
/// of memory (an endless iterator is script's to write, but the loop reading it is Rust's).
const MAX_SEQUENCE_LENGTH: usize = 1 << 17;

/// A URLSearchParams object's data: its list and its URL object.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct UrlSearchParams {
    /// The list of name-value pairs.
    #[unsafe_ignore_trace]
    list: RefCell<Vec<(String, String)>>,
    /// The URL object: the URL whose query object this is, or none.
    url_object: GcRefCell<Option<JsObject>>,
}

/// A new URLSearchParams object of the current realm with `list` and `url_object`.
pub(crate) fn create_url_search_params(
    context: &mut Context,
    new_target: Option<&JsObject>,
    list: Vec<(String, String)>,
    url_object: Option<JsObject>,
) -> JsResult<JsObject> {
    let data = UrlSearchParams {
        list: RefCell::new(list),
        url_object: GcRefCell::new(url_object),
    };
    create_an_object_implementing(context, "URLSearchParams", new_target, data)
}

/// Sets the list of `object` (a URLSearchParams) to `list`, without running its update steps
/// (its URL object is what changed).
pub(crate) fn set_list(object: &JsObject, list: Vec<(String, String)>) {
    if let Some(data) = object.downcast_ref::<UrlSearchParams>() {
        *data.list.borrow_mut() = list;
    }
}

/// The pair at `index` of the list of `object` (a URLSearchParams) and the list's size; `None`
/// if it is not a URLSearchParams.
pub(crate) fn pair_at(
    object: &JsObject,
    index: usize,
) -> Option<(Option<(String, String)>, usize)> {
    let data = object.downcast_ref::<UrlSearchParams>()?;
    let list = data.list.borrow();
    Some((list.get(index).cloned(), list.len()))
}

/// `this`, checked to be a URLSearchParams.
fn this_params(this: &JsValue) -> JsResult<JsObject> {
    this.as_object()
        .filter(|object| object.downcast_ref::<UrlSearchParams>().is_some())
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a URLSearchParams"))
}

/// Runs `f` on this's list.
fn with_list<R>(this: &JsValue, f: impl FnOnce(&mut Vec<(String, String)>) -> R) -> JsResult<R> {
    let object = this_params(this)?;
    let data = object
        .downcast_ref::<UrlSearchParams>()
        .ok_or_else(|| type_error("Illegal invocation"))?;
    let mut list = data.list.borrow_mut();
    Ok(f(&mut list))
}

/// The `init` argument of the constructor, converted to its union type.
enum Init {
    /// `sequence<sequence<USVString>>`.
    Sequence(Vec<Vec<String>>),
    /// `record<USVString, USVString>`.
    Record(Vec<(String, String)>),
    /// `USVString`.
    String(String),
}

/// `new URLSearchParams(init)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-urlsearchparams-urlsearchparams>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "URLSearchParams")?;
    let init = convert_init(&arg(args, 0), context)?;
    // 1. If init is a string and starts with U+003F (?), then remove the first code point
    //    from init.
    let init = match init {
        Init::String(s) => match s.strip_prefix('?') {
            Some(rest) => Init::String(rest.to_owned()),
            None => Init::String(s),
        },
        other => other,
    };
    // 2. Initialize this with init.
    let list = initialize(init)?;
    Ok(create_url_search_params(context, Some(&new_target), list, None)?.into())
}

/// Initializes a URLSearchParams object's list with `init`.
///
/// Spec: <https://url.spec.whatwg.org/#urlsearchparams-initialize>
fn initialize(init: Init) -> JsResult<Vec<(String, String)>> {
    let mut list = Vec::new();
    match init {
        // 1. If init is a sequence, then for each innerSequence of init:
        Init::Sequence(sequence) => {
            for inner in sequence {
                // 1. If innerSequence's size is not 2, then throw a TypeError.
                // 2. Append (innerSequence[0], innerSequence[1]) to query's list.
                let Ok([name, value]) = <[String; 2]>::try_from(inner) else {
                    return Err(type_error(
                        "Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence of pairs: each pair must have exactly two items.",
                    ));
                };
                list.push((name, value));
            }
        }
        // 2. Otherwise, if init is a record, then for each name → value of init, append
        //    (name, value) to query's list.
        Init::Record(record) => list = record,
        // 3. Otherwise: 1. Assert: init is a string.
        //    2. Set query's list to the result of parsing init.
        Init::String(init) => list = parse_query(&init),
    }
    Ok(list)
}

/// Converts `init` to `(sequence<sequence<USVString>> or record<USVString, USVString> or
/// USVString)`, `""` when undefined.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-union>
fn convert_init(value: &JsValue, context: &mut Context) -> JsResult<Init> {
    // (The optional argument's default: "".)
    if value.is_undefined() {
        return Ok(Init::String(String::new()));
    }
    // 11. If V is an Object, then:
    if let Some(object) = value.as_object() {
        // 1. If types includes a sequence type: let method be ? GetMethod(V,
        //    %Symbol.iterator%); if method is not undefined, return the result of creating a
        //    sequence of that type from V and method.
        if let Some(method) = get_method(&object, context)? {
            let outer = create_a_sequence_from_an_iterable(value, &method, context)?;
            let mut sequence = Vec::with_capacity(outer.len());
            for item in outer {
                sequence.push(sequence_of_usv_strings(&item, context)?);
            }
            return Ok(Init::Sequence(sequence));
        }
        // 4. If types includes a record type, then return the result of converting V to
        //    that record type.
        return Ok(Init::Record(record_of_usv_strings(&object, context)?));
    }
    // 12-16. ... If types includes a string type, then return the result of converting V to
    //    that type.
    Ok(Init::String(to_usv_string(value, context)?))
}

/// `GetMethod(V, %Symbol.iterator%)`: `None` when undefined or null.
///
/// Spec: <https://tc39.es/ecma262/#sec-getmethod>
fn get_method(object: &JsObject, context: &mut Context) -> JsResult<Option<JsObject>> {
    // 1. Let func be ? GetV(V, P).
    let func = object.get(JsSymbol::iterator(), context)?;
    // 2. If func is either undefined or null, return undefined.
    if func.is_null_or_undefined() {
        return Ok(None);
    }
    // 3. If IsCallable(func) is false, throw a TypeError exception.
    // 4. Return func.
    match func.as_object() {
        Some(func) if func.is_callable() => Ok(Some(func)),
        _ => Err(type_error("The value's @@iterator is not callable.")),
    }
}

/// Converts `value` to `sequence<USVString>`.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-sequence>
fn sequence_of_usv_strings(value: &JsValue, context: &mut Context) -> JsResult<Vec<String>> {
    // 1. If V is not an Object, throw a TypeError.
    let Some(object) = value.as_object() else {
        return Err(type_error(
            "Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence.",
        ));
    };
    // 2. Let method be ? GetMethod(V, %Symbol.iterator%).
    // 3. If method is undefined, throw a TypeError.
    let Some(method) = get_method(&object, context)? else {
        return Err(type_error(
            "Failed to construct 'URLSearchParams': The object must have a callable @@iterator property.",
        ));
    };
    // 4. Return the result of creating a sequence from V and method.
    let items = create_a_sequence_from_an_iterable(value, &method, context)?;
    items
        .iter()
        .map(|item| to_usv_string(item, context))
        .collect()
}

/// The values `iterable`'s iterator gives (converting them to the sequence's type is the
/// caller's).
///
/// Spec: <https://webidl.spec.whatwg.org/#create-sequence-from-iterable>
fn create_a_sequence_from_an_iterable(
    iterable: &JsValue,
    method: &JsObject,
    context: &mut Context,
) -> JsResult<Vec<JsValue>> {
    // 1. Let iteratorRecord be ? GetIteratorFromMethod(iterable, method).
    let iterator = method.call(iterable, &[], context)?;
    let Some(iterator) = iterator.as_object() else {
        return Err(type_error("The iterator is not an object."));
    };
    let next = iterator.get(js_string!("next"), context)?;
    // 2. Let i be 0.
    let mut items = Vec::new();
    // 3. Repeat:
    loop {
        if items.len() >= MAX_SEQUENCE_LENGTH {
            return Err(JsNativeError::range()
                .with_message("The sequence is too long.")
                .into());
        }
        // 1. Let next be ? IteratorStepValue(iteratorRecord).
        let Some(next) = next.as_object().filter(|next| next.is_callable()) else {
            return Err(type_error("The iterator's next is not callable."));
        };
        let result = next.call(&iterator.clone().into(), &[], context)?;
        let Some(result) = result.as_object() else {
            return Err(type_error("The iterator result is not an object."));
        };
        // 2. If next is done, then return an IDL sequence value of length i.
        if result.get(js_string!("done"), context)?.to_boolean() {
            return Ok(items);
        }
        // 3. Initialize Si to the result of converting next to an IDL value of type T.
        // 4. Set i to i + 1.
        items.push(result.get(js_string!("value"), context)?);
    }
}

/// Converts `object` to `record<USVString, USVString>`: its own enumerable properties, in
/// property order; a key that converts to one already there replaces its value in place.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-record>
fn record_of_usv_strings(
    object: &JsObject,
    context: &mut Context,
) -> JsResult<Vec<(String, String)>> {
    // 1. If V is not an Object, throw a TypeError. (It is: the union chose the record.)
    // 2. Let result be a new empty instance of record<K, V>.
    let mut result: Vec<(String, String)> = Vec::new();
    // Where each key is in `result` (so a record of many keys is not quadratic).
    let mut index: HashMap<String, usize> = HashMap::new();
    // 3. Let keys be ? O.[[OwnPropertyKeys]]().
    let keys = object.own_property_keys(context)?;
    // 4. For each key of keys:
    for key in keys {
        if result.len() >= MAX_SEQUENCE_LENGTH {
            return Err(JsNativeError::range()
                .with_message("The record is too large.")
                .into());
        }
        // 1. Let desc be ? O.[[GetOwnProperty]](key).
        // 2. If desc is not undefined and desc.[[Enumerable]] is true:
        //    (`propertyIsEnumerable` is exactly that one [[GetOwnProperty]].)
        let key_value: JsValue = match &key {
            PropertyKey::String(s) => s.clone().into(),
            PropertyKey::Symbol(s) => s.clone().into(),
            PropertyKey::Index(i) => JsString::from(i.get().to_string()).into(),
        };
        let enumerable = OrdinaryObject::property_is_enumerable(
            &object.clone().into(),
            std::slice::from_ref(&key_value),
            context,
        )?;
        if !enumerable.to_boolean() {
            continue;
        }
        // 1. Let typedKey be key converted to an IDL value of type K. (A Symbol throws.)
        let typed_key = to_usv_string(&key_value, context)?;
        // 2. Let value be ? Get(O, key).
        let value = object.get(key, context)?;
        // 3. Let typedValue be value converted to an IDL value of type V.
        let typed_value = to_usv_string(&value, context)?;
        // 4. Set result[typedKey] to typedValue.
        match index.get(&typed_key).and_then(|&i| result.get_mut(i)) {
            Some(entry) => entry.1 = typed_value,
            None => {
                index.insert(typed_key.clone(), result.len());
                result.push((typed_key, typed_value));
            }
        }
    }
    // 5. Return result.
    Ok(result)
}

/// The update steps: the URL object's query becomes the serialized list.
///
/// Spec: <https://url.spec.whatwg.org/#concept-urlsearchparams-update>
fn update(object: &JsObject) {
    let Some(data) = object.downcast_ref::<UrlSearchParams>() else {
        return;
    };
    // 1. If query's URL object is null, then return.
    let Some(url_object) = data.url_object.borrow().clone() else {
        return;
    };
    // 2. Let serializedQuery be the serialization of query's list.
    let serialized_query = serialize(&data.list.borrow());
    // 3. If serializedQuery is the empty string, then set serializedQuery to null.
    let serialized_query = Some(serialized_query).filter(|s| !s.is_empty());
    // 4. Set query's URL object's URL's query to serializedQuery.
    //    (Deviation: `set_query(None)` strips the trailing spaces of an opaque path, as the
    //    standard did before 2025; see the URL's search setter.)
    with_url_record(&url_object, |url| {
        url.set_query(serialized_query.as_deref())
    });
}

/// The application/x-www-form-urlencoded serializer.
///
/// Spec: <https://url.spec.whatwg.org/#concept-urlencoded-serializer>
fn serialize(list: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(list.iter().map(|(name, value)| (name, value)))
        .finish()
}

/// The `size` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-urlsearchparams-size>
fn get_size(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // The size getter steps are to return this's list's size.
    with_list(this, |list| JsValue::from(list.len()))
}

/// `append(name, value)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-urlsearchparams-append>
fn append(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this_params(this)?;
    required_arguments(args, 2, "Failed to execute 'append' on 'URLSearchParams'")?;
    let name = to_usv_string(&arg(args, 0), context)?;
    let value = to_usv_string(&arg(args, 1), context)?;
    // 1. Append (name, value) to this's list.
    with_list(this, |list| list.push((name, value)))?;
    // 2. Run the update steps.
    update(&object);
    Ok(JsValue::undefined())
}

/// The `name` and optional `value` arguments of `delete()` and `has()`, converted.
fn name_and_optional_value(
    args: &[JsValue],
    what: &str,
    context: &mut Context,
) -> JsResult<(String, Option<String>)> {
    required_arguments(args, 1, what)?;
    let name = to_usv_string(&arg(args, 0), context)?;
    let value = optional_usv_string(&arg(args, 1), context)?;
    Ok((name, value))
}

/// `delete(name, value)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-urlsearchparams-delete>
fn delete(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this_params(this)?;
    let (name, value) = name_and_optional_value(
        args,
        "Failed to execute 'delete' on 'URLSearchParams'",
        context,
    )?;
    with_list(this, |list| match &value {
        // 1. If value is given, then remove all tuples whose name is name and value is value
        //    from this's list.
        Some(value) => list.retain(|(n, v)| !(*n == name && v == value)),
        // 2. Otherwise, remove all tuples whose name is name from this's list.
        None => list.retain(|(n, _)| *n != name),
    })?;
    // 3. Run the update steps.
    update(&object);
    Ok(JsValue::undefined())
}

/// `get(name)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-urlsearchparams-get>
fn get(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_params(this)?;
    required_arguments(args, 1, "Failed to execute 'get' on 'URLSearchParams'")?;
    let name = to_usv_string(&arg(args, 0), context)?;
    // The get(name) method steps are to return the value of the first tuple whose name is
    // name in this's list, if there is such a tuple; otherwise null.
    with_list(this, |list| {
        list.iter()
            .find(|(n, _)| *n == name)
            .map_or(JsValue::null(), |(_, v)| JsString::from(v.as_str()).into())
    })
}

/// `getAll(name)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-urlsearchparams-getall>
fn get_all(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_params(this)?;
    required_arguments(args, 1, "Failed to execute 'getAll' on 'URLSearchParams'")?;
    let name = to_usv_string(&arg(args, 0), context)?;
    // The getAll(name) method steps are to return the values of all tuples whose name is name
    // in this's list, in list order; otherwise the empty sequence.
    let values: Vec<JsValue> = with_list(this, |list| {
        list.iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| JsString::from(v.as_str()).into())
            .collect()
    })?;
    Ok(JsArray::from_iter(values, context).into())
}

/// `has(name, value)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-urlsearchparams-has>
fn has(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_params(this)?;
    let (name, value) = name_and_optional_value(
        args,
        "Failed to execute 'has' on 'URLSearchParams'",
        context,
    )?;
    with_list(this, |list| {
        let found = match &value {
            // 1. If value is given and there is a tuple whose name is name and value is value
            //    in this's list, then return true.
            Some(value) => list.iter().any(|(n, v)| *n == name && v == value),
            // 2. If value is not given and there is a tuple whose name is name in this's
            //    list, then return true.
            None => list.iter().any(|(n, _)| *n == name),
        };
        // 3. Return false.
        JsValue::from(found)
    })
}

/// `set(name, value)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-urlsearchparams-set>
fn set(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this_params(this)?;
    required_arguments(args, 2, "Failed to execute 'set' on 'URLSearchParams'")?;
    let name = to_usv_string(&arg(args, 0), context)?;
    let value = to_usv_string(&arg(args, 1), context)?;
    with_list(this, |list| {
        match list.iter().position(|(n, _)| *n == name) {
            // 1. If this's list contains a tuple whose name is name, then set the value of
            //    the first such tuple to value and remove the others.
            Some(first) => {
                let mut index = 0;
                list.retain(|(n, _)| {
                    let keep = index <= first || *n != name;
                    index += 1;
                    keep
                });
                if let Some(entry) = list.get_mut(first) {
                    entry.1 = value;
                }
            }
            // 2. Otherwise, append (name, value) to this's list.
            None => list.push((name, value)),
        }
    })?;
    // 3. Run the update steps.
    update(&object);
    Ok(JsValue::undefined())
}

/// `sort()`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-urlsearchparams-sort>
fn sort(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    let object = this_params(this)?;
    // 1. Sort all tuples in this's list, if any, by their names. Sorting must be done by
    //    comparison of code units. The relative order between tuples with equal names must
    //    be preserved. (`sort_by` is stable.)
    with_list(this, |list| {
        list.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    })?;
    // 2. Run the update steps.
    update(&object);
    Ok(JsValue::undefined())
}

/// The stringifier: this's list, serialized.
///
/// Spec: <https://url.spec.whatwg.org/#urlsearchparams-stringification-behavior>
fn to_string(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // Return the application/x-www-form-urlencoded serialization of this's list.
    with_list(this, |list| JsString::from(serialize(list).as_str()).into())
}

/// `entries()` (and `[Symbol.iterator]()`): a default iterator of kind "key+value".
///
/// Spec: <https://webidl.spec.whatwg.org/#es-iterable-entries>
fn entries(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this_params(this)?;
    Ok(create_a_default_iterator_object(context, object, IterationKind::KeyValue)?.into())
}

/// `keys()`: a default iterator of kind "key".
///
/// Spec: <https://webidl.spec.whatwg.org/#es-iterable-keys>
fn keys(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this_params(this)?;
    Ok(create_a_default_iterator_object(context, object, IterationKind::Key)?.into())
}

/// `values()`: a default iterator of kind "value".
///
/// Spec: <https://webidl.spec.whatwg.org/#es-iterable-values>
fn values(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this_params(this)?;
    Ok(create_a_default_iterator_object(context, object, IterationKind::Value)?.into())
}

/// `forEach(callback, thisArg)`.
///
/// Spec: <https://webidl.spec.whatwg.org/#es-forEach>
fn for_each(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1. Let jsValue be ? ToObject(this value). 2-4. (Checked to implement the interface.)
    let object = this_params(this)?;
    required_arguments(args, 1, "Failed to execute 'forEach' on 'URLSearchParams'")?;
    // 5. Let callbackFn be the first argument; if IsCallable(callbackFn) is false, throw a
    //    TypeError.
    let Some(callback) = arg(args, 0).as_object().filter(|f| f.is_callable()) else {
        return Err(type_error(
            "Failed to execute 'forEach' on 'URLSearchParams': The callback provided as parameter 1 is not a function.",
        ));
    };
    // 6. Let thisArg be the second argument, or undefined.
    let this_arg = arg(args, 1);
    // 7. Let idlObject be the IDL interface type value that represents a reference to jsValue.
    // 8. Let pairs be idlObject's list of value pairs to iterate over.
    // 9. Let i be 0.
    let mut i = 0;
    // 10. While i < pairs's size:
    //     (pairs is read again after each call: 10.4.)
    while let Some((Some((key, value)), _)) = pair_at(&object, i) {
        // 1. Let pair be pairs[i].
        // 2. Invoke callbackFn with thisArg and « pair's value, pair's key, idlObject ».
        callback.call(
            &this_arg,
            &[
                JsString::from(value.as_str()).into(),
                JsString::from(key.as_str()).into(),
                object.clone().into(),
            ],
            context,
        )?;
        // 3. Set pairs to idlObject's current list of value pairs to iterate over.
        // 4. Set i to i + 1.
        i += 1;
    }
    // 11. Return undefined.
    Ok(JsValue::undefined())
}

/// Installs `URLSearchParams` and its iterator prototype object in the current realm, and
/// `URLSearchParams.prototype[Symbol.iterator]`: the same function object as `entries`.
///
/// Spec: <https://webidl.spec.whatwg.org/#es-iterator>
pub(crate) fn install_url_search_params(context: &mut Context, global: &JsObject) -> JsResult<()> {
    let interface = install_interface(context, global, &URL_SEARCH_PARAMS)?;
    let entries = interface.prototype.get(js_string!("entries"), context)?;
    // The @@iterator property: { [[Writable]]: true, [[Enumerable]]: false,
    // [[Configurable]]: true }.
    interface.prototype.define_property_or_throw(
        JsSymbol::iterator(),
        PropertyDescriptor::builder()
            .value(entries)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    install_iterator_prototype(context)?;
    Ok(())
}
