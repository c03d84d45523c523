/// Documents of one segment in ascending order, each with a score.
struct ScoredDocuments: Sendable {
    var documents: [UInt32] = []
    var scores: [Double] = []

    var count: Int { documents.count }

    mutating func append(_ document: UInt32, _ score: Double) {
        documents.append(document)
        scores.append(score)
    }

    /// Documents in either list; a document in both gets `combine` of its two scores.
    func union(_ other: ScoredDocuments, combine: (Double, Double) -> Double) -> ScoredDocuments {
        var result = ScoredDocuments()
        result.documents.reserveCapacity(count + other.count)
        result.scores.reserveCapacity(count + other.count)
        var left = 0, right = 0
        while left < count || right < other.count {
            if right == other.count || (left < count && documents[left] < other.documents[right]) {
                result.append(documents[left], scores[left]); left += 1
            } else if left == count || other.documents[right] < documents[left] {
                result.append(other.documents[right], other.scores[right]); right += 1
            } else {
                result.append(documents[left], combine(scores[left], other.scores[right])); left += 1; right += 1
            }
        }
        return result
    }

    /// Documents in both lists, scores added.
    func intersection(_ other: ScoredDocuments) -> ScoredDocuments {
        var result = ScoredDocuments()
        var left = 0, right = 0
        while left < count, right < other.count {
            let a = documents[left], b = other.documents[right]
            if a < b { left += 1 } else if b < a { right += 1 } else {
                result.append(a, scores[left] + other.scores[right]); left += 1; right += 1
            }
        }
        return result
    }
}
