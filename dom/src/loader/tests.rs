use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::*;

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "postern-dom-loader-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    fn write(&self, relative: &str, contents: &str) -> PathBuf {
        let path = self.0.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create dirs");
        }
        fs::write(&path, contents).expect("write file");
        path
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn url(s: &str) -> Url {
    Url::parse(s).expect("test URL parses")
}

/// Two origins: a.test and b.test:8080, each with its own files.
fn two_hosts() -> (TempDir, VirtualHosts) {
    let dir = TempDir::new();
    dir.write("a/index.html", "<p>a</p>");
    dir.write("a/script.js", "x()");
    dir.write("a/sub dir/page.HTM", "sub");
    dir.write("a/sub dir/index.html", "sub index");
    dir.write("b/index.html", "<p>b</p>");
    dir.write("secret.txt", "secret");
    let mut hosts = VirtualHosts::new();
    hosts
        .serve("http://a.test", dir.path().join("a"))
        .expect("serve a")
        .serve("HTTP://B.test:8080/", dir.path().join("b"))
        .expect("serve b");
    (dir, hosts)
}

#[test]
fn serves_two_origins() {
    let (_dir, hosts) = two_hosts();
    let a = hosts.load(&url("http://a.test/")).expect("a");
    assert_eq!((a.status, a.content_type.as_str()), (200, "text/html"));
    assert_eq!(a.body, b"<p>a</p>");
    assert!(a.is_ok());
    let b = hosts
        .load(&url("http://b.test:8080/index.html?q=1#f"))
        .expect("b");
    assert_eq!(b.body, b"<p>b</p>");
    assert_eq!(b.url.as_str(), "http://b.test:8080/index.html?q=1#f");
    let a80 = hosts.load(&url("http://a.test:80/script.js")).expect("js");
    assert_eq!(a80.content_type, "text/javascript");
    assert_eq!(a80.body, b"x()");
}

#[test]
fn unknown_hosts_and_ports() {
    let (_dir, hosts) = two_hosts();
    for other in [
        "http://c.test/",
        "https://a.test/",
        "http://b.test/",
        "http://a.test:81/",
    ] {
        let err = hosts.load(&url(other)).expect_err(other);
        assert!(
            matches!(err, LoadError::UnknownHost { .. }),
            "{other}: {err}"
        );
    }
}

#[test]
fn paths_are_decoded_and_directories_use_index() {
    let (_dir, hosts) = two_hosts();
    let page = hosts
        .load(&url("http://a.test/sub%20dir/page.HTM"))
        .expect("page");
    assert_eq!(
        (page.status, page.content_type.as_str()),
        (200, "text/html")
    );
    assert_eq!(page.body, b"sub");
    let index = hosts.load(&url("http://a.test/sub%20dir/")).expect("dir");
    assert_eq!(index.body, b"sub index");
    let index = hosts.load(&url("http://a.test/sub%20dir")).expect("dir");
    assert_eq!(index.body, b"sub index");
}

#[test]
fn missing_files_are_404() {
    let (_dir, hosts) = two_hosts();
    let missing = hosts
        .load(&url("http://a.test/nope.js"))
        .expect("404 is a resource");
    assert_eq!(missing.status, 404);
    assert!(!missing.is_ok());
    assert!(missing.body.len() < 100);
}

#[test]
fn paths_never_escape_the_directory() {
    let (_dir, hosts) = two_hosts();
    // The URL parser resolves plain and %2e dot segments; what is left stays inside.
    let resolved = hosts
        .load(&url("http://a.test/../secret.txt"))
        .expect("resolved");
    assert_eq!(resolved.status, 404);
    let resolved = hosts
        .load(&url("http://a.test/%2e%2e/secret.txt"))
        .expect("resolved");
    assert_eq!(resolved.status, 404);
    for escaping in [
        "http://a.test/..%2fsecret.txt",
        "http://a.test/%2e%2e%2fsecret.txt",
        "http://a.test/..%5csecret.txt",
        "http://a.test/a%00b",
        "http://a.test/%ff",
    ] {
        let err = hosts.load(&url(escaping)).expect_err(escaping);
        assert!(
            matches!(err, LoadError::InvalidPath { .. }),
            "{escaping}: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_directory_are_refused() {
    let (dir, hosts) = two_hosts();
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), dir.path().join("a/link.txt"))
        .expect("symlink");
    let err = hosts
        .load(&url("http://a.test/link.txt"))
        .expect_err("escape");
    assert!(matches!(err, LoadError::InvalidPath { .. }), "{err}");
}

#[test]
fn file_urls_read_files() {
    let dir = TempDir::new();
    let path = dir.write("page.html", "<p>file</p>");
    let file_url = Url::from_file_path(&path).expect("absolute path");
    let hosts = VirtualHosts::new();
    let resource = hosts.load(&file_url).expect("file");
    assert_eq!(
        (resource.status, resource.body.as_slice()),
        (200, &b"<p>file</p>"[..])
    );
    let missing = Url::from_file_path(dir.path().join("missing.css")).expect("path");
    assert_eq!(hosts.load(&missing).expect("404").status, 404);
}

#[test]
fn about_blank_and_data_urls() {
    let hosts = VirtualHosts::new();
    for blank in ["about:blank", "about:blank#x", "about:blank?q"] {
        let resource = hosts.load(&url(blank)).expect(blank);
        assert_eq!(
            (resource.status, resource.content_type.as_str()),
            (200, "text/html")
        );
        assert!(resource.body.is_empty());
    }
    let err = hosts.load(&url("about:srcdoc")).expect_err("not loadable");
    assert!(matches!(err, LoadError::UnsupportedScheme { .. }));

    let plain = hosts
        .load(&url("data:text/html,%3Cp%3Ehi%3C/p%3E"))
        .expect("data");
    assert_eq!(plain.content_type, "text/html");
    assert_eq!(plain.body, b"<p>hi</p>");
    let base64 = hosts
        .load(&url("data:text/plain;base64,aGVsbG8="))
        .expect("base64");
    assert_eq!(base64.content_type, "text/plain");
    assert_eq!(base64.body, b"hello");
    let default = hosts.load(&url("data:,x")).expect("default type");
    assert_eq!(default.content_type, "text/plain;charset=US-ASCII");
    let err = hosts
        .load(&url("data:;base64,%%%"))
        .expect_err("bad base64");
    assert!(matches!(err, LoadError::InvalidDataUrl { .. }));
}

#[test]
fn unsupported_schemes() {
    let hosts = VirtualHosts::new();
    for other in [
        "ftp://a.test/x",
        "blob:http://a.test/uuid",
        "javascript:1",
        "ws://a.test/",
    ] {
        let err = hosts.load(&url(other)).expect_err(other);
        assert!(
            matches!(err, LoadError::UnsupportedScheme { .. }),
            "{other}: {err}"
        );
    }
}

#[test]
fn serve_rejects_non_origins() {
    let dir = TempDir::new();
    let mut hosts = VirtualHosts::new();
    for bad in [
        "a.test",
        "ftp://a.test",
        "http://a.test/path",
        "http://a.test/?q",
        "file:///x",
    ] {
        let err = hosts.serve(bad, dir.path()).expect_err(bad);
        assert!(
            matches!(err, LoadError::InvalidOrigin { .. }),
            "{bad}: {err}"
        );
    }
    let err = hosts
        .serve("http://a.test", dir.path().join("missing"))
        .expect_err("missing dir");
    assert!(matches!(err, LoadError::Io { .. }));
    hosts
        .serve("https://a.test:443", dir.path())
        .expect("serve");
    assert!(hosts.directory_for("https://a.test").is_some());
}

#[test]
fn content_types() {
    let cases = [
        ("a.html", "text/html"),
        ("a.HTM", "text/html"),
        ("a.js", "text/javascript"),
        ("a.css", "text/css"),
        ("a.json", "application/json"),
        ("a.txt", "text/plain"),
        ("a.png", "image/png"),
        ("a", "application/octet-stream"),
        ("a.unknown", "application/octet-stream"),
    ];
    for (name, expected) in cases {
        assert_eq!(content_type_for_path(Path::new(name)), expected, "{name}");
    }
}

#[test]
fn loaders_are_shareable() {
    fn assert_loader<T: ResourceLoader>() {}
    assert_loader::<VirtualHosts>();
    assert_loader::<Arc<dyn ResourceLoader>>();
    assert_loader::<Box<dyn ResourceLoader>>();
}
