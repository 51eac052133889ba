//! Errors of DOM operations, named after the `DOMException`s the DOM standard throws.

use thiserror::Error;

use crate::ids::NodeId;

/// An error from a DOM operation on a [`Document`](crate::Document).
///
/// The first variants carry the `DOMException` name the DOM standard throws in that case
/// (see [`DomError::dom_exception_name`]); each carries a short static reason for logs.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DomError {
    /// The operation would yield an incorrect node tree.
    #[error("HierarchyRequestError: {0}")]
    HierarchyRequestError(&'static str),
    /// The object can not be found here (e.g. the child is not a child of that parent).
    #[error("NotFoundError: {0}")]
    NotFoundError(&'static str),
    /// A name is not valid (e.g. an attribute name containing `=`).
    #[error("InvalidCharacterError: {0:?} is not a valid name")]
    InvalidCharacterError(String),
    /// The id does not name a node of this document (a stale or foreign id).
    #[error("no node {0:?} in this document")]
    UnknownNode(NodeId),
    /// The operation needs an element, and the node is not one.
    #[error("node {0:?} is not an element")]
    NotAnElement(NodeId),
}

impl DomError {
    /// The name of the `DOMException` a binding should throw for this error.
    ///
    /// [`DomError::UnknownNode`] maps to `"NotFoundError"`; [`DomError::NotAnElement`]
    /// maps to `"InvalidNodeTypeError"` (a binding that type-checks its receiver throws a
    /// `TypeError` before ever reaching this).
    pub fn dom_exception_name(&self) -> &'static str {
        match self {
            DomError::HierarchyRequestError(_) => "HierarchyRequestError",
            DomError::NotFoundError(_) | DomError::UnknownNode(_) => "NotFoundError",
            DomError::InvalidCharacterError(_) => "InvalidCharacterError",
            DomError::NotAnElement(_) => "InvalidNodeTypeError",
        }
    }
}
