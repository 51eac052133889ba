// META: title=HTMLHyperlinkElementUtils on <a> and <area>: href and the URL decomposition
// Written from the HTML Standard:
// https://html.spec.whatwg.org/multipage/links.html#htmlhyperlinkelementutils
"use strict";

function link(tag, href) {
  const element = document.createElement(tag);
  if (href !== undefined) element.setAttribute("href", href);
  return element;
}

for (const tag of ["a", "area"]) {
  test(() => {
    const element = link(tag, "https://user:pw@example.com:8443/p/q?x=1#h");
    assert_equals(element.href, "https://user:pw@example.com:8443/p/q?x=1#h");
    assert_equals(String(element), element.href, "the stringifier");
    assert_equals(element.origin, "https://example.com:8443");
    assert_equals(element.protocol, "https:");
    assert_equals(element.username, "user");
    assert_equals(element.password, "pw");
    assert_equals(element.host, "example.com:8443");
    assert_equals(element.hostname, "example.com");
    assert_equals(element.port, "8443");
    assert_equals(element.pathname, "/p/q");
    assert_equals(element.search, "?x=1");
    assert_equals(element.hash, "#h");
  }, `<${tag}>: the getters decompose the href`);

  test(() => {
    const element = link(tag, "sub/page?q");
    const expected = new URL("sub/page?q", document.URL);
    assert_equals(element.href, expected.href, "relative to the document");
    assert_equals(element.getAttribute("href"), "sub/page?q", "the attribute is unchanged");
    assert_equals(element.origin, location.origin);
    assert_equals(element.host, location.host);
  }, `<${tag}>: a relative href is parsed against the document`);

  test(() => {
    const none = link(tag);
    assert_equals(none.href, "", "no attribute: href is empty");
    assert_equals(none.protocol, ":", "protocol of a null url");
    for (const name of ["origin", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"]) {
      assert_equals(none[name], "", `${name} of a null url`);
    }
    none.pathname = "/x";
    none.hash = "y";
    assert_false(none.hasAttribute("href"), "the setters do nothing without a url");
    const bad = link(tag, "http://example.com:99999/");
    assert_equals(bad.href, "http://example.com:99999/", "a failure: href gives the attribute");
    assert_equals(bad.host, "");
    bad.host = "ok.test";
    assert_equals(bad.getAttribute("href"), "http://example.com:99999/", "not updated");
  }, `<${tag}>: no href, or one that fails to parse`);

  test(() => {
    const element = link(tag, "http://example.com/a?b#c");
    element.protocol = "https";
    assert_equals(element.getAttribute("href"), "https://example.com/a?b#c", "protocol");
    element.username = "me";
    element.password = "pw";
    assert_equals(element.getAttribute("href"), "https://me:pw@example.com/a?b#c", "username, password");
    element.host = "other.test:81";
    assert_equals(element.getAttribute("href"), "https://me:pw@other.test:81/a?b#c", "host");
    element.hostname = "third.test";
    element.port = "82";
    assert_equals(element.getAttribute("href"), "https://me:pw@third.test:82/a?b#c", "hostname, port");
    element.port = "";
    element.pathname = "x y";
    assert_equals(element.getAttribute("href"), "https://me:pw@third.test/x%20y?b#c", "port cleared, pathname");
    element.search = "?k=v";
    element.hash = "frag";
    assert_equals(element.getAttribute("href"), "https://me:pw@third.test/x%20y?k=v#frag", "search, hash");
    element.search = "";
    element.hash = "";
    assert_equals(element.getAttribute("href"), "https://me:pw@third.test/x%20y", "emptied");
  }, `<${tag}>: the setters update the href content attribute`);

  test(() => {
    const element = link(tag, "http://example.com/");
    element.href = "relative";
    assert_equals(element.getAttribute("href"), "relative", "the setter sets the attribute as given");
    element.href = "http://\uD800.test/";
    assert_equals(element.getAttribute("href"), "http://\uFFFD.test/", "a USVString");
    const mail = link(tag, "mailto:someone@example.com");
    mail.host = "example.org";
    mail.username = "me";
    assert_equals(mail.getAttribute("href"), "mailto:someone@example.com", "an opaque path keeps its href");
    const file = link(tag, "file:///tmp");
    file.port = "1";
    assert_equals(file.getAttribute("href"), "file:///tmp", "a file URL has no port");
  }, `<${tag}>: href setter and the URLs that cannot take a part`);
}

test(() => {
  const area = document.createElement("area");
  assert_true(area instanceof HTMLAreaElement);
  assert_equals(Object.getPrototypeOf(HTMLAreaElement.prototype), HTMLElement.prototype);
  for (const proto of [HTMLAnchorElement.prototype, HTMLAreaElement.prototype]) {
    for (const name of ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"]) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      assert_equals(typeof d.set, "function", `${name} has a setter`);
    }
    assert_equals(Object.getOwnPropertyDescriptor(proto, "origin").set, undefined, "origin is readonly");
    assert_true(Object.prototype.hasOwnProperty.call(proto, "toString"), "the stringifier");
  }
}, "the mixin's members are on HTMLAnchorElement.prototype and HTMLAreaElement.prototype");
