//! The `BarProp` interface and the Window's `locationbar`, `menubar`, `personalbar`,
//! `scrollbars`, `statusbar` and `toolbar` attributes.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#browser-interface-elements>

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, InterfaceDeclaration};
use crate::webidl::interface::{
    create_an_object_implementing, define_global_members, install_interface,
};

/// `interface BarProp`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#barprop>
pub(crate) const BAR_PROP: InterfaceDeclaration = InterfaceDeclaration {
    name: "BarProp",
    inherits: None,
    constructor: None,
    constants: &[],
    // readonly attribute boolean visible;
    attributes: &[Attribute::readonly("visible", get_visible)],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// The Window's bar attributes (`partial interface Window`): what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>
pub(crate) const WINDOW_BAR_PROP_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[
        // [Replaceable] readonly attribute BarProp locationbar; (and the five others)
        Attribute::replaceable("locationbar", get_locationbar),
        Attribute::replaceable("menubar", get_menubar),
        Attribute::replaceable("personalbar", get_personalbar),
        Attribute::replaceable("scrollbars", get_scrollbars),
        Attribute::replaceable("statusbar", get_statusbar),
        Attribute::replaceable("toolbar", get_toolbar),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// Which bar a BarProp object stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bar {
    Location,
    Menu,
    Personal,
    Scroll,
    Status,
    Tool,
}

/// The data of a BarProp object: the bar it stands for (it has no other state; `visible`
/// reads the relevant global's browsing context).
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct BarProp {
    _bar: Bar,
}

/// The Window's six BarProp objects (each attribute returns its own object, the same one each
/// time), kept in its realm's host-defined slot.
#[derive(Trace, Finalize, JsData)]
struct WindowBarProps {
    location: JsObject,
    menu: JsObject,
    personal: JsObject,
    scroll: JsObject,
    status: JsObject,
    tool: JsObject,
}

/// Installs `BarProp` in the current realm (the Window's), creates the Window's six BarProp
/// objects and defines the bar attributes on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &BAR_PROP)?;
    let mut make =
        |bar| create_an_object_implementing(context, "BarProp", None, BarProp { _bar: bar });
    let props = WindowBarProps {
        location: make(Bar::Location)?,
        menu: make(Bar::Menu)?,
        personal: make(Bar::Personal)?,
        scroll: make(Bar::Scroll)?,
        status: make(Bar::Status)?,
        tool: make(Bar::Tool)?,
    };
    context.realm().host_defined_mut().insert(props);
    define_global_members(context, global, &WINDOW_BAR_PROP_MEMBERS)
}

/// The BarProp object `pick` chooses among the current realm's (boa runs a native function in
/// its own realm: the Window's it was installed on, whose `this` was checked).
fn bar_prop(context: &Context, pick: fn(&WindowBarProps) -> &JsObject) -> JsResult<JsValue> {
    context
        .realm()
        .host_defined()
        .get::<WindowBarProps>()
        .map(|props| pick(props).clone().into())
        .ok_or_else(|| type_error("no BarProp in this realm"))
}

/// `locationbar`: the location bar BarProp object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-locationbar>
fn get_locationbar(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    bar_prop(context, |p| &p.location)
}

/// `menubar`: the menu bar BarProp object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-menubar>
fn get_menubar(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    bar_prop(context, |p| &p.menu)
}

/// `personalbar`: the personal bar BarProp object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-personalbar>
fn get_personalbar(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    bar_prop(context, |p| &p.personal)
}

/// `scrollbars`: the scrollbar BarProp object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-scrollbars>
fn get_scrollbars(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    bar_prop(context, |p| &p.scroll)
}

/// `statusbar`: the status bar BarProp object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-statusbar>
fn get_statusbar(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    bar_prop(context, |p| &p.status)
}

/// `toolbar`: the toolbar BarProp object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-toolbar>
fn get_toolbar(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    bar_prop(context, |p| &p.tool)
}

/// `visible`'s getter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-barprop-visible>
fn get_visible(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // (`this` was checked to be a BarProp; its relevant global object is the Window of the
    // realm the getter runs in.)
    let window = RealmData::window_of_current_realm(context)?;
    let state = AgentState::of(context)?;
    // 1. Let browsingContext be this's relevant global object's browsing context.
    // (A Window whose document was replaced no longer has one.)
    let browsing_context = state
        .browsing_context_of(window)
        .filter(|&bc| state.ua.active_window(bc) == Some(window));
    // 2. If browsingContext is null, then return true.
    let Some(_browsing_context) = browsing_context else {
        return Ok(JsValue::new(true));
    };
    // 3. Return the negation of browsingContext's top-level browsing context's is popup.
    // Deviation: no browsing context is a popup (window.open() does not check if a popup
    // window is requested: steps 14.1-14.2 of the window open steps are not done), so the
    // bars are always visible, as in a browser's normal tabs.
    Ok(JsValue::new(true))
}
