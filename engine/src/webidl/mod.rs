//! Web IDL: interface objects and their members, conversions between JS values and IDL
//! types, and `DOMException`.
//!
//! Spec: <https://webidl.spec.whatwg.org/>

pub(crate) mod brand;
pub(crate) mod conversions;
pub(crate) mod declaration;
pub(crate) mod dom_exception;
pub(crate) mod interface;
pub(crate) mod legacy_platform_object;
