//! The hostile-pages fuzz target (`tests/fuzz`, docs/fuzzing.md) as a seeded smoke test: a
//! few dozen generated pages — deep nesting of every construct, huge repeats and pads,
//! recursion, deep JSON, random HTML, self-embedding iframes, timer and message storms — run
//! through a `UserAgent` with limits set. None may abort the process, crash its agent,
//! outlive the wall limit, or stop its top page before `load`.

use std::time::Duration;

use postern_conformance::hostile::{SeededChoices, generate_site, run_hostile_site};

/// Agents' memory budgets hold only under this allocator: an agent allocating without end is
/// stopped (an accepted outcome) instead of aborting the process.
#[global_allocator]
static ALLOCATOR: postern::ContainingAllocator<std::alloc::System> =
    postern::ContainingAllocator::new(std::alloc::System);

/// Pages per run; `POSTERN_HOSTILE_PAGES` asks for more (a longer local run).
const PAGES: u64 = 12;

/// The wall-clock limit of each page (pages that never go idle stop there).
const WALL_LIMIT: Duration = Duration::from_secs(1);

#[test]
fn generated_hostile_pages_are_contained() {
    let pages = std::env::var("POSTERN_HOSTILE_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(PAGES);
    let first = std::env::var("POSTERN_HOSTILE_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    for seed in first..first + pages {
        let site = generate_site(&mut SeededChoices::new(seed));
        let described = site.describe();
        if let Some(dir) = std::env::var_os("POSTERN_HOSTILE_DUMP") {
            // Each page as a file (`<dir>/<seed>/<host>/<path>`), to run with `postern run`.
            for (origin, path, html) in &site.pages {
                let host = origin.trim_start_matches("http://");
                let file = if path == "/" {
                    "index.html"
                } else {
                    path.trim_start_matches('/')
                };
                let folder = std::path::Path::new(&dir).join(seed.to_string()).join(host);
                let written = std::fs::create_dir_all(&folder)
                    .and_then(|()| std::fs::write(folder.join(file), html));
                if let Err(error) = written {
                    eprintln!("cannot write {}: {error}", folder.display());
                }
            }
            continue;
        }
        if std::env::var_os("POSTERN_HOSTILE_VERBOSE").is_some() {
            eprintln!("seed {seed}:\n{described}");
        }
        match run_hostile_site(site, WALL_LIMIT, false) {
            Ok(run) => {
                if std::env::var_os("POSTERN_HOSTILE_VERBOSE").is_some() {
                    eprintln!(
                        "seed {seed}: {:?} in {:?}, {} stuck thread(s)",
                        run.outcome, run.elapsed, run.stuck_threads
                    );
                }
            }
            Err(finding) if std::env::var_os("POSTERN_HOSTILE_KEEP_GOING").is_some() => {
                eprintln!("FINDING seed {seed}: {finding}\n{described}");
            }
            Err(finding) => panic!("seed {seed}: {finding}\n{described}"),
        }
    }
}
