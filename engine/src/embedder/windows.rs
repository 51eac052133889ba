//! The embedder's view of the windows: [`WindowHandle`]s, the window tree
//! ([`UserAgent::windows`]), and reaching into a window from Rust ([`UserAgent::evaluate`],
//! [`UserAgent::post_message`]).

use std::sync::{Arc, Mutex};

use postern_dom::BrowsingContextId;
use postern_event_loop::{AgentId, Task, TaskSource};

use crate::agent::tasks::{AgentTask, EvaluateTask, ReplySlot};
use crate::agent::window::document_key;
use crate::embedder::native_value::{record_from_value, value_from_record};
use crate::embedder::user_agent::UserAgent;
use crate::embedder::value::{ScriptError, ScriptErrorKind, Value};
use crate::html::web_messaging::embedder_post_message::embedder_window_post_message_steps;
use crate::ids::WindowId;

/// A window of a [`UserAgent`] (a Window object: one document in one browsing context).
/// A browsing context navigated to another document has a new window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WindowHandle(pub WindowId);

impl WindowHandle {
    /// The window's id (as console messages name it: [`ConsoleMessage::window`](crate::ConsoleMessage::window)).
    pub fn id(self) -> WindowId {
        self.0
    }
}

impl std::fmt::Display for WindowHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "w{}", self.0.0)
    }
}

/// One window, as [`UserAgent::windows`] lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WindowInfo {
    /// The window.
    pub handle: WindowHandle,
    /// Its browsing context.
    pub browsing_context: BrowsingContextId,
    /// Its document's URL.
    pub url: String,
    /// Its document's origin, serialized (`"null"` when opaque).
    pub origin: String,
    /// The active window of its parent browsing context (for an iframe's window).
    pub parent: Option<WindowHandle>,
    /// The active window of its opener browsing context (for a popup).
    pub opener: Option<WindowHandle>,
    /// Its browsing context's name (`window.name`).
    pub name: String,
    /// The agent (thread `postern-agent-N`) that runs it.
    pub agent: AgentId,
    /// Whether its browsing context is closed (closing, or discarded: a closed popup, a
    /// removed iframe).
    pub closed: bool,
    /// Whether it is its browsing context's active window (false once another document
    /// replaced it).
    pub active: bool,
}

impl UserAgent {
    /// Every window so far, in the order they were created: the tree of browsing contexts
    /// (`parent`, `opener`) with what each shows, where it runs and whether it is closed.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use postern::{CollectingConsole, UserAgent};
    ///
    /// let mut ua = UserAgent::builder().console(Arc::new(CollectingConsole::new())).build()?;
    /// ua.open_html("http://a.test/", "<iframe srcdoc='<p>hi'></iframe>")?;
    /// ua.run_until_idle();
    /// let windows = ua.windows();
    /// let top = windows.iter().find(|w| w.url == "http://a.test/").unwrap();
    /// let frame = windows.iter().find(|w| w.url == "about:srcdoc").unwrap();
    /// assert_eq!(frame.parent, Some(top.handle));
    /// assert_eq!(frame.origin, "http://a.test");
    /// # Ok::<(), postern::EngineError>(())
    /// ```
    pub fn windows(&self) -> Vec<WindowInfo> {
        let entries = self.shared.window_entries();
        self.shared.with_tree(|tree| {
            let active_window = |bc: BrowsingContextId| {
                let document = tree.get(bc)?.active_document?;
                entries
                    .iter()
                    .find(|(_, e)| e.document == document)
                    .map(|(id, _)| WindowHandle(*id))
            };
            entries
                .iter()
                .map(|(id, entry)| {
                    let context = tree.get(entry.browsing_context);
                    WindowInfo {
                        handle: WindowHandle(*id),
                        browsing_context: entry.browsing_context,
                        url: entry.url.to_string(),
                        origin: entry.origin.ascii_serialization(),
                        parent: context.and_then(|c| c.parent).and_then(active_window),
                        opener: context.and_then(|c| c.opener).and_then(active_window),
                        name: context.map(|c| c.name.clone()).unwrap_or_default(),
                        agent: entry.agent,
                        closed: context.is_none_or(|c| c.is_closing),
                        active: context.and_then(|c| c.active_document) == Some(entry.document),
                    }
                })
                .collect()
        })
    }

    /// The window a browsing context shows now (e.g. the one [`Self::open_html`] created,
    /// once its document loaded).
    pub fn active_window(&self, browsing_context: BrowsingContextId) -> Option<WindowHandle> {
        self.shared
            .active_window(browsing_context)
            .map(WindowHandle)
    }

    /// Evaluates `source` in `window`'s realm, as a classic script of its document runs
    /// (a microtask checkpoint follows), and returns its completion value, cloned out of the
    /// window by the structured clone algorithm. The event loops run (every agent, under
    /// the run limits) until the window's agent has answered, so a window on another agent
    /// thread works as well. A thrown exception comes back as the error (and is not
    /// reported to the window's console); a value that cannot be cloned (a function, a
    /// DOM node) is a [`ScriptErrorKind::NotCloneable`] error.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use postern::{CollectingConsole, ScriptErrorKind, UserAgent, Value};
    ///
    /// let mut ua = UserAgent::builder().console(Arc::new(CollectingConsole::new())).build()?;
    /// let tab = ua.open_html("http://a.test/", "<script>var answer = 42</script>")?;
    /// ua.run_until_idle();
    /// let window = ua.active_window(tab).unwrap();
    /// let value = ua.evaluate(window, "({ answer, list: [1, 'two'] })").unwrap();
    /// assert_eq!(value.get("answer"), Some(&Value::Number(42.0)));
    /// let error = ua.evaluate(window, "null.x").unwrap_err();
    /// assert_eq!((error.kind, error.name.as_str()), (ScriptErrorKind::Thrown, "TypeError"));
    /// # Ok::<(), postern::EngineError>(())
    /// ```
    pub fn evaluate(&mut self, window: WindowHandle, source: &str) -> Result<Value, ScriptError> {
        let no_window = || ScriptError::new(ScriptErrorKind::NoWindow, "", "no such window");
        let entry = self.shared.window_entry(window.0).ok_or_else(no_window)?;
        let reply: ReplySlot = Arc::new(Mutex::new(None));
        let task = Task::new(
            TaskSource::UserInteraction,
            Some(document_key(entry.document)),
            AgentTask::Evaluate(Box::new(EvaluateTask {
                window: window.0,
                source: source.to_owned(),
                reply: Arc::clone(&reply),
            })),
        );
        if !self.shared.send_task(entry.agent, task) {
            return Err(no_window());
        }
        let answered = || {
            reply
                .lock()
                .map(|slot| slot.is_some())
                .unwrap_or_else(|poisoned| poisoned.into_inner().is_some())
        };
        self.run_until(&answered);
        let result = match reply.lock() {
            Ok(mut slot) => slot.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        match result {
            Some(Ok(record)) => value_from_record(&record),
            Some(Err(error)) => Err(error),
            None => Err(ScriptError::new(
                ScriptErrorKind::NoReply,
                "",
                "the window's agent did not answer (its document went away, it crashed, or a run limit was reached)",
            )),
        }
    }

    /// Posts `message` to `window` as `window.postMessage(message, targetOrigin)` would,
    /// with the embedder as the sender: `target_origin` is `"*"`, `"/"` or a URL (anything
    /// else is an error, the `SyntaxError` a page would get); the value is serialized
    /// through the structured clone native model; the origin check runs when the message
    /// arrives, and the message runs once the event loops do.
    ///
    /// Who sent it is the embedder's to say (the HTML standard leaves it to the embedder):
    /// the `message` event's `origin` is `""` and its `source` is null, as for a message a
    /// browser extension posts. The embedder has no origin of its own, so a `target_origin` of
    /// `"/"` (the sender's origin) matches no document.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use postern::{CollectingConsole, UserAgent, Value};
    ///
    /// let console = CollectingConsole::new();
    /// let mut ua = UserAgent::builder().console(Arc::new(console.clone())).build()?;
    /// let tab = ua.open_html("http://a.test/", "<script>onmessage = e => console.log(e.data.greeting, JSON.stringify(e.origin), e.source)</script>")?;
    /// ua.run_until_idle();
    /// let window = ua.active_window(tab).unwrap();
    /// ua.post_message(window, &Value::object([("greeting", Value::from("hello"))]), "http://a.test").unwrap();
    /// ua.run_until_idle();
    /// assert_eq!(console.lines(), ["[http://a.test] hello \"\" null"]);
    /// # Ok::<(), postern::EngineError>(())
    /// ```
    pub fn post_message(
        &self,
        window: WindowHandle,
        message: &Value,
        target_origin: &str,
    ) -> Result<(), ScriptError> {
        let record = record_from_value(message)
            .map_err(|e| ScriptError::new(ScriptErrorKind::NotCloneable, "DataCloneError", e))?;
        embedder_window_post_message_steps(&self.shared, window.0, record, target_origin)
            .ok_or_else(|| {
                ScriptError::new(
                    ScriptErrorKind::Thrown,
                    "SyntaxError",
                    format!("Invalid target origin '{target_origin}' in a call to 'postMessage'."),
                )
            })
    }
}
