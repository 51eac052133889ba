//! A tiny HTTP/1.1 server on 127.0.0.1 for the CLI's network tests: fixed routes, one
//! request per connection, at most [`MAX_CONNECTIONS`] connections (it ends with the test
//! process, or after that many).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// The most connections one server answers.
pub const MAX_CONNECTIONS: usize = 64;

/// One route's answer.
#[derive(Clone, Debug)]
pub struct Reply {
    /// The status line's code and reason, e.g. `"200 OK"`.
    pub status: &'static str,
    /// Extra header lines, e.g. `("Location", "/b")`.
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    /// A 200 HTML page.
    pub fn html(body: &str) -> Reply {
        Reply {
            status: "200 OK",
            headers: vec![("Content-Type", "text/html; charset=utf-8".into())],
            body: body.as_bytes().to_vec(),
        }
    }
}

/// Starts a server answering `routes` (path → reply; any other path gets a plain 404) and
/// returns its origin, `http://127.0.0.1:PORT`.
pub fn serve(routes: Vec<(&'static str, Reply)>) -> String {
    let listener = match TcpListener::bind("127.0.0.1:0") {
        Ok(listener) => listener,
        Err(error) => panic!("cannot listen on 127.0.0.1: {error}"),
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    std::thread::spawn(move || {
        for stream in listener.incoming().take(MAX_CONNECTIONS).flatten() {
            answer(stream, &routes);
        }
    });
    format!("http://127.0.0.1:{port}")
}

fn answer(stream: TcpStream, routes: &[(&'static str, Reply)]) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Skip the headers.
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => {}
        }
    }
    let path = request_line.split(' ').nth(1).unwrap_or("/");
    let reply = routes
        .iter()
        .find(|(route, _)| *route == path)
        .map(|(_, reply)| reply.clone())
        .unwrap_or(Reply {
            status: "404 Not Found",
            headers: vec![("Content-Type", "text/plain".into())],
            body: b"not found".to_vec(),
        });
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = &stream;
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&reply.body);
    let _ = stream.flush();
}
