import NIOCore
import NIOPosix

/// Where Swift concurrency runs its jobs in this process.
public enum EventLoopExecutor {
    /// Makes the event loops that serve HTTP also run every task, so a request's handler no longer
    /// wakes a thread of Swift's own pool and then an event loop again to answer: on a loopback
    /// search, those two wake-ups cost more than an empty search itself. Call it once, from the main
    /// thread, before anything is awaited. Returns whether the event loops took over.
    @discardableResult
    public static func install() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
