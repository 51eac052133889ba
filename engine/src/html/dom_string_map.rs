//! The `DOMStringMap` interface (`element.dataset`): the element's `data-*` attributes as
//! named properties.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/dom.html#domstringmap>
//!
//! A DOMStringMap is a legacy platform object with a named getter, setter and deleter and
//! `[LegacyOverrideBuiltIns]`. As for `Storage`, what scripts hold is a boa Proxy over the
//! platform object, whose traps are Web IDL's internal methods of a legacy platform object
//! (`webidl/legacy_platform_object.rs`).

use std::collections::HashMap;

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace};

use crate::dom::element::{remove_content_attribute, set_content_attribute, this_element};
use crate::dom::wrappers::{NodeRef, with_document};
use crate::ids::NodeId;
use crate::webidl::declaration::InterfaceDeclaration;
use crate::webidl::dom_exception;
use crate::webidl::interface::{create_an_object_implementing, install_interface};
use crate::webidl::legacy_platform_object::{NamedProperties, named_properties_proxy};

/// `[LegacyOverrideBuiltIns] interface DOMStringMap`: what scripts see (no members: only
/// its named properties).
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#domstringmap>
pub(crate) const DOM_STRING_MAP: InterfaceDeclaration = InterfaceDeclaration {
    name: "DOMStringMap",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// The platform object's data: its associated element.
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct DomStringMapData {
    element: NodeRef,
}

/// The `dataset` of each element of one realm ([SameObject]), kept in its host-defined
/// slot.
#[derive(Trace, Finalize, JsData, Default)]
struct DatasetObjects {
    #[unsafe_ignore_trace]
    by_element: HashMap<NodeId, JsObject>,
}

/// Installs `DOMStringMap` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &DOM_STRING_MAP)?;
    context
        .realm()
        .host_defined_mut()
        .insert(DatasetObjects::default());
    Ok(())
}

/// `dataset`'s getter: the element's DOMStringMap (the same object every time).
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#dom-dataset>
pub(crate) fn get_dataset(
    this: &JsValue,
    _: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let realm = context.realm().clone();
    let cached = realm
        .host_defined()
        .get::<DatasetObjects>()
        .and_then(|objects| objects.by_element.get(&element.node).cloned());
    if let Some(proxy) = cached {
        return Ok(proxy.into());
    }
    // The dataset IDL attribute provides convenient accessors for all the data-* attributes
    // on an element: a DOMStringMap object associated with the element.
    let target =
        create_an_object_implementing(context, "DOMStringMap", None, DomStringMapData { element })?;
    let proxy = named_properties_proxy::<DomStringMapData>(context, target)?;
    if let Some(objects) = realm.host_defined_mut().get_mut::<DatasetObjects>() {
        objects.by_element.insert(element.node, proxy.clone());
    }
    Ok(proxy.into())
}

/// Getting the DOMStringMap's name-value pairs: each `data-*` attribute (whose name has no
/// ASCII upper alpha after `data-`), in the element's attribute list order, with the prefix
/// removed and each `-` followed by an ASCII lower alpha removed and that letter uppercased.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#concept-domstringmap-pairs>
fn name_value_pairs(context: &Context, element: NodeRef) -> JsResult<Vec<(String, String)>> {
    with_document(context, element.window, |d| {
        // 1. Let list be an empty list of name-value pairs.
        let mut list = Vec::new();
        // 2. For each content attribute on the DOMStringMap's associated element whose first
        //    five characters are the string "data-" and whose remaining characters (if any)
        //    do not include any ASCII upper alphas, in the order that those attributes are
        //    listed in the element's attribute list, add a name-value pair to list whose
        //    name is the attribute's name with the first five characters removed and whose
        //    value is the attribute's value.
        for (name, value) in d.attributes(element.node).unwrap_or_default() {
            if let Some(rest) = name.strip_prefix("data-")
                && !rest.chars().any(|c| c.is_ascii_uppercase())
            {
                list.push((camel_case(rest), value.clone()));
            }
        }
        // 3. For each name in list, for each U+002D HYPHEN-MINUS character (-) in the name
        //    that is followed by an ASCII lower alpha, remove the U+002D HYPHEN-MINUS
        //    character (-) and replace the character that followed it by the same character
        //    converted to ASCII uppercase. (Done by `camel_case`.)
        // 4. Return list.
        list
    })
}

/// Step 3 of getting the name-value pairs, for one name.
fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(next) if c == '-' && next.is_ascii_lowercase() => {
                out.push(next.to_ascii_uppercase());
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The attribute name of the property `name`: a `-` before each ASCII upper alpha, which is
/// lowercased, and `data-` in front (steps 2-3 of the setter, 1-2 of the deleter).
fn attribute_name(name: &str) -> String {
    let mut out = String::from("data-");
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The value of the named property `name`, if `name` is a supported property name.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#dom-domstringmap-nameditem>
fn named_value(context: &Context, element: NodeRef, name: &str) -> JsResult<Option<String>> {
    Ok(name_value_pairs(context, element)?
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v))
}

/// Setting the value of a new or existing named property.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#dom-domstringmap-setitem>
fn set_named_property(
    context: &mut Context,
    element: NodeRef,
    name: &str,
    value: &str,
) -> JsResult<()> {
    // 1. If name contains a U+002D HYPHEN-MINUS character (-) followed by an ASCII lower
    //    alpha, then throw a "SyntaxError" DOMException.
    let bytes = name.as_bytes();
    if bytes
        .windows(2)
        .any(|pair| pair[0] == b'-' && pair[1].is_ascii_lowercase())
    {
        return Err(dom_exception::throw(
            context,
            "SyntaxError",
            &format!(
                "Failed to set a named property '{name}' on 'DOMStringMap': '{name}' is not a valid property name."
            ),
        ));
    }
    // 2. For each ASCII upper alpha in name, insert a U+002D HYPHEN-MINUS character (-)
    //    before the character and replace the character with the same character converted
    //    to ASCII lowercase.
    // 3. Insert the string data- at the front of name.
    let attribute = attribute_name(name);
    // 4. If name is not a valid attribute local name, then throw an "InvalidCharacterError"
    //    DOMException.
    if !is_valid_attribute_local_name(&attribute) {
        return Err(dom_exception::throw(
            context,
            "InvalidCharacterError",
            &format!(
                "Failed to set a named property '{name}' on 'DOMStringMap': '{attribute}' is not a valid attribute name."
            ),
        ));
    }
    // 5. Set an attribute value for the DOMStringMap's associated element using name and
    //    value.
    set_content_attribute(context, element, &attribute, value)?;
    Ok(())
}

/// A valid attribute local name: not empty, and no ASCII whitespace, U+0000 NULL, U+002F
/// (/), U+003D (=) or U+003E (>).
///
/// Spec: <https://dom.spec.whatwg.org/#valid-attribute-local-name>
fn is_valid_attribute_local_name(name: &str) -> bool {
    !name.is_empty()
        && !name.chars().any(|c| {
            matches!(
                c,
                '\t' | '\n' | '\u{c}' | '\r' | ' ' | '\0' | '/' | '=' | '>'
            )
        })
}

/// Deleting an existing named property.
///
/// Spec: <https://html.spec.whatwg.org/multipage/dom.html#dom-domstringmap-removeitem>
fn delete_named_property(context: &mut Context, element: NodeRef, name: &str) -> JsResult<()> {
    // 1. For each ASCII upper alpha in name, insert a U+002D HYPHEN-MINUS character (-)
    //    before the character and replace the character with the same character converted
    //    to ASCII lowercase.
    // 2. Insert the string data- at the front of name.
    // 3. Remove an attribute by name given name and the DOMStringMap's associated element.
    remove_content_attribute(context, element, &attribute_name(name))?;
    Ok(())
}

/// DOMStringMap's named properties: its name-value pairs.
impl NamedProperties for DomStringMapData {
    const INTERFACE: &'static str = "DOMStringMap";
    const OVERRIDE_BUILTINS: bool = true;

    fn named_value(&self, context: &mut Context, name: &str) -> JsResult<Option<String>> {
        named_value(context, self.element, name)
    }

    /// The supported property names: the names of the name-value pairs, in order.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/dom.html#concept-domstringmap-pairs>
    fn supported_property_names(&self, context: &mut Context) -> JsResult<Vec<String>> {
        let pairs = name_value_pairs(context, self.element)?;
        Ok(pairs.into_iter().map(|(name, _)| name).collect())
    }

    fn set_named_property(&self, context: &mut Context, name: &str, value: &str) -> JsResult<()> {
        set_named_property(context, self.element, name, value)
    }

    fn delete_named_property(&self, context: &mut Context, name: &str) -> JsResult<()> {
        delete_named_property(context, self.element, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_convert_both_ways() {
        assert_eq!(camel_case("foo-bar"), "fooBar");
        assert_eq!(camel_case("foo--bar"), "foo-Bar");
        assert_eq!(camel_case("-foo"), "Foo");
        assert_eq!(camel_case("foo-1"), "foo-1");
        assert_eq!(attribute_name("fooBar"), "data-foo-bar");
        assert_eq!(attribute_name("Foo"), "data--foo");
        assert!(!is_valid_attribute_local_name("data-a b"));
        assert!(is_valid_attribute_local_name("data-é"));
    }
}
