//! Giving memory back to the system after a large read.
//!
//! Reading the index makes many small allocations that are freed once it is in memory in
//! its compact form. glibc keeps freed heap for later use, so without asking it to return
//! the freed pages the app would stay as large as its start-up peak for its whole life.

/// Returns freed heap pages to the system where the allocator keeps them (glibc); nothing
/// elsewhere. Only memory already freed is touched.
pub(crate) fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Sets the allocator (glibc) up for a process that reads a large index once and then
/// stays open for hours: one arena, so the loader thread's freed memory is not kept apart
/// from the main thread's, and large blocks always mapped on their own, so freeing one
/// returns it whole (glibc otherwise raises that threshold after the first large free and
/// keeps later large blocks in the heap). At 100,000 sessions this keeps about 2 MB less
/// resident. Nothing elsewhere.
pub(crate) fn suit_a_long_running_app() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator settings; glibc allows it at any time.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}
