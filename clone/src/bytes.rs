//! Copying an ArrayBuffer's bytes into a new data block (CreateByteDataBlock followed by
//! CopyDataBlockBytes), fast for large buffers.
//!
//! A fresh block is memory the process has never touched: the first write to each page
//! faults, and the kernel maps and zeroes it. For a 64 MiB copy that is 16,384 faults of
//! 4 KiB pages, which cost far more than the copy itself. On Linux a large block is
//! therefore advised to be backed by transparent huge pages (`MADV_HUGEPAGE`) before it is
//! written: 2 MiB pages, 512 times fewer faults. The faults (and the kernel's zeroing) still
//! happen during the copy; nothing is prefaulted ahead of it.

/// Blocks at least this long are advised to use huge pages (smaller ones gain little, and
/// may sit in the allocator's main heap).
const HUGE_PAGE_ADVICE_FROM: usize = 8 << 20;

/// A new block holding a copy of `bytes`: one exact allocation and one `memcpy`. `None` if
/// the allocation fails.
pub(crate) fn copy_bytes(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut copy = Vec::new();
    copy.try_reserve_exact(bytes.len()).ok()?;
    if bytes.len() >= HUGE_PAGE_ADVICE_FROM {
        advise_huge_pages(copy.spare_capacity_mut());
    }
    copy.extend_from_slice(bytes);
    Some(copy)
}

/// Advises the kernel to back the 2 MiB-aligned part of `block` with huge pages.
#[cfg(target_os = "linux")]
fn advise_huge_pages(block: &mut [std::mem::MaybeUninit<u8>]) {
    const HUGE_PAGE: usize = 2 << 20;
    let start = block.as_mut_ptr() as usize;
    let Some(first) = start.checked_next_multiple_of(HUGE_PAGE) else {
        return;
    };
    let end = start.saturating_add(block.len()) / HUGE_PAGE * HUGE_PAGE;
    if end <= first {
        return;
    }
    // SAFETY: [first, end) lies within `block`, memory the caller owns exclusively (a fresh
    // allocation). MADV_HUGEPAGE changes only how the kernel backs those pages, never their
    // contents or validity, so no Rust invariant depends on it. The advice is optional: a
    // failure (e.g. huge pages disabled) leaves the block as it was, and is ignored.
    // The crate's one audited unsafe block (the workspace denies `unsafe_code`).
    #[allow(unsafe_code)]
    unsafe {
        libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
    }
}

/// Elsewhere: no advice.
#[cfg(not(target_os = "linux"))]
fn advise_huge_pages(_block: &mut [std::mem::MaybeUninit<u8>]) {}

#[cfg(test)]
mod tests {
    use super::copy_bytes;

    #[test]
    fn copies_small_and_large_blocks() {
        assert_eq!(copy_bytes(&[]), Some(vec![]));
        assert_eq!(copy_bytes(&[1, 2, 3]), Some(vec![1, 2, 3]));
        let large: Vec<u8> = (0..(9 << 20)).map(|i: u32| i as u8).collect();
        assert_eq!(copy_bytes(&large).as_deref(), Some(&large[..]));
    }
}
