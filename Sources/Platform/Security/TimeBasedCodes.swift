import Foundation
import HummingbirdOTP

/// RFC 6238 codes (SHA-1, 6 digits, 30-second steps) through hummingbird-auth's OTP, for a secret
/// whose UTF-8 bytes are the key.
public enum TimeBasedCodes {
    public static let step: TimeInterval = 30

    /// The code an authenticator app holding `secret` shows during time step `step`.
    public static func code(secret: String, step: Int64) -> String {
        String(format: "%06d", TOTP(secret: secret).compute(date: Date(timeIntervalSince1970: Double(step) * Self.step)))
    }

    /// The time step `date` falls in.
    public static func step(at date: Date) -> Int64 { Int64(date.timeIntervalSince1970 / Self.step) }

    /// The `otpauth://` URI an authenticator app scans (the secret in it is base32).
    public static func authenticatorURI(secret: String, label: String, issuer: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: label, issuer: issuer)
    }
}
