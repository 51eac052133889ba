//! The `this` of a regular operation or attribute: Web IDL's brand check ("If esValue does not
//! implement the interface target, throw a TypeError"), with the HTML Standard's part for a
//! Window (its WindowProxy, the security check) given by a hook the HTML layer sets.
//!
//! Every regular operation, attribute getter and setter that `webidl::interface` installs
//! from a declaration is a [`Member`]: its function object runs [`call_member`], which checks
//! `this` once, here, before the member's steps see it.
//!
//! Spec: <https://webidl.spec.whatwg.org/#dfn-create-operation-function>,
//! <https://webidl.spec.whatwg.org/#dfn-attribute-getter>,
//! <https://webidl.spec.whatwg.org/#dfn-attribute-setter>

use std::any::TypeId;
use std::cell::RefCell;
use std::collections::HashMap;

use boa_engine::object::NativeObject;
use boa_engine::object::builtins::JsPromise;
use boa_engine::{Context, Finalize, JsObject, JsResult, JsValue, Trace};

use crate::webidl::conversions::type_error;
use crate::webidl::declaration::Steps;

/// What kind of member a function object is, for the security check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MemberKind {
    /// A regular operation.
    Method,
    /// An attribute getter.
    Getter,
    /// An attribute setter.
    Setter,
}

/// One regular operation, attribute getter or attribute setter of an interface: what its
/// function object needs to check its `this` and run its steps.
#[derive(Clone, Copy, Trace, Finalize)]
#[boa_gc(empty_trace)]
pub(crate) struct Member {
    /// The interface that declares it (`"Window"` for every `partial interface Window`), or
    /// `None` for a member whose `this` is not checked (a namespace's; those of a
    /// cross-origin Location object, which implements no declared interface).
    pub interface: Option<&'static str>,
    /// Its identifier (`postMessage`, `document`).
    pub identifier: &'static str,
    /// Operation, getter or setter.
    pub kind: MemberKind,
    /// The steps, called with the checked `this`.
    pub steps: MemberSteps,
    /// `[LegacyLenientThis]` (attributes only).
    pub lenient_this: bool,
    /// An operation whose return type is a promise type: what it throws is returned as a
    /// rejected promise.
    pub returns_promise: bool,
}

/// What a member does once its `this` is checked.
#[derive(Clone, Copy)]
pub(crate) enum MemberSteps {
    /// The member's own steps.
    Steps(Steps),
    /// The setter of a `[Replaceable]` attribute: define an own data property on `this`.
    Replaceable,
}

/// The HTML Standard's part of the `this` check, for the objects Web IDL alone cannot judge:
/// a Window's global object, a WindowProxy (and any other exotic object standing for a
/// platform object, such as a Location implemented as a boa Proxy). `Ok(None)` when `object`
/// is none of them; otherwise, after the security check (a "SecurityError" DOMException for a
/// member that is not a cross-origin one, on an object that is not same origin-domain with
/// the current settings object) and the check that the platform object implements the
/// member's interface (a TypeError), the value the steps get as `this`: for a Window, its
/// global object, or the WindowProxy itself when its Window lives in no realm of this agent.
pub(crate) type ExoticThisHook = fn(&JsObject, &Member, &mut Context) -> JsResult<Option<JsValue>>;

/// A check that an object's internal data is of one Rust type.
type DataCheck = fn(&JsObject) -> bool;

/// For a data type that several interfaces share (a node wrapper's): the interface `object`
/// was made as (its most derived one), or `None` if `object`'s data is not of that type. A
/// layer above registers it (the DOM knows which interface a node implements).
pub(crate) type MostDerivedInterface = fn(&JsObject, &Context) -> Option<&'static str>;

thread_local! {
    /// For each interface, the Rust types of the internal data of the platform objects made
    /// so far that implement it (its own instances and those of the interfaces inheriting
    /// from it). The data type is the object's brand: script cannot give an object internal
    /// data, nor change it.
    static IMPLEMENTERS: RefCell<HashMap<&'static str, Vec<(TypeId, DataCheck)>>> =
        RefCell::new(HashMap::new());
    /// The HTML layer's [`ExoticThisHook`]s (registered when a window's globals are
    /// installed: the HTML layer is above this one), one per kind of exotic object.
    static EXOTIC_THIS: RefCell<Vec<ExoticThisHook>> = const { RefCell::new(Vec::new()) };

    /// Each interface an object was made as, with the interfaces it inherits from (its own
    /// first), recorded as `create_an_object_implementing` makes the first such object.
    static LINEAGES: RefCell<HashMap<&'static str, Vec<&'static str>>> =
        RefCell::new(HashMap::new());

    /// The [`MostDerivedInterface`] functions registered by the layers above.
    static MOST_DERIVED: RefCell<Vec<MostDerivedInterface>> = const { RefCell::new(Vec::new()) };
}

/// Registers a [`MostDerivedInterface`] function (once: registering it again does nothing).
pub(crate) fn register_most_derived_interface(f: MostDerivedInterface) {
    MOST_DERIVED.with(|fs| {
        let mut fs = fs.borrow_mut();
        if !fs.iter().any(|g| std::ptr::fn_addr_eq(*g, f)) {
            fs.push(f);
        }
    });
}

/// For an object whose data type several interfaces share: whether the interface it was made
/// as is `interface` or inherits from it (`true` for any other object, which the data type
/// alone judges).
fn most_derived_implements(object: &JsObject, interface: &str, context: &Context) -> bool {
    let fs: Vec<MostDerivedInterface> = MOST_DERIVED.with(|fs| fs.borrow().clone());
    for f in fs {
        if let Some(own) = f(object, context) {
            return LINEAGES.with(|lineages| {
                lineages
                    .borrow()
                    .get(own)
                    .is_some_and(|lineage| lineage.contains(&interface))
            });
        }
    }
    true
}

/// Registers one of the HTML layer's parts of the `this` check (once: registering it again
/// does nothing).
pub(crate) fn register_exotic_this_hook(hook: ExoticThisHook) {
    EXOTIC_THIS.with(|hooks| {
        let mut hooks = hooks.borrow_mut();
        if !hooks.iter().any(|h| std::ptr::fn_addr_eq(*h, hook)) {
            hooks.push(hook);
        }
    });
}

fn has_data<T: NativeObject>(object: &JsObject) -> bool {
    object.is::<T>()
}

/// Whether `interface` already knows objects whose data is a `T`.
pub(crate) fn is_recorded<T: NativeObject>(interface: &'static str) -> bool {
    let id = TypeId::of::<T>();
    IMPLEMENTERS.with(|map| {
        map.borrow()
            .get(interface)
            .is_some_and(|types| types.iter().any(|(t, _)| *t == id))
    })
}

/// Records that objects whose data is a `T` implement `interfaces` (an interface and the ones
/// it inherits from), as `create_an_object_implementing` makes one.
pub(crate) fn record_implementer<T: NativeObject>(interfaces: &[&'static str]) {
    // Each suffix of the lineage is the lineage of that ancestor.
    LINEAGES.with(|lineages| {
        let mut lineages = lineages.borrow_mut();
        for (i, interface) in interfaces.iter().enumerate() {
            lineages
                .entry(interface)
                .or_insert_with(|| interfaces[i..].to_vec());
        }
    });
    let id = TypeId::of::<T>();
    IMPLEMENTERS.with(|map| {
        let mut map = map.borrow_mut();
        for interface in interfaces {
            let types = map.entry(interface).or_default();
            if !types.iter().any(|(t, _)| *t == id) {
                types.push((id, has_data::<T> as DataCheck));
            }
        }
    });
}

/// Whether `object` is a platform object that implements `interface` (Windows aside: see
/// [`ExoticThisHook`]).
///
/// Spec: <https://webidl.spec.whatwg.org/#implements>
///
/// An object's brand is the Rust type of its internal data. Where several interfaces share one
/// type (`Node` and its descendants), a registered [`MostDerivedInterface`] says which
/// interface the object was made as, and the check also needs `interface` in its lineage.
///
/// Deviation: `Event` and its subclasses share one data type with no such function: an event
/// passes the check of every event interface, and the member's steps tell them apart (a
/// `MessageEvent` getter on a plain `Event` still throws a TypeError there).
pub(crate) fn implements(object: &JsObject, interface: &str) -> bool {
    IMPLEMENTERS.with(|map| {
        map.borrow()
            .get(interface)
            .is_some_and(|types| types.iter().any(|(_, check)| check(object)))
    })
}

/// The function body of every declared member: checks `this`, then runs the steps with it.
pub(crate) fn call_member(
    member: &Member,
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let result = call_member_steps(member, this, args, context);
    // (Operation function step 2: if an exception E was thrown and op has a return type that
    // is a promise type, return ! Call(%Promise.reject%, %Promise%, «E»).)
    match result {
        Err(error) if member.returns_promise => Ok(JsPromise::reject(error, context)?.into()),
        result => result,
    }
}

/// The `this` check, then the member's steps.
fn call_member_steps(
    member: &Member,
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let this = match member.interface {
        Some(interface) => match this_value(member, interface, this, context)? {
            Some(this) => this,
            // [LegacyLenientThis] on an object that does not implement the interface.
            None => return Ok(JsValue::undefined()),
        },
        None => this.clone(),
    };
    match member.steps {
        MemberSteps::Steps(steps) => steps(&this, args, context),
        MemberSteps::Replaceable => replaceable_setter(member, &this, args, context),
    }
}

/// The setter of a `[Replaceable]` attribute (after its `this` is checked): the value replaces
/// the accessor with an own data property of `this`.
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-attribute-setter>
fn replaceable_setter(
    member: &Member,
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // 1. If no arguments were passed, then throw a TypeError.
    // 2. Let V be the value of the first argument passed.
    let Some(value) = args.first() else {
        return Err(type_error(format!(
            "Failed to set the '{}' property: 1 argument required, but only 0 present.",
            member.identifier
        )));
    };
    // 3-5.4. (idlObject is `this`, checked by `this_value`: the Window's global object.)
    let Some(object) = this.as_object() else {
        return Err(illegal_invocation(member));
    };
    // 5.5. If attribute is declared with the [Replaceable] extended attribute, then:
    //      1. Perform ? CreateDataPropertyOrThrow(jsValue, id, V).
    object.create_data_property_or_throw(
        boa_engine::JsString::from(member.identifier),
        value.clone(),
        context,
    )?;
    //      2. Return undefined.
    Ok(JsValue::undefined())
}

/// Steps 1 to 4 of an operation function (and the same steps of an attribute getter and
/// setter): the value that the member's steps act on, or `None` for a `[LegacyLenientThis]`
/// attribute on a `this` that does not implement its interface.
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-create-operation-function>
pub(crate) fn this_value(
    member: &Member,
    interface: &str,
    this: &JsValue,
    context: &mut Context,
) -> JsResult<Option<JsValue>> {
    // 2.1. If esValue is null or undefined, set esValue to realm's global object. (The
    //      current realm is the function's own: boa runs a built-in function in its realm.)
    let object = if this.is_null_or_undefined() {
        context.global_object()
    } else if let Some(object) = this.as_object() {
        object.clone()
    } else {
        // A primitive is no platform object: it implements nothing (2.3).
        if member.lenient_this {
            return Ok(None);
        }
        return Err(illegal_invocation(member));
    };
    // 2.2. If esValue is a platform object, then perform a security check, passing esValue,
    //      id, and "method" ("getter", "setter"). A WindowProxy stands for its [[Window]]
    //      here (the HTML Standard's part, which also checks that a Window implements the
    //      member's interface). (For the other platform objects the security check returns
    //      at its step 1: they are not Window or Location objects.)
    // (The hooks are not borrowed while one runs: it may run script.)
    let mut i = 0;
    while let Some(hook) = EXOTIC_THIS.with(|hooks| hooks.borrow().get(i).copied()) {
        if let Some(this) = hook(&object, member, context)? {
            return Ok(Some(this));
        }
        i += 1;
    }
    // 2.3. If esValue does not implement the interface target: if the attribute was
    //      specified with [LegacyLenientThis], return undefined (`None`: the getter returns
    //      undefined, the setter does nothing); otherwise throw a TypeError.
    if !implements(&object, interface) || !most_derived_implements(&object, interface, context) {
        if member.lenient_this {
            return Ok(None);
        }
        return Err(illegal_invocation(member));
    }
    // 2.4. Set idlObject to the IDL interface type value that represents a reference to
    //      esValue.
    Ok(Some(object.into()))
}

/// The TypeError of a member called on an object that does not implement its interface.
pub(crate) fn illegal_invocation(member: &Member) -> boa_engine::JsError {
    let what = match member.kind {
        MemberKind::Method => format!("Failed to execute '{}'", member.identifier),
        MemberKind::Getter => format!("Failed to read the '{}' property", member.identifier),
        MemberKind::Setter => format!("Failed to set the '{}' property", member.identifier),
    };
    let interface = member.interface.unwrap_or("the object");
    type_error(format!("{what} on '{interface}': Illegal invocation"))
}
