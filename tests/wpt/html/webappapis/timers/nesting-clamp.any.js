// The timer nesting level: from the sixth nested setTimeout on, a timeout below 4 ms is
// clamped to 4 ms (timer initialization steps, step 5).

async_test(t => {
  const times = [performance.now()];
  function tick() {
    times.push(performance.now());
    if (times.length <= 10) {
      setTimeout(t.step_func(tick), 0);
      return;
    }
    for (let k = 7; k <= 10; k++) {
      assert_greater_than_equal(times[k] - times[k - 1], 4,
        "callback " + k + " ran at least 4 ms after the previous one");
    }
    t.done();
  }
  setTimeout(t.step_func(tick), 0);
}, "nested zero-delay timeouts are clamped to 4 ms from the sixth nesting level on");

async_test(t => {
  let calls = 0;
  let last = performance.now();
  const id = setInterval(t.step_func(() => {
    calls += 1;
    const now = performance.now();
    if (calls > 6) {
      assert_greater_than_equal(now - last, 4, "interval " + calls + " is clamped");
    }
    last = now;
    if (calls === 10) {
      clearInterval(id);
      t.done();
    }
  }), 0);
}, "a zero-delay setInterval is clamped after it has repeated five times");
