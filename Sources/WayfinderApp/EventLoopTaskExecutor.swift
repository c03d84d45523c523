import NIOCore
import NIOPosix

/// Runs the jobs of the tasks that prefer it on one event loop. With `EventLoopExecutor` installed, a task
/// stays on the loop that started it, and so do its children: the worker pools' slots, started together,
/// would all share one loop and one core. Giving each slot a loop of its own spreads them.
final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// One executor for each loop of the process's event loop group.
    static let eachLoop: [EventLoopTaskExecutor] = MultiThreadedEventLoopGroup.singleton.makeIterator().map(EventLoopTaskExecutor.init)
}
