import HummingbirdBcrypt

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
