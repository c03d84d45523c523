/// English function words that carry no meaning for ranking.
///
/// Deliberately absent: words that are also job-title vocabulary ("it" written as "IT" is handled by the
/// tokenizer, which keeps all-caps words), single letters other than "a" ("C", "R"), and "go".
enum StopWords {
    static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
        "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
        "will", "with", "we", "you", "our", "your",
    ]

    /// No stop word is longer, so longer words skip the lookup.
    static let longest = english.map(\.utf8.count).max() ?? 0
}
