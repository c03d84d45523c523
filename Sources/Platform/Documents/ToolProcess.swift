import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command-line tool to completion, or kills it when it overruns its time or the calling task
/// is cancelled. Standard input and output are closed: tools here read and write files, which cannot
/// fill a pipe and stall. Standard error goes to a file the caller reads afterwards.
enum ToolProcess {
    enum Outcome: Sendable, Equatable {
        case exited(Int32)
        case killedBySignal(Int32)
        case timedOut
    }

    static func run(_ executable: URL, arguments: [String], standardError: URL, timeout: Duration) async throws -> Outcome {
        guard FileManager.default.createFile(atPath: standardError.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: standardError.path])
        }
        let errorFile = try FileHandle(forWritingTo: standardError)
        defer { try? errorFile.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorFile

        let watch = Watch()
        let watchdog = Task {
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { watch.stop(becauseOverran: true) }
        }
        defer { watchdog.cancel() }
        let ended: (status: Int32, reason: Process.TerminationReason) = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { process in
                    watch.finished()
                    continuation.resume(returning: (process.terminationStatus, process.terminationReason))
                }
                do {
                    try process.runOneAtATime()
                    watch.started(process.processIdentifier)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            watch.stop(becauseOverran: false)
        }
        try Task.checkCancellation()
        if watch.overran { return .timedOut }
        return ended.reason == .uncaughtSignal ? .killedBySignal(ended.status) : .exited(ended.status)
    }
}

/// The running process as the watchdog, the cancellation handler and the termination handler see it.
/// Under one lock, so a kill never reaches a process that has already been reaped.
private final class Watch: @unchecked Sendable {
    private let lock = NSLock()
    private var pid: pid_t?
    private var isFinished = false
    private var stopRequested = false
    private var didOverrun = false

    var overran: Bool { lock.withLock { didOverrun } }

    func started(_ pid: pid_t) {
        lock.withLock {
            self.pid = pid
            if stopRequested, !isFinished { kill(pid, SIGKILL) }
        }
    }

    func finished() {
        lock.withLock { isFinished = true }
    }

    func stop(becauseOverran: Bool) {
        lock.withLock {
            guard !isFinished else { return }
            stopRequested = true
            didOverrun = didOverrun || becauseOverran
            if let pid { kill(pid, SIGKILL) }
        }
    }
}
