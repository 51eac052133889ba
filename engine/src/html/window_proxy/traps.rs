//! A WindowProxy's internal methods as the traps of its boa Proxy (`cross_origin::exotic`).

use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{Context, JsObject, JsResult, JsValue};

use crate::agent::AgentState;
use crate::html::cross_origin::Current;
use crate::html::cross_origin::exotic::CrossOriginExotic;
use crate::html::cross_origin::ordinary::has_on_chain;
use crate::html::window_named_properties;
use crate::html::window_proxy::internal_methods;
use crate::html::window_proxy::{WindowProxy, window_proxy_object, window_proxy_of};

impl CrossOriginExotic for WindowProxy {
    fn of(state: &AgentState, args: &[JsValue]) -> JsResult<Self> {
        window_proxy_of(state, args)
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

    /// The prototype chain's properties, with the named properties object's named
    /// properties last (the named property visibility algorithm: every other object
    /// shadows them).
    fn has_on_prototype_chain(
        &self,
        state: &AgentState,
        context: &mut Context,
        parent: Option<JsObject>,
        key: &PropertyKey,
    ) -> JsResult<bool> {
        let Some(window) = self.window.filter(|_| parent.is_some()) else {
            return Ok(false);
        };
        let named = window_named_properties::named_properties_of(state, window);
        let skip = named.as_ref().map(|n| (&n.object, &n.target));
        if has_on_chain(parent, key, skip) {
            return Ok(true);
        }
        Ok(window_named_properties::named_property(state, context, window, key)?.is_some())
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
        let proxy = window_proxy_object(state, context, self.browsing_context)?;
        internal_methods::set(
            state,
            context,
            current,
            self,
            &proxy.into(),
            key,
            value,
            receiver,
        )
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
