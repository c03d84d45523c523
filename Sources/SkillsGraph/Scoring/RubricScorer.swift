/// Marks an open answer against its question's rubric: which points the answer makes, shown by the
/// words that make them, a score (the covered share of the rubric's weight) and how sure the marking
/// is. It never guesses: what the cues cannot settle lowers the confidence and sends the answer to
/// a person.
public struct RubricScorer: Sendable {
    /// Words of one cue must stand within this many words of each other.
    public var window = 8
    /// Answers marked with less confidence than this go to the review queue.
    public static let reviewBelow = 0.7

    public init() {}

    public func score(_ answer: String, rubric: [RubricPoint]) -> RubricMarking {
        let words = RubricWords.words(in: answer)
        let scalars = Array(answer.unicodeScalars)
        let totalWeight = max(1, rubric.reduce(0) { $0 + $1.weight })
        var points: [RubricMarking.Point] = []
        var doubt = 0.0
        for point in rubric {
            var best: (cue: String, matched: [RubricWords.Word], complete: Bool)?
            for cue in point.cues {
                let cueWords = Self.significant(RubricWords.words(in: cue).map(\.word))
                guard !cueWords.isEmpty else { continue }
                let found = closestOccurrence(of: cueWords, in: words)
                let complete = found.count == cueWords.count
                if complete { best = (cue, found, true); break }
                if found.count * 2 >= cueWords.count, cueWords.count > 1, (best?.matched.count ?? 0) < found.count {
                    best = (cue, found, false)
                }
            }
            let covered = best?.complete ?? false
            let spans = (best?.matched ?? []).sorted { $0.start < $1.start }.map { word in
                EvidenceSpan(text: String(String.UnicodeScalarView(scalars[word.start..<word.end])), start: word.start, end: word.end)
            }
            if !covered, best != nil { doubt += 0.6 * Double(point.weight) / Double(totalWeight) }
            points.append(.init(id: point.id, description: point.description, weight: point.weight, covered: covered,
                                partial: !covered && best != nil, cue: best?.cue, spans: spans))
        }
        let coveredWeight = points.filter(\.covered).reduce(0) { $0 + $1.weight }
        let score = Double(coveredWeight) / Double(totalWeight)
        var reasons: [String] = []
        if doubt > 0 { reasons.append("part of a rubric point is there, not all of it") }
        // A long answer that makes few points may say them in words the cues do not list.
        if words.count >= 40, score < 0.5 { doubt += 0.35; reasons.append("a long answer the cues find little in") }
        if words.isEmpty { reasons.append("no answer") }
        let confidence = max(0, min(1, 1 - doubt))
        return RubricMarking(score: score, confidence: (confidence * 100).rounded() / 100, points: points, doubts: reasons)
    }

    /// The cue's words found closest together: for each place the rarest cue word occurs, the nearest
    /// occurrence of every other cue word within the window.
    private func closestOccurrence(of cue: [String], in words: [RubricWords.Word]) -> [RubricWords.Word] {
        var best: [RubricWords.Word] = []
        for (anchorIndex, anchor) in words.enumerated() where cue.contains(anchor.word) {
            var found = [anchor]
            var seen: Set<String> = [anchor.word]
            let low = max(0, anchorIndex - window), high = min(words.count - 1, anchorIndex + window)
            for wanted in cue where !seen.contains(wanted) {
                let candidates = (low...high).filter { words[$0].word == wanted }
                if let nearest = candidates.min(by: { abs($0 - anchorIndex) < abs($1 - anchorIndex) }) {
                    found.append(words[nearest])
                    seen.insert(wanted)
                }
            }
            if found.count > best.count { best = found }
            if best.count == cue.count { break }
        }
        return best
    }

    /// A cue's words without the little words that carry nothing ("a", "the", "to").
    static func significant(_ words: [String]) -> [String] {
        let filtered = words.filter { !stopWords.contains($0) }
        return filtered.isEmpty ? words : filtered
    }

    static let stopWords: Set<String> = ["a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "is", "it", "by", "with", "at", "be"]
}

/// The rubric's verdict on one answer.
public struct RubricMarking: Sendable, Equatable, Codable {
    public struct Point: Sendable, Equatable, Codable {
        public var id: String
        public var description: String
        public var weight: Int
        public var covered: Bool
        /// Some, not all, words of a cue were there: a person should look.
        public var partial: Bool
        /// The cue that was met (or nearly met).
        public var cue: String?
        public var spans: [EvidenceSpan]
    }

    /// 0–1: the covered share of the rubric's weight.
    public var score: Double
    /// 0–1: how sure the marking is; below `RubricScorer.reviewBelow` a person decides.
    public var confidence: Double
    public var points: [Point]
    /// Why the confidence is what it is.
    public var doubts: [String]
}

/// Words of an answer that show a point, with their Unicode-scalar offsets.
public struct EvidenceSpan: Sendable, Equatable, Codable {
    public var text: String
    public var start: Int
    public var end: Int
}
