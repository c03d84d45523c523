/// A session's result: the overall score and the level it verifies. A level passes when its
/// questions average at least the pass mark; the verified level is the highest level that passes
/// with every level below it passing too (advanced answers do not make up for missing basics).
public struct SkillGrade: Sendable, Equatable {
    /// 0–100 over every question of the session.
    public var score: Int
    /// 0 when not even the foundation level passes.
    public var level: Int
    /// Per level: the average score (0–1).
    public var levelScores: [Int: Double]

    public init(questions: [AssessmentQuestion], answers: [String: SessionAnswer], passMark: Double) {
        var sums: [Int: (total: Double, count: Int)] = [:]
        for question in questions {
            let value = answers[question.id]?.effectiveScore ?? 0
            sums[question.level, default: (0, 0)].total += value
            sums[question.level, default: (0, 0)].count += 1
        }
        levelScores = sums.mapValues { $0.total / Double(max(1, $0.count)) }
        let all = sums.values.reduce((0.0, 0)) { ($0.0 + $1.total, $0.1 + $1.count) }
        score = all.1 == 0 ? 0 : Int((100 * all.0 / Double(all.1)).rounded())
        var reached = 0
        for level in AssessmentQuestion.levels {
            guard let average = levelScores[level], average + 1e-9 >= passMark else { break }
            reached = level
        }
        level = reached
    }
}
