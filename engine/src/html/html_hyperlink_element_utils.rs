//! The `HTMLHyperlinkElementUtils` mixin (`<a>`, `<area>`): `href` and the URL decomposition
//! attributes over the element's `href` content attribute, parsed relative to its node
//! document and changed through `url::quirks` (the URL Standard's setters, as for `URL`).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/links.html#htmlhyperlinkelementutils>

use boa_engine::{Context, JsResult, JsValue};
use url::{Url, quirks};

use crate::dom::element::{content_attribute, set_content_attribute, this_element};
use crate::dom::wrappers::{NodeRef, string_value, with_document};
use crate::webidl::conversions::arg;
use crate::webidl::conversions::to_usv_string;
use crate::webidl::declaration::{Attribute, Mixin, Operation, keyed_attribute};

/// `interface mixin HTMLHyperlinkElementUtils`: what scripts see on each interface that
/// includes it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#htmlhyperlinkelementutils>
pub(crate) const HTML_HYPERLINK_ELEMENT_UTILS: Mixin = Mixin {
    attributes: &[
        // [CEReactions] stringifier attribute USVString href;
        Attribute::read_write("href", get_href, set_href),
        // readonly attribute USVString origin;
        Attribute::readonly("origin", get_origin),
        // [CEReactions] attribute USVString protocol; (and so on)
        keyed_attribute!("protocol", Part::Protocol, get_part, set_part),
        keyed_attribute!("username", Part::Username, get_part, set_part),
        keyed_attribute!("password", Part::Password, get_part, set_part),
        keyed_attribute!("host", Part::Host, get_part, set_part),
        keyed_attribute!("hostname", Part::Hostname, get_part, set_part),
        keyed_attribute!("port", Part::Port, get_part, set_part),
        keyed_attribute!("pathname", Part::Pathname, get_part, set_part),
        keyed_attribute!("search", Part::Search, get_part, set_part),
        keyed_attribute!("hash", Part::Hash, get_part, set_part),
    ],
    operations: &[
        // The stringifier: `href`'s.
        Operation::new("toString", 0, get_href),
    ],
};

/// A URL decomposition attribute.
#[derive(Clone, Copy)]
enum Part {
    Protocol,
    Username,
    Password,
    Host,
    Hostname,
    Port,
    Pathname,
    Search,
    Hash,
}

/// Reinitializes the element's url: its `href` content attribute parsed relative to its node
/// document (`None`: no attribute, or a failure).
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#reinitialise-url>,
/// <https://html.spec.whatwg.org/multipage/links.html#concept-hyperlink-url-set>
// Deviation: the url is not kept between calls but parsed again each time, so step 1 of
// "reinitialize url" (a `blob:` url is kept even once its entry is revoked) has nothing to
// keep: there are no blob URL entries.
fn reinitialize_url(context: &Context, element: NodeRef) -> JsResult<Option<Url>> {
    // set the url: 1. Set this element's url to null.
    // 2. If this element's href content attribute is absent, then return.
    let Some(href) = content_attribute(context, element, "href")? else {
        return Ok(None);
    };
    // 3. Let url be the result of encoding-parsing a URL given this element's href content
    //    attribute's value, relative to this element's node document.
    // TODO(spec): the document's base URL (a <base> element); the URL stands in.
    // 4. If url is not failure, then set this element's url to url.
    with_document(context, element.window, |d| d.url().join(&href).ok())
}

/// Updates `href`: the element's `href` content attribute becomes its url, serialized.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#update-href>
fn update_href(context: &mut Context, element: NodeRef, url: &Url) -> JsResult<()> {
    set_content_attribute(context, element, "href", url.as_str())?;
    Ok(())
}

/// The `href` getter, and the stringifier.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#dom-hyperlink-href>
fn get_href(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    // 1. Reinitialize url.
    // 2. Let url be this's url.
    let url = reinitialize_url(context, element)?;
    match url {
        // 5. Return url, serialized.
        Some(url) => Ok(string_value(url.as_str())),
        // 3. If url is null and this has no href content attribute, return the empty string.
        // 4. Otherwise, if url is null, return this's href content attribute's value.
        None => Ok(string_value(
            &content_attribute(context, element, "href")?.unwrap_or_default(),
        )),
    }
}

/// The `href` setter: sets this's `href` content attribute to the given value.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#dom-hyperlink-href>
fn set_href(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let value = to_usv_string(&arg(args, 0), context)?;
    set_content_attribute(context, element, "href", &value)
}

/// The `origin` getter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#dom-hyperlink-origin>
fn get_origin(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    // 1. Reinitialize url.
    // 2. If this's url is null, return the empty string.
    // 3. Return the serialization of this's url's origin.
    let url = reinitialize_url(context, element)?;
    Ok(string_value(
        &url.as_ref().map(quirks::origin).unwrap_or_default(),
    ))
}

/// The getters of `protocol`, `username`, `password`, `host`, `hostname`, `port`,
/// `pathname`, `search` and `hash`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#dom-hyperlink-protocol> (and
/// the sections after it)
fn get_part(this: &JsValue, context: &mut Context, part: Part) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    // 1. Reinitialize url. (2. Let url be this's url.)
    let url = reinitialize_url(context, element)?;
    let Some(url) = url else {
        // protocol: 2. If this's url is null, return ":".
        // The others: if url is null, return the empty string.
        return Ok(string_value(match part {
            Part::Protocol => ":",
            _ => "",
        }));
    };
    // protocol: 3. Return this's url's scheme, followed by ":".
    // username: 3. Return this's url's username. (password the same.)
    // host: 3. If url's host is null, return the empty string. 4. If url's port is null,
    //    return url's host, serialized. 5. Return url's host, serialized, followed by ":" and
    //    url's port, serialized.
    // hostname: 3. If url's host is null, return the empty string. 4. Return url's host,
    //    serialized.
    // port: 3. If url's port is null, return the empty string. 4. Return url's port,
    //    serialized.
    // pathname: 3. Return the result of URL path serializing url.
    // search: 3. If url's query is either null or the empty string, return the empty
    //    string. 4. Return "?", followed by url's query.
    // hash: 3. If url's fragment is either null or the empty string, return the empty
    //    string. 4. Return "#", followed by url's fragment.
    let value = match part {
        Part::Protocol => quirks::protocol(&url),
        Part::Username => quirks::username(&url),
        Part::Password => quirks::password(&url),
        Part::Host => quirks::host(&url),
        Part::Hostname => quirks::hostname(&url),
        Part::Port => quirks::port(&url),
        Part::Pathname => quirks::pathname(&url),
        Part::Search => quirks::search(&url),
        Part::Hash => quirks::hash(&url),
    };
    Ok(string_value(value))
}

/// The setters of `protocol`, `username`, `password`, `host`, `hostname`, `port`,
/// `pathname`, `search` and `hash`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#dom-hyperlink-protocol> (and
/// the sections after it)
fn set_part(
    this: &JsValue,
    context: &mut Context,
    part: Part,
    value: &JsValue,
) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let value = to_usv_string(value, context)?;
    // 1. Reinitialize url. (2. Let url be this's url.)
    // 3. If url is null, then return. (username, password, port: or url cannot have a
    //    username/password/port; host, hostname, pathname: or url has an opaque path;
    //    `url::quirks` returns early on those.)
    let Some(mut url) = reinitialize_url(context, element)? else {
        return Ok(JsValue::undefined());
    };
    // protocol: basic URL parse the given value, followed by ":", with this's url as url and
    //    scheme start state as state override.
    // username: set the username, given url and the given value. (password the same.)
    // host: basic URL parse the given value, with url as url and host state as state
    //    override. (hostname: hostname state.)
    // port: if the given value is the empty string, then set url's port to null; otherwise
    //    basic URL parse the given value, with url as url and port state as state override.
    // pathname: set url's path to the empty list, then basic URL parse the given value,
    //    with url as url and path start state as state override.
    // search: if the given value is the empty string, set url's query to null; otherwise,
    //    let input be the given value with a single leading "?" removed, if any, set url's
    //    query to the empty string and basic URL parse input, with null, this element's node
    //    document's document's character encoding, url as url, and query state as state
    //    override.
    // hash: the same with "#", url's fragment and fragment state.
    // (A failure of the basic URL parser leaves url as it was; href is updated all the same.)
    match part {
        Part::Protocol => {
            let _ = quirks::set_protocol(&mut url, &value);
        }
        Part::Username => {
            if quirks::set_username(&mut url, &value).is_err() {
                return Ok(JsValue::undefined());
            }
        }
        Part::Password => {
            if quirks::set_password(&mut url, &value).is_err() {
                return Ok(JsValue::undefined());
            }
        }
        Part::Host => {
            if url.cannot_be_a_base() {
                return Ok(JsValue::undefined());
            }
            let _ = quirks::set_host(&mut url, &value);
        }
        Part::Hostname => {
            if url.cannot_be_a_base() {
                return Ok(JsValue::undefined());
            }
            let _ = quirks::set_hostname(&mut url, &value);
        }
        Part::Port => {
            if !url.has_host() || url.host_str() == Some("") || url.scheme() == "file" {
                return Ok(JsValue::undefined());
            }
            let _ = quirks::set_port(&mut url, &value);
        }
        Part::Pathname => {
            if url.cannot_be_a_base() {
                return Ok(JsValue::undefined());
            }
            quirks::set_pathname(&mut url, &value);
        }
        Part::Search => quirks::set_search(&mut url, &value),
        Part::Hash => quirks::set_hash(&mut url, &value),
    }
    // Last step: update href.
    update_href(context, element, &url)?;
    Ok(JsValue::undefined())
}
