//! Memory the JS engine's collector does not see: the data blocks of ArrayBuffers the host
//! makes, and collections set off by them.
//!
//! boa's collector runs when the bytes of its own allocations (the `GcBox`es) pass a
//! threshold; an ArrayBuffer's data block is a plain allocation beside its `GcBox`, so a page
//! that clones a 64 MiB buffer over and over allocates gigabytes that boa counts as a few
//! hundred bytes, and the clones no longer reachable stay allocated until something else sets
//! off a collection. Each new block is fresh memory the kernel must fault in and zero (the
//! clone page's profile: over half of its samples in `clear_page_erms`). V8 hears of such
//! memory from its embedder (`AdjustAmountOfExternalAllocatedMemory`, which Blink calls for
//! ArrayBuffer contents) and collects when it grows; this is the same for boa, through the
//! one lever its API has, a full collection.
//!
//! Deviation: only the blocks the host makes are counted (deserialized ArrayBuffers, Blob
//! contents read into ArrayBuffers); those a page makes with `new ArrayBuffer` are boa's, and
//! boa does not say when it makes one.

use std::cell::Cell;

/// How many bytes of new data blocks set off a collection.
const COLLECT_AFTER: usize = 64 * 1024 * 1024;

thread_local! {
    /// Bytes of data blocks made on this thread (boa's heap is per thread) since the last
    /// collection this module set off.
    static SINCE_COLLECTION: Cell<usize> = const { Cell::new(0) };
}

/// Tells the collector's host that a data block of `bytes` is about to be made: when the
/// blocks made since the last such collection pass [`COLLECT_AFTER`], boa collects first, so
/// the blocks of unreachable buffers are freed and their memory is reused for this one.
///
/// Call it only where boa itself might collect (any point that may allocate a JS object):
/// the values the caller holds are rooted, as for any allocation.
pub(crate) fn will_make_data_block(bytes: usize) {
    let since = SINCE_COLLECTION.with(|since| {
        let total = since.get().saturating_add(bytes);
        since.set(total);
        total
    });
    if since >= COLLECT_AFTER {
        SINCE_COLLECTION.with(|since| since.set(0));
        boa_gc::force_collect();
    }
}
