//! The `DOMImplementation` interface (`document.implementation`): documents without a
//! browsing context, made by `createHTMLDocument()` and `createDocument()`, and doctypes.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-domimplementation>

use std::cell::RefCell;
use std::collections::HashMap;

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace};
use postern_dom::document::{SVG_NAMESPACE, is_valid_element_local_name};
use postern_dom::{Document, HTML_NAMESPACE};

use crate::agent::window::DocumentType;
use crate::dom::document::{create_a_document_without_a_browsing_context, this_document};
use crate::dom::wrappers::{
    NodeRef, node_value, nullable_node_arg, with_document, with_document_mut,
};
use crate::ids::WindowId;
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::{create_an_object_implementing, install_interface};

/// `interface DOMImplementation`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-domimplementation>
pub(crate) const DOM_IMPLEMENTATION: InterfaceDeclaration = InterfaceDeclaration {
    name: "DOMImplementation",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[
        // [NewObject] DocumentType createDocumentType(DOMString name, DOMString publicId,
        //                                             DOMString systemId);
        Operation::new("createDocumentType", 3, create_document_type),
        // [NewObject] XMLDocument createDocument(DOMString? namespace,
        //     [LegacyNullToEmptyString] DOMString qualifiedName,
        //     optional DocumentType? doctype = null);
        Operation::new("createDocument", 2, create_document),
        // [NewObject] Document createHTMLDocument(optional DOMString title);
        Operation::new("createHTMLDocument", 0, create_html_document),
        // boolean hasFeature(); // useless; always returns true
        Operation::new("hasFeature", 0, has_feature),
    ],
    static_operations: &[],
    mixins: &[],
};

/// `[SameObject] readonly attribute DOMImplementation implementation;` of Document.
pub(crate) const IMPLEMENTATION_ATTRIBUTE: Attribute =
    Attribute::readonly("implementation", get_implementation);

/// The data of a DOMImplementation object: its associated document (the key its nodes'
/// wrappers carry).
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct DomImplementation {
    document: NodeRef,
}

/// The DOMImplementation object of each document whose wrapper lives in this realm (kept in
/// the realm's host-defined slot: `[SameObject]`).
#[derive(Default, Trace, Finalize, JsData)]
struct RealmDomImplementations(#[unsafe_ignore_trace] RefCell<HashMap<WindowId, JsObject>>);

/// Installs `DOMImplementation` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &DOM_IMPLEMENTATION)?;
    context
        .realm()
        .host_defined_mut()
        .insert(RealmDomImplementations::default());
    Ok(())
}

/// `implementation`: the document's DOMImplementation object (made the first time).
///
/// Spec: <https://dom.spec.whatwg.org/#dom-document-implementation>
fn get_implementation(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let cached = context
        .realm()
        .host_defined()
        .get::<RealmDomImplementations>()
        .and_then(|map| map.0.borrow().get(&document.window).cloned());
    if let Some(object) = cached {
        return Ok(object.into());
    }
    let object = create_an_object_implementing(
        context,
        "DOMImplementation",
        None,
        DomImplementation { document },
    )?;
    if let Some(map) = context
        .realm()
        .host_defined()
        .get::<RealmDomImplementations>()
    {
        map.0.borrow_mut().insert(document.window, object.clone());
    }
    Ok(object.into())
}

/// The associated document of the DOMImplementation `this`.
fn this_implementation(this: &JsValue) -> JsResult<NodeRef> {
    this.as_object()
        .and_then(|object| {
            object
                .downcast_ref::<DomImplementation>()
                .map(|i| i.document)
        })
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a DOMImplementation"))
}

/// `createDocumentType(name, publicId, systemId)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domimplementation-createdocumenttype>
fn create_document_type(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let document = this_implementation(this)?;
    if args.len() < 3 {
        return Err(type_error(format!(
            "Failed to execute 'createDocumentType' on 'DOMImplementation': 3 arguments required, but only {} present.",
            args.len()
        )));
    }
    let name = to_dom_string(&arg(args, 0), context)?;
    let _public_id = to_dom_string(&arg(args, 1), context)?;
    let _system_id = to_dom_string(&arg(args, 2), context)?;
    // 1. If name is not a valid doctype name, then throw an "InvalidCharacterError"
    //    DOMException. (A valid doctype name contains no ASCII whitespace, U+0000 NULL or
    //    U+003E (>).)
    if name
        .chars()
        .any(|c| c.is_ascii_whitespace() || c == '\0' || c == '>')
    {
        return Err(dom_exception::throw(
            context,
            "InvalidCharacterError",
            &format!("'{name}' is not a valid doctype name"),
        ));
    }
    // 2. Return a new doctype, with name as its name, publicId as its public ID, and
    //    systemId as its system ID, and with its node document set to the associated
    //    document of this.
    // Deviation: the DOM keeps a doctype's name only (publicId and systemId read "").
    let node = with_document_mut(context, document.window, |d| d.create_doctype(&name))?;
    node_value(context, document.window, Some(node))
}

/// `createDocument(namespace, qualifiedName, doctype)`: an XML document.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domimplementation-createdocument>
fn create_document(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let associated = this_implementation(this)?;
    if args.len() < 2 {
        return Err(type_error(format!(
            "Failed to execute 'createDocument' on 'DOMImplementation': 2 arguments required, but only {} present.",
            args.len()
        )));
    }
    let namespace = match arg(args, 0) {
        value if value.is_null_or_undefined() => None,
        value => Some(to_dom_string(&value, context)?).filter(|n| !n.is_empty()),
    };
    let qualified_name = match arg(args, 1) {
        value if value.is_null() => String::new(),
        value => to_dom_string(&value, context)?,
    };
    // (`optional DocumentType? doctype = null`: undefined is null.)
    let doctype = match arg(args, 2) {
        value if value.is_undefined() => None,
        value => nullable_node_arg(&value)?,
    };
    // (A doctype of another document is not supported: nodes do not move between the
    // documents' trees here.)
    if doctype.is_some() {
        return Err(dom_exception::throw(
            context,
            "NotSupportedError",
            "createDocument(): a doctype argument is not supported",
        ));
    }
    // 3. If qualifiedName is not the empty string, then set element to the result of
    //    running the internal createElementNS steps given document, namespace,
    //    qualifiedName, and an empty dictionary.
    // Deviation: only a qualified name without a prefix is accepted (validate and extract
    // is done for that case: a valid element local name).
    if !qualified_name.is_empty() && !is_valid_element_local_name(&qualified_name) {
        return Err(dom_exception::throw(
            context,
            "InvalidCharacterError",
            &format!("'{qualified_name}' is not a valid qualified name"),
        ));
    }
    // 5-7. document's origin is this's associated document's origin; its content type is
    //      determined by namespace.
    let content_type = match namespace.as_deref() {
        Some(HTML_NAMESPACE) => "application/xhtml+xml",
        Some(SVG_NAMESPACE) => "image/svg+xml",
        _ => "application/xml",
    };
    // 1. Let document be a new XMLDocument.
    let origin = with_document(context, associated.window, |d| d.origin().clone())?;
    let document = create_a_document_without_a_browsing_context(
        context,
        origin,
        DocumentType::Xml,
        content_type,
        "XMLDocument",
    )?;
    with_document_mut(context, document.window, |d: &mut Document| {
        let root = d.document_node();
        // 2. Let element be null.
        // 4. If doctype is non-null, append doctype to document. (Refused above.)
        // 5. If element is non-null, append element to document.
        if !qualified_name.is_empty() {
            let element = d.create_element_ns(
                namespace.as_deref().unwrap_or(""),
                &qualified_name,
                Vec::new(),
            );
            let _ = d.append_child(root, element);
        }
    })?;
    // 8. Return document.
    node_value(context, document.window, Some(document.node))
}

/// `createHTMLDocument(title)`: an HTML document with a doctype, `html`, `head`, an optional
/// `title` and `body`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domimplementation-createhtmldocument>
fn create_html_document(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let associated = this_implementation(this)?;
    let title = match args.first() {
        Some(value) if !value.is_undefined() => Some(to_dom_string(value, context)?),
        _ => None,
    };
    // 1. Let doc be a new document that is an HTML document.
    // 2. Set doc's content type to "text/html".
    // 8. doc's origin is this's associated document's origin.
    let origin = with_document(context, associated.window, |d| d.origin().clone())?;
    let doc = create_a_document_without_a_browsing_context(
        context,
        origin,
        DocumentType::Html,
        "text/html",
        "HTMLDocument",
    )?;
    with_document_mut(context, doc.window, |d: &mut Document| {
        let root = d.document_node();
        // 3. Append a new doctype, with "html" as its name and with its node document set
        //    to doc, to doc.
        let doctype = d.create_doctype("html");
        let _ = d.append_child(root, doctype);
        // 4. Append the result of creating an element given doc, "html", and the HTML
        //    namespace, to doc.
        let html = d.create_element("html");
        let _ = d.append_child(root, html);
        // 5. Append the result of creating an element given doc, "head", and the HTML
        //    namespace, to the html element created earlier.
        let head = d.create_element("head");
        let _ = d.append_child(html, head);
        // 6. If title is given:
        if let Some(title) = &title {
            // 6.1. Append the result of creating an element given doc, "title", and the
            //      HTML namespace, to the head element created earlier.
            let element = d.create_element("title");
            let _ = d.append_child(head, element);
            // 6.2. Append a new Text node, with its data set to title (which could be the
            //      empty string) and its node document set to doc, to the title element
            //      created earlier.
            let text = d.create_text_node(title);
            let _ = d.append_child(element, text);
        }
        // 7. Append the result of creating an element given doc, "body", and the HTML
        //    namespace, to the html element created earlier.
        let body = d.create_element("body");
        let _ = d.append_child(html, body);
    })?;
    // 9. Return doc.
    node_value(context, doc.window, Some(doc.node))
}

/// `hasFeature()`: returns true.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domimplementation-hasfeature>
fn has_feature(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    this_implementation(this)?;
    Ok(JsValue::new(true))
}
