//! The `DOMException` interface.
//!
//! Spec: <https://webidl.spec.whatwg.org/#idl-DOMException>

use boa_engine::{
    Context, Finalize, JsData, JsError, JsObject, JsResult, JsString, JsValue, Trace,
};

use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, Constant, Constructor, InterfaceDeclaration};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface DOMException`: what scripts see.
///
/// Spec: <https://webidl.spec.whatwg.org/#idl-DOMException>
pub(crate) const DOM_EXCEPTION: InterfaceDeclaration = InterfaceDeclaration {
    name: "DOMException",
    inherits: None,
    constructor: Some(Constructor {
        length: 0,
        steps: construct,
    }),
    constants: &[
        Constant {
            name: "INDEX_SIZE_ERR",
            value: 1,
        },
        Constant {
            name: "DOMSTRING_SIZE_ERR",
            value: 2,
        },
        Constant {
            name: "HIERARCHY_REQUEST_ERR",
            value: 3,
        },
        Constant {
            name: "WRONG_DOCUMENT_ERR",
            value: 4,
        },
        Constant {
            name: "INVALID_CHARACTER_ERR",
            value: 5,
        },
        Constant {
            name: "NO_DATA_ALLOWED_ERR",
            value: 6,
        },
        Constant {
            name: "NO_MODIFICATION_ALLOWED_ERR",
            value: 7,
        },
        Constant {
            name: "NOT_FOUND_ERR",
            value: 8,
        },
        Constant {
            name: "NOT_SUPPORTED_ERR",
            value: 9,
        },
        Constant {
            name: "INUSE_ATTRIBUTE_ERR",
            value: 10,
        },
        Constant {
            name: "INVALID_STATE_ERR",
            value: 11,
        },
        Constant {
            name: "SYNTAX_ERR",
            value: 12,
        },
        Constant {
            name: "INVALID_MODIFICATION_ERR",
            value: 13,
        },
        Constant {
            name: "NAMESPACE_ERR",
            value: 14,
        },
        Constant {
            name: "INVALID_ACCESS_ERR",
            value: 15,
        },
        Constant {
            name: "VALIDATION_ERR",
            value: 16,
        },
        Constant {
            name: "TYPE_MISMATCH_ERR",
            value: 17,
        },
        Constant {
            name: "SECURITY_ERR",
            value: 18,
        },
        Constant {
            name: "NETWORK_ERR",
            value: 19,
        },
        Constant {
            name: "ABORT_ERR",
            value: 20,
        },
        Constant {
            name: "URL_MISMATCH_ERR",
            value: 21,
        },
        Constant {
            name: "QUOTA_EXCEEDED_ERR",
            value: 22,
        },
        Constant {
            name: "TIMEOUT_ERR",
            value: 23,
        },
        Constant {
            name: "INVALID_NODE_TYPE_ERR",
            value: 24,
        },
        Constant {
            name: "DATA_CLONE_ERR",
            value: 25,
        },
    ],
    attributes: &[
        Attribute::readonly("name", get_name),
        Attribute::readonly("message", get_message),
        Attribute::readonly("code", get_code),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

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

/// `constructor(optional DOMString message = "", optional DOMString name = "Error")`
///
/// Spec: <https://webidl.spec.whatwg.org/#dom-domexception-domexception>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "DOMException")?;
    let message = match arg(args, 0) {
        v if v.is_undefined() => String::new(),
        v => to_dom_string(&v, context)?,
    };
    let name = match arg(args, 1) {
        v if v.is_undefined() => "Error".to_string(),
        v => to_dom_string(&v, context)?,
    };
    // 1. Set this's name to name. 2. Set this's message to message.
    let data = DomException { name, message };
    Ok(create_an_object_implementing(context, "DOMException", Some(&new_target), data)?.into())
}

/// `name`: this's name.
fn get_name(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |d| JsString::from(d.name.as_str()).into())
}

/// `message`: this's message.
fn get_message(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |d| JsString::from(d.message.as_str()).into())
}

/// `code`: the legacy code of this's name, or 0.
fn get_code(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |d| JsValue::new(legacy_code(&d.name)))
}

/// Installs `DOMException` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &DOM_EXCEPTION)?;
    Ok(())
}

/// A new DOMException object of the current realm.
pub(crate) fn create(context: &mut Context, name: &str, message: &str) -> JsResult<JsObject> {
    let data = DomException {
        name: name.into(),
        message: message.into(),
    };
    create_an_object_implementing(context, "DOMException", None, data)
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
