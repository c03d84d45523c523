/// Folded text cut into words, numbers and single symbols, each with its character offset: what the
/// date, time and zone readers walk over.
struct TimeToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case word, number, symbol, lineBreak }

    var kind: Kind
    var text: String
    /// Offset of the first character in the folded text.
    var offset: Int

    var number: Int? { kind == .number && text.count <= 4 ? Int(text) : nil }
    func isSymbol(_ symbol: Character) -> Bool { kind == .symbol && text.first == symbol }
    func isWord(_ word: String) -> Bool { kind == .word && text == word }
}

enum TimeTokenizer {
    static func tokens(_ folded: String) -> [TimeToken] {
        var tokens: [TimeToken] = []
        var current = ""
        var currentKind: TimeToken.Kind?
        var start = 0
        func flush() {
            if let kind = currentKind, !current.isEmpty { tokens.append(TimeToken(kind: kind, text: current, offset: start)) }
            current = ""
            currentKind = nil
        }
        for (offset, character) in folded.enumerated() {
            let kind: TimeToken.Kind?
            if character.isNumber, character.isASCII { kind = .number }
            else if character.isLetter { kind = .word }
            else if character == "\n" { kind = .lineBreak }
            else if character == " " || character == "\t" || character == "\r" { kind = nil }
            else { kind = .symbol }
            if kind != currentKind || kind == .symbol || kind == .lineBreak {
                flush()
                if let kind {
                    currentKind = kind
                    start = offset
                }
            }
            if kind != nil { current.append(character) }
        }
        flush()
        return tokens
    }
}
