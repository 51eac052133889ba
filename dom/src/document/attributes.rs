//! Element attributes: `getAttribute`, `setAttribute`, `removeAttribute`.
//!
//! Spec: <https://dom.spec.whatwg.org/#concept-element-attribute>
//!
//! Attributes are stored as (qualified name, value) pairs; there are no `Attr` nodes.

use super::{Document, DomError, HTML_NAMESPACE, NodeData};
use crate::ids::NodeId;

/// Whether a string is a valid attribute local name (otherwise `setAttribute` throws
/// `InvalidCharacterError`).
///
/// Spec: <https://dom.spec.whatwg.org/#valid-attribute-local-name>
pub fn is_valid_attribute_local_name(name: &str) -> bool {
    // A string is a valid attribute local name if its length is at least 1 and it does
    // not contain ASCII whitespace, U+0000 NULL, U+002F (/), U+003D (=), or U+003E (>).
    !name.is_empty()
        && !name
            .chars()
            .any(|c| c.is_ascii_whitespace() || matches!(c, '\0' | '/' | '=' | '>'))
}

impl Document {
    /// The element's attribute list, in order (`None` if the node is not an element).
    pub fn attributes(&self, element: NodeId) -> Option<&[(String, String)]> {
        match self.data(element)? {
            NodeData::Element { attributes, .. } => Some(attributes),
            _ => None,
        }
    }

    /// The DOM's `getAttribute(qualifiedName)`: the value of the element's first attribute
    /// with that qualified name (`None` if there is none, or the node is not an element).
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-element-getattribute>
    pub fn get_attribute(&self, element: NodeId, qualified_name: &str) -> Option<&str> {
        // 1. Let attr be the result of getting an attribute given qualifiedName and this.
        let position = self.get_an_attribute_by_name(element, qualified_name)?;
        // 2. If attr is null, return null.
        // 3. Return attr's value.
        let attributes = self.attributes(element)?;
        attributes.get(position).map(|(_, value)| value.as_str())
    }

    /// The DOM's "get an attribute by name": the index of the attribute in the element's
    /// attribute list.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#concept-element-attributes-get-by-name>
    fn get_an_attribute_by_name(&self, element: NodeId, qualified_name: &str) -> Option<usize> {
        let NodeData::Element {
            namespace,
            attributes,
            ..
        } = self.data(element)?
        else {
            return None;
        };
        // 1. If element is in the HTML namespace and its node document is an HTML
        //    document, then set qualifiedName to qualifiedName in ASCII lowercase.
        let name = if namespace == HTML_NAMESPACE {
            qualified_name.to_ascii_lowercase()
        } else {
            qualified_name.to_owned()
        };
        // 2. Return the first attribute in element's attribute list whose qualified name
        //    is qualifiedName; otherwise null.
        attributes.iter().position(|(n, _)| *n == name)
    }

    /// The DOM's `setAttribute(qualifiedName, value)`.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-element-setattribute>
    pub fn set_attribute(
        &mut self,
        element: NodeId,
        qualified_name: &str,
        value: &str,
    ) -> Result<(), DomError> {
        // 1. If qualifiedName is not a valid attribute local name, then throw an
        //    "InvalidCharacterError" DOMException.
        if !is_valid_attribute_local_name(qualified_name) {
            return Err(DomError::InvalidCharacterError(qualified_name.to_owned()));
        }
        let position = self.get_an_attribute_by_name(element, qualified_name);
        let node = self
            .node_mut(element)
            .ok_or(DomError::UnknownNode(element))?;
        let NodeData::Element {
            namespace,
            attributes,
            ..
        } = &mut node.data
        else {
            return Err(DomError::NotAnElement(element));
        };
        // 2. If this is in the HTML namespace and its node document is an HTML document,
        //    then set qualifiedName to qualifiedName in ASCII lowercase.
        let name = if namespace == HTML_NAMESPACE {
            qualified_name.to_ascii_lowercase()
        } else {
            qualified_name.to_owned()
        };
        // 3. Let attribute be the first attribute in this's attribute list whose qualified
        //    name is qualifiedName, and null otherwise.
        match position.and_then(|i| attributes.get_mut(i)) {
            // 4. If attribute is null, create an attribute whose local name is
            //    qualifiedName, value is value, and node document is this's node
            //    document, then append this attribute to this, and then return.
            None => attributes.push((name, value.to_owned())),
            // 5. Change attribute to value.
            Some((_, old)) => *old = value.to_owned(),
        }
        // TODO(spec): "change"/"append" an attribute also queue mutation records and run
        // attribute change steps (e.g. an iframe's src navigating); the engine does that.
        Ok(())
    }

    /// The DOM's `removeAttribute(qualifiedName)`; returns whether one was removed.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#dom-element-removeattribute>
    pub fn remove_attribute(&mut self, element: NodeId, qualified_name: &str) -> bool {
        // 1. Remove an attribute given qualifiedName and this.
        let Some(position) = self.get_an_attribute_by_name(element, qualified_name) else {
            return false;
        };
        let Some(NodeData::Element { attributes, .. }) =
            self.node_mut(element).map(|node| &mut node.data)
        else {
            return false;
        };
        if position >= attributes.len() {
            return false;
        }
        attributes.remove(position);
        // 2. Return undefined.
        true
    }

    /// Adds each attribute the element lacks (the parser's handling of a second `<html>`
    /// or `<body>` start tag).
    pub(crate) fn add_attributes_if_missing(
        &mut self,
        element: NodeId,
        new_attributes: Vec<(String, String)>,
    ) {
        let Some(NodeData::Element { attributes, .. }) =
            self.node_mut(element).map(|node| &mut node.data)
        else {
            return;
        };
        for (name, value) in new_attributes {
            if !attributes.iter().any(|(n, _)| *n == name) {
                attributes.push((name, value));
            }
        }
    }
}
