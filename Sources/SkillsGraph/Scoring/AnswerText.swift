import Crypto
import Foundation

/// How written answers are compared: case, accents, runs of spaces and a final full stop do not
/// matter ("Def." is "def"); line breaks do, for code output.
public enum AnswerText {
    public static func normalized(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let lines = folded.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        }
        var joined = lines.joined(separator: "\n").trimmingWhitespace()
        while joined.hasSuffix(".") { joined.removeLast() }
        return joined
    }

    /// A fingerprint of what an answer says, blind to case, punctuation and spacing, for finding
    /// candidates who handed in the same text. Nil for answers too short to be telling.
    public static func fingerprint(_ text: String) -> String? {
        let words = RubricWords.words(in: text).map(\.word)
        guard words.count >= 12 else { return nil }
        let digest = SHA256.hash(data: Data(words.joined(separator: " ").utf8))
        return digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
