//! The declarative form of an interface: what scripts see of it — its name, constructor,
//! constants, attributes and operations with their Web IDL shape — as a table each interface
//! file opens with; and of a namespace (`console`), the same for its members.
//! `webidl/interface.rs` turns a declaration into objects.
//!
//! Spec: <https://webidl.spec.whatwg.org/#idl-interfaces>,
//! <https://webidl.spec.whatwg.org/#idl-namespaces>

use boa_engine::{Context, JsResult, JsValue};

/// The steps of an operation, a constructor, or an attribute's getter or setter: `this` (for a
/// constructor: `new.target`), the arguments, and the context (in the function's realm).
pub(crate) type Steps = fn(&JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>;

/// What scripts see of one interface.
pub(crate) struct InterfaceDeclaration {
    /// The identifier (`MessageEvent`).
    pub name: &'static str,
    /// The interface it inherits from, by identifier (installed before it).
    pub inherits: Option<&'static str>,
    /// Its constructor operation, or `None`: calling or constructing the interface object
    /// throws a TypeError ("Illegal constructor").
    pub constructor: Option<Constructor>,
    /// Its constants: on the interface object and on the prototype.
    pub constants: &'static [Constant],
    /// Its regular attributes.
    pub attributes: &'static [Attribute],
    /// Its regular operations.
    pub operations: &'static [Operation],
    /// Its static operations: on the interface object.
    pub static_operations: &'static [Operation],
    /// The interface mixins it includes (`Element includes ParentNode;`): their members are
    /// the interface's own.
    pub mixins: &'static [Mixin],
}

impl InterfaceDeclaration {
    /// Its regular attributes and those of the mixins it includes.
    ///
    /// Spec: <https://webidl.spec.whatwg.org/#include-statement>
    pub(crate) fn regular_attributes(&self) -> impl Iterator<Item = &Attribute> {
        let included = self.mixins.iter().flat_map(|mixin| mixin.attributes);
        self.attributes.iter().chain(included)
    }

    /// Its regular operations and those of the mixins it includes.
    ///
    /// Spec: <https://webidl.spec.whatwg.org/#include-statement>
    pub(crate) fn regular_operations(&self) -> impl Iterator<Item = &Operation> {
        let included = self.mixins.iter().flat_map(|mixin| mixin.operations);
        self.operations.iter().chain(included)
    }
}

/// An interface mixin (`interface mixin ParentNode { ... };`): members written once and
/// included into each interface that `includes` it. It is not an interface: it has no
/// interface object or prototype of its own.
///
/// Spec: <https://webidl.spec.whatwg.org/#idl-interface-mixins>
pub(crate) struct Mixin {
    /// Its regular attributes.
    pub attributes: &'static [Attribute],
    /// Its regular operations.
    pub operations: &'static [Operation],
}

/// What scripts see of one namespace: a plain object holding its members (no constructor, no
/// prototype object, no instances).
///
/// Spec: <https://webidl.spec.whatwg.org/#idl-namespaces>
pub(crate) struct NamespaceDeclaration {
    /// The identifier (`console`).
    pub name: &'static str,
    /// Its constants.
    pub constants: &'static [Constant],
    /// Its regular attributes (a namespace's are all `readonly`).
    pub attributes: &'static [Attribute],
    /// Its regular operations.
    pub operations: &'static [Operation],
}

/// A constructor operation.
pub(crate) struct Constructor {
    /// The interface object's `length`: the shortest argument list of its overloads.
    pub length: usize,
    /// The constructor steps, called with `new.target` as `this` (only when constructed).
    pub steps: Steps,
}

/// A constant (`const unsigned short ELEMENT_NODE = 1;`).
pub(crate) struct Constant {
    /// Its identifier.
    pub name: &'static str,
    /// Its value.
    pub value: u16,
}

/// What assigning to an attribute does.
#[derive(Clone, Copy)]
pub(crate) enum Setter {
    /// `readonly`: the accessor has no setter (assignment is ignored, or throws in strict
    /// code).
    ReadOnly,
    /// A writable attribute (or a `[PutForwards]` one): these setter steps.
    Steps(Steps),
    /// `[Replaceable]`: assigning defines an own data property on `this` that shadows it.
    Replaceable,
}

/// A regular attribute.
pub(crate) struct Attribute {
    /// Its identifier.
    pub name: &'static str,
    /// The getter steps.
    pub getter: Steps,
    /// What assignment does.
    pub setter: Setter,
    /// `[LegacyUnforgeable]`: not configurable (and, for an interface with instances, an own
    /// property of each instance rather than of the prototype).
    pub unforgeable: bool,
    /// `[LegacyLenientThis]`: on a `this` that does not implement the interface, the getter
    /// returns undefined and the setter does nothing (instead of a TypeError).
    pub lenient_this: bool,
}

impl Attribute {
    /// `readonly attribute T name;`
    pub(crate) const fn readonly(name: &'static str, getter: Steps) -> Self {
        Attribute {
            name,
            getter,
            setter: Setter::ReadOnly,
            unforgeable: false,
            lenient_this: false,
        }
    }

    /// `attribute T name;`
    pub(crate) const fn read_write(name: &'static str, getter: Steps, setter: Steps) -> Self {
        Attribute {
            name,
            getter,
            setter: Setter::Steps(setter),
            unforgeable: false,
            lenient_this: false,
        }
    }

    /// `[Replaceable] readonly attribute T name;`
    pub(crate) const fn replaceable(name: &'static str, getter: Steps) -> Self {
        Attribute {
            name,
            getter,
            setter: Setter::Replaceable,
            unforgeable: false,
            lenient_this: false,
        }
    }

    /// The same attribute with `[LegacyUnforgeable]`.
    pub(crate) const fn unforgeable(self) -> Self {
        Attribute {
            unforgeable: true,
            ..self
        }
    }

    /// The same attribute with `[LegacyLenientThis]`.
    pub(crate) const fn lenient_this(self) -> Self {
        Attribute {
            lenient_this: true,
            ..self
        }
    }
}

/// A regular or static operation.
pub(crate) struct Operation {
    /// Its identifier.
    pub name: &'static str,
    /// The function's `length`: the shortest argument list of its overloads.
    pub length: usize,
    /// The steps.
    pub steps: Steps,
    /// `[LegacyUnforgeable]`: not writable, not configurable.
    pub unforgeable: bool,
    /// Its return type is a promise type: an exception (the `this` check's, an argument
    /// conversion's, the steps') becomes a rejected promise.
    pub returns_promise: bool,
}

impl Operation {
    /// `undefined name(...)` taking at least `length` arguments.
    pub(crate) const fn new(name: &'static str, length: usize, steps: Steps) -> Self {
        Operation {
            name,
            length,
            steps,
            unforgeable: false,
            returns_promise: false,
        }
    }

    /// The same operation returning a `Promise<T>`.
    pub(crate) const fn returning_promise(self) -> Self {
        Operation {
            returns_promise: true,
            ..self
        }
    }

    /// The same operation with `[LegacyUnforgeable]`.
    pub(crate) const fn unforgeable(self) -> Self {
        Operation {
            unforgeable: true,
            ..self
        }
    }
}

/// An attribute whose getter and setter steps are shared by many attributes and told apart by
/// a key (an event handler's event type, a reflected content attribute's name):
/// `keyed_attribute!("onload", "load", get_event_handler, set_event_handler)` is the
/// attribute `onload` whose getter calls `get_event_handler(this, context, "load")` and whose
/// setter calls `set_event_handler(this, context, "load", &value)`.
macro_rules! keyed_attribute {
    ($name:expr, $key:expr, $getter:path, $setter:path) => {
        $crate::webidl::declaration::Attribute::read_write(
            $name,
            {
                fn get(
                    this: &boa_engine::JsValue,
                    _: &[boa_engine::JsValue],
                    context: &mut boa_engine::Context,
                ) -> boa_engine::JsResult<boa_engine::JsValue> {
                    $getter(this, context, $key)
                }
                get
            },
            {
                fn set(
                    this: &boa_engine::JsValue,
                    args: &[boa_engine::JsValue],
                    context: &mut boa_engine::Context,
                ) -> boa_engine::JsResult<boa_engine::JsValue> {
                    let value = args.first().cloned().unwrap_or_default();
                    $setter(this, context, $key, &value)
                }
                set
            },
        )
    };
}
pub(crate) use keyed_attribute;
