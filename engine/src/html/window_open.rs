//! The Window members for other top-level windows: `open()`, `opener`, `close()`,
//! `closed`, `name` (and the cross-origin `opener`, `close()` and `closed` a WindowProxy
//! exposes).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#apis-for-creating-and-navigating-browsing-contexts-by-name>,
//! <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>
//!
//! The algorithms over the browsing-context tree are the dom crate's
//! (`postern_dom::window_open`, `choosing_a_navigable`, `window_state`); this module
//! converts arguments, runs them against the shared tree, and creates, navigates and
//! closes traversables through `crate::html::traversable`. The members find their Window as
//! the current realm's: boa runs a native function in the function's own realm, which is the
//! realm of the Window it was installed on.

use std::rc::Rc;

use boa_engine::property::PropertyDescriptor;
use boa_engine::{Context, JsObject, JsResult, JsValue, js_string};
use postern_dom::loader::matches_about_blank;
use postern_dom::{
    BrowsingContextId, ChosenNavigable, NavigableChoiceContext, Origin, SandboxingFlag,
    WindowCloseOutcome, the_rules_for_choosing_a_navigable, window_open_returns_null,
    window_open_target_and_features,
};
use postern_event_loop::{Task, TaskSource};
use url::Url;

use crate::agent::AgentState;
use crate::agent::realm_data::{RealmData, WindowObject};
use crate::agent::tasks::AgentTask;
use crate::embedder::console_sink::ConsoleLevel;
use crate::html::navigation::{NavigationBlocked, navigate};
use crate::html::sandboxing::is_allowed_by_sandboxing_to_navigate;
use crate::html::scripting::environments::incumbent_window;
use crate::html::scripting::script::emit_console;
use crate::html::traversable::{
    create_the_chosen_top_level_traversable, origins_of_active_documents, same_origin_in,
};
use crate::html::window_proxy::window_proxy_for;
use crate::ids::WindowId;
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::define_global_members;

/// `partial interface Window` (the members for the current browsing context and other
/// browsing contexts that open, name and close windows): what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>
pub(crate) const WINDOW_OPEN_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[
        // attribute DOMString name;
        Attribute::read_write("name", get_name, set_name),
        // readonly attribute boolean closed;
        Attribute::readonly("closed", get_closed),
        // attribute any opener;
        Attribute::read_write("opener", get_opener, set_opener),
    ],
    operations: &[
        // undefined close();
        Operation::new("close", 0, close),
        // WindowProxy? open(optional USVString url = "", optional DOMString target = "_blank",
        //                   optional [LegacyNullToEmptyString] DOMString features = "");
        Operation::new("open", 0, open),
    ],
    static_operations: &[],
    mixins: &[],
};

/// An optional DOMString argument: its default when absent or undefined.
fn optional_string(
    args: &[JsValue],
    index: usize,
    default: &str,
    context: &mut Context,
) -> JsResult<String> {
    match args.get(index) {
        None => Ok(default.to_owned()),
        Some(value) if value.is_undefined() => Ok(default.to_owned()),
        Some(value) => to_dom_string(value, context),
    }
}

/// `open(optional USVString url = "", optional DOMString target = "_blank", optional
/// DOMString features = "")`: runs the window open steps.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-open>
fn open(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let url = optional_string(args, 0, "", context)?;
    let target = optional_string(args, 1, "_blank", context)?;
    let features = optional_string(args, 2, "", context)?;
    let state = AgentState::of(context)?;
    window_open_steps(&state, context, window, &url, &target, &features)
}

/// The window open steps, for `window.open()` called on `window`: returns the WindowProxy
/// of the navigable chosen (as `window`'s realm sees it), or null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#window-open-steps>
pub(crate) fn window_open_steps(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    url: &str,
    target: &str,
    features: &str,
) -> JsResult<JsValue> {
    // 1. If the event loop's termination nesting level is nonzero, return null.
    // TODO(spec): step 1 — there is no termination nesting level (no unload events).
    // 2. Let sourceDocument be the entry global object's associated Document.
    // Deviation: no entry settings object stack; the realm of the running script (the
    // incumbent) stands in, which is the entry for a call made by a page's own script.
    let entry = incumbent_window(context)?;
    let Some((source_bc, source_url, source_origin, source_flags)) =
        state.windows.borrow().get(&entry).map(|w| {
            (
                w.browsing_context,
                w.url(),
                w.origin(),
                w.document.borrow().active_sandboxing_flag_set(),
            )
        })
    else {
        return Err(type_error("the entry window is gone"));
    };
    // 3. Let urlRecord be null.
    // 4. If url is not the empty string, then: set urlRecord to the result of
    //    encoding-parsing a URL given url, relative to sourceDocument; if urlRecord is
    //    failure, then throw a "SyntaxError" DOMException.
    let url_record = if url.is_empty() {
        None
    } else {
        match source_url.join(url) {
            Ok(parsed) => Some(parsed),
            Err(error) => {
                return Err(dom_exception::throw(
                    context,
                    "SyntaxError",
                    &format!(
                        "Failed to execute 'open' on 'Window': Unable to open a window with invalid URL '{url}': {error}."
                    ),
                ));
            }
        }
    };
    // 5.-11. The target, the tokenized features, noopener, noreferrer, referrerPolicy.
    // TODO(spec): step 11's referrerPolicy — the loader sends no referrer.
    let request = window_open_target_and_features(target, features);
    // 12. Let targetNavigable and windowType be the result of applying the rules for
    //     choosing a navigable given target, sourceDocument's node navigable, and noopener.
    let origins = origins_of_active_documents(state);
    let same_origin = |a, b| same_origin_in(&origins, a, b);
    let choice = state.ua.with_tree(|tree| {
        the_rules_for_choosing_a_navigable(
            tree,
            &request.target,
            source_bc,
            request.noopener,
            &NavigableChoiceContext {
                sandboxing_flags: source_flags,
                ..NavigableChoiceContext::new(&same_origin)
            },
        )
    });
    // (A source document whose navigable is gone chooses nothing.)
    let chosen = choice.unwrap_or(ChosenNavigable::None);
    let window_type = chosen.window_type();
    let target_navigable = match chosen {
        // 13. If targetNavigable is null, then return null.
        ChosenNavigable::None => {
            // (The rules for choosing a navigable: "the user agent may report to a
            // developer console that a popup has been blocked".)
            if source_flags.contains(SandboxingFlag::AuxiliaryNavigation) {
                emit_console(
                    state,
                    entry,
                    ConsoleLevel::Error,
                    format!(
                        "Blocked opening '{}' in a new window because the request was made in a sandboxed frame whose 'allow-popups' permission is not set.",
                        url_record.as_ref().map_or("about:blank", Url::as_str)
                    ),
                );
            }
            return Ok(JsValue::null());
        }
        // 14. If windowType is either "new and unrestricted" or "new with no opener":
        ChosenNavigable::CreateNew(new_traversable) => {
            let noopener = new_traversable.noopener;
            let created = create_the_chosen_top_level_traversable(
                state,
                context,
                (source_bc, &source_origin),
                new_traversable,
            )
            .map_err(|error| type_error(error.to_string()))?;
            // 14.1. Set targetNavigable's active browsing context's is popup to the result
            //       of checking if a popup window is requested, given tokenizedFeatures.
            // 14.2. Set up browsing context features for targetNavigable's active browsing
            //       context given tokenizedFeatures.
            // TODO(spec): steps 14.1-14.2 — there is no user interface (is popup, BarProp,
            // window sizes).
            // 14.3. If urlRecord is null, then set urlRecord to about:blank.
            let url_record = match url_record {
                Some(url) => url,
                None => Url::parse("about:blank").map_err(|e| type_error(e.to_string()))?,
            };
            // 14.4. If urlRecord matches about:blank, then perform the URL and history
            //       update steps given targetNavigable's active document and urlRecord.
            if matches_about_blank(&url_record) {
                // TODO(spec): step 14.4 — the URL update (about:blank?query keeps the
                // document's URL about:blank).
                if noopener {
                    // Deviation: see `create_a_new_top_level_traversable`; the initial
                    // document (opaque origin, in its own agent) is created now.
                    navigate(state, created, url_record, Origin::new_opaque(), None)
                        .map_err(|blocked| blocked.throw(context))?;
                }
            } else {
                // 14.5. Otherwise, navigate targetNavigable to urlRecord using
                //       sourceDocument, with referrerPolicy and exceptionsEnabled true.
                // (A new popup is always the source's to navigate: no sandboxing check.)
                navigate(state, created, url_record, source_origin, None)
                    .map_err(|blocked| blocked.throw(context))?;
            }
            created
        }
        // 15. Otherwise:
        ChosenNavigable::Existing(existing) => {
            // 15.1. If urlRecord is not null, then navigate targetNavigable to urlRecord
            //       using sourceDocument, with referrerPolicy and exceptionsEnabled true.
            if let Some(url) = url_record {
                // (Navigate's check: sourceDocument's node navigable must be allowed by
                // sandboxing to navigate targetNavigable, else a "SecurityError".)
                if !is_allowed_by_sandboxing_to_navigate(state, entry, existing) {
                    return Err(NavigationBlocked { url }.throw(context));
                }
                navigate(state, existing, url, source_origin, None)
                    .map_err(|blocked| blocked.throw(context))?;
            }
            // 15.2. If noopener is false, then set targetNavigable's active browsing
            //       context's opener browsing context to sourceDocument's browsing context.
            // Deviation: not for a navigable of the source's own tree (`_self`, `_parent`,
            // `_top`, a named iframe): a window does not become its own or its ancestor's
            // opener, as in browsers.
            if !request.noopener {
                state.ua.with_tree_mut(|tree| {
                    if tree.top(existing) != tree.top(source_bc) {
                        let _gone_meanwhile = tree.set_opener(existing, Some(source_bc)).is_err();
                    }
                });
            }
            existing
        }
    };
    // 16. If noopener is true or windowType is "new with no opener", then return null.
    if window_open_returns_null(request.noopener, window_type) {
        return Ok(JsValue::null());
    }
    // 17. Return targetNavigable's active WindowProxy.
    window_proxy_for(state, context, window, target_navigable)
}

/// The WindowProxy (as `viewer`'s realm sees it) of the opener of `browsing_context`, or
/// null: `window.opener`'s getter, also reached through a cross-origin WindowProxy.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-opener>
pub(crate) fn opener_window_proxy(
    state: &Rc<AgentState>,
    context: &mut Context,
    viewer: WindowId,
    browsing_context: BrowsingContextId,
) -> JsResult<JsValue> {
    // 1.-4. current's opener browsing context's WindowProxy, or null.
    // Deviation: null once the opener browsing context was destroyed (closed), as in
    // browsers; the spec keeps returning its WindowProxy.
    let opener = state.ua.with_tree(|tree| {
        tree.window_opener_getter(browsing_context)
            .filter(|opener| tree.contains(*opener))
    });
    match opener {
        Some(opener) => window_proxy_for(state, context, viewer, opener),
        None => Ok(JsValue::null()),
    }
}

/// `window.opener`'s getter on the window's own global.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-opener>
fn get_opener(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let state = AgentState::of(context)?;
    match state.browsing_context_of(window) {
        Some(bc) => opener_window_proxy(&state, context, window, bc),
        None => Ok(JsValue::null()),
    }
}

/// `window.opener`'s setter: null disowns the opener; any other value replaces the
/// attribute with a data property.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-opener>
fn set_opener(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let value = &arg(args, 0);
    let state = AgentState::of(context)?;
    // 1. If the given value is null and this's browsing context is non-null, then set
    //    this's browsing context's opener browsing context to null.
    if value.is_null() {
        if let Some(bc) = state.browsing_context_of(window) {
            state
                .ua
                .with_tree_mut(|tree| tree.window_opener_setter_null(bc));
        }
        return Ok(JsValue::undefined());
    }
    // 2. If the given value is non-null, then perform ? DefinePropertyOrThrow(this,
    //    "opener", { [[Value]]: the given value, [[Writable]]: true, [[Enumerable]]: true,
    //    [[Configurable]]: true }).
    let global = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.global.clone());
    if let Some(global) = global {
        global.define_property_or_throw(
            js_string!("opener"),
            PropertyDescriptor::builder()
                .value(value.clone())
                .writable(true)
                .enumerable(true)
                .configurable(true),
            context,
        )?;
    }
    Ok(JsValue::undefined())
}

/// `window.name`'s getter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-name>
fn get_name(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let state = AgentState::of(context)?;
    // 1. If this's navigable is null, then return the empty string.
    // 2. Return this's navigable's target name.
    let name = match state.browsing_context_of(window) {
        Some(bc) if state.ua.active_window(bc) == Some(window) => state
            .ua
            .with_tree(|tree| tree.window_name_getter(bc).to_owned()),
        _ => String::new(),
    };
    Ok(js_string!(name.as_str()).into())
}

/// `window.name`'s setter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-name>
fn set_name(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let name = to_dom_string(&arg(args, 0), context)?;
    let state = AgentState::of(context)?;
    // 1. If this's navigable is null, then return.
    // 2. Set this's navigable's active session history entry's document state's navigable
    //    target name to the given value.
    if let Some(bc) = state.browsing_context_of(window)
        && state.ua.active_window(bc) == Some(window)
    {
        state
            .ua
            .with_tree_mut(|tree| tree.window_name_setter(bc, name));
    }
    Ok(JsValue::undefined())
}

/// `window.close()` on the window's own global.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-close>
fn close(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    // (`this` is checked: the global object of a Window of this agent, or the WindowProxy
    // of a Window of another agent.)
    let found = this
        .as_object()
        .and_then(|object| RealmData::window_object(&object, context));
    // 1. Let thisTraversable be this's navigable (null once another document replaced this
    //    window's).
    let this_traversable = match found {
        Some(WindowObject::Global(window)) => state
            .browsing_context_of(window)
            .filter(|bc| state.ua.active_window(*bc) == Some(window)),
        Some(WindowObject::Proxy(bc)) => Some(bc),
        None => None,
    };
    match this_traversable {
        Some(bc) => window_close(context, bc),
        None => Ok(JsValue::undefined()),
    }
}

/// `close()` on the window of `browsing_context` (its own global's, or through a
/// WindowProxy, cross-origin included): the window close steps, then a task on the DOM
/// manipulation task source definitely closes the traversable.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-close>
pub(crate) fn window_close(
    context: &mut Context,
    browsing_context: BrowsingContextId,
) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    let incumbent = incumbent_window(context)?;
    let Some(incumbent_bc) = state.browsing_context_of(incumbent) else {
        return Ok(JsValue::undefined());
    };
    let origins = origins_of_active_documents(&state);
    let same_origin = |a, b| same_origin_in(&origins, a, b);
    // Deviation: no session history; every top-level traversable counts as having one
    // entry (so a tab opened by the embedder is script-closable).
    let session_history_length = 1;
    let outcome = state.ua.with_tree_mut(|tree| {
        tree.window_close_steps(
            browsing_context,
            incumbent_bc,
            session_history_length,
            &same_origin,
        )
    });
    if outcome == WindowCloseOutcome::Closing {
        // 6.2. Queue a task on the DOM manipulation task source to definitely close
        //      thisTraversable.
        state.queue_a_task(Task::new(
            TaskSource::DomManipulation,
            None,
            AgentTask::DefinitelyClose {
                traversable: browsing_context,
            },
        ));
    }
    Ok(JsValue::undefined())
}

/// `closed`: true once the window's browsing context is gone (its iframe removed, or it was
/// closed) or shows another document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-closed>
fn get_closed(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    // (`this` is checked: the global object of a Window of this agent, or the WindowProxy
    // of a Window of another agent, `closed` being a cross-origin member.)
    let found = this
        .as_object()
        .and_then(|object| RealmData::window_object(&object, context));
    // The steps are to return true if this's browsing context is null or its is closing is
    // true; otherwise false.
    let open = match found {
        Some(WindowObject::Global(window)) => state
            .browsing_context_of(window)
            .is_some_and(|bc| state.ua.active_window(bc) == Some(window) && !is_closed(&state, bc)),
        Some(WindowObject::Proxy(bc)) => !is_closed(&state, bc),
        None => false,
    };
    Ok(JsValue::new(!open))
}

/// Whether a browsing context's window reads as closed from outside (a cross-origin
/// WindowProxy's `closed`): it is gone, shows no document, or is closing.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-closed>
pub(crate) fn is_closed(state: &AgentState, browsing_context: BrowsingContextId) -> bool {
    state.ua.active_window(browsing_context).is_none()
        || state
            .ua
            .with_tree(|tree| tree.window_closed_getter(browsing_context))
}

/// Defines the members of [`WINDOW_OPEN_MEMBERS`] on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    define_global_members(context, global, &WINDOW_OPEN_MEMBERS)
}
