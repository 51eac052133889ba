//! The `URL` interface: a URL record (the `url` crate's `Url`), its parts read and set
//! through `url::quirks` (the URL Standard's API getters and setters, as the crate implements
//! them), and its query object, the `URLSearchParams` live-linked with its query.
//!
//! Spec: <https://url.spec.whatwg.org/#url-class>

use std::cell::RefCell;

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace};
use boa_gc::GcRefCell;
use url::{Url, form_urlencoded, quirks};

use crate::url::url_search_params::{create_url_search_params, set_list};
use crate::webidl::conversions::{arg, type_error};
use crate::webidl::conversions::{optional_usv_string, required_arguments, to_usv_string};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration, Operation};
use crate::webidl::interface::{create_an_object_implementing, new_target};

/// `interface URL`: what scripts see.
///
/// Spec: <https://url.spec.whatwg.org/#url>
pub(crate) const URL: InterfaceDeclaration = InterfaceDeclaration {
    name: "URL",
    inherits: None,
    // constructor(USVString url, optional USVString base);
    constructor: Some(Constructor {
        length: 1,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        // stringifier attribute USVString href;
        Attribute::read_write("href", get_href, set_href),
        // readonly attribute USVString origin;
        Attribute::readonly("origin", get_origin),
        // attribute USVString protocol; (and so on)
        Attribute::read_write("protocol", get_protocol, set_protocol),
        Attribute::read_write("username", get_username, set_username),
        Attribute::read_write("password", get_password, set_password),
        Attribute::read_write("host", get_host, set_host),
        Attribute::read_write("hostname", get_hostname, set_hostname),
        Attribute::read_write("port", get_port, set_port),
        Attribute::read_write("pathname", get_pathname, set_pathname),
        Attribute::read_write("search", get_search, set_search),
        // [SameObject] readonly attribute URLSearchParams searchParams;
        Attribute::readonly("searchParams", get_search_params),
        Attribute::read_write("hash", get_hash, set_hash),
    ],
    operations: &[
        // USVString toJSON();
        Operation::new("toJSON", 0, get_href),
        // The stringifier: `href`'s.
        Operation::new("toString", 0, get_href),
    ],
    static_operations: &[
        // static URL? parse(USVString url, optional USVString base);
        Operation::new("parse", 1, parse),
        // static boolean canParse(USVString url, optional USVString base);
        Operation::new("canParse", 1, can_parse),
    ],
    mixins: &[],
};

/// A URL object's data: its URL (a URL record) and its query object.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct UrlObject {
    /// The URL.
    #[unsafe_ignore_trace]
    url: RefCell<Url>,
    /// The query object: a `URLSearchParams` (set once, right after the URL object is made).
    query_object: GcRefCell<Option<JsObject>>,
}

/// Runs `f` on the URL of `object` (a URL object); `None` if it is not one.
pub(crate) fn with_url_record<R>(object: &JsObject, f: impl FnOnce(&mut Url) -> R) -> Option<R> {
    let data = object.downcast_ref::<UrlObject>()?;
    let mut url = data.url.try_borrow_mut().ok()?;
    Some(f(&mut url))
}

/// `this`, checked to be a URL object.
fn this_url(this: &JsValue) -> JsResult<JsObject> {
    this.as_object()
        .filter(|object| object.downcast_ref::<UrlObject>().is_some())
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a URL"))
}

/// Runs `f` on this's URL.
fn with_this_url<R>(this: &JsValue, f: impl FnOnce(&mut Url) -> R) -> JsResult<R> {
    let object = this_url(this)?;
    with_url_record(&object, f).ok_or_else(|| type_error("Illegal invocation"))
}

/// The API URL parser: `url` parsed against `base`, if given.
///
/// Spec: <https://url.spec.whatwg.org/#api-url-parser>
fn api_url_parser(url: &str, base: Option<&str>) -> Option<Url> {
    // 1. Let parsedBase be null.
    // 2. If base is given:
    //    1. Set parsedBase to the result of running the basic URL parser on base.
    //    2. If parsedBase is failure, then return failure.
    let parsed_base = match base {
        Some(base) => Some(Url::parse(base).ok()?),
        None => None,
    };
    // 3. Return the result of running the basic URL parser on url with parsedBase.
    Url::options()
        .base_url(parsed_base.as_ref())
        .parse(url)
        .ok()
}

/// The `url` and `base` arguments of the constructor, `parse()` and `canParse()`, converted.
fn url_and_base(
    args: &[JsValue],
    what: &str,
    context: &mut Context,
) -> JsResult<(String, Option<String>)> {
    required_arguments(args, 1, what)?;
    let url = to_usv_string(&arg(args, 0), context)?;
    let base = optional_usv_string(&arg(args, 1), context)?;
    Ok((url, base))
}

/// Initializes a new URL object with `url_record`: the object, its query object, and the link
/// between them. `new_target` is the constructor's `new.target` (none for `URL.parse()`).
///
/// Spec: <https://url.spec.whatwg.org/#url-initialize>
fn initialize_a_url_object(
    context: &mut Context,
    new_target: Option<&JsObject>,
    url_record: Url,
) -> JsResult<JsObject> {
    // 1. Let query be urlRecord's query, if that is non-null; otherwise the empty string.
    let query = url_record.query().unwrap_or("").to_owned();
    // 2. Set url's URL to urlRecord.
    let data = UrlObject {
        url: RefCell::new(url_record),
        query_object: GcRefCell::new(None),
    };
    let url = create_an_object_implementing(context, "URL", new_target, data)?;
    // 3. Set url's query object to a new URLSearchParams object.
    // 4. Initialize url's query object with query.
    // 5. Set url's query object's URL object to url.
    let list = parse_query(&query);
    let query_object = create_url_search_params(context, None, list, Some(url.clone()))?;
    if let Some(data) = url.downcast_ref::<UrlObject>() {
        *data.query_object.borrow_mut() = Some(query_object);
    }
    Ok(url)
}

/// The application/x-www-form-urlencoded parser over a string (UTF-8 encoded first).
///
/// Spec: <https://url.spec.whatwg.org/#concept-urlencoded-string-parser>
pub(crate) fn parse_query(input: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(input.as_bytes())
        .into_owned()
        .collect()
}

/// `new URL(url, base)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-url>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "URL")?;
    let (url, base) = url_and_base(args, "Failed to construct 'URL'", context)?;
    // 1. Let parsedURL be the result of running the API URL parser on url with base, if
    //    given.
    // 2. If parsedURL is failure, then throw a TypeError.
    let Some(parsed_url) = api_url_parser(&url, base.as_deref()) else {
        return Err(type_error(format!(
            "Failed to construct 'URL': Invalid URL '{url}'"
        )));
    };
    // 3. Initialize this with parsedURL.
    Ok(initialize_a_url_object(context, Some(&new_target), parsed_url)?.into())
}

/// `URL.parse(url, base)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-parse>
fn parse(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (url, base) = url_and_base(args, "Failed to execute 'parse' on 'URL'", context)?;
    // 1. Let parsedURL be the result of running the API URL parser on url with base, if
    //    given.
    // 2. If parsedURL is failure, then return null.
    let Some(parsed_url) = api_url_parser(&url, base.as_deref()) else {
        return Ok(JsValue::null());
    };
    // 3. Let url be a new URL object. 4. Initialize url with parsedURL.
    // 5. Return url.
    Ok(initialize_a_url_object(context, None, parsed_url)?.into())
}

/// `URL.canParse(url, base)`.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-canparse>
fn can_parse(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (url, base) = url_and_base(args, "Failed to execute 'canParse' on 'URL'", context)?;
    // 1. Let parsedURL be the result of running the API URL parser on url with base, if
    //    given.
    // 2. If parsedURL is failure, then return false.
    // 3. Return true.
    Ok(api_url_parser(&url, base.as_deref()).is_some().into())
}

/// A string result.
fn string(s: &str) -> JsValue {
    JsString::from(s).into()
}

/// The `href` getter, `toString()` and `toJSON()`: this's URL, serialized.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-href>,
/// <https://url.spec.whatwg.org/#dom-url-tojson>
fn get_href(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. Return the serialization of this's URL.
    with_this_url(this, |url| string(quirks::href(url)))
}

/// The `href` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-href>
fn set_href(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. Let parsedURL be the result of running the basic URL parser on the given value.
    // 2. If parsedURL is failure, then throw a TypeError.
    let Ok(parsed_url) = Url::parse(&value) else {
        return Err(type_error(format!(
            "Failed to set the 'href' property on 'URL': Invalid URL '{value}'"
        )));
    };
    // 3. Set this's URL to parsedURL.
    // 5. Let query be this's URL's query.
    let query = with_url_record(&object, |url| {
        *url = parsed_url;
        url.query().map(str::to_owned)
    })
    .flatten();
    // 4. Empty this's query object's list.
    // 6. If query is non-null, then set this's query object's list to the result of parsing
    //    query.
    let list = query.as_deref().map(parse_query).unwrap_or_default();
    set_list(&query_object(&object)?, list);
    Ok(JsValue::undefined())
}

/// This URL object's query object.
fn query_object(object: &JsObject) -> JsResult<JsObject> {
    object
        .downcast_ref::<UrlObject>()
        .and_then(|data| data.query_object.borrow().clone())
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a URL"))
}

/// The `origin` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-origin>
fn get_origin(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. Return the serialization of this's URL's origin.
    with_this_url(this, |url| string(&quirks::origin(url)))
}

/// The `protocol` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-protocol>
fn get_protocol(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. Return this's URL's scheme, followed by U+003A (:).
    with_this_url(this, |url| string(quirks::protocol(url)))
}

/// The `protocol` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-protocol>
fn set_protocol(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. Basic URL parse the given value, followed by U+003A (:), with this's URL as url and
    //    scheme start state as state override. (A failure leaves the URL as it was.)
    with_this_url(this, |url| {
        let _ = quirks::set_protocol(url, &value);
    })?;
    Ok(JsValue::undefined())
}

/// The `username` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-username>
fn get_username(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. Return this's URL's username.
    with_this_url(this, |url| string(quirks::username(url)))
}

/// The `username` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-username>
fn set_username(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. If this's URL cannot have a username/password/port, then return.
    // 2. Set the username given this's URL and the given value.
    with_this_url(this, |url| {
        let _ = quirks::set_username(url, &value);
    })?;
    Ok(JsValue::undefined())
}

/// The `password` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-password>
fn get_password(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. Return this's URL's password.
    with_this_url(this, |url| string(quirks::password(url)))
}

/// The `password` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-password>
fn set_password(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. If this's URL cannot have a username/password/port, then return.
    // 2. Set the password given this's URL and the given value.
    with_this_url(this, |url| {
        let _ = quirks::set_password(url, &value);
    })?;
    Ok(JsValue::undefined())
}

/// The `host` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-host>
fn get_host(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. Let url be this's URL.
    // 2. If url's host is null, then return the empty string.
    // 3. If url's port is null, return url's host, serialized.
    // 4. Return url's host, serialized, followed by U+003A (:) and url's port, serialized.
    with_this_url(this, |url| string(quirks::host(url)))
}

/// The `host` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-host>
fn set_host(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. If this's URL has an opaque path, then return.
    // 2. Basic URL parse the given value with this's URL as url and host state as state
    //    override.
    with_this_url(this, |url| {
        let _ = quirks::set_host(url, &value);
    })?;
    Ok(JsValue::undefined())
}

/// The `hostname` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-hostname>
fn get_hostname(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. If this's URL's host is null, then return the empty string.
    // 2. Return this's URL's host, serialized.
    with_this_url(this, |url| string(quirks::hostname(url)))
}

/// The `hostname` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-hostname>
fn set_hostname(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. If this's URL has an opaque path, then return.
    // 2. Basic URL parse the given value with this's URL as url and hostname state as state
    //    override.
    with_this_url(this, |url| {
        let _ = quirks::set_hostname(url, &value);
    })?;
    Ok(JsValue::undefined())
}

/// The `port` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-port>
fn get_port(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. If this's URL's port is null, then return the empty string.
    // 2. Return this's URL's port, serialized.
    with_this_url(this, |url| string(quirks::port(url)))
}

/// The `port` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-port>
fn set_port(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. If this's URL cannot have a username/password/port, then return.
    // 2. If the given value is the empty string, then set this's URL's port to null.
    // 3. Otherwise, basic URL parse the given value with this's URL as url and port state as
    //    state override.
    with_this_url(this, |url| {
        let _ = quirks::set_port(url, &value);
    })?;
    Ok(JsValue::undefined())
}

/// The `pathname` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-pathname>
fn get_pathname(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. Return the result of URL path serializing this's URL.
    with_this_url(this, |url| string(quirks::pathname(url)))
}

/// The `pathname` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-pathname>
fn set_pathname(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. If this's URL has an opaque path, then return.
    // 2. Empty this's URL's path.
    // 3. Basic URL parse the given value with this's URL as url and path start state as
    //    state override.
    with_this_url(this, |url| quirks::set_pathname(url, &value))?;
    Ok(JsValue::undefined())
}

/// The `search` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-search>
fn get_search(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. If this's URL's query is either null or the empty string, then return the empty
    //    string.
    // 2. Return U+003F (?), followed by this's URL's query.
    with_this_url(this, |url| string(quirks::search(url)))
}

/// The `search` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-search>
fn set_search(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. Let url be this's URL.
    // 2. If the given value is the empty string, then set url's query to null, empty this's
    //    query object's list, and return.
    // 3. Let input be the given value with a single leading U+003F (?) removed, if any.
    // 4. Set url's query to the empty string.
    // 5. Basic URL parse input with url as url and query state as state override.
    // (`quirks::set_search` does steps 2 to 5 on the URL.)
    // Deviation: the url crate follows the standard before 2025 for opaque paths: removing
    // the query strips the trailing spaces of an opaque path (`data:a  ?q` becomes `data:a`),
    // where the standard now keeps them, the parser having percent-encoded the last one.
    with_url_record(&object, |url| quirks::set_search(url, &value));
    // 6. Set this's query object's list to the result of parsing input.
    let list = if value.is_empty() {
        Vec::new()
    } else {
        parse_query(value.strip_prefix('?').unwrap_or(&value))
    };
    set_list(&query_object(&object)?, list);
    Ok(JsValue::undefined())
}

/// The `searchParams` getter: this's query object (the same object every time).
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-searchparams>
fn get_search_params(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. Return this's query object.
    Ok(query_object(&this_url(this)?)?.into())
}

/// The `hash` getter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-hash>
fn get_hash(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. If this's URL's fragment is either null or the empty string, then return the empty
    //    string.
    // 2. Return U+0023 (#), followed by this's URL's fragment.
    with_this_url(this, |url| string(quirks::hash(url)))
}

/// The `hash` setter.
///
/// Spec: <https://url.spec.whatwg.org/#dom-url-hash>
fn set_hash(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_url(this)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    // 1. If the given value is the empty string, then set this's URL's fragment to null and
    //    return. (Deviation: the url crate strips trailing spaces of an opaque path here too;
    //    see the search setter.)
    // 2. Let input be the given value with a single leading U+0023 (#) removed, if any.
    // 3. Set this's URL's fragment to the empty string.
    // 4. Basic URL parse input with this's URL as url and fragment state as state override.
    with_this_url(this, |url| quirks::set_hash(url, &value))?;
    Ok(JsValue::undefined())
}
