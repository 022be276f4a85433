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
