import Crypto
import Foundation

/// Seals secrets Wayfinder must read back later (a TOTP seed, a channel's credentials) with AES-GCM,
/// so a copy of the database alone does not reveal them.
public struct SecretBox: Sendable {
    private let key: SymmetricKey

    /// `key` is 32 bytes from configuration or the data directory.
    public init(key: Data) {
        precondition(key.count == 32, "a secret box needs a 256-bit key")
        self.key = SymmetricKey(data: key)
    }

    /// Nonce, ciphertext and tag, base64-encoded.
    public func seal(_ plaintext: Data) throws -> String {
        try AES.GCM.seal(plaintext, using: key).combined!.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> Data {
        guard let combined = Data(base64Encoded: sealed) else { throw SecretBoxError.malformed }
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key)
        } catch {
            throw SecretBoxError.wrongKey
        }
    }
}

public enum SecretBoxError: Error, Sendable, Equatable {
    case malformed
    /// The data was sealed with another key (the data directory's key changed) or was altered.
    case wrongKey
}
