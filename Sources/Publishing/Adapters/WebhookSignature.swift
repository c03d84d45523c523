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
        let code = HMAC<SHA256>.authenticationCode(for: signed(body, timestamp), using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    static func signed(_ body: Data, _ timestamp: Int) -> Data {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        return signed
    }

    /// True when `signature` is this body's under `secret` and `timestamp` is within the window of `now`.
    public static func verify(body: Data, timestamp: String, signature: String, secret: String, now: Date,
                              window: TimeInterval = replayWindow) -> Bool {
        guard let seconds = Int(timestamp), abs(now.timeIntervalSince1970 - Double(seconds)) <= window,
              signature.hasPrefix("sha256="), let code = hexBytes(signature.dropFirst("sha256=".count)) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: signed(body, seconds), using: SymmetricKey(data: Data(secret.utf8)))
    }

    private static func hexBytes(_ hex: Substring) -> Data? {
        guard hex.count.isMultiple(of: 2) else { return nil }
        var bytes = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
