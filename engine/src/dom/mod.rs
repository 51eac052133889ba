//! The DOM Standard: events and event targets, nodes, documents and elements.
//!
//! This module installs the DOM interfaces into a window's realm: `EventTarget`, `Node` and its
//! descendants (the interfaces node wrappers implement), and `document`.
//!
//! The prototype chains (each interface prototype object's [[Prototype]] is its parent's):
//! `HTMLIFrameElement` → `HTMLElement` → `Element` → `Node` → `EventTarget` → `Object`;
//! `HTMLDocument` → `Document` → `Node`; `Text`/`Comment` → `CharacterData` → `Node`.

pub(crate) mod character_data;
pub(crate) mod child_node;
pub(crate) mod document;
pub(crate) mod document_fragment;
pub(crate) mod document_type;
pub(crate) mod dom_implementation;
pub(crate) mod dom_token_list;
pub(crate) mod dom_token_list_object;
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
use crate::dom::document::{DOCUMENT, HTML_DOCUMENT, WINDOW_DOCUMENT_MEMBERS, XML_DOCUMENT};
use crate::dom::document_fragment::DOCUMENT_FRAGMENT;
use crate::dom::document_type::DOCUMENT_TYPE;
use crate::dom::element::ELEMENT;
use crate::dom::event_target::EVENT_TARGET;
use crate::dom::node::NODE;
use crate::html::html_element::{HTML_ELEMENT, HTML_ELEMENT_INTERFACES};
use crate::ids::WindowId;
use crate::webidl::brand::register_most_derived_interface;
use crate::webidl::interface::{define_global_members, install_interface};

/// Creates the DOM interfaces of the current realm (whose global is `global`).
pub(crate) fn install(context: &mut Context, global: &JsObject, _window: WindowId) -> JsResult<()> {
    register_most_derived_interface(wrappers::most_derived_interface_of_node);
    let event_target = install_interface(context, global, &EVENT_TARGET)?;
    // (Window.prototype and the named properties object go in between: `html/window.rs`.)
    global.set_prototype(Some(event_target.prototype.clone()));

    install_interface(context, global, &NODE)?;

    install_interface(context, global, &DOCUMENT)?;
    // Every document here is an HTML document: its wrapper is an HTMLDocument.
    install_interface(context, global, &HTML_DOCUMENT)?;
    install_interface(context, global, &XML_DOCUMENT)?;
    dom_implementation::install(context, global)?;
    install_interface(context, global, &DOCUMENT_TYPE)?;
    install_interface(context, global, &DOCUMENT_FRAGMENT)?;

    install_interface(context, global, &CHARACTER_DATA)?;
    install_interface(context, global, &TEXT)?;
    install_interface(context, global, &COMMENT)?;

    dom_token_list::install(context, global)?;
    install_interface(context, global, &ELEMENT)?;
    install_interface(context, global, &HTML_ELEMENT)?;
    for interface in HTML_ELEMENT_INTERFACES {
        install_interface(context, global, &interface.declaration)?;
    }
    define_global_members(context, global, &WINDOW_DOCUMENT_MEMBERS)
}
