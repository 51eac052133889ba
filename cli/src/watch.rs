//! What `postern run` watches to choose its exit code: whether the page given loaded (a
//! loader that observes the engine's own fetch of it), and whether any window reported an
//! uncaught error (a console sink that counts them on their way to standard output).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use postern::{ConsoleMessage, ConsoleSink};
use postern_dom::{LoadError, Resource, ResourceLoader};
use serde_json::json;
use url::Url;

use crate::output::{Format, is_uncaught, print_json};

/// A loader that passes every load to `inner` and records how the first load of `url`
/// (the page `postern run` opens) went; with `--format json`, it prints a `load-failure`
/// line for every load that failed or answered a status of 400 or more.
pub struct WatchedLoader {
    inner: Arc<dyn ResourceLoader>,
    url: Url,
    first_load: Mutex<Option<Result<u16, String>>>,
    format: Format,
}

/// Why the page given did not load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// The loader failed: unknown host, unsupported scheme, unreadable file.
    Error(String),
    /// The loader answered with a status that is not 2xx (404 for a missing file).
    Status(u16),
}

impl WatchedLoader {
    /// Watches the loads of `url` through `inner`.
    pub fn new(inner: Arc<dyn ResourceLoader>, url: Url, format: Format) -> Self {
        WatchedLoader {
            inner,
            url,
            first_load: Mutex::new(None),
            format,
        }
    }

    /// How the page's load failed, if it was loaded and failed.
    pub fn failure(&self) -> Option<LoadFailure> {
        let first = self
            .first_load
            .lock()
            .map(|slot| slot.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().clone());
        match first? {
            Err(reason) => Some(LoadFailure::Error(reason)),
            Ok(status) if !(200..=299).contains(&status) => Some(LoadFailure::Status(status)),
            Ok(_) => None,
        }
    }
}

impl ResourceLoader for WatchedLoader {
    fn load(&self, url: &Url) -> Result<Resource, LoadError> {
        let result = self.inner.load(url);
        if self.format == Format::Json {
            let page = *url == self.url;
            match &result {
                Ok(resource) if resource.status >= 400 => print_json(&json!({
                    "type": "load-failure", "url": url.as_str(), "page": page,
                    "status": resource.status,
                })),
                Ok(_) => {}
                Err(error) => print_json(&json!({
                    "type": "load-failure", "url": url.as_str(), "page": page,
                    "error": error.to_string(),
                })),
            }
        }
        if *url == self.url {
            let mut slot = self
                .first_load
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if slot.is_none() {
                *slot = Some(match &result {
                    Ok(resource) => Ok(resource.status),
                    Err(error) => Err(error.to_string()),
                });
            }
        }
        result
    }
}

/// A console sink that passes every message on and counts uncaught exceptions and unhandled
/// rejections (see [`is_uncaught`]).
pub struct ErrorCountingConsole {
    inner: Arc<dyn ConsoleSink>,
    uncaught: AtomicU64,
}

impl ErrorCountingConsole {
    /// Counts on the way to `inner`.
    pub fn new(inner: Arc<dyn ConsoleSink>) -> Self {
        ErrorCountingConsole {
            inner,
            uncaught: AtomicU64::new(0),
        }
    }

    /// How many uncaught errors were reported so far.
    pub fn uncaught(&self) -> u64 {
        self.uncaught.load(Ordering::Relaxed)
    }
}

impl ConsoleSink for ErrorCountingConsole {
    fn message(&self, message: &ConsoleMessage) {
        if is_uncaught(message) {
            self.uncaught.fetch_add(1, Ordering::Relaxed);
        }
        self.inner.message(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use postern::{CollectingConsole, ConsoleLevel, WindowId};
    use postern_dom::VirtualHosts;

    #[test]
    fn only_the_first_load_of_the_page_counts() {
        let url = Url::parse("http://nohost.test/").unwrap();
        let loader = WatchedLoader::new(Arc::new(VirtualHosts::new()), url.clone(), Format::Text);
        assert_eq!(loader.failure(), None);
        let other = Url::parse("about:blank").unwrap();
        assert!(loader.load(&other).is_ok());
        assert_eq!(loader.failure(), None);
        assert!(loader.load(&url).is_err());
        assert!(matches!(loader.failure(), Some(LoadFailure::Error(_))));
    }

    #[test]
    fn uncaught_errors_are_counted_and_passed_on() {
        let collected = CollectingConsole::new();
        let console = ErrorCountingConsole::new(Arc::new(collected.clone()));
        let message = |level, text: &str| ConsoleMessage {
            window: WindowId(1),
            label: "http://a.test".into(),
            url: "http://a.test/".into(),
            origin: "http://a.test".into(),
            level,
            text: text.into(),
        };
        console.message(&message(ConsoleLevel::Log, "Uncaught? no, a log"));
        console.message(&message(ConsoleLevel::Error, "Uncaught TypeError: x"));
        console.message(&message(ConsoleLevel::Error, "Uncaught (in promise) 1"));
        console.message(&message(ConsoleLevel::Error, "an error"));
        assert_eq!(console.uncaught(), 2);
        assert_eq!(collected.lines().len(), 4);
    }
}
