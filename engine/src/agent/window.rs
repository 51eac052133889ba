//! The engine-side state of a Window (its document, realm, global object, listeners, timers,
//! load progress), as data: the Window at the state layer; the Window interface is the same
//! concept one layer up, `html/window.rs`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use boa_engine::property::PropertyDescriptor;
use boa_engine::realm::Realm;
use boa_engine::{Finalize, JsData, JsObject, Trace};
use postern_dom::{BrowsingContextId, Document, DocumentId, NodeId, Origin};
use postern_event_loop::DocumentKey;
use url::Url;

use crate::agent::AgentState;
use crate::agent::event_listener_list::{EventListeners, EventTargetKey};
use crate::agent::map_of_active_timers::ActiveTimers;
use crate::ids::{IdMap, WindowId};

/// A document's current document readiness (`document.readyState`).
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#current-document-readiness>
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum DocumentReadiness {
    /// The document is loading (its parser runs).
    Loading,
    /// The parser finished; subresources may still load.
    Interactive,
    /// The load is done. (The initial value: a document created to be navigated to is reset
    /// to "loading" before any script can observe it.)
    #[default]
    Complete,
}

impl DocumentReadiness {
    /// The value `document.readyState` returns.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentReadiness::Loading => "loading",
            DocumentReadiness::Interactive => "interactive",
            DocumentReadiness::Complete => "complete",
        }
    }
}

/// How far a window's document has got towards its `load` event.
#[derive(Debug, Default)]
pub(crate) struct LoadState {
    /// The document's current document readiness.
    pub ready_state: DocumentReadiness,
    /// The parser has finished (the document's "the end" ran).
    pub parsing_done: bool,
    /// The iframes whose content navigable's load still delays this document's load event.
    pub pending_iframes: std::collections::HashSet<NodeId>,
    /// The `load` event has been queued or fired.
    pub load_queued: bool,
    /// The document's page showing flag (set once `pageshow` fired, cleared by `pagehide`).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#page-showing>
    pub page_showing: bool,
    /// The document was unloaded (its `unload` event fired; it is no longer salvageable):
    /// it is never unloaded twice.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#concept-document-salvageable>
    pub unloaded: bool,
    /// The sources of the `defer` scripts, in order: the list of scripts that will execute
    /// when the document has finished parsing.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/scripting.html#list-of-scripts-that-will-execute-when-the-document-has-finished-parsing>
    pub deferred_scripts: Vec<String>,
    /// The document is the initial about:blank document of its browsing context.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/dom.html#is-initial-about:blank>
    pub is_initial_about_blank: bool,
}

/// Engine-side state of one Window.
pub(crate) struct Window {
    /// The browsing context whose active window it is (or was).
    pub browsing_context: BrowsingContextId,
    /// Its associated Document's id.
    pub document_id: DocumentId,
    /// Its associated Document.
    pub document: Rc<RefCell<Document>>,
    /// Its realm.
    pub realm: Realm,
    /// Its global object.
    pub global: JsObject,
    /// Event listeners of the window and of its document's nodes.
    pub listeners: EventListeners,
    /// The map of setTimeout and setInterval IDs.
    pub timers: ActiveTimers,
    /// Its time origin, on the user agent's clock (when the window was created).
    ///
    /// Spec: <https://w3c.github.io/hr-time/#dfn-get-time-origin-timestamp>
    pub time_origin: std::time::Duration,
    /// The entries of the [[CrossOriginPropertyDescriptorMap]]s whose current settings object
    /// is this Window's: (the object's relevant global, the property) → the descriptor whose
    /// functions were created in this realm.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossorigingetownpropertyhelper-(-o,-p-)>
    pub cross_origin_descriptors: HashMap<(CrossOriginObjectKey, &'static str), PropertyDescriptor>,
    /// Wrapper objects of the document's nodes.
    pub wrappers: IdMap<NodeId, JsObject>,
    /// The window's event targets that are neither the window nor a node (its MessagePorts),
    /// by key: what an event dispatched at one of them has as its target.
    pub event_targets: IdMap<EventTargetKey, JsObject>,
    /// Progress towards the load event.
    pub load: LoadState,
    /// The elements whose click in progress flag is set (`click()` is running for them).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/interaction.html#click-in-progress-flag>
    pub click_in_progress: HashSet<NodeId>,
    /// The forms whose firing submission events is true (their `submit` event is being
    /// fired).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/forms.html#firing-submission-events>
    pub firing_submission_events: HashSet<NodeId>,
    /// The serialization of its document's origin, made when first needed (see
    /// [`Window::origin_serialization`]).
    pub origin_serialization: OnceCell<Arc<str>>,
}

impl Window {
    /// The ASCII serialization of the document's origin, one string shared by everything
    /// that keeps it (each message the window posts).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>
    ///
    /// (It never changes: a Window keeps its Document, and `document.domain`, the one
    /// change made to a document's origin, changes its domain, which the serialization
    /// leaves out.)
    pub fn origin_serialization(&self) -> Arc<str> {
        self.origin_serialization
            .get_or_init(|| Arc::from(self.document.borrow().origin().ascii_serialization()))
            .clone()
    }

    /// The document's origin.
    pub fn origin(&self) -> Origin {
        self.document.borrow().origin().clone()
    }

    /// The document's URL.
    pub fn url(&self) -> Url {
        self.document.borrow().url().clone()
    }

    /// The label console lines carry: the origin, or the URL when the origin is opaque.
    pub fn console_label(&self) -> String {
        let document = self.document.borrow();
        if document.origin().is_opaque() {
            document.url().to_string()
        } else {
            document.origin().ascii_serialization()
        }
    }
}

/// A document's type: "html" or "xml".
///
/// Spec: <https://dom.spec.whatwg.org/#concept-document-type>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DocumentType {
    /// An HTML document (its wrapper is an HTMLDocument).
    Html,
    /// An XML document (`new Document()`, `createDocument()`).
    Xml,
}

/// A Document without a browsing context (made by `new Document()`, `DOMImplementation` or
/// `DOMParser`): its tree, the realm its wrappers live in (the realm of the script that made
/// it), its wrappers, its type and its content type. The agent keeps it under a `WindowId`
/// that no Window has, the key its nodes' wrappers carry (`NodeRef::window`), so the DOM
/// bindings reach it as they reach a window's document; its `defaultView` is null and its
/// scripts never run.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-document>
pub(crate) struct DocumentWithoutBrowsingContext {
    /// The document.
    pub document: Rc<RefCell<Document>>,
    /// The realm its wrappers are created in.
    pub realm: Realm,
    /// Wrapper objects of its nodes.
    pub wrappers: IdMap<NodeId, JsObject>,
    /// Its type.
    pub type_: DocumentType,
    /// Its content type.
    pub content_type: &'static str,
    /// The interface of its wrapper: `Document` (`new Document()`), `XMLDocument`
    /// (`createDocument()`) or `HTMLDocument`.
    pub interface: &'static str,
}

/// The most documents without a browsing context an agent keeps.
///
/// Deviation: such documents are kept for the agent's lifetime (their wrappers are not
/// collected with them), so their number is bounded: past it, creating one throws a
/// "NotSupportedError" DOMException.
pub(crate) const MAX_DOCUMENTS_WITHOUT_BROWSING_CONTEXT: usize = 4096;

/// A cross-origin object as the cross-origin property descriptor map knows it: its kind and
/// its relevant global.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CrossOriginObjectKey {
    /// The Window (reached through its WindowProxy).
    Window(WindowId),
    /// The Window's Location object.
    Location(WindowId),
}

/// The agent's WindowProxy objects, one per browsing context, and the Location objects that
/// stand for the Locations of Windows living in other agents; kept in the context's data.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-windowproxy-exotic-object>
#[derive(Default, Trace, Finalize, JsData)]
pub(crate) struct WindowProxyCache {
    /// The WindowProxy of each browsing context this agent has reached.
    #[unsafe_ignore_trace]
    pub proxies: RefCell<IdMap<BrowsingContextId, JsObject>>,
    /// Each of those WindowProxies' targets (which remember the [[Window]] it last forwarded
    /// to).
    #[unsafe_ignore_trace]
    pub targets: RefCell<IdMap<BrowsingContextId, JsObject>>,
    /// The Location objects of Windows of other agents, by Window.
    #[unsafe_ignore_trace]
    pub remote_locations: RefCell<IdMap<WindowId, JsObject>>,
}

/// The key under which the event loop knows a window's document.
pub(crate) fn document_key(document: DocumentId) -> DocumentKey {
    DocumentKey(document.0)
}

/// Whether the document behind `key` is fully active: the active document of its browsing
/// context, whose container document (if any) is fully active in turn.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#fully-active>
pub(crate) fn is_fully_active(state: &AgentState, key: DocumentKey) -> bool {
    let mut document = DocumentId(key.0);
    // Bounded by the depth of the tree; the bound guards against a malformed tree.
    for _ in 0..1024 {
        let Some(entry) = state.ua.window_of_document(document) else {
            return false;
        };
        let Some((active, container)) = state.ua.with_tree(|tree| {
            tree.get(entry.browsing_context)
                .map(|bc| (bc.active_document, bc.container))
        }) else {
            return false;
        };
        if active != Some(document) {
            return false;
        }
        match container {
            None => return true,
            Some((container_document, _)) => document = container_document,
        }
    }
    false
}
