// DOMImplementation, from the DOM Standard:
// https://dom.spec.whatwg.org/#interface-domimplementation

test(() => {
  assert_true(document.implementation instanceof DOMImplementation);
  assert_equals(document.implementation, document.implementation, "[SameObject]");
  assert_throws_js(TypeError, () => new DOMImplementation(), "no constructor");
  assert_true(document.implementation.hasFeature(), "hasFeature() is always true");
  assert_true(document.implementation.hasFeature("Core", "1.0"));
}, "document.implementation");

test(() => {
  const doc = document.implementation.createHTMLDocument("a title");
  assert_true(doc instanceof HTMLDocument, "an HTML document");
  assert_equals(doc.contentType, "text/html");
  assert_equals(doc.URL, "about:blank");
  assert_equals(doc.compatMode, "CSS1Compat", "no-quirks mode");
  assert_equals(doc.characterSet, "UTF-8");
  assert_equals(doc.defaultView, null, "no browsing context");
  assert_equals(doc.childNodes.length, 2, "a doctype and an html element");
  assert_equals(doc.doctype.name, "html");
  assert_equals(doc.documentElement.localName, "html");
  assert_array_equals(Array.from(doc.documentElement.childNodes, n => n.localName),
                      ["head", "body"]);
  assert_equals(doc.head.childNodes.length, 1);
  assert_equals(doc.head.firstChild.localName, "title");
  assert_equals(doc.title, "a title");
  assert_equals(doc.body.childNodes.length, 0);
  assert_not_equals(doc, document);
}, "createHTMLDocument(title)");

test(() => {
  const doc = document.implementation.createHTMLDocument();
  assert_equals(doc.head.childNodes.length, 0, "no title given: no title element");
  assert_equals(doc.title, "");
  const empty = document.implementation.createHTMLDocument("");
  assert_equals(empty.head.childNodes.length, 1, "an empty title still makes the element");
  assert_equals(empty.head.firstChild.childNodes.length, 1, "with an empty Text node");
}, "createHTMLDocument() with no title, or the empty one");

test(() => {
  const doc = document.implementation.createHTMLDocument("t");
  const p = doc.createElement("p");
  p.textContent = "hello";
  doc.body.append(p);
  assert_equals(doc.body.textContent, "hello");
  assert_equals(p.ownerDocument, doc);
  doc.title = "changed";
  assert_equals(doc.title, "changed");
  assert_equals(document.title, "", "the window's document is not touched");
}, "a created HTML document is a DOM of its own");

test(() => {
  const doc = document.implementation.createHTMLDocument("t");
  const script = doc.createElement("script");
  script.textContent = "window.ranInCreatedDocument = true;";
  doc.body.append(script);
  assert_equals(window.ranInCreatedDocument, undefined);
}, "a created document's scripts never run");

test(() => {
  const doc = document.implementation.createDocument(null, "root");
  assert_true(doc instanceof XMLDocument);
  assert_true(doc instanceof Document);
  assert_equals(doc.contentType, "application/xml");
  assert_equals(doc.documentElement.localName, "root");
  assert_equals(doc.documentElement.namespaceURI, null);
  assert_equals(doc.defaultView, null);
  const empty = document.implementation.createDocument(null, "");
  assert_equals(empty.childNodes.length, 0, "an empty qualified name: no element");
  assert_equals(document.implementation.createDocument(null, null).childNodes.length, 0,
                "null is the empty string");
  assert_equals(document.implementation.createDocument(
                  "http://www.w3.org/1999/xhtml", "html").contentType,
                "application/xhtml+xml");
  assert_equals(document.implementation.createDocument(
                  "http://www.w3.org/2000/svg", "svg").contentType,
                "image/svg+xml");
}, "createDocument(namespace, qualifiedName)");

test(() => {
  assert_throws_dom("InvalidCharacterError",
                    () => document.implementation.createDocument(null, "a b"));
  assert_throws_js(TypeError, () => document.implementation.createDocument(null));
}, "createDocument() checks its arguments");

test(() => {
  const doctype = document.implementation.createDocumentType("html", "", "");
  assert_true(doctype instanceof DocumentType);
  assert_equals(doctype.name, "html");
  assert_equals(doctype.ownerDocument, document);
  assert_throws_dom("InvalidCharacterError",
                    () => document.implementation.createDocumentType("a>b", "", ""));
  assert_throws_js(TypeError, () => document.implementation.createDocumentType("html"));
}, "createDocumentType(name, publicId, systemId)");
