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
        ("embedder", "console_sink" | "error" | "options") => (0, "base"),
        ("agent", _) => (1, "state"),
        ("webidl", _) => (2, "webidl"),
        ("dom" | "html" | "hr_time" | "console" | "testing", _) => (3, "interfaces and algorithms"),
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
        let Some((own, own_name)) = layer_of(&module) else {
            continue; // lib.rs: the crate root re-exports the public API.
        };
        let text = fs::read_to_string(file).unwrap_or_default();
        for (number, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                continue;
            }
            for path in crate_paths(line) {
                let Some((target, target_name)) = layer_of(&path) else {
                    continue;
                };
                if target > own {
                    violations.push(format!(
                        "{}:{}: {module} ({own_name}) imports crate::{path} ({target_name})",
                        relative.display(),
                        number + 1
                    ));
                }
                if !(trimmed.starts_with("use ")
                    || trimmed.starts_with("pub use ")
                    || trimmed.starts_with("pub(crate) use "))
                {
                    violations.push(format!(
                        "{}:{}: inline path crate::{path}; name it in a `use` line",
                        relative.display(),
                        number + 1
                    ));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "the import rule is broken:\n{}",
        violations.join("\n")
    );
}
