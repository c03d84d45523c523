/// One word of a text as the search analyzer sees it: folded (lowercase, accent-free) and where it stood.
/// `folded` points into scratch memory that is only valid during the callback that received it.
public struct ScannedWord {
    public var folded: UnsafeBufferPointer<UInt8>
    /// UTF-8 byte range of the word in the original text.
    public var start: Int
    public var end: Int
    /// Joined to the previous word by "-" or "." with no space ("go-to", "node.js").
    public var joinsPrevious: Bool
    /// Preceded directly by a dot at a word start (".NET").
    public var hasLeadingDot: Bool

    public init(folded: UnsafeBufferPointer<UInt8>, start: Int, end: Int, joinsPrevious: Bool, hasLeadingDot: Bool) {
        self.folded = folded
        self.start = start
        self.end = end
        self.joinsPrevious = joinsPrevious
        self.hasLeadingDot = hasLeadingDot
    }
}

/// Splits text into the words search indexes. Features that read text (skill extraction) use it so
/// that a skill found in a posting is made of the same words a search for it would match; the search
/// engine provides the implementation.
public protocol WordScanner: Sendable {
    func forEachWord(in text: String, _ body: (ScannedWord) -> Void)
}
