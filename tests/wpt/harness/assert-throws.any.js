// META: global=window
// META: title=Harness: assert_throws_js, assert_throws_dom and assert_throws_exactly
"use strict";

function message_of(func) {
  try {
    func();
  } catch (e) {
    return e.message;
  }
  return null;
}

test(() => {
  assert_throws_js(TypeError, () => { throw new TypeError("x"); });
  assert_throws_js(RangeError, () => { throw new RangeError(); });
  assert_throws_js(Error, () => { throw new Error(); });
  assert_throws_js(TypeError, () => null.property);
}, "assert_throws_js passes when the expected error is thrown");

test(() => {
  assert_throws_js(AssertionError, () => assert_throws_js(TypeError, () => {}));
  assert_throws_js(AssertionError, () => assert_throws_js(TypeError, () => { throw new RangeError(); }));
  assert_throws_js(AssertionError, () => assert_throws_js(Error, () => { throw new TypeError(); }),
                   "a subclass instance does not match its base class");
  assert_throws_js(AssertionError, () => assert_throws_js(TypeError, () => { throw "TypeError"; }),
                   "a string is not an error object");
}, "assert_throws_js fails for no exception or the wrong kind");

test(() => {
  assert_throws_js(AssertionError,
                   () => assert_throws_js(SyntaxError, () => { throw new DOMException("m", "SyntaxError"); }),
                   "a SyntaxError DOMException is not a JS SyntaxError");
}, "assert_throws_js does not accept a DOMException of the same name");

test(() => {
  const message = message_of(() => assert_throws_js(TypeError, function f() {}, "desc"));
  assert_regexp_match(message, /^assert_throws_js: desc function ".*" did not throw$/);
}, "assert_throws_js message when nothing is thrown");

test(() => {
  assert_throws_dom("SyntaxError", () => { throw new DOMException("m", "SyntaxError"); });
  assert_throws_dom("SYNTAX_ERR", () => { throw new DOMException("m", "SyntaxError"); });
  assert_throws_dom(12, () => { throw new DOMException("m", "SyntaxError"); });
  assert_throws_dom("DataCloneError", () => { throw new DOMException("m", "DataCloneError"); });
  assert_throws_dom("DATA_CLONE_ERR", () => { throw new DOMException("m", "DataCloneError"); });
  assert_throws_dom(25, () => { throw new DOMException("m", "DataCloneError"); });
  assert_throws_dom("NotAllowedError", () => { throw new DOMException("m", "NotAllowedError"); });
}, "assert_throws_dom accepts names, legacy constant names and legacy codes");

test(() => {
  assert_throws_dom("SyntaxError", DOMException, () => { throw new DOMException("m", "SyntaxError"); });
}, "assert_throws_dom with an explicit constructor");

test(() => {
  assert_throws_js(AssertionError,
                   () => assert_throws_dom("SyntaxError", () => { throw new SyntaxError("m"); }),
                   "a JS SyntaxError is not a DOMException");
  assert_throws_js(AssertionError,
                   () => assert_throws_dom("SyntaxError", () => { throw new DOMException("m", "DataCloneError"); }),
                   "wrong name");
  assert_throws_js(AssertionError,
                   () => assert_throws_dom("SyntaxError", () => {}),
                   "nothing thrown");
  assert_throws_js(AssertionError,
                   () => assert_throws_dom("NoSuchError", () => { throw new DOMException("m", "NoSuchError"); }),
                   "an unknown name is a test bug");
}, "assert_throws_dom fails for the wrong exception");

test(() => {
  const thrown = { some: "object" };
  assert_throws_exactly(thrown, () => { throw thrown; });
  assert_throws_exactly(-0, () => { throw -0; });
  assert_throws_exactly(NaN, () => { throw NaN; });
  assert_throws_js(AssertionError, () => assert_throws_exactly(0, () => { throw -0; }));
  assert_throws_js(AssertionError, () => assert_throws_exactly({ some: "object" }, () => { throw thrown; }));
  assert_throws_js(AssertionError, () => assert_throws_exactly(1, () => {}));
}, "assert_throws_exactly compares the thrown value with SameValue");
