//! The hostile building blocks, each a `<script>` (or an element that runs script) for a
//! page of `who` (`"a"` or `"b"`), printing what it saw.

use super::Choices;

/// Constructs that nest: (opening, innermost, closing) for an expression statement.
const NESTINGS: &[(&str, &str, &str)] = &[
    ("[", "0", "]"),
    ("(", "0", ")"),
    ("({a:", "0", "})"),
    ("{", "", "}"),
    ("(function(){", "", "})"),
    ("()=>", "0", ""),
    ("async()=>", "0", ""),
    ("`${", "0", "}`"),
    ("!", "0", ""),
    ("- ", "0", ""),
    ("typeof ", "0", ""),
    ("a=", "0", ""),
    ("1?", "0", ":0"),
    ("new Array(", "", ")"),
    ("(class{m(){return ", "0", "}})"),
    ("if(1)", ";", ""),
    ("try{", "", "}finally{}"),
    ("[...", "[1]", "]"),
    ("Math.max(", "1", ")"),
    ("x=>", "0", ""),
    ("/(?:/.test(", "0", ")"),
];

/// Nesting depths around the bounds (Chromium's and Postern's) and well past them.
const DEPTHS: &[usize] = &[
    1, 2, 10, 100, 500, 1_000, 1_071, 1_500, 2_219, 2_500, 3_271, 5_000, 5_001, 10_000, 15_533,
    20_000, 20_001, 50_000, 100_000,
];

/// Counts and lengths for the string and array built-ins: small, and past V8's maximum
/// string length (2^29 − 24 code units).
const COUNTS: &[&str] = &[
    "0",
    "1",
    "7",
    "1000",
    "65536",
    "2 ** 20",
    "2 ** 29 - 23",
    "2 ** 29",
    "2 ** 30",
    "2 ** 31",
    "2 ** 32",
    "2 ** 32 - 1",
    "2 ** 53",
    "1e308",
    "Infinity",
    "-1",
    "NaN",
    "-0",
];

/// One hostile block.
pub(crate) fn block(c: &mut impl Choices, who: &str) -> String {
    match c.below(8) {
        0 | 1 => nesting(c, who),
        2 => strings(c, who),
        3 => recursion(c, who),
        4 => deep_json(c, who),
        5 => embedding(c),
        6 => storm(c, who),
        _ => super::markup::random_markup(c, 4),
    }
}

/// `body` in a script that prints what it returned or threw.
fn guarded(who: &str, label: &str, body: &str) -> String {
    format!(
        "<script>try {{ const r = (() => {{ {body}\n }})(); \
         console.log('{who}: {label}: ' + typeof r); }} \
         catch (e) {{ console.log('{who}: {label}: ' + (e && e.name)); }}</script>\n"
    )
}

/// A JS string literal of ASCII `text`.
fn js(text: &str) -> String {
    format!("{text:?}")
}

/// `text` as an HTML attribute value (in double quotes).
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// A deeply nested construct, as script source, `eval`, `Function`, a timer string, an event
/// handler attribute, a regular expression or `JSON.parse`.
fn nesting(c: &mut impl Choices, who: &str) -> String {
    let (open, core, close) = *c.pick(NESTINGS);
    let mut depth = *c.pick(DEPTHS);
    if c.one_in(4) {
        depth = 1 + c.below(200_000);
    }
    let built = format!(
        "{}.repeat({depth}) + {} + {}.repeat({depth})",
        js(open),
        js(core),
        js(close)
    );
    // A literal source stays under about 1 MB of HTML.
    let literal_depth = depth.min(1_000_000 / (open.len() + close.len()).max(1));
    let literal = || {
        format!(
            "{}{core}{}",
            open.repeat(literal_depth),
            close.repeat(literal_depth)
        )
    };
    match c.below(9) {
        0 => format!(
            "<script>var a, x; {}\nconsole.log('{who}: literal {literal_depth} parsed');</script>\n",
            literal()
        ),
        1 => guarded(who, "eval", &format!("var a, x; return eval({built});")),
        2 => guarded(who, "Function", &format!("return Function({built})();")),
        3 => guarded(
            who,
            "timer string",
            &format!("return setTimeout('var a, x;' + {built}, 0);"),
        ),
        4 => format!(
            "<div id=h{depth} onclick=\"var a, x; {}\"></div>\n{}",
            attribute(&literal()),
            guarded(
                who,
                "handler",
                &format!("return document.getElementById('h{depth}').click();")
            )
        ),
        5 => guarded(
            who,
            "RegExp",
            &format!(
                "return new RegExp('('.repeat({depth}) + 'a' + ')'.repeat({depth})).test('a');"
            ),
        ),
        6 => guarded(
            who,
            "RegExp literal",
            &format!("return eval('/' + '(?:'.repeat({depth}) + 'a' + ')'.repeat({depth}) + '/');"),
        ),
        7 => guarded(
            who,
            "JSON.parse",
            &format!(
                "return JSON.parse({}.repeat({depth}) + '1' + {}.repeat({depth}));",
                js(if c.one_in(2) { "[" } else { "{\"a\":" }),
                js(if c.one_in(2) { "]" } else { "}" }),
            ),
        ),
        _ => guarded(
            who,
            "new Function arguments",
            &format!("return new Function('a', 'b', {built});"),
        ),
    }
}

/// A string or array built-in asked for a result past the maximum length (or a modest one).
fn strings(c: &mut impl Choices, who: &str) -> String {
    let n = *c.pick(COUNTS);
    let body = match c.below(12) {
        0 => format!("return 'ab'.repeat({n}).length;"),
        1 => format!("return 'x'.padStart({n}).length;"),
        2 => format!("return 'x'.padEnd({n}, 'yz').length;"),
        3 => format!("return Array({n}).join('xy').length;"),
        4 => format!("return new Array({n}).join().length;"),
        5 => format!("const a = []; a.length = {n}; return a.join('--').length;"),
        6 => format!("return ['a', 'b'].join('x'.repeat(Math.min({n}, 2 ** 20))).length;"),
        7 => format!(
            "const s = 'x'.repeat(Math.min({n}, 2 ** 20)); \
             return ''.concat(s, s, s, s, s, s, s, s).length;"
        ),
        8 => {
            // Doubling 40 times passes any budget: the agent's memory budget stops it
            // (docs/reliability.md); the others stay under it.
            let k = *c.pick(&[1, 10, 20, 22, 40]);
            format!("let s = 'x'; for (let i = 0; i < {k}; i++) s += s; return s.length;")
        }
        9 => format!(
            "return 'x'.repeat(Math.min({n}, 2 ** 18)).replaceAll('x', 'yy'.repeat(16)).length;"
        ),
        10 => format!("return new Array({n}).length;"),
        _ => format!(
            "const a = Array.from({{length: Math.min({n}, 2 ** 16)}}, () => 'x'.repeat(4096)); \
             return a.join('').length;"
        ),
    };
    guarded(who, "strings", &body)
}

/// Recursion through calls, getters, conversions, proxies, callbacks and long chains.
fn recursion(c: &mut impl Choices, who: &str) -> String {
    let n = *c.pick(&[10, 1_000, 10_000, 100_000, 1_000_000]);
    let body = match c.below(12) {
        0 => "function f() { return f() + 1; } return f();".to_owned(),
        1 => "const o = { get x() { return this.x; } }; return o.x;".to_owned(),
        2 => "const o = {}; o.toString = () => String(o); return String(o);".to_owned(),
        3 => "const o = { valueOf() { return +o; } }; return +o;".to_owned(),
        4 => "const p = new Proxy({}, { get(t, k, r) { return r[k]; } }); return p.x;".to_owned(),
        5 => "function g() { [1].map(g); } return g();".to_owned(),
        6 => "function h() { return JSON.stringify({ toJSON() { return h(); } }); } return h();"
            .to_owned(),
        7 => "const a = []; a[0] = a; a[1] = [a]; return String(a) + a.join();".to_owned(),
        8 => format!("let a = []; for (let i = 0; i < {n}; i++) a = [a]; return String(a);"),
        9 => format!(
            "let p = {{}}; for (let i = 0; i < {n}; i++) p = new Proxy(p, {{}}); return p.x;"
        ),
        // At most 1,000 binds: each bound function's name is "bound " + its target's, and
        // boa's flat strings make a chain's names quadratic (100,000 binds: 5 GB, 55 s;
        // docs/reliability.md, "Not contained yet").
        10 => format!(
            "let f = () => 0; for (let i = 0; i < Math.min({n}, 1000); i++) f = f.bind(null); \
             return f();"
        ),
        _ => format!(
            "let o = {{}}; for (let i = 0; i < {n}; i++) o = Object.create(o); return 'x' in o;"
        ),
    };
    guarded(who, "recursion", &body)
}

/// Deep structures through JSON, structured clone and postMessage. At most 200,000 deep:
/// Postern's `JSON.stringify` and `JSON.parse` are linear (200,000 deep: 0.2–0.5 s in a
/// release build; boa's stringify was quadratic, 20,000 deep took 25 s), but one task
/// still cannot be interrupted, and 1,000,000 deep (1–3 s, several times that in the
/// fuzz target's instrumented build) could outlive the shutdown's grace.
fn deep_json(c: &mut impl Choices, who: &str) -> String {
    let n = *c.pick(&[10, 1_000, 5_000, 20_000, 200_000]);
    let build = if c.one_in(2) {
        format!("let v = []; for (let i = 0; i < {n}; i++) v = [v];")
    } else {
        format!("let v = {{}}; for (let i = 0; i < {n}; i++) v = {{ a: v }};")
    };
    let body = match c.below(4) {
        0 => format!("{build} return JSON.stringify(v).length;"),
        1 => format!("{build} return JSON.parse(JSON.stringify(v));"),
        2 => format!("{build} return structuredClone(v);"),
        _ => format!("{build} return postMessage(v, '*');"),
    };
    guarded(who, "deep json", &body)
}

/// Iframes that embed their own page, an ancestor, or themselves again and again.
fn embedding(c: &mut impl Choices) -> String {
    match c.below(7) {
        0 => "<iframe src=\"/\"></iframe>\n".to_owned(),
        1 => "<iframe src=\"/#again\"></iframe>\n".to_owned(),
        2 => "<iframe src=\"http://a.test/\"></iframe>\n".to_owned(),
        3 => concat!(
            "<script>{ const n = +(new URLSearchParams(location.search).get('n') || 0);\n",
            "  const f = document.createElement('iframe'); f.src = '/?n=' + (n + 1);\n",
            "  document.body.appendChild(f); }</script>\n"
        )
        .to_owned(),
        4 => concat!(
            "<script>{ const f = document.createElement('iframe');\n",
            "  f.srcdoc = document.documentElement.outerHTML;\n",
            "  document.body.appendChild(f); }</script>\n"
        )
        .to_owned(),
        5 => {
            let depth = 1 + c.below(40);
            let mut html = String::from("<b>srcdoc</b>");
            for _ in 0..depth {
                html = format!("<iframe srcdoc=\"{}\"></iframe>", attribute(&html));
                if html.len() > 200_000 {
                    break;
                }
            }
            format!("{html}\n")
        }
        _ => "<script>document.write('<iframe src=\"/\"></iframe>');</script>\n".to_owned(),
    }
}

/// Timers, messages and microtasks by the thousand (or without end).
fn storm(c: &mut impl Choices, who: &str) -> String {
    let n = *c.pick(&["10", "1000", "20000", "Infinity"]);
    let body = match c.below(6) {
        0 => format!(
            "let k = 0; const id = setInterval(() => {{ if (++k >= {n}) clearInterval(id); }}, 0);"
        ),
        1 => {
            format!("for (let i = 0; i < Math.min({n}, 10000); i++) setTimeout(() => {{}}, i % 7);")
        }
        2 => format!(
            "let k = 0; addEventListener('message', () => {{ if (++k < {n}) postMessage(0, '*'); }}); \
             postMessage(0, '*');"
        ),
        3 => format!(
            "const ch = new MessageChannel(); let k = 0; \
             ch.port1.onmessage = () => {{ if (++k < {n}) ch.port2.postMessage(k); }}; \
             ch.port2.onmessage = (e) => ch.port1.postMessage(e.data); ch.port1.postMessage(0);"
        ),
        4 => format!(
            "let k = 0; function p() {{ if (++k < Math.min({n}, 1000000)) Promise.resolve().then(p); }} p();"
        ),
        _ => format!("let k = 0; function t() {{ if (++k < {n}) setTimeout(t, 0); }} t();"),
    };
    guarded(who, "storm", &format!("{body} return 0;"))
}

/// The top page's script talking to its cross-site frame.
pub(crate) fn talk_to_frame(c: &mut impl Choices) -> String {
    let n = *c.pick(&["1", "100", "10000"]);
    format!(
        "<script>addEventListener('message', (e) => {{ \
         if (typeof e.data === 'number' && e.data < {n}) e.source.postMessage(e.data + 1, '*'); }});\n\
         frames[0] && frames[0].postMessage(0, '*');</script>\n"
    )
}

/// The frame's script talking to its parent.
pub(crate) fn talk_to_parent(c: &mut impl Choices) -> String {
    let deep = *c.pick(&[1, 100, 10_000]);
    format!(
        "<script>addEventListener('message', (e) => {{ \
         if (typeof e.data === 'number') parent.postMessage(e.data + 1, '*'); }});\n\
         {{ let v = []; for (let i = 0; i < {deep}; i++) v = [v]; \
         try {{ parent.postMessage(v, '*'); }} catch (e) {{ console.log('b: post: ' + e.name); }} }}\n\
         parent.postMessage(0, '*');</script>\n"
    )
}
