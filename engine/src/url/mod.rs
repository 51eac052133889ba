//! The URL Standard's API: the `URL` interface (over the `url` crate's URL records and its
//! `quirks` module, which implements the standard's getters and setters) and
//! `URLSearchParams` (over `url::form_urlencoded`), live-linked with each other.
//!
//! Spec: <https://url.spec.whatwg.org/#api>

// One file per interface, named after it: the URL interface's is `url/url.rs`.
#[allow(clippy::module_inception)]
pub(crate) mod url;
pub(crate) mod url_search_params;
pub(crate) mod url_search_params_init;
pub(crate) mod url_search_params_iterator;

use boa_engine::property::PropertyDescriptor;
use boa_engine::{Context, JsObject, JsResult, JsValue, js_string};

use crate::url::url::URL;
use crate::url::url_search_params::install_url_search_params;
use crate::webidl::conversions::type_error;
use crate::webidl::interface::install_interface;

/// Installs `URL` (and its `[LegacyWindowAlias]`, `webkitURL`) and `URLSearchParams` (with
/// its iterator prototype) in the current realm.
///
/// Spec: <https://url.spec.whatwg.org/#url>, <https://webidl.spec.whatwg.org/#LegacyWindowAlias>
pub(crate) fn install_url_interfaces(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_url_search_params(context, global)?;
    let url = install_interface(context, global, &URL)?;
    // [LegacyWindowAlias=webkitURL]: a property of the Window global whose value is the
    // interface object; writable, not enumerable, configurable.
    global.define_property_or_throw(
        js_string!("webkitURL"),
        PropertyDescriptor::builder()
            .value(url.object.clone())
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(())
}

/// Web IDL's USVString conversion: `ToString`, then each lone surrogate becomes U+FFFD.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-USVString>
pub(crate) fn to_usv_string(value: &JsValue, context: &mut Context) -> JsResult<String> {
    // 1. Let string be the result of converting V to a DOMString.
    // 2. Return an IDL USVString value that is the result of converting string to a sequence
    //    of scalar values.
    Ok(value.to_string(context)?.to_std_string_lossy())
}

/// An optional USVString argument: `None` when it is missing or `undefined` (Web IDL treats
/// an `undefined` optional argument without a default as not given).
///
/// Spec: <https://webidl.spec.whatwg.org/#js-overloads> (step 11.3 of the overload
/// resolution algorithm)
pub(crate) fn optional_usv_string(
    value: &JsValue,
    context: &mut Context,
) -> JsResult<Option<String>> {
    if value.is_undefined() {
        return Ok(None);
    }
    to_usv_string(value, context).map(Some)
}

/// Throws the TypeError Web IDL's overload resolution throws when fewer than `required`
/// arguments are passed: `what` names the member (`Failed to execute 'append' on
/// 'URLSearchParams'`).
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-overload-resolution-algorithm> (step 3)
pub(crate) fn required_arguments(args: &[JsValue], required: usize, what: &str) -> JsResult<()> {
    if args.len() >= required {
        return Ok(());
    }
    let plural = if required == 1 { "" } else { "s" };
    Err(type_error(format!(
        "{what}: {required} argument{plural} required, but only {} present.",
        args.len()
    )))
}
