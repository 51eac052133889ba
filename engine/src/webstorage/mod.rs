//! Web Storage (HTML's "Web storage" section): the `Storage` interface, the Window's
//! `localStorage` and `sessionStorage`, and the `storage` event.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webstorage.html>

pub(crate) mod storage;
pub(crate) mod storage_event;
