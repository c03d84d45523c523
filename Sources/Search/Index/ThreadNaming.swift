#if canImport(Glibc)
import Glibc
#endif

/// Names the calling thread as `top -H`, `perf` and `/proc` show it; a thread otherwise keeps the name
/// of the thread that started it (an event loop's, for the search helpers).
enum ThreadNaming {
    static func nameCurrentThread(_ name: String) {
        #if os(Linux)
        typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
        guard let setName = GNUFunctions.find("pthread_setname_np", as: SetName.self) else { return }
        // Linux keeps 15 bytes of a thread's name.
        _ = setName(pthread_self(), String(name.utf8.prefix(15)) ?? "thread")
        #endif
    }
}
