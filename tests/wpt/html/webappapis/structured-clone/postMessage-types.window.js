// META: title=window.postMessage to self: the types structured cloning keeps, and transfer
"use strict";

let counter = 0;

/** Posts `make(id)` to this window and resolves with the event that carries it. */
function post(make, transfer) {
  const id = `types-${++counter}`;
  const received = new Promise(resolve => {
    window.addEventListener("message", function listener(e) {
      const data = e.data;
      if (data !== null && typeof data === "object" && data.id === id) {
        window.removeEventListener("message", listener);
        resolve(e);
      }
    });
  });
  postMessage({ id, value: make() }, "*", transfer);
  return received;
}

promise_test(async () => {
  const event = await post(() => [new Boolean(true), new Number(-0), Object(7n), new String("s")]);
  const [b, n, big, s] = event.data.value;
  assert_true(b instanceof Boolean);
  assert_true(Object.is(n.valueOf(), -0));
  assert_equals(typeof big, "object");
  assert_equals(big.valueOf(), 7n);
  assert_true(s instanceof String);
  assert_equals(s.valueOf(), "s");
}, "wrapper objects");

promise_test(async () => {
  const event = await post(() => [new Date(1234), new Date(NaN), new Date(-0)]);
  const [date, invalid, zero] = event.data.value;
  assert_true(date instanceof Date);
  assert_equals(date.getTime(), 1234);
  assert_true(Number.isNaN(invalid.getTime()));
  assert_true(Object.is(zero.getTime(), 0));
}, "Dates, invalid and -0 included");

promise_test(async () => {
  const original = /x\/y/giy;
  original.lastIndex = 2;
  const event = await post(() => original);
  const clone = event.data.value;
  assert_true(clone instanceof RegExp);
  assert_equals(clone.source, original.source);
  assert_equals(clone.flags, "giy");
  assert_equals(clone.lastIndex, 0);
}, "a RegExp, with lastIndex reset");

promise_test(async () => {
  const map = new Map([["a", 1]]);
  const set = new Set([map]);
  map.set("set", set);
  map.set("map", map);
  const event = await post(() => ({ map, set }));
  const { map: m, set: s } = event.data.value;
  assert_true(m instanceof Map);
  assert_true(s instanceof Set);
  assert_equals(m.get("map"), m);
  assert_equals(m.get("set"), s);
  assert_true(s.has(m));
  assert_array_equals([...m.keys()], ["a", "set", "map"]);
}, "Maps and Sets with cycles");

promise_test(async () => {
  const error = new RangeError("out");
  const exception = new DOMException("gone", "NotFoundError");
  const event = await post(() => [error, exception]);
  const [e, d] = event.data.value;
  assert_true(e instanceof RangeError);
  assert_equals(e.message, "out");
  assert_true(d instanceof DOMException);
  assert_equals(d.name, "NotFoundError");
  assert_equals(d.message, "gone");
}, "Error objects and DOMException");

promise_test(async () => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  const bytes = new Uint8Array(buffer);
  bytes.set([1, 2, 3]);
  const view = new DataView(buffer, 1, 2);
  const event = await post(() => ({ bytes, view }));
  const clone = event.data.value;
  assert_equals(clone.bytes.buffer, clone.view.buffer);
  assert_true(clone.bytes.buffer.resizable);
  assert_array_equals([...clone.bytes.slice(0, 3)], [1, 2, 3]);
  assert_equals(clone.view.getUint8(0), 2);
  assert_equals(buffer.byteLength, 8, "copied, not transferred");
}, "buffers and views are copied, and views share their buffer");

promise_test(async () => {
  const buffer = new Uint8Array([9, 8, 7]).buffer;
  const view = new Uint8Array(buffer);
  const received = post(() => ({ buffer, view }), [buffer]);
  assert_equals(buffer.byteLength, 0, "detached as postMessage returns");
  assert_equals(view.length, 0, "the view sees it detached");
  const event = await received;
  const clone = event.data.value;
  assert_equals(clone.buffer.byteLength, 3);
  assert_equals(clone.view.buffer, clone.buffer);
  assert_array_equals([...clone.view], [9, 8, 7]);
}, "a transferred ArrayBuffer arrives and the source is detached");

promise_test(async () => {
  const buffer = new ArrayBuffer(4);
  const id = `options-${++counter}`;
  const received = new Promise(resolve => {
    window.addEventListener("message", function listener(e) {
      if (e.data && e.data.id === id) {
        window.removeEventListener("message", listener);
        resolve(e);
      }
    });
  });
  postMessage({ id, buffer }, { targetOrigin: "*", transfer: [buffer] });
  assert_equals(buffer.byteLength, 0);
  const event = await received;
  assert_equals(event.data.buffer.byteLength, 4);
}, "transfer through the options dictionary");

test(() => {
  const buffer = new ArrayBuffer(4);
  assert_throws_dom("DataCloneError", () => postMessage(buffer, "*", [buffer, buffer]));
  assert_equals(buffer.byteLength, 4, "nothing was detached");
  assert_throws_dom("DataCloneError", () => postMessage(buffer, "*", [{}]));
  assert_throws_dom("DataCloneError", () => postMessage(buffer, "*", [new Uint8Array(2)]));
  assert_equals(buffer.byteLength, 4, "nothing was detached");
  assert_throws_js(TypeError, () => postMessage(buffer, "*", [1]));
  assert_throws_js(TypeError, () => postMessage(buffer, "*", { length: 1, 0: buffer }));
}, "bad transfer lists throw and detach nothing");

test(() => {
  const buffer = new ArrayBuffer(4);
  postMessage(null, "*", [buffer]);
  assert_throws_dom("DataCloneError", () => postMessage(buffer, "*", [buffer]));
  assert_throws_dom("DataCloneError", () => postMessage(buffer, "*"));
}, "a detached ArrayBuffer can be neither transferred nor cloned");
