import Domain

/// Chooses one session's questions. Per level, only questions this candidate has never seen and
/// that stay under the exposure cap are eligible; the least shown go first (rotation), ties broken
/// by the session's own seed; the session's order is shuffled by the same seed.
public struct QuestionDraw: Sendable {
    public var policy: InterviewPolicy

    public init(policy: InterviewPolicy) {
        self.policy = policy
    }

    /// - Parameters:
    ///   - bank: the skill's questions.
    ///   - exposures: sessions each question has appeared in so far.
    ///   - takers: sessions started for the skill before this one.
    ///   - seen: questions this candidate was shown in earlier sessions.
    public func draw(from bank: [AssessmentQuestion], exposures: [String: Int], takers: Int, seen: Set<String>, seed: UInt64)
        -> [AssessmentQuestion]
    {
        let cap = policy.exposureCap(takers: takers + 1)
        var random = SplitMix64(seed: seed)
        var chosen: [AssessmentQuestion] = []
        for level in AssessmentQuestion.levels {
            let wanted = policy.questionsPerLevel[level] ?? 0
            var eligible = bank.filter { $0.level == level && !seen.contains($0.id) && exposures[$0.id, default: 0] < cap }
                .sorted { $0.id < $1.id }
            eligible.shuffle(using: &random)
            // A stable sort keeps the shuffled order among equally shown questions.
            eligible = eligible.enumerated().sorted { left, right in
                let a = exposures[left.element.id, default: 0], b = exposures[right.element.id, default: 0]
                return a != b ? a < b : left.offset < right.offset
            }.map(\.element)
            chosen += eligible.prefix(wanted)
        }
        chosen.shuffle(using: &random)
        return chosen
    }
}
