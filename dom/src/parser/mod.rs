//! The HTML parser: html5ever building into a [`Document`], pausing at each script.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/parsing.html>
//!
//! The embedder drives it with [`HtmlParser::next_event`]: each call parses until
//! something the embedder must act on (an iframe inserted, a script ready to run) or the
//! end of the input. Between calls the document is fully readable and writable.

mod depth_limit;
mod sink;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;
use std::rc::Rc;

use html5ever::TokenizerResult;
use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};

use crate::document::Document;
use crate::ids::NodeId;
use depth_limit::DepthLimit;
use sink::Sink;

/// What the parser stopped for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParseEvent {
    /// An `<iframe>` element was inserted into the document (it is connected, with all
    /// its attributes): the embedder runs the iframe's insertion steps (creates its
    /// child navigable and loads its `src`).
    IframeInserted(NodeId),
    /// The parser reached a `</script>` end tag: the script element (with its text, and
    /// everything before it, in the document; nothing after it) is ready to be prepared
    /// and run. Call [`HtmlParser::next_event`] again afterwards to resume.
    ScriptReady(NodeId),
    /// The whole input has been parsed. Every later call returns `Finished` again.
    Finished,
}

/// An incremental HTML parser for one document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/parsing.html#overview-of-the-parsing-model>
///
/// # Panics
///
/// The parser borrows the document mutably inside [`HtmlParser::next_event`]; that call
/// panics if the caller holds a borrow of the document across it (the usual `RefCell`
/// contract). Between calls, borrowing is free.
pub struct HtmlParser {
    tokenizer: Tokenizer<DepthLimit>,
    input: BufferQueue,
    document: Rc<RefCell<Document>>,
    /// A script the tokenizer stopped at, reported once the queued events are out.
    pending_script: Option<NodeId>,
    /// Whether the input is exhausted and the tokenizer ended.
    ended: bool,
}

impl HtmlParser {
    /// A parser that will parse all of `input` into `document` (which should be empty).
    pub fn new(document: Rc<RefCell<Document>>, input: &str) -> HtmlParser {
        // An iframe srcdoc document (its URL is about:srcdoc) is never set to quirks or
        // limited-quirks mode by its DOCTYPE or the lack of one.
        // Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#an-iframe-srcdoc-document>
        let iframe_srcdoc = document.borrow().url().as_str() == "about:srcdoc";
        let sink = Sink::new(Rc::clone(&document));
        let tree_builder = TreeBuilder::new(
            sink,
            TreeBuilderOpts {
                // Scripts run: `<noscript>` contents are raw text.
                scripting_enabled: true,
                iframe_srcdoc,
                ..TreeBuilderOpts::default()
            },
        );
        // Deviation: the tokens go through a depth cap (Chromium's, 512) on their way to the
        // tree builder (depth_limit.rs).
        let tokenizer = Tokenizer::new(DepthLimit::new(tree_builder), TokenizerOpts::default());
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(input));
        HtmlParser {
            tokenizer,
            input: queue,
            document,
            pending_script: None,
            ended: false,
        }
    }

    /// The document being parsed into.
    pub fn document(&self) -> &Rc<RefCell<Document>> {
        &self.document
    }

    /// Parses until the next event and returns it.
    ///
    /// Events queued while parsing are returned first, in order; then a script the
    /// tokenizer stopped at; then parsing resumes. So an iframe before a script is
    /// reported before that script.
    pub fn next_event(&mut self) -> ParseEvent {
        loop {
            if let Some(event) = self
                .tokenizer
                .sink
                .tree_builder
                .sink
                .events
                .borrow_mut()
                .pop_front()
            {
                return event;
            }
            if let Some(script) = self.pending_script.take() {
                return ParseEvent::ScriptReady(script);
            }
            if self.ended {
                return ParseEvent::Finished;
            }
            // TODO(spec): document.write() — a script-inserted insertion point before the
            // rest of the input — is not supported.
            match self.tokenizer.feed(&self.input) {
                // All the input is tokenized: run the end steps (EOF handling).
                TokenizerResult::Done => {
                    // TODO(spec): "the end" — DOMContentLoaded, deferred scripts and the
                    // load event — is the engine's; this only ends tokenization.
                    self.tokenizer.end();
                    self.ended = true;
                }
                TokenizerResult::Script(script) => self.pending_script = Some(script),
                // Deviation: the input is already decoded text, so an encoding
                // declaration (`<meta charset>`) changes nothing.
                TokenizerResult::EncodingIndicator(_) => {}
            }
        }
    }

    /// Events queued but not yet returned (for tests and debugging).
    fn queued_events(&self) -> VecDeque<ParseEvent> {
        self.tokenizer
            .sink
            .tree_builder
            .sink
            .events
            .borrow()
            .clone()
    }
}

impl fmt::Debug for HtmlParser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HtmlParser")
            .field("queued_events", &self.queued_events())
            .field("pending_script", &self.pending_script)
            .field("ended", &self.ended)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod depth_tests;
#[cfg(test)]
mod tests;
