//! `__postern_test_results__(json)`: how a test page hands its results to the embedder (the
//! WPT runner's `testharnessreport.js` calls it). Defined only when the embedder asked for it.

use boa_engine::{Context, JsObject, JsResult, JsValue};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::webidl::conversions::{arg, to_dom_string};
use crate::webidl::declaration::{InterfaceDeclaration, Operation};
use crate::webidl::interface::define_global_members;

/// Postern's own Window member for test pages (no Web IDL of any standard): what scripts
/// see.
pub(crate) const WINDOW_TEST_RESULTS_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[],
    // undefined __postern_test_results__(DOMString json);
    operations: &[Operation::new(
        "__postern_test_results__",
        1,
        hand_over_test_results,
    )],
    static_operations: &[],
    mixins: &[],
};

/// `__postern_test_results__(json)`: hands `json` to the user agent's results hook, saying
/// whether it comes from a top-level window (`this`'s).
fn hand_over_test_results(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
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
}

/// Defines the hook on `global` if the user agent has a results hook.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    let state = AgentState::of(context)?;
    if state.ua.test_results.is_none() {
        return Ok(());
    }
    define_global_members(context, global, &WINDOW_TEST_RESULTS_MEMBERS)
}
