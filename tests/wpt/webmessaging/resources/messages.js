// Helpers for the webmessaging tests (a support script, not a test).
"use strict";

let message_counter = 0;

/** A string no other message in the page uses. */
function unique_id(prefix) {
  message_counter++;
  return `${prefix}-${message_counter}`;
}

/** Resolves with the next message event on `target` for which `predicate` holds. */
function next_message(predicate = () => true, target = window) {
  return new Promise(resolve => {
    target.addEventListener("message", function listener(event) {
      if (predicate(event)) {
        target.removeEventListener("message", listener);
        resolve(event);
      }
    });
  });
}

/** Resolves with the next message event on `target` whose data is an object with this id. */
function wait_for_message(id, target = window) {
  return new Promise(resolve => {
    target.addEventListener("message", function listener(e) {
      const data = e.data;
      if (data !== null && typeof data === "object" && data.id === id) {
        target.removeEventListener("message", listener);
        resolve(e);
      }
    });
  });
}

/**
 * Records the data of every message event on window from now on; `until(id)` resolves
 * with the recorded list once a message with that id has arrived, and stops recording.
 */
function record_messages(test) {
  const received = [];
  const listener = e => received.push(e.data);
  window.addEventListener("message", listener);
  const stop = () => window.removeEventListener("message", listener);
  if (test) {
    test.add_cleanup(stop);
  }
  return {
    received,
    async until(id) {
      await wait_for_message(id);
      stop();
      return received;
    },
  };
}
