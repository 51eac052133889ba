//! The event handler mixins: `GlobalEventHandlers` (HTML elements, `Document`, `Window`),
//! `WindowEventHandlers` (`Window`, `body`, `frameset`) and `DocumentAndElementEventHandlers`
//! (HTML elements, `Document`). Each member is an event handler IDL attribute.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#idl-definitions>

use crate::dom::event_target::event_handler;
use crate::webidl::declaration::Mixin;

/// `interface mixin GlobalEventHandlers`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#globaleventhandlers>
///
/// `onerror` is an `OnErrorEventHandler`: its five-argument call for ErrorEvents at a Window
/// is made where the handler is invoked (`dom/event_target.rs`). `onmouseenter` and
/// `onmouseleave` are `[LegacyLenientThis]`.
pub(crate) const GLOBAL_EVENT_HANDLERS: Mixin = Mixin {
    attributes: &[
        event_handler!("onabort", "abort"),
        event_handler!("onauxclick", "auxclick"),
        event_handler!("onbeforeinput", "beforeinput"),
        event_handler!("onbeforematch", "beforematch"),
        event_handler!("onbeforetoggle", "beforetoggle"),
        event_handler!("onblur", "blur"),
        event_handler!("oncancel", "cancel"),
        event_handler!("oncanplay", "canplay"),
        event_handler!("oncanplaythrough", "canplaythrough"),
        event_handler!("onchange", "change"),
        event_handler!("onclick", "click"),
        event_handler!("onclose", "close"),
        event_handler!("oncommand", "command"),
        event_handler!("oncontextlost", "contextlost"),
        event_handler!("oncontextmenu", "contextmenu"),
        event_handler!("oncontextrestored", "contextrestored"),
        event_handler!("oncuechange", "cuechange"),
        event_handler!("ondblclick", "dblclick"),
        event_handler!("ondrag", "drag"),
        event_handler!("ondragend", "dragend"),
        event_handler!("ondragenter", "dragenter"),
        event_handler!("ondragleave", "dragleave"),
        event_handler!("ondragover", "dragover"),
        event_handler!("ondragstart", "dragstart"),
        event_handler!("ondrop", "drop"),
        event_handler!("ondurationchange", "durationchange"),
        event_handler!("onemptied", "emptied"),
        event_handler!("onended", "ended"),
        event_handler!("onerror", "error"),
        event_handler!("onfocus", "focus"),
        event_handler!("onformdata", "formdata"),
        event_handler!("oninput", "input"),
        event_handler!("oninvalid", "invalid"),
        event_handler!("onkeydown", "keydown"),
        event_handler!("onkeypress", "keypress"),
        event_handler!("onkeyup", "keyup"),
        event_handler!("onload", "load"),
        event_handler!("onloadeddata", "loadeddata"),
        event_handler!("onloadedmetadata", "loadedmetadata"),
        event_handler!("onloadstart", "loadstart"),
        event_handler!("onmousedown", "mousedown"),
        event_handler!("onmouseenter", "mouseenter").lenient_this(),
        event_handler!("onmouseleave", "mouseleave").lenient_this(),
        event_handler!("onmousemove", "mousemove"),
        event_handler!("onmouseout", "mouseout"),
        event_handler!("onmouseover", "mouseover"),
        event_handler!("onmouseup", "mouseup"),
        event_handler!("onpause", "pause"),
        event_handler!("onplay", "play"),
        event_handler!("onplaying", "playing"),
        event_handler!("onprogress", "progress"),
        event_handler!("onratechange", "ratechange"),
        event_handler!("onreset", "reset"),
        event_handler!("onresize", "resize"),
        event_handler!("onscroll", "scroll"),
        event_handler!("onscrollend", "scrollend"),
        event_handler!("onsecuritypolicyviolation", "securitypolicyviolation"),
        event_handler!("onseeked", "seeked"),
        event_handler!("onseeking", "seeking"),
        event_handler!("onselect", "select"),
        event_handler!("onslotchange", "slotchange"),
        event_handler!("onstalled", "stalled"),
        event_handler!("onsubmit", "submit"),
        event_handler!("onsuspend", "suspend"),
        event_handler!("ontimeupdate", "timeupdate"),
        event_handler!("ontoggle", "toggle"),
        event_handler!("onvolumechange", "volumechange"),
        event_handler!("onwaiting", "waiting"),
        event_handler!("onwebkitanimationend", "webkitAnimationEnd"),
        event_handler!("onwebkitanimationiteration", "webkitAnimationIteration"),
        event_handler!("onwebkitanimationstart", "webkitAnimationStart"),
        event_handler!("onwebkittransitionend", "webkitTransitionEnd"),
        event_handler!("onwheel", "wheel"),
    ],
    operations: &[],
};

/// `interface mixin WindowEventHandlers`; on `body` and `frameset` each handler is its
/// document's Window's (determining the target of an event handler,
/// `html/content_attributes.rs`).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#windoweventhandlers>
pub(crate) const WINDOW_EVENT_HANDLERS: Mixin = Mixin {
    attributes: &[
        event_handler!("onafterprint", "afterprint"),
        event_handler!("onbeforeprint", "beforeprint"),
        event_handler!("onbeforeunload", "beforeunload"),
        event_handler!("onhashchange", "hashchange"),
        event_handler!("onlanguagechange", "languagechange"),
        event_handler!("onmessage", "message"),
        event_handler!("onmessageerror", "messageerror"),
        event_handler!("onoffline", "offline"),
        event_handler!("ononline", "online"),
        event_handler!("onpagehide", "pagehide"),
        event_handler!("onpagereveal", "pagereveal"),
        event_handler!("onpageshow", "pageshow"),
        event_handler!("onpageswap", "pageswap"),
        event_handler!("onpopstate", "popstate"),
        event_handler!("onrejectionhandled", "rejectionhandled"),
        event_handler!("onstorage", "storage"),
        event_handler!("onunhandledrejection", "unhandledrejection"),
        event_handler!("onunload", "unload"),
    ],
    operations: &[],
};

/// `interface mixin DocumentAndElementEventHandlers`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#documentandelementeventhandlers>
pub(crate) const DOCUMENT_AND_ELEMENT_EVENT_HANDLERS: Mixin = Mixin {
    attributes: &[
        event_handler!("oncopy", "copy"),
        event_handler!("oncut", "cut"),
        event_handler!("onpaste", "paste"),
    ],
    operations: &[],
};
