//! Form submission: submit buttons, the form owner, constructing the entry list, and the
//! form submission algorithm for `GET` (mutate action URL) into the navigable the form's
//! target chooses.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm>

use std::rc::Rc;

use boa_engine::{Context, JsResult, JsValue};
use postern_dom::{BrowsingContextId, Document, DocumentId, Origin, SandboxingFlag};
use url::{Url, form_urlencoded};

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::dom::event_target::dispatch;
use crate::dom::wrappers::{NodeRef, node_value};
use crate::html::links::{
    cannot_navigate, choose_a_navigable, get_an_elements_noopener, get_an_elements_target,
};
use crate::html::navigation::navigate;
use crate::html::submit_event::create_submit_event;
use crate::ids::NodeId;

/// Whether `node` is a submit button: a `button` whose type is Submit (a missing or invalid
/// `type`), or an `input` whose `type` is `submit` or `image`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/forms.html#concept-submit-button>
pub(crate) fn is_submit_button(document: &Document, node: NodeId) -> bool {
    let type_ = document.get_attribute(node, "type").unwrap_or_default();
    if document.is_html_element(node, "button") {
        return !type_.eq_ignore_ascii_case("reset") && !type_.eq_ignore_ascii_case("button");
    }
    document.is_html_element(node, "input")
        && (type_.eq_ignore_ascii_case("submit") || type_.eq_ignore_ascii_case("image"))
}

/// The form owner of a form-associated element: its nearest `form` ancestor.
///
/// Spec: <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-owner>
// TODO(spec): the `form` content attribute (an owner by id) and the parser's form element
// pointer.
pub(crate) fn form_owner(document: &Document, element: NodeId) -> Option<NodeId> {
    let mut current = document.parent(element);
    // Bounded by the number of nodes (a parent chain never repeats).
    for _ in 0..=document.node_count() {
        let node = current?;
        if document.is_html_element(node, "form") {
            return Some(node);
        }
        current = document.parent(node);
    }
    None
}

/// The activation behaviour of a submit button: if it has a form owner (and its document
/// is fully active), submit the form owner from the button.
///
/// Spec: <https://html.spec.whatwg.org/multipage/form-elements.html#the-button-element>
pub(crate) fn form_submission_activation_behavior(
    state: &Rc<AgentState>,
    context: &mut Context,
    element: NodeRef,
) -> JsResult<()> {
    // 1. If element is disabled, then return.
    // 2. If element's node document is not fully active, then return. (Form submission's
    //    "cannot navigate" checks it.)
    // 3. If element has a form owner then switch on element's type attribute's state:
    //    Submit Button: submit element's form owner from element.
    let owner = state.windows.borrow().get(&element.window).and_then(|w| {
        let document = w.document.borrow();
        if document.get_attribute(element.node, "disabled").is_some() {
            return None;
        }
        form_owner(&document, element.node)
    });
    match owner {
        Some(form) => form_submission_algorithm(
            state,
            context,
            NodeRef {
                window: element.window,
                node: form,
            },
            element.node,
            false,
        ),
        None => Ok(()),
    }
}

/// Constructing the entry list of `form` with `submitter`: the (name, value) pairs of its
/// submittable elements, in tree order.
///
/// Spec: <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#constructing-the-form-data-set>
// TODO(spec): select elements, file inputs, image buttons' coordinates, dirname and the
// constructing entry list flag (there is no FormData event).
pub(crate) fn constructing_the_entry_list(
    document: &Document,
    form: NodeId,
    submitter: NodeId,
) -> Vec<(String, String)> {
    let mut entry_list = Vec::new();
    // 4. Let controls be a list of all the submittable elements whose form owner is form,
    //    in tree order.
    let controls = document.descendants(form).filter(|&node| {
        ["button", "input", "textarea"]
            .iter()
            .any(|name| document.is_html_element(node, name))
            && form_owner(document, node) == Some(form)
    });
    // 5. For each element field in controls, in tree order:
    for field in controls {
        let attribute = |name| document.get_attribute(field, name);
        let type_ = attribute("type").unwrap_or_default().to_ascii_lowercase();
        let is_input = document.is_html_element(field, "input");
        let is_button = document.is_html_element(field, "button")
            || (is_input && matches!(type_.as_str(), "submit" | "image" | "reset" | "button"));
        // 5.1. If any of the following are true, then continue: the field has a datalist
        //      element ancestor; the field is disabled; the field is a button but it is not
        //      submitter; the field is an input element whose type attribute is in the
        //      Checkbox state or Radio state and whose checkedness is false.
        if attribute("disabled").is_some()
            || (is_button && field != submitter)
            || (is_input
                && matches!(type_.as_str(), "checkbox" | "radio")
                && attribute("checked").is_none())
        {
            continue;
        }
        // 5.3. If either the field element does not have a name attribute specified, or its
        //      name attribute's value is the empty string, then continue.
        // 5.4. Let name be the value of the field element's name attribute.
        let Some(name) = attribute("name").filter(|n| !n.is_empty()) else {
            continue;
        };
        // 5.7. Otherwise, if the field element is an input element whose type attribute is
        //      in the Checkbox state or the Radio state, then: let value be the field's
        //      value if it has a value attribute, or "on" otherwise.
        let value = if is_input && matches!(type_.as_str(), "checkbox" | "radio") {
            attribute("value").unwrap_or("on").to_owned()
        } else if document.is_html_element(field, "textarea") {
            // 5.10. textarea: its API value.
            document.child_text(field)
        } else {
            // 5.11. Otherwise, create an entry with name and the value of the field element.
            // Deviation: an input's value is its value content attribute (there is no dirty
            // value flag: the `value` IDL attribute reflects the content attribute).
            attribute("value").unwrap_or_default().to_owned()
        };
        // 5.8. (hidden `_charset_`: the encoding's name.)
        let value = if is_input && type_ == "hidden" && name.eq_ignore_ascii_case("_charset_") {
            "UTF-8".to_owned()
        } else {
            value
        };
        entry_list.push((name.to_owned(), value));
    }
    entry_list
}

/// Submit `form` from `submitter` (the form itself for `submit()`), as the form submission
/// algorithm says, for the `http`/`https` `GET` row (mutate action URL).
///
/// Spec: <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm>
pub(crate) fn form_submission_algorithm(
    state: &Rc<AgentState>,
    context: &mut Context,
    form: NodeRef,
    submitter: NodeId,
    submitted_from_submit_method: bool,
) -> JsResult<()> {
    // 1. If form cannot navigate, then return.
    // 2. If form's constructing entry list is true, then return. (No FormData event.)
    if cannot_navigate(state, form) {
        return Ok(());
    }
    // 3. Let form document be form's node document.
    // 4. If form document's active sandboxing flag set has its sandboxed forms browsing
    //    context flag set, then return.
    let sandboxed = state.windows.borrow().get(&form.window).is_none_or(|w| {
        w.document
            .borrow()
            .active_sandboxing_flag_set()
            .contains(SandboxingFlag::Forms)
    });
    if sandboxed {
        return Ok(());
    }
    // 5. If submitted from submit() method is false, then:
    if !submitted_from_submit_method {
        // 5.1. If form's firing submission events is true, then return.
        // 5.2. Set form's firing submission events to true.
        let set = state
            .windows
            .borrow_mut()
            .get_mut(&form.window)
            .is_some_and(|w| w.firing_submission_events.insert(form.node));
        if !set {
            return Ok(());
        }
        // 5.3.-5.4. (User validity and interactive validation: there are no constraints.)
        // 5.5. Let submitterButton be null if submitter is form. Otherwise, let
        //      submitterButton be submitter.
        // 5.6. Let shouldContinue be the result of firing an event named submit at form
        //      using SubmitEvent, with the submitter attribute initialized to
        //      submitterButton, and the cancelable attribute initialized to true.
        let submitter_button = if submitter == form.node {
            Ok(JsValue::null())
        } else {
            node_value(context, form.window, Some(submitter))
        };
        let should_continue = submitter_button
            .and_then(|button| create_submit_event(context, button))
            .and_then(|event| {
                dispatch(
                    state,
                    context,
                    form.window,
                    EventTargetKey::Node(form.node),
                    &event,
                )
            });
        // 5.7. Set form's firing submission events to false.
        if let Some(w) = state.windows.borrow_mut().get_mut(&form.window) {
            w.firing_submission_events.remove(&form.node);
        }
        // 5.8. If shouldContinue is false, then return.
        // 5.9. If form cannot navigate, then return.
        if !should_continue? || cannot_navigate(state, form) {
            return Ok(());
        }
    }
    let Some((entry_list, submitter_attrs, form_attrs, document_url, origin, document_id)) =
        state.windows.borrow().get(&form.window).map(|w| {
            let document = w.document.borrow();
            // 6. Let encoding be the result of picking an encoding for the form. (UTF-8.)
            // 7. Let entry list be the result of constructing the entry list with form,
            //    submitter, and encoding.
            let entry_list = constructing_the_entry_list(&document, form.node, submitter);
            let get = |node, name| document.get_attribute(node, name).map(str::to_owned);
            let submitter_attrs =
                (submitter != form.node && is_submit_button(&document, submitter)).then(|| {
                    (
                        get(submitter, "formaction"),
                        get(submitter, "formmethod"),
                        get(submitter, "formtarget"),
                    )
                });
            let target = |form_target: Option<String>| match form_target {
                Some(t) => t,
                // 20. Let target be the result of getting an element's target given
                //     submitter's form owner and formTarget.
                None => get_an_elements_target(&document, form.node),
            };
            let form_attrs = (
                get(form.node, "action"),
                get(form.node, "method"),
                target(submitter_attrs.clone().and_then(|s| s.2)),
                get(form.node, "rel").unwrap_or_default(),
            );
            (
                entry_list,
                submitter_attrs,
                form_attrs,
                document.url().clone(),
                w.origin(),
                w.document_id,
            )
        })
    else {
        return Ok(());
    };
    let (form_action, form_method, target, rel) = form_attrs;
    let (submitter_action, submitter_method) =
        submitter_attrs.map(|(a, m, _)| (a, m)).unwrap_or_default();
    // 9. If form cannot navigate, then return.
    // 10. Let method be the submitter element's method.
    let method = submitter_method
        .or(form_method)
        .unwrap_or_default()
        .to_ascii_lowercase();
    // 11. If method is dialog, then: (close the dialog).
    // TODO(spec): step 11 — there are no dialog elements.
    if method == "dialog" {
        return Ok(());
    }
    // 12. Let action be the submitter element's action.
    // 13. If action is the empty string, let action be the URL of the form document.
    // 14. Let parsed action be the result of encoding-parsing a URL given action, relative
    //     to submitter's node document.
    // 15. If parsed action is failure, then return.
    let action = submitter_action.or(form_action).unwrap_or_default();
    let parsed_action = if action.is_empty() {
        document_url
    } else {
        match document_url.join(&action) {
            Ok(url) => url,
            Err(_) => return Ok(()),
        }
    };
    // 16. Let scheme be the scheme of parsed action.
    // 17. Let enctype be the submitter element's enctype.
    // 18.-20. formTarget and target (read above).
    // 21. Let noopener be the result of getting an element's noopener with form, parsed
    //     action, and target.
    let noopener = get_an_elements_noopener(&rel, &parsed_action, &target);
    // 22. Let targetNavigable be the first return value of applying the rules for choosing
    //     a navigable given target, form's node navigable, and noopener.
    // 23. If targetNavigable is null, then return.
    let Some((target_navigable, is_new)) = choose_a_navigable(
        state,
        context,
        form.window,
        &target,
        noopener,
        &parsed_action,
    )?
    else {
        return Ok(());
    };
    // 24.-25. historyHandling. (There is no session history.)
    // 26. Select the appropriate row by scheme and method:
    let mut url = parsed_action;
    if method == "post" {
        // http/https POST: submit as entity body.
        // TODO(spec): POST — the loader has no request bodies; the form is not submitted.
        return Ok(());
    }
    // GET (and every other scheme's GET row but data:, mailto: and javascript:, which
    // are navigated to as they are): mutate action URL.
    if matches!(url.scheme(), "http" | "https" | "file" | "about" | "ftp") {
        mutate_action_url(&mut url, &entry_list);
    }
    // Plan to navigate to url.
    plan_to_navigate(state, (target_navigable, is_new), url, origin, document_id);
    Ok(())
}

/// Mutate action URL: the entry list, `application/x-www-form-urlencoded`-serialized, is
/// the action URL's query.
///
/// Spec: <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#submit-mutate-action>
fn mutate_action_url(parsed_action: &mut Url, entry_list: &[(String, String)]) {
    // 1. Let pairs be the result of converting to a list of name-value pairs with entry
    //    list.
    // 2. Let query be the result of running the application/x-www-form-urlencoded
    //    serializer with pairs and encoding.
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(entry_list)
        .finish();
    // 3. Set parsed action's query component to query.
    parsed_action.set_query(Some(&query));
    // 4. Plan to navigate to parsed action. (The caller.)
}

/// Plan to navigate: the navigation of the chosen navigable to `url` using the form's
/// document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#plan-to-navigate>
fn plan_to_navigate(
    state: &Rc<AgentState>,
    (target_navigable, is_new): (BrowsingContextId, bool),
    url: Url,
    origin: Origin,
    source_document: DocumentId,
) {
    // 1.-2. referrerPolicy (no-referrer for rel=noreferrer). (The loader sends none.)
    // 3. If the form has a non-null planned navigation, remove it from its task queue.
    // 4. Queue an element task on the DOM manipulation task source given the form element
    //    and the following steps: set the form's planned navigation to null; navigate
    //    targetNavigable to url using the form element's node document.
    // 5. Set the form's planned navigation to the just-queued task.
    // Deviation: navigate now (its fetch is already a task of its own), so a second
    // submission in the same task does not replace the first: both navigations run, the
    // later one's document wins.
    let source = (!is_new).then_some(source_document);
    let _blocked = navigate(state, target_navigable, url, origin, source).is_err();
}
