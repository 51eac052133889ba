//! The `DOMTokenList` interface: a live, ordered set of the tokens of one content attribute
//! of an element (`classList`, `relList`, `iframe.sandbox`).
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-domtokenlist>
//!
//! A DOMTokenList is a legacy platform object with an indexed property getter (`list[0]`).
//! boa 0.22 does not let an embedder give an object its own internal methods, so each
//! DOMTokenList that scripts see is a Proxy (see [`super::dom_token_list_object`]) whose target
//! is the platform object holding the token set; its traps give the indexed properties the
//! legacy platform object's internal methods.

use std::cell::RefCell;

use boa_engine::property::PropertyDescriptor;
use boa_engine::{
    Context, Finalize, JsData, JsError, JsObject, JsResult, JsString, JsSymbol, JsValue, Trace,
    js_string,
};
use postern_dom::ordered_set::{self, ordered_set_parser, ordered_set_serializer};
use postern_dom::sandboxing::SANDBOX_KEYWORDS;

use crate::agent::AgentState;
use crate::dom::dom_token_list_object::{self, TokenListObjects};
use crate::dom::element::{content_attribute, set_content_attribute, this_element};
use crate::dom::wrappers::{NodeRef, string_value};
use crate::webidl::brand::{Member, illegal_invocation, register_exotic_this_hook};
use crate::webidl::conversions::{arg, required_arguments, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::{Interface, create_an_object_implementing, install_interface};
use boa_engine::builtins::proxy::Proxy;

/// `interface DOMTokenList`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-domtokenlist>
pub(crate) const DOM_TOKEN_LIST: InterfaceDeclaration = InterfaceDeclaration {
    name: "DOMTokenList",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[
        Attribute::readonly("length", get_length),
        Attribute::read_write("value", get_value, set_value),
    ],
    operations: &[
        Operation::new("item", 1, item),
        Operation::new("contains", 1, contains),
        Operation::new("add", 0, add),
        Operation::new("remove", 0, remove),
        Operation::new("toggle", 1, toggle),
        Operation::new("replace", 2, replace),
        Operation::new("supports", 1, supports),
        // `stringifier`: toString() returns what the value attribute's getter returns.
        Operation::new("toString", 0, get_value),
    ],
    static_operations: &[],
    mixins: &[],
};

/// The supported tokens of `a`'s and `area`'s `relList`: the link types allowed on them that
/// impact the processing model and that Postern supports.
///
/// Spec: <https://html.spec.whatwg.org/multipage/links.html#dom-a-rellist>
pub(crate) const HYPERLINK_REL_SUPPORTED_TOKENS: &[&str] = &["noopener", "noreferrer", "opener"];

/// The supported tokens of `link`'s `relList`: the link types allowed on `link` that impact
/// the processing model and that the user agent supports. Postern fetches nothing for a
/// `link` element (no style sheets, preloads or icons), so none.
///
/// Spec: <https://html.spec.whatwg.org/multipage/semantics.html#dom-link-rellist>
pub(crate) const LINK_REL_SUPPORTED_TOKENS: &[&str] = &[];

/// The supported tokens of `iframe.sandbox`: the allowed values of the `sandbox` attribute.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#dom-iframe-sandbox>
pub(crate) const SANDBOX_SUPPORTED_TOKENS: &[&str] = &SANDBOX_KEYWORDS;

/// A DOMTokenList: its element, its attribute's local name, its supported tokens (`None`
/// when the attribute defines none, as `class`) and its token set.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct DomTokenList {
    /// The associated element.
    element: NodeRef,
    /// The associated attribute's local name (its namespace is null).
    #[unsafe_ignore_trace]
    local_name: &'static str,
    /// The supported tokens its attribute defines, if any.
    #[unsafe_ignore_trace]
    supported_tokens: Option<&'static [&'static str]>,
    /// The token set.
    #[unsafe_ignore_trace]
    token_set: RefCell<Vec<String>>,
}

impl DomTokenList {
    /// The token at `index` of the token set (the indexed property getter).
    pub(crate) fn token(&self, index: usize) -> Option<String> {
        self.token_set.borrow().get(index).cloned()
    }

    /// The token set's size.
    pub(crate) fn size(&self) -> usize {
        self.token_set.borrow().len()
    }
}

/// A DOMString-valued token list attribute of an element interface, for a declaration:
/// `[SameObject, PutForwards=value] readonly attribute DOMTokenList name;` whose list is of the
/// content attribute `local_name`, with the supported tokens given (none if omitted):
/// `token_list_attribute!("relList", "rel", HYPERLINK_REL_SUPPORTED_TOKENS)`.
macro_rules! token_list_attribute {
    ($name:literal, $local_name:literal) => {
        $crate::dom::dom_token_list::token_list_attribute!(@make $name, $local_name, None)
    };
    ($name:literal, $local_name:literal, $supported:ident) => {
        $crate::dom::dom_token_list::token_list_attribute!(
            @make
            $name,
            $local_name,
            Some($crate::dom::dom_token_list::$supported)
        )
    };
    (@make $name:literal, $local_name:literal, $supported:expr) => {
        $crate::webidl::declaration::Attribute::read_write(
            $name,
            {
                fn get(
                    this: &boa_engine::JsValue,
                    _: &[boa_engine::JsValue],
                    context: &mut boa_engine::Context,
                ) -> boa_engine::JsResult<boa_engine::JsValue> {
                    $crate::dom::dom_token_list::get_token_list(
                        this,
                        context,
                        $local_name,
                        $supported,
                    )
                }
                get
            },
            {
                fn set(
                    this: &boa_engine::JsValue,
                    args: &[boa_engine::JsValue],
                    context: &mut boa_engine::Context,
                ) -> boa_engine::JsResult<boa_engine::JsValue> {
                    $crate::dom::dom_token_list::put_forwards_value(this, args, context, $name)
                }
                set
            },
        )
    };
}
pub(crate) use token_list_attribute;

/// The `this` check's part for the Proxy scripts hold for a DOMTokenList: the Proxy, for
/// DOMTokenList's members (a TypeError for any other interface's).
fn token_list_this(
    object: &JsObject,
    member: &Member,
    context: &mut Context,
) -> JsResult<Option<JsValue>> {
    if !object.is::<Proxy>() {
        return Ok(None);
    }
    let value: JsValue = object.clone().into();
    if dom_token_list_object::target_of(&value, context)?.is_none() {
        return Ok(None);
    }
    if member.interface != Some("DOMTokenList") {
        return Err(illegal_invocation(member));
    }
    // (The members' steps find the platform object behind the Proxy themselves.)
    Ok(Some(value))
}

/// Installs `DOMTokenList` in the current realm, with its iterable members.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<Interface> {
    register_exotic_this_hook(token_list_this);
    let interface = install_interface(context, global, &DOM_TOKEN_LIST)?;
    define_value_iterator(context, &interface.prototype)?;
    let objects = TokenListObjects::capture(context)?;
    context.realm().host_defined_mut().insert(objects);
    Ok(interface)
}

/// `iterable<DOMString>` on an interface with an indexed property getter and an integer
/// `length`: a value iterator, whose `@@iterator`, `entries`, `keys`, `values` and `forEach`
/// are the realm's Array.prototype functions.
///
/// Spec: <https://webidl.spec.whatwg.org/#define-the-iteration-methods>
fn define_value_iterator(context: &mut Context, prototype: &JsObject) -> JsResult<()> {
    let array_prototype = context.intrinsics().constructors().array().prototype();
    // If the interface has a value iterator, entries, keys, values and forEach are
    // %Array.prototype.entries%, ...keys%, ...values% and ...forEach%: writable, enumerable,
    // configurable.
    for name in ["entries", "keys", "values", "forEach"] {
        let function = array_prototype.get(JsString::from(name), context)?;
        prototype.define_property_or_throw(
            JsString::from(name),
            PropertyDescriptor::builder()
                .value(function)
                .writable(true)
                .enumerable(true)
                .configurable(true),
            context,
        )?;
    }
    // If the interface defines an indexed property getter, @@iterator is
    // %Array.prototype.values%: writable, not enumerable, configurable.
    let values = context.intrinsics().objects().array_prototype_values();
    prototype.define_property_or_throw(
        JsSymbol::iterator(),
        PropertyDescriptor::builder()
            .value(values)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(())
}

/// The getter of a token list attribute (`classList`, `relList`, `sandbox`): the element's
/// DOMTokenList for the content attribute `local_name`, created the first time and the same
/// object after (`[SameObject]`).
///
/// Spec: <https://dom.spec.whatwg.org/#dom-element-classlist>,
/// <https://html.spec.whatwg.org/multipage/common-dom-interfaces.html#reflecting-content-attributes-in-idl-attributes>
pub(crate) fn get_token_list(
    this: &JsValue,
    context: &mut Context,
    local_name: &'static str,
    supported_tokens: Option<&'static [&'static str]>,
) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    if let Some(list) = dom_token_list_object::existing(context, element, local_name)? {
        return Ok(list.into());
    }
    let state = AgentState::of(context)?;
    let realm = dom_token_list_object::realm_of(&state, element)
        .ok_or_else(|| type_error("the window is gone"))?;
    // The DOMTokenList is created in the element's relevant realm.
    let previous = context.enter_realm(realm);
    let list = create_a_dom_token_list(context, element, local_name, supported_tokens);
    context.enter_realm(previous);
    Ok(list?.into())
}

/// When a DOMTokenList is created: its token set is its attribute's value, parsed (the
/// attribute change steps run with the current value).
///
/// Spec: <https://dom.spec.whatwg.org/#ref-for-concept-element-attributes-change-ext>
/// (DOMTokenList's creation steps)
fn create_a_dom_token_list(
    context: &mut Context,
    element: NodeRef,
    local_name: &'static str,
    supported_tokens: Option<&'static [&'static str]>,
) -> JsResult<JsObject> {
    let list = DomTokenList {
        element,
        local_name,
        supported_tokens,
        token_set: RefCell::new(Vec::new()),
    };
    // 1. Let element be associated element. 2. Let localName be associated attribute's
    //    local name.
    // 3. Let value be the result of getting an attribute value given element and localName.
    let value = content_attribute(context, element, local_name)?;
    // 4. Run the attribute change steps for element, localName, value, value, and null.
    token_set_change_steps(&list, value.as_deref());
    let target = create_an_object_implementing(context, "DOMTokenList", None, list)?;
    dom_token_list_object::create(context, element, local_name, target)
}

/// The DOMTokenList's attribute change steps, for an attribute `local_name` of `element`
/// that changed (set or removed) by any route: its token set is the new value, parsed.
///
/// Spec: <https://dom.spec.whatwg.org/#ref-for-concept-element-attributes-change-ext>
pub(crate) fn dom_token_list_attribute_change_steps(
    context: &mut Context,
    element: NodeRef,
    local_name: &str,
) -> JsResult<()> {
    let Some(target) = dom_token_list_object::existing_target(context, element, local_name)? else {
        return Ok(());
    };
    let value = content_attribute(context, element, local_name)?;
    if let Some(list) = target.downcast_ref::<DomTokenList>() {
        token_set_change_steps(&list, value.as_deref());
    }
    Ok(())
}

/// The attribute change steps' effect on the token set, given the attribute's new value.
///
/// Spec: <https://dom.spec.whatwg.org/#ref-for-concept-element-attributes-change-ext>
fn token_set_change_steps(list: &DomTokenList, value: Option<&str>) {
    // 1. If localName is associated attribute's local name, namespace is null, and value is
    //    null, then empty token set.
    // 2. Otherwise, if localName is associated attribute's local name and namespace is null,
    //    then set token set to value, parsed.
    *list.token_set.borrow_mut() = value.map(ordered_set_parser).unwrap_or_default();
}

/// The DOMTokenList `this` is (a TypeError for any other value).
fn this_list(this: &JsValue, context: &mut Context) -> JsResult<JsObject> {
    dom_token_list_object::target_of(this, context)?
        .filter(|target| target.downcast_ref::<DomTokenList>().is_some())
        .ok_or_else(|| type_error("'this' is not a DOMTokenList"))
}

/// Runs `f` on the DomTokenList of `target` (a target [`this_list`] returned).
fn with_list<R>(target: &JsObject, f: impl FnOnce(&DomTokenList) -> R) -> JsResult<R> {
    target
        .downcast_ref::<DomTokenList>()
        .map(|list| f(&list))
        .ok_or_else(|| type_error("'this' is not a DOMTokenList"))
}

/// `length`: the token set's size.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domtokenlist-length>
fn get_length(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    let size = with_list(&target, DomTokenList::size)?;
    Ok(JsValue::new(u32::try_from(size).unwrap_or(u32::MAX)))
}

/// `item(index)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domtokenlist-item>
fn item(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    required_arguments(args, 1, "Failed to execute 'item' on 'DOMTokenList'")?;
    let index = arg(args, 0).to_u32(context)?;
    // 1. If index is equal to or greater than this's token set's size, then return null.
    // 2. Return this's token set[index].
    let token = with_list(&target, |list| list.token(index as usize))?;
    Ok(token.map_or_else(JsValue::null, |t| string_value(&t)))
}

/// `contains(token)`: whether this's token set contains token.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domtokenlist-contains>
fn contains(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    required_arguments(args, 1, "Failed to execute 'contains' on 'DOMTokenList'")?;
    let token = to_dom_string(&arg(args, 0), context)?;
    let found = with_list(&target, |list| list.token_set.borrow().contains(&token))?;
    Ok(JsValue::new(found))
}

/// The checks `add`, `remove`, `toggle` and `replace` run on each token: the empty string is
/// a "SyntaxError", a token with ASCII whitespace an "InvalidCharacterError".
fn check_token(context: &mut Context, token: &str) -> JsResult<()> {
    // If token is the empty string, then throw a "SyntaxError" DOMException.
    if token.is_empty() {
        return Err(empty_token_error(context));
    }
    // If token contains any ASCII whitespace, then throw an "InvalidCharacterError"
    // DOMException.
    if token.chars().any(|c| c.is_ascii_whitespace()) {
        return Err(dom_exception::throw(
            context,
            "InvalidCharacterError",
            &format!(
                "The token provided ('{token}') contains HTML space characters, which are not valid in tokens."
            ),
        ));
    }
    Ok(())
}

/// The "SyntaxError" DOMException an empty token throws.
fn empty_token_error(context: &mut Context) -> JsError {
    dom_exception::throw(
        context,
        "SyntaxError",
        "The token provided must not be empty.",
    )
}

/// The arguments of a variadic `DOMString...` operation, converted in order.
fn dom_strings(args: &[JsValue], context: &mut Context) -> JsResult<Vec<String>> {
    args.iter().map(|a| to_dom_string(a, context)).collect()
}

/// `add(...tokens)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domtokenlist-add>
fn add(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    let tokens = dom_strings(args, context)?;
    // 1. For each token of tokens: the empty string throws a "SyntaxError", ASCII whitespace
    //    an "InvalidCharacterError".
    for token in &tokens {
        check_token(context, token)?;
    }
    // 2. For each token of tokens, append token to this's token set.
    with_list(&target, |list| {
        let mut set = list.token_set.borrow_mut();
        for token in &tokens {
            ordered_set::append(&mut set, token);
        }
    })?;
    // 3. Run the update steps.
    update_steps(context, &target)?;
    Ok(JsValue::undefined())
}

/// `remove(...tokens)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domtokenlist-remove>
fn remove(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    let tokens = dom_strings(args, context)?;
    // 1. For each token of tokens: the empty string throws a "SyntaxError", ASCII whitespace
    //    an "InvalidCharacterError".
    for token in &tokens {
        check_token(context, token)?;
    }
    // 2. For each token of tokens, remove token from this's token set.
    with_list(&target, |list| {
        let mut set = list.token_set.borrow_mut();
        for token in &tokens {
            ordered_set::remove(&mut set, token);
        }
    })?;
    // 3. Run the update steps.
    update_steps(context, &target)?;
    Ok(JsValue::undefined())
}

/// `toggle(token, force)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domtokenlist-toggle>
fn toggle(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    required_arguments(args, 1, "Failed to execute 'toggle' on 'DOMTokenList'")?;
    let token = to_dom_string(&arg(args, 0), context)?;
    // (An optional argument given as undefined is not given.)
    let force = match args.get(1) {
        Some(value) if !value.is_undefined() => Some(value.to_boolean()),
        _ => None,
    };
    // 1. If token is the empty string, then throw a "SyntaxError" DOMException.
    // 2. If token contains any ASCII whitespace, then throw an "InvalidCharacterError"
    //    DOMException.
    check_token(context, &token)?;
    let present = with_list(&target, |list| list.token_set.borrow().contains(&token))?;
    // 3. If this's token set[token] exists:
    if present {
        // 1. If force is either not given or is false, then remove token from this's token
        //    set, run the update steps and return false.
        if force != Some(true) {
            with_list(&target, |list| {
                ordered_set::remove(&mut list.token_set.borrow_mut(), &token);
            })?;
            update_steps(context, &target)?;
            return Ok(JsValue::new(false));
        }
        // 2. Return true.
        return Ok(JsValue::new(true));
    }
    // 4. Otherwise, if force not given or is true, append token to this's token set, run the
    //    update steps, and return true.
    if force != Some(false) {
        with_list(&target, |list| {
            ordered_set::append(&mut list.token_set.borrow_mut(), &token);
        })?;
        update_steps(context, &target)?;
        return Ok(JsValue::new(true));
    }
    // 5. Return false.
    Ok(JsValue::new(false))
}

/// `replace(token, newToken)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domtokenlist-replace>
fn replace(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    required_arguments(args, 2, "Failed to execute 'replace' on 'DOMTokenList'")?;
    let token = to_dom_string(&arg(args, 0), context)?;
    let new_token = to_dom_string(&arg(args, 1), context)?;
    // 1. If either token or newToken is the empty string, then throw a "SyntaxError"
    //    DOMException.
    // 2. If either token or newToken contains any ASCII whitespace, then throw an
    //    "InvalidCharacterError" DOMException.
    // (Both are checked for emptiness before either is checked for whitespace.)
    if token.is_empty() || new_token.is_empty() {
        return Err(empty_token_error(context));
    }
    check_token(context, &token)?;
    check_token(context, &new_token)?;
    // 3. If this's token set does not contain token, then return false.
    // 4. Replace token in this's token set with newToken.
    let replaced = with_list(&target, |list| {
        let mut set = list.token_set.borrow_mut();
        if !set.contains(&token) {
            return false;
        }
        ordered_set::replace(&mut set, &token, &new_token);
        true
    })?;
    if !replaced {
        return Ok(JsValue::new(false));
    }
    // 5. Run the update steps.
    update_steps(context, &target)?;
    // 6. Return true.
    Ok(JsValue::new(true))
}

/// `supports(token)`: the validation steps.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domtokenlist-supports>
fn supports(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    required_arguments(args, 1, "Failed to execute 'supports' on 'DOMTokenList'")?;
    let token = to_dom_string(&arg(args, 0), context)?;
    // 1. Let result be the return value of validation steps called with token.
    let result = validation_steps(&target, &token)?;
    // 2. Return result.
    Ok(JsValue::new(result))
}

/// The validation steps for `token`.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-domtokenlist-validation>
fn validation_steps(target: &JsObject, token: &str) -> JsResult<bool> {
    let supported = with_list(target, |list| list.supported_tokens)?;
    // 1. If the associated attribute's local name does not define supported tokens, throw a
    //    TypeError.
    let Some(supported) = supported else {
        let local_name = with_list(target, |list| list.local_name)?;
        return Err(type_error(format!(
            "The '{local_name}' attribute has no supported tokens."
        )));
    };
    // 2. Let lowercase token be a copy of token, in ASCII lowercase.
    let lowercase_token = token.to_ascii_lowercase();
    // 3. If lowercase token is present in supported tokens, return true.
    // 4. Return false.
    Ok(supported.contains(&lowercase_token.as_str()))
}

/// The update steps: the token set, serialized, becomes the attribute's value (unless there
/// is no attribute and the set is empty).
///
/// Spec: <https://dom.spec.whatwg.org/#concept-dtl-update>
fn update_steps(context: &mut Context, target: &JsObject) -> JsResult<()> {
    let (element, local_name, serialized, empty) = with_list(target, |list| {
        let set = list.token_set.borrow();
        (
            list.element,
            list.local_name,
            ordered_set_serializer(&set),
            set.is_empty(),
        )
    })?;
    // 1. If the associated element does not have an associated attribute and token set is
    //    empty, then return.
    if empty && content_attribute(context, element, local_name)?.is_none() {
        return Ok(());
    }
    // 2. Set an attribute value for the associated element using associated attribute's
    //    local name and the result of running the ordered set serializer for token set.
    set_content_attribute(context, element, local_name, &serialized)?;
    Ok(())
}

/// `value`'s getter: the serialize steps, the associated attribute's value ("" without one).
///
/// Spec: <https://dom.spec.whatwg.org/#concept-dtl-serialize>
fn get_value(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    let (element, local_name) = with_list(&target, |list| (list.element, list.local_name))?;
    // Return the result of running get an attribute value given the associated element and
    // the associated attribute's local name.
    let value = content_attribute(context, element, local_name)?.unwrap_or_default();
    Ok(string_value(&value))
}

/// `value`'s setter: set an attribute value for the associated element using the associated
/// attribute's local name and the given value.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-domtokenlist-value>
fn set_value(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = this_list(this, context)?;
    let value = to_dom_string(&arg(args, 0), context)?;
    let (element, local_name) = with_list(&target, |list| (list.element, list.local_name))?;
    set_content_attribute(context, element, local_name, &value)
}

/// The setter of a `[PutForwards=value]` attribute named `name` (`el.classList = "a b"` sets
/// `el.classList.value`).
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-attribute-setter>
pub(crate) fn put_forwards_value(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
    name: &str,
) -> JsResult<JsValue> {
    // 1. If no arguments were passed, then throw a TypeError.
    // 2. Let V be the value of the first argument passed.
    let Some(value) = args.first() else {
        return Err(type_error(format!("the {name} setter needs an argument")));
    };
    // 3-5. jsValue is the this value; it must implement the interface (an Element).
    this_element(this, context)?;
    let Some(js_value) = this.as_object() else {
        return Err(type_error("Illegal invocation"));
    };
    // 6. If attribute is declared with the [PutForwards] extended attribute, then:
    //    1. Let Q be ? Get(jsValue, id).
    let q = js_value.get(JsString::from(name), context)?;
    //    2. If Q is not an Object, then throw a TypeError.
    let Some(q) = q.as_object() else {
        return Err(type_error(format!("{name} is not an object")));
    };
    //    3. Let forwardId be the identifier argument of the [PutForwards] extended attribute.
    //    4. Perform ? Set(Q, forwardId, V, false).
    q.set(js_string!("value"), value.clone(), false, context)?;
    //    5. Return undefined.
    Ok(JsValue::undefined())
}
