import Domain
import Foundation

/// Brute-force protection: a key (an account, a client address) that failed too often in a window
/// is refused with 429 until the window ends, whether or not the next guess would be right.
public struct AttemptThrottle: Sendable {
    /// What is being attempted, each with its own limits.
    public enum Action: String, Sendable, CaseIterable {
        case signIn = "signin", verify, resend, mfa, reset, forgot, signUp = "signup"
    }

    public struct Limit: Sendable, Equatable {
        public var attempts: Int
        public var window: TimeInterval
        public init(attempts: Int, window: TimeInterval) {
            self.attempts = attempts
            self.window = window
        }
    }

    /// Per account and per client address. A shared office address sees more traffic than one
    /// account, so the address limits are looser.
    public struct Limits: Sendable {
        public var perAccount: [Action: Limit]
        public var perAddress: [Action: Limit]

        public static let standard = Limits(
            perAccount: [
                .signIn: Limit(attempts: 5, window: 900), .mfa: Limit(attempts: 5, window: 900),
                .forgot: Limit(attempts: 3, window: 3_600), .resend: Limit(attempts: 5, window: 3_600),
            ],
            perAddress: [
                .signIn: Limit(attempts: 30, window: 900), .mfa: Limit(attempts: 30, window: 900),
                .verify: Limit(attempts: 30, window: 900), .reset: Limit(attempts: 30, window: 900),
                .forgot: Limit(attempts: 20, window: 3_600), .resend: Limit(attempts: 20, window: 3_600),
                .signUp: Limit(attempts: 20, window: 3_600),
            ]
        )

        public init(perAccount: [Action: Limit], perAddress: [Action: Limit]) {
            self.perAccount = perAccount
            self.perAddress = perAddress
        }
    }

    private let counter: any AttemptCounter
    private let limits: Limits
    private let clock: any WallClock

    public init(counter: any AttemptCounter, limits: Limits = .standard, clock: any WallClock) {
        self.counter = counter
        self.limits = limits
        self.clock = clock
    }

    /// Throws 429 when the account or the address has used up its attempts.
    func check(_ action: Action, account: String?, address: String?) async throws {
        for (key, limit) in keys(action, account: account, address: address) {
            let (count, ends) = try await counter.count(key: key, now: clock.now())
            if count >= limit.attempts { throw refusal(until: ends) }
        }
    }

    /// Counts a failed attempt (or, for actions limited by volume, any attempt).
    func recordFailure(_ action: Action, account: String?, address: String?) async throws {
        for (key, limit) in keys(action, account: account, address: address) {
            _ = try await counter.record(key: key, window: limit.window, now: clock.now())
        }
    }

    /// Counts an attempt and refuses it when it is over the limit: for actions limited by volume
    /// (sign-ups, reset mails), where every attempt counts, not only failures.
    func consume(_ action: Action, account: String?, address: String?) async throws {
        for (key, limit) in keys(action, account: account, address: address) {
            let (count, ends) = try await counter.record(key: key, window: limit.window, now: clock.now())
            if count > limit.attempts { throw refusal(until: ends) }
        }
    }

    /// A success clears the account's failures (not the address's: one good guess among many
    /// must not reset a guesser's budget).
    func recordSuccess(_ action: Action, account: String) async throws {
        try await counter.reset(key: "\(action.rawValue):account:\(account)")
    }

    private func keys(_ action: Action, account: String?, address: String?) -> [(String, Limit)] {
        var keys: [(String, Limit)] = []
        if let account, let limit = limits.perAccount[action] { keys.append(("\(action.rawValue):account:\(account)", limit)) }
        if let address, let limit = limits.perAddress[action] { keys.append(("\(action.rawValue):address:\(address)", limit)) }
        return keys
    }

    private func refusal(until end: Date) -> DomainError {
        let seconds = Int(end.timeIntervalSince(clock.now()).rounded(.up))
        return .tooManyRequests("Too many attempts. Try again in \(max(1, seconds)) seconds.", retryAfter: max(1, seconds))
    }
}
