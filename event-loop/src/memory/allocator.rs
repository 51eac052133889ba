//! The global allocator that keeps agents within their budgets (see the module above).

use std::alloc::{GlobalAlloc, Layout};

use super::{check, count, failed};

/// Wraps the process's allocator (`std::alloc::System`, mimalloc, ...) so that an agent's
/// runaway allocation stops that agent instead of aborting the process. Install it in the
/// binary:
///
/// ```
/// use postern_event_loop::memory::ContainingAllocator;
///
/// #[global_allocator]
/// static ALLOCATOR: ContainingAllocator<std::alloc::System> =
///     ContainingAllocator::new(std::alloc::System);
/// # fn main() {}
/// ```
///
/// Without it, agent budgets are not enforced and a failed allocation aborts the process.
/// Its cost: two thread-local additions and a comparison per allocation and per free (one
/// thread-local, inlined), an atomic addition per MiB a thread allocates or frees, and the
/// budget's checks for allocations of at least
/// [`CHECKED_ALLOCATION`](super::CHECKED_ALLOCATION) bytes. Measured (2026-12-07, release,
/// CPU time of `postern run benches/pages/post-message`, 5 alternating runs each, load 3):
/// 5.33 s with it around mimalloc, 5.33 s with mimalloc alone (10 % more before `count` was
/// inlined and small allocations got a one-comparison path).
#[derive(Debug, Default)]
pub struct ContainingAllocator<A> {
    inner: A,
}

impl<A> ContainingAllocator<A> {
    /// Wraps `inner`.
    pub const fn new(inner: A) -> Self {
        ContainingAllocator { inner }
    }
}

/// A size as a signed count (sizes never pass `isize::MAX`: `Layout` forbids it).
fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

// SAFETY: every method forwards to `inner`, a `GlobalAlloc`, with the caller's own arguments
// (the same layout, pointer and size), so `inner`'s guarantees are this allocator's. The
// bookkeeping around the calls touches only const-initialized thread-locals without
// destructors and one atomic, which allocate nothing. On an agent's thread, `check`/`failed`
// may instead never return (the thread parks for good, see `super::stop`): no memory is handed
// out or freed on that path, and nothing unwinds out of the allocator.
#[allow(unsafe_code)]
unsafe impl<A: GlobalAlloc> GlobalAlloc for ContainingAllocator<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        check(layout.size(), layout.size());
        // SAFETY: the caller's layout, passed on (see above).
        let ptr = unsafe { self.inner.alloc(layout) };
        if ptr.is_null() {
            failed(layout.size());
        } else {
            count(signed(layout.size()));
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        check(layout.size(), layout.size());
        // SAFETY: the caller's layout, passed on (see above).
        let ptr = unsafe { self.inner.alloc_zeroed(layout) };
        if ptr.is_null() {
            failed(layout.size());
        } else {
            count(signed(layout.size()));
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's pointer and layout, passed on (see above).
        unsafe { self.inner.dealloc(ptr, layout) };
        count(-signed(layout.size()));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let growth = new_size.saturating_sub(layout.size());
        if growth > 0 {
            // A growing buffer is checked as large when its new size is.
            check(new_size, growth);
        }
        // SAFETY: the caller's pointer, layout and size, passed on (see above).
        let new = unsafe { self.inner.realloc(ptr, layout, new_size) };
        if new.is_null() {
            failed(new_size);
        } else {
            count(signed(new_size) - signed(layout.size()));
        }
        new
    }
}
