//! Finding the tests in a WPT tree: testharness `.html`/`.htm` files, `.any.js` (window
//! variant) and `.window.js` files, and their variants; and saying why a file is skipped.

use std::path::{Path, PathBuf};

/// A test to run: one URL path (with its variant, if any).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TestCase {
    /// The test's id and URL path, e.g. `/webmessaging/MessageEvent.any.html?x`.
    pub id: String,
    /// Whether the test asks for the long timeout.
    pub long_timeout: bool,
}

/// A file that is not run, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file's path from the root.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// `// META:` lines at the top of a `.any.js`/`.window.js` file, in order.
pub fn js_metadata(source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some(meta) = line.strip_prefix("// META:") else {
            break;
        };
        if let Some((key, value)) = meta.split_once('=') {
            out.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    out
}

/// The scopes a `global=` value names, expanded as wptserve's `parse_variants` does.
pub fn parse_globals(value: Option<&str>) -> Vec<String> {
    let value = value.unwrap_or("window,dedicatedworker");
    let mut globals = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let expanded: &[&str] = match item {
            "default" => &["window", "dedicatedworker"],
            "worker" => &["dedicatedworker", "sharedworker", "serviceworker"],
            other => {
                globals.push(other.to_string());
                continue;
            }
        };
        globals.extend(expanded.iter().map(|s| s.to_string()));
    }
    globals
}

fn is_support_path(relative: &Path) -> bool {
    relative.components().any(|c| {
        matches!(
            c.as_os_str().to_str(),
            Some("resources" | "support" | "tools" | "common" | ".git" | "node_modules")
        )
    })
}

/// Variants declared in an HTML test (`<meta name="variant" content="?...">`).
fn html_variants(source: &str) -> Vec<String> {
    let mut variants = Vec::new();
    let lower = source.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("<meta") {
        let start = from + pos;
        let end = lower[start..]
            .find('>')
            .map(|e| start + e)
            .unwrap_or(lower.len());
        let tag = &source[start..end];
        let tag_lower = &lower[start..end];
        if (tag_lower.contains("name=\"variant\"") || tag_lower.contains("name=variant"))
            && let Some(c) = tag_lower.find("content=")
        {
            let value = tag[c + 8..].trim_start();
            let content = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                _ => value
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or(""),
            };
            variants.push(content.to_string());
        }
        from = end;
    }
    variants
}

fn with_variants(id: String, variants: Vec<String>, long_timeout: bool) -> Vec<TestCase> {
    if variants.is_empty() {
        return vec![TestCase { id, long_timeout }];
    }
    variants
        .into_iter()
        .map(|v| TestCase {
            id: format!("{id}{v}"),
            long_timeout,
        })
        .collect()
}

/// The tests of a `.any.js`/`.window.js` file whose wrapper page is `id`: one per
/// `// META: variant=`, with the long timeout if `// META: timeout=long`.
fn js_test_cases(id: String, meta: &[(String, String)]) -> Vec<TestCase> {
    let long = meta.iter().any(|(k, v)| k == "timeout" && v == "long");
    let variants = meta
        .iter()
        .filter(|(k, _)| k == "variant")
        .map(|(_, v)| v.clone())
        .collect();
    with_variants(id, variants, long)
}

/// Classifies one file: the tests it holds, or why it is skipped (`Ok(None)`: not a test at
/// all, such as a helper script or stylesheet).
pub fn classify(root: &Path, file: &Path) -> Result<Option<Vec<TestCase>>, Skipped> {
    let Ok(relative) = file.strip_prefix(root) else {
        return Ok(None);
    };
    let url_path = format!(
        "/{}",
        relative
            .components()
            .filter_map(|c| c.as_os_str().to_str())
            .collect::<Vec<_>>()
            .join("/")
    );
    let name = relative.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let skipped = |reason: &str| Skipped {
        path: url_path.clone(),
        reason: reason.to_string(),
    };
    if is_support_path(relative) || name.starts_with('.') {
        return Ok(None);
    }
    let read = || std::fs::read_to_string(file).map_err(|e| skipped(&format!("unreadable: {e}")));
    if name.contains("-manual.") {
        return Err(skipped("manual test"));
    }
    if let Some(stem) = name.strip_suffix(".any.js") {
        let source = read()?;
        let meta = js_metadata(&source);
        let globals = parse_globals(
            meta.iter()
                .find(|(k, _)| k == "global")
                .map(|(_, v)| v.as_str()),
        );
        if !globals.iter().any(|g| g == "window") {
            return Err(skipped("worker-only (.any.js without the window global)"));
        }
        let id = format!("{}{stem}.any.html", url_path.trim_end_matches(name));
        return Ok(Some(js_test_cases(id, &meta)));
    }
    if let Some(stem) = name.strip_suffix(".window.js") {
        let source = read()?;
        let meta = js_metadata(&source);
        let id = format!("{}{stem}.window.html", url_path.trim_end_matches(name));
        return Ok(Some(js_test_cases(id, &meta)));
    }
    if name.ends_with(".worker.js") || name.ends_with(".serviceworker.js") {
        return Err(skipped("worker-only"));
    }
    let is_html = [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| name.ends_with(e));
    if !is_html {
        return Ok(None);
    }
    let source = read()?;
    let lower = source.to_ascii_lowercase();
    if lower.contains("rel=\"match\"")
        || lower.contains("rel=match")
        || lower.contains("rel=\"mismatch\"")
        || lower.contains("rel=mismatch")
    {
        return Err(skipped("reftest (needs rendering)"));
    }
    if !lower.contains("testharness.js") {
        return Err(skipped("not a testharness.js test"));
    }
    let long = lower.contains("name=\"timeout\" content=\"long\"")
        || lower.contains("name=timeout content=long");
    Ok(Some(with_variants(url_path, html_variants(&source), long)))
}

/// Walks `paths` (files or directories, relative to `root`) and returns the tests found,
/// sorted, and the files skipped with their reasons.
pub fn discover(root: &Path, paths: &[PathBuf]) -> (Vec<TestCase>, Vec<Skipped>) {
    let mut tests = Vec::new();
    let mut skipped = Vec::new();
    let mut stack: Vec<PathBuf> = if paths.is_empty() {
        vec![root.to_path_buf()]
    } else {
        paths
            .iter()
            .map(|p| root.join(p.strip_prefix("/").unwrap_or(p)))
            .collect()
    };
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.filter_map(Result::ok).map(|e| e.path()));
            }
            continue;
        }
        if !path.is_file() {
            skipped.push(Skipped {
                path: path.display().to_string(),
                reason: "no such file".into(),
            });
            continue;
        }
        match classify(root, &path) {
            Ok(Some(found)) => tests.extend(found),
            Ok(None) => {}
            Err(skip) => skipped.push(skip),
        }
    }
    tests.sort();
    tests.dedup();
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    (tests, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_and_globals() {
        let source = "// META: global=window,worker\n// META: script=/common/utils.js\n// META: timeout=long\n\ntest(() => {});\n// META: title=ignored";
        let meta = js_metadata(source);
        assert_eq!(meta.len(), 3);
        assert_eq!(meta[1], ("script".into(), "/common/utils.js".into()));
        assert_eq!(
            parse_globals(Some("window,worker")),
            ["window", "dedicatedworker", "sharedworker", "serviceworker"]
        );
        assert_eq!(parse_globals(None), ["window", "dedicatedworker"]);
        assert_eq!(parse_globals(Some("dedicatedworker")), ["dedicatedworker"]);
    }

    #[test]
    fn html_variant_meta_tags() {
        let source = r#"<meta name="variant" content="?1-10"><meta name=variant content="?11-20"><meta name="viewport" content="x">"#;
        assert_eq!(html_variants(source), ["?1-10", "?11-20"]);
    }
}
