//! [`MemoryLoader`]: pages held in memory, by URL, for embedders and tests.

use std::collections::HashMap;
use std::sync::Arc;

use postern_dom::{LoadError, Resource, ResourceLoader, VirtualHosts};
use url::Url;

/// A [`ResourceLoader`] answering from pages held in memory (by URL, without its fragment),
/// and asking another loader (by default an empty [`VirtualHosts`]: `data:`, `about:blank`,
/// `file:`) for the rest. An `http:`/`https:` URL it does not hold, on an origin it holds a
/// page of, is a 404; on another origin, the fallback loader's answer.
///
/// ```
/// use std::sync::Arc;
/// use postern::{CollectingConsole, MemoryLoader, UserAgent};
///
/// let pages = MemoryLoader::new()
///     .page("http://b.test/child.html", "<script>console.log('child of', parent.origin ?? '')</script>");
/// let console = CollectingConsole::new();
/// let mut ua = UserAgent::builder()
///     .loader(Arc::new(pages))
///     .console(Arc::new(console.clone()))
///     .build()?;
/// ua.open_html("http://b.test/", "<iframe src=child.html></iframe>")?;
/// ua.run_until_idle();
/// assert_eq!(console.lines(), ["[http://b.test] child of http://b.test"]);
/// # Ok::<(), postern::EngineError>(())
/// ```
#[derive(Clone)]
pub struct MemoryLoader {
    pages: HashMap<String, Resource>,
    origins: HashMap<String, ()>,
    fallback: Arc<dyn ResourceLoader>,
}

impl Default for MemoryLoader {
    fn default() -> Self {
        MemoryLoader {
            pages: HashMap::new(),
            origins: HashMap::new(),
            fallback: Arc::new(VirtualHosts::new()),
        }
    }
}

impl std::fmt::Debug for MemoryLoader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryLoader")
            .field("pages", &self.pages.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl MemoryLoader {
    /// A loader holding no page, falling back to an empty [`VirtualHosts`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks `fallback` for every URL this loader holds no page for (and whose origin it
    /// holds no page of).
    pub fn with_fallback(mut self, fallback: Arc<dyn ResourceLoader>) -> Self {
        self.fallback = fallback;
        self
    }

    /// Holds `html` as the page at `url` (`text/html`). An unparsable URL is ignored.
    pub fn page(self, url: &str, html: &str) -> Self {
        self.resource(url, "text/html", html.as_bytes().to_vec())
    }

    /// Holds `body` as the resource at `url`, with `content_type` (e.g. a script as
    /// `text/javascript`). An unparsable URL is ignored.
    pub fn resource(mut self, url: &str, content_type: &str, body: Vec<u8>) -> Self {
        let Ok(mut parsed) = Url::parse(url) else {
            return self;
        };
        parsed.set_fragment(None);
        self.origins
            .insert(parsed.origin().ascii_serialization(), ());
        self.pages.insert(
            parsed.to_string(),
            Resource {
                url: parsed,
                status: 200,
                content_type: content_type.to_owned(),
                body,
            },
        );
        self
    }
}

impl ResourceLoader for MemoryLoader {
    fn load(&self, url: &Url) -> Result<Resource, LoadError> {
        let mut key = url.clone();
        key.set_fragment(None);
        if let Some(resource) = self.pages.get(key.as_str()) {
            return Ok(resource.clone());
        }
        if matches!(url.scheme(), "http" | "https")
            && self
                .origins
                .contains_key(&url.origin().ascii_serialization())
        {
            return Ok(Resource {
                url: url.clone(),
                status: 404,
                content_type: "text/html".to_owned(),
                body: b"<!DOCTYPE html><title>404 Not Found</title>".to_vec(),
            });
        }
        self.fallback.load(url)
    }
}
