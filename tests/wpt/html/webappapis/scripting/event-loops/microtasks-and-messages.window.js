// META: title=Microtasks, posted messages and event listeners
"use strict";

promise_test(async () => {
  const log = [];
  const id = "microtask-vs-message";
  const done = new Promise(resolve => {
    window.addEventListener("message", function listener(e) {
      if (e.data === id) {
        window.removeEventListener("message", listener);
        log.push("message");
        resolve();
      }
    });
  });
  postMessage(id, "*");
  Promise.resolve().then(() => log.push("promise"));
  queueMicrotask(() => log.push("microtask"));
  log.push("sync");
  await done;
  assert_array_equals(log, ["sync", "promise", "microtask", "message"]);
}, "microtasks queued after postMessage run before the message is delivered");

promise_test(async t => {
  const log = [];
  const id = "checkpoint-between-listeners";
  const first = e => {
    if (e.data === id) {
      log.push("first listener");
      Promise.resolve().then(() => log.push("microtask from the first listener"));
    }
  };
  const second = e => {
    if (e.data === id) {
      log.push("second listener");
    }
  };
  window.addEventListener("message", first);
  window.addEventListener("message", second);
  t.add_cleanup(() => {
    window.removeEventListener("message", first);
    window.removeEventListener("message", second);
  });
  const done = new Promise(resolve => setTimeout(resolve, 20));
  postMessage(id, "*");
  await done;
  assert_array_equals(log, ["first listener", "microtask from the first listener", "second listener"]);
}, "a microtask checkpoint runs between listeners of a message event dispatched by the browser");

test(t => {
  const log = [];
  const first = () => {
    log.push("first listener");
    Promise.resolve().then(() => log.push("microtask"));
  };
  const second = () => log.push("second listener");
  window.addEventListener("custom-event", first);
  window.addEventListener("custom-event", second);
  t.add_cleanup(() => {
    window.removeEventListener("custom-event", first);
    window.removeEventListener("custom-event", second);
  });
  window.dispatchEvent(new Event("custom-event"));
  log.push("after dispatchEvent");
  assert_array_equals(log, ["first listener", "second listener", "after dispatchEvent"],
                      "no checkpoint while script is on the stack");
}, "no microtask checkpoint between listeners of an event dispatched by script");

promise_test(async () => {
  const log = [];
  const done = new Promise(resolve => {
    setTimeout(() => {
      log.push("timeout");
      resolve();
    }, 0);
  });
  Promise.resolve().then(() => {
    log.push("microtask");
    postMessage("queued from a microtask", "*");
  });
  await done;
  assert_array_equals(log, ["microtask", "timeout"]);
}, "a microtask can post a message before the next task runs");
