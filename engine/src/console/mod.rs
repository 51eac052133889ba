//! The `console` namespace (log, info, debug, warn, error) and value formatting.
//!
//! Spec: <https://console.spec.whatwg.org/>

use std::collections::HashSet;

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsObject, JsResult, JsValue, JsVariant, js_string};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::embedder::console_sink::ConsoleLevel;
use crate::html::scripting::script::emit_console;
use crate::webidl::declaration::{NamespaceDeclaration, Operation};
use crate::webidl::dom_exception::DomException;
use crate::webidl::interface::install_namespace;

/// `namespace console`: what scripts see.
///
/// Spec: <https://console.spec.whatwg.org/#console-namespace>
pub(crate) const CONSOLE: NamespaceDeclaration = NamespaceDeclaration {
    name: "console",
    constants: &[],
    attributes: &[],
    operations: &[
        // undefined log(any... data); (and so on)
        Operation::new("log", 0, log),
        Operation::new("info", 0, info),
        Operation::new("debug", 0, debug),
        Operation::new("warn", 0, warn),
        Operation::new("error", 0, error),
    ],
};

/// `console.log(...data)`: Logger("log", data).
///
/// Spec: <https://console.spec.whatwg.org/#log>
fn log(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    logger(context, ConsoleLevel::Log, args)
}

/// `console.info(...data)`: Logger("info", data).
///
/// Spec: <https://console.spec.whatwg.org/#info>
fn info(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    logger(context, ConsoleLevel::Log, args)
}

/// `console.debug(...data)`: Logger("debug", data).
///
/// Spec: <https://console.spec.whatwg.org/#debug>
fn debug(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    logger(context, ConsoleLevel::Log, args)
}

/// `console.warn(...data)`: Logger("warn", data).
///
/// Spec: <https://console.spec.whatwg.org/#warn>
fn warn(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    logger(context, ConsoleLevel::Warn, args)
}

/// `console.error(...data)`: Logger("error", data).
///
/// Spec: <https://console.spec.whatwg.org/#error>
fn error(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    logger(context, ConsoleLevel::Error, args)
}

const MAX_DEPTH: usize = 4;
const MAX_ITEMS: usize = 100;

/// Formats a value the way a console prints it: a string as is at the top level (quoted when
/// nested), `-0` for negative zero, arrays as `[1, 2]`, objects as `{a: 1}`, errors as
/// `Name: message`.
///
/// Deviation: formatting reads properties with [[Get]], so getters run.
pub(crate) fn format_value(context: &mut Context, value: &JsValue, top: bool) -> String {
    let mut seen = HashSet::new();
    format_inner(context, value, top, 0, &mut seen)
}

fn format_number(n: f64) -> String {
    if n == 0.0 && n.is_sign_negative() {
        "-0".into()
    } else {
        JsValue::new(n).display().to_string()
    }
}

fn format_inner(
    context: &mut Context,
    value: &JsValue,
    top: bool,
    depth: usize,
    seen: &mut HashSet<usize>,
) -> String {
    match value.variant() {
        JsVariant::String(s) if top => s.to_std_string_escaped(),
        JsVariant::String(s) => format!("{:?}", s.to_std_string_escaped()),
        JsVariant::Float64(n) => format_number(n),
        JsVariant::Integer32(n) => n.to_string(),
        JsVariant::BigInt(b) => format!("{b}n"),
        JsVariant::Object(o) => format_object(context, &o, depth, seen),
        _ => value.display().to_string(),
    }
}

fn get_string(context: &mut Context, object: &JsObject, name: &str) -> Option<String> {
    object
        .get(boa_engine::JsString::from(name), context)
        .ok()
        .and_then(|v| v.as_string().map(|s| s.to_std_string_escaped()))
}

fn format_object(
    context: &mut Context,
    object: &JsObject,
    depth: usize,
    seen: &mut HashSet<usize>,
) -> String {
    if object.is_callable() {
        let name = get_string(context, object, "name").unwrap_or_default();
        return format!("function {name}()");
    }
    if object.is::<boa_engine::builtins::error::Error>()
        || object.downcast_ref::<DomException>().is_some()
    {
        let name = get_string(context, object, "name").unwrap_or_else(|| "Error".into());
        let message = get_string(context, object, "message").unwrap_or_default();
        return if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        };
    }
    let identity = std::ptr::from_ref(object.as_ref()) as *const () as usize;
    if depth >= MAX_DEPTH {
        return if object.is_array() {
            "[...]".into()
        } else {
            "{...}".into()
        };
    }
    if !seen.insert(identity) {
        return "[Circular]".into();
    }
    let text = if object.is_array() {
        let array = JsArray::from_object(object.clone()).ok();
        let length = array
            .as_ref()
            .and_then(|a| a.length(context).ok())
            .unwrap_or(0);
        let mut items = Vec::new();
        for i in 0..length.min(MAX_ITEMS as u64) {
            let item = object.get(i, context).unwrap_or_default();
            items.push(format_inner(context, &item, false, depth + 1, seen));
        }
        if length > MAX_ITEMS as u64 {
            items.push("...".into());
        }
        format!("[{}]", items.join(", "))
    } else {
        let keys = RealmData::of_current_realm(context)
            .ok()
            .and_then(|d| {
                d.object_keys
                    .call(&JsValue::undefined(), &[object.clone().into()], context)
                    .ok()
            })
            .and_then(|k| k.as_object())
            .and_then(|k| JsArray::from_object(k).ok());
        let mut items = Vec::new();
        if let Some(keys) = keys {
            let length = keys.length(context).unwrap_or(0);
            for i in 0..length.min(MAX_ITEMS as u64) {
                let Some(key) = keys.get(i, context).ok().and_then(|k| k.as_string()) else {
                    continue;
                };
                let value = object.get(key.clone(), context).unwrap_or_default();
                let value = format_inner(context, &value, false, depth + 1, seen);
                items.push(format!("{}: {value}", key.to_std_string_escaped()));
            }
        }
        if items.is_empty() {
            "{}".into()
        } else {
            format!("{{{}}}", items.join(", "))
        }
    };
    seen.remove(&identity);
    let _ = js_string!("");
    text
}

/// The Logger operation with the Printer's formatting: arguments joined by spaces, printed
/// for the current realm's Window (boa runs a native function in its own realm, the Window's
/// it was installed on).
///
/// Spec: <https://console.spec.whatwg.org/#logger>
fn logger(context: &mut Context, level: ConsoleLevel, args: &[JsValue]) -> JsResult<JsValue> {
    let window = RealmData::window_of_current_realm(context)?;
    // 1. If args is empty, return.
    if args.is_empty() {
        return Ok(JsValue::undefined());
    }
    // TODO(spec): the Formatter's %s/%d/%o substitutions.
    let text = args
        .iter()
        .map(|a| format_value(context, a, true))
        .collect::<Vec<_>>()
        .join(" ");
    let state = AgentState::of(context)?;
    emit_console(&state, window, level, text);
    Ok(JsValue::undefined())
}

/// Defines `console` on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    let console = install_namespace(context, global, &CONSOLE)?;
    // For historical web-compatibility reasons, the namespace object for console must have as
    // its [[Prototype]] an empty object, created as if by ObjectCreate(%ObjectPrototype%),
    // instead of %ObjectPrototype%.
    console.set_prototype(Some(JsObject::with_object_proto(context.intrinsics())));
    Ok(())
}
