import Foundation

/// Unguessable hex strings from the system's secure generator: webhook signing secrets, media access keys.
enum RandomHex {
    static func make(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
