//! `postern-dom`: the engine-independent half of a browsing environment.
//!
//! - [`javascript_url`]: the script source of a `javascript:` URL.
//! - [`ordered_set`]: the ordered set parser and serializer of token lists.
//! - [`origin`]: origins, same-origin checks and their serialization
//!   (<https://html.spec.whatwg.org/multipage/browsers.html#origin>).
//! - [`document_domain`]: `document.domain`'s getter and setter as pure functions.
//! - [`document`]: an arena DOM ([`Document`], addressed by [`NodeId`]).
//! - [`parser`]: html5ever parsing into a [`Document`] incrementally, pausing at each
//!   script and reporting each inserted iframe ([`HtmlParser`]).
//! - [`loader`]: resource loading through [`ResourceLoader`]; [`VirtualHosts`] serves
//!   several origins from local directories, without a network.
//! - [`site`]: sites, registrable domains (through the public suffix list) and agent
//!   cluster keys (<https://html.spec.whatwg.org/multipage/browsers.html#sites>).
//! - [`browsing_context`]: the browsing-context tree ([`BrowsingContextTree`]), plain
//!   `Send + Sync` data.
//! - [`browsing_context_group`]: browsing context groups ([`BrowsingContextGroup`]):
//!   which top-level contexts share a group, and the agent cluster keys in each.
//! - [`choosing_a_navigable`]: target names and the rules for choosing a navigable.
//! - [`window_open`]: `window.open()`'s features argument and noopener/noreferrer.
//! - [`sandboxing`]: the sandboxing flag set, the iframe `sandbox` attribute's parsing,
//!   creation sandboxing flags, the origin of a new document, "allowed by sandboxing to
//!   navigate".
//! - [`window_state`]: `window.name`, `opener`, `closed` and `close()` over the tree.
//!
//! Nothing here runs script: the `postern` crate drives the parser, runs scripts, and
//! binds these types to JavaScript.
//!
//! ```
//! use std::{cell::RefCell, rc::Rc};
//! use postern_dom::{Document, HtmlParser, ParseEvent, origin_of_url};
//!
//! let url = url::Url::parse("http://a.test/").expect("valid URL");
//! let document = Rc::new(RefCell::new(Document::new(url.clone(), origin_of_url(&url))));
//! let mut parser = HtmlParser::new(Rc::clone(&document), "<iframe></iframe><script>go()</script><p>");
//! loop {
//!     match parser.next_event() {
//!         ParseEvent::IframeInserted(iframe) => { /* create its browsing context */ }
//!         ParseEvent::ScriptReady(script) => {
//!             let source = document.borrow().child_text(script);
//!             assert_eq!(source, "go()"); // run it, then continue
//!         }
//!         ParseEvent::Finished => break,
//!     }
//! }
//! assert_eq!(document.borrow().get_elements_by_tag_name("p").len(), 1);
//! ```

pub mod browsing_context;
pub mod browsing_context_group;
pub mod choosing_a_navigable;
pub mod document;
pub mod document_domain;
pub mod ids;
pub mod javascript_url;
pub mod loader;
pub mod ordered_set;
pub mod origin;
pub mod parser;
pub mod sandboxing;
pub mod secure_contexts;
pub mod site;
pub mod storage;
pub mod window_open;
pub mod window_state;

pub use browsing_context::{BrowsingContext, BrowsingContextTree, TreeError};
pub use browsing_context_group::{BrowsingContextGroup, CrossOriginIsolationMode};
pub use choosing_a_navigable::{
    ChosenNavigable, NavigableChoiceContext, NewTraversable, WindowType,
    find_a_navigable_by_target_name, is_familiar_with, is_valid_navigable_target_name,
    is_valid_navigable_target_name_or_keyword, the_rules_for_choosing_a_navigable,
};
pub use document::{Document, DocumentMode, DomError, HTML_NAMESPACE, Node, NodeData};
pub use document_domain::{
    DocumentDomainError, DocumentDomainSetterContext, document_domain_getter,
    document_domain_setter, is_a_registrable_domain_suffix_of_or_is_equal_to,
};
pub use ids::{BrowsingContextGroupId, BrowsingContextId, DocumentId, NodeId};
pub use loader::{LoadError, Resource, ResourceLoader, VirtualHosts};
pub use origin::{OpaqueOrigin, Origin, origin_of_url};
pub use parser::{HtmlParser, ParseEvent};
pub use sandboxing::{
    SandboxingFlag, SandboxingFlagSet, SourceSnapshotParams, determine_the_origin,
    parse_a_sandboxing_directive,
};
pub use secure_contexts::{is_origin_potentially_trustworthy, is_url_potentially_trustworthy};
pub use site::{
    AgentClusterKey, AgentClusterKeying, Site, agent_cluster_key, is_same_site,
    is_schemelessly_same_site, obtain_a_site, obtain_agent_cluster_key, public_suffix,
    registrable_domain,
};
pub use storage::{QuotaExceeded, StorageBottle, StorageKey, StorageShed};
pub use window_open::{
    TokenizedFeatures, WindowOpenRequest, check_if_a_popup_window_is_requested,
    check_if_a_window_feature_is_set, parse_a_boolean_feature, tokenize_the_features,
    window_open_returns_null, window_open_target_and_features,
};
pub use window_state::WindowCloseOutcome;
