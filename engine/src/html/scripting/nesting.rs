//! A bound on how deeply script source may nest, checked before the JS engine parses it.
//!
//! boa's parser and bytecode compiler recurse once per level of nesting, with no bound of
//! their own: a page holding `[[[[…]]]]` 100,000 deep, or building such a string for `eval`,
//! overflows the agent thread's stack (which aborts the whole process), and some nestings
//! (parenthesized expressions, functions, object literals) parse in time or memory that grows
//! faster than their depth. Browsers stop such sources with
//! `RangeError: Maximum call stack size exceeded`. Postern measures the nesting of every
//! source before boa sees it (classic scripts, event handler attributes, and `eval` and
//! `Function` through `HostEnsureCanCompileStrings`) and throws that RangeError past a bound
//! at least as high as Chromium's for each construct (docs/reliability.md has the figures).
//!
//! The measure is lexical, not a parse: brackets, template substitutions and the operators
//! and keywords that make the parser recurse without brackets (unary and assignment
//! operators, `?`/`:`, `=>`, `function`, `class`, `if`...) are counted per bracket level,
//! and what a `;` or `,` ends stops counting. Strings, comments, template text and regular
//! expression literals are skipped (a `/` is a regular expression where an operand is
//! expected, as tokenizers without a parser decide it).
//!
//! Deviation: this is not part of any standard (which leaves resource limits to the
//! implementation); Chromium's limits come from its stack size.

use boa_engine::{JsNativeError, JsResult};

/// The cost of one bracket level (`(`, `[`, `{`, `${`).
const BRACKET: usize = 4;
/// The cost of an operator or keyword that nests without a bracket (`!`, `=`, `?`, `if`…).
const OPERATOR: usize = 1;
/// The cost of a nested function (`function`, `class`, `=>`): boa's compiler works hardest
/// per level on these.
const FUNCTION: usize = 8;
/// The most nesting a source may have, in the units above: 5,000 nested brackets, 20,000
/// unary operators, 2,500 nested arrow functions (Chromium, measured in the same way:
/// 3,271 nested array literals, 2,219 parentheses, 2,492 blocks, 15,533 `!`, 1,071 arrow
/// functions).
pub(crate) const NESTING_LIMIT: usize = 20_000;

/// [`check_nesting`] as a JS error: the RangeError browsers throw for a source too deep to
/// parse.
pub(crate) fn ensure_nesting_within_limit(source: &str) -> JsResult<()> {
    check_nesting(source).map_err(|_| {
        JsNativeError::range()
            .with_message("Maximum call stack size exceeded (the source nests too deeply)")
            .into()
    })
}

/// What a bracket level is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// `(`; `control` if it follows `if`, `while`, `for` or `with` (a `/` after its `)`
    /// starts a regular expression).
    Paren { control: bool },
    /// `[`.
    Bracket,
    /// `{`.
    Brace,
    /// `${` in a template literal: its `}` returns to the template's text.
    Substitution,
}

/// One open bracket level and the nesting operators counted in it since its last `;`/`,`.
struct Level {
    open: Open,
    operators: usize,
}

/// What the previous significant token was, for telling a regular expression from a
/// division.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Previous {
    /// Nothing, a punctuator or a keyword after which an expression starts: `/` is a
    /// regular expression.
    ExpectOperand,
    /// An identifier, literal, `)` or `]`: `/` divides.
    Operand,
    /// The `)` of a control statement's head: `/` starts a regular expression.
    ControlHeadEnd,
    /// A `}`: `/` starts a regular expression (after a block, the usual case).
    BlockEnd,
}

/// Checks that `source` nests no deeper than [`NESTING_LIMIT`]; `Err` holds the nesting
/// reached when it went past.
pub(crate) fn check_nesting(source: &str) -> Result<(), usize> {
    let bytes = source.as_bytes();
    let mut levels: Vec<Level> = Vec::new();
    // The cost of the open levels (brackets and the operators counted in each).
    let mut cost = 0usize;
    // The operators counted at the top level (outside any bracket).
    let mut top_operators = 0usize;
    let mut previous = Previous::ExpectOperand;
    // Whether the last identifier was `if`, `while`, `for` or `with`.
    let mut after_control_keyword = false;
    // Whether a line terminator came since the previous significant token.
    let mut newline = false;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let mut control_keyword = false;
        // A statement ends before this token (by a `;` that automatic semicolon insertion
        // would put there, or after a block): what nested in it is closed.
        if starts_statement(bytes, i, previous, newline) {
            let operators = match levels.last_mut() {
                Some(level) => std::mem::take(&mut level.operators),
                None => std::mem::take(&mut top_operators),
            };
            cost -= operators;
        }
        match byte {
            b' ' | b'\t' | 0x0b | 0x0c => {
                i += 1;
                continue;
            }
            b'\n' | b'\r' => {
                newline = true;
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = skip_line(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = skip_block_comment(bytes, i + 2);
                newline |= bytes[i..end].iter().any(|b| matches!(b, b'\n' | b'\r'));
                i = end;
                continue;
            }
            b'/' if previous != Previous::Operand => {
                i = skip_regular_expression(bytes, i + 1);
                previous = Previous::Operand;
            }
            b'\'' | b'"' => {
                i = skip_string(bytes, i + 1, byte);
                previous = Previous::Operand;
            }
            b'`' => {
                (i, previous) = template_text(bytes, i + 1, &mut levels, &mut cost);
                newline = false;
                if cost > NESTING_LIMIT {
                    return Err(cost);
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                let open = match byte {
                    b'(' => Open::Paren {
                        control: after_control_keyword,
                    },
                    b'[' => Open::Bracket,
                    _ => Open::Brace,
                };
                levels.push(Level { open, operators: 0 });
                cost += BRACKET;
                previous = Previous::ExpectOperand;
                i += 1;
            }
            b')' | b']' | b'}' => {
                let matches = levels.last().is_some_and(|level| {
                    matches!(
                        (level.open, byte),
                        (Open::Paren { .. }, b')')
                            | (Open::Bracket, b']')
                            | (Open::Brace | Open::Substitution, b'}')
                    )
                });
                i += 1;
                if matches && let Some(level) = levels.pop() {
                    cost -= BRACKET + level.operators;
                    previous = match level.open {
                        Open::Paren { control: true } => Previous::ControlHeadEnd,
                        Open::Brace => Previous::BlockEnd,
                        Open::Paren { control: false } | Open::Bracket => Previous::Operand,
                        Open::Substitution => {
                            // Back in the template's text.
                            let (next, expected) = template_text(bytes, i, &mut levels, &mut cost);
                            i = next;
                            expected
                        }
                    };
                } else {
                    // A stray closer (a syntax error boa will report): nothing to undo.
                    previous = Previous::Operand;
                }
            }
            b';' | b',' => {
                // What nested in this statement or list item ends here.
                let operators = match levels.last_mut() {
                    Some(level) => std::mem::take(&mut level.operators),
                    None => std::mem::take(&mut top_operators),
                };
                cost -= operators;
                previous = Previous::ExpectOperand;
                i += 1;
            }
            b'0'..=b'9' => {
                i = skip_word(bytes, i);
                previous = Previous::Operand;
            }
            b'.' if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                i = skip_word(bytes, i + 1);
                previous = Previous::Operand;
            }
            _ if is_word_byte(byte) => {
                let end = skip_word(bytes, i);
                let word = &bytes[i..end];
                i = end;
                let weight = keyword_weight(word);
                if weight > 0 {
                    add_operators(&mut levels, &mut top_operators, &mut cost, weight);
                }
                control_keyword = matches!(word, b"if" | b"while" | b"for" | b"with");
                previous = if weight > 0 || is_operand_starting_keyword(word) {
                    Previous::ExpectOperand
                } else {
                    Previous::Operand
                };
            }
            _ => {
                // A punctuator: the longest of the ones that matter here.
                let (length, weight) = punctuator(bytes, i, previous);
                if weight > 0 {
                    add_operators(&mut levels, &mut top_operators, &mut cost, weight);
                }
                previous = if bytes[i] == b'.' && length == 1 {
                    // Member access: what follows is a property name.
                    Previous::ExpectOperand
                } else if matches!(&bytes[i..i + length], b"++" | b"--")
                    && previous == Previous::Operand
                {
                    Previous::Operand
                } else {
                    Previous::ExpectOperand
                };
                i += length;
            }
        }
        after_control_keyword = control_keyword;
        newline = false;
        if cost > NESTING_LIMIT {
            return Err(cost);
        }
    }
    Ok(())
}

/// Template text starting at `i`: where scanning goes on, and what it expects there (after
/// the closing backtick an operator; after a `${`, which opens a level, an operand).
fn template_text(
    bytes: &[u8],
    i: usize,
    levels: &mut Vec<Level>,
    cost: &mut usize,
) -> (usize, Previous) {
    match skip_template_text(bytes, i) {
        TemplateEnd::Closed(next) => (next, Previous::Operand),
        TemplateEnd::Substitution(next) => {
            levels.push(Level {
                open: Open::Substitution,
                operators: 0,
            });
            *cost += BRACKET;
            (next, Previous::ExpectOperand)
        }
    }
}

/// Whether the token at `i` starts a new statement, so that the current one ended: a word or
/// literal after a block's `}` (but `else`), or after an operand and a line terminator (but
/// `in`, `instanceof` and `of`, which continue the expression).
fn starts_statement(bytes: &[u8], i: usize, previous: Previous, newline: bool) -> bool {
    let byte = bytes[i];
    if !(is_word_byte(byte) || matches!(byte, b'\'' | b'"')) {
        return false;
    }
    let word = &bytes[i..skip_word(bytes, i).max(i + 1)];
    match previous {
        Previous::BlockEnd => word != b"else",
        Previous::Operand if newline => !matches!(word, b"in" | b"instanceof" | b"of"),
        _ => false,
    }
}

/// Counts `weight` nesting operators in the innermost open level.
fn add_operators(levels: &mut [Level], top: &mut usize, cost: &mut usize, weight: usize) {
    match levels.last_mut() {
        Some(level) => level.operators += weight,
        None => *top += weight,
    }
    *cost += weight;
}

/// The nesting weight of a keyword (0 for other words).
fn keyword_weight(word: &[u8]) -> usize {
    match word {
        b"function" | b"class" => FUNCTION,
        b"if" | b"else" | b"for" | b"while" | b"do" | b"with" | b"typeof" | b"void" | b"delete"
        | b"new" | b"await" | b"yield" | b"return" | b"throw" | b"case" => OPERATOR,
        _ => 0,
    }
}

/// Keywords after which an expression starts without adding nesting (`in`, `of`...).
fn is_operand_starting_keyword(word: &[u8]) -> bool {
    matches!(
        word,
        b"in" | b"of" | b"instanceof" | b"let" | b"const" | b"var" | b"export" | b"extends"
    )
}

/// The length of the punctuator at `i` and its nesting weight.
fn punctuator(bytes: &[u8], i: usize, previous: Previous) -> (usize, usize) {
    let rest = &bytes[i..];
    let starts = |p: &[u8]| rest.starts_with(p);
    if starts(b"=>") {
        return (2, FUNCTION);
    }
    for long in [
        &b">>>="[..],
        b"===",
        b"!==",
        b"**=",
        b"<<=",
        b">>=",
        b">>>",
        b"&&=",
        b"||=",
        b"??=",
        b"...",
    ] {
        if starts(long) {
            let assignment = long.ends_with(b"=") && !matches!(long, b"===" | b"!==");
            return (long.len(), usize::from(assignment) * OPERATOR);
        }
    }
    for two in [
        &b"=="[..],
        b"!=",
        b"<=",
        b">=",
        b"&&",
        b"||",
        b"??",
        b"?.",
        b"++",
        b"--",
        b"**",
        b"<<",
        b">>",
        b"+=",
        b"-=",
        b"*=",
        b"/=",
        b"%=",
        b"&=",
        b"|=",
        b"^=",
    ] {
        if starts(two) {
            // `**` is right-associative, compound assignments too; `++`/`--` before an
            // operand nest like unary operators.
            let nests = matches!(two, b"**")
                || (two.ends_with(b"=") && !matches!(two, b"==" | b"!=" | b"<=" | b">="))
                || (matches!(two, b"++" | b"--") && previous != Previous::Operand);
            return (2, usize::from(nests) * OPERATOR);
        }
    }
    let weight = match rest.first() {
        Some(b'!' | b'~' | b'?' | b':' | b'=') => OPERATOR,
        Some(b'+' | b'-') if previous != Previous::Operand => OPERATOR,
        _ => 0,
    };
    (1, weight)
}

/// Whether `byte` can be part of an identifier, keyword or number (non-ASCII bytes count as
/// identifier parts).
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric()
        || matches!(byte, b'_' | b'$' | b'\\' | b'#' | b'@')
        || byte >= 0x80
}

/// The end of the word starting at `i`.
fn skip_word(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && (is_word_byte(bytes[i]) || bytes[i] == b'.') {
        // A `.` continues only a number (`1.5`), not an identifier (`a.b`).
        if bytes[i] == b'.' && !bytes.get(i.wrapping_sub(1)).is_some_and(u8::is_ascii_digit) {
            break;
        }
        i += 1;
    }
    i
}

/// The index after the end of the line at `i`.
fn skip_line(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
        i += 1;
    }
    i
}

/// The index after the `*/` closing a comment whose text starts at `i`.
fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
        i += 1;
    }
    (i + 2).min(bytes.len())
}

/// The index after the quote closing a string whose text starts at `i`.
fn skip_string(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' | b'\r' => return i,
            byte if byte == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The index after a regular expression literal whose body starts at `i` (its flags
/// included). A literal ends at a line terminator at the latest.
fn skip_regular_expression(bytes: &[u8], mut i: usize) -> usize {
    let mut in_class = false;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' | b'\r' => return i,
            b'[' => {
                in_class = true;
                i += 1;
            }
            b']' => {
                in_class = false;
                i += 1;
            }
            b'/' if !in_class => return skip_word(bytes, i + 1),
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Where a template literal's text stops.
enum TemplateEnd {
    /// At its closing backtick: the index after it.
    Closed(usize),
    /// At a `${`: the index after it.
    Substitution(usize),
}

/// Skips template text starting at `i`.
fn skip_template_text(bytes: &[u8], mut i: usize) -> TemplateEnd {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => return TemplateEnd::Closed(i + 1),
            b'$' if bytes.get(i + 1) == Some(&b'{') => return TemplateEnd::Substitution(i + 2),
            _ => i += 1,
        }
    }
    TemplateEnd::Closed(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
        format!("{}{middle}{}", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn ordinary_code_passes() {
        let code = "function f(a, b) { if (a) { return [a, b].map(x => x * 2); } \
                    const re = /[)\\]]+/g; return `t${a + `${b}`}` + '(((' + \"[[[\"; }\n\
                    // (((((\n/* [[[[[ */ let x = a / b / c; x = y = z;";
        assert_eq!(check_nesting(code), Ok(()));
    }

    #[test]
    fn long_flat_code_passes() {
        let statement = "a = b ? c : !d; f(x, y = 1, -z);\n";
        assert_eq!(check_nesting(&statement.repeat(50_000)), Ok(()));
        let data = format!("[{}1]", "1, ".repeat(200_000));
        assert_eq!(check_nesting(&data), Ok(()));
    }

    #[test]
    fn statements_without_semicolons_end_what_nested_in_them() {
        assert_eq!(check_nesting(&"x = !a ? b : c\n".repeat(30_000)), Ok(()));
        assert_eq!(
            check_nesting(&"function f(a) { return a }\n".repeat(5_000)),
            Ok(())
        );
        assert_eq!(check_nesting(&"class A {}".repeat(5_000)), Ok(()));
        let chain = format!("if (a) {{}}{}", " else if (a) {}".repeat(500));
        assert_eq!(check_nesting(&chain), Ok(()));
        // An operator before the line break continues the expression.
        assert!(check_nesting(&format!("{}1", "!\n".repeat(30_000))).is_err());
        assert!(
            check_nesting(&format!(
                "{}1{}",
                "1?\n".repeat(12_000),
                "\n:1".repeat(12_000)
            ))
            .is_err()
        );
    }

    #[test]
    fn chromium_depths_pass() {
        assert_eq!(check_nesting(&nested("[", "", "]", 3_271)), Ok(()));
        assert_eq!(check_nesting(&nested("(", "1", ")", 2_219)), Ok(()));
        assert_eq!(check_nesting(&nested("{", "", "}", 2_492)), Ok(()));
        assert_eq!(check_nesting(&nested("1?", "1", ":1", 3_451)), Ok(()));
        assert_eq!(check_nesting(&format!("{}1", "!".repeat(15_533))), Ok(()));
        assert_eq!(check_nesting(&format!("{}1", "()=>".repeat(1_071))), Ok(()));
    }

    #[test]
    fn deeper_nesting_is_refused() {
        assert!(check_nesting(&nested("[", "", "]", 100_000)).is_err());
        assert!(check_nesting(&nested("(", "1", ")", 6_000)).is_err());
        assert!(check_nesting(&nested("`${", "1", "}`", 6_000)).is_err());
        assert!(check_nesting(&format!("{}1", "!".repeat(30_000))).is_err());
        assert!(check_nesting(&format!("{}1", "x=".repeat(30_000))).is_err());
        assert!(check_nesting(&nested("function f(){", "", "}", 3_000)).is_err());
        assert!(check_nesting(&format!("{};", "if(1)".repeat(30_000))).is_err());
    }

    #[test]
    fn closers_hidden_in_strings_comments_and_regexps_do_not_undo_nesting() {
        let hidden = "')))' \")))\" /*)))*/ /)))/ `)))`";
        let source = format!("{}{hidden}", "[".repeat(6_000));
        assert!(check_nesting(&source).is_err());
        let after_control = format!("{}if (x) /)))]]]/.test(y);", "(".repeat(6_000));
        assert!(check_nesting(&after_control).is_err());
    }
}
