//! Members of the `WindowOrWorkerGlobalScope` mixin not defined elsewhere: `isSecureContext`
//! and the Base64 utility methods `btoa()` and `atob()`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#windoworworkerglobalscope-mixin>

use std::rc::Rc;

use base64::Engine;
use base64::alphabet;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use boa_engine::{Context, JsObject, JsResult, JsString, JsValue};
use postern_dom::{BrowsingContextId, is_url_potentially_trustworthy};
use url::Url;

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::webidl::conversions::{arg, required_arguments, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::define_global_members;

/// The members, as the Window includes them: what scripts see.
pub(crate) const WINDOW_OR_WORKER_GLOBAL_SCOPE_MEMBERS: InterfaceDeclaration =
    InterfaceDeclaration {
        name: "Window",
        inherits: None,
        constructor: None,
        constants: &[],
        // readonly attribute boolean isSecureContext;
        attributes: &[Attribute::readonly(
            "isSecureContext",
            get_is_secure_context,
        )],
        operations: &[
            // DOMString btoa(DOMString data);
            Operation::new("btoa", 1, btoa),
            // ByteString atob(DOMString data);
            Operation::new("atob", 1, atob),
        ],
        static_operations: &[],
        mixins: &[],
    };

/// Defines the members on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    define_global_members(context, global, &WINDOW_OR_WORKER_GLOBAL_SCOPE_MEMBERS)
}

/// Whether a Window created in `browsing_context` for a document at `url` is a secure
/// context.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#secure-context>
///
/// Deviation: the environment's own creation URL stands in for its top-level creation URL,
/// except that an `about:blank` or `about:srcdoc` document asks its parent's document (in
/// the same agent, as such documents are): a potentially trustworthy frame in a page that
/// is not is taken as a secure context.
pub(crate) fn is_secure_context(
    state: &Rc<AgentState>,
    browsing_context: BrowsingContextId,
    url: &Url,
) -> bool {
    let mut browsing_context = browsing_context;
    let mut url = url.clone();
    // Bounded by the depth of the tree; the bound guards against a malformed tree.
    for _ in 0..1024 {
        let inherits = url.scheme() == "about" && matches!(url.path(), "blank" | "srcdoc");
        let parent = state.ua.with_tree(|tree| tree.parent(browsing_context));
        let parent_url = parent.and_then(|parent| {
            let window = state.ua.active_window(parent)?;
            state.windows.borrow().get(&window).map(|w| w.url())
        });
        match (inherits, parent, parent_url) {
            (true, Some(parent), Some(parent_url)) => {
                browsing_context = parent;
                url = parent_url;
            }
            // 2. If the result of Is url potentially trustworthy? given environment's
            //    top-level creation URL is "Potentially Trustworthy", then return true.
            // 3. Return false.
            _ => return is_url_potentially_trustworthy(&url),
        }
    }
    false
}

/// `isSecureContext`: whether this's relevant settings object is a secure context.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#dom-issecurecontext>
fn get_is_secure_context(
    this: &JsValue,
    _: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let state = AgentState::of(context)?;
    let place = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.browsing_context, w.url()));
    let (browsing_context, url) = place.ok_or_else(|| type_error("the window is gone"))?;
    Ok(JsValue::new(is_secure_context(
        &state,
        browsing_context,
        &url,
    )))
}

/// `btoa(data)`: the forgiving-base64 encoding of data's code points as bytes.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#dom-btoa>
fn btoa(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    required_arguments(args, 1, "Failed to execute 'btoa' on 'Window'")?;
    let data = arg(args, 0).to_string(context)?;
    // 1. If data contains any code point greater than U+00FF, then throw an
    //    "InvalidCharacterError" DOMException.
    // 2. Let byteSequence be the isomorphic encoding of data.
    let mut bytes = Vec::with_capacity(data.len());
    for unit in data.iter() {
        let Ok(byte) = u8::try_from(unit) else {
            return Err(dom_exception::throw(
                context,
                "InvalidCharacterError",
                "The string to be encoded contains characters outside of the Latin1 range.",
            ));
        };
        bytes.push(byte);
    }
    // 3. Return the result of forgiving-base64 encode byteSequence.
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    Ok(JsString::from(encoded.as_str()).into())
}

/// `atob(data)`: the bytes of data's forgiving-base64 decoding, as code points.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#dom-atob>
fn atob(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    required_arguments(args, 1, "Failed to execute 'atob' on 'Window'")?;
    let data = to_dom_string(&arg(args, 0), context)?;
    // 1. Let decodedData be the result of running forgiving-base64 decode on data.
    // 2. If decodedData is failure, then throw an "InvalidCharacterError" DOMException.
    let Some(decoded) = forgiving_base64_decode(&data) else {
        return Err(dom_exception::throw(
            context,
            "InvalidCharacterError",
            "The string to be decoded is not correctly encoded.",
        ));
    };
    // 3. Return the isomorphic decoding of decodedData.
    let units: Vec<u16> = decoded.into_iter().map(u16::from).collect();
    Ok(JsString::from(units.as_slice()).into())
}

/// Forgiving-base64 decode (`None` is failure).
///
/// Spec: <https://infra.spec.whatwg.org/#forgiving-base64-decode>
fn forgiving_base64_decode(data: &str) -> Option<Vec<u8>> {
    // 1. Remove all ASCII whitespace from data.
    let mut data: String = data
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\u{c}' | '\r' | ' '))
        .collect();
    // 2. If data's code point length divides by 4 leaving no remainder, then: if data
    //    ends with one or two U+003D (=) code points, then remove them from data.
    if data.chars().count().is_multiple_of(4) {
        if data.ends_with("==") {
            data.truncate(data.len() - 2);
        } else if data.ends_with('=') {
            data.truncate(data.len() - 1);
        }
    }
    // 3. If data's code point length divides by 4 leaving a remainder of 1, return failure.
    if data.chars().count() % 4 == 1 {
        return None;
    }
    // 4. If data contains a code point that is not one of U+002B (+), U+002F (/), ASCII
    //    alphanumeric, then return failure.
    if !data
        .chars()
        .all(|c| c == '+' || c == '/' || c.is_ascii_alphanumeric())
    {
        return None;
    }
    // 5-9. Decode the 6-bit groups, big-endian, discarding the bits left over at the end
    //      (what a padding-free, trailing-bits-allowing base64 decoder does).
    let engine = GeneralPurpose::new(
        &alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_allow_trailing_bits(true)
            .with_decode_padding_mode(DecodePaddingMode::RequireNone),
    );
    engine.decode(data.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::forgiving_base64_decode;

    #[test]
    fn forgiving_base64_decode_follows_infra() {
        let decode = |s: &str| forgiving_base64_decode(s);
        assert_eq!(decode("YWJj"), Some(b"abc".to_vec()));
        assert_eq!(decode("YWI="), Some(b"ab".to_vec()));
        assert_eq!(decode("YWI"), Some(b"ab".to_vec()));
        assert_eq!(decode(" Y W\nI = "), Some(b"ab".to_vec()));
        assert_eq!(decode("YQ=="), Some(b"a".to_vec()));
        assert_eq!(
            decode("YR"),
            Some(b"a".to_vec()),
            "leftover bits are discarded"
        );
        assert_eq!(decode(""), Some(Vec::new()));
        assert_eq!(decode("Y"), None, "a remainder of 1");
        assert_eq!(
            decode("YQ="),
            None,
            "padding only when the length divides by 4"
        );
        assert_eq!(decode("YQ==="), None);
        assert_eq!(decode("Y-Q="), None, "not in the alphabet");
        assert_eq!(decode("YW=I"), None, "= inside");
    }
}
