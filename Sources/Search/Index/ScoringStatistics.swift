import Foundation

/// The collection figures BM25 needs. A cursor carries the ones its first page used, so later pages
/// score every document exactly as the first did even if postings arrive in between: no document is
/// seen twice or skipped because its score moved across the page boundary.
struct ScoringStatistics: Sendable, Codable, Equatable {
    var documentCount: Int
    var averageLengths: [Double]
    /// Term → documents containing it, per field in `SearchField` order.
    var documentFrequencies: [String: [Int]]

    static let k1 = 1.2
    static let b = 0.75
    /// Prefix matches score a constant per field, like most engines' prefix queries: the expanded
    /// words are guesses at what the user is typing, not evidence of relevance.
    static let prefixScore = 1.0

    func inverseDocumentFrequency(_ term: String, field: SearchField) -> Double {
        let frequency = Double(documentFrequencies[term]?[field.rawValue] ?? 0)
        let count = Double(documentCount)
        return log(1 + (count - frequency + 0.5) / (frequency + 0.5))
    }

}

/// Field-weighted BM25 for one term in one field, its constants worked out once: scoring a document is then a
/// multiplication, an addition and a division.
struct TermScorer: Sendable {
    private let scale: Double
    private let base: Double
    private let perWord: Double

    init(idf: Double, field: SearchField, statistics: ScoringStatistics) {
        let k1 = ScoringStatistics.k1, b = ScoringStatistics.b
        scale = field.weight * idf * (k1 + 1)
        base = k1 * (1 - b)
        perWord = k1 * b / statistics.averageLengths[field.rawValue]
    }

    @inline(__always)
    func score(frequency: UInt16, length: UInt16) -> Double {
        let tf = Double(frequency)
        return scale * tf / (tf + base + perWord * Double(length))
    }
}
