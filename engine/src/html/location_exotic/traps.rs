//! A Location's internal methods as the traps of its boa Proxy (`cross_origin::exotic`).

use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{Context, JsObject, JsResult, JsValue};

use crate::agent::AgentState;
use crate::html::cross_origin::Current;
use crate::html::cross_origin::exotic::CrossOriginExotic;
use crate::html::cross_origin::ordinary::has_on_chain;
use crate::html::location_exotic::internal_methods;
use crate::html::location_exotic::{Location, location_of};

impl CrossOriginExotic for Location {
    fn of(_: &AgentState, args: &[JsValue]) -> JsResult<Self> {
        location_of(args)
    }

    fn get_prototype_of(&self, state: &AgentState, current: Option<&Current>) -> JsValue {
        internal_methods::get_prototype_of(state, current, self)
    }

    fn set_prototype_of(
        &self,
        state: &AgentState,
        current: Option<&Current>,
        value: &JsValue,
    ) -> bool {
        internal_methods::set_prototype_of(state, current, self, value)
    }

    fn get_own_property(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
    ) -> JsResult<Option<PropertyDescriptor>> {
        internal_methods::get_own_property(state, context, current, self, key)
    }

    fn define_own_property(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
        descriptor: PropertyDescriptor,
    ) -> JsResult<bool> {
        internal_methods::define_own_property(state, context, current, self, key, descriptor)
    }

    /// The prototype chain's properties, as ordinary objects have them.
    fn has_on_prototype_chain(
        &self,
        _: &AgentState,
        _: &mut Context,
        parent: Option<JsObject>,
        key: &PropertyKey,
    ) -> JsResult<bool> {
        Ok(has_on_chain(parent, key, None))
    }

    fn get(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
        receiver: &JsValue,
    ) -> JsResult<JsValue> {
        internal_methods::get(state, context, current, self, key, receiver)
    }

    fn set(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
        value: &JsValue,
        receiver: &JsValue,
    ) -> JsResult<bool> {
        internal_methods::set(state, context, current, self, key, value, receiver)
    }

    fn delete(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
    ) -> JsResult<bool> {
        internal_methods::delete(state, context, current, self, key)
    }

    fn own_property_keys(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
    ) -> JsResult<Vec<PropertyKey>> {
        internal_methods::own_property_keys(state, context, current, self)
    }
}
