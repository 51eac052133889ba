//! Interface objects from declarations: [`install_interface`] turns an
//! [`InterfaceDeclaration`] into the interface object, the interface prototype object and
//! their properties, with the descriptors Web IDL gives them, and
//! [`create_an_object_implementing`] makes instances. [`install_namespace`] does the same
//! for a [`NamespaceDeclaration`]'s namespace object.
//!
//! Spec: <https://webidl.spec.whatwg.org/#es-interfaces>,
//! <https://webidl.spec.whatwg.org/#es-namespaces>

use std::any::TypeId;
use std::cell::Cell;
use std::collections::HashMap;

use boa_engine::object::FunctionObjectBuilder;
use boa_engine::object::NativeObject;
use boa_engine::property::PropertyDescriptor;
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsString, JsSymbol, JsValue, NativeFunction,
    Trace, js_string,
};

use crate::webidl::brand;
use crate::webidl::brand::{Member, MemberKind, MemberSteps, call_member, record_implementer};
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{
    Attribute, Constant, InterfaceDeclaration, NamespaceDeclaration, Operation, Setter, Steps,
};

/// An interface's two objects in one realm, and what each of its instances gets as own
/// properties.
#[derive(Clone, Trace, Finalize)]
pub(crate) struct Interface {
    /// The interface object (`Node`).
    pub object: JsObject,
    /// The interface prototype object (`Node.prototype`).
    pub prototype: JsObject,
    /// The identifiers of the interface and of those it inherits from, itself first.
    #[unsafe_ignore_trace]
    lineage: Vec<&'static str>,
    /// The `[LegacyUnforgeable]` members of the interface and its ancestors (the spec's
    /// [[Unforgeables]]): defined on every new instance, with the same function objects.
    unforgeables: Vec<PropertyDescriptor>,
    #[unsafe_ignore_trace]
    unforgeable_names: Vec<JsString>,
    /// The type of the internal data its instances were last made with, once recorded as
    /// implementing it (see `webidl::brand`): making the next one records nothing again.
    #[unsafe_ignore_trace]
    implementer: Cell<Option<TypeId>>,
}

/// The interfaces installed in one realm, by identifier (kept in the realm's host-defined
/// slot).
#[derive(Default, Trace, Finalize, JsData)]
pub(crate) struct RealmInterfaces {
    interfaces: Vec<Interface>,
    #[unsafe_ignore_trace]
    index: HashMap<&'static str, usize, foldhash::fast::RandomState>,
}

impl RealmInterfaces {
    fn insert(&mut self, name: &'static str, interface: Interface) {
        self.index.insert(name, self.interfaces.len());
        self.interfaces.push(interface);
    }

    fn get(&self, name: &str) -> Option<&Interface> {
        self.index.get(name).and_then(|i| self.interfaces.get(*i))
    }
}

/// The interface `name` of the current realm.
pub(crate) fn interface_in_current_realm(context: &Context, name: &str) -> JsResult<Interface> {
    context
        .realm()
        .host_defined()
        .get::<RealmInterfaces>()
        .and_then(|interfaces| interfaces.get(name).cloned())
        .ok_or_else(|| type_error(format!("{name} is not installed in this realm")))
}

/// Installs `declaration` in the current realm: creates its interface object and interface
/// prototype object with their members, and defines the interface object on `global`.
///
/// Spec: <https://webidl.spec.whatwg.org/#create-an-interface-object>
pub(crate) fn install_interface(
    context: &mut Context,
    global: &JsObject,
    declaration: &InterfaceDeclaration,
) -> JsResult<Interface> {
    let parent = match declaration.inherits {
        Some(parent) => Some(interface_in_current_realm(context, parent)?),
        None => None,
    };
    // 1. Let steps be I's constructor steps, or else steps that throw a TypeError.
    let (steps, length) = match &declaration.constructor {
        Some(constructor) => (constructor.steps, constructor.length),
        None => (illegal_constructor as Steps, 0),
    };
    // 2-4. Let F be CreateBuiltinFunction(steps, « [[Unforgeables]] », realm,
    //      constructorProto), where constructorProto is the parent's interface object or
    //      %Function.prototype%.
    // 7. Perform SetFunctionName(F, id). 9. Perform SetFunctionLength(F, length).
    let object: JsObject =
        FunctionObjectBuilder::new(context.realm(), NativeFunction::from_fn_ptr(steps))
            .name(JsString::from(declaration.name))
            .length(length)
            .constructor(true)
            .build()
            .into();
    if let Some(parent) = &parent {
        object.set_prototype(Some(parent.object.clone()));
    }
    // 10. Define the constants of interface I on F given realm.
    define_constants(context, &object, declaration.constants)?;
    // 11. Let proto be the result of creating an interface prototype object of interface I in
    //     realm: an ordinary object whose [[Prototype]] is the parent's interface prototype
    //     object, or %Object.prototype%.
    let parent_prototype = match &parent {
        Some(parent) => parent.prototype.clone(),
        None => context.intrinsics().constructors().object().prototype(),
    };
    //     If the interface is DOMException, its [[Prototype]] is %Error.prototype%.
    let parent_prototype = if declaration.name == "DOMException" {
        context.intrinsics().constructors().error().prototype()
    } else {
        parent_prototype
    };
    let prototype = JsObject::with_null_proto();
    prototype.set_prototype(Some(parent_prototype));
    // 12. Perform ! DefinePropertyOrThrow(F, "prototype", PropertyDescriptor{[[Value]]: proto,
    //     [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false}).
    object.define_property_or_throw(
        js_string!("prototype"),
        PropertyDescriptor::builder()
            .value(prototype.clone())
            .writable(false)
            .enumerable(false)
            .configurable(false),
        context,
    )?;
    // 13. Define the static operations of I on F.
    define_operations(context, &object, declaration.static_operations)?;
    // The interface prototype object: its constants, regular attributes and operations (with
    // those of the mixins it includes), its "constructor" property and its @@toStringTag.
    // [LegacyUnforgeable] members are not on the prototype but on each instance: their
    // descriptors are kept, with the parent's, for `create_an_object_implementing`.
    define_constants(context, &prototype, declaration.constants)?;
    let (mut unforgeable_names, mut unforgeables) = match &parent {
        Some(parent) => (
            parent.unforgeable_names.clone(),
            parent.unforgeables.clone(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    for attribute in declaration.regular_attributes() {
        let descriptor = attribute_descriptor(context, attribute, Some(declaration.name));
        if attribute.unforgeable {
            unforgeable_names.push(JsString::from(attribute.name));
            unforgeables.push(descriptor);
        } else {
            prototype.define_property_or_throw(
                JsString::from(attribute.name),
                descriptor,
                context,
            )?;
        }
    }
    for operation in declaration.regular_operations() {
        let descriptor = operation_descriptor(context, operation, Some(declaration.name));
        if operation.unforgeable {
            unforgeable_names.push(JsString::from(operation.name));
            unforgeables.push(descriptor);
        } else {
            prototype.define_property_or_throw(
                JsString::from(operation.name),
                descriptor,
                context,
            )?;
        }
    }
    prototype.define_property_or_throw(
        js_string!("constructor"),
        PropertyDescriptor::builder()
            .value(object.clone())
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    prototype.define_property_or_throw(
        JsSymbol::to_string_tag(),
        PropertyDescriptor::builder()
            .value(JsString::from(declaration.name))
            .writable(false)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    // The interface object is a property of the global: writable, not enumerable,
    // configurable.
    global.define_property_or_throw(
        JsString::from(declaration.name),
        PropertyDescriptor::builder()
            .value(object.clone())
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    let mut lineage = vec![declaration.name];
    if let Some(parent) = &parent {
        lineage.extend(parent.lineage.iter().copied());
    }
    let interface = Interface {
        object,
        prototype,
        lineage,
        unforgeables,
        unforgeable_names,
        implementer: Cell::new(None),
    };
    let mut host_defined = context.realm().host_defined_mut();
    if host_defined.get::<RealmInterfaces>().is_none() {
        host_defined.insert(RealmInterfaces::default());
    }
    if let Some(interfaces) = host_defined.get_mut::<RealmInterfaces>() {
        interfaces.insert(declaration.name, interface.clone());
    }
    Ok(interface)
}

/// The steps of an interface object without a constructor operation.
fn illegal_constructor(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Err(type_error("Illegal constructor"))
}

/// `new.target`, checked: constructor steps called without `new` throw a TypeError.
pub(crate) fn new_target(this: &JsValue, interface: &str) -> JsResult<JsObject> {
    this.as_object()
        .filter(|target| target.is_constructor())
        .ok_or_else(|| {
            type_error(format!(
                "Failed to construct '{interface}': Please use the 'new' operator, this DOM object constructor cannot be called as a function."
            ))
        })
}

/// A new object implementing interface `interface` of the current realm with `data` as its
/// internal state: its prototype is `new_target.prototype` (for a constructor) or the
/// interface prototype object, and it gets the interface's `[LegacyUnforgeable]` members as
/// own properties.
///
/// Spec: <https://webidl.spec.whatwg.org/#internally-create-a-new-object-implementing-the-interface>
pub(crate) fn create_an_object_implementing<T: NativeObject>(
    context: &mut Context,
    interface: &str,
    new_target: Option<&JsObject>,
    data: T,
) -> JsResult<JsObject> {
    // 3. If newTarget is given: let prototype be ? Get(newTarget, "prototype"); if it is not
    //    an Object, the interface prototype object of newTarget's realm.
    //    Deviation: the current realm stands in for newTarget's realm.
    //    (Read before the realm's interfaces are borrowed: the Get may run script.)
    let from_new_target = match new_target {
        Some(target) => target.get(js_string!("prototype"), context)?.as_object(),
        None => None,
    };
    // The realm's interfaces, borrowed (not cloned: this runs for every event and node
    // wrapper); nothing below runs script.
    let realm = context.realm().clone();
    let host_defined = realm.host_defined();
    let Some(interface) = host_defined
        .get::<RealmInterfaces>()
        .and_then(|interfaces| interfaces.get(interface))
    else {
        return Err(type_error(format!(
            "{interface} is not installed in this realm"
        )));
    };
    // The instance's internal data is its brand: objects with data of this type implement
    // the interface and those it inherits from (see `webidl::brand`).
    let data_type = TypeId::of::<T>();
    if interface.implementer.get() != Some(data_type) {
        if let Some(own) = interface.lineage.first()
            && !brand::is_recorded::<T>(own)
        {
            record_implementer::<T>(&interface.lineage);
        }
        interface.implementer.set(Some(data_type));
    }
    // 4. Otherwise let prototype be the interface prototype object in realm.
    let prototype = from_new_target.unwrap_or_else(|| interface.prototype.clone());
    // 7. Let instance be MakeBasicObject(slots) with [[Prototype]] prototype.
    //    (On boa's shared shapes, as its own objects are: instances of one interface given
    //    the same own properties in the same order share one shape, instead of each making
    //    a shape and a property table of its own.)
    let instance = JsObject::new(context.root_shape(), prototype, data).upcast();
    // 9. Let unforgeables be the value of the [[Unforgeables]] slot of the interface object.
    // 10. Let unforgeablesKeys be ! unforgeables.[[OwnPropertyKeys]](); for each key,
    //     perform ! DefinePropertyOrThrow(instance, key, its descriptor).
    //     (The instance is new, ordinary and extensible and has no own property yet, so each
    //     `!` DefinePropertyOrThrow is an insertion: done as one, without its validation.)
    for (name, descriptor) in interface
        .unforgeable_names
        .iter()
        .zip(interface.unforgeables.iter())
    {
        instance.insert_property(name.clone(), descriptor.clone());
    }
    Ok(instance)
}

/// A function object of the current realm.
pub(crate) fn function(
    context: &mut Context,
    name: &str,
    length: usize,
    body: NativeFunction,
) -> JsObject {
    FunctionObjectBuilder::new(context.realm(), body)
        .name(JsString::from(name))
        .length(length)
        .build()
        .into()
}

/// Defines the constants of an interface on `target` (the interface object or its prototype):
/// not writable, enumerable, not configurable.
///
/// Spec: <https://webidl.spec.whatwg.org/#define-the-constants>
pub(crate) fn define_constants(
    context: &mut Context,
    target: &JsObject,
    constants: &[Constant],
) -> JsResult<()> {
    for constant in constants {
        target.define_property_or_throw(
            JsString::from(constant.name),
            PropertyDescriptor::builder()
                .value(constant.value)
                .writable(false)
                .enumerable(true)
                .configurable(false),
            context,
        )?;
    }
    Ok(())
}

/// Defines attributes on `target` (see [`attribute_descriptor`]) whose functions do not check
/// their `this` (the members of an object that is not an instance of a declared interface:
/// a cross-origin Location).
///
/// Spec: <https://webidl.spec.whatwg.org/#define-the-attributes>
pub(crate) fn define_attributes(
    context: &mut Context,
    target: &JsObject,
    attributes: &[Attribute],
) -> JsResult<()> {
    define_attributes_of(context, target, attributes, None)
}

/// Defines attributes on `target`; their functions check that `this` implements `interface`
/// when it is given.
fn define_attributes_of(
    context: &mut Context,
    target: &JsObject,
    attributes: &[Attribute],
    interface: Option<&'static str>,
) -> JsResult<()> {
    for attribute in attributes {
        let descriptor = attribute_descriptor(context, attribute, interface);
        target.define_property_or_throw(JsString::from(attribute.name), descriptor, context)?;
    }
    Ok(())
}

/// The function object of a member of `interface`: it checks its `this` (see
/// `webidl::brand`) before running the member's steps. Without an interface (a namespace's
/// members), the steps run as they are.
fn member_function(context: &mut Context, name: &str, length: usize, member: Member) -> JsObject {
    let body = match (member.interface, member.steps) {
        (None, MemberSteps::Steps(steps)) if !member.returns_promise => {
            NativeFunction::from_fn_ptr(steps)
        }
        _ => NativeFunction::from_copy_closure_with_captures(
            |this, args, member: &Member, context| call_member(member, this, args, context),
            member,
        ),
    };
    function(context, name, length, body)
}

/// An attribute's property: an accessor with a getter named `get <name>` (length 0) and a
/// setter named `set <name>` (length 1) or none, enumerable, configurable unless
/// `[LegacyUnforgeable]`.
///
/// Spec: <https://webidl.spec.whatwg.org/#define-the-attributes>
fn attribute_descriptor(
    context: &mut Context,
    attribute: &Attribute,
    interface: Option<&'static str>,
) -> PropertyDescriptor {
    let member = |kind, steps| Member {
        interface,
        identifier: attribute.name,
        kind,
        steps,
        lenient_this: attribute.lenient_this,
        returns_promise: false,
    };
    // 2.1. Let getter be the result of creating an attribute getter.
    let getter = member_function(
        context,
        &format!("get {}", attribute.name),
        0,
        member(MemberKind::Getter, MemberSteps::Steps(attribute.getter)),
    );
    // 2.2. Let setter be the result of creating an attribute setter (undefined for a
    //      readonly attribute without [Replaceable] or [PutForwards]).
    let steps = match attribute.setter {
        Setter::ReadOnly => None,
        Setter::Steps(steps) => Some(MemberSteps::Steps(steps)),
        Setter::Replaceable => Some(MemberSteps::Replaceable),
    };
    let setter: JsValue = match steps {
        None => JsValue::undefined(),
        Some(steps) => member_function(
            context,
            &format!("set {}", attribute.name),
            1,
            member(MemberKind::Setter, steps),
        )
        .into(),
    };
    // 2.3-2.5. Let desc be PropertyDescriptor{[[Get]]: getter, [[Set]]: setter,
    //          [[Enumerable]]: true, [[Configurable]]: configurable}, where configurable is
    //          false if the attribute is unforgeable and true otherwise.
    PropertyDescriptor::builder()
        .get(getter)
        .set(setter)
        .enumerable(true)
        .configurable(!attribute.unforgeable)
        .build()
}

/// Defines operations on `target` (see [`operation_descriptor`]) whose functions do not check
/// their `this` (see [`define_attributes`]).
///
/// Spec: <https://webidl.spec.whatwg.org/#define-the-operations>
pub(crate) fn define_operations(
    context: &mut Context,
    target: &JsObject,
    operations: &[Operation],
) -> JsResult<()> {
    define_operations_of(context, target, operations, None)
}

/// Defines operations on `target`; their functions check that `this` implements `interface`
/// when it is given (regular operations; static ones have no `this`).
fn define_operations_of(
    context: &mut Context,
    target: &JsObject,
    operations: &[Operation],
    interface: Option<&'static str>,
) -> JsResult<()> {
    for operation in operations {
        let descriptor = operation_descriptor(context, operation, interface);
        target.define_property_or_throw(JsString::from(operation.name), descriptor, context)?;
    }
    Ok(())
}

/// An operation's property: a data property holding a function with the operation's name and
/// length; writable, enumerable, configurable unless `[LegacyUnforgeable]`.
///
/// Spec: <https://webidl.spec.whatwg.org/#define-the-operations>
fn operation_descriptor(
    context: &mut Context,
    operation: &Operation,
    interface: Option<&'static str>,
) -> PropertyDescriptor {
    // 2.1-2.2. Let method be the result of creating an operation function.
    let member = Member {
        interface,
        identifier: operation.name,
        kind: MemberKind::Method,
        steps: MemberSteps::Steps(operation.steps),
        lenient_this: false,
        returns_promise: operation.returns_promise,
    };
    let method = member_function(context, operation.name, operation.length, member);
    // 2.3-2.5. Let modifiable be false if the operation is unforgeable and true otherwise;
    //          desc is PropertyDescriptor{[[Value]]: method, [[Writable]]: modifiable,
    //          [[Enumerable]]: true, [[Configurable]]: modifiable}.
    PropertyDescriptor::builder()
        .value(method)
        .writable(!operation.unforgeable)
        .enumerable(true)
        .configurable(!operation.unforgeable)
        .build()
}

/// Defines the members of an interface whose single instance is the global object itself
/// (Window): its attributes and operations, and those of the mixins it includes, go on
/// `global`.
///
/// Spec: <https://webidl.spec.whatwg.org/#Global>
pub(crate) fn define_global_members(
    context: &mut Context,
    global: &JsObject,
    declaration: &InterfaceDeclaration,
) -> JsResult<()> {
    let interface = Some(declaration.name);
    define_constants(context, global, declaration.constants)?;
    define_attributes_of(context, global, declaration.attributes, interface)?;
    define_operations_of(context, global, declaration.operations, interface)?;
    for mixin in declaration.mixins {
        define_attributes_of(context, global, mixin.attributes, interface)?;
        define_operations_of(context, global, mixin.operations, interface)?;
    }
    Ok(())
}

/// Creates the namespace object of `declaration` in the current realm and defines it on
/// `global`; returns the namespace object.
///
/// Spec: <https://webidl.spec.whatwg.org/#es-namespaces>
pub(crate) fn install_namespace(
    context: &mut Context,
    global: &JsObject,
    declaration: &NamespaceDeclaration,
) -> JsResult<JsObject> {
    // To create a namespace object for a namespace namespace in a realm realm:
    // 1. Let namespaceObject be OrdinaryObjectCreate(realm.[[Intrinsics]].[[%Object.prototype%]]).
    let namespace = JsObject::with_object_proto(context.intrinsics());
    // 2. Define the regular attributes of namespace on namespaceObject given realm.
    define_attributes(context, &namespace, declaration.attributes)?;
    // 3. Define the regular operations of namespace on namespaceObject given realm.
    define_operations(context, &namespace, declaration.operations)?;
    // 4. Define the constants of namespace on namespaceObject given realm.
    define_constants(context, &namespace, declaration.constants)?;
    // 5. (No interface here has [LegacyNamespace].)
    // The class string of a namespace object is the namespace's identifier: a
    // @@toStringTag property, not writable, not enumerable, configurable.
    namespace.define_property_or_throw(
        JsSymbol::to_string_tag(),
        PropertyDescriptor::builder()
            .value(JsString::from(declaration.name))
            .writable(false)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    // The namespace object is a property of the global, named by the identifier: writable,
    // not enumerable, configurable.
    global.define_property_or_throw(
        JsString::from(declaration.name),
        PropertyDescriptor::builder()
            .value(namespace.clone())
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(namespace)
}
