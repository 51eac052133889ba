//! Hostile pages, generated: the building blocks of issue 15 (nesting of every construct,
//! huge repeats and pads, recursion, deep JSON, random HTML, iframes that embed themselves,
//! timer and message storms) put together by a stream of choices, and run through a
//! [`UserAgent`](postern::UserAgent) with limits set (docs/fuzzing.md).
//!
//! The same generator serves the cargo-fuzz target in `tests/fuzz/` (its choices come from
//! the fuzzer's bytes, through `arbitrary::Unstructured`) and the seeded smoke test that
//! `cargo test` runs (`tests/hostile_smoke.rs`, its choices from [`SeededChoices`]).

mod blocks;
mod markup;
mod run;

pub use run::{Finding, HostileRun, run_hostile_site};

/// Where the generator's decisions come from.
pub trait Choices {
    /// A number in `0..n` (`0` when `n` is 0 or the source is exhausted).
    fn below(&mut self, n: usize) -> usize;

    /// One of `items` (the first when the source is exhausted).
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T
    where
        Self: Sized,
    {
        let index = self.below(items.len());
        &items[index.min(items.len().saturating_sub(1))]
    }

    /// True with probability about `1/n`.
    fn one_in(&mut self, n: usize) -> bool
    where
        Self: Sized,
    {
        self.below(n) == 0
    }
}

/// Choices from a seed: xorshift64*, so a smoke run repeats exactly.
#[derive(Clone, Debug)]
pub struct SeededChoices(u64);

impl SeededChoices {
    /// A generator for `seed` (any value; 0 is replaced by a fixed non-zero state).
    pub fn new(seed: u64) -> SeededChoices {
        SeededChoices(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
}

impl Choices for SeededChoices {
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

/// A generated site: pages of `http://a.test` (the top-level page is `/`) and of the
/// cross-site `http://b.test`, by path.
#[derive(Clone, Debug, Default)]
pub struct HostileSite {
    /// `(origin, path, HTML)`: `("http://a.test", "/", "<!doctype html>...")`.
    pub pages: Vec<(String, String, String)>,
}

impl HostileSite {
    /// The HTML served for `origin` and `path` (query and fragment already removed).
    pub fn page(&self, origin: &str, path: &str) -> Option<&str> {
        self.pages
            .iter()
            .find(|(o, p, _)| o == origin && p == path)
            .map(|(_, _, html)| html.as_str())
    }

    /// Every page, one after the other, for a reproduction.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        for (origin, path, html) in &self.pages {
            let shown: String = html.chars().take(4_000).collect();
            out.push_str(&format!(
                "==== {origin}{path} ({} bytes)\n{shown}\n",
                html.len()
            ));
        }
        out
    }
}

/// The line the top-level page prints at its `load` event (a listener its first script
/// adds), which must appear whenever the run went idle.
pub const TOP_END: &str = "hostile: end of top page";

/// Builds a site: a top-level page of a few hostile blocks, and perhaps a cross-site
/// iframe (`http://b.test/frame.html`) of its own blocks that the top page may talk to.
pub fn generate_site(c: &mut impl Choices) -> HostileSite {
    let mut site = HostileSite::default();
    let with_frame = c.one_in(2);
    let mut top = format!(
        "<!doctype html>\n<script>addEventListener('load', () => console.log({TOP_END:?}));</script>\n"
    );
    top.push_str(&markup::random_markup(c, 3));
    let blocks = 1 + c.below(4);
    for _ in 0..blocks {
        if top.len() > 1_000_000 {
            break;
        }
        top.push_str(&blocks::block(c, "a"));
        if c.one_in(3) {
            top.push_str(&markup::random_markup(c, 2));
        }
    }
    if with_frame {
        top.push_str("<iframe src=\"http://b.test/frame.html\"></iframe>\n");
        top.push_str(&blocks::talk_to_frame(c));
        let mut frame = String::from("<!doctype html>\n");
        for _ in 0..1 + c.below(3) {
            frame.push_str(&blocks::block(c, "b"));
        }
        frame.push_str(&blocks::talk_to_parent(c));
        frame.push_str("<script>console.log('hostile: end of frame')</script>\n");
        site.pages
            .push(("http://b.test".into(), "/frame.html".into(), frame));
    }
    site.pages.push(("http://a.test".into(), "/".into(), top));
    site
}
