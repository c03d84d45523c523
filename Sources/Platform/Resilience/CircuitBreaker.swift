import Domain
import Foundation

/// Stops calling a dependency that keeps failing, so a broken provider costs one quick refusal per
/// sync instead of timeouts and retries.
///
/// Closed: calls go through; `failureThreshold` failures in a row open it. Open: calls are refused
/// until `coolDown` has passed. Half-open: one trial call goes through; success closes the breaker,
/// failure opens it for another `coolDown`.
public actor CircuitBreaker {
    public enum State: Sendable, Equatable {
        case closed(failures: Int)
        case open(until: Date)
        case halfOpen
    }

    public let failureThreshold: Int
    public let coolDown: Duration
    private let clock: any WallClock
    public private(set) var state: State = .closed(failures: 0)
    private var trialInFlight = false

    public init(failureThreshold: Int = 5, coolDown: Duration = .seconds(300), clock: any WallClock = SystemWallClock()) {
        self.failureThreshold = failureThreshold
        self.coolDown = coolDown
        self.clock = clock
    }

    /// Whether a call may go through now; when not, how long until it may.
    public func permit() -> Permission {
        switch state {
        case .closed:
            return .allowed
        case .open(let until):
            let now = clock.now()
            guard now >= until else { return .refused(retryAfter: .seconds(Int(until.timeIntervalSince(now).rounded(.up)))) }
            state = .halfOpen
            trialInFlight = true
            return .allowed
        case .halfOpen:
            if trialInFlight { return .refused(retryAfter: .seconds(1)) }
            trialInFlight = true
            return .allowed
        }
    }

    public func recordSuccess() {
        trialInFlight = false
        state = .closed(failures: 0)
    }

    public func recordFailure() {
        trialInFlight = false
        switch state {
        case .closed(let failures) where failures + 1 < failureThreshold:
            state = .closed(failures: failures + 1)
        default:
            state = .open(until: clock.now().addingTimeInterval(TimeInterval(coolDown.components.seconds)))
        }
    }

    public enum Permission: Sendable, Equatable {
        case allowed
        case refused(retryAfter: Duration)
    }
}

/// One breaker per key (a provider kind), made on first use with the same settings.
public actor CircuitBreakers {
    private let failureThreshold: Int
    private let coolDown: Duration
    private let clock: any WallClock
    private var breakers: [String: CircuitBreaker] = [:]

    public init(failureThreshold: Int = 5, coolDown: Duration = .seconds(300), clock: any WallClock = SystemWallClock()) {
        self.failureThreshold = failureThreshold
        self.coolDown = coolDown
        self.clock = clock
    }

    public func breaker(for key: String) -> CircuitBreaker {
        if let breaker = breakers[key] { return breaker }
        let breaker = CircuitBreaker(failureThreshold: failureThreshold, coolDown: coolDown, clock: clock)
        breakers[key] = breaker
        return breaker
    }
}
