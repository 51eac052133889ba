//! The Fetch Standard: only a minimal `Response`, enough to read a Blob's bytes back.
//!
//! Spec: <https://fetch.spec.whatwg.org/>

pub(crate) mod response;

use boa_engine::{Context, JsObject, JsResult};

use crate::webidl::interface::install_interface;

/// Installs `Response` on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &response::RESPONSE)?;
    Ok(())
}
