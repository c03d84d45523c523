/// A word found in text, before stemming: folded text plus where it stood.
struct RawToken: Equatable {
    /// Lowercased, accent-free text ("c++", "zurich").
    var text: String
    /// UTF-8 byte range in the original text, for highlighting.
    var start: Int
    var end: Int
    /// Written entirely in capitals with two or more letters ("IT", "QA"): never a stop word.
    var isAcronym: Bool
    /// Joined to the previous token by "-" or "." with no space ("full-stack", "node.js").
    var joinsPrevious: Bool
    /// Preceded directly by a dot at a word start (".NET").
    var hasLeadingDot: Bool
}

/// Where a word stood and how it was written, without its text.
struct TokenSpan {
    var start: Int
    var end: Int
    var isAcronym: Bool
    var joinsPrevious: Bool
    var hasLeadingDot: Bool
    /// Followed directly by "-" or ".": the next word may join this one into a compound.
    var mayBeJoined = false
}

/// An analyzed term at a position; several terms may share a position ("full", "fullstack").
struct AnalyzedTerm: Equatable {
    var term: String
    var position: Int
    var start: Int
    var end: Int
}
