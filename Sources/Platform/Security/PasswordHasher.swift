import HummingbirdBcrypt
import NIOPosix

/// Turns passwords into slow, salted hashes and checks them; features get one through `init`.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) -> String
    func verify(_ password: String, hash: String) -> Bool
}

/// Bcrypt (hummingbird-auth) at a configured work factor: each step doubles the time a guess costs,
/// for an attacker and for the server.
public struct BcryptPasswordHasher: PasswordHasher {
    public let cost: UInt8

    public init(cost: UInt8) {
        self.cost = cost
    }

    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }
}

extension PasswordHasher {
    /// `hash(_:)` on NIO's blocking-work thread pool. A hash takes tens of milliseconds by design, and
    /// requests are handled on the event loops that also read and write every connection (see
    /// `EventLoopExecutor`): hashing there would hold those connections meanwhile.
    public func hashOffTheEventLoop(_ password: String) async -> String {
        (try? await NIOThreadPool.singleton.runIfActive { hash(password) }) ?? hash(password)
    }

    /// `verify(_:hash:)` on NIO's blocking-work thread pool, for the same reason.
    public func verifyOffTheEventLoop(_ password: String, hash: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { verify(password, hash: hash) }) ?? verify(password, hash: hash)
    }
}
