//! `HTMLElement` and the HTML element interfaces whose reflected attributes scripts commonly
//! read (`name`, `content`, `src`, `href`, `type`, ...).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/dom.html#htmlelement>,
//! <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>

use boa_engine::{Context, JsObject, JsResult, JsValue, NativeFunction};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::dom::element::{
    content_attribute, define_reflected_string, set_content_attribute, this_element,
};
use crate::dom::event_target::define_event_handler;
use crate::dom::wrappers;
use crate::dom::wrappers::{
    HtmlElementPrototype, getter, string_value, throw_dom_error, with_document, with_document_mut,
};
use crate::html::window_proxy;
use crate::webidl::conversions::{arg, define_accessor, to_dom_string};
use crate::webidl::interface::{Interface, create_an_interface_object};

/// An HTML element interface more specific than `HTMLElement`, and what it reflects.
struct HtmlInterface {
    name: &'static str,
    local_name: &'static str,
    /// DOMString attributes reflecting the content attribute of the same name.
    strings: &'static [&'static str],
    /// USVString attributes reflecting a content attribute as a URL.
    urls: &'static [&'static str],
}

/// The HTML element interfaces made here.
///
/// Deviation: only these; other elements get `HTMLElement.prototype`.
const HTML_INTERFACES: &[HtmlInterface] = &[
    // Deviation: `href` is HTMLHyperlinkElementUtils' (its getter gives what reflecting a
    // URL gives); the other URL decomposition attributes are missing.
    HtmlInterface {
        name: "HTMLAnchorElement",
        local_name: "a",
        strings: &["name", "rel", "target", "type"],
        urls: &["href"],
    },
    HtmlInterface {
        name: "HTMLBodyElement",
        local_name: "body",
        strings: &[],
        urls: &[],
    },
    HtmlInterface {
        name: "HTMLDivElement",
        local_name: "div",
        strings: &[],
        urls: &[],
    },
    HtmlInterface {
        name: "HTMLHeadElement",
        local_name: "head",
        strings: &[],
        urls: &[],
    },
    HtmlInterface {
        name: "HTMLHtmlElement",
        local_name: "html",
        strings: &[],
        urls: &[],
    },
    HtmlInterface {
        name: "HTMLIFrameElement",
        local_name: "iframe",
        strings: &["name", "srcdoc"],
        urls: &["src"],
    },
    HtmlInterface {
        name: "HTMLImageElement",
        local_name: "img",
        strings: &["alt", "name"],
        urls: &["src"],
    },
    HtmlInterface {
        name: "HTMLLinkElement",
        local_name: "link",
        strings: &["rel", "type"],
        urls: &["href"],
    },
    HtmlInterface {
        name: "HTMLMetaElement",
        local_name: "meta",
        strings: &["name", "content"],
        urls: &[],
    },
    HtmlInterface {
        name: "HTMLParagraphElement",
        local_name: "p",
        strings: &[],
        urls: &[],
    },
    HtmlInterface {
        name: "HTMLScriptElement",
        local_name: "script",
        strings: &["type"],
        urls: &["src"],
    },
    HtmlInterface {
        name: "HTMLSpanElement",
        local_name: "span",
        strings: &[],
        urls: &[],
    },
    HtmlInterface {
        name: "HTMLTitleElement",
        local_name: "title",
        strings: &[],
        urls: &[],
    },
];

/// Defines a USVString attribute reflecting the content attribute `name` as a URL.
///
/// Spec: <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>
fn define_reflected_url(
    context: &mut Context,
    prototype: &JsObject,
    name: &'static str,
) -> JsResult<()> {
    define_accessor(
        context,
        prototype,
        name,
        NativeFunction::from_copy_closure(move |this, _, context| {
            let element = this_element(this, context)?;
            // 1. Let contentAttributeValue be the result of running this's get the content
            //    attribute.
            // 2. If contentAttributeValue is null, then return the empty string.
            let Some(value) = content_attribute(context, element, name)? else {
                return Ok(string_value(""));
            };
            // 3. Let urlString be the result of encoding-parsing-and-serializing a URL given
            //    contentAttributeValue, relative to the element's node document.
            // TODO(spec): the document's base URL (a <base> element); the URL stands in.
            let url = with_document(context, element.window, |d| d.url().join(&value).ok())?;
            // 4. If urlString is not failure, then return urlString.
            // 5. Return contentAttributeValue.
            Ok(string_value(
                url.as_ref().map_or(value.as_str(), |u| u.as_str()),
            ))
        }),
        Some(NativeFunction::from_copy_closure(
            move |this, args, context| {
                let element = this_element(this, context)?;
                let value = to_dom_string(&arg(args, 0), context)?;
                set_content_attribute(context, element, name, &value)
            },
        )),
    )
}

/// Defines `HTMLElement`'s members, creates the more specific HTML element interfaces, and
/// returns their prototypes.
pub(crate) fn install_html_element_interfaces(
    context: &mut Context,
    global: &JsObject,
    html_element: &Interface,
) -> JsResult<Vec<HtmlElementPrototype>> {
    // GlobalEventHandlers (the few handlers used so far).
    define_event_handler(context, &html_element.prototype, "load")?;
    define_event_handler(context, &html_element.prototype, "error")?;
    let mut prototypes = Vec::with_capacity(HTML_INTERFACES.len());
    for interface in HTML_INTERFACES {
        let created =
            create_an_interface_object(context, global, interface.name, Some(html_element))?;
        for name in interface.strings {
            define_reflected_string(context, &created.prototype, name, name)?;
        }
        for name in interface.urls {
            define_reflected_url(context, &created.prototype, name)?;
        }
        match interface.local_name {
            "iframe" => {
                define_content_window(context, &created.prototype)?;
                define_content_document(context, &created.prototype)?;
            }
            "title" => define_title_text(context, &created.prototype)?,
            _ => {}
        }
        prototypes.push(HtmlElementPrototype {
            local_name: interface.local_name,
            prototype: created.prototype.clone(),
        });
    }
    Ok(prototypes)
}

/// `iframe.contentWindow`: the WindowProxy of its content navigable, or null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#dom-iframe-contentwindow>
fn define_content_window(context: &mut Context, prototype: &JsObject) -> JsResult<()> {
    getter(context, prototype, "contentWindow", |this, _, context| {
        let node = this_element(this, context)?;
        let state = AgentState::of(context)?;
        // An iframe inserted by script has no content navigable yet (see the insertion TODO).
        let Some(child) = window_proxy::child_of_container(&state, node.window, node.node) else {
            return Ok(JsValue::null());
        };
        window_proxy::window_proxy_for(&state, context, node.window, child)
    })
}

/// `iframe.contentDocument`: its content navigable's active document, when that document's
/// origin is same origin-domain with the current window's; otherwise null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#dom-iframe-contentdocument>
/// (the content document of a navigable container)
fn define_content_document(context: &mut Context, prototype: &JsObject) -> JsResult<()> {
    getter(context, prototype, "contentDocument", |this, _, context| {
        let node = this_element(this, context)?;
        let state = AgentState::of(context)?;
        // 1. If container's content navigable is null, then return null.
        let Some(child) = window_proxy::child_of_container(&state, node.window, node.node) else {
            return Ok(JsValue::null());
        };
        // 2. Let document be container's content navigable's active document.
        let Some(active) = state.ua.active_window(child) else {
            return Ok(JsValue::null());
        };
        let viewer = RealmData::of_current_realm(context)?.window;
        // 3. If document's origin and the origin specified by the current settings object are
        //    not same origin-domain, then return null. (A document in another agent is
        //    another site, never same origin-domain.)
        if !state.same_origin_domain(viewer, active) {
            return Ok(JsValue::null());
        }
        let document = state
            .windows
            .borrow()
            .get(&active)
            .and_then(|a| a.document.try_borrow().ok().map(|d| d.document_node()));
        // 4. Return document.
        wrappers::node_value(context, active, document)
    })
}

/// `title.text`: the child text content; setting it replaces the children.
///
/// Spec: <https://html.spec.whatwg.org/multipage/semantics.html#dom-title-text>
fn define_title_text(context: &mut Context, prototype: &JsObject) -> JsResult<()> {
    wrappers::accessor(
        context,
        prototype,
        "text",
        |this, _, context| {
            // The text attribute's getter must return this title element's child text
            // content.
            let element = this_element(this, context)?;
            let text = with_document(context, element.window, |d| d.child_text(element.node))?;
            Ok(string_value(&text))
        },
        |this, args, context| {
            // The text attribute's setter must string replace all with the given value
            // within this title element.
            let element = this_element(this, context)?;
            let value = to_dom_string(&arg(args, 0), context)?;
            let result = with_document_mut(context, element.window, |d| {
                d.set_text_content(element.node, &value)
            })?;
            result.map_err(|e| throw_dom_error(context, &e))?;
            Ok(JsValue::undefined())
        },
    )
}
