//! The `DOMParser` interface: `parseFromString(string, "text/html")` makes a document without
//! a browsing context, whose scripts never run.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/dynamic-markup-insertion.html#domparser>

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace};
use postern_dom::{HtmlParser, ParseEvent};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::agent::window::DocumentType;
use crate::dom::document::create_a_document_without_a_browsing_context;
use crate::dom::wrappers::node_value;
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Constructor, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface DOMParser`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dynamic-markup-insertion.html#domparser>
pub(crate) const DOM_PARSER: InterfaceDeclaration = InterfaceDeclaration {
    name: "DOMParser",
    inherits: None,
    // constructor();
    constructor: Some(Constructor {
        length: 0,
        steps: construct,
    }),
    constants: &[],
    attributes: &[],
    operations: &[
        // [NewObject] Document parseFromString((TrustedHTML or DOMString) string,
        //                                      DOMParserSupportedType type);
        Operation::new("parseFromString", 2, parse_from_string),
    ],
    static_operations: &[],
    mixins: &[],
};

/// The values of `enum DOMParserSupportedType`.
const SUPPORTED_TYPES: [&str; 5] = [
    "text/html",
    "text/xml",
    "application/xml",
    "application/xhtml+xml",
    "image/svg+xml",
];

/// The data of a DOMParser object (it has no state).
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct DomParser;

/// Installs `DOMParser` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &DOM_PARSER)?;
    Ok(())
}

/// `new DOMParser()`: the constructor steps do nothing.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dynamic-markup-insertion.html#dom-domparser-constructor>
fn construct(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "DOMParser")?;
    let object = create_an_object_implementing(context, "DOMParser", Some(&new_target), DomParser)?;
    Ok(object.into())
}

/// `parseFromString(string, type)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dynamic-markup-insertion.html#dom-domparser-parsefromstring>
fn parse_from_string(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    if this
        .as_object()
        .and_then(|object| object.downcast_ref::<DomParser>().map(|_| ()))
        .is_none()
    {
        return Err(type_error("Illegal invocation: 'this' is not a DOMParser"));
    }
    if args.len() < 2 {
        return Err(type_error(format!(
            "Failed to execute 'parseFromString' on 'DOMParser': 2 arguments required, but only {} present.",
            args.len()
        )));
    }
    // 1. Let compliantString be the result of invoking the Get Trusted Type compliant string
    //    algorithm (no Trusted Types: the string itself).
    let string = to_dom_string(&arg(args, 0), context)?;
    let type_ = to_dom_string(&arg(args, 1), context)?;
    // (Web IDL: a value that is not one of the enumeration's values is a TypeError.)
    if !SUPPORTED_TYPES.contains(&type_.as_str()) {
        return Err(type_error(format!(
            "Failed to execute 'parseFromString' on 'DOMParser': The provided value '{type_}' is not a valid enum value of type DOMParserSupportedType."
        )));
    }
    // 2. Let document be a new Document, whose content type is type and URL is this's
    //    relevant global object's associated Document's URL.
    // 3. The document's encoding will be left as its default, of UTF-8.
    // Deviation: its URL is about:blank (a Document's URL here is set when it is created).
    let state = AgentState::of(context)?;
    let window = RealmData::window_of_current_realm(context)?;
    let origin = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.origin())
        .ok_or_else(|| type_error("the window is gone"))?;
    // 4. Switch on type:
    if type_ != "text/html" {
        // "text/xml", "application/xml", "application/xhtml+xml", "image/svg+xml": the XML
        // parser.
        // Deviation: there is no XML parser.
        return Err(dom_exception::throw(
            context,
            "NotSupportedError",
            &format!("DOMParser: parsing '{type_}' (XML) is not supported"),
        ));
    }
    // "text/html": 1. Parse HTML from a string given document and compliantString.
    // (document's type is "html"; scripting is disabled for it, as it has no browsing
    // context: its scripts never run.)
    let document = create_a_document_without_a_browsing_context(
        context,
        origin,
        DocumentType::Html,
        "text/html",
        "HTMLDocument",
    )?;
    let tree = state
        .documents
        .borrow()
        .get(&document.window)
        .map(|d| d.document.clone())
        .ok_or_else(|| type_error("the document is gone"))?;
    let mut parser = HtmlParser::new(tree, &string);
    // Deviation: the tree builder runs with the scripting flag set (`<noscript>` contents
    // are raw text); scripts and iframes are reported to nobody.
    while !matches!(parser.next_event(), ParseEvent::Finished) {}
    // 5. Return document.
    node_value(context, document.window, Some(document.node))
}
