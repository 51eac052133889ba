//! Random HTML: tags of every parsing mode, unclosed and misnested, deep and repeated.

use super::Choices;

const TAGS: &[&str] = &[
    "div",
    "span",
    "b",
    "i",
    "a",
    "p",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "caption",
    "ul",
    "li",
    "select",
    "option",
    "template",
    "svg",
    "math",
    "g",
    "foreignObject",
    "mi",
    "form",
    "button",
    "textarea",
    "title",
    "style",
    "noscript",
    "iframe",
    "frameset",
    "frame",
    "plaintext",
    "xmp",
    "pre",
    "listing",
    "head",
    "body",
    "html",
    "nobr",
    "marquee",
    "object",
    "font",
    "h1",
    "dl",
    "dd",
    "image",
    "isindex",
    "desc",
    "annotation-xml",
];

const ATTRIBUTES: &[&str] = &[
    "id=x",
    "class=\"a b\"",
    "src=\"/\"",
    "srcdoc=\"<iframe srcdoc='x'></iframe>\"",
    "onload=\"console.log('onload')\"",
    "onerror=\"undefined()\"",
    "name=frames",
    "name=location",
    "xmlns=\"http://www.w3.org/1999/xhtml\"",
    "encoding=text/html",
    "style=\"width:1px\"",
    "hidden",
    "x=\"&#x0;&#xD800;&amp;&notanentity\"",
];

const TEXTS: &[&str] = &[
    "text",
    "&amp;&lt;&#0;&#x110000;&#128512;",
    "<!-- comment -->",
    "<!--->",
    "<![CDATA[x]]>",
    "<!doctype html>",
    "\u{0}",
    "</p></br></table>",
    "<?pi?>",
    "é€😀",
    "<script>console.log('inline')</script>",
    "<script>document.write('<b>' + '<i>'.repeat(50))</script>",
];

/// Up to `budget` levels of random markup.
pub(crate) fn random_markup(c: &mut impl Choices, budget: usize) -> String {
    let mut out = String::new();
    let pieces = c.below(6);
    for _ in 0..pieces {
        // A page stays under about 1 MB of markup.
        if out.len() > 300_000 {
            break;
        }
        match c.below(6) {
            0 => out.push_str(c.pick::<&str>(TEXTS)),
            1 => {
                // A tag repeated many times, unclosed or closed.
                let tag = *c.pick(TAGS);
                let n = *c.pick(&[10, 600, 5_000, 20_000]);
                let closed = c.one_in(2);
                out.push_str(&format!("<{tag}>").repeat(n));
                out.push_str("deep");
                if closed {
                    out.push_str(&format!("</{tag}>").repeat(n));
                }
            }
            2 => {
                // Random bytes the tokenizer must take (ASCII, to stay one page).
                let len = c.below(64);
                let s: String = (0..len)
                    .map(|_| char::from(*c.pick(b"<>/=\"'&!-?abcdefgxyz \n\t;#[]")))
                    .collect();
                out.push_str(&s);
            }
            _ if budget > 0 => {
                let tag = *c.pick(TAGS);
                let attribute = if c.one_in(2) { c.pick(ATTRIBUTES) } else { &"" };
                out.push_str(&format!("<{tag} {attribute}>"));
                out.push_str(&random_markup(c, budget - 1));
                if !c.one_in(4) {
                    out.push_str(&format!("</{tag}>"));
                }
            }
            _ => out.push_str("leaf"),
        }
    }
    out.push('\n');
    out
}
