//! The Location interface: `location.href` and its parts, `assign()`, `replace()`,
//! `reload()`, and the cross-origin Location that other origins may only navigate.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface>

use std::rc::Rc;

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace};
use postern_dom::BrowsingContextId;
use url::Url;

use crate::agent::AgentState;
use crate::html::cross_origin::helper::{CrossOriginObject, Role};
use crate::html::location_exotic::{self, WindowLocation};
use crate::html::navigation;
use crate::html::scripting::environments;
use crate::ids::WindowId;
use crate::webidl::brand::{Member, illegal_invocation, register_exotic_this_hook};
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::{create_an_object_implementing, install_interface};
use boa_engine::builtins::proxy::Proxy;

/// `interface Location`: what scripts see. Every member is `[LegacyUnforgeable]`, so they are
/// own properties of each Location object and Location.prototype has none.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface>
pub(crate) const LOCATION: InterfaceDeclaration = InterfaceDeclaration {
    name: "Location",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[
        // [LegacyUnforgeable] stringifier attribute USVString href;
        Attribute::read_write("href", get_href, set_href).unforgeable(),
        // [LegacyUnforgeable] readonly attribute USVString origin;
        Attribute::readonly("origin", get_origin).unforgeable(),
        // [LegacyUnforgeable] attribute USVString protocol; (and so on)
        Attribute::read_write("protocol", get_protocol, set_protocol).unforgeable(),
        Attribute::read_write("host", get_host, set_host).unforgeable(),
        Attribute::read_write("hostname", get_hostname, set_hostname).unforgeable(),
        Attribute::read_write("port", get_port, set_port).unforgeable(),
        Attribute::read_write("pathname", get_pathname, set_pathname).unforgeable(),
        Attribute::read_write("search", get_search, set_search).unforgeable(),
        Attribute::read_write("hash", get_hash, set_hash).unforgeable(),
        // TODO(spec): [LegacyUnforgeable, SameObject] readonly attribute DOMStringList
        // ancestorOrigins;
    ],
    operations: &[
        // [LegacyUnforgeable] undefined assign(USVString url);
        Operation::new("assign", 1, assign).unforgeable(),
        // [LegacyUnforgeable] undefined replace(USVString url);
        Operation::new("replace", 1, replace).unforgeable(),
        // [LegacyUnforgeable] undefined reload();
        Operation::new("reload", 0, reload).unforgeable(),
        // The stringifier: `href`'s, so `[LegacyUnforgeable]` too.
        Operation::new("toString", 0, get_href).unforgeable(),
    ],
    static_operations: &[],
    mixins: &[],
};

/// The data of a Location platform object: the Window whose Location it is (its relevant
/// global object). Scripts see it through its exotic object (`location_exotic/`).
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct Location {
    window: WindowId,
}

/// The Window of `this`, a Location object.
fn window_of(this: &JsValue, context: &Context) -> JsResult<WindowId> {
    let object = this
        .as_object()
        .ok_or_else(|| type_error("'this' is not a Location"))?;
    if let Some(location) = object.downcast_ref::<Location>() {
        return Ok(location.window);
    }
    location_exotic::window_of_location(context, &object)
        .ok_or_else(|| type_error("'this' is not a Location"))
}

/// The `href` getter, and the stringifier (`toString()`).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-href>
fn get_href(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this, context)?;
    // 1. If this's relevant Document is non-null and its origin is not same origin-domain
    //    with the entry settings object's origin, then throw a "SecurityError" DOMException.
    // 2. Return this's url, serialized.
    let (url, _) = checked_url(context, window)?;
    Ok(JsString::from(url.as_str()).into())
}

/// The `href` setter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-href>
fn set_href(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this, context)?;
    let value = to_dom_string(&arg(args, 0), context)?;
    // The Location of another agent's Window navigates that Window's navigable.
    if let Some(navigable) = this
        .as_object()
        .and_then(|object| location_exotic::navigable_of_remote_location(context, &object))
    {
        let url = parse_relative_to_entry(context, &value)?;
        location_object_navigate(context, navigable, url, HistoryHandling::Push)?;
        return Ok(JsValue::undefined());
    }
    navigate_href(context, window, &value)?;
    Ok(JsValue::undefined())
}

/// The `origin` getter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-origin>
fn get_origin(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this, context)?;
    let (url, _) = checked_url(context, window)?;
    let origin = postern_dom::origin_of_url(&url).ascii_serialization();
    Ok(JsString::from(origin.as_str()).into())
}

/// The getter of a URL part (`protocol`, `host`, ...): the same origin-domain check, then
/// the part of this's url.
fn get_part(this: &JsValue, context: &mut Context, part: Part) -> JsResult<JsValue> {
    let window = window_of(this, context)?;
    let (url, _) = checked_url(context, window)?;
    Ok(JsString::from(read_part(&url, part).as_str()).into())
}

/// The setter of a URL part: the same origin-domain check, then Location-object navigate to a
/// copy of this's url with the part changed; a value the URL does not accept leaves it as it
/// is.
fn set_part(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
    part: Part,
) -> JsResult<JsValue> {
    let window = window_of(this, context)?;
    // 1. If this's relevant Document is null, then return.
    if relevant_document_is_null(&*AgentState::of(context)?, window) {
        return Ok(JsValue::undefined());
    }
    check_same_origin_domain(context, window)?;
    let value = to_dom_string(&arg(args, 0), context)?;
    let state = AgentState::of(context)?;
    let (url, navigable) = url_and_navigable(&state, window)?;
    if let Some(copy) = write_part(&url, part, &value)
        && copy != url
    {
        location_object_navigate(context, navigable, copy, HistoryHandling::Push)?;
    }
    Ok(JsValue::undefined())
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-protocol>
fn get_protocol(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    get_part(this, context, Part::Protocol)
}

/// The `protocol` setter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-protocol>
fn set_protocol(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this, context)?;
    // 1. If this's relevant Document is null, then return.
    if relevant_document_is_null(&*AgentState::of(context)?, window) {
        return Ok(JsValue::undefined());
    }
    // 2. If this's relevant Document's origin is not same origin-domain with the entry
    //    settings object's origin, then throw a "SecurityError" DOMException.
    check_same_origin_domain(context, window)?;
    let value = to_dom_string(&arg(args, 0), context)?;
    let state = AgentState::of(context)?;
    // 3. Let copyURL be a copy of this's url.
    let (url, navigable) = url_and_navigable(&state, window)?;
    // 4. Let possibleFailure be the result of basic URL parsing the given value, followed by
    //    ":", with copyURL as url and scheme start state as state override: a scheme up to the
    //    first ":".
    // Deviation: an ASCII tab or newline in the value is a failure (the URL parser would drop
    // it), as in Chromium.
    let scheme = value.split(':').next().unwrap_or("");
    let valid = scheme
        .chars()
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // 5. If possibleFailure is failure, then throw a "SyntaxError" DOMException.
    if !valid {
        return Err(dom_exception::throw(
            context,
            "SyntaxError",
            &format!("'{value}' is an invalid protocol."),
        ));
    }
    let mut copy = url.clone();
    // (A scheme the URL cannot switch to leaves it as it is.)
    let _ = copy.set_scheme(&scheme.to_ascii_lowercase());
    // 6. If copyURL's scheme is not an HTTP(S) scheme, then terminate these steps.
    if !matches!(copy.scheme(), "http" | "https") {
        return Ok(JsValue::undefined());
    }
    // 7. Location-object navigate this to copyURL.
    if copy != url {
        location_object_navigate(context, navigable, copy, HistoryHandling::Push)?;
    }
    Ok(JsValue::undefined())
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-host>
fn get_host(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    get_part(this, context, Part::Host)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-host>
fn set_host(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    set_part(this, args, context, Part::Host)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-hostname>
fn get_hostname(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    get_part(this, context, Part::Hostname)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-hostname>
fn set_hostname(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    set_part(this, args, context, Part::Hostname)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-port>
fn get_port(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    get_part(this, context, Part::Port)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-port>
fn set_port(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    set_part(this, args, context, Part::Port)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-pathname>
fn get_pathname(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    get_part(this, context, Part::Pathname)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-pathname>
fn set_pathname(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    set_part(this, args, context, Part::Pathname)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-search>
fn get_search(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    get_part(this, context, Part::Search)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-search>
fn set_search(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    set_part(this, args, context, Part::Search)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-hash>
fn get_hash(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    get_part(this, context, Part::Hash)
}

/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-hash>
fn set_hash(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    set_part(this, args, context, Part::Hash)
}

/// `assign(url)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-assign>
fn assign(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this, context)?;
    // 1. If this's relevant Document is null, then return.
    if relevant_document_is_null(&*AgentState::of(context)?, window) {
        return Ok(JsValue::undefined());
    }
    // 2. Same origin-domain check. (Web IDL's security check comes before the argument
    //    count.)
    let (_, navigable) = checked_url(context, window)?;
    required_argument(args, "assign")?;
    // 3. Parse url relative to the entry settings object; failure → SyntaxError.
    // 4. Location-object navigate this to the resulting URL.
    navigate_to_value(context, navigable, &arg(args, 0), HistoryHandling::Push)
}

/// `replace(url)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-replace>
fn replace(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this, context)?;
    required_argument(args, "replace")?;
    // 1. If this's relevant Document is null, then return. (The Location of another agent's
    //    Window navigates that Window's navigable.)
    let state = AgentState::of(context)?;
    if relevant_document_is_null(&state, window) {
        return Ok(JsValue::undefined());
    }
    let navigable = match url_and_navigable(&state, window) {
        Ok((_, navigable)) => navigable,
        Err(_) => match this
            .as_object()
            .and_then(|object| location_exotic::navigable_of_remote_location(context, &object))
        {
            Some(navigable) => navigable,
            None => return Ok(JsValue::undefined()),
        },
    };
    // 2. Parse url relative to the entry settings object; failure → "SyntaxError".
    // 3. Location-object navigate this to the resulting URL given "replace".
    navigate_to_value(context, navigable, &arg(args, 0), HistoryHandling::Replace)
}

/// `reload()`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-reload>
fn reload(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this, context)?;
    // 1. Let document be this's relevant Document. 2. If document is null, then return.
    if relevant_document_is_null(&*AgentState::of(context)?, window) {
        return Ok(JsValue::undefined());
    }
    let (url, navigable) = checked_url(context, window)?;
    // Deviation: reload navigates to the same URL (no session history to reload).
    location_object_navigate(context, navigable, url, HistoryHandling::Replace)?;
    Ok(JsValue::undefined())
}

/// The `this` check's part for a Location object (a boa Proxy, `location_exotic`): the
/// object itself, for Location's members (a TypeError for any other interface's). The
/// security check is the members' own (they compare origins themselves).
fn location_this(
    object: &JsObject,
    member: &Member,
    context: &mut Context,
) -> JsResult<Option<JsValue>> {
    if !object.is::<Proxy>() || location_exotic::window_of_location(context, object).is_none() {
        return Ok(None);
    }
    if member.interface != Some("Location") {
        return Err(illegal_invocation(member));
    }
    Ok(Some(object.clone().into()))
}

/// Installs `Location` in the current realm (the realm of `window`) and creates the Window's
/// Location object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface>
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    register_exotic_this_hook(location_this);
    install_interface(context, global, &LOCATION)?;
    let platform_object =
        create_an_object_implementing(context, "Location", None, Location { window })?;
    let location =
        location_exotic::create_location_object(context, Some(platform_object), window, None)?;
    context
        .realm()
        .host_defined_mut()
        .insert(WindowLocation(location));
    Ok(())
}

/// The Location object of the current realm's Window.
pub(crate) fn location_of_current_realm(context: &Context) -> JsResult<JsObject> {
    context
        .realm()
        .host_defined()
        .get::<WindowLocation>()
        .map(|location| location.0.clone())
        .ok_or_else(|| type_error("no Location in this realm"))
}

/// Location-object-setter navigate to `value` for `window`'s Location: the `href` setter's
/// steps, and `window.location = value` ([PutForwards=href]).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-href>
fn navigate_href(context: &mut Context, window: WindowId, value: &str) -> JsResult<()> {
    // 1. If this's relevant Document is null, then return.
    if relevant_document_is_null(&*AgentState::of(context)?, window) {
        return Ok(());
    }
    // 2. Let url be the result of encoding-parsing a URL given the given value, relative to
    //    the entry settings object.
    // 3. If url is failure, then throw a "SyntaxError" DOMException.
    let url = parse_relative_to_entry(context, value)?;
    // 4. Location-object navigate this to url.
    let state = AgentState::of(context)?;
    let (_, navigable) = url_and_navigable(&state, window)?;
    location_object_navigate(context, navigable, url, HistoryHandling::Push)
}

/// `window.location = value` ([PutForwards=href]).
pub(crate) fn put_forwards_href(
    context: &mut Context,
    window: WindowId,
    value: &JsValue,
) -> JsResult<()> {
    let value = to_dom_string(value, context)?;
    navigate_href(context, window, &value)
}

/// Whether a navigation replaces the current session history entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HistoryHandling {
    Push,
    Replace,
}

/// The parts of a URL a Location reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Protocol,
    Host,
    Hostname,
    Port,
    Pathname,
    Search,
    Hash,
}

fn read_part(url: &Url, part: Part) -> String {
    match part {
        Part::Protocol => format!("{}:", url.scheme()),
        Part::Host => match url.port() {
            Some(port) => format!("{}:{port}", url.host_str().unwrap_or("")),
            None => url.host_str().unwrap_or("").to_string(),
        },
        Part::Hostname => url.host_str().unwrap_or("").to_string(),
        Part::Port => url.port().map(|p| p.to_string()).unwrap_or_default(),
        Part::Pathname => url.path().to_string(),
        Part::Search => match url.query() {
            None | Some("") => String::new(),
            Some(query) => format!("?{query}"),
        },
        Part::Hash => match url.fragment() {
            None | Some("") => String::new(),
            Some(fragment) => format!("#{fragment}"),
        },
    }
}

/// A copy of `url` with `part` set from `value` (the Location setters' basic URL parsing with
/// a state override); `None` when the URL does not accept it.
fn write_part(url: &Url, part: Part, value: &str) -> Option<Url> {
    let mut copy = url.clone();
    let ok = match part {
        Part::Protocol => {
            let scheme = value.split(':').next().unwrap_or("");
            copy.set_scheme(scheme).is_ok()
        }
        Part::Host => {
            copy.set_host(Some(value)).is_ok() || {
                // host:port
                match value.rsplit_once(':') {
                    Some((host, port)) => {
                        copy.set_host(Some(host)).is_ok()
                            && copy.set_port(port.parse().ok()).is_ok()
                    }
                    None => false,
                }
            }
        }
        Part::Hostname => copy.set_host(Some(value)).is_ok(),
        Part::Port => {
            let port = if value.is_empty() {
                None
            } else {
                let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
                digits.parse::<u16>().ok()
            };
            copy.set_port(port).is_ok()
        }
        Part::Pathname => {
            copy.set_path(value);
            true
        }
        Part::Search => {
            let query = value.strip_prefix('?').unwrap_or(value);
            copy.set_query((!query.is_empty()).then_some(query));
            true
        }
        Part::Hash => {
            let fragment = value.strip_prefix('#').unwrap_or(value);
            copy.set_fragment(Some(fragment));
            true
        }
    };
    ok.then_some(copy)
}

/// The Location's url (its relevant Document's URL, or about:blank when that is null) and its
/// Window's browsing context.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#concept-location-url>
fn url_and_navigable(state: &AgentState, window: WindowId) -> JsResult<(Url, BrowsingContextId)> {
    let (url, navigable) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.url(), w.browsing_context))
        .ok_or_else(|| type_error("the window is gone"))?;
    if relevant_document_is_null(state, window) {
        let blank = Url::parse("about:blank").map_err(|e| type_error(e.to_string()))?;
        return Ok((blank, navigable));
    }
    Ok((url, navigable))
}

/// Whether the Location's relevant Document is null: its Window's browsing context is gone
/// (removed or discarded). (A Window of another agent is not known here: not null.)
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#relevant-document>
fn relevant_document_is_null(state: &AgentState, window: WindowId) -> bool {
    match state.browsing_context_of(window) {
        Some(bc) => state.ua.active_window(bc).is_none(),
        None => false,
    }
}

/// Throws a "SecurityError" unless the incumbent window may read `window`'s Location (same
/// origin-domain).
fn check_same_origin_domain(context: &mut Context, window: WindowId) -> JsResult<()> {
    let state = AgentState::of(context)?;
    // (Only a non-null relevant Document has an origin to check.)
    if relevant_document_is_null(&state, window) {
        return Ok(());
    }
    let incumbent = environments::incumbent_window(context)?;
    if state.same_origin_domain(incumbent, window) {
        Ok(())
    } else {
        Err(dom_exception::throw(
            context,
            "SecurityError",
            "Blocked a frame from accessing a cross-origin Location.",
        ))
    }
}

/// The same origin-domain check, then the window's URL and navigable.
fn checked_url(context: &mut Context, window: WindowId) -> JsResult<(Url, BrowsingContextId)> {
    check_same_origin_domain(context, window)?;
    let state = AgentState::of(context)?;
    url_and_navigable(&state, window)
}

/// Converts `value` to a string, parses it relative to the entry settings object
/// ("SyntaxError" on failure) and Location-object navigates `navigable` there.
fn navigate_to_value(
    context: &mut Context,
    navigable: BrowsingContextId,
    value: &JsValue,
    history_handling: HistoryHandling,
) -> JsResult<JsValue> {
    let value = to_dom_string(value, context)?;
    let url = parse_relative_to_entry(context, &value)?;
    location_object_navigate(context, navigable, url, history_handling)?;
    Ok(JsValue::undefined())
}

/// Parses `value` relative to the entry settings object's API base URL (the incumbent
/// window's document URL here); a failure is a "SyntaxError" DOMException.
fn parse_relative_to_entry(context: &mut Context, value: &str) -> JsResult<Url> {
    let state = AgentState::of(context)?;
    let incumbent = environments::incumbent_window(context)?;
    let base = state.windows.borrow().get(&incumbent).map(|w| w.url());
    let parsed = match base {
        Some(base) => base.join(value),
        None => Url::parse(value),
    };
    parsed.map_err(|_| {
        dom_exception::throw(
            context,
            "SyntaxError",
            &format!("Failed to navigate: '{value}' is not a valid URL."),
        )
    })
}

/// Location-object navigate: navigate the Location's navigable to `url`, with the incumbent
/// document as the source.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-object-navigate>
fn location_object_navigate(
    context: &mut Context,
    navigable: BrowsingContextId,
    url: Url,
    history_handling: HistoryHandling,
) -> JsResult<()> {
    // 1. Let navigable be location's relevant global object's navigable.
    // 2. Let sourceDocument be the incumbent global object's associated Document.
    let state = AgentState::of(context)?;
    let incumbent = environments::incumbent_window(context)?;
    // 3. If location's relevant Document is not yet completely loaded, and the incumbent
    //    global object does not have transient activation, then set historyHandling to
    //    "replace". (No session history here: every navigation replaces.)
    // Deviation: there is no session history; "push" and "replace" navigate alike.
    let _ = history_handling;
    // 4. Navigate navigable to url using sourceDocument, with exceptionsEnabled set to true
    //    and historyHandling set to historyHandling.
    navigate(&state, incumbent, navigable, url).map_err(|blocked| blocked.throw(context))
}

/// Navigate a navigable to a URL, from `source`'s document (the task is that document's).
fn navigate(
    state: &Rc<AgentState>,
    source: WindowId,
    navigable: BrowsingContextId,
    url: Url,
) -> Result<(), navigation::NavigationBlocked> {
    let Some((source_document, initiator_origin)) = state
        .windows
        .borrow()
        .get(&source)
        .map(|w| (w.document_id, w.origin()))
    else {
        return Ok(());
    };
    navigation::navigate(
        state,
        navigable,
        url,
        initiator_origin,
        Some(source_document),
    )
}

/// The steps of a cross-origin Location member (the functions CrossOriginGetOwnPropertyHelper
/// makes for a Location): the `href` setter and `replace()`, on the Location `object`.
pub(crate) fn cross_origin_location_steps(
    object: CrossOriginObject,
    property: &'static str,
    role: Role,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let navigable = object.browsing_context;
    match (property, role) {
        ("href", Role::Setter) => {
            // The href setter steps (Location-object-setter navigate).
            let value = to_dom_string(&arg(args, 0), context)?;
            let url = parse_relative_to_entry(context, &value)?;
            location_object_navigate(context, navigable, url, HistoryHandling::Push)?;
            Ok(JsValue::undefined())
        }
        ("replace", Role::Method) => {
            // `url` is a required argument.
            required_argument(args, "replace")?;
            navigate_to_value(context, navigable, &arg(args, 0), HistoryHandling::Replace)
        }
        _ => Err(type_error("Illegal invocation")),
    }
}

/// Web IDL's check of a required argument: too few arguments is a TypeError.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-overloads> (overload resolution, step 3-4)
fn required_argument(args: &[JsValue], operation: &str) -> JsResult<()> {
    if args.is_empty() {
        return Err(type_error(format!(
            "Failed to execute '{operation}' on 'Location': 1 argument required, but only 0 present."
        )));
    }
    Ok(())
}

/// The Location object of `window` (of `browsing_context`) as this agent sees it: the
/// Window's own if it lives here, else this agent's stand-in for it.
pub(crate) fn location_of_window(
    state: &AgentState,
    context: &mut Context,
    window: WindowId,
    browsing_context: BrowsingContextId,
) -> JsResult<JsObject> {
    let realm = state.windows.borrow().get(&window).map(|w| w.realm.clone());
    if let Some(realm) = realm
        && let Some(location) = realm.host_defined().get::<WindowLocation>()
    {
        return Ok(location.0.clone());
    }
    location_exotic::remote_location(context, window, Some(browsing_context))
}

/// Navigates `navigable` to `value` on behalf of a cross-origin `window.location = value`.
pub(crate) fn cross_origin_set_location(
    context: &mut Context,
    navigable: BrowsingContextId,
    value: &JsValue,
) -> JsResult<()> {
    navigate_to_value(context, navigable, value, HistoryHandling::Push).map(|_| ())
}
