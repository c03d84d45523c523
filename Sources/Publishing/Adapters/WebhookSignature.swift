import Crypto
import Foundation

/// How webhook deliveries are signed, and how a receiver checks them.
///
/// `X-Wayfinder-Timestamp` carries Unix seconds; `X-Wayfinder-Signature` is `sha256=` and the hex
/// HMAC-SHA256 of `"<timestamp>.<body>"` under the channel's signing secret. A receiver recomputes it,
/// compares in constant time, and refuses timestamps outside its replay window (five minutes by default).
public enum WebhookSignature {
    public static let signatureHeader = "X-Wayfinder-Signature"
    public static let timestampHeader = "X-Wayfinder-Timestamp"
    public static let replayWindow: TimeInterval = 300

    public static func sign(body: Data, timestamp: Int, secret: String) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// True when `signature` is this body's under `secret` and `timestamp` is within the window of `now`.
    public static func verify(body: Data, timestamp: String, signature: String, secret: String, now: Date,
                              window: TimeInterval = replayWindow) -> Bool {
        guard let seconds = Int(timestamp), abs(now.timeIntervalSince1970 - Double(seconds)) <= window else { return false }
        let expected = Data(sign(body: body, timestamp: seconds, secret: secret).utf8)
        let given = Data(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
