//! The `HTMLFormElement` interface: `submit()`, `requestSubmit()`, and the attributes a
//! submission reads (`action`, `method`, `target`, `name`, `rel`).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/forms.html#htmlformelement>

use boa_engine::{Context, JsResult, JsValue};

use crate::agent::AgentState;
use crate::dom::element::{
    content_attribute, reflected_string, set_content_attribute, this_element,
};
use crate::dom::wrappers::{NodeRef, nullable_node_arg, string_value, with_document};
use crate::html::form_submission::{form_owner, form_submission_algorithm, is_submit_button};
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;

/// `interface HTMLFormElement : HTMLElement`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/forms.html#htmlformelement>
// TODO(spec): acceptCharset, autocomplete, enctype, encoding, noValidate, relList,
// elements, length, the indexed and named getters, reset(), checkValidity(),
// reportValidity().
pub(crate) const HTML_FORM_ELEMENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "HTMLFormElement",
    inherits: Some("HTMLElement"),
    constructor: None,
    constants: &[],
    attributes: &[
        // [CEReactions] attribute USVString action;
        Attribute::read_write("action", get_action, set_action),
        // [CEReactions] attribute DOMString method;
        Attribute::read_write("method", get_method, set_method),
        reflected_string!("name"),
        reflected_string!("target"),
        reflected_string!("rel"),
    ],
    operations: &[
        Operation::new("submit", 0, submit),
        Operation::new("requestSubmit", 0, request_submit),
    ],
    static_operations: &[],
    mixins: &[],
};

/// `action`'s getter: the `action` content attribute as a URL, or the document's URL when
/// it is missing or empty.
///
/// Spec: <https://html.spec.whatwg.org/multipage/forms.html#dom-fs-action>
fn get_action(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let value = content_attribute(context, element, "action")?.unwrap_or_default();
    // The action IDL attribute must reflect the action content attribute, except that on
    // getting, when the content attribute is missing or its value is the empty string, the
    // element's node document's URL must be returned instead.
    let url = with_document(context, element.window, |d| {
        if value.is_empty() {
            Some(d.url().clone())
        } else {
            d.url().join(&value).ok()
        }
    })?;
    Ok(string_value(
        url.as_ref().map_or(value.as_str(), |u| u.as_str()),
    ))
}

fn set_action(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    reflect_set(this, args, context, "action")
}

/// A reflecting setter: the content attribute `name` becomes the given value.
fn reflect_set(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
    name: &str,
) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let value = to_dom_string(&arg(args, 0), context)?;
    set_content_attribute(context, element, name, &value)
}

/// `method`'s getter: the `method` content attribute, limited to only known values (`get`,
/// `post`, `dialog`), `get` when missing or invalid.
///
/// Spec: <https://html.spec.whatwg.org/multipage/forms.html#dom-fs-method>
fn get_method(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let value = content_attribute(context, element, "method")?
        .unwrap_or_default()
        .to_ascii_lowercase();
    Ok(string_value(match value.as_str() {
        "post" => "post",
        "dialog" => "dialog",
        _ => "get",
    }))
}

fn set_method(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    reflect_set(this, args, context, "method")
}

/// `submit()`: submit this form element from this form element, with submitted from
/// submit() method set to true.
///
/// Spec: <https://html.spec.whatwg.org/multipage/forms.html#dom-form-submit>
fn submit(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let form = this_form(this, context)?;
    let state = AgentState::of(context)?;
    form_submission_algorithm(&state, context, form, form.node, true)?;
    Ok(JsValue::undefined())
}

/// `requestSubmit(optional HTMLElement? submitter = null)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/forms.html#dom-form-requestsubmit>
fn request_submit(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let form = this_form(this, context)?;
    let state = AgentState::of(context)?;
    let submitter = match args.first() {
        None => None,
        Some(value) if value.is_undefined() => None,
        Some(value) => nullable_node_arg(value)?,
    };
    let submitter = match submitter {
        // 1. If submitter is not null, then:
        Some(submitter) => {
            let (is_submit, owner) = with_document(context, form.window, |d| {
                (
                    submitter.window == form.window && is_submit_button(d, submitter.node),
                    form_owner(d, submitter.node),
                )
            })?;
            // 1.1. If submitter is not a submit button, then throw a TypeError.
            if !is_submit {
                return Err(type_error(
                    "Failed to execute 'requestSubmit' on 'HTMLFormElement': The specified element is not a submit button.",
                ));
            }
            // 1.2. If submitter's form owner is not this form element, then throw a
            //      "NotFoundError" DOMException.
            if owner != Some(form.node) {
                return Err(dom_exception::throw(
                    context,
                    "NotFoundError",
                    "Failed to execute 'requestSubmit' on 'HTMLFormElement': The specified element is not owned by this form element.",
                ));
            }
            submitter.node
        }
        // 2. Otherwise, set submitter to this form element.
        None => form.node,
    };
    // 3. Submit this form element, from submitter.
    form_submission_algorithm(&state, context, form, submitter, false)?;
    Ok(JsValue::undefined())
}

/// The form element `this` stands for.
fn this_form(this: &JsValue, context: &Context) -> JsResult<NodeRef> {
    let element = this_element(this, context)?;
    if with_document(context, element.window, |d| {
        d.is_html_element(element.node, "form")
    })? {
        Ok(element)
    } else {
        Err(type_error(
            "Illegal invocation: 'this' is not an HTMLFormElement",
        ))
    }
}
