import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Process {
    /// Waits for the process to exit for at most `seconds`, then kills it and waits for that; returns its
    /// exit status (128 + the signal's number when a signal ended it, as a shell says it).
    ///
    /// A bare `waitUntilExit()` can wait for ever. A child inherits the signal mask of the thread that
    /// started it, and the test runner's threads block SIGTERM, so a child may ignore `terminate()`. And
    /// Foundation notices an exit only when no other process holds the child's end of its socket pair
    /// (see `runOneAtATime()`). So this asks the kernel whether the child has ended, without reaping it
    /// (Foundation still does), and never waits longer than it was told: a test waiting here holds one of
    /// the few threads every test shares.
    @discardableResult
    public func waitUntilExit(orKillAfter seconds: Double) -> Int32 {
        if let status = exitStatus(within: seconds) { return status }
        kill(processIdentifier, SIGKILL)
        return exitStatus(within: 10) ?? 128 + SIGKILL
    }

    /// Asks the process to stop (SIGTERM), and kills it if it has not within `seconds`.
    @discardableResult
    public func stop(orKillAfter seconds: Double) -> Int32 {
        if isRunning { terminate() }
        return waitUntilExit(orKillAfter: seconds)
    }

    private func exitStatus(within seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            switch kernelState() {
            case .ended(let status): return status
            case .reaped: return statusOnceFoundationKnows()
            case .running: break
            }
            if Date() >= deadline { return nil }
            usleep(20_000)
        }
    }

    /// The status Foundation read when it reaped the child; it marks the child ended just after.
    private func statusOnceFoundationKnows() -> Int32? {
        let deadline = Date().addingTimeInterval(5)
        while isRunning, Date() < deadline { usleep(5_000) }
        guard !isRunning else { return nil }
        return terminationReason == .uncaughtSignal ? 128 + terminationStatus : terminationStatus
    }

    private enum KernelState {
        case running
        case ended(Int32)
        /// Foundation has already collected the child's status.
        case reaped
    }

    private func kernelState() -> KernelState {
        var info = siginfo_t()
        // WNOWAIT leaves the child a zombie, so Foundation's own `waitpid` still finds it.
        let result = waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOHANG | WNOWAIT)
        if result != 0 { return errno == ECHILD ? .reaped : .running }
        guard info._sifields._sigchld.si_pid == processIdentifier else { return .running }
        let status = info._sifields._sigchld.si_status
        return info.si_code == CLD_EXITED ? .ended(status) : .ended(128 + status)
    }
}
