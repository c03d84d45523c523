import Crypto
import Foundation

/// Random secrets handed to a client once (refresh tokens, mail links, API keys, recovery codes),
/// and the SHA-256 digests they are stored as. They carry 256 bits of entropy, so a fast hash
/// is enough: there is nothing to guess, unlike a password.
public enum SecretToken {
    /// `bytes` random bytes as unpadded base64url.
    public static func generate(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of a secret: hex SHA-256.
    public static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A new random identifier for a stored record.
    public static func identifier() -> String {
        UUID().uuidString.lowercased()
    }
}
