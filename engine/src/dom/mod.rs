//! The DOM Standard: events and event targets, nodes, documents and elements.
//!
//! This module installs the DOM interfaces into a window's realm: `EventTarget`, `Node` and its
//! descendants, the per-realm prototypes node wrappers use, and `document`.
//!
//! The prototype chains (each interface prototype object's [[Prototype]] is its parent's):
//! `HTMLIFrameElement` → `HTMLElement` → `Element` → `Node` → `EventTarget` → `Object`;
//! `HTMLDocument` → `Document` → `Node`; `Text`/`Comment` → `CharacterData` → `Node`.

pub(crate) mod character_data;
pub(crate) mod child_node;
pub(crate) mod document;
pub(crate) mod document_fragment;
pub(crate) mod document_type;
pub(crate) mod element;
pub(crate) mod event;
pub(crate) mod event_target;
pub(crate) mod node;
pub(crate) mod non_element_parent_node;
pub(crate) mod parent_node;
pub(crate) mod selector;
pub(crate) mod wrappers;

use boa_engine::{Context, JsObject, JsResult};

use crate::dom::character_data::{CHARACTER_DATA, COMMENT, TEXT};
use crate::dom::document::{DOCUMENT, HTML_DOCUMENT, define_document_attribute};
use crate::dom::document_fragment::DOCUMENT_FRAGMENT;
use crate::dom::document_type::DOCUMENT_TYPE;
use crate::dom::element::ELEMENT;
use crate::dom::event_target::EVENT_TARGET;
use crate::dom::node::NODE;
use crate::dom::wrappers::DomPrototypes;
use crate::html::html_element::install_html_element_interfaces;
use crate::ids::WindowId;
use crate::webidl::interface::{create_an_interface_object, install_interface};

/// Creates the DOM interfaces of the current realm (whose global is `global`).
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    let event_target = install_interface(context, global, &EVENT_TARGET)?;
    // Deviation: the global's [[Prototype]] is EventTarget.prototype; there is no
    // Window.prototype or WindowProperties object in between.
    global.set_prototype(Some(event_target.prototype.clone()));

    install_interface(context, global, &NODE)?;

    install_interface(context, global, &DOCUMENT)?;
    // Every document here is an HTML document: its wrapper is an HTMLDocument.
    let html_document = install_interface(context, global, &HTML_DOCUMENT)?;
    let document_type = install_interface(context, global, &DOCUMENT_TYPE)?;
    let document_fragment = install_interface(context, global, &DOCUMENT_FRAGMENT)?;

    install_interface(context, global, &CHARACTER_DATA)?;
    let text = install_interface(context, global, &TEXT)?;
    let comment = install_interface(context, global, &COMMENT)?;

    let element = install_interface(context, global, &ELEMENT)?;
    let html_element = create_an_interface_object(context, global, "HTMLElement", Some(&element))?;
    let html_elements = install_html_element_interfaces(context, global, &html_element)?;

    context.realm().host_defined_mut().insert(DomPrototypes {
        document: html_document.prototype.clone(),
        document_type: document_type.prototype.clone(),
        document_fragment: document_fragment.prototype.clone(),
        element: element.prototype.clone(),
        html_element: html_element.prototype.clone(),
        text: text.prototype.clone(),
        comment: comment.prototype.clone(),
        html_elements,
    });
    define_document_attribute(context, global, window)
}
