//! The `DOMException` interface.
//!
//! Spec: <https://webidl.spec.whatwg.org/#idl-DOMException>

use boa_engine::class::{Class, ClassBuilder};
use boa_engine::property::Attribute;
use boa_engine::{
    Context, Finalize, JsData, JsError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    Trace, js_string,
};

use crate::webidl::conversions::{arg, to_dom_string, type_error};

/// The legacy code of each DOMException name that has one.
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-error-names-table>
fn legacy_code(name: &str) -> u16 {
    match name {
        "IndexSizeError" => 1,
        "HierarchyRequestError" => 3,
        "WrongDocumentError" => 4,
        "InvalidCharacterError" => 5,
        "NoModificationAllowedError" => 7,
        "NotFoundError" => 8,
        "NotSupportedError" => 9,
        "InvalidStateError" => 11,
        "SyntaxError" => 12,
        "InvalidModificationError" => 13,
        "NamespaceError" => 14,
        "InvalidAccessError" => 15,
        "TypeMismatchError" => 17,
        "SecurityError" => 18,
        "NetworkError" => 19,
        "AbortError" => 20,
        "URLMismatchError" => 21,
        "QuotaExceededError" => 22,
        "TimeoutError" => 23,
        "InvalidNodeTypeError" => 24,
        "DataCloneError" => 25,
        _ => 0,
    }
}

/// The legacy constants of DOMException (`DOMException.DATA_CLONE_ERR` and the rest).
///
/// Spec: <https://webidl.spec.whatwg.org/#idl-DOMException>
const LEGACY_CONSTANTS: [(&str, u16); 25] = [
    ("INDEX_SIZE_ERR", 1),
    ("DOMSTRING_SIZE_ERR", 2),
    ("HIERARCHY_REQUEST_ERR", 3),
    ("WRONG_DOCUMENT_ERR", 4),
    ("INVALID_CHARACTER_ERR", 5),
    ("NO_DATA_ALLOWED_ERR", 6),
    ("NO_MODIFICATION_ALLOWED_ERR", 7),
    ("NOT_FOUND_ERR", 8),
    ("NOT_SUPPORTED_ERR", 9),
    ("INUSE_ATTRIBUTE_ERR", 10),
    ("INVALID_STATE_ERR", 11),
    ("SYNTAX_ERR", 12),
    ("INVALID_MODIFICATION_ERR", 13),
    ("NAMESPACE_ERR", 14),
    ("INVALID_ACCESS_ERR", 15),
    ("VALIDATION_ERR", 16),
    ("TYPE_MISMATCH_ERR", 17),
    ("SECURITY_ERR", 18),
    ("NETWORK_ERR", 19),
    ("ABORT_ERR", 20),
    ("URL_MISMATCH_ERR", 21),
    ("QUOTA_EXCEEDED_ERR", 22),
    ("TIMEOUT_ERR", 23),
    ("INVALID_NODE_TYPE_ERR", 24),
    ("DATA_CLONE_ERR", 25),
];

/// A DOMException's name and message.
#[derive(Debug, Trace, Finalize, JsData)]
pub(crate) struct DomException {
    #[unsafe_ignore_trace]
    name: String,
    #[unsafe_ignore_trace]
    message: String,
}

fn with_this<R>(this: &JsValue, f: impl FnOnce(&DomException) -> R) -> JsResult<R> {
    this.as_object()
        .and_then(|o| o.downcast_ref::<DomException>().map(|d| f(&d)))
        .ok_or_else(|| type_error("'this' is not a DOMException"))
}

impl Class for DomException {
    const NAME: &'static str = "DOMException";
    const LENGTH: usize = 0;

    fn init(class: &mut ClassBuilder<'_>) -> JsResult<()> {
        let realm = class.context().realm().clone();
        let getter = |f: fn(&JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>| {
            Some(NativeFunction::from_fn_ptr(f).to_js_function(&realm))
        };
        let attr = Attribute::CONFIGURABLE | Attribute::ENUMERABLE;
        class.accessor(
            js_string!("name"),
            getter(|this, _, _| with_this(this, |d| JsString::from(d.name.as_str()).into())),
            None,
            attr,
        );
        class.accessor(
            js_string!("message"),
            getter(|this, _, _| with_this(this, |d| JsString::from(d.message.as_str()).into())),
            None,
            attr,
        );
        class.accessor(
            js_string!("code"),
            getter(|this, _, _| with_this(this, |d| JsValue::new(legacy_code(&d.name)))),
            None,
            attr,
        );
        // The legacy code constants, on the interface object and its prototype.
        for (constant, value) in LEGACY_CONSTANTS {
            let constant_attr = Attribute::ENUMERABLE;
            class.static_property(JsString::from(constant), value, constant_attr);
            class.property(JsString::from(constant), value, constant_attr);
        }
        Ok(())
    }

    fn data_constructor(
        _new_target: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<Self> {
        // constructor(optional DOMString message = "", optional DOMString name = "Error")
        let message = match arg(args, 0) {
            v if v.is_undefined() => String::new(),
            v => to_dom_string(&v, context)?,
        };
        let name = match arg(args, 1) {
            v if v.is_undefined() => "Error".to_string(),
            v => to_dom_string(&v, context)?,
        };
        Ok(DomException { name, message })
    }
}

/// Registers `DOMException` in the current realm, with `Error.prototype` as its prototype's
/// prototype.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    context.register_global_class::<DomException>()?;
    let error_prototype = context.intrinsics().constructors().error().prototype();
    if let Some(class) = context.get_global_class::<DomException>() {
        class.prototype().set_prototype(Some(error_prototype));
    }
    Ok(())
}

/// A new DOMException object of the current realm.
pub(crate) fn create(context: &mut Context, name: &str, message: &str) -> JsResult<JsObject> {
    DomException::from_data(
        DomException {
            name: name.into(),
            message: message.into(),
        },
        context,
    )
}

/// A thrown DOMException of the current realm.
pub(crate) fn throw(context: &mut Context, name: &str, message: &str) -> JsError {
    match create(context, name, message) {
        Ok(object) => JsError::from_opaque(object.into()),
        Err(error) => error,
    }
}

/// The name and message of `object` if it is a DOMException (for its serialization steps).
pub(crate) fn name_and_message(object: &JsObject) -> Option<(String, String)> {
    object
        .downcast_ref::<DomException>()
        .map(|d| (d.name.clone(), d.message.clone()))
}

/// Sets the name and message of `object` if it is a DOMException (for its deserialization
/// steps); false if it is not one.
pub(crate) fn set_name_and_message(object: &JsObject, name: String, message: String) -> bool {
    match object.downcast_mut::<DomException>() {
        Some(mut data) => {
            data.name = name;
            data.message = message;
            true
        }
        None => false,
    }
}
