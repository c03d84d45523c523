import Foundation

/// The current time, injected so tests and benchmarks can pin it.
/// (Named `WallClock` to stay clear of the standard library's `Clock` protocol.)
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant.
public struct FixedWallClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}

/// A clock that stays where it is put until moved, for tests of timeouts, backoff and schedules.
public final class AdjustableWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    public init(_ instant: Date) { self.instant = instant }

    public func now() -> Date { lock.withLock { instant } }

    public func advance(by seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }

    public func set(_ date: Date) { lock.withLock { instant = date } }
}
