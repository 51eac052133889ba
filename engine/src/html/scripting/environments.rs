//! Environments and settings objects: which window's realm is the incumbent, and what the
//! current settings object can do.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#environments>

use boa_engine::vm::ActiveRunnable;
use boa_engine::{Context, JsResult};

use crate::agent::realm_data::RealmData;
use crate::ids::WindowId;

/// The incumbent settings object's global: the window of the realm of the topmost script on
/// the stack (boa's active script), else the current realm's.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#incumbent-settings-object>
pub(crate) fn incumbent_window(context: &Context) -> JsResult<WindowId> {
    if let Some(active) = context.get_active_script_or_module() {
        let realm = match active {
            ActiveRunnable::Script(script) => script.realm().clone(),
            ActiveRunnable::Module(module) => module.realm().clone(),
        };
        if let Some(data) = realm.host_defined().get::<RealmData>() {
            return Ok(data.window);
        }
    }
    // Deviation: no backup incumbent settings object stack; the current realm stands in.
    RealmData::window_of_current_realm(context)
}

/// The cross-origin isolated capability of the current settings object: false, as no
/// document here is cross-origin isolated.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#concept-settings-object-cross-origin-isolated-capability>
///
/// TODO(spec): cross-origin isolation (COOP/COEP headers, the agent cluster's cross-origin
/// isolation mode) for the capability to be true.
pub(crate) fn cross_origin_isolated_capability() -> bool {
    false
}
