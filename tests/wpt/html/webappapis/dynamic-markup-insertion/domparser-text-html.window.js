// DOMParser with "text/html", from the HTML Standard:
// https://html.spec.whatwg.org/multipage/dynamic-markup-insertion.html#domparser

test(() => {
  assert_equals(typeof DOMParser, "function");
  const parser = new DOMParser();
  assert_true(parser instanceof DOMParser);
  assert_throws_js(TypeError, () => DOMParser(), "a constructor needs new");
  assert_equals(DOMParser.prototype.parseFromString.length, 2);
}, "the DOMParser interface");

test(() => {
  const doc = new DOMParser().parseFromString(
    "<!doctype html><title>parsed</title><p id=x>hello <b>world</b>", "text/html");
  assert_true(doc instanceof HTMLDocument);
  assert_not_equals(doc, document);
  assert_equals(doc.contentType, "text/html");
  assert_equals(doc.characterSet, "UTF-8");
  assert_equals(doc.compatMode, "CSS1Compat");
  assert_equals(doc.readyState, "complete");
  assert_equals(doc.defaultView, null, "no browsing context");
  assert_equals(doc.title, "parsed");
  assert_equals(doc.getElementById("x").textContent, "hello world");
  assert_equals(doc.body.firstChild.localName, "p");
}, "parseFromString(string, \"text/html\") parses an HTML document");

test(() => {
  const doc = new DOMParser().parseFromString("<p>no doctype", "text/html");
  assert_equals(doc.compatMode, "BackCompat", "quirks mode");
  assert_equals(doc.documentElement.localName, "html", "html, head and body are implied");
  assert_equals(doc.head.localName, "head");
  assert_equals(doc.body.textContent, "no doctype");
}, "a parsed document without a DOCTYPE is in quirks mode");

test(() => {
  window.domParserScriptRan = false;
  const doc = new DOMParser().parseFromString(
    "<script>window.domParserScriptRan = true;<\/script><p>after", "text/html");
  assert_false(window.domParserScriptRan, "its scripts never run");
  assert_equals(doc.querySelector("script").textContent,
                "window.domParserScriptRan = true;", "the script element is there");
  assert_equals(doc.querySelector("p").textContent, "after");
}, "scripts in a parsed document do not run");

test(() => {
  const parser = new DOMParser();
  assert_throws_js(TypeError, () => parser.parseFromString("<p>", "text/plain"),
                   "not a DOMParserSupportedType");
  assert_throws_js(TypeError, () => parser.parseFromString("<p>"), "two arguments");
  assert_throws_js(TypeError, () => DOMParser.prototype.parseFromString.call({}, "", "text/html"));
}, "parseFromString() checks its arguments and this");
