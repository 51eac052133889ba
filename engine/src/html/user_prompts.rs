//! User prompts: the simple dialogs (`alert()`, `confirm()`, `prompt()`) and printing
//! (`print()`), members of the Window.
//!
//! Postern is a headless user agent: no user sees a dialog or a printer. The spec lets a
//! user agent decline both (the optional last step of "cannot show simple dialogs", the
//! first of "the printing steps"), and that is what happens here, after the argument
//! conversions and checks a page can observe.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#user-prompts>

use boa_engine::{Context, JsResult, JsValue};

use crate::agent::realm_data::RealmData;
use crate::webidl::conversions::to_dom_string;
use crate::webidl::declaration::{InterfaceDeclaration, Operation};
use crate::webidl::interface::define_global_members;

/// `partial interface Window`'s user prompts: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#user-prompts>
pub(crate) const WINDOW_USER_PROMPT_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[
        // undefined alert(); undefined alert(DOMString message);
        Operation::new("alert", 0, alert),
        // boolean confirm(optional DOMString message = "");
        Operation::new("confirm", 0, confirm),
        // DOMString? prompt(optional DOMString message = "", optional DOMString default = "");
        Operation::new("prompt", 0, prompt),
        // undefined print();
        Operation::new("print", 0, print),
    ],
    static_operations: &[],
    mixins: &[],
};

/// Defines the user prompt members on `global`.
pub(crate) fn install(context: &mut Context, global: &boa_engine::JsObject) -> JsResult<()> {
    define_global_members(context, global, &WINDOW_USER_PROMPT_MEMBERS)
}

/// Whether we cannot show simple dialogs for a Window.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#cannot-show-simple-dialogs>
fn cannot_show_simple_dialogs() -> bool {
    // 1. If the active sandboxing flag set of window's associated Document has the sandboxed
    //    modals flag set, then return true.
    // 2. If window's relevant settings object's origin and its top-level origin are not same
    //    origin-domain, then return true.
    // 3. If window's relevant agent's event loop's termination nesting level is nonzero, then
    //    optionally return true.
    // 4. Optionally, return true. A headless user agent has no user to show a dialog to, so
    //    it returns true here for every window (and steps 1-3 cannot change the answer).
    true
}

/// `alert()` and `alert(message)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-alert>
fn alert(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    RealmData::window_of_this(this, context)?;
    // (Web IDL: the overload with a DOMString converts its argument first.)
    if let Some(message) = args.first() {
        to_dom_string(message, context)?;
    }
    // 1. If we cannot show simple dialogs for this, then return.
    if cannot_show_simple_dialogs() {
        return Ok(JsValue::undefined());
    }
    // 2-7. (Not reached: message, normalization, truncation, WebDriver BiDi and showing it.)
    Ok(JsValue::undefined())
}

/// `confirm(message)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-confirm>
fn confirm(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    RealmData::window_of_this(this, context)?;
    if let Some(message) = args.first().filter(|value| !value.is_undefined()) {
        to_dom_string(message, context)?;
    }
    // 1. If we cannot show simple dialogs for this, then return false.
    if cannot_show_simple_dialogs() {
        return Ok(false.into());
    }
    // 2-8. (Not reached: the user's answer.)
    Ok(false.into())
}

/// `prompt(message, default)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-prompt>
fn prompt(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    RealmData::window_of_this(this, context)?;
    for value in args.iter().take(2).filter(|value| !value.is_undefined()) {
        to_dom_string(value, context)?;
    }
    // 1. If we cannot show simple dialogs for this, then return null.
    if cannot_show_simple_dialogs() {
        return Ok(JsValue::null());
    }
    // 2-10. (Not reached: the user's response.)
    Ok(JsValue::null())
}

/// `print()`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-print>
fn print(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    RealmData::window_of_this(this, context)?;
    // 1. Let document be this's associated Document.
    // 2. If document is not fully active, then return.
    // 3. If document's unload counter is greater than 0, then return.
    // 4. If document is ready for post-load tasks, then run the printing steps for document.
    // 5. Otherwise, set document's print when loaded flag.
    // Whichever of 2-5 applies, the printing steps end at their first step:
    the_printing_steps();
    Ok(JsValue::undefined())
}

/// The printing steps.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#printing-steps>
fn the_printing_steps() {
    // 1. The user agent may display a message to the user or return (or both). A headless
    //    user agent has no printer and returns: no beforeprint or afterprint event fires.
}
