//! Console output, as the embedder receives it.

use std::sync::{Arc, Mutex};

use crate::ids::WindowId;

/// How severe a console message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsoleLevel {
    /// `console.log`, `console.info`, `console.debug`.
    Log,
    /// `console.warn`.
    Warn,
    /// `console.error`, and uncaught exceptions.
    Error,
}

/// One line a window printed (or an uncaught exception reported for it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleMessage {
    /// The window that printed it.
    pub window: WindowId,
    /// The window's origin, or its document's URL when the origin is opaque.
    pub label: String,
    /// The window's document's URL (empty when the window is unknown).
    pub url: String,
    /// The window's origin, serialized (`"null"` when opaque, empty when the window is
    /// unknown).
    pub origin: String,
    /// How severe it is.
    pub level: ConsoleLevel,
    /// The formatted text.
    pub text: String,
}

impl std::fmt::Display for ConsoleMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}] {}", self.label, self.text)
    }
}

/// Where console messages go. Called on the thread of the agent that printed.
pub trait ConsoleSink: Send + Sync {
    /// Receives one message.
    fn message(&self, message: &ConsoleMessage);
}

impl<F: Fn(&ConsoleMessage) + Send + Sync> ConsoleSink for F {
    fn message(&self, message: &ConsoleMessage) {
        self(message)
    }
}

/// A sink that prints each message as `[label] text` on standard output (silently dropping
/// output once standard output is closed).
#[derive(Clone, Copy, Debug, Default)]
pub struct StdoutConsole;

impl ConsoleSink for StdoutConsole {
    fn message(&self, message: &ConsoleMessage) {
        use std::io::Write;
        // A closed stdout (e.g. piped into `head`) is not an engine error: output stops.
        let _closed = writeln!(std::io::stdout().lock(), "{message}").is_err();
    }
}

/// A sink that keeps every message, for tests and embedders that read them afterwards.
#[derive(Clone, Debug, Default)]
pub struct CollectingConsole {
    messages: Arc<Mutex<Vec<ConsoleMessage>>>,
}

impl CollectingConsole {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Everything received so far.
    pub fn messages(&self) -> Vec<ConsoleMessage> {
        match self.messages.lock() {
            Ok(messages) => messages.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Everything received so far, as `[label] text` lines.
    pub fn lines(&self) -> Vec<String> {
        self.messages().iter().map(ToString::to_string).collect()
    }
}

impl ConsoleSink for CollectingConsole {
    fn message(&self, message: &ConsoleMessage) {
        match self.messages.lock() {
            Ok(mut messages) => messages.push(message.clone()),
            Err(poisoned) => poisoned.into_inner().push(message.clone()),
        }
    }
}
