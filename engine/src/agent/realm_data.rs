//! Data every window realm carries in its host-defined slot.

use boa_engine::realm::Realm;
use boa_engine::{
    Context, Finalize, JsData, JsError, JsNativeError, JsObject, JsString, JsValue, Trace,
    js_string,
};

use crate::agent::AgentState;
use crate::agent::window::WindowProxyCache;
use crate::ids::{BrowsingContextId, WindowId};

/// What an object is to the windows of this agent, when it is one of theirs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowObject {
    /// The global object of this Window.
    Global(WindowId),
    /// A WindowProxy (one a window of this agent holds) of this browsing context.
    Proxy(BrowsingContextId),
}

/// What Postern keeps on each realm: whose realm it is, and built-ins captured before any page
/// script ran (so a page that replaces `Object.keys` cannot change how its values are cloned).
#[derive(Trace, Finalize, JsData, Clone)]
pub struct RealmData {
    /// The Window whose realm this is.
    #[unsafe_ignore_trace]
    pub window: WindowId,
    /// The realm's original `Object.keys`.
    pub object_keys: JsObject,
    /// The realm's original `Object.getOwnPropertyDescriptor`.
    pub get_own_property_descriptor: JsObject,
    /// Native getters of the realm's built-ins that boa's Rust API does not expose, for
    /// structured cloning (see [`CloneGetters`]).
    pub clone_getters: CloneGetters,
}

/// The original getters of `ArrayBuffer.prototype.resizable`,
/// `ArrayBuffer.prototype.maxByteLength`, `SharedArrayBuffer.prototype.growable`,
/// `SharedArrayBuffer.prototype.maxByteLength`, `RegExp.prototype.source` and
/// `RegExp.prototype.unicodeSets`: boa 0.22 has no public Rust accessor for
/// `[[ArrayBufferMaxByteLength]]` or the `v` flag, and these native getters read the internal
/// slots without running script.
#[derive(Trace, Finalize, Clone)]
pub struct CloneGetters {
    /// `get ArrayBuffer.prototype.resizable`.
    pub array_buffer_resizable: JsObject,
    /// `get ArrayBuffer.prototype.maxByteLength`.
    pub array_buffer_max_byte_length: JsObject,
    /// `get SharedArrayBuffer.prototype.growable`.
    pub shared_array_buffer_growable: JsObject,
    /// `get SharedArrayBuffer.prototype.maxByteLength`.
    pub shared_array_buffer_max_byte_length: JsObject,
    /// `get RegExp.prototype.source`.
    pub regexp_source: JsObject,
    /// `get RegExp.prototype.unicodeSets`.
    pub regexp_unicode_sets: JsObject,
}

impl RealmData {
    /// Captures the built-ins of the current realm for `window`.
    pub fn capture(window: WindowId, context: &mut Context) -> Result<Self, JsError> {
        let object = context.intrinsics().constructors().object().constructor();
        let mut function = |name: JsString| -> Result<JsObject, JsError> {
            object.get(name, context)?.as_object().ok_or_else(|| {
                JsNativeError::typ()
                    .with_message("a built-in is missing")
                    .into()
            })
        };
        let get_own_property_descriptor = function(js_string!("getOwnPropertyDescriptor"))?;
        let object_keys = function(js_string!("keys"))?;
        let constructors = context.intrinsics().constructors();
        let array_buffer = constructors.array_buffer().prototype();
        let shared_array_buffer = constructors.shared_array_buffer().prototype();
        let regexp = constructors.regexp().prototype();
        let mut getter = |prototype: &JsObject, name: JsString| -> Result<JsObject, JsError> {
            let descriptor = get_own_property_descriptor.call(
                &JsValue::undefined(),
                &[prototype.clone().into(), name.into()],
                context,
            )?;
            descriptor
                .as_object()
                .map(|d| d.get(js_string!("get"), context))
                .transpose()?
                .and_then(|g| g.as_object())
                .ok_or_else(|| {
                    JsNativeError::typ()
                        .with_message("a built-in getter is missing")
                        .into()
                })
        };
        let clone_getters = CloneGetters {
            array_buffer_resizable: getter(&array_buffer, js_string!("resizable"))?,
            array_buffer_max_byte_length: getter(&array_buffer, js_string!("maxByteLength"))?,
            shared_array_buffer_growable: getter(&shared_array_buffer, js_string!("growable"))?,
            shared_array_buffer_max_byte_length: getter(
                &shared_array_buffer,
                js_string!("maxByteLength"),
            )?,
            regexp_source: getter(&regexp, js_string!("source"))?,
            regexp_unicode_sets: getter(&regexp, js_string!("unicodeSets"))?,
        };
        Ok(RealmData {
            window,
            object_keys,
            get_own_property_descriptor,
            clone_getters,
        })
    }

    /// The Window whose realm is the current realm (the current settings object's global;
    /// inside a native function, the Window the function was installed on).
    pub fn window_of_current_realm(context: &Context) -> Result<WindowId, JsError> {
        Self::window_of_realm(context.realm())
    }

    /// The Window whose realm `realm` is.
    pub fn window_of_realm(realm: &Realm) -> Result<WindowId, JsError> {
        realm
            .host_defined()
            .get::<RealmData>()
            .map(|data| data.window)
            .ok_or_else(|| {
                JsNativeError::typ()
                    .with_message("not a window realm")
                    .into()
            })
    }

    /// The data of the current realm.
    pub fn of_current_realm(context: &Context) -> Result<Self, JsError> {
        Self::of_realm(context.realm())
    }

    /// The data of `realm`.
    pub fn of_realm(realm: &Realm) -> Result<Self, JsError> {
        realm
            .host_defined()
            .get::<RealmData>()
            .cloned()
            .ok_or_else(|| {
                JsNativeError::typ()
                    .with_message("not a window realm")
                    .into()
            })
    }

    /// Whether `object` is the global object of a window of this agent, or a WindowProxy of
    /// this agent.
    pub fn window_object(object: &JsObject, context: &Context) -> Option<WindowObject> {
        let state = AgentState::of(context).ok()?;
        let windows = state.windows.borrow();
        for (id, window) in windows.iter() {
            if JsObject::equals(&window.global, object) {
                return Some(WindowObject::Global(*id));
            }
        }
        drop(windows);
        browsing_context_of_window_proxy(context, object).map(WindowObject::Proxy)
    }

    /// The Window whose global object is `this` (the checked `this` of a Window member: see
    /// `webidl::brand`).
    pub fn window_of_this(this: &JsValue, context: &Context) -> Result<WindowId, JsError> {
        match this
            .as_object()
            .and_then(|object| Self::window_object(&object, context))
        {
            Some(WindowObject::Global(window)) => Ok(window),
            _ => Err(JsNativeError::typ()
                .with_message("Illegal invocation: not a Window")
                .into()),
        }
    }

    /// The realm of the Window whose global object is `this`: where that Window's own objects
    /// (its Performance, Crypto, Navigator...) are kept, whichever realm the member that asks
    /// was called from.
    pub fn realm_of_this(this: &JsValue, context: &Context) -> Result<Realm, JsError> {
        let window = Self::window_of_this(this, context)?;
        let state = AgentState::of(context)?;
        let windows = state.windows.borrow();
        windows
            .get(&window)
            .map(|w| w.realm.clone())
            .ok_or_else(|| {
                JsNativeError::typ()
                    .with_message("the window is gone")
                    .into()
            })
    }
}

/// The browsing context of a WindowProxy object this agent made (one per browsing context,
/// kept in the agent's `WindowProxyCache`), or `None` if `object` is none of them.
fn browsing_context_of_window_proxy(
    context: &Context,
    object: &JsObject,
) -> Option<BrowsingContextId> {
    let cache = context.get_data::<WindowProxyCache>()?;
    let proxies = cache.proxies.borrow();
    proxies
        .iter()
        .find(|(_, proxy)| JsObject::equals(proxy, object))
        .map(|(bc, _)| *bc)
}
