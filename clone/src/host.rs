//! The two capability traits through which the algorithms see a JS engine's values.

use crate::record::CloneString;

/// What a value is, as far as StructuredSerializeInternal needs to know before it looks
/// inside an object.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind<O> {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A Boolean primitive.
    Boolean(bool),
    /// A Number primitive (−0 and NaN are kept as they are).
    Number(f64),
    /// A String primitive, as UTF-16 code units.
    String(CloneString),
    /// A Symbol primitive: never serializable.
    Symbol,
    /// A BigInt primitive, as its decimal digits with an optional leading `-`.
    BigInt(String),
    /// An object, to be classified with [`SerializeHost::classify_object`].
    Object(O),
}

/// What kind of object a value is: the internal slots the algorithm cares about.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjectKind {
    /// An ordinary object with no internal slots the algorithm knows (a "plain object").
    Ordinary,
    /// An Array exotic object, with the value of its own `length` property.
    Array {
        /// The array's `length`.
        length: u32,
    },
    /// A callable object (a function): never serializable.
    Callable,
    /// Any other object the algorithm cannot serialize (Proxy, WeakMap, Promise, platform
    /// objects that are not serializable, ...). The string names it in error messages,
    /// e.g. `"a WeakMap"`.
    NotSerializable(String),
}

/// Read access to a JS engine's values, for StructuredSerializeInternal.
///
/// Every method that can run script (getters) returns `Result<_, Self::Error>`; an error is
/// an exception thrown by that script and is propagated unchanged.
pub trait SerializeHost {
    /// A JS value.
    type Value;
    /// A JS object (a handle; cloning it does not clone the object).
    type Object: Clone;
    /// An exception thrown by script while the value was read.
    type Error;

    /// Says what `value` is.
    fn classify_value(&mut self, value: &Self::Value) -> ValueKind<Self::Object>;

    /// Says what kind of object `object` is.
    fn classify_object(&mut self, object: &Self::Object) -> ObjectKind;

    /// A number that is equal for two handles exactly when they are the same object (for
    /// the memory map).
    fn object_identity(&self, object: &Self::Object) -> usize;

    /// `! EnumerableOwnProperties(object, key)`: the own enumerable string-keyed property
    /// names, in property order.
    fn enumerable_own_string_keys(
        &mut self,
        object: &Self::Object,
    ) -> Result<Vec<CloneString>, Self::Error>;

    /// `! HasOwnProperty(object, key)`.
    fn has_own_property(
        &mut self,
        object: &Self::Object,
        key: &CloneString,
    ) -> Result<bool, Self::Error>;

    /// `? object.[[Get]](key, object)`: may run a getter, which may throw.
    fn get(&mut self, object: &Self::Object, key: &CloneString)
    -> Result<Self::Value, Self::Error>;
}

/// Write access to a JS engine's target realm, for StructuredDeserialize.
///
/// Objects are created in the **target** realm, with its prototypes.
pub trait DeserializeHost {
    /// A JS value.
    type Value: Clone;
    /// A JS object handle.
    type Object: Clone;
    /// An exception raised while building the value (e.g. out of memory).
    type Error;

    /// `undefined`.
    fn undefined(&mut self) -> Self::Value;
    /// `null`.
    fn null(&mut self) -> Self::Value;
    /// A Boolean primitive.
    fn boolean(&mut self, value: bool) -> Self::Value;
    /// A Number primitive.
    fn number(&mut self, value: f64) -> Self::Value;
    /// A String primitive from UTF-16 code units.
    fn string(&mut self, value: &CloneString) -> Self::Value;
    /// A BigInt primitive from its decimal digits (optional leading `-`).
    fn bigint(&mut self, digits: &str) -> Result<Self::Value, Self::Error>;
    /// A new ordinary object whose prototype is the target realm's `%Object.prototype%`.
    fn create_object(&mut self) -> Result<Self::Object, Self::Error>;
    /// `! ArrayCreate(length, targetRealm.[[Intrinsics]].[[%Array.prototype%]])`.
    fn create_array(&mut self, length: u32) -> Result<Self::Object, Self::Error>;
    /// The object as a value.
    fn object_value(&mut self, object: &Self::Object) -> Self::Value;
    /// `! CreateDataProperty(object, key, value)`.
    fn create_data_property(
        &mut self,
        object: &Self::Object,
        key: &CloneString,
        value: Self::Value,
    ) -> Result<(), Self::Error>;
}
