import Domain

/// The search tokenizer offered to other features through `Domain.WordScanner`.
public struct SearchWordScanner: WordScanner {
    private let tokenizer = Tokenizer()

    public init() {}

    public func forEachWord(in text: String, _ body: (ScannedWord) -> Void) {
        var copy = text
        copy.withUTF8 { bytes in
            tokenizer.forEachToken(in: bytes) { span, folded in
                body(ScannedWord(folded: folded, start: span.start, end: span.end,
                                 joinsPrevious: span.joinsPrevious, hasLeadingDot: span.hasLeadingDot))
            }
        }
    }
}
