//! The `URLSearchParams` interface: a list of name-value pairs, parsed from and serialized to
//! `application/x-www-form-urlencoded` (`url::form_urlencoded`), and, for a URL's query
//! object, live-linked with that URL's query.
//!
//! Spec: <https://url.spec.whatwg.org/#interface-urlsearchparams>

use std::cell::RefCell;

use boa_engine::object::builtins::JsArray;
use boa_engine::property::PropertyDescriptor;
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsString, JsSymbol, JsValue, Trace, js_string,
};
use boa_gc::GcRefCell;
use url::form_urlencoded;

use crate::url::url::{parse_query, with_url_record};
use crate::url::url_search_params_init::{Init, convert_init};
use crate::url::url_search_params_iterator::{
    IterationKind, create_a_default_iterator_object, install as install_iterator_prototype,
};
use crate::webidl::conversions::{arg, type_error};
use crate::webidl::conversions::{optional_usv_string, required_arguments, to_usv_string};
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
