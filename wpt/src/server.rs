//! The virtual wptserve: the WPT hosts and ports, served in-process from a checkout through
//! the resource-loading trait, with `.any.html`/`.window.html` wrappers, `.sub.`
//! substitutions and the runner's own `/resources/testharnessreport.js`.

use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;
use postern_dom::loader::content_type_for_path;
use postern_dom::{LoadError, Resource, ResourceLoader};
use url::Url;

use super::config;
use super::discover::{js_metadata, parse_globals};
use super::substitute::{Request, substitute};

/// The runner's `testharnessreport.js`: turns off rendering, applies the timeout multiplier,
/// and hands the results to the runner.
fn testharnessreport(timeout_multiplier: f64) -> String {
    format!(
        r#"// Postern's testharnessreport.js, served by `postern wpt`.
setup({{ output: false, timeout_multiplier: {timeout_multiplier} }});
add_completion_callback(function (tests, status) {{
  var results = {{
    status: status.status,
    message: status.message === undefined ? null : status.message,
    stack: status.stack === undefined ? null : status.stack,
    tests: tests.map(function (t) {{
      return {{ name: String(t.name), status: t.status, message: t.message === undefined ? null : t.message }};
    }})
  }};
  __postern_test_results__(JSON.stringify(results));
}});
"#
    )
}

/// The wpt server's view of a checkout.
#[derive(Debug)]
pub struct WptServer {
    root: PathBuf,
    timeout_multiplier: f64,
}

fn not_found(url: &Url) -> Resource {
    Resource {
        url: url.clone(),
        status: 404,
        content_type: "text/plain".into(),
        body: b"404 Not Found".to_vec(),
    }
}

fn ok(url: &Url, content_type: &str, body: Vec<u8>) -> Resource {
    Resource {
        url: url.clone(),
        status: 200,
        content_type: content_type.into(),
        body,
    }
}

fn escape_attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;")
}

impl WptServer {
    /// A server for the checkout at `root`.
    pub fn new(root: impl Into<PathBuf>, timeout_multiplier: f64) -> Self {
        WptServer {
            root: root.into(),
            timeout_multiplier,
        }
    }

    /// The checkout's root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file behind a URL path, never outside the root.
    fn file_for(&self, path: &str) -> Option<PathBuf> {
        let decoded = percent_decode_str(path).decode_utf8().ok()?;
        let mut file = self.root.clone();
        for segment in decoded.split('/').filter(|s| !s.is_empty()) {
            if segment == ".." || segment == "." || segment.contains('\\') {
                return None;
            }
            file.push(segment);
        }
        Some(file)
    }

    /// The HTML wptserve generates for a `.any.html` or `.window.html` path.
    fn wrapper(&self, url: &Url, script_path: &str, any: bool) -> Option<Resource> {
        let file = self.file_for(script_path)?;
        let source = std::fs::read_to_string(file).ok()?;
        let meta = js_metadata(&source);
        if any {
            let globals = parse_globals(
                meta.iter()
                    .find(|(k, _)| k == "global")
                    .map(|(_, v)| v.as_str()),
            );
            if !globals.iter().any(|g| g == "window") {
                return None;
            }
        }
        let mut head = String::new();
        let mut scripts = String::new();
        for (key, value) in &meta {
            match key.as_str() {
                "timeout" if value == "long" => {
                    head.push_str("<meta name=\"timeout\" content=\"long\">\n")
                }
                "title" => head.push_str(&format!(
                    "<title>{}</title>\n",
                    value.replace('&', "&amp;").replace('<', "&lt;")
                )),
                "script" => scripts.push_str(&format!(
                    "<script src=\"{}\"></script>\n",
                    escape_attribute(value)
                )),
                _ => {}
            }
        }
        let global = if any {
            "<script>\nself.GLOBAL = {\n  isWindow: function() { return true; },\n  isWorker: function() { return false; },\n  isShadowRealm: function() { return false; },\n};\n</script>\n"
        } else {
            ""
        };
        let html = format!(
            "<!doctype html>\n<meta charset=utf-8>\n{head}{global}<script src=\"/resources/testharness.js\"></script>\n<script src=\"/resources/testharnessreport.js\"></script>\n{scripts}<div id=log></div>\n<script src=\"{}\"></script>\n",
            escape_attribute(script_path)
        );
        Some(ok(url, "text/html", html.into_bytes()))
    }
}

impl ResourceLoader for WptServer {
    fn load(&self, url: &Url) -> Result<Resource, LoadError> {
        if !config::is_served(url) {
            return postern_dom::VirtualHosts::new().load(url);
        }
        let path = url.path();
        if path == "/resources/testharnessreport.js" {
            return Ok(ok(
                url,
                "text/javascript",
                testharnessreport(self.timeout_multiplier).into_bytes(),
            ));
        }
        for (suffix, any) in [(".any.html", true), (".window.html", false)] {
            if let Some(stem) = path.strip_suffix(suffix) {
                let script = format!("{stem}{}", if any { ".any.js" } else { ".window.js" });
                return Ok(self
                    .wrapper(url, &script, any)
                    .unwrap_or_else(|| not_found(url)));
            }
        }
        let Some(file) = self.file_for(path) else {
            return Ok(not_found(url));
        };
        let file = if file.is_dir() {
            file.join("index.html")
        } else {
            file
        };
        let Ok(body) = std::fs::read(&file) else {
            return Ok(not_found(url));
        };
        let content_type = content_type_for_path(&file);
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let sub = name.contains(".sub.")
            || url
                .query_pairs()
                .any(|(k, v)| k == "pipe" && v.split('|').any(|p| p.trim() == "sub"));
        // TODO: `.headers` files and the other pipes (status, header, trickle...).
        if sub {
            let text = String::from_utf8_lossy(&body);
            let body = substitute(&text, &Request { url }).into_bytes();
            return Ok(ok(url, content_type, body));
        }
        Ok(ok(url, content_type, body))
    }
}
