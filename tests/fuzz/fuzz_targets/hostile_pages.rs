//! Generated hostile pages through the front door: the fuzzer's bytes choose, through
//! `arbitrary::Unstructured`, how the building blocks of issue 15 (deep nesting of every
//! construct, huge repeats and pads, recursion, deep JSON, random HTML, self-embedding
//! iframes, timer and message storms) make a site, which runs through a `UserAgent` with
//! limits set. The process must not abort (libFuzzer reports a crash, a stack overflow or
//! an allocation past `-rss_limit_mb`), no agent may crash, no agent thread may still be in
//! a task when the user agent shuts down (5 s after the 2 s wall limit), and a run that went
//! idle must have reached the top page's `load`
//! (`postern_conformance::hostile::run_hostile_site`). `tests/hostile_smoke.rs` runs the
//! same generator from seeds in every `cargo test`.

#![no_main]

use std::time::Duration;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use postern_conformance::hostile::{Choices, generate_site, run_hostile_site};

/// Agents' memory budgets hold only under this allocator: an agent allocating without end is
/// stopped (an accepted outcome) instead of aborting the process.
#[global_allocator]
static ALLOCATOR: postern::ContainingAllocator<std::alloc::System> =
    postern::ContainingAllocator::new(std::alloc::System);

/// The fuzzer's bytes as choices.
struct Fuzzed<'a>(Unstructured<'a>);

impl Choices for Fuzzed<'_> {
    fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.0.int_in_range(0..=n - 1).unwrap_or(0)
    }
}

fuzz_target!(|bytes: &[u8]| {
    let site = generate_site(&mut Fuzzed(Unstructured::new(bytes)));
    let described = site.describe();
    if let Err(finding) = run_hostile_site(site, Duration::from_secs(2), true) {
        panic!("{finding}\n{described}");
    }
});
