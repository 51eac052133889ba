//! Data every window realm carries in its host-defined slot.

use boa_engine::{
    Context, Finalize, JsData, JsError, JsNativeError, JsObject, JsString, Trace, js_string,
};

use crate::ids::WindowId;

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
        Ok(RealmData {
            window,
            object_keys: function(js_string!("keys"))?,
            get_own_property_descriptor: function(js_string!("getOwnPropertyDescriptor"))?,
        })
    }

    /// The data of the current realm.
    pub fn of_current_realm(context: &Context) -> Result<Self, JsError> {
        context
            .realm()
            .host_defined()
            .get::<RealmData>()
            .cloned()
            .ok_or_else(|| {
                JsNativeError::typ()
                    .with_message("not a window realm")
                    .into()
            })
    }
}

/// The captured built-ins a clone walk needs.
pub struct RealmIntrinsics {
    /// `%Object.keys%`.
    pub object_keys: JsObject,
}

impl RealmIntrinsics {
    /// The captured built-ins of the current realm.
    pub fn of_current_realm(context: &Context) -> Result<Self, JsError> {
        let data = RealmData::of_current_realm(context)?;
        Ok(RealmIntrinsics {
            object_keys: data.object_keys.clone(),
        })
    }
}
