//! The import rule of `engine/src` (docs/architecture.md, "Layers and the import rule"),
//! checked on the source: each module imports only from its own layer and the layers below,
//! and a file's dependencies are its `use` lines (no inline `crate::` paths in code).

use std::fs;
use std::path::{Path, PathBuf};

/// The layer of a module path below `crate::` (e.g. `agent::tasks`), lowest first.
fn layer_of(module: &str) -> Option<(usize, &'static str)> {
    let first = module.split("::").next().unwrap_or(module);
    let second = module.split("::").nth(1).unwrap_or("");
    Some(match (first, second) {
        ("ids", _) => (0, "base"),
        (
            "embedder",
            "console_sink" | "error" | "options" | "message_trace" | "value" | "storage_store",
        ) => (0, "base"),
        ("agent", _) => (1, "state"),
        ("webidl", _) => (2, "webidl"),
        (
            "dom" | "html" | "hr_time" | "console" | "testing" | "webcrypto" | "encoding"
            | "webstorage" | "url" | "file_api" | "fetch" | "uievents",
            _,
        ) => (3, "interfaces and algorithms"),
        ("event_loop", _) => (4, "run loop"),
        ("embedder", _) => (5, "embedding API"),
        _ => return None,
    })
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/` (`html/scripting/script.rs` → `html::scripting::script`).
fn module_of(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        *last = last.trim_end_matches(".rs").to_string();
    }
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The `crate::...` paths a line of source names, each as the text after `crate::`.
fn crate_paths(line: &str) -> Vec<String> {
    line.match_indices("crate::")
        .filter(|(i, _)| {
            // Not `postern_crate::` or the like: `crate` must start a path; and not a macro's
            // `$crate::`, which must name its paths in full.
            *i == 0 || !line[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
        })
        .map(|(i, _)| {
            line[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect()
        })
        .collect()
}

/// The paths a `use` item names, each as `a::b::c` (groups expanded: `x::{a, b::{c}}` gives
/// `x::a` and `x::b::c`).
fn expand_use(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim_end_matches("::").trim();
        let inner = tree[open + 1..].trim_end().trim_end_matches('}');
        let prefix = join(prefix, head);
        // Split `inner` at top-level commas.
        let (mut depth, mut start) = (0usize, 0usize);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    expand_use(&inner[start..i], &prefix, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand_use(&inner[start..], &prefix, out);
    } else if !tree.is_empty() {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(join(prefix, path));
    }
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (_, true) => prefix.to_string(),
        _ => format!("{prefix}::{path}"),
    }
}

/// The crate paths (below `crate::`) a `use` item of module `module` names: `crate::` paths,
/// and `super::` paths resolved against `module`.
fn crate_paths_of_use(item: &str, module: &str) -> Vec<String> {
    let body = item
        .trim()
        .trim_start_matches("pub(crate) ")
        .trim_start_matches("pub ")
        .trim_start_matches("use ")
        .trim_end_matches(';');
    let mut paths = Vec::new();
    expand_use(body, "", &mut paths);
    paths
        .into_iter()
        .filter_map(|path| {
            if let Some(rest) = path.strip_prefix("crate::") {
                return Some(rest.to_string());
            }
            if path == "super::*" {
                return None; // a test module's `use super::*`: its own file
            }
            let mut base: Vec<&str> = module.split("::").filter(|p| !p.is_empty()).collect();
            let mut rest = path.as_str();
            let mut climbed = false;
            while let Some(after) = rest.strip_prefix("super::") {
                base.pop();
                rest = after;
                climbed = true;
            }
            climbed.then(|| join(&base.join("::"), rest))
        })
        .collect()
}

#[test]
fn the_use_parser_sees_groups_and_super() {
    assert_eq!(
        crate_paths_of_use(
            "use crate::{agent::tasks, event_loop::{a, b as c}};",
            "html"
        ),
        vec!["agent::tasks", "event_loop::a", "event_loop::b"]
    );
    assert_eq!(
        crate_paths_of_use("use super::super::event_loop::x;", "agent::window"),
        vec!["event_loop::x"]
    );
    assert_eq!(layer_of("event_loop::a"), Some((4, "run loop")));
}

#[test]
fn imports_follow_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 20, "found the engine's sources");
    let mut violations = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap_or(file);
        let module = module_of(relative);
        if module == "lib" {
            continue; // the crate root re-exports the public API
        }
        let Some((own, own_name)) = layer_of(&module) else {
            violations.push(format!(
                "{}: module {module} is in no layer (add it to layer_of)",
                relative.display()
            ));
            continue;
        };
        let text = fs::read_to_string(file).unwrap_or_default();
        let mut item = String::new();
        for (number, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                continue;
            }
            // `use` items, joined across lines up to their `;`.
            let starts_use = trimmed.starts_with("use ")
                || trimmed.starts_with("pub use ")
                || trimmed.starts_with("pub(crate) use ");
            if starts_use || !item.is_empty() {
                item.push_str(trimmed);
                item.push(' ');
                if trimmed.trim_end().ends_with(';') {
                    for path in crate_paths_of_use(&item, &module) {
                        match layer_of(&path) {
                            Some((target, target_name)) if target > own => violations.push(format!(
                                "{}:{}: {module} ({own_name}) imports crate::{path} ({target_name})",
                                relative.display(),
                                number + 1
                            )),
                            Some(_) => {}
                            None => violations.push(format!(
                                "{}:{}: crate::{path} is in no layer",
                                relative.display(),
                                number + 1
                            )),
                        }
                    }
                    item.clear();
                }
                continue;
            }
            for path in crate_paths(line) {
                violations.push(format!(
                    "{}:{}: inline path crate::{path}; name it in a `use` line",
                    relative.display(),
                    number + 1
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "the import rule is broken:\n{}",
        violations.join("\n")
    );
}
