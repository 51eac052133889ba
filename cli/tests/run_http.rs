//! `postern run` against a local HTTP server on 127.0.0.1: pages come from the network when
//! no --serve directory serves their origin; redirects, statuses and charsets as a browser
//! has them; --offline turns the network off.

mod common;

use common::postern;
use common::server::{Reply, serve};

const TOP: &str = r#"<!doctype html>
<body>
<script>
  console.log("top " + location.href);
  const frame = document.createElement("iframe");
  frame.src = "/missing.html";
  frame.addEventListener("load", () => {
    console.log("iframe load " + frame.contentWindow.location.href);
    console.log("iframe text " + frame.contentWindow.document.body.textContent);
  });
  document.body.appendChild(frame);
</script>
"#;

fn site() -> String {
    let missing = Reply {
        status: "404 Not Found",
        headers: vec![("Content-Type", "text/html".into())],
        body: b"<!doctype html><body>gone</body>".to_vec(),
    };
    let redirect = Reply {
        status: "302 Found",
        headers: vec![("Location", "/final.html".into())],
        body: Vec::new(),
    };
    let latin1 = Reply {
        status: "200 OK",
        headers: vec![("Content-Type", "text/html; charset=iso-8859-1".into())],
        body: b"<!doctype html><script>console.log('caf\xE9')</script>".to_vec(),
    };
    serve(vec![
        ("/", Reply::html(TOP)),
        ("/missing.html", missing),
        ("/redirect", redirect),
        (
            "/final.html",
            Reply::html("<script>console.log('final ' + location.href)</script>"),
        ),
        ("/latin1.html", latin1),
        (
            "/notes",
            Reply {
                status: "200 OK",
                headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
                body: b"<script>console.log('ran')</script>".to_vec(),
            },
        ),
        (
            "/text-frame.html",
            Reply::html(
                r#"<body><script>
  const frame = document.createElement("iframe");
  frame.src = "/notes";
  frame.addEventListener("load", () => {
    const pre = frame.contentDocument.body.firstElementChild;
    console.log(pre.localName + " " + pre.textContent);
  });
  document.body.appendChild(frame);
</script>"#,
            ),
        ),
    ])
}

#[test]
fn a_page_and_its_404_iframe_load_from_the_network() {
    let origin = site();
    let url = format!("{origin}/");
    let ran = postern(&["run", &url], &[]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        format!(
            "[{origin}] top {origin}/\n\
             [{origin}] iframe load {origin}/missing.html\n\
             [{origin}] iframe text gone\n"
        )
    );
}

#[test]
fn a_redirect_gives_the_document_its_final_url() {
    let origin = site();
    let ran = postern(&["run", &format!("{origin}/redirect")], &[]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        format!("[{origin}] final {origin}/final.html\n")
    );
}

#[test]
fn a_declared_charset_is_decoded() {
    let origin = site();
    let ran = postern(&["run", &format!("{origin}/latin1.html")], &[]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stdout, format!("[{origin}] café\n"));
}

#[test]
fn only_html_is_parsed_as_markup() {
    let origin = site();
    let ran = postern(&["run", &format!("{origin}/text-frame.html")], &[]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        format!("[{origin}] pre <script>console.log('ran')</script>\n")
    );
}

#[test]
fn a_404_page_fails_the_run_with_5() {
    let origin = site();
    let url = format!("{origin}/missing.html");
    let ran = postern(&["run", &url], &[]);
    assert_eq!(ran.code, Some(5), "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        format!("postern: could not load {url}: status 404\n")
    );
}

#[test]
fn a_refused_connection_fails_the_run_with_5() {
    // A port nothing listens on: bind one, then let it go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(1);
    let url = format!("http://127.0.0.1:{port}/");
    let ran = postern(&["run", &url], &[]);
    assert_eq!(ran.code, Some(5), "{}", ran.stderr);
    assert!(
        ran.stderr.starts_with(&format!(
            "postern: could not load {url}: network error for {url}: "
        )),
        "{}",
        ran.stderr
    );
}

#[test]
fn offline_runs_never_reach_the_network() {
    let origin = site();
    let url = format!("{origin}/");
    let ran = postern(&["run", "--offline", &url], &[]);
    assert_eq!(ran.code, Some(5), "{}", ran.stderr);
    assert!(!ran.stdout.contains("] top "), "{}", ran.stdout);
    assert!(ran.stderr.contains("unknown host"), "{}", ran.stderr);
}

#[test]
fn served_directories_win_over_the_network() {
    let origin = site();
    let pages = common::page("");
    let serve = format!("{origin}={pages}");
    let ran = postern(
        &["run", "--serve", &serve, &format!("{origin}/idle.html")],
        &[],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        format!("[{origin}] loaded\n[{origin}] timer fired\n")
    );
}

#[test]
fn a_server_that_never_answers_is_stopped_by_the_http_timeout() {
    // A server that accepts one connection and says nothing for 5 s.
    let listener = match std::net::TcpListener::bind("127.0.0.1:0") {
        Ok(listener) => listener,
        Err(error) => panic!("cannot listen on 127.0.0.1: {error}"),
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(1);
    std::thread::spawn(move || {
        if let Ok((stream, _)) = listener.accept() {
            std::thread::sleep(std::time::Duration::from_secs(5));
            drop(stream);
        }
    });
    let url = format!("http://127.0.0.1:{port}/");
    let started = std::time::Instant::now();
    let ran = postern(&["run", "--http-timeout", "0.5", &url], &[]);
    assert_eq!(ran.code, Some(5), "{}", ran.stderr);
    assert!(ran.stderr.contains("imeout"), "{}", ran.stderr);
    assert!(started.elapsed() < std::time::Duration::from_secs(4));
}
