// new Document(), from the DOM Standard: https://dom.spec.whatwg.org/#dom-document-document

test(() => {
  const doc = new Document();
  assert_true(doc instanceof Document);
  assert_false(doc instanceof HTMLDocument, "an XML document");
  assert_equals(Object.getPrototypeOf(doc), Document.prototype);
  assert_equals(doc.nodeType, Node.DOCUMENT_NODE);
  assert_equals(doc.childNodes.length, 0, "empty");
  assert_equals(doc.documentElement, null);
  assert_equals(doc.doctype, null);
}, "new Document() is an empty Document");

test(() => {
  const doc = new Document();
  assert_equals(doc.URL, "about:blank");
  assert_equals(doc.documentURI, "about:blank");
  assert_equals(doc.contentType, "application/xml");
  assert_equals(doc.characterSet, "UTF-8");
  assert_equals(doc.compatMode, "CSS1Compat");
  assert_equals(doc.readyState, "complete");
  assert_equals(doc.defaultView, null, "no browsing context");
}, "new Document()'s URL, content type, encoding, mode and readiness");

test(() => {
  const doc = new Document();
  const element = doc.createElement("MixedCase");
  assert_equals(element.localName, "MixedCase", "not lowercased: an XML document");
  assert_equals(element.namespaceURI, null, "the null namespace");
  assert_equals(element.ownerDocument, doc);
  assert_equals(document.createElement("MixedCase").localName, "mixedcase",
                "an HTML document lowercases");
}, "createElement() in a new Document()");

test(() => {
  const a = new Document();
  const b = new Document();
  assert_not_equals(a, b);
  assert_not_equals(a, document);
  assert_equals(a.implementation, a.implementation, "[SameObject]");
  assert_not_equals(a.implementation, document.implementation);
}, "each new Document() is a new document");
