//! Following hyperlinks: the activation behaviour of `a` and `area` elements, "follow the
//! hyperlink" with the element's target (its `target` attribute or the document's `<base
//! target>`) and link types (`noopener`, `noreferrer`, `opener`), through the rules for
//! choosing a navigable (which create a new top-level traversable for `_blank` or a new
//! name, as `window.open()` does).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/links.html#following-hyperlinks-2>

use std::rc::Rc;

use boa_engine::{Context, JsResult, JsValue};
use postern_dom::{
    BrowsingContextId, ChosenNavigable, Document, NavigableChoiceContext, SandboxingFlag,
    the_rules_for_choosing_a_navigable,
};
use url::Url;

use crate::agent::AgentState;
use crate::agent::window::{document_key, is_fully_active};
use crate::dom::wrappers::NodeRef;
use crate::embedder::console_sink::ConsoleLevel;
use crate::html::navigation::navigate;
use crate::html::scripting::script::emit_console;
use crate::html::traversable::{
    create_the_chosen_top_level_traversable, origins_of_active_documents, same_origin_in,
};
use crate::ids::{NodeId, WindowId};
use crate::webidl::conversions::type_error;

/// Whether `element` of `document` is an `a` or `area` element (an element with the
/// hyperlink activation behaviour).
pub(crate) fn is_hyperlink_element(document: &Document, element: NodeId) -> bool {
    document.is_html_element(element, "a") || document.is_html_element(element, "area")
}

/// The activation behaviour of an `a` or `area` element, given the `click` event that
/// activated it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#links-created-by-a-and-area-elements>
pub(crate) fn activation_behavior_of_a_and_area(
    state: &Rc<AgentState>,
    context: &mut Context,
    element: NodeRef,
    _event: &JsValue,
) -> JsResult<()> {
    // 1. If element has no href attribute, then return.
    let has_href = state
        .windows
        .borrow()
        .get(&element.window)
        .is_some_and(|w| {
            w.document
                .borrow()
                .get_attribute(element.node, "href")
                .is_some()
        });
    if !has_href {
        return Ok(());
    }
    // 2. Let hyperlinkSuffix be null.
    // 3. If element is an a element, and event's target is an img with an ismap attribute
    //    specified, then: (the coordinates of the click).
    // TODO(spec): step 3 — there is no img ismap (no layout, no coordinates).
    let hyperlink_suffix = None;
    // 4. Let userInvolvement be event's user navigation involvement.
    // 5.-6. If the user has indicated a preference to download the hyperlink, or element
    //       has a download attribute, then download the hyperlink.
    // TODO(spec): steps 4-6 — no user navigation involvement and no downloads: a link
    // with a download attribute is followed.
    // 7. Otherwise, follow the hyperlink created by element with hyperlinkSuffix set to
    //    hyperlinkSuffix and userInvolvement set to userInvolvement.
    follow_the_hyperlink(state, context, element, hyperlink_suffix)
}

/// Whether `element` cannot navigate: its node document is not fully active, or it is not
/// an `a` element and not connected.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#cannot-navigate>
pub(crate) fn cannot_navigate(state: &AgentState, element: NodeRef) -> bool {
    let windows = state.windows.borrow();
    let Some(w) = windows.get(&element.window) else {
        return true;
    };
    if !is_fully_active(state, document_key(w.document_id)) {
        return true;
    }
    let document = w.document.borrow();
    !document.is_html_element(element.node, "a") && !document.is_connected(element.node)
}

/// Get an element's target: its `target` attribute, else the first `<base target>` of its
/// node document, else the empty string.
///
/// Spec: <https://html.spec.whatwg.org/multipage/semantics.html#get-an-element's-target>
pub(crate) fn get_an_elements_target(document: &Document, element: NodeId) -> String {
    // 1. If target is null: 1.1. If element has a target attribute, then set target to its
    //    value. 1.2. Otherwise, if element's node document contains a base element with a
    //    target attribute, set target to the value of the target attribute of the first such
    //    base element.
    let target = document
        .get_attribute(element, "target")
        .map(str::to_owned)
        .or_else(|| {
            document
                .get_elements_by_tag_name("base")
                .into_iter()
                .find_map(|base| document.get_attribute(base, "target").map(str::to_owned))
        });
    // 2. If target is not null, and contains an ASCII tab or newline and a U+003C (<), then
    //    set target to "_blank".
    // 3. Return target. (The empty string for null.)
    match target {
        Some(t) if t.contains(['\t', '\n', '\r']) && t.contains('<') => "_blank".to_owned(),
        Some(t) => t,
        None => String::new(),
    }
}

/// Whether the space-separated link types `rel` include `keyword` (ASCII
/// case-insensitively).
fn link_types_include(rel: &str, keyword: &str) -> bool {
    rel.split_ascii_whitespace()
        .any(|token| token.eq_ignore_ascii_case(keyword))
}

/// Get an element's noopener, given its link types (`rel`), the URL it follows and its
/// target.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#get-an-element's-noopener>
pub(crate) fn get_an_elements_noopener(rel: &str, _url: &Url, target: &str) -> bool {
    // 1. If element's link types include the noopener or noreferrer keyword, then return
    //    true.
    if link_types_include(rel, "noopener") || link_types_include(rel, "noreferrer") {
        return true;
    }
    // 2. If element's link types do not include the opener keyword and target is an ASCII
    //    case-insensitive match for "_blank", then return true.
    if !link_types_include(rel, "opener") && target.eq_ignore_ascii_case("_blank") {
        return true;
    }
    // 3. If url's blob URL entry is not null: (an opaque-origin blob URL entry).
    // TODO(spec): step 3 — there are no blob URL entries.
    // 4. Return false.
    false
}

/// The navigable that following a link (or submitting a form) to `url` from `source_window`
/// targets:
/// the rules for choosing a navigable given `target`, the source document's node navigable
/// and `noopener`, creating the new top-level traversable they ask for (then `true`: it
/// is new). `None` when none is chosen (a blocked popup).
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#the-rules-for-choosing-a-navigable>
pub(crate) fn choose_a_navigable(
    state: &Rc<AgentState>,
    context: &mut Context,
    source_window: WindowId,
    target: &str,
    noopener: bool,
    url: &Url,
) -> JsResult<Option<(BrowsingContextId, bool)>> {
    let Some((source_bc, source_origin, source_flags)) =
        state.windows.borrow().get(&source_window).map(|w| {
            (
                w.browsing_context,
                w.origin(),
                w.document.borrow().active_sandboxing_flag_set(),
            )
        })
    else {
        return Ok(None);
    };
    let origins = origins_of_active_documents(state);
    let same_origin = |a, b| same_origin_in(&origins, a, b);
    let choice = state.ua.with_tree(|tree| {
        the_rules_for_choosing_a_navigable(
            tree,
            target,
            source_bc,
            noopener,
            &NavigableChoiceContext {
                sandboxing_flags: source_flags,
                ..NavigableChoiceContext::new(&same_origin)
            },
        )
    });
    match choice.unwrap_or(ChosenNavigable::None) {
        ChosenNavigable::None => {
            // (The rules: "the user agent may report to a developer console that a popup
            // has been blocked".)
            if source_flags.contains(SandboxingFlag::AuxiliaryNavigation) {
                emit_console(
                    state,
                    source_window,
                    ConsoleLevel::Error,
                    format!(
                        "Blocked opening '{url}' in a new window because the request was made in a sandboxed frame whose 'allow-popups' permission is not set."
                    ),
                );
            }
            Ok(None)
        }
        ChosenNavigable::Existing(existing) => Ok(Some((existing, false))),
        ChosenNavigable::CreateNew(new_traversable) => {
            let created = create_the_chosen_top_level_traversable(
                state,
                context,
                (source_bc, &source_origin),
                new_traversable,
            )
            .map_err(|error| type_error(error.to_string()))?;
            Ok(Some((created, true)))
        }
    }
}

/// Follow the hyperlink created by `subject` (an `a` or `area` element).
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#following-hyperlinks-2>
pub(crate) fn follow_the_hyperlink(
    state: &Rc<AgentState>,
    context: &mut Context,
    subject: NodeRef,
    hyperlink_suffix: Option<String>,
) -> JsResult<()> {
    // 1. If subject cannot navigate, then return.
    if cannot_navigate(state, subject) {
        return Ok(());
    }
    let Some((target_attribute_value, href, rel, base, source_origin, source_document)) =
        state.windows.borrow().get(&subject.window).map(|w| {
            let document = w.document.borrow();
            // 2. Let targetAttributeValue be the empty string.
            // 3. If subject is an a or area element, then set targetAttributeValue to the
            //    result of getting an element's target given subject.
            let target = if is_hyperlink_element(&document, subject.node) {
                get_an_elements_target(&document, subject.node)
            } else {
                String::new()
            };
            let attribute = |name| {
                document
                    .get_attribute(subject.node, name)
                    .unwrap_or_default()
                    .to_owned()
            };
            (
                target,
                attribute("href"),
                attribute("rel"),
                document.url().clone(),
                w.origin(),
                w.document_id,
            )
        })
    else {
        return Ok(());
    };
    // 4. Let urlRecord be the result of encoding-parsing a URL given subject's href
    //    attribute value, relative to subject's node document.
    // TODO(spec): the document's base URL (a <base href>); the document's URL stands in.
    // 5. If urlRecord is failure, then return.
    let Ok(url_record) = base.join(&href) else {
        return Ok(());
    };
    // 6. Let noopener be the result of getting an element's noopener with subject,
    //    urlRecord, and targetAttributeValue.
    let noopener = get_an_elements_noopener(&rel, &url_record, &target_attribute_value);
    // 7. Let targetNavigable be the first return value of applying the rules for choosing
    //    a navigable given targetAttributeValue, subject's node navigable, and noopener.
    // 8. If targetNavigable is null, then return.
    let Some((target_navigable, is_new)) = choose_a_navigable(
        state,
        context,
        subject.window,
        &target_attribute_value,
        noopener,
        &url_record,
    )?
    else {
        return Ok(());
    };
    // 9. Let urlString be the result of applying the URL serializer to urlRecord.
    // 10. If hyperlinkSuffix is non-null, then append it to urlString.
    let url = match hyperlink_suffix {
        Some(suffix) => Url::parse(&format!("{url_record}{suffix}")).unwrap_or(url_record),
        None => url_record,
    };
    // 11. Let referrerPolicy be the current state of subject's referrerpolicy content
    //     attribute.
    // 12. If subject's link types includes the noreferrer keyword, then set referrerPolicy
    //     to "no-referrer".
    // TODO(spec): steps 11-12 — the loader sends no referrer.
    // 13. Navigate targetNavigable to urlString using subject's node document, with
    //     referrerPolicy set to referrerPolicy and userInvolvement set to userInvolvement.
    // (exceptionsEnabled is false: a navigation sandboxing forbids is reported to the
    // console by navigate and dropped.) A new popup is always the source's to navigate.
    let source = (!is_new).then_some(source_document);
    let _blocked = navigate(state, target_navigable, url, source_origin, source).is_err();
    Ok(())
}
