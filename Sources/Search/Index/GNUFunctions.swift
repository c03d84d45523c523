#if canImport(Glibc)
import Glibc
#endif

/// C library calls Glibc declares only for GNU sources, which Swift's import of it leaves out
/// (`sched_setaffinity`, `sched_getcpu`, `pthread_setname_np`): found at run time by name instead.
enum GNUFunctions {
    /// The function named `name` among everything the process has loaded, or nil (and always nil
    /// off Linux, where callers leave things as the system has them).
    static func find<Call>(_ name: String, as type: Call.Type) -> Call? {
        #if os(Linux)
        // RTLD_DEFAULT (a null handle): every object the process has loaded.
        return dlsym(nil, name).map { unsafeBitCast($0, to: type) }
        #else
        return nil
        #endif
    }
}
