//! The File API: `Blob` and `File`, both serializable objects whose bytes are shared, not
//! copied, between the realms and agents they are cloned to.
//!
//! Spec: <https://w3c.github.io/FileAPI/>

pub(crate) mod blob;
pub(crate) mod blob_parts;
pub(crate) mod file;

use boa_engine::{Context, JsObject, JsResult};

use crate::webidl::interface::install_interface;

/// Installs both interfaces on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &blob::BLOB)?;
    install_interface(context, global, &file::FILE)?;
    Ok(())
}
