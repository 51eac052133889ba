//! A toy browser embedding Postern: opens a URL or a directory, prints the window tree once
//! the page has loaded, relays the console, and reads commands from standard input to
//! evaluate script in a window or post a message into it, printing what happened to every
//! message.
//!
//! ```text
//! toy-browser [--virtual-time] [--serve ORIGIN=DIR]... (URL | DIR)
//! ```
//!
//! A directory with host-named subdirectories (`a.test/`, `b.test/`) is served as those
//! origins (the first is opened), any other directory as `http://site.test`; `--serve` adds
//! more origins. Commands (one a
//! line): `windows`, `eval W SCRIPT`, `post W TARGET_ORIGIN JSON`, `help`, `quit`, where `W`
//! is a window as the tree prints it (`w3`, or `3`).

use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use postern::{
    ConsoleMessage, MessageOutcome, MessageTrace, UserAgent, Value, VirtualHosts, WindowHandle,
    WindowId, WindowInfo,
};

fn main() {
    if let Err(error) = run() {
        eprintln!("toy-browser: {error}");
        std::process::exit(1);
    }
}

/// The command line: time mode, extra origins, what to open.
struct Args {
    virtual_time: bool,
    serve: Vec<(String, String)>,
    target: String,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        virtual_time: false,
        serve: Vec::new(),
        target: String::new(),
    };
    let mut iter = std::env::args().skip(1);
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--virtual-time" => args.virtual_time = true,
            "--serve" => {
                let spec = iter.next().ok_or("--serve needs ORIGIN=DIR")?;
                let (origin, dir) = spec.split_once('=').ok_or("--serve needs ORIGIN=DIR")?;
                args.serve.push((origin.to_owned(), dir.to_owned()));
            }
            "-h" | "--help" => {
                return Err(
                    "usage: toy-browser [--virtual-time] [--serve ORIGIN=DIR]... (URL | DIR)"
                        .into(),
                );
            }
            _ => args.target = arg,
        }
    }
    if args.target.is_empty() {
        return Err(
            "usage: toy-browser [--virtual-time] [--serve ORIGIN=DIR]... (URL | DIR)".into(),
        );
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let mut hosts = VirtualHosts::new();
    for (origin, dir) in &args.serve {
        hosts.serve(origin, dir).map_err(|e| e.to_string())?;
    }
    let url = if Path::new(&args.target).is_dir() {
        serve_directory(&mut hosts, Path::new(&args.target))?
    } else {
        args.target.clone()
    };
    let mut builder = UserAgent::builder()
        .loader(Arc::new(hosts))
        .console(Arc::new(|message: &ConsoleMessage| {
            println!("console {message}");
        }))
        .message_observer(Arc::new(|trace: &MessageTrace| {
            println!("message {}", describe_trace(trace));
        }));
    if args.virtual_time {
        builder = builder.virtual_time().time_limit(Duration::from_secs(3600));
    }
    let mut ua = builder.build().map_err(|e| e.to_string())?;
    ua.open(&url).map_err(|e| e.to_string())?;
    ua.run_until_idle();
    print_windows(&ua.windows());

    let stdin = std::io::stdin();
    prompt();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        match command(&mut ua, line.trim()) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => println!("error: {error}"),
        }
        ua.run_until_idle();
        prompt();
    }
    Ok(())
}

/// Serves a directory as `postern run` does: its host-named subdirectories (`a.test/`) as
/// `http://a.test/` (opening the alphabetically first), or else the directory itself as
/// `http://site.test/`. Returns the URL to open.
fn serve_directory(hosts: &mut VirtualHosts, dir: &Path) -> Result<String, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains('.'))
        .collect();
    names.sort();
    if names.is_empty() {
        hosts
            .serve("http://site.test", dir)
            .map_err(|e| e.to_string())?;
        return Ok("http://site.test/".into());
    }
    for name in &names {
        hosts
            .serve(&format!("http://{name}"), dir.join(name))
            .map_err(|e| e.to_string())?;
    }
    Ok(format!("http://{}/", names[0]))
}

fn prompt() {
    print!("> ");
    let _closed = std::io::stdout().flush().is_err();
}

/// Runs one command; `false` to quit.
fn command(ua: &mut UserAgent, line: &str) -> Result<bool, String> {
    let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
    match verb {
        "" => {}
        "quit" | "exit" => return Ok(false),
        "help" => {
            println!("windows | eval W SCRIPT | post W TARGET_ORIGIN JSON | quit   (W: w3 or 3)")
        }
        "windows" => print_windows(&ua.windows()),
        "eval" => {
            let (window, source) = rest.split_once(' ').ok_or("eval W SCRIPT")?;
            match ua.evaluate(window_handle(window)?, source) {
                Ok(value) => println!("= {value}"),
                Err(error) => {
                    println!("! {error} ({:?})", error.kind);
                    if let Some(stack) = error.stack.filter(|s| !s.is_empty()) {
                        println!("{stack}");
                    }
                }
            }
        }
        "post" => {
            let mut parts = rest.splitn(3, ' ');
            let (Some(window), Some(target_origin), Some(json)) =
                (parts.next(), parts.next(), parts.next())
            else {
                return Err("post W TARGET_ORIGIN JSON".into());
            };
            let json: serde_json::Value =
                serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
            ua.post_message(window_handle(window)?, &from_json(&json), target_origin)
                .map_err(|e| e.to_string())?;
        }
        other => return Err(format!("unknown command {other:?} (try help)")),
    }
    Ok(true)
}

/// `w3` or `3`.
fn window_handle(text: &str) -> Result<WindowHandle, String> {
    text.trim_start_matches('w')
        .parse::<u64>()
        .map(|n| WindowHandle(WindowId(n)))
        .map_err(|_| format!("not a window: {text:?}"))
}

fn from_json(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(from_json).collect()),
        serde_json::Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), from_json(v))).collect())
        }
    }
}

/// The tree: top-level windows first, each window's children indented below it.
fn print_windows(windows: &[WindowInfo]) {
    fn print(windows: &[WindowInfo], window: &WindowInfo, depth: usize) {
        let mut flags = Vec::new();
        if let Some(opener) = window.opener {
            flags.push(format!("opener={opener}"));
        }
        if !window.name.is_empty() {
            flags.push(format!("name={:?}", window.name));
        }
        if window.closed {
            flags.push("closed".into());
        }
        println!(
            "{:indent$}{} {} ({}) agent {}{}{}",
            "",
            window.handle,
            window.url,
            window.origin,
            window.agent.0,
            if flags.is_empty() { "" } else { " " },
            flags.join(" "),
            indent = depth * 2
        );
        for child in windows
            .iter()
            .filter(|w| w.active && w.parent == Some(window.handle))
        {
            print(windows, child, depth + 1);
        }
    }
    for top in windows.iter().filter(|w| w.active && w.parent.is_none()) {
        print(windows, top, 0);
    }
}

/// `w3[http://b.test]`; `nobody` stands for a window not known (`embedder` for the source).
fn endpoint(window: Option<WindowHandle>, origin: &str, nobody: &str) -> String {
    match window {
        Some(window) => format!("{window}[{origin}]"),
        None if origin.is_empty() => nobody.into(),
        None => format!("[{origin}]"),
    }
}

fn describe_trace(trace: &MessageTrace) -> String {
    let source = endpoint(
        trace.source.window.map(WindowHandle),
        &trace.source.origin,
        "embedder",
    );
    let target = endpoint(
        trace.target.window.map(WindowHandle),
        &trace.target.origin,
        "?",
    );
    let target_origin = trace
        .target_origin
        .as_ref()
        .map(|t| format!("  targetOrigin={t}"))
        .unwrap_or_else(|| "  (port)".into());
    let outcome = match &trace.outcome {
        MessageOutcome::Posted => format!("posted, {} bytes", trace.size),
        MessageOutcome::Delivered {
            listeners,
            read_origin,
            read_source,
        } => format!(
            "DELIVERED to {listeners} listener(s){}{}",
            if *read_origin { ", origin read" } else { "" },
            if *read_source { ", source read" } else { "" }
        ),
        MessageOutcome::DroppedOriginMismatch {
            target_origin,
            document_origin,
        } => format!("DROPPED (origin mismatch: {target_origin} ≠ {document_origin})"),
        MessageOutcome::TargetGone => "DROPPED (target gone)".into(),
        MessageOutcome::MessageError { listeners } => {
            format!("MESSAGEERROR ({listeners} listener(s))")
        }
    };
    format!(
        "#{} {source} → {target}{target_origin}  {outcome}",
        trace.id.0
    )
}
