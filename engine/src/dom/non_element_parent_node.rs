//! The `NonElementParentNode` mixin.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-nonelementparentnode>

use boa_engine::{Context, JsResult, JsValue};

use crate::dom::document::this_document;
use crate::dom::wrappers::{node_value, with_document};
use crate::webidl::conversions::{arg, to_dom_string};
use crate::webidl::declaration::{Mixin, Operation};

/// `interface mixin NonElementParentNode`: what scripts see on each interface that includes
/// it.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-nonelementparentnode>
// Deviation: only Document includes it here (not DocumentFragment), and its steps take a
// document as `this`.
pub(crate) const NON_ELEMENT_PARENT_NODE: Mixin = Mixin {
    attributes: &[],
    operations: NON_ELEMENT_PARENT_NODE_OPERATIONS,
};

/// `NonElementParentNode`'s operations.
const NON_ELEMENT_PARENT_NODE_OPERATIONS: &[Operation] =
    &[Operation::new("getElementById", 1, get_element_by_id)];

/// `getElementById(elementId)`: the first element, in tree order, within this's descendants,
/// whose ID is elementId; otherwise null.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-nonelementparentnode-getelementbyid>
fn get_element_by_id(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let document = this_document(this, context)?;
    let id = to_dom_string(&arg(args, 0), context)?;
    let found = with_document(context, document.window, |d| d.get_element_by_id(&id))?;
    node_value(context, document.window, found)
}
