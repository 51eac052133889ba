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
use boa_engine::{Context, JsObject, JsResult, js_string};

use crate::url::url::URL;
use crate::url::url_search_params::install_url_search_params;
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
