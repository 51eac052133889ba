/*
 * Postern's testharness.js
 * ========================
 *
 * The Postern project's own implementation of the testharness.js API, so that the tests
 * under tests/wpt/ run unchanged on any engine that speaks testharness. It was written for
 * Postern from the public API documentation (see Sources below), not derived from the
 * upstream harness's source. It reports through the runner's
 * /resources/testharnessreport.js, which registers an add_completion_callback().
 *
 * Sources: the testharness.js API documentation,
 * https://web-platform-tests.org/writing-tests/testharness-api.html
 *
 * Scope: a window global only (no workers), and no output: nothing is ever rendered into
 * the document; `output` and friends are accepted and ignored.
 *
 * Host APIs used (each one guarded, so the harness loads in a minimal environment):
 * setTimeout, clearTimeout, Promise, queueMicrotask, addEventListener on the global,
 * postMessage, parent, opener, document.getElementsByTagName, Element.getAttribute,
 * Element.textContent, location.pathname.
 *
 * Statuses
 * --------
 *   test:    PASS 0, FAIL 1, TIMEOUT 2, NOTRUN 3, PRECONDITION_FAILED 4
 *   harness: OK 0, ERROR 1, TIMEOUT 2, PRECONDITION_FAILED 3
 *
 * Lifecycle
 * ---------
 * Tests are registered and run while the page loads. The harness completes when every
 * test is complete and
 *   - without explicit_done: the window's `load` event has fired (completion is checked
 *     one task after `load`, so tests created by other `load` listeners still count), or
 *     the global done() was called;
 *   - with explicit_done (or single_test): the global done() was called;
 * and every window given to fetch_tests_from_window() has reported completion.
 * Completion callbacks then run exactly once, with (tests, harness_status, asserts).
 *
 * The harness timeout is 10 s, or 60 s with <meta name="timeout" content="long">, times
 * timeout_multiplier, unless explicit_timeout is set (then only the global timeout()
 * ends the wait). At the timeout the harness status becomes TIMEOUT, tests that were
 * running become TIMEOUT and promise_tests that never started become NOTRUN.
 *
 * An uncaught exception (`error` event) or an unhandled rejection (`unhandledrejection`)
 * before completion makes the harness status ERROR, unless allow_uncaught_exception is set
 * (with single_test it fails the single test instead). A setup function that throws makes
 * the harness status ERROR (PRECONDITION_FAILED for assert_implements_optional) and ends
 * the run. Two tests with the same name make the harness status ERROR at completion.
 *
 * Cross-window protocol
 * ---------------------
 * A harness in a window that has a parent other than itself, or an opener, reports to it
 * (and to the opener) with postMessage(message, "*"). Every message is a plain object:
 *
 *   { protocol: "postern-testharness/1", seq: N, type: T, ... }
 *
 * where seq counts the messages of that harness from 0, and T is one of
 *   "start"       { properties }            the harness got its first test
 *   "test_state"  { test }                  a test was registered
 *   "result"      { test }                  a test completed
 *   "complete"    { tests: [test...], status: {status, message, stack} }
 * and a test is sent as { name, index, status, message, stack }.
 *
 * A window that wants the messages (fetch_tests_from_window) sends the reporting window
 *   { protocol: "postern-testharness/1", type: "replay" }
 * and the reporting harness answers by sending its whole log again, in order, to the
 * event's source. The receiver ignores messages whose seq it has already handled, and asks
 * for a replay when it sees a gap (a message sent before it was listening). The remote
 * tests join the local list; a remote harness status other than OK becomes the local
 * harness status (if that was still OK); the local harness does not complete before every
 * fetched window has sent "complete".
 */
(function (global) {
    "use strict";

    /* ---------------------------------------------------------------------------------
     * Constants
     * ------------------------------------------------------------------------------- */

    var TEST_STATUS = { PASS: 0, FAIL: 1, TIMEOUT: 2, NOTRUN: 3, PRECONDITION_FAILED: 4 };
    var HARNESS_STATUS = { OK: 0, ERROR: 1, TIMEOUT: 2, PRECONDITION_FAILED: 3 };
    var TEST_PHASE = { INITIAL: 0, STARTED: 1, HAS_RESULT: 2, CLEANING: 3, COMPLETE: 4 };
    var HARNESS_PHASE = { INITIAL: 0, SETUP: 1, HAVE_TESTS: 2, HAVE_RESULTS: 3, COMPLETE: 4 };
    var PROTOCOL = "postern-testharness/1";
    var NORMAL_TIMEOUT = 10000;
    var LONG_TIMEOUT = 60000;

    var has_own = Object.prototype.hasOwnProperty;
    var object_to_string = Object.prototype.toString;

    /* ---------------------------------------------------------------------------------
     * Small utilities and guarded host access
     * ------------------------------------------------------------------------------- */

    function slice(list, from) {
        return Array.prototype.slice.call(list, from || 0);
    }

    function is_function(value) {
        return typeof value === "function";
    }

    function is_thenable(value) {
        return value !== null && (typeof value === "object" || typeof value === "function") &&
            is_function(value.then);
    }

    /** Reads obj[name] without ever throwing (cross-origin objects, odd hosts). */
    function safe_get(obj, name) {
        try {
            return obj === null || obj === undefined ? undefined : obj[name];
        } catch (e) {
            return undefined;
        }
    }

    function host_set_timeout(func, ms) {
        if (typeof setTimeout !== "function") {
            return null;
        }
        return setTimeout(func, ms);
    }

    function host_clear_timeout(id) {
        if (id !== null && id !== undefined && typeof clearTimeout === "function") {
            clearTimeout(id);
        }
    }

    function listen(target, type, handler) {
        if (is_function(safe_get(target, "addEventListener"))) {
            try {
                target.addEventListener(type, handler, false);
                return true;
            } catch (e) {
                return false;
            }
        }
        return false;
    }

    function post_to(target, message) {
        try {
            target.postMessage(message, "*");
        } catch (e) {
            // The target went away or refused the message: nothing to do.
        }
    }

    function log_to_console(text) {
        try {
            if (typeof console !== "undefined" && is_function(console.error)) {
                console.error(text);
            } else if (typeof console !== "undefined" && is_function(console.log)) {
                console.log(text);
            }
        } catch (e) {
            // No console.
        }
    }

    /** SameValue: like ===, but NaN equals NaN and 0 differs from -0. */
    function same_value(x, y) {
        if (is_function(Object.is)) {
            return Object.is(x, y);
        }
        if (x === y) {
            return x !== 0 || 1 / x === 1 / y;
        }
        return x !== x && y !== y;
    }

    /** A stack trace for the current point, or null when the engine gives none. */
    function current_stack() {
        try {
            throw new Error("stack");
        } catch (e) {
            return stack_of(e);
        }
    }

    function stack_of(error) {
        var stack = safe_get(error, "stack");
        return typeof stack === "string" ? stack : null;
    }

    /* ---------------------------------------------------------------------------------
     * format_value
     * ------------------------------------------------------------------------------- */

    var CHAR_ESCAPES = {
        "\\": "\\\\", "\"": "\\\"", "\0": "\\0", "\b": "\\b", "\t": "\\t", "\n": "\\n",
        "\v": "\\v", "\f": "\\f", "\r": "\\r"
    };

    function hex4(code) {
        var text = code.toString(16).toUpperCase();
        while (text.length < 4) {
            text = "0" + text;
        }
        return text;
    }

    /** A string as a double-quoted literal; control characters and lone surrogates escaped. */
    function quote_string(text) {
        var out = "\"";
        for (var i = 0; i < text.length; i++) {
            var ch = text.charAt(i);
            var code = text.charCodeAt(i);
            if (has_own.call(CHAR_ESCAPES, ch)) {
                out += CHAR_ESCAPES[ch];
            } else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
                out += "\\u" + hex4(code);
            } else if (code >= 0xd800 && code <= 0xdbff) {
                var next = text.charCodeAt(i + 1);
                if (next >= 0xdc00 && next <= 0xdfff) {
                    out += ch + text.charAt(i + 1);
                    i++;
                } else {
                    out += "\\u" + hex4(code);
                }
            } else if (code >= 0xdc00 && code <= 0xdfff) {
                out += "\\u" + hex4(code);
            } else {
                out += ch;
            }
        }
        return out + "\"";
    }

    /** String(value), falling back to Object.prototype.toString when that throws. */
    function safe_string(value) {
        try {
            return String(value);
        } catch (e) {
            try {
                return object_to_string.call(value);
            } catch (e2) {
                return "[unprintable]";
            }
        }
    }

    function format_node(node) {
        var type = safe_get(node, "nodeType");
        if (type === 9) {
            return "Document node";
        }
        if (type === 1) {
            var tag = safe_get(node, "tagName");
            var text = "Element node <" + (typeof tag === "string" ? tag.toLowerCase() : "?");
            var id = null;
            try {
                id = is_function(node.getAttribute) ? node.getAttribute("id") : null;
            } catch (e) {
                id = null;
            }
            if (typeof id === "string") {
                text += " id=" + quote_string(id);
            }
            return text + ">";
        }
        return null;
    }

    /**
     * A readable form of any value, as used in assertion messages: strings quoted, -0 as
     * "-0", arrays element by element, other objects as `object "<String(value)>"`.
     */
    function format_value(value, seen) {
        switch (typeof value) {
        case "string":
            return quote_string(value);
        case "number":
            return same_value(value, -0) ? "-0" : String(value);
        case "boolean":
        case "undefined":
            return String(value);
        case "bigint":
            return String(value) + "n";
        case "symbol":
            return safe_string(value);
        }
        if (value === null) {
            return "null";
        }
        seen = seen || [];
        if (seen.indexOf(value) !== -1) {
            return "[...]";
        }
        if (Array.isArray(value)) {
            var inner = seen.concat([value]);
            var parts = [];
            var length = value.length;
            var shown = Math.min(length, 100);
            for (var i = 0; i < shown; i++) {
                parts.push(i in value ? format_value(value[i], inner) : "<empty>");
            }
            if (shown < length) {
                parts.push("... " + (length - shown) + " more");
            }
            return "[" + parts.join(", ") + "]";
        }
        if (typeof value === "object") {
            var node = format_node(value);
            if (node !== null) {
                return node;
            }
        }
        return typeof value + " " + quote_string(safe_string(value));
    }

    /* ---------------------------------------------------------------------------------
     * Errors thrown by assertions
     * ------------------------------------------------------------------------------- */

    function AssertionError(message) {
        this.message = typeof message === "string" ? message : safe_string(message);
        this.stack = current_stack();
    }
    AssertionError.prototype = Object.create(Error.prototype);
    AssertionError.prototype.constructor = AssertionError;
    AssertionError.prototype.name = "AssertionError";

    /** Thrown by assert_implements_optional: the test's status becomes PRECONDITION_FAILED. */
    function OptionalFeatureUnsupportedError(message) {
        AssertionError.call(this, message);
    }
    OptionalFeatureUnsupportedError.prototype = Object.create(AssertionError.prototype);
    OptionalFeatureUnsupportedError.prototype.constructor = OptionalFeatureUnsupportedError;
    OptionalFeatureUnsupportedError.prototype.name = "OptionalFeatureUnsupportedError";

    /** The message a failed test or a harness error shows for a thrown value. */
    function describe_exception(error) {
        if (error instanceof AssertionError) {
            return error.message;
        }
        if (error !== null && (typeof error === "object" || typeof error === "function")) {
            var message = safe_get(error, "message");
            var name = safe_get(error, "name");
            if (typeof message === "string") {
                return (typeof name === "string" && name !== "" ? name + ": " : "") + message;
            }
        }
        return safe_string(error);
    }

    /* ---------------------------------------------------------------------------------
     * Test
     * ------------------------------------------------------------------------------- */

    function Test(name, properties) {
        this.name = name;
        this.properties = properties || {};
        this.status = TEST_STATUS.NOTRUN;
        this.message = null;
        this.stack = null;
        this.phase = TEST_PHASE.INITIAL;
        this.index = null;
        this.cleanupFns = [];
        this._isPromiseKind = false;
        this._registered = false;
        this._remote = false;
        this._timeout_id = null;
        this._on_complete = null;
    }

    Test.statuses = TEST_STATUS;
    Test.phases = TEST_PHASE;
    (function () {
        var key;
        for (key in TEST_STATUS) {
            Test.prototype[key] = TEST_STATUS[key];
        }
        Test.prototype.phases = TEST_PHASE;
    })();

    Test.prototype.format_status = function () {
        for (var key in TEST_STATUS) {
            if (TEST_STATUS[key] === this.status) {
                return key;
            }
        }
        return "UNKNOWN";
    };

    Test.prototype.set_status = function (status, message, stack) {
        this.status = status;
        this.message = message === undefined ? null : message;
        this.stack = stack === undefined ? null : stack;
        if (this.phase < TEST_PHASE.HAS_RESULT) {
            this.phase = TEST_PHASE.HAS_RESULT;
        }
    };

    /** Records a thrown value as this test's result (the first result wins). */
    Test.prototype.fail_with = function (error) {
        if (this.phase >= TEST_PHASE.HAS_RESULT) {
            return;
        }
        var status = error instanceof OptionalFeatureUnsupportedError ?
            TEST_STATUS.PRECONDITION_FAILED : TEST_STATUS.FAIL;
        this.set_status(status, describe_exception(error), stack_of(error));
    };

    Test.prototype._start = function () {
        if (this.phase !== TEST_PHASE.INITIAL) {
            return;
        }
        this.phase = TEST_PHASE.STARTED;
        var timeout = this.properties.timeout;
        if (typeof timeout === "number" && !harness.explicit_timeout) {
            var test = this;
            this._timeout_id = host_set_timeout(function () {
                test._timeout_id = null;
                test.force_timeout();
            }, timeout * harness.timeout_multiplier);
        }
        harness.notify_test_state(this);
    };

    /**
     * Runs func(...args) as a step of this test, with `this` = this_obj (the test when
     * only func is given). An exception fails the test and completes it. Steps of a test
     * that already has a result are not run.
     */
    Test.prototype.step = function (func, this_obj) {
        if (this.phase > TEST_PHASE.STARTED) {
            return undefined;
        }
        this._start();
        if (arguments.length < 2) {
            this_obj = this;
        }
        var args = slice(arguments, 2);
        var saved = harness.activeTest;
        harness.activeTest = this;
        try {
            if (!is_function(func)) {
                throw new TypeError("step() was given " + format_value(func) +
                                    ", which is not a function");
            }
            return func.apply(this_obj, args);
        } catch (e) {
            this.fail_with(e);
            this.done();
            return undefined;
        } finally {
            harness.activeTest = saved;
        }
    };

    /** A function that runs func as a step of this test. */
    Test.prototype.step_func = function (func, this_obj) {
        var test = this;
        var use_test = arguments.length < 2;
        return function () {
            return test.step.apply(test, [func, use_test ? test : this_obj].concat(slice(arguments)));
        };
    };

    /** Like step_func, then completes the test (even when func is not given). */
    Test.prototype.step_func_done = function (func, this_obj) {
        var test = this;
        var use_test = arguments.length < 2;
        return function () {
            var result;
            if (func) {
                result = test.step.apply(test, [func, use_test ? test : this_obj].concat(slice(arguments)));
            }
            test.done();
            return result;
        };
    };

    /** A function that fails the test if it is ever called. */
    Test.prototype.unreached_func = function (description) {
        return this.step_func(function () {
            assert_unreached_impl(description);
        });
    };

    /** setTimeout with the timeout multiplier applied, the callback run as a step. */
    Test.prototype.step_timeout = function (func, timeout) {
        var test = this;
        var args = slice(arguments, 2);
        return host_set_timeout(this.step_func(function () {
            return func.apply(test, args);
        }), timeout * harness.timeout_multiplier);
    };

    /**
     * A promise that resolves once cond() is true, polled every `interval` ms; it rejects
     * with an AssertionError after `timeout` ms (3000 by default, times the multiplier).
     */
    Test.prototype.step_wait = function (cond, description, timeout, interval) {
        var test = this;
        timeout = timeout === undefined ? 3000 : timeout;
        interval = interval === undefined ? 100 : interval;
        var deadline = timeout * harness.timeout_multiplier;
        var waited = 0;
        return new Promise(function (resolve, reject) {
            function poll() {
                var ready;
                try {
                    ready = cond.call(test);
                } catch (e) {
                    reject(e);
                    return;
                }
                if (ready) {
                    resolve();
                } else if (waited >= deadline) {
                    reject(new AssertionError(make_message(
                        "step_wait", description, "Timed out waiting on condition", {})));
                } else {
                    waited += interval;
                    host_set_timeout(poll, interval);
                }
            }
            poll();
        });
    };

    Test.prototype.step_wait_func = function (cond, func, description, timeout, interval) {
        var test = this;
        this.step_wait(cond, description, timeout, interval).then(function () {
            test.step(func);
        }, function (error) {
            test.step(function () {
                throw error;
            });
        });
    };

    Test.prototype.step_wait_func_done = function (cond, func, description, timeout, interval) {
        var test = this;
        this.step_wait(cond, description, timeout, interval).then(function () {
            if (func) {
                test.step(func);
            }
            test.done();
        }, function (error) {
            test.step(function () {
                throw error;
            });
        });
    };

    /** Registers a function to run when the test completes, in registration order. */
    Test.prototype.add_cleanup = function (callback) {
        this.cleanupFns.push(callback);
    };

    /** Ends the test with TIMEOUT. */
    Test.prototype.force_timeout = function () {
        if (this.phase >= TEST_PHASE.HAS_RESULT) {
            return;
        }
        this.set_status(TEST_STATUS.TIMEOUT, "Test timed out", null);
        this.done();
    };
    Test.prototype.timeout = Test.prototype.force_timeout;

    /** Completes the test: PASS unless it already has a result, then the cleanups. */
    Test.prototype.done = function () {
        if (this.phase >= TEST_PHASE.CLEANING) {
            return;
        }
        if (this.phase < TEST_PHASE.HAS_RESULT) {
            this.set_status(TEST_STATUS.PASS, null, null);
        }
        host_clear_timeout(this._timeout_id);
        this._timeout_id = null;
        this.phase = TEST_PHASE.CLEANING;
        var test = this;
        this._run_cleanups(function () {
            test._finish();
        });
    };

    /**
     * Runs the cleanup callbacks in order. A cleanup that throws, or a non-promise test's
     * cleanup that returns a promise, is a harness error. A promise_test waits for the
     * promises its cleanups return.
     */
    Test.prototype._run_cleanups = function (then) {
        var test = this;
        var callbacks = this.cleanupFns;
        this.cleanupFns = [];
        var failures = 0;
        var promises = [];
        for (var i = 0; i < callbacks.length; i++) {
            try {
                var result = callbacks[i].call(test);
                if (is_thenable(result)) {
                    promises.push(result);
                }
            } catch (e) {
                failures++;
            }
        }
        function report() {
            if (failures > 0) {
                harness.set_status(HARNESS_STATUS.ERROR,
                    "Test named " + quote_string(safe_string(test.name)) + " specified " +
                    callbacks.length + " 'cleanup' function" + (callbacks.length > 1 ? "s" : "") +
                    ", and " + failures + " failed.", null);
            }
        }
        if (promises.length === 0) {
            report();
            then();
            return;
        }
        if (!this._isPromiseKind) {
            harness.set_status(HARNESS_STATUS.ERROR,
                "Test named " + quote_string(safe_string(test.name)) +
                " specified a 'cleanup' function that returned a promise, but it is not a promise_test.",
                null);
            report();
            then();
            return;
        }
        var remaining = promises.length;
        function settled() {
            remaining--;
            if (remaining === 0) {
                report();
                then();
            }
        }
        for (var j = 0; j < promises.length; j++) {
            Promise.resolve(promises[j]).then(settled, function () {
                failures++;
                settled();
            });
        }
    };

    Test.prototype._finish = function () {
        if (this.phase === TEST_PHASE.COMPLETE) {
            return;
        }
        this.phase = TEST_PHASE.COMPLETE;
        var on_complete = this._on_complete;
        this._on_complete = null;
        if (this._registered) {
            harness.test_finished(this);
        }
        if (on_complete) {
            on_complete();
        }
    };

    /** The test as plain data (what the cross-window protocol sends). */
    Test.prototype.structured_clone = function () {
        return {
            name: safe_string(this.name),
            index: this.index,
            status: this.status,
            message: this.message === null || this.message === undefined ? null : safe_string(this.message),
            stack: typeof this.stack === "string" ? this.stack : null
        };
    };

    /* ---------------------------------------------------------------------------------
     * Harness status
     * ------------------------------------------------------------------------------- */

    function TestsStatus() {
        this.status = HARNESS_STATUS.OK;
        this.message = null;
        this.stack = null;
    }
    TestsStatus.statuses = HARNESS_STATUS;
    (function () {
        for (var key in HARNESS_STATUS) {
            TestsStatus.prototype[key] = HARNESS_STATUS[key];
        }
    })();
    TestsStatus.prototype.format_status = function () {
        for (var key in HARNESS_STATUS) {
            if (HARNESS_STATUS[key] === this.status) {
                return key;
            }
        }
        return "UNKNOWN";
    };
    TestsStatus.prototype.structured_clone = function () {
        return { status: this.status, message: this.message, stack: this.stack };
    };

    /* ---------------------------------------------------------------------------------
     * Reporting to the parent / opener window (see the protocol in the header)
     * ------------------------------------------------------------------------------- */

    function Reporter() {
        this.targets = [];
        this.log = [];
        this.seq = 0;
        var parent_window = safe_get(global, "parent");
        if (parent_window && parent_window !== global && parent_window !== safe_get(global, "window") &&
            parent_window !== safe_get(global, "self")) {
            this.targets.push(parent_window);
        }
        var opener = safe_get(global, "opener");
        if (opener && opener !== global && this.targets.indexOf(opener) === -1) {
            this.targets.push(opener);
        }
    }

    Reporter.prototype.send = function (type, fields) {
        var message = { protocol: PROTOCOL, seq: this.seq++, type: type };
        for (var key in fields) {
            message[key] = fields[key];
        }
        this.log.push(message);
        for (var i = 0; i < this.targets.length; i++) {
            post_to(this.targets[i], message);
        }
    };

    Reporter.prototype.replay = function (target) {
        for (var i = 0; i < this.log.length; i++) {
            post_to(target, this.log[i]);
        }
    };

    /* ---------------------------------------------------------------------------------
     * Tests fetched from another window
     * ------------------------------------------------------------------------------- */

    function RemoteContext(remote_window) {
        this.window = remote_window;
        this.next_seq = 0;
        this.done = false;
        this.tests = {};
    }

    RemoteContext.prototype.request_replay = function () {
        post_to(this.window, { protocol: PROTOCOL, type: "replay" });
    };

    RemoteContext.prototype.handle = function (message) {
        if (this.done || typeof message.seq !== "number" || message.seq < this.next_seq) {
            return;
        }
        if (message.seq > this.next_seq) {
            this.request_replay();
            return;
        }
        this.next_seq++;
        switch (message.type) {
        case "start":
            harness.ensure_started();
            break;
        case "test_state":
            this.test_for(message.test);
            break;
        case "result":
            this.result(message.test);
            break;
        case "complete":
            var tests = Array.isArray(message.tests) ? message.tests : [];
            for (var i = 0; i < tests.length; i++) {
                this.result(tests[i]);
            }
            var status = message.status || {};
            if (typeof status.status === "number" && status.status !== HARNESS_STATUS.OK) {
                harness.set_status(status.status, status.message === undefined ? null : status.message,
                                   status.stack === undefined ? null : status.stack);
            }
            this.done = true;
            harness.check_complete();
            break;
        }
    };

    /** The local stand-in for a remote test, created when first heard of. */
    RemoteContext.prototype.test_for = function (data) {
        if (!data || typeof data !== "object") {
            return null;
        }
        var key = typeof data.index === "number" ? "#" + data.index : "$" + data.name;
        var test = this.tests[key];
        if (!test) {
            test = new Test(safe_string(data.name), {});
            test._remote = true;
            this.tests[key] = test;
            harness.add_test(test);
            test.phase = TEST_PHASE.STARTED;
        }
        return test;
    };

    RemoteContext.prototype.result = function (data) {
        var test = this.test_for(data);
        if (!test || test.phase === TEST_PHASE.COMPLETE) {
            return;
        }
        test.set_status(data.status, data.message, data.stack);
        test.phase = TEST_PHASE.COMPLETE;
        if (test._registered) {
            harness.test_finished(test);
        }
    };

    /* ---------------------------------------------------------------------------------
     * The harness
     * ------------------------------------------------------------------------------- */

    function Harness() {
        this.tests = [];
        this.status = new TestsStatus();
        this.phase = HARNESS_PHASE.INITIAL;
        this.properties = {};
        this.started = false;
        this.loaded = false;
        this.explicit_done = false;
        this.done_called = false;
        this.allow_uncaught_exception = false;
        this.explicit_timeout = false;
        this.timeout_multiplier = 1;
        this.explicit_timeout_length = null;
        this.harnessTimer = null;
        this.activeTest = null;
        this.single_test = null;
        this.unnamed_tests = 0;
        this.pending_setups = 0;
        this.startHooks = [];
        this.stateHooks = [];
        this.result_callbacks = [];
        this.completion_callbacks = [];
        this.asserts = [];
        this.remotes = [];
        this.promise_queue = typeof Promise === "function" ? Promise.resolve() : null;
        this.reporter = new Reporter();
    }

    Harness.prototype.title = function () {
        try {
            if (typeof document !== "undefined" && document &&
                is_function(document.getElementsByTagName)) {
                var titles = document.getElementsByTagName("title");
                var first = titles && titles.length > 0 ? titles[0] : null;
                var text = first ? safe_get(first, "textContent") : null;
                if (typeof text === "string" && text.trim() !== "") {
                    return text.replace(/\s+/g, " ").trim();
                }
            }
        } catch (e) {
            // Fall through to the file name.
        }
        var path = safe_get(safe_get(global, "location"), "pathname");
        if (typeof path === "string") {
            var name = path.split("/").pop();
            if (name) {
                return name;
            }
        }
        return "Untitled";
    };

    /** The name of a test created without one: the title, then "title 1", "title 2"... */
    Harness.prototype.default_test_name = function () {
        var title = this.title();
        var name = this.unnamed_tests === 0 ? title : title + " " + this.unnamed_tests;
        this.unnamed_tests++;
        return name;
    };

    /** 60 s when the document has <meta name="timeout" content="long">, else 10 s. */
    Harness.prototype.document_timeout = function () {
        try {
            if (typeof document !== "undefined" && document &&
                is_function(document.getElementsByTagName)) {
                var metas = document.getElementsByTagName("meta");
                for (var i = 0; metas && i < metas.length; i++) {
                    var meta = metas[i];
                    if (meta && is_function(meta.getAttribute) &&
                        meta.getAttribute("name") === "timeout" &&
                        meta.getAttribute("content") === "long") {
                        return LONG_TIMEOUT;
                    }
                }
            }
        } catch (e) {
            // No usable document: the normal timeout.
        }
        return NORMAL_TIMEOUT;
    };

    Harness.prototype.timeout_length = function () {
        var base = this.explicit_timeout_length !== null ? this.explicit_timeout_length :
            this.document_timeout();
        return base * this.timeout_multiplier;
    };

    /** (Re)starts the harness timeout, measured from now. */
    Harness.prototype.arm_timeout = function () {
        host_clear_timeout(this.harnessTimer);
        this.harnessTimer = null;
        if (this.explicit_timeout || this.phase === HARNESS_PHASE.COMPLETE) {
            return;
        }
        var self = this;
        this.harnessTimer = host_set_timeout(function () {
            self.harnessTimer = null;
            self.timeout();
        }, this.timeout_length());
    };

    Harness.prototype.install = function () {
        var self = this;
        var listening = listen(global, "load", function () {
            // One task later, so that tests created by other load listeners still count.
            var id = host_set_timeout(function () {
                self.on_loaded();
            }, 0);
            if (id === null) {
                self.on_loaded();
            }
        });
        var ready = safe_get(safe_get(global, "document"), "readyState");
        if (!listening || ready === "complete") {
            host_set_timeout(function () {
                self.on_loaded();
            }, 0);
        }
        listen(global, "error", function (event) {
            var error = safe_get(event, "error");
            var message = safe_get(event, "message");
            self.uncaught(error !== undefined && error !== null ? error : message, "");
        });
        listen(global, "unhandledrejection", function (event) {
            self.uncaught(safe_get(event, "reason"), "Unhandled rejection: ");
        });
        listen(global, "message", function (event) {
            self.on_message(event);
        });
        this.arm_timeout();
    };

    Harness.prototype.on_loaded = function () {
        if (this.loaded) {
            return;
        }
        this.loaded = true;
        this.check_complete();
    };

    Harness.prototype.on_message = function (event) {
        var data = safe_get(event, "data");
        if (!data || typeof data !== "object" || data.protocol !== PROTOCOL) {
            return;
        }
        var source = safe_get(event, "source");
        if (data.type === "replay") {
            if (source) {
                this.reporter.replay(source);
            }
            return;
        }
        for (var i = 0; i < this.remotes.length; i++) {
            if (this.remotes[i].window === source) {
                this.remotes[i].handle(data);
                return;
            }
        }
    };

    Harness.prototype.uncaught = function (error, prefix) {
        if (this.phase === HARNESS_PHASE.COMPLETE || this.allow_uncaught_exception) {
            return;
        }
        var message = prefix + describe_exception(error);
        if (this.single_test) {
            this.single_test.fail_with(error instanceof AssertionError ? error : {
                message: message, stack: stack_of(error)
            });
            return;
        }
        this.set_status(HARNESS_STATUS.ERROR, message, stack_of(error));
    };

    /** Sets the harness status, unless it already records a problem. */
    Harness.prototype.set_status = function (status, message, stack) {
        if (this.status.status !== HARNESS_STATUS.OK) {
            return;
        }
        this.status.status = status;
        this.status.message = message === undefined ? null : message;
        this.status.stack = stack === undefined ? null : stack;
    };

    Harness.prototype.apply_properties = function (properties) {
        if (!properties || typeof properties !== "object") {
            return;
        }
        var rearm = false;
        for (var key in properties) {
            if (!has_own.call(properties, key)) {
                continue;
            }
            var value = properties[key];
            this.properties[key] = value;
            switch (key) {
            case "explicit_done":
                this.explicit_done = !!value;
                break;
            case "allow_uncaught_exception":
                this.allow_uncaught_exception = !!value;
                break;
            case "explicit_timeout":
                this.explicit_timeout = !!value;
                rearm = true;
                break;
            case "timeout_multiplier":
                if (typeof value === "number" && value > 0) {
                    this.timeout_multiplier = value;
                    rearm = true;
                }
                break;
            case "timeout":
                if (typeof value === "number" && value >= 0) {
                    this.explicit_timeout_length = value;
                    rearm = true;
                }
                break;
            case "single_test":
                if (value) {
                    this.make_single_test();
                }
                break;
            default:
                // output, output_document, hide_test_state, debug...: nothing is rendered.
                break;
            }
        }
        if (rearm) {
            this.arm_timeout();
        }
    };

    Harness.prototype.make_single_test = function () {
        if (this.single_test) {
            return;
        }
        if (this.tests.length > 0) {
            this.set_status(HARNESS_STATUS.ERROR,
                "setup({single_test: true}) was called after tests were defined", null);
            return;
        }
        this.explicit_done = true;
        var test = new Test(this.title(), {});
        this.add_test(test);
        this.single_test = test;
        test._start();
    };

    /** A setup function threw: the run ends with ERROR (or PRECONDITION_FAILED). */
    Harness.prototype.setup_failed = function (error) {
        var status = error instanceof OptionalFeatureUnsupportedError ?
            HARNESS_STATUS.PRECONDITION_FAILED : HARNESS_STATUS.ERROR;
        this.set_status(status, "Setup failed: " + describe_exception(error), stack_of(error));
        this.abort();
    };

    Harness.prototype.ensure_started = function () {
        if (this.started) {
            return;
        }
        this.started = true;
        if (this.phase < HARNESS_PHASE.HAVE_TESTS) {
            this.phase = HARNESS_PHASE.HAVE_TESTS;
        }
        var properties = this.properties;
        this.call_each(this.startHooks, [properties]);
        this.reporter.send("start", { properties: plain_properties(properties) });
    };

    /** Adds a test to the list; false when the harness is already complete. */
    Harness.prototype.add_test = function (test) {
        if (this.phase === HARNESS_PHASE.COMPLETE) {
            return false;
        }
        this.ensure_started();
        test.index = this.tests.length;
        test._registered = true;
        this.tests.push(test);
        this.call_each(this.stateHooks, [test]);
        this.reporter.send("test_state", { test: test.structured_clone() });
        return true;
    };

    Harness.prototype.notify_test_state = function (test) {
        if (test._registered) {
            this.call_each(this.stateHooks, [test]);
        }
    };

    Harness.prototype.test_finished = function (test) {
        if (this.phase === HARNESS_PHASE.COMPLETE) {
            return;
        }
        this.phase = HARNESS_PHASE.HAVE_RESULTS;
        this.call_each(this.result_callbacks, [test]);
        this.reporter.send("result", { test: test.structured_clone() });
        this.check_complete();
    };

    Harness.prototype.call_each = function (callbacks, args) {
        var list = callbacks.slice();
        for (var i = 0; i < list.length; i++) {
            try {
                list[i].apply(null, args);
            } catch (e) {
                log_to_console("testharness.js: a callback threw: " + describe_exception(e));
            }
        }
    };

    Harness.prototype.all_done = function () {
        var ready = this.explicit_done ? this.done_called : (this.loaded || this.done_called);
        if (!ready || this.pending_setups > 0) {
            return false;
        }
        for (var i = 0; i < this.tests.length; i++) {
            if (this.tests[i].phase !== TEST_PHASE.COMPLETE) {
                return false;
            }
        }
        for (var j = 0; j < this.remotes.length; j++) {
            if (!this.remotes[j].done) {
                return false;
            }
        }
        return true;
    };

    Harness.prototype.check_complete = function () {
        if (this.phase !== HARNESS_PHASE.COMPLETE && this.all_done()) {
            this.complete();
        }
    };

    /**
     * Ends every unfinished test: those that never started (queued promise_tests) become
     * `unstarted_status`, the others `running_status`.
     */
    Harness.prototype.end_unfinished = function (running_status, running_message, unstarted_status) {
        var tests = this.tests.slice();
        for (var i = 0; i < tests.length; i++) {
            var test = tests[i];
            if (test.phase === TEST_PHASE.COMPLETE) {
                continue;
            }
            if (test.phase < TEST_PHASE.HAS_RESULT) {
                if (test.phase === TEST_PHASE.INITIAL && test._isPromiseKind) {
                    test.set_status(unstarted_status, null, null);
                } else {
                    test.set_status(running_status, running_message, null);
                }
            }
            host_clear_timeout(test._timeout_id);
            test._timeout_id = null;
            if (test.phase < TEST_PHASE.CLEANING && !test._remote) {
                // Run its cleanups now; there is no waiting for their promises any more.
                var callbacks = test.cleanupFns;
                test.cleanupFns = [];
                for (var j = 0; j < callbacks.length; j++) {
                    try {
                        callbacks[j].call(test);
                    } catch (e) {
                        // Already ending; a failing cleanup changes nothing.
                    }
                }
            }
            test.phase = TEST_PHASE.COMPLETE;
            test._on_complete = null;
            this.call_each(this.result_callbacks, [test]);
            this.reporter.send("result", { test: test.structured_clone() });
        }
        for (var k = 0; k < this.remotes.length; k++) {
            this.remotes[k].done = true;
        }
    };

    /** The harness timeout fired (or timeout() was called). */
    Harness.prototype.timeout = function () {
        if (this.phase === HARNESS_PHASE.COMPLETE) {
            return;
        }
        this.set_status(HARNESS_STATUS.TIMEOUT, null, null);
        this.end_unfinished(TEST_STATUS.TIMEOUT, "Test timed out", TEST_STATUS.NOTRUN);
        this.complete();
    };

    /** Ends the run now (after a setup failure): unfinished tests become NOTRUN. */
    Harness.prototype.abort = function () {
        if (this.phase === HARNESS_PHASE.COMPLETE) {
            return;
        }
        this.end_unfinished(TEST_STATUS.NOTRUN, null, TEST_STATUS.NOTRUN);
        this.complete();
    };

    Harness.prototype.check_duplicate_names = function () {
        var seen = {};
        var duplicates = [];
        for (var i = 0; i < this.tests.length; i++) {
            var key = "$" + safe_string(this.tests[i].name);
            if (seen[key] === 1) {
                duplicates.push(quote_string(safe_string(this.tests[i].name)));
            }
            seen[key] = (seen[key] || 0) + 1;
        }
        if (duplicates.length > 0) {
            this.set_status(HARNESS_STATUS.ERROR,
                "Duplicate test names: " + duplicates.join(", "), null);
        }
    };

    Harness.prototype.complete = function () {
        if (this.phase === HARNESS_PHASE.COMPLETE) {
            return;
        }
        this.phase = HARNESS_PHASE.COMPLETE;
        host_clear_timeout(this.harnessTimer);
        this.harnessTimer = null;
        this.check_duplicate_names();
        var tests = this.tests.slice();
        this.call_each(this.completion_callbacks, [tests, this.status, this.asserts]);
        var data = [];
        for (var i = 0; i < tests.length; i++) {
            data.push(tests[i].structured_clone());
        }
        this.reporter.send("complete", { tests: data, status: this.status.structured_clone() });
    };

    /** Runs promise tests (and promise_setup functions) one after another. */
    Harness.prototype.enqueue = function (step) {
        if (!this.promise_queue) {
            step();
            return;
        }
        this.promise_queue = this.promise_queue.then(function () {
            try {
                return step();
            } catch (e) {
                log_to_console("testharness.js: " + describe_exception(e));
                return undefined;
            }
        });
    };

    Harness.prototype.queue_promise_test = function (test, func) {
        this.enqueue(function () {
            if (test.phase !== TEST_PHASE.INITIAL) {
                return undefined;
            }
            return new Promise(function (resolve) {
                test._on_complete = resolve;
                run_promise_test(test, func);
            });
        });
    };

    function run_promise_test(test, func) {
        test.step(function () {
            var result = func.call(test, test);
            if (!is_thenable(result)) {
                throw new AssertionError(make_message("promise_test", null,
                    "test body must return a 'thenable' object (received ${value})", { value: result }));
            }
            result.then(function () {
                test.done();
            }, function (value) {
                test.step(function () {
                    if (value instanceof AssertionError) {
                        throw value;
                    }
                    throw new AssertionError(make_message("promise_test", null,
                        "Unhandled rejection with value: ${value}", { value: value }));
                });
                test.done();
            });
        });
    }

    function plain_properties(properties) {
        var out = {};
        for (var key in properties) {
            var value = properties[key];
            if (value === null || typeof value === "number" || typeof value === "string" ||
                typeof value === "boolean") {
                out[key] = value;
            }
        }
        return out;
    }

    var harness = new Harness();

    /* ---------------------------------------------------------------------------------
     * Defining tests
     * ------------------------------------------------------------------------------- */

    /** A new test; unregistered (and inert) when the harness is complete or single_test. */
    function create_test(name, properties, kind) {
        var test = new Test(name === undefined || name === null ? harness.default_test_name() :
                            safe_string(name), properties);
        if (harness.single_test) {
            harness.set_status(HARNESS_STATUS.ERROR,
                kind + "() was called in a single_test file", null);
            test.phase = TEST_PHASE.COMPLETE;
            return test;
        }
        if (!harness.add_test(test)) {
            test.phase = TEST_PHASE.COMPLETE;
        }
        return test;
    }

    /** A synchronous test: func(t) runs now; it passes unless it throws. */
    function test(func, name, properties) {
        var t = create_test(name, properties, "test");
        t.step(func, t, t);
        t.done();
        return t;
    }

    /** An asynchronous test, completed by t.done(); func (optional) is its first step. */
    function async_test(func, name, properties) {
        if (!is_function(func)) {
            properties = name;
            name = func;
            func = null;
        }
        var t = create_test(name, properties, "async_test");
        if (func) {
            t.step(func, t, t);
        }
        return t;
    }

    /**
     * A test whose body returns a promise; it passes when the promise fulfils. Promise
     * tests run one at a time, each after the previous one (and its cleanups) finished.
     */
    function promise_test(func, name, properties) {
        if (!is_function(func)) {
            properties = name;
            name = func;
            func = null;
        }
        var t = create_test(name, properties, "promise_test");
        if (t.phase === TEST_PHASE.COMPLETE) {
            return t;
        }
        t._isPromiseKind = true;
        if (!func) {
            t.step(function () {
                throw new AssertionError("promise_test: no test function was given");
            });
            return t;
        }
        harness.queue_promise_test(t, func);
        return t;
    }

    /** Like setup(), for a function returning a promise the promise tests wait for. */
    function promise_setup(func, properties) {
        harness.apply_properties(properties);
        harness.pending_setups++;
        harness.enqueue(function () {
            var result;
            try {
                result = func();
            } catch (e) {
                harness.pending_setups--;
                harness.setup_failed(e);
                return undefined;
            }
            if (!is_thenable(result)) {
                harness.pending_setups--;
                harness.setup_failed(new AssertionError(
                    "promise_setup: function must return a 'thenable' object"));
                return undefined;
            }
            return Promise.resolve(result).then(function () {
                harness.pending_setups--;
                harness.check_complete();
            }, function (error) {
                harness.pending_setups--;
                harness.setup_failed(error);
            });
        });
    }

    function setup(func_or_properties, maybe_properties) {
        var func = null;
        var properties = maybe_properties;
        if (is_function(func_or_properties)) {
            func = func_or_properties;
        } else {
            properties = func_or_properties;
        }
        if (harness.phase === HARNESS_PHASE.COMPLETE) {
            return;
        }
        if (harness.phase < HARNESS_PHASE.SETUP) {
            harness.phase = HARNESS_PHASE.SETUP;
        }
        harness.apply_properties(properties);
        if (func) {
            try {
                func();
            } catch (e) {
                harness.setup_failed(e);
            }
        }
    }

    /** No more tests: ends an explicit_done (or single_test) file. */
    function done() {
        if (harness.single_test) {
            harness.single_test.done();
        }
        harness.done_called = true;
        harness.check_complete();
    }

    /** With explicit_timeout: time the harness out now. */
    function timeout() {
        if (harness.explicit_timeout) {
            harness.timeout();
        }
    }

    /** setTimeout with the timeout multiplier applied. */
    function step_timeout(func, ms) {
        var args = slice(arguments, 2);
        return host_set_timeout(function () {
            func.apply(global, args);
        }, ms * harness.timeout_multiplier);
    }

    /** One test per [name, ...arguments] entry of `args`, each calling func(...arguments). */
    function generate_tests(func, args, properties) {
        for (var i = 0; i < args.length; i++) {
            var entry = args[i];
            var test_properties = Array.isArray(properties) ? properties[i] : properties;
            (function (params) {
                test(function () {
                    return func.apply(this, params);
                }, entry[0], test_properties);
            })(slice(entry, 1));
        }
    }

    function add_start_callback(callback) {
        harness.startHooks.push(callback);
    }

    function add_test_state_callback(callback) {
        harness.stateHooks.push(callback);
    }

    function add_result_callback(callback) {
        harness.result_callbacks.push(callback);
    }

    /** Called once with (tests, harness_status, asserts); at once if already complete. */
    function add_completion_callback(callback) {
        if (harness.phase === HARNESS_PHASE.COMPLETE) {
            harness.call_each([callback], [harness.tests.slice(), harness.status, harness.asserts]);
            return;
        }
        harness.completion_callbacks.push(callback);
    }

    /** Collects the tests of the harness in remote_window (see the protocol above). */
    function fetch_tests_from_window(remote_window) {
        if (!remote_window || harness.phase === HARNESS_PHASE.COMPLETE) {
            return;
        }
        for (var i = 0; i < harness.remotes.length; i++) {
            if (harness.remotes[i].window === remote_window) {
                return;
            }
        }
        var remote = new RemoteContext(remote_window);
        harness.remotes.push(remote);
        harness.ensure_started();
        remote.request_replay();
    }

    function on_event(target, type, callback) {
        target.addEventListener(type, callback, false);
    }

    /* ---------------------------------------------------------------------------------
     * Assertions
     * ------------------------------------------------------------------------------- */

    /** A value inserted into a message as it is, not through format_value. */
    function Raw(text) {
        this.text = text;
    }

    function fill_template(template, substitutions) {
        return template.replace(/\$\{([^}]+)\}/g, function (match, key) {
            if (!has_own.call(substitutions, key)) {
                return match;
            }
            var value = substitutions[key];
            return value instanceof Raw ? value.text : format_value(value);
        });
    }

    /** "<assertion>: <description> <details>", leaving out the empty parts. */
    function make_message(assertion, description, template, substitutions) {
        var parts = [];
        if (description !== undefined && description !== null && description !== "") {
            parts.push(safe_string(description));
        }
        var details = fill_template(template || "", substitutions || {});
        if (details !== "") {
            parts.push(details);
        }
        return assertion + ": " + parts.join(" ");
    }

    function assert(condition, assertion, description, template, substitutions) {
        if (!condition) {
            throw new AssertionError(make_message(assertion, description, template, substitutions));
        }
    }

    /** Publishes an assertion, recording each call for the completion callbacks. */
    function expose_assertion(name, impl) {
        global[name] = function () {
            var record = { assert_name: name, test: harness.activeTest, args: slice(arguments), status: null };
            if (harness.phase !== HARNESS_PHASE.COMPLETE) {
                harness.asserts.push(record);
            }
            try {
                var result = impl.apply(this, arguments);
                record.status = TEST_STATUS.PASS;
                return result;
            } catch (e) {
                record.status = TEST_STATUS.FAIL;
                // An assertion failing outside any step of a single_test file fails the test.
                if (harness.single_test && !harness.activeTest && e instanceof AssertionError) {
                    harness.single_test.fail_with(e);
                }
                throw e;
            }
        };
    }

    function assert_true_impl(actual, description) {
        assert(actual === true, "assert_true", description, "expected true got ${actual}", { actual: actual });
    }

    function assert_false_impl(actual, description) {
        assert(actual === false, "assert_false", description, "expected false got ${actual}", { actual: actual });
    }

    function assert_equals_impl(actual, expected, description) {
        if (typeof actual !== typeof expected) {
            assert(false, "assert_equals", description,
                   "expected (${expectedType}) ${expected} but got (${actualType}) ${actual}",
                   { expected: expected, actual: actual,
                     expectedType: new Raw(typeof expected), actualType: new Raw(typeof actual) });
        }
        assert(same_value(actual, expected), "assert_equals", description,
               "expected ${expected} but got ${actual}", { expected: expected, actual: actual });
    }

    function assert_not_equals_impl(actual, expected, description) {
        assert(!same_value(actual, expected), "assert_not_equals", description,
               "got disallowed value ${actual}", { actual: actual });
    }

    function assert_in_array_impl(actual, expected, description) {
        assert(expected.indexOf(actual) !== -1, "assert_in_array", description,
               "value ${actual} not in array ${expected}", { actual: actual, expected: expected });
    }

    function assert_array_equals_impl(actual, expected, description) {
        var name = "assert_array_equals";
        assert(typeof actual === "object" && actual !== null && "length" in actual, name, description,
               "value is ${actual}, expected array", { actual: actual });
        assert(actual.length === expected.length, name, description,
               "lengths differ, expected array ${expected} length ${expectedLength}, got ${actual} length ${actualLength}",
               { expected: expected, expectedLength: expected.length, actual: actual, actualLength: actual.length });
        for (var i = 0; i < actual.length; i++) {
            var in_actual = has_own.call(actual, i);
            var in_expected = has_own.call(expected, i);
            assert(in_actual === in_expected, name, description,
                   "expected property ${i} to be ${expected} but was ${actual} (expected array ${arrayExpected} got ${arrayActual})",
                   { i: i, expected: new Raw(in_expected ? "present" : "missing"),
                     actual: new Raw(in_actual ? "present" : "missing"),
                     arrayExpected: expected, arrayActual: actual });
            assert(same_value(expected[i], actual[i]), name, description,
                   "expected property ${i} to be ${expected} but got ${actual} (expected array ${arrayExpected} got ${arrayActual})",
                   { i: i, expected: expected[i], actual: actual[i], arrayExpected: expected, arrayActual: actual });
        }
    }

    function assert_array_approx_equals_impl(actual, expected, epsilon, description) {
        var name = "assert_array_approx_equals";
        assert(actual.length === expected.length, name, description,
               "lengths differ, expected ${expected} got ${actual}",
               { expected: expected.length, actual: actual.length });
        for (var i = 0; i < actual.length; i++) {
            assert(typeof actual[i] === "number", name, description,
                   "property ${i}, expected a number but got a ${type}",
                   { i: i, type: new Raw(typeof actual[i]) });
            assert(Math.abs(actual[i] - expected[i]) <= epsilon, name, description,
                   "property ${i}, expected ${expected} +/- ${epsilon}, expected ${expected} but got ${actual}",
                   { i: i, expected: expected[i], actual: actual[i], epsilon: epsilon });
        }
    }

    function assert_approx_equals_impl(actual, expected, epsilon, description) {
        var name = "assert_approx_equals";
        assert(typeof actual === typeof expected, name, description,
               "expected a ${expectedType} but got a ${actualType}",
               { expectedType: new Raw(typeof expected), actualType: new Raw(typeof actual) });
        // Exact equality first: it also covers matching infinities.
        if (same_value(actual, expected)) {
            return;
        }
        assert(Math.abs(actual - expected) <= epsilon, name, description,
               "expected ${expected} +/- ${epsilon} but got ${actual}",
               { expected: expected, actual: actual, epsilon: epsilon });
    }

    function comparison(name, relation, test_fn) {
        return function (actual, expected, description) {
            assert((typeof actual === "number" || typeof actual === "bigint") &&
                   typeof actual === typeof expected, name, description,
                   "expected a ${expectedType} but got a ${actualType}",
                   { expectedType: new Raw(typeof expected), actualType: new Raw(typeof actual) });
            assert(test_fn(actual, expected), name, description,
                   "expected a number " + relation + " ${expected} but got ${actual}",
                   { expected: expected, actual: actual });
        };
    }

    function assert_regexp_match_impl(actual, expected, description) {
        assert(expected.test(actual), "assert_regexp_match", description,
               "expected ${expected} but got ${actual}", { expected: expected, actual: actual });
    }

    function assert_class_string_impl(object, class_string, description) {
        var actual = object_to_string.call(object);
        var expected = "[object " + class_string + "]";
        assert(same_value(actual, expected), "assert_class_string", description,
               "expected ${expected} but got ${actual}", { expected: expected, actual: actual });
    }

    function assert_own_property_impl(object, property_name, description) {
        assert(object !== null && object !== undefined && has_own.call(object, property_name),
               "assert_own_property", description, "expected property ${p} missing", { p: property_name });
    }

    function assert_not_own_property_impl(object, property_name, description) {
        assert(!(object !== null && object !== undefined && has_own.call(object, property_name)),
               "assert_not_own_property", description,
               "unexpected property ${p} is found on object", { p: property_name });
    }

    function inherited_impl(name) {
        return function (object, property_name, description) {
            assert(object !== null && (typeof object === "object" || typeof object === "function"),
                   name, description, "provided value is not an object", {});
            assert(!has_own.call(object, property_name), name, description,
                   "property ${p} found on object expected in prototype chain", { p: property_name });
            assert(property_name in object, name, description,
                   "property ${p} not found in prototype chain", { p: property_name });
        };
    }

    function assert_readonly_impl(object, property_name, description) {
        var initial = object[property_name];
        try {
            try {
                object[property_name] = initial + "a";
            } catch (e) {
                // Strict code throws on a read-only property: that is the expected outcome.
            }
            assert(same_value(object[property_name], initial), "assert_readonly", description,
                   "changing property ${p} succeeded", { p: property_name });
        } finally {
            try {
                object[property_name] = initial;
            } catch (e) {
                // Read-only, as it should be.
            }
        }
    }

    /** Recursive comparison of own enumerable properties (objects met twice are skipped). */
    function assert_object_equals_impl(actual, expected, description) {
        var name = "assert_object_equals";
        assert(typeof actual === "object" && actual !== null, name, description,
               "value is ${actual}, expected object", { actual: actual });
        var stack = [];
        function check(a, e, path) {
            stack.push(a);
            var p;
            for (p in a) {
                var where = path + (path ? "." : "") + p;
                assert(e !== null && typeof e === "object" && has_own.call(e, p), name, description,
                       "unexpected property ${p}", { p: where });
                var av = a[p];
                var ev = e[p];
                if (typeof av === "object" && av !== null) {
                    assert(typeof ev === "object" && ev !== null, name, description,
                           "property ${p} expected ${expected} got ${actual}",
                           { p: where, expected: ev, actual: av });
                    if (stack.indexOf(av) === -1) {
                        check(av, ev, where);
                    }
                } else {
                    assert(same_value(av, ev), name, description,
                           "property ${p} expected ${expected} got ${actual}",
                           { p: where, expected: ev, actual: av });
                }
            }
            for (p in e) {
                assert(has_own.call(a, p), name, description,
                       "expected property ${p} missing", { p: path + (path ? "." : "") + p });
            }
            stack.pop();
        }
        check(actual, expected, "");
    }

    function assert_unreached_impl(description) {
        assert(false, "assert_unreached", description, "Reached unreachable code", {});
    }

    function assert_implements_impl(condition, description) {
        assert(!!condition, "assert_implements", description, "", {});
    }

    function assert_implements_optional_impl(condition, description) {
        if (!condition) {
            throw new OptionalFeatureUnsupportedError(
                make_message("assert_implements_optional", description, "", {}));
        }
    }

    function assert_any_impl(assert_func, actual, expected_array) {
        var args = slice(arguments, 3);
        var errors = [];
        for (var i = 0; i < expected_array.length; i++) {
            try {
                assert_func.apply(this, [actual, expected_array[i]].concat(args));
                return;
            } catch (e) {
                errors.push(describe_exception(e));
            }
        }
        throw new AssertionError(errors.join("\n\n"));
    }

    /* Exceptions ------------------------------------------------------------------- */

    function check_callable(func, assertion, description) {
        assert(is_function(func), assertion, description,
               "${func} is not a function", { func: func });
    }

    function constructor_name(constructor) {
        var name = safe_get(constructor, "name");
        if (typeof name !== "string" || name === "") {
            name = safe_get(safe_get(constructor, "prototype"), "name");
        }
        return typeof name === "string" ? name : "";
    }

    /**
     * func must throw an object whose `name` is the constructor's name and that is an
     * instance of constructor or of a same-named constructor (an error from another realm).
     */
    function throws_js_impl(constructor, func, description, assertion) {
        check_callable(func, assertion, description);
        assert(is_function(constructor), assertion, description,
               "Test bug: ${constructor} is not a constructor", { constructor: constructor });
        try {
            func.call(this);
        } catch (e) {
            var expected_name = constructor_name(constructor);
            assert(e !== null && (typeof e === "object" || typeof e === "function"), assertion, description,
                   "${func} threw ${actual} with type ${type}, not an object",
                   { func: func, actual: e, type: new Raw(typeof e) });
            var actual_name = safe_get(e, "name");
            var actual_constructor_name = constructor_name(safe_get(e, "constructor"));
            var is_instance = false;
            try {
                is_instance = e instanceof constructor;
            } catch (e2) {
                is_instance = false;
            }
            assert(actual_name === expected_name &&
                   (is_instance || actual_constructor_name === expected_name),
                   assertion, description,
                   "${func} threw ${actual} (${actual_name}) expected instance of ${expected} (${expected_name})",
                   { func: func, actual: e, actual_name: actual_name, expected: constructor,
                     expected_name: expected_name });
            return;
        }
        assert(false, assertion, description, "${func} did not throw", { func: func });
    }

    /* DOMException names, legacy constant names and codes. */
    var DOM_LEGACY = [
        ["IndexSizeError", "INDEX_SIZE_ERR", 1],
        ["HierarchyRequestError", "HIERARCHY_REQUEST_ERR", 3],
        ["WrongDocumentError", "WRONG_DOCUMENT_ERR", 4],
        ["InvalidCharacterError", "INVALID_CHARACTER_ERR", 5],
        ["NoModificationAllowedError", "NO_MODIFICATION_ALLOWED_ERR", 7],
        ["NotFoundError", "NOT_FOUND_ERR", 8],
        ["NotSupportedError", "NOT_SUPPORTED_ERR", 9],
        ["InUseAttributeError", "INUSE_ATTRIBUTE_ERR", 10],
        ["InvalidStateError", "INVALID_STATE_ERR", 11],
        ["SyntaxError", "SYNTAX_ERR", 12],
        ["InvalidModificationError", "INVALID_MODIFICATION_ERR", 13],
        ["NamespaceError", "NAMESPACE_ERR", 14],
        ["InvalidAccessError", "INVALID_ACCESS_ERR", 15],
        ["TypeMismatchError", "TYPE_MISMATCH_ERR", 17],
        ["SecurityError", "SECURITY_ERR", 18],
        ["NetworkError", "NETWORK_ERR", 19],
        ["AbortError", "ABORT_ERR", 20],
        ["URLMismatchError", "URL_MISMATCH_ERR", 21],
        ["QuotaExceededError", "QUOTA_EXCEEDED_ERR", 22],
        ["TimeoutError", "TIMEOUT_ERR", 23],
        ["InvalidNodeTypeError", "INVALID_NODE_TYPE_ERR", 24],
        ["DataCloneError", "DATA_CLONE_ERR", 25]
    ];
    var DOM_NAMES_WITHOUT_CODE = [
        "EncodingError", "NotReadableError", "UnknownError", "ConstraintError", "DataError",
        "TransactionInactiveError", "ReadOnlyError", "VersionError", "OperationError",
        "NotAllowedError", "OptOutError"
    ];

    /** {name, code} for a DOMException name, legacy constant name or legacy code; or null. */
    function dom_exception_kind(type) {
        for (var i = 0; i < DOM_LEGACY.length; i++) {
            var entry = DOM_LEGACY[i];
            if (type === entry[0] || type === entry[1] || type === entry[2]) {
                return { name: entry[0], code: entry[2] };
            }
        }
        if (typeof type === "string" && DOM_NAMES_WITHOUT_CODE.indexOf(type) !== -1) {
            return { name: type, code: 0 };
        }
        return null;
    }

    function throws_dom_impl(type, constructor, func, description, assertion) {
        check_callable(func, assertion, description);
        var kind = dom_exception_kind(type);
        assert(kind !== null, assertion, description,
               "Test bug: unrecognized DOMException code ${type} passed to " + assertion + "()",
               { type: type });
        try {
            func.call(this);
        } catch (e) {
            assert(e !== null && typeof e === "object", assertion, description,
                   "${func} threw ${actual} with type ${actualType}, not an object",
                   { func: func, actual: e, actualType: new Raw(typeof e) });
            if (is_function(constructor)) {
                var is_instance = false;
                try {
                    is_instance = e instanceof constructor;
                } catch (e2) {
                    is_instance = false;
                }
                assert(is_instance, assertion, description,
                       "${func} threw ${actual} that is not a DOMException (not an instance of ${constructor})",
                       { func: func, actual: e, constructor: new Raw(constructor_name(constructor) || "the constructor") });
            }
            var checks = [["name", kind.name], ["code", kind.code]];
            for (var i = 0; i < checks.length; i++) {
                var actual_value = safe_get(e, checks[i][0]);
                assert(same_value(actual_value, checks[i][1]), assertion, description,
                       "${func} threw ${actual} that is not a DOMException ${expected}: property ${prop} is equal to ${actualValue}, expected ${expectedValue}",
                       { func: func, actual: e, expected: new Raw(kind.name), prop: checks[i][0],
                         actualValue: actual_value, expectedValue: checks[i][1] });
            }
            return;
        }
        assert(false, assertion, description, "${func} did not throw", { func: func });
    }

    function throws_exactly_impl(value, func, description, assertion) {
        check_callable(func, assertion, description);
        try {
            func.call(this);
        } catch (e) {
            assert(same_value(e, value), assertion, description,
                   "${func} threw ${actual} but we expected it to throw ${expected}",
                   { func: func, actual: e, expected: value });
            return;
        }
        assert(false, assertion, description, "${func} did not throw", { func: func });
    }

    function default_dom_exception() {
        return typeof DOMException === "function" ? DOMException : null;
    }

    function assert_throws_js_impl(constructor, func, description) {
        throws_js_impl(constructor, func, description, "assert_throws_js");
    }

    /** assert_throws_dom(type, func, description) or (type, constructor, func, description). */
    function assert_throws_dom_impl(type, func_or_constructor, description_or_func, maybe_description) {
        var constructor = default_dom_exception();
        var func = func_or_constructor;
        var description = description_or_func;
        if (is_function(description_or_func)) {
            constructor = func_or_constructor;
            func = description_or_func;
            description = maybe_description;
        }
        throws_dom_impl(type, constructor, func, description, "assert_throws_dom");
    }

    function assert_throws_exactly_impl(value, func, description) {
        throws_exactly_impl(value, func, description, "assert_throws_exactly");
    }

    /* Promise rejections: each returns a promise the test should return or await. */

    function expect_rejection(test, promise, description, check) {
        return Promise.resolve(promise).then(
            test.unreached_func("Should have rejected: " + (description === undefined ? "" : description)),
            function (error) {
                check(function () {
                    throw error;
                });
            });
    }

    function promise_rejects_js(test, constructor, promise, description) {
        return expect_rejection(test, promise, description, function (thrower) {
            throws_js_impl(constructor, thrower, description, "promise_rejects_js");
        });
    }

    /** promise_rejects_dom(test, type, promise, description) or with a constructor third. */
    function promise_rejects_dom(test, type, promise_or_constructor, description_or_promise, maybe_description) {
        var constructor = default_dom_exception();
        var promise = promise_or_constructor;
        var description = description_or_promise;
        if (is_function(promise_or_constructor) && !is_thenable(promise_or_constructor)) {
            constructor = promise_or_constructor;
            promise = description_or_promise;
            description = maybe_description;
        }
        return expect_rejection(test, promise, description, function (thrower) {
            throws_dom_impl(type, constructor, thrower, description, "promise_rejects_dom");
        });
    }

    function promise_rejects_exactly(test, value, promise, description) {
        return expect_rejection(test, promise, description, function (thrower) {
            throws_exactly_impl(value, thrower, description, "promise_rejects_exactly");
        });
    }

    /* ---------------------------------------------------------------------------------
     * EventWatcher: waits for events of given types, failing the test on unexpected ones
     * ------------------------------------------------------------------------------- */

    function EventWatcher(test, watched_node, event_types, timeout_promise) {
        if (typeof event_types === "string") {
            event_types = [event_types];
        }
        var waiting = null;
        var handler = test.step_func(function (event) {
            assert(waiting !== null, "EventWatcher", null,
                   "Not expecting event, but got ${type} event", { type: new Raw(event.type) });
            assert(event.type === waiting.types[0], "EventWatcher", null,
                   "Expected ${expected} event, but got ${type} event instead",
                   { expected: new Raw(waiting.types[0]), type: new Raw(event.type) });
            waiting.events.push(event);
            if (waiting.types.length > 1) {
                waiting.types.shift();
                return;
            }
            var finished = waiting;
            waiting = null;
            finished.resolve(finished.record_all ? finished.events : event);
        });
        for (var i = 0; i < event_types.length; i++) {
            watched_node.addEventListener(event_types[i], handler, false);
        }

        this.wait_for = function (types, options) {
            if (waiting) {
                return Promise.reject(new Error("Already waiting for an event or events"));
            }
            if (typeof types === "string") {
                types = [types];
            }
            var record_all = !!(options && options.record === "all");
            return new Promise(function (resolve, reject) {
                waiting = { types: types.slice(), events: [], record_all: record_all,
                            resolve: resolve, reject: reject };
                if (timeout_promise) {
                    var mine = waiting;
                    timeout_promise().then(function () {
                        if (waiting === mine) {
                            waiting = null;
                            reject(new AssertionError("EventWatcher: Timed out waiting for " +
                                                      mine.types.join(", ")));
                        }
                    });
                }
            });
        };

        this.stop_watching = function () {
            for (var j = 0; j < event_types.length; j++) {
                watched_node.removeEventListener(event_types[j], handler, false);
            }
        };

        test.add_cleanup(this.stop_watching);
    }

    /* ---------------------------------------------------------------------------------
     * Publishing the API
     * ------------------------------------------------------------------------------- */

    var api = {
        test: test,
        async_test: async_test,
        promise_test: promise_test,
        promise_setup: promise_setup,
        setup: setup,
        done: done,
        timeout: timeout,
        step_timeout: step_timeout,
        generate_tests: generate_tests,
        add_start_callback: add_start_callback,
        add_test_state_callback: add_test_state_callback,
        add_result_callback: add_result_callback,
        add_completion_callback: add_completion_callback,
        fetch_tests_from_window: fetch_tests_from_window,
        format_value: function (value) {
            return format_value(value);
        },
        on_event: on_event,
        promise_rejects_js: promise_rejects_js,
        promise_rejects_dom: promise_rejects_dom,
        promise_rejects_exactly: promise_rejects_exactly,
        EventWatcher: EventWatcher,
        AssertionError: AssertionError,
        OptionalFeatureUnsupportedError: OptionalFeatureUnsupportedError,
        Test: Test,
        TestsStatus: TestsStatus
    };
    for (var api_name in api) {
        global[api_name] = api[api_name];
    }

    var assertions = {
        assert_true: assert_true_impl,
        assert_false: assert_false_impl,
        assert_equals: assert_equals_impl,
        assert_not_equals: assert_not_equals_impl,
        assert_in_array: assert_in_array_impl,
        assert_array_equals: assert_array_equals_impl,
        assert_array_approx_equals: assert_array_approx_equals_impl,
        assert_approx_equals: assert_approx_equals_impl,
        assert_less_than: comparison("assert_less_than", "less than", function (a, b) {
            return a < b;
        }),
        assert_greater_than: comparison("assert_greater_than", "greater than", function (a, b) {
            return a > b;
        }),
        assert_less_than_equal: comparison("assert_less_than_equal", "less than or equal to", function (a, b) {
            return a <= b;
        }),
        assert_greater_than_equal: comparison("assert_greater_than_equal", "greater than or equal to", function (a, b) {
            return a >= b;
        }),
        assert_regexp_match: assert_regexp_match_impl,
        assert_class_string: assert_class_string_impl,
        assert_own_property: assert_own_property_impl,
        assert_not_own_property: assert_not_own_property_impl,
        assert_inherits: inherited_impl("assert_inherits"),
        assert_idl_attribute: inherited_impl("assert_idl_attribute"),
        assert_readonly: assert_readonly_impl,
        assert_object_equals: assert_object_equals_impl,
        assert_throws_js: assert_throws_js_impl,
        assert_throws_dom: assert_throws_dom_impl,
        assert_throws_exactly: assert_throws_exactly_impl,
        assert_unreached: assert_unreached_impl,
        assert_implements: assert_implements_impl,
        assert_implements_optional: assert_implements_optional_impl,
        assert_any: assert_any_impl
    };
    for (var assertion_name in assertions) {
        expose_assertion(assertion_name, assertions[assertion_name]);
    }

    harness.install();
})(typeof window !== "undefined" ? window : (typeof self !== "undefined" ? self : this));
