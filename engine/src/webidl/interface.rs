//! Interface objects and interface prototype objects for interfaces without constructors
//! (`Node`, `Element`, ...): enough for `instanceof` and for reaching `X.prototype`.
//!
//! Spec: <https://webidl.spec.whatwg.org/#interface-object>,
//! <https://webidl.spec.whatwg.org/#interface-prototype-object>

use boa_engine::object::FunctionObjectBuilder;
use boa_engine::property::PropertyDescriptor;
use boa_engine::{Context, JsObject, JsResult, JsString, JsSymbol, NativeFunction, js_string};

use crate::webidl::conversions::type_error;

/// An interface's two objects.
#[derive(Clone)]
pub(crate) struct Interface {
    /// The interface object (`Node`).
    pub object: JsObject,
    /// The interface prototype object (`Node.prototype`).
    pub prototype: JsObject,
}

/// Create an interface object for an interface without a constructor operation, with its
/// interface prototype object, and define it on `global`.
///
/// Spec: <https://webidl.spec.whatwg.org/#create-an-interface-object>
pub(crate) fn create_an_interface_object(
    context: &mut Context,
    global: &JsObject,
    name: &str,
    parent: Option<&Interface>,
) -> JsResult<Interface> {
    // 1. Let steps be I's overridden constructor steps if they exist, or the following steps
    //    otherwise: throw a TypeError.
    let steps = NativeFunction::from_fn_ptr(|_, _, _| Err(type_error("Illegal constructor")));
    // 2-4. Let F be CreateBuiltinFunction(steps, « [[Unforgeables]] », realm,
    //      constructorProto), where constructorProto is the parent's interface object or
    //      %Function.prototype%.
    // 7. Perform SetFunctionName(F, id). 9. Perform SetFunctionLength(F, 0).
    let object: JsObject = FunctionObjectBuilder::new(context.realm(), steps)
        .name(JsString::from(name))
        .length(0)
        .constructor(true)
        .build()
        .into();
    if let Some(parent) = parent {
        object.set_prototype(Some(parent.object.clone()));
    }
    // 11. Let proto be the result of creating an interface prototype object of interface I in
    //     realm: an ordinary object whose [[Prototype]] is the parent's interface prototype
    //     object, or %Object.prototype%.
    let parent_prototype = match parent {
        Some(parent) => parent.prototype.clone(),
        None => context.intrinsics().constructors().object().prototype(),
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
    // The interface prototype object's "constructor" property is the interface object.
    prototype.define_property_or_throw(
        js_string!("constructor"),
        PropertyDescriptor::builder()
            .value(object.clone())
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    // Its @@toStringTag is the interface's identifier.
    prototype.define_property_or_throw(
        JsSymbol::to_string_tag(),
        PropertyDescriptor::builder()
            .value(JsString::from(name))
            .writable(false)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    // The interface object is a property of the global: writable, not enumerable,
    // configurable.
    global.define_property_or_throw(
        JsString::from(name),
        PropertyDescriptor::builder()
            .value(object.clone())
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(Interface { object, prototype })
}

/// Defines constants (`Node.ELEMENT_NODE`, ...) on an interface object and its prototype:
/// not writable, enumerable, not configurable.
///
/// Spec: <https://webidl.spec.whatwg.org/#es-constants>
pub(crate) fn define_constants(
    context: &mut Context,
    interface: &Interface,
    constants: &[(&str, u16)],
) -> JsResult<()> {
    for (name, value) in constants {
        for target in [&interface.object, &interface.prototype] {
            target.define_property_or_throw(
                JsString::from(*name),
                PropertyDescriptor::builder()
                    .value(*value)
                    .writable(false)
                    .enumerable(true)
                    .configurable(false),
                context,
            )?;
        }
    }
    Ok(())
}
