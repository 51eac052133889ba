//! `__postern_test_results__(json)`: how a test page hands its results to the embedder (the
//! WPT runner's `testharnessreport.js` calls it). Defined only when the embedder asked for it.

use boa_engine::{Context, JsObject, JsResult, JsValue, NativeFunction};

use crate::agent::AgentState;
use crate::ids::WindowId;
use crate::webidl::conversions::{arg, define_method, to_dom_string};

/// Defines the hook on `global` if the user agent has a results hook.
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    let state = AgentState::of(context)?;
    if state.ua.test_results.is_none() {
        return Ok(());
    }
    define_method(
        context,
        global,
        "__postern_test_results__",
        1,
        NativeFunction::from_copy_closure(move |_, args, context| {
            let json = to_dom_string(&arg(args, 0), context)?;
            let state = AgentState::of(context)?;
            let top_level = state.ua.window_entry(window).is_some_and(|e| {
                state
                    .ua
                    .with_tree(|t| t.parent(e.browsing_context).is_none())
            });
            if let Some(hook) = &state.ua.test_results {
                (hook.0)(top_level, &json);
            }
            Ok(JsValue::undefined())
        }),
    )
}
