//! The `Document` interface (with HTML's partial interface and `HTMLDocument`), the global's
//! `document` attribute, and the document's readiness.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-document>,
//! <https://html.spec.whatwg.org/multipage/dom.html#the-document-object>

use std::cell::RefCell;
use std::rc::Rc;

use boa_engine::{Context, JsResult, JsValue, js_string};
use postern_dom::document::{SVG_NAMESPACE, is_valid_element_local_name};
use postern_dom::{Document, DocumentMode, HTML_NAMESPACE, NodeData, NodeId, Origin};
use url::Url;

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::agent::realm_data::RealmData;
use crate::agent::window::{
    DocumentReadiness, DocumentType, DocumentWithoutBrowsingContext,
    MAX_DOCUMENTS_WITHOUT_BROWSING_CONTEXT, document_key, is_fully_active,
};
use crate::dom::dom_implementation::IMPLEMENTATION_ATTRIBUTE;
use crate::dom::element::get_elements_by_tag_name;
use crate::dom::event::create_event;
use crate::dom::event_target::{dispatch, event_handler};
use crate::dom::non_element_parent_node::NON_ELEMENT_PARENT_NODE;
use crate::dom::parent_node::PARENT_NODE;
use crate::dom::wrappers::{
    NodeRef, node_value, string_value, this_node, with_document, with_document_mut,
};
use crate::html::location::location_of_window;
use crate::html::scripting::event_handler_mixins::{
    DOCUMENT_AND_ELEMENT_EVENT_HANDLERS, GLOBAL_EVENT_HANDLERS,
};
use crate::html::window_proxy;
use crate::ids::{IdMap, WindowId};
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::new_target;

// Node wrappers moved to `wrappers.rs`; this path stays for existing callers.
pub(crate) use crate::dom::wrappers::wrapper;

/// `interface Document : Node` and HTML's `partial interface Document`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-document>,
/// <https://html.spec.whatwg.org/multipage/dom.html#the-document-object>
// TODO(spec): the other members (implementation, createElementNS(), importNode(), location, referrer, cookie, the named getter, forms,
// scripts, currentScript, open(), write(), ...), and the DocumentOrShadowRoot,
// XPathEvaluatorBase and GlobalEventHandlers mixins.
pub(crate) const DOCUMENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "Document",
    inherits: Some("Node"),
    // constructor();
    constructor: Some(Constructor {
        length: 0,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        IMPLEMENTATION_ATTRIBUTE,
        Attribute::readonly("URL", get_url),
        Attribute::readonly("documentURI", get_url),
        Attribute::readonly("compatMode", get_compat_mode),
        Attribute::readonly("characterSet", get_character_set),
        // readonly attribute DOMString charset; // legacy alias of .characterSet
        Attribute::readonly("charset", get_character_set),
        // readonly attribute DOMString inputEncoding; // legacy alias of .characterSet
        Attribute::readonly("inputEncoding", get_character_set),
        Attribute::readonly("contentType", get_content_type),
        Attribute::readonly("doctype", get_doctype),
        Attribute::readonly("documentElement", get_document_element),
        Attribute::read_write("domain", get_domain, set_domain),
        Attribute::readonly("readyState", get_ready_state),
        Attribute::read_write("title", get_title, set_title),
        // Deviation: body is read-write in the spec; its setter is not implemented.
        Attribute::readonly("body", get_body),
        Attribute::readonly("head", get_head),
        Attribute::readonly("defaultView", get_default_view),
        // (HTML) [PutForwards=href, LegacyUnforgeable] readonly attribute Location? location;
        Attribute::read_write("location", get_location, put_forwards_href).unforgeable(),
        event_handler!("onreadystatechange", "readystatechange"),
        // Deviation: `onDOMContentLoaded` is not a standard event handler (kept from first
        // light).
        event_handler!("onDOMContentLoaded", "DOMContentLoaded"),
    ],
    operations: &[
        // Deviation: an Array snapshot stands in for the live HTMLCollection.
        Operation::new("getElementsByTagName", 1, get_elements_by_tag_name),
        Operation::new("createElement", 1, create_element),
        Operation::new("createDocumentFragment", 0, create_document_fragment),
        Operation::new("createTextNode", 1, create_text_node),
        Operation::new("createComment", 1, create_comment),
    ],
    static_operations: &[],
    mixins: &[
        NON_ELEMENT_PARENT_NODE,
        PARENT_NODE,
        GLOBAL_EVENT_HANDLERS,
        DOCUMENT_AND_ELEMENT_EVENT_HANDLERS,
    ],
};

/// `interface XMLDocument : Document {}`: the interface of the documents `createDocument()`
/// makes.
///
/// Spec: <https://dom.spec.whatwg.org/#xmldocument>
pub(crate) const XML_DOCUMENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "XMLDocument",
    inherits: Some("Document"),
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// `new Document()`: a new XML document whose origin is the current global object's
/// associated Document's origin (it has no browsing context).
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-document>
fn construct(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let _new_target = new_target(this, "Document")?;
    // The new Document() constructor steps are to set this's origin to the origin of
    // current global object's associated Document.
    let state = AgentState::of(context)?;
    let window = RealmData::window_of_current_realm(context)?;
    let origin = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.origin())
        .ok_or_else(|| type_error("the window is gone"))?;
    // (A Document's type is "xml" and its content type "application/xml" unless stated
    // otherwise.)
    // Deviation: a subclass's prototype (NewTarget) is not used: the wrapper is a Document.
    let document = create_a_document_without_a_browsing_context(
        context,
        origin,
        DocumentType::Xml,
        "application/xml",
        "Document",
    )?;
    node_value(context, document.window, Some(document.node))
}

/// A new, empty Document without a browsing context, of `type_` and `content_type`, with
/// `origin` and the URL about:blank; its wrappers live in the current realm.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-document>
pub(crate) fn create_a_document_without_a_browsing_context(
    context: &mut Context,
    origin: Origin,
    type_: DocumentType,
    content_type: &'static str,
    interface: &'static str,
) -> JsResult<NodeRef> {
    let state = AgentState::of(context)?;
    if state.documents.borrow().len() >= MAX_DOCUMENTS_WITHOUT_BROWSING_CONTEXT {
        return Err(dom_exception::throw(
            context,
            "NotSupportedError",
            "too many documents without a browsing context",
        ));
    }
    let url = Url::parse("about:blank").map_err(|e| type_error(e.to_string()))?;
    let document = Document::new(url, origin);
    let node = document.document_node();
    let key = state.ua.next_window_id();
    state.documents.borrow_mut().insert(
        key,
        DocumentWithoutBrowsingContext {
            document: Rc::new(RefCell::new(document)),
            realm: context.realm().clone(),
            wrappers: IdMap::default(),
            type_,
            content_type,
            interface,
        },
    );
    Ok(NodeRef { window: key, node })
}

/// `interface HTMLDocument : Document {}`: the interface of every document's wrapper here
/// (every document is an HTML document).
///
/// Deviation: the HTML Standard makes `HTMLDocument` the Document interface object itself
/// (`window.HTMLDocument === Document`); browsers keep an interface of its own.
pub(crate) const HTML_DOCUMENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "HTMLDocument",
    inherits: Some("Document"),
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// `URL` and `documentURI`: this's URL, serialized.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-url>
fn get_url(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let url = with_document(context, document.window, |d| d.url().to_string())?;
    Ok(string_value(&url))
}

/// `compatMode`: "BackCompat" if this's mode is "quirks"; otherwise "CSS1Compat".
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-compatmode>
fn get_compat_mode(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let mode = with_document(context, document.window, Document::mode)?;
    // The compatMode getter steps are to return "BackCompat" if this's mode is "quirks";
    // otherwise "CSS1Compat".
    Ok(string_value(if mode == DocumentMode::Quirks {
        "BackCompat"
    } else {
        "CSS1Compat"
    }))
}

/// `characterSet`, `charset` and `inputEncoding`: the name of this's encoding.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-characterset>
fn get_character_set(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_document(this, context)?;
    // The characterSet, charset, and inputEncoding getter steps are to return this's
    // encoding's name.
    // Deviation: every document is decoded as UTF-8 (no `<meta charset>` or BOM sniffing,
    // no Content-Type charset), so its encoding is always UTF-8.
    Ok(string_value(encoding_rs::UTF_8.name()))
}

/// `contentType`: this's content type.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-contenttype>
fn get_content_type(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let state = AgentState::of(context)?;
    // The contentType getter steps are to return this's content type.
    // Deviation: a Window's document is always text/html (no Content-Type header).
    let content_type = state
        .documents
        .borrow()
        .get(&document.window)
        .map_or("text/html", |d| d.content_type);
    Ok(string_value(content_type))
}

/// `doctype`: the child of this that is a doctype; otherwise null.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-doctype>
fn get_doctype(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let found = with_document(context, document.window, |d| {
        d.children(d.document_node())
            .iter()
            .copied()
            .find(|&c| matches!(d.data(c), Some(NodeData::Doctype { .. })))
    })?;
    node_value(context, document.window, found)
}

/// `documentElement`: this's document element.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-documentelement>
fn get_document_element(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let found = with_document(context, document.window, Document::document_element)?;
    node_value(context, document.window, found)
}

/// `readyState`: this's current document readiness.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#dom-document-readystate>
fn get_ready_state(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let state = AgentState::of(context)?;
    let readiness = state
        .windows
        .borrow()
        .get(&document.window)
        .map(|w| w.load.ready_state)
        .unwrap_or_default();
    Ok(string_value(readiness.as_str()))
}

/// `title`'s getter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#document.title>
fn get_title(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let title = with_document(context, document.window, title)?;
    Ok(string_value(&title))
}

/// `title`'s setter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#document.title>
fn set_title(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let value = to_dom_string(&arg(args, 0), context)?;
    with_document_mut(context, document.window, |d| replace_title(d, &value))?;
    Ok(JsValue::undefined())
}

/// `body`: the body element.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#dom-document-body>
fn get_body(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let found = with_document(context, document.window, Document::body)?;
    node_value(context, document.window, found)
}

/// `head`: the head element.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#dom-document-head>
fn get_head(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let found = with_document(context, document.window, Document::head)?;
    node_value(context, document.window, found)
}

/// `defaultView`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-document-defaultview>
fn get_default_view(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1. If this's browsing context is null, then return null.
    // 2. Return this's browsing context's WindowProxy object.
    let document = this_document(this, context)?;
    let state = AgentState::of(context)?;
    window_proxy::window_proxy_of_window(&state, context, document.window)
}

/// `document.location`: this's relevant global object's Location object if this is fully
/// active, and null otherwise.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#dom-document-location>
fn get_location(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let state = AgentState::of(context)?;
    let found = state
        .windows
        .borrow()
        .get(&document.window)
        .map(|w| (w.document_id, w.browsing_context));
    match found {
        Some((id, browsing_context)) if is_fully_active(&state, document_key(id)) => {
            Ok(location_of_window(&state, context, document.window, browsing_context)?.into())
        }
        _ => Ok(JsValue::null()),
    }
}

/// `document.location = value`: `[PutForwards=href]` sets the Location's `href` (a TypeError
/// when `location` is null).
///
/// Spec: <https://webidl.spec.whatwg.org/#PutForwards>
fn put_forwards_href(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let location = get_location(this, &[], context)?;
    let Some(location) = location.as_object() else {
        return Err(type_error(
            "Failed to set the 'location' property on 'Document': the document is not fully active.",
        ));
    };
    location.set(js_string!("href"), arg(args, 0), true, context)?;
    Ok(JsValue::undefined())
}

/// `createElement(localName, options)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-createelement>
fn create_element(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let local_name = to_dom_string(&arg(args, 0), context)?;
    // 1. If localName is not a valid element local name, then throw an
    //    "InvalidCharacterError" DOMException.
    if !is_valid_element_local_name(&local_name) {
        return Err(dom_exception::throw(
            context,
            "InvalidCharacterError",
            &format!("'{local_name}' is not a valid element name"),
        ));
    }
    // (A Window's document is an HTML document; a document without a browsing context has
    // its own type and content type.)
    let state = AgentState::of(context)?;
    let (is_html, content_type) = state
        .documents
        .borrow()
        .get(&document.window)
        .map_or((true, "text/html"), |d| {
            (d.type_ == DocumentType::Html, d.content_type)
        });
    // 3-4. TODO(spec): the `is` option (customized built-in elements).
    // 5. Let namespace be the HTML namespace, if this is an HTML document or this's content
    //    type is "application/xhtml+xml"; otherwise null.
    // 6. Return the result of creating an element given this, localName, namespace.
    let element = with_document_mut(context, document.window, |d| {
        if is_html {
            // 2. If this is an HTML document, then set localName to localName in ASCII
            //    lowercase.
            d.create_element(&local_name)
        } else if content_type == "application/xhtml+xml" {
            d.create_element_ns(HTML_NAMESPACE, &local_name, Vec::new())
        } else {
            // (The null namespace is the empty string here.)
            d.create_element_ns("", &local_name, Vec::new())
        }
    })?;
    node_value(context, document.window, Some(element))
}

/// `createDocumentFragment()`: a new DocumentFragment node whose node document is this.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-createdocumentfragment>
fn create_document_fragment(
    this: &JsValue,
    _: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let node = with_document_mut(context, document.window, Document::create_document_fragment)?;
    node_value(context, document.window, Some(node))
}

/// `createTextNode(data)`: a new Text node whose data is data and node document is this.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-createtextnode>
fn create_text_node(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let data = to_dom_string(&arg(args, 0), context)?;
    let node = with_document_mut(context, document.window, |d| d.create_text_node(&data))?;
    node_value(context, document.window, Some(node))
}

/// `createComment(data)`: a new Comment node whose data is data and node document is this.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-createcomment>
fn create_comment(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let data = to_dom_string(&arg(args, 0), context)?;
    let node = with_document_mut(context, document.window, |d| d.create_comment(&data))?;
    node_value(context, document.window, Some(node))
}

/// `domain`'s getter: the origin's effective domain.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#dom-document-domain>
fn get_domain(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let domain = with_document(context, document.window, |d| {
        postern_dom::document_domain_getter(d.origin())
    })?;
    Ok(string_value(&domain))
}

/// `domain`'s setter: checks the value (SecurityError) and sets the origin's domain,
/// which loosens same origin-domain checks between same-site documents that both set it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#dom-document-domain>
///
/// Deviation: each Document holds its own copy of its origin, so documents that share an
/// origin in the spec (an about:blank iframe and its creator) do not see each other's domain.
fn set_domain(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let value = to_dom_string(&arg(args, 0), context)?;
    let state = AgentState::of(context)?;
    // Step 1's "browsing context": the document is its browsing context's active document.
    let has_browsing_context = state.ua.window_entry(document.window).is_some_and(|entry| {
        state.ua.active_window(entry.browsing_context) == Some(document.window)
    });
    let result = with_document_mut(context, document.window, |d| {
        let mut origin = d.origin().clone();
        let result = postern_dom::document_domain_setter(
            &mut origin,
            &value,
            postern_dom::DocumentDomainSetterContext {
                has_browsing_context,
                sandboxed_document_domain: d
                    .active_sandboxing_flag_set()
                    .contains(postern_dom::SandboxingFlag::DocumentDomain),
                ..Default::default()
            },
        );
        if result.is_ok() {
            d.set_origin(origin);
        }
        result
    })?;
    match result {
        Ok(()) => Ok(JsValue::undefined()),
        Err(error) => Err(dom_exception::throw(
            context,
            error.dom_exception_name(),
            &error.to_string(),
        )),
    }
}

/// The document `this` stands for (a TypeError if it is not the document's wrapper).
pub(crate) fn this_document(this: &JsValue, context: &Context) -> JsResult<NodeRef> {
    let node = this_node(this)?;
    if with_document(context, node.window, |d| d.document_node() == node.node)? {
        Ok(node)
    } else {
        Err(type_error("'this' is not a Document"))
    }
}

/// Update the current document readiness, firing `readystatechange` at the document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#update-the-current-document-readiness>
pub(crate) fn update_the_current_document_readiness(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    readiness: DocumentReadiness,
) {
    let (realm, document) = {
        let mut windows = state.windows.borrow_mut();
        let Some(w) = windows.get_mut(&window) else {
            return;
        };
        // 1. If document's current document readiness equals readinessValue, then return.
        if w.load.ready_state == readiness {
            return;
        }
        // 2. Set document's current document readiness to readinessValue.
        w.load.ready_state = readiness;
        let document = w.document.try_borrow().map(|d| d.document_node());
        let Ok(document) = document else {
            return;
        };
        (w.realm.clone(), document)
    };
    // 3. If document is associated with an HTML parser: the navigation timing steps.
    // Deviation: there is no navigation timing here.
    // 4. Fire an event named readystatechange at document.
    let previous = context.enter_realm(realm);
    if let Ok(event) = create_event(context, "readystatechange") {
        let _ = dispatch(
            state,
            context,
            window,
            EventTargetKey::Node(document),
            &event,
        );
    }
    context.enter_realm(previous);
}

/// Strip and collapse ASCII whitespace.
///
/// Spec: <https://infra.spec.whatwg.org/#strip-and-collapse-ascii-whitespace>
fn strip_and_collapse_ascii_whitespace(value: &str) -> String {
    value.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document element, if it is an SVG `svg` element.
fn svg_document_element(d: &Document) -> Option<NodeId> {
    d.document_element()
        .filter(|&e| d.namespace(e) == Some(SVG_NAMESPACE) && d.local_name(e) == Some("svg"))
}

/// The first SVG `title` child of the SVG document element.
fn svg_title(d: &Document, svg: NodeId) -> Option<NodeId> {
    d.children(svg)
        .iter()
        .copied()
        .find(|&c| d.namespace(c) == Some(SVG_NAMESPACE) && d.local_name(c) == Some("title"))
}

/// The title element: the first HTML `title` element in the document, in tree order.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#the-title-element-2>
fn title_element(d: &Document) -> Option<NodeId> {
    d.descendants(d.document_node())
        .find(|&n| d.is_html_element(n, "title"))
}

/// The document's title (`title`'s getter steps).
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#document.title>
fn title(d: &Document) -> String {
    let value = match svg_document_element(d) {
        // 1. If the document element is an SVG svg element, then let value be the child text
        //    content of the first SVG title element that is a child of the document element.
        Some(svg) => svg_title(d, svg)
            .map(|t| d.child_text(t))
            .unwrap_or_default(),
        // 2. Otherwise, let value be the child text content of the title element, or the
        //    empty string if the title element is null.
        None => title_element(d)
            .map(|t| d.child_text(t))
            .unwrap_or_default(),
    };
    // 3. Strip and collapse ASCII whitespace in value.
    // 4. Return value.
    strip_and_collapse_ascii_whitespace(&value)
}

/// Replaces the document's title with `value` (`title`'s setter steps).
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#document.title>
fn replace_title(d: &mut Document, value: &str) {
    let element = if let Some(svg) = svg_document_element(d) {
        // 1. If the document element is an SVG svg element: the first SVG title child, or a
        //    new one inserted as the document element's first child.
        match svg_title(d, svg) {
            Some(title) => title,
            None => {
                let title = d.create_element_ns(SVG_NAMESPACE, "title", Vec::new());
                let first = d.children(svg).first().copied();
                if d.insert_before(svg, title, first).is_err() {
                    return;
                }
                title
            }
        }
    } else if d
        .document_element()
        .is_some_and(|e| d.namespace(e) == Some(HTML_NAMESPACE))
    {
        // 2. Otherwise, if the document element is in the HTML namespace:
        match (title_element(d), d.head()) {
            // 2.1. If the title element is null and the head element is null, then return.
            (None, None) => return,
            // 2.2. If the title element is non-null, let element be the title element.
            (Some(title), _) => title,
            // 2.3. Otherwise: create a title element and append it to the head element.
            (None, Some(head)) => {
                let title = d.create_element("title");
                if d.append_child(head, title).is_err() {
                    return;
                }
                title
            }
        }
    } else {
        // 3. Otherwise, do nothing.
        return;
    };
    // String replace all with the given value within element.
    let _ = d.set_text_content(element, value);
}

/// The Window's `document` attribute (`partial interface Window`): what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>
pub(crate) const WINDOW_DOCUMENT_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[Attribute::readonly("document", window_document).unforgeable()],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// `window.document`: the Window's associated Document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-document-2>
fn window_document(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let state = AgentState::of(context)?;
    let node = state
        .windows
        .borrow()
        .get(&window)
        .and_then(|w| w.document.try_borrow().ok().map(|d| d.document_node()));
    node_value(context, window, node)
}
