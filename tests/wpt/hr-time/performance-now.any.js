// performance.now(), performance.timeOrigin and Date.now() against the clock the timers run on.

test(() => {
  assert_equals(typeof performance.now, "function");
  assert_equals(String(performance), "[object Performance]");
  const now = performance.now();
  assert_equals(typeof now, "number");
  assert_greater_than_equal(now, 0);
  assert_equals(typeof performance.timeOrigin, "number");
  assert_greater_than(performance.timeOrigin, 0);
  assert_equals(performance.toJSON().timeOrigin, performance.timeOrigin);
}, "performance.now() is a non-negative number and timeOrigin a time since the epoch");

test(() => {
  let previous = performance.now();
  for (let i = 0; i < 1000; i++) {
    const now = performance.now();
    assert_greater_than_equal(now, previous);
    previous = now;
  }
}, "performance.now() never goes backwards");

test(() => {
  const sum = performance.timeOrigin + performance.now();
  assert_approx_equals(sum, Date.now(), 1000);
}, "timeOrigin plus now() is close to Date.now()");

async_test(t => {
  const start = performance.now();
  const dateStart = Date.now();
  setTimeout(t.step_func_done(() => {
    // A timer of 1000 ms fires no earlier than 1000 ms later, on both clocks.
    assert_greater_than_equal(performance.now() - start, 1000);
    assert_greater_than_equal(Date.now() - dateStart, 1000);
  }), 1000);
}, "performance.now() and Date.now() advance with the timers' clock");
