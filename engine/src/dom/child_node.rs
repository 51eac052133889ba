//! The `ChildNode` mixin.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-childnode>

use boa_engine::{Context, JsResult, JsValue};

use crate::dom::element::this_element;
use crate::dom::node::run_removing_steps;
use crate::dom::wrappers::with_document_mut;
use crate::webidl::declaration::{Mixin, Operation};

/// `interface mixin ChildNode`: what scripts see on each interface that includes it.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-childnode>
// Deviation: only Element includes it here (not DocumentType or CharacterData), and its steps
// take an element as `this`.
// TODO(spec): before(), after() and replaceWith(), and the [Unscopable] members' @@unscopables
// entries.
pub(crate) const CHILD_NODE: Mixin = Mixin {
    attributes: &[],
    operations: CHILD_NODE_OPERATIONS,
};

/// `ChildNode`'s operations.
const CHILD_NODE_OPERATIONS: &[Operation] = &[Operation::new("remove", 0, remove)];

/// `remove()`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-childnode-remove>
fn remove(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1. If this's parent is null, then return.
    // 2. Remove this.
    let element = this_element(this, context)?;
    let removed = with_document_mut(context, element.window, |d| {
        let parent = d.parent(element.node)?;
        d.remove_child(parent, element.node).ok()
    })?;
    if let Some(removed) = removed {
        run_removing_steps(context, element.window, &[removed])?;
    }
    Ok(JsValue::undefined())
}
