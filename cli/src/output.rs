//! What `postern run` prints on standard output: the console as `[label] text` lines (the
//! text format), or one JSON object a line (`--format json`).
//!
//! The JSON objects, each with a `type`:
//! - `console`: `level` (`log`, `warn`, `error`), `window` (its id), `url`, `origin`, `text`;
//! - `uncaught`: an uncaught exception or unhandled rejection, with the same fields;
//! - `load-failure`: a load that failed (`error`) or answered a status of 400 or more
//!   (`status`), with its `url` and whether it is the page given (`page`);
//! - `message`: with `--trace-messages`, one event of a posted message (see `trace.rs`);
//! - `outcome`: the last line: `exit_code`, `outcome`, `reasons` (the lines standard error
//!   shows), `elapsed_ms`, `virtual_time`.

use std::io::Write;
use std::sync::Arc;

use clap::ValueEnum;
use postern::{ConsoleLevel, ConsoleMessage, ConsoleSink, StdoutConsole};
use serde_json::{Value, json};

/// The output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Console lines as `[origin] text`; traced messages as arrows.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// Prints one line on standard output (a closed standard output, e.g. piped into `head`,
/// silently ends the output).
pub fn print_line(line: &str) {
    let _closed = writeln!(std::io::stdout().lock(), "{line}").is_err();
}

/// Prints one JSON object as a line.
pub fn print_json(value: &Value) {
    print_line(&value.to_string());
}

/// Whether a console message reports an uncaught exception or unhandled rejection: the
/// engine reports them at the error level with the text `Uncaught …` (as Chromium's console
/// prints them).
// Deviation: a `console.error()` whose text starts with "Uncaught " counts too; the
// embedding API has no other mark for a reported exception.
pub fn is_uncaught(message: &ConsoleMessage) -> bool {
    message.level == ConsoleLevel::Error && message.text.starts_with("Uncaught ")
}

fn level_name(level: ConsoleLevel) -> &'static str {
    match level {
        ConsoleLevel::Log => "log",
        ConsoleLevel::Warn => "warn",
        ConsoleLevel::Error => "error",
    }
}

/// A console message as a JSON object.
pub fn console_json(message: &ConsoleMessage) -> Value {
    json!({
        "type": if is_uncaught(message) { "uncaught" } else { "console" },
        "level": level_name(message.level),
        "window": message.window.0,
        "url": message.url,
        "origin": message.origin,
        "text": message.text,
    })
}

/// A sink that prints each console message as a JSON line.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonConsole;

impl ConsoleSink for JsonConsole {
    fn message(&self, message: &ConsoleMessage) {
        print_json(&console_json(message));
    }
}

/// The console sink for a format.
pub fn console_for(format: Format) -> Arc<dyn ConsoleSink> {
    match format {
        Format::Text => Arc::new(StdoutConsole),
        Format::Json => Arc::new(JsonConsole),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use postern::WindowId;

    #[test]
    fn console_messages_carry_level_window_url_and_origin() {
        let mut message = ConsoleMessage {
            window: WindowId(3),
            label: "http://a.test".into(),
            url: "http://a.test/x.html".into(),
            origin: "http://a.test".into(),
            level: ConsoleLevel::Warn,
            text: "careful".into(),
        };
        assert_eq!(
            console_json(&message),
            json!({"type": "console", "level": "warn", "window": 3,
                   "url": "http://a.test/x.html", "origin": "http://a.test", "text": "careful"})
        );
        message.level = ConsoleLevel::Error;
        message.text = "Uncaught TypeError: x".into();
        assert_eq!(console_json(&message)["type"], "uncaught");
    }
}
