//! `HTMLElement` and the HTML element interfaces whose reflected attributes scripts commonly
//! read (`name`, `content`, `src`, `href`, `type`, ...).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/dom.html#htmlelement>,
//! <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>

use boa_engine::{Context, JsResult, JsValue};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::dom::dom_token_list::token_list_attribute;
use crate::dom::element::{
    content_attribute, reflected_string, set_content_attribute, this_element,
};
use crate::dom::wrappers::{
    node_value, string_value, throw_dom_error, with_document, with_document_mut,
};
use crate::html::activation::click;
use crate::html::dom_string_map::get_dataset;
use crate::html::html_form_element::HTML_FORM_ELEMENT;
use crate::html::html_hyperlink_element_utils::HTML_HYPERLINK_ELEMENT_UTILS;
use crate::html::scripting::event_handler_mixins::{
    DOCUMENT_AND_ELEMENT_EVENT_HANDLERS, GLOBAL_EVENT_HANDLERS, WINDOW_EVENT_HANDLERS,
};
use crate::html::window_proxy;
use crate::webidl::conversions::{arg, to_dom_string};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Mixin, Operation};

/// `interface HTMLElement : Element`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#htmlelement>
// TODO(spec): its attributes (title, lang, hidden, ...), and the ElementContentEditable
// mixin and the rest of HTMLOrSVGElement.
pub(crate) const HTML_ELEMENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "HTMLElement",
    inherits: Some("Element"),
    // Deviation: `[HTMLConstructor] constructor()` needs custom elements, which are not
    // supported: constructing throws "Illegal constructor" (as browsers do when no custom
    // element is defined for the new target).
    constructor: None,
    constants: &[],
    attributes: &[
        // (HTMLOrSVGElement) [SameObject] readonly attribute DOMStringMap dataset;
        Attribute::readonly("dataset", get_dataset),
    ],
    operations: &[
        // [HTMLConstructor] undefined click();
        Operation::new("click", 0, click),
    ],
    static_operations: &[],
    mixins: &[GLOBAL_EVENT_HANDLERS, DOCUMENT_AND_ELEMENT_EVENT_HANDLERS],
};

/// An HTML element interface more specific than `HTMLElement`, and the local name of the HTML
/// elements that implement it.
pub(crate) struct HtmlElementInterface {
    /// The local name (`iframe`).
    pub local_name: &'static str,
    /// What scripts see (`HTMLIFrameElement`).
    pub declaration: InterfaceDeclaration,
}

/// The HTML element interfaces made here, by local name.
///
/// Deviation: only these; the other HTML elements (and unknown ones, HTMLUnknownElement's) are
/// HTMLElements. The members of each are the reflected attributes listed (and a few more); the
/// rest are missing.
pub(crate) const HTML_ELEMENT_INTERFACES: &[HtmlElementInterface] = &[
    // Spec: <https://html.spec.whatwg.org/multipage/text-level-semantics.html#htmlanchorelement>
    HtmlElementInterface {
        local_name: "a",
        declaration: html_element_interface(
            "HTMLAnchorElement",
            &[
                reflected_string!("target"),
                reflected_string!("rel"),
                token_list_attribute!("relList", "rel", HYPERLINK_REL_SUPPORTED_TOKENS),
                reflected_string!("type"),
                reflected_string!("name"),
            ],
            &[HTML_HYPERLINK_ELEMENT_UTILS],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/image-maps.html#htmlareaelement>
    HtmlElementInterface {
        local_name: "area",
        declaration: html_element_interface(
            "HTMLAreaElement",
            &[
                reflected_string!("alt"),
                reflected_string!("coords"),
                reflected_string!("shape"),
                reflected_string!("target"),
                reflected_string!("rel"),
                token_list_attribute!("relList", "rel", HYPERLINK_REL_SUPPORTED_TOKENS),
            ],
            &[HTML_HYPERLINK_ELEMENT_UTILS],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/semantics.html#htmlbaseelement>
    HtmlElementInterface {
        local_name: "base",
        declaration: html_element_interface(
            "HTMLBaseElement",
            &[reflected_url!("href"), reflected_string!("target")],
            &[],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/sections.html#htmlbodyelement>
    HtmlElementInterface {
        local_name: "body",
        declaration: html_element_interface("HTMLBodyElement", &[], &[WINDOW_EVENT_HANDLERS]),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/form-elements.html#htmlbuttonelement>
    // Deviation: `type` reflects the content attribute as it is (not limited to known
    // values).
    HtmlElementInterface {
        local_name: "button",
        declaration: html_element_interface(
            "HTMLButtonElement",
            &[
                reflected_string!("name"),
                reflected_string!("type"),
                reflected_string!("value"),
            ],
            &[],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/grouping-content.html#htmldivelement>
    HtmlElementInterface {
        local_name: "div",
        declaration: html_element_interface("HTMLDivElement", &[], &[]),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/forms.html#htmlformelement>
    HtmlElementInterface {
        local_name: "form",
        declaration: HTML_FORM_ELEMENT,
    },
    // Spec: <https://html.spec.whatwg.org/multipage/obsolete.html#htmlframesetelement>
    // Deviation: without its obsolete `cols` and `rows` attributes.
    HtmlElementInterface {
        local_name: "frameset",
        declaration: html_element_interface("HTMLFrameSetElement", &[], &[WINDOW_EVENT_HANDLERS]),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/semantics.html#htmlheadelement>
    HtmlElementInterface {
        local_name: "head",
        declaration: html_element_interface("HTMLHeadElement", &[], &[]),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/semantics.html#htmlhtmlelement>
    HtmlElementInterface {
        local_name: "html",
        declaration: html_element_interface("HTMLHtmlElement", &[], &[]),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#htmliframeelement>
    HtmlElementInterface {
        local_name: "iframe",
        declaration: html_element_interface(
            "HTMLIFrameElement",
            &[
                reflected_url!("src"),
                reflected_string!("srcdoc"),
                reflected_string!("name"),
                token_list_attribute!("sandbox", "sandbox", SANDBOX_SUPPORTED_TOKENS),
                Attribute::readonly("contentDocument", get_content_document),
                Attribute::readonly("contentWindow", get_content_window),
            ],
            &[],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/embedded-content.html#htmlimageelement>
    HtmlElementInterface {
        local_name: "img",
        declaration: html_element_interface(
            "HTMLImageElement",
            &[
                reflected_string!("alt"),
                reflected_url!("src"),
                reflected_string!("name"),
            ],
            &[],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/input.html#htmlinputelement>
    // Deviation: `value` reflects the value content attribute (there is no dirty value
    // flag) and `type` is not limited to known values.
    HtmlElementInterface {
        local_name: "input",
        declaration: html_element_interface(
            "HTMLInputElement",
            &[
                reflected_string!("name"),
                reflected_string!("type"),
                reflected_string!("value"),
            ],
            &[],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/semantics.html#htmllinkelement>
    HtmlElementInterface {
        local_name: "link",
        declaration: html_element_interface(
            "HTMLLinkElement",
            &[
                reflected_url!("href"),
                reflected_string!("rel"),
                token_list_attribute!("relList", "rel", LINK_REL_SUPPORTED_TOKENS),
                reflected_string!("type"),
            ],
            &[],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/semantics.html#htmlmetaelement>
    HtmlElementInterface {
        local_name: "meta",
        declaration: html_element_interface(
            "HTMLMetaElement",
            &[reflected_string!("name"), reflected_string!("content")],
            &[],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/grouping-content.html#htmlparagraphelement>
    HtmlElementInterface {
        local_name: "p",
        declaration: html_element_interface("HTMLParagraphElement", &[], &[]),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/scripting.html#htmlscriptelement>
    HtmlElementInterface {
        local_name: "script",
        declaration: html_element_interface(
            "HTMLScriptElement",
            &[reflected_url!("src"), reflected_string!("type")],
            &[],
        ),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/text-level-semantics.html#htmlspanelement>
    HtmlElementInterface {
        local_name: "span",
        declaration: html_element_interface("HTMLSpanElement", &[], &[]),
    },
    // Spec: <https://html.spec.whatwg.org/multipage/semantics.html#htmltitleelement>
    HtmlElementInterface {
        local_name: "title",
        declaration: html_element_interface(
            "HTMLTitleElement",
            &[Attribute::read_write(
                "text",
                get_title_text,
                set_title_text,
            )],
            &[],
        ),
    },
];

/// The declaration of an HTML element interface: it inherits from `HTMLElement`, has an
/// `[HTMLConstructor]` (see [`HTML_ELEMENT`]'s deviation), and no constants or operations.
const fn html_element_interface(
    name: &'static str,
    attributes: &'static [Attribute],
    mixins: &'static [Mixin],
) -> InterfaceDeclaration {
    InterfaceDeclaration {
        name,
        inherits: Some("HTMLElement"),
        constructor: None,
        constants: &[],
        attributes,
        operations: &[],
        static_operations: &[],
        mixins,
    }
}

/// `iframe.contentDocument`: its content navigable's active document, when that document's
/// origin is same origin-domain with the current window's; otherwise null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#dom-iframe-contentdocument>
/// (the content document of a navigable container)
fn get_content_document(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
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
    let viewer = RealmData::window_of_current_realm(context)?;
    // 3. If document's origin and the origin specified by the current settings object are not
    //    same origin-domain, then return null. (A document in another agent is another site,
    //    never same origin-domain.)
    if !state.same_origin_domain(viewer, active) {
        return Ok(JsValue::null());
    }
    let document = state
        .windows
        .borrow()
        .get(&active)
        .and_then(|a| a.document.try_borrow().ok().map(|d| d.document_node()));
    // 4. Return document.
    node_value(context, active, document)
}

/// `iframe.contentWindow`: the WindowProxy of its content navigable, or null.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#dom-iframe-contentwindow>
fn get_content_window(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let node = this_element(this, context)?;
    let state = AgentState::of(context)?;
    // An iframe inserted by script has no content navigable yet (see the insertion TODO).
    let Some(child) = window_proxy::child_of_container(&state, node.window, node.node) else {
        return Ok(JsValue::null());
    };
    window_proxy::window_proxy_for(&state, context, node.window, child)
}

/// `title.text`'s getter: this title element's child text content.
///
/// Spec: <https://html.spec.whatwg.org/multipage/semantics.html#dom-title-text>
fn get_title_text(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let text = with_document(context, element.window, |d| d.child_text(element.node))?;
    Ok(string_value(&text))
}

/// `title.text`'s setter: string replace all with the given value within this title element.
///
/// Spec: <https://html.spec.whatwg.org/multipage/semantics.html#dom-title-text>
fn set_title_text(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let value = to_dom_string(&arg(args, 0), context)?;
    let result = with_document_mut(context, element.window, |d| {
        d.set_text_content(element.node, &value)
    })?;
    result.map_err(|e| throw_dom_error(context, &e))?;
    Ok(JsValue::undefined())
}

/// A USVString attribute reflecting a content attribute as a URL, for a declaration:
/// `reflected_url!("src")` is the attribute `src` reflecting the content attribute `src`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>
macro_rules! reflected_url {
    ($name:literal) => {
        $crate::webidl::declaration::keyed_attribute!(
            $name,
            $name,
            $crate::html::html_element::get_reflected_url,
            $crate::html::html_element::set_reflected_url
        )
    };
}
pub(crate) use reflected_url;

/// The getter of a USVString attribute reflecting the content attribute `name` as a URL.
///
/// Spec: <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>
pub(crate) fn get_reflected_url(
    this: &JsValue,
    context: &mut Context,
    name: &str,
) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    // 1. Let contentAttributeValue be the result of running this's get the content attribute.
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
}

/// The setter of a USVString attribute reflecting the content attribute `name` as a URL: set
/// the content attribute to the given value.
///
/// Spec: <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>
pub(crate) fn set_reflected_url(
    this: &JsValue,
    context: &mut Context,
    name: &str,
    value: &JsValue,
) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let value = to_dom_string(value, context)?;
    set_content_attribute(context, element, name, &value)
}
