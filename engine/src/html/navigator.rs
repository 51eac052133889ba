//! The `Navigator` interface (with the NavigatorID, NavigatorLanguage, NavigatorOnLine,
//! NavigatorCookies, NavigatorPlugins and NavigatorConcurrentHardware mixins) and the
//! Window's `navigator` and `clientInformation` attributes.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/system-state.html#the-navigator-object>

use boa_engine::object::IntegrityLevel;
use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace};

use crate::agent::realm_data::RealmData;
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::interface::{
    create_an_object_implementing, define_global_members, install_interface,
};

/// `interface Navigator` and the mixins it includes: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#the-navigator-object>
// TODO(spec): NavigatorContentUtils (registerProtocolHandler, unregisterProtocolHandler) and
// NavigatorPlugins' `plugins` and `mimeTypes` (PluginArray, MimeTypeArray) are not
// implemented.
pub(crate) const NAVIGATOR: InterfaceDeclaration = InterfaceDeclaration {
    name: "Navigator",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[
        // NavigatorID
        Attribute::readonly("appCodeName", get_app_code_name),
        Attribute::readonly("appName", get_app_name),
        Attribute::readonly("appVersion", get_app_version),
        Attribute::readonly("platform", get_platform),
        Attribute::readonly("product", get_product),
        Attribute::readonly("productSub", get_product_sub),
        Attribute::readonly("userAgent", get_user_agent),
        Attribute::readonly("vendor", get_vendor),
        Attribute::readonly("vendorSub", get_vendor_sub),
        // NavigatorLanguage
        Attribute::readonly("language", get_language),
        Attribute::readonly("languages", get_languages),
        // NavigatorOnLine
        Attribute::readonly("onLine", get_on_line),
        // NavigatorCookies
        Attribute::readonly("cookieEnabled", get_cookie_enabled),
        // NavigatorPlugins
        Attribute::readonly("pdfViewerEnabled", get_pdf_viewer_enabled),
        // NavigatorConcurrentHardware
        Attribute::readonly("hardwareConcurrency", get_hardware_concurrency),
    ],
    operations: &[
        // NavigatorPlugins: boolean javaEnabled();
        Operation::new("javaEnabled", 0, java_enabled),
    ],
    static_operations: &[],
    mixins: &[],
};

/// `partial interface Window`'s `navigator` and `clientInformation`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>
pub(crate) const WINDOW_NAVIGATOR_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[
        // [SameObject] readonly attribute Navigator navigator;
        Attribute::readonly("navigator", get_navigator),
        // [SameObject, Replaceable] readonly attribute Navigator clientInformation;
        Attribute::replaceable("clientInformation", get_navigator),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// The data of a Navigator object: the frozen array `languages` returns while the languages
/// do not change.
#[derive(Clone, Trace, Finalize, JsData)]
struct Navigator {
    languages: JsObject,
}

/// The Window's Navigator object, kept in the Window's realm's host-defined slot.
#[derive(Trace, Finalize, JsData)]
struct WindowNavigator {
    navigator: JsObject,
}

/// The user's preferred languages: this user agent has no user preferences, so one plausible
/// language.
const LANGUAGES: [&str; 1] = ["en-US"];

/// Installs `Navigator` in the current realm (the realm of `global`), creates the Window's
/// Navigator object and defines `navigator` and `clientInformation` on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &NAVIGATOR)?;
    // languages: "a frozen array": the same object until the languages change.
    let languages = JsArray::from_iter(
        LANGUAGES
            .iter()
            .map(|language| JsValue::from(JsString::from(*language))),
        context,
    );
    let languages: JsObject = languages.into();
    languages.set_integrity_level(IntegrityLevel::Frozen, context)?;
    let navigator =
        create_an_object_implementing(context, "Navigator", None, Navigator { languages })?;
    context
        .realm()
        .host_defined_mut()
        .insert(WindowNavigator { navigator });
    define_global_members(context, global, &WINDOW_NAVIGATOR_MEMBERS)
}

/// The `navigator` and `clientInformation` getters: `this`'s Window's Navigator object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator>
fn get_navigator(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // The Navigator is kept in this's Window's realm.
    let realm = RealmData::realm_of_this(this, context)?;
    let host_defined = realm.host_defined();
    host_defined
        .get::<WindowNavigator>()
        .map(|n| n.navigator.clone().into())
        .ok_or_else(|| type_error("no Navigator in this realm"))
}

/// The data of `this`, a Navigator object.
fn this_navigator(this: &JsValue) -> JsResult<Navigator> {
    this.as_object()
        .and_then(|object| object.downcast_ref::<Navigator>().map(|n| n.clone()))
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a Navigator"))
}

/// The platform part of the User-Agent value and `platform`, e.g. "Linux x86_64".
fn platform() -> String {
    let os = match std::env::consts::OS {
        "linux" => "Linux",
        "macos" => "Macintosh",
        "windows" => "Win32",
        other => other,
    };
    format!("{os} {}", std::env::consts::ARCH)
}

/// The default User-Agent value.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#concept-navigator-compatibility-mode>
/// (`userAgent` returns the default User-Agent value, which is implementation-defined.)
pub(crate) fn default_user_agent_value() -> String {
    format!(
        "Mozilla/5.0 ({}) Postern/{}",
        platform(),
        env!("CARGO_PKG_VERSION")
    )
}

/// A getter of a Navigator attribute whose value is a string.
fn string_getter(this: &JsValue, value: &str) -> JsResult<JsValue> {
    this_navigator(this)?;
    Ok(JsString::from(value).into())
}

/// `appCodeName`: "Mozilla".
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-appcodename>
fn get_app_code_name(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    string_getter(this, "Mozilla")
}

/// `appName`: "Netscape".
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-appname>
fn get_app_name(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    string_getter(this, "Netscape")
}

/// `appVersion`: "4.0" or the version string that follows "Mozilla/" in the User-Agent value
/// (what Chromium and WebKit return).
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-appversion>
fn get_app_version(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    let user_agent = default_user_agent_value();
    let version = user_agent.strip_prefix("Mozilla/").unwrap_or("4.0");
    string_getter(this, version)
}

/// `platform`: a string naming the platform the browser runs on.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-platform>
fn get_platform(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    string_getter(this, &platform())
}

/// `product`: "Gecko".
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-product>
fn get_product(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    string_getter(this, "Gecko")
}

/// `productSub`: "20030107" (the compatibility mode of Chrome and Safari).
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-productsub>
fn get_product_sub(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    string_getter(this, "20030107")
}

/// `userAgent`: the default User-Agent value.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-useragent>
fn get_user_agent(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    string_getter(this, &default_user_agent_value())
}

/// `vendor`: the empty string (the compatibility mode of Gecko: no vendor to name).
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-vendor>
fn get_vendor(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    string_getter(this, "")
}

/// `vendorSub`: the empty string.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-vendorsub>
fn get_vendor_sub(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    string_getter(this, "")
}

/// `language`: the user's most preferred language.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-language>
fn get_language(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    string_getter(this, LANGUAGES[0])
}

/// `languages`: a frozen array of the user's preferred languages, the same object until they
/// change (they never change here).
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-languages>
fn get_languages(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    let navigator = this_navigator(this)?;
    Ok(navigator.languages.clone().into())
}

/// `onLine`: false if the user agent will not contact the network; it will (`postern run`
/// fetches http and https URLs), so true.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-online>
fn get_on_line(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    this_navigator(this)?;
    Ok(true.into())
}

/// `cookieEnabled`: false, as this user agent keeps no cookies.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-cookieenabled>
fn get_cookie_enabled(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    this_navigator(this)?;
    Ok(false.into())
}

/// `pdfViewerEnabled`: false, as this user agent does not view PDFs inline.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-pdfviewerenabled>
fn get_pdf_viewer_enabled(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    this_navigator(this)?;
    Ok(false.into())
}

/// `javaEnabled()`: false.
///
/// Spec: <https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-javaenabled>
fn java_enabled(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    this_navigator(this)?;
    Ok(false.into())
}

/// `hardwareConcurrency`: the number of logical processors potentially available to the user
/// agent (at least 1).
///
/// Spec: <https://html.spec.whatwg.org/multipage/workers.html#dom-navigator-hardwareconcurrency>
fn get_hardware_concurrency(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    this_navigator(this)?;
    let processors = std::thread::available_parallelism().map_or(1, |n| n.get());
    Ok(JsValue::from(u32::try_from(processors).unwrap_or(u32::MAX)))
}
