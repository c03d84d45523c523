#if canImport(Glibc)
import Glibc
#endif

/// Memory the process has freed but the allocator still holds.
public enum FreedMemory {
    /// Gives freed memory back to the operating system, for after a burst of short-lived allocations
    /// (building the skill extractor, opening or rebuilding an index).
    ///
    /// glibc keeps what a thread frees in that thread's arena for its next allocations, and returns pages
    /// only from the top of the main heap. A build on a thread of its own leaves tens of megabytes of free
    /// pages in its arena that the process's RSS keeps counting (32 MB after a `serve` process starts at
    /// 1M postings) until `malloc_trim` hands them back. It walks every arena once: call it after a burst,
    /// not per request.
    public static func returnToSystem() {
        _ = trim?(0)
    }

    /// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module does not include `malloc.h`.
    /// Other C libraries have no such call, and there this does nothing.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()
}
