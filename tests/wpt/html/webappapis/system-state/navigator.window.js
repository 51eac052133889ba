// META: title=The Navigator object: NavigatorID, NavigatorLanguage, NavigatorOnLine, NavigatorCookies, NavigatorPlugins, NavigatorConcurrentHardware
// Spec: https://html.spec.whatwg.org/multipage/system-state.html#the-navigator-object

test(() => {
  assert_true(navigator instanceof Navigator);
  assert_equals(window.navigator, navigator, "[SameObject]");
  assert_equals(window.clientInformation, navigator, "clientInformation is navigator");
  assert_throws_js(TypeError, () => new Navigator(), "no constructor");
  assert_equals(Object.prototype.toString.call(navigator), "[object Navigator]");
}, "navigator and clientInformation are the Window's one Navigator");

test(() => {
  window.clientInformation = 5;
  assert_equals(window.clientInformation, 5, "[Replaceable]");
  assert_equals(window.navigator instanceof Navigator, true, "navigator unchanged");
  window.navigator = 5;
  assert_true(window.navigator instanceof Navigator, "navigator is readonly, not replaceable");
}, "clientInformation is [Replaceable], navigator is not");

test(() => {
  assert_equals(navigator.appCodeName, "Mozilla");
  assert_equals(navigator.appName, "Netscape");
  assert_equals(navigator.product, "Gecko");
  assert_in_array(navigator.productSub, ["20030107", "20100101"]);
  assert_in_array(navigator.vendor, ["", "Apple Computer, Inc.", "Google Inc."]);
  assert_equals(navigator.vendorSub, "");
  assert_equals(typeof navigator.platform, "string");
  assert_true(navigator.userAgent.startsWith("Mozilla/5.0 ("), navigator.userAgent);
  assert_equals(navigator.appVersion, navigator.userAgent.slice("Mozilla/".length),
                "appVersion: the User-Agent value after Mozilla/");
}, "NavigatorID's compatibility values");

test(() => {
  const languages = navigator.languages;
  assert_true(Array.isArray(languages));
  assert_true(Object.isFrozen(languages), "a frozen array");
  assert_equals(navigator.languages, languages, "the same object while the languages are the same");
  assert_true(languages.length >= 1);
  assert_equals(languages[0], navigator.language, "language is the most preferred");
}, "NavigatorLanguage: language and languages");

test(() => {
  assert_equals(typeof navigator.onLine, "boolean");
  assert_equals(typeof navigator.cookieEnabled, "boolean");
  assert_equals(navigator.javaEnabled(), false);
  assert_equals(typeof navigator.pdfViewerEnabled, "boolean");
  const n = navigator.hardwareConcurrency;
  assert_true(Number.isInteger(n) && n >= 1, String(n));
}, "onLine, cookieEnabled, javaEnabled(), pdfViewerEnabled, hardwareConcurrency");

test(() => {
  const getter = Object.getOwnPropertyDescriptor(Navigator.prototype, "userAgent").get;
  assert_throws_js(TypeError, () => getter.call({}));
  assert_throws_js(TypeError, () => Navigator.prototype.javaEnabled.call(window));
  const navGetter = Object.getOwnPropertyDescriptor(window, "navigator").get;
  assert_throws_js(TypeError, () => navGetter.call({}));
}, "the members check their this");
