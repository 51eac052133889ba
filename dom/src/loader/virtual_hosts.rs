//! [`VirtualHosts`]: origins served from local directories, plus `file:`, `data:` and
//! `about:blank`.

use std::collections::HashMap;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use data_url::DataUrl;
use percent_encoding::percent_decode_str;
use url::Url;

use super::{LoadError, Resource, ResourceLoader, content_type_for_path};
use crate::origin::origin_of_url;

/// The body served with a 404.
const NOT_FOUND_BODY: &[u8] = b"<!DOCTYPE html><title>404 Not Found</title><h1>Not Found</h1>\n";

/// The default [`ResourceLoader`]: maps origins (like `http://a.test`) to local
/// directories, so several real origins exist without a network.
///
/// - `http:`/`https:`: the URL's path names a file under its origin's directory
///   (percent-decoded; it never escapes the directory, symlinks included; a directory
///   means its `index.html`). Query and fragment are ignored. A missing file is a 404.
/// - `file:`: the file itself.
/// - `about:blank`: an empty HTML document.
/// - `data:`: the decoded body, with the URL's content type.
#[derive(Clone, Debug, Default)]
pub struct VirtualHosts {
    /// Origin ASCII serialization → canonical directory.
    hosts: HashMap<String, PathBuf>,
}

impl VirtualHosts {
    /// A loader serving no origins yet.
    pub fn new() -> VirtualHosts {
        VirtualHosts::default()
    }

    /// Serves the origin `origin` (e.g. `"http://a.test"` or `"https://b.test:8443"`;
    /// default ports and case are normalized) from the directory `dir`, which must exist.
    /// Serving an origin again replaces its directory.
    pub fn serve(
        &mut self,
        origin: &str,
        dir: impl Into<PathBuf>,
    ) -> Result<&mut VirtualHosts, LoadError> {
        let invalid = || LoadError::InvalidOrigin {
            origin: origin.to_owned(),
        };
        let url = Url::parse(origin).map_err(|_| invalid())?;
        let is_bare_origin = matches!(url.scheme(), "http" | "https")
            && url.path() == "/"
            && url.query().is_none()
            && url.fragment().is_none()
            && url.username().is_empty()
            && url.password().is_none();
        if !is_bare_origin {
            return Err(invalid());
        }
        let dir = dir.into();
        let canonical = fs::canonicalize(&dir).map_err(|e| io_error(&dir, &e))?;
        self.hosts
            .insert(origin_of_url(&url).ascii_serialization(), canonical);
        Ok(self)
    }

    /// The directory serving an origin (by its ASCII serialization), if any.
    pub fn directory_for(&self, origin: &str) -> Option<&Path> {
        self.hosts.get(origin).map(PathBuf::as_path)
    }

    /// An `http:`/`https:` URL, from its origin's directory.
    fn load_virtual(&self, url: &Url) -> Result<Resource, LoadError> {
        let origin = origin_of_url(url).ascii_serialization();
        let root = self
            .hosts
            .get(&origin)
            .ok_or(LoadError::UnknownHost { origin })?;
        let path = file_under(root, url)?;
        read_file(url, &path, Some(root))
    }
}

impl ResourceLoader for VirtualHosts {
    fn load(&self, url: &Url) -> Result<Resource, LoadError> {
        match url.scheme() {
            "http" | "https" => self.load_virtual(url),
            "file" => {
                let path = url.to_file_path().map_err(|()| LoadError::InvalidPath {
                    url: url.to_string(),
                    reason: "not a local file path",
                })?;
                read_file(url, &path, None)
            }
            "data" => load_data_url(url),
            "about" if matches_about_blank(url) => Ok(Resource {
                url: url.clone(),
                status: 200,
                content_type: "text/html".to_owned(),
                body: Vec::new(),
            }),
            scheme => Err(LoadError::UnsupportedScheme {
                scheme: scheme.to_owned(),
                url: url.to_string(),
            }),
        }
    }
}

/// Whether a URL matches `about:blank` (query and fragment may be present).
///
/// Spec: <https://html.spec.whatwg.org/multipage/urls-and-fetching.html#matches-about:blank>
pub fn matches_about_blank(url: &Url) -> bool {
    // A URL matches about:blank if its scheme is "about", its path contains a single
    // string "blank", its username and password are the empty string, and its host is
    // null.
    url.scheme() == "about"
        && url.path() == "blank"
        && url.username().is_empty()
        && url.password().is_none()
        && url.host().is_none()
}

/// The file a URL's path names under `root`: each segment percent-decoded, none of them
/// able to climb out (`.`, `..`, or containing a separator or NUL).
fn file_under(root: &Path, url: &Url) -> Result<PathBuf, LoadError> {
    let invalid = |reason| LoadError::InvalidPath {
        url: url.to_string(),
        reason,
    };
    let mut path = root.to_path_buf();
    for segment in url.path().split('/').filter(|s| !s.is_empty()) {
        let decoded = percent_decode_str(segment)
            .decode_utf8()
            .map_err(|_| invalid("a path segment is not UTF-8"))?;
        if decoded == "." || decoded == ".." {
            return Err(invalid("dot segment"));
        }
        let forbidden = |c: char| c == '/' || c == '\\' || c == '\0' || (cfg!(windows) && c == ':');
        if decoded.contains(forbidden) {
            return Err(invalid("a path segment contains a separator"));
        }
        path.push(&*decoded);
    }
    Ok(path)
}

/// Reads a file (a directory means its `index.html`) into a resource: 404 if missing.
/// With `root`, the real path (symlinks resolved) must stay inside it.
fn read_file(url: &Url, path: &Path, root: Option<&Path>) -> Result<Resource, LoadError> {
    let mut path = path.to_path_buf();
    if path.is_dir() {
        path.push("index.html");
    }
    let real = match fs::canonicalize(&path) {
        Ok(real) => real,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(not_found(url)),
        Err(e) => return Err(io_error(&path, &e)),
    };
    if let Some(root) = root
        && !real.starts_with(root)
    {
        return Err(LoadError::InvalidPath {
            url: url.to_string(),
            reason: "the file is outside the served directory",
        });
    }
    match fs::read(&real) {
        Ok(body) => Ok(Resource {
            url: url.clone(),
            status: 200,
            content_type: content_type_for_path(&real).to_owned(),
            body,
        }),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(not_found(url)),
        Err(e) => Err(io_error(&real, &e)),
    }
}

/// A `data:` URL, decoded.
///
/// Spec: <https://fetch.spec.whatwg.org/#data-url-processor>
fn load_data_url(url: &Url) -> Result<Resource, LoadError> {
    let data_url = DataUrl::process(url.as_str()).map_err(|e| LoadError::InvalidDataUrl {
        reason: e.to_string(),
    })?;
    let (body, _fragment) = data_url
        .decode_to_vec()
        .map_err(|e| LoadError::InvalidDataUrl {
            reason: e.to_string(),
        })?;
    Ok(Resource {
        url: url.clone(),
        status: 200,
        content_type: data_url.mime_type().to_string(),
        body,
    })
}

fn not_found(url: &Url) -> Resource {
    Resource {
        url: url.clone(),
        status: 404,
        content_type: "text/html".to_owned(),
        body: NOT_FOUND_BODY.to_vec(),
    }
}

fn io_error(path: &Path, error: &std::io::Error) -> LoadError {
    LoadError::Io {
        path: path.display().to_string(),
        message: error.to_string(),
    }
}
