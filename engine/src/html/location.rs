//! The Location interface: `location.href` and its parts, `assign()`, `replace()`,
//! `reload()`, and the cross-origin Location that other origins may only navigate.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface>

use std::rc::Rc;

use boa_engine::{Context, JsObject, JsResult, JsString, JsValue, NativeFunction};
use postern_dom::BrowsingContextId;
use url::Url;

use crate::agent::AgentState;
use crate::html::navigation;
use crate::html::scripting::environments;
use crate::ids::WindowId;
use crate::webidl::conversions::{arg, define_accessor, define_method, to_dom_string, type_error};
use crate::webidl::dom_exception;

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

const PARTS: [(&str, Part); 7] = [
    ("protocol", Part::Protocol),
    ("host", Part::Host),
    ("hostname", Part::Hostname),
    ("port", Part::Port),
    ("pathname", Part::Pathname),
    ("search", Part::Search),
    ("hash", Part::Hash),
];

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

/// The window's URL and browsing context.
fn url_and_navigable(state: &AgentState, window: WindowId) -> JsResult<(Url, BrowsingContextId)> {
    state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.url(), w.browsing_context))
        .ok_or_else(|| type_error("the window is gone"))
}

/// Throws a "SecurityError" unless the incumbent window may read `window`'s Location (same
/// origin-domain).
fn check_same_origin_domain(context: &mut Context, window: WindowId) -> JsResult<()> {
    let state = AgentState::of(context)?;
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
    navigate(&state, incumbent, navigable, url);
    Ok(())
}

/// Navigate a navigable to a URL, from `source`'s document (the task is that document's).
fn navigate(state: &Rc<AgentState>, source: WindowId, navigable: BrowsingContextId, url: Url) {
    let Some((source_document, initiator_origin)) = state
        .windows
        .borrow()
        .get(&source)
        .map(|w| (w.document_id, w.origin()))
    else {
        return;
    };
    navigation::navigate(
        state,
        navigable,
        url,
        initiator_origin,
        Some(source_document),
    );
}

/// Creates the Location object of `window`.
pub(crate) fn create_location(context: &mut Context, window: WindowId) -> JsResult<JsObject> {
    let location = JsObject::with_object_proto(context.intrinsics());
    define_accessor(
        context,
        &location,
        "href",
        NativeFunction::from_copy_closure(move |_, _, context| {
            let (url, _) = checked_url(context, window)?;
            Ok(JsString::from(url.as_str()).into())
        }),
        Some(NativeFunction::from_copy_closure(
            move |_, args, context| {
                let value = to_dom_string(&arg(args, 0), context)?;
                set_href(context, window, &value)?;
                Ok(JsValue::undefined())
            },
        )),
    )?;
    define_accessor(
        context,
        &location,
        "origin",
        NativeFunction::from_copy_closure(move |_, _, context| {
            let (url, _) = checked_url(context, window)?;
            let origin = postern_dom::origin_of_url(&url).ascii_serialization();
            Ok(JsString::from(origin.as_str()).into())
        }),
        None,
    )?;
    for (name, part) in PARTS {
        define_accessor(
            context,
            &location,
            name,
            NativeFunction::from_copy_closure(move |_, _, context| {
                let (url, _) = checked_url(context, window)?;
                Ok(JsString::from(read_part(&url, part).as_str()).into())
            }),
            Some(NativeFunction::from_copy_closure(
                move |_, args, context| {
                    check_same_origin_domain(context, window)?;
                    let value = to_dom_string(&arg(args, 0), context)?;
                    let state = AgentState::of(context)?;
                    let (url, navigable) = url_and_navigable(&state, window)?;
                    // The setters navigate to a copy of the URL with the part changed; a value
                    // the URL does not accept leaves it as it is.
                    if let Some(copy) = write_part(&url, part, &value)
                        && copy != url
                    {
                        location_object_navigate(context, navigable, copy, HistoryHandling::Push)?;
                    }
                    Ok(JsValue::undefined())
                },
            )),
        )?;
    }
    define_method(
        context,
        &location,
        "assign",
        1,
        NativeFunction::from_copy_closure(move |_, args, context| {
            // 1-2. If this's relevant Document is not fully active, return; same
            //      origin-domain check.
            let (_, navigable) = checked_url(context, window)?;
            // 3. Parse url relative to the entry settings object; failure → SyntaxError.
            // 4. Location-object navigate this to the resulting URL.
            navigate_to_value(context, navigable, &arg(args, 0), HistoryHandling::Push)
        }),
    )?;
    define_method(
        context,
        &location,
        "replace",
        1,
        NativeFunction::from_copy_closure(move |_, args, context| {
            replace(context, window, &arg(args, 0))
        }),
    )?;
    define_method(
        context,
        &location,
        "reload",
        0,
        NativeFunction::from_copy_closure(move |_, _, context| {
            let (url, navigable) = checked_url(context, window)?;
            // Deviation: reload navigates to the same URL (no session history to reload).
            location_object_navigate(context, navigable, url, HistoryHandling::Replace)?;
            Ok(JsValue::undefined())
        }),
    )?;
    define_method(
        context,
        &location,
        "toString",
        0,
        NativeFunction::from_copy_closure(move |_, _, context| {
            let (url, _) = checked_url(context, window)?;
            Ok(JsString::from(url.as_str()).into())
        }),
    )?;
    Ok(location)
}

/// The href setter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-href>
fn set_href(context: &mut Context, window: WindowId, value: &str) -> JsResult<()> {
    // 1. If this's relevant Document is null, then return.
    // 2. Let url be the result of encoding-parsing a URL given the given value, relative to
    //    the entry settings object.
    // 3. If url is failure, then throw a "SyntaxError" DOMException.
    let url = parse_relative_to_entry(context, value)?;
    // 4. Location-object navigate this to url.
    let state = AgentState::of(context)?;
    let (_, navigable) = url_and_navigable(&state, window)?;
    location_object_navigate(context, navigable, url, HistoryHandling::Push)
}

/// `replace(url)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-replace>
fn replace(context: &mut Context, window: WindowId, value: &JsValue) -> JsResult<JsValue> {
    // 1. If this's relevant Document is null, then return.
    let state = AgentState::of(context)?;
    let (_, navigable) = url_and_navigable(&state, window)?;
    // 2. Parse url relative to the entry settings object; failure → "SyntaxError".
    // 3. Location-object navigate this to the resulting URL given "replace".
    navigate_to_value(context, navigable, value, HistoryHandling::Replace)
}

/// The Location of a browsing context whose active document is cross-origin to the viewer:
/// only `href` (set) and `replace()` are allowed.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginproperties-(-o-)>
pub(crate) fn cross_origin_location(
    context: &mut Context,
    navigable: BrowsingContextId,
) -> JsResult<JsObject> {
    let location = JsObject::with_object_proto(context.intrinsics());
    define_accessor(
        context,
        &location,
        "href",
        NativeFunction::from_copy_closure(|_, _, context| {
            Err(dom_exception::throw(
                context,
                "SecurityError",
                "Blocked a frame from reading a cross-origin location.",
            ))
        }),
        Some(NativeFunction::from_copy_closure(
            move |_, args, context| {
                let value = to_dom_string(&arg(args, 0), context)?;
                let url = parse_relative_to_entry(context, &value)?;
                location_object_navigate(context, navigable, url, HistoryHandling::Push)?;
                Ok(JsValue::undefined())
            },
        )),
    )?;
    define_method(
        context,
        &location,
        "replace",
        1,
        NativeFunction::from_copy_closure(move |_, args, context| {
            navigate_to_value(context, navigable, &arg(args, 0), HistoryHandling::Replace)
        }),
    )?;
    // Every other member throws a "SecurityError" (CrossOriginGet/CrossOriginSet).
    // Deviation: an ordinary object with throwing accessors stands in for the Location
    // exotic object's cross-origin [[Get]] and [[Set]].
    let deny = || {
        NativeFunction::from_copy_closure(|_, _, context| {
            Err(dom_exception::throw(
                context,
                "SecurityError",
                "Blocked a frame from accessing a cross-origin Location.",
            ))
        })
    };
    for name in PARTS.iter().map(|(name, _)| *name).chain([
        "origin",
        "assign",
        "reload",
        "toString",
        "ancestorOrigins",
    ]) {
        define_accessor(context, &location, name, deny(), Some(deny()))?;
    }
    Ok(location)
}

/// Navigates `navigable` to `value` on behalf of a cross-origin `window.location = value`.
pub(crate) fn cross_origin_set_location(
    context: &mut Context,
    navigable: BrowsingContextId,
    value: &JsValue,
) -> JsResult<()> {
    navigate_to_value(context, navigable, value, HistoryHandling::Push).map(|_| ())
}

/// `window.location = value` ([PutForwards=href]).
pub(crate) fn put_forwards_href(
    context: &mut Context,
    window: WindowId,
    value: &JsValue,
) -> JsResult<()> {
    let value = to_dom_string(value, context)?;
    set_href(context, window, &value)
}
