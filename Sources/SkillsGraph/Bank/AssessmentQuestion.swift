import Domain

/// One question of a skill's bank. Objective kinds carry their key (`correct` choice indexes or
/// `accepted` answers); open answers carry a published rubric instead.
public struct AssessmentQuestion: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case multipleChoice = "multiple_choice"
        case multipleAnswer = "multiple_answer"
        case shortAnswer = "short_answer"
        case openAnswer = "open_answer"
        case codeOutput = "code_output"

        /// Open answers are judged against a rubric; every other kind has one right answer (or set).
        public var isObjective: Bool { self != .openAnswer }

        /// Time a question of this kind gets when the bank does not say.
        public var defaultSeconds: Int {
            switch self {
            case .multipleChoice, .shortAnswer: 60
            case .multipleAnswer, .codeOutput: 90
            case .openAnswer: 240
            }
        }
    }

    public var id: String
    /// The taxonomy concept's id ("python", "kubernetes").
    public var skillID: String
    /// 1 foundation, 2 working, 3 advanced.
    public var level: Int
    public var kind: Kind
    public var prompt: String
    public var code: String?
    public var choices: [String]
    /// Zero-based indexes of the right choices.
    public var correct: [Int]
    /// Every acceptable written answer (short answers, code output).
    public var accepted: [String]
    public var rubric: [RubricPoint]
    public var sampleAnswer: String?
    public var explanation: String?
    public var seconds: Int?

    public init(id: String, skillID: String, level: Int, kind: Kind, prompt: String, code: String? = nil, choices: [String] = [],
                correct: [Int] = [], accepted: [String] = [], rubric: [RubricPoint] = [], sampleAnswer: String? = nil,
                explanation: String? = nil, seconds: Int? = nil) {
        self.id = id
        self.skillID = skillID
        self.level = level
        self.kind = kind
        self.prompt = prompt
        self.code = code
        self.choices = choices
        self.correct = correct
        self.accepted = accepted
        self.rubric = rubric
        self.sampleAnswer = sampleAnswer
        self.explanation = explanation
        self.seconds = seconds
    }

    /// The time this question adds to a session.
    public var allowedSeconds: Int { seconds ?? kind.defaultSeconds }

    public static let levels = 1...3
    public static let levelNames = [1: "foundation", 2: "working", 3: "advanced"]

    private enum CodingKeys: String, CodingKey {
        case id, skillID = "skill_id", level, kind, prompt, code, choices, correct, accepted, rubric
        case sampleAnswer = "sample_answer", explanation, seconds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        skillID = try container.decode(String.self, forKey: .skillID)
        level = try container.decode(Int.self, forKey: .level)
        kind = try container.decode(Kind.self, forKey: .kind)
        prompt = try container.decode(String.self, forKey: .prompt)
        code = try container.decodeIfPresent(String.self, forKey: .code)
        choices = try container.decodeIfPresent([String].self, forKey: .choices) ?? []
        correct = try container.decodeIfPresent([Int].self, forKey: .correct) ?? []
        accepted = try container.decodeIfPresent([String].self, forKey: .accepted) ?? []
        rubric = try container.decodeIfPresent([RubricPoint].self, forKey: .rubric) ?? []
        sampleAnswer = try container.decodeIfPresent(String.self, forKey: .sampleAnswer)
        explanation = try container.decodeIfPresent(String.self, forKey: .explanation)
        seconds = try container.decodeIfPresent(Int.self, forKey: .seconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(skillID, forKey: .skillID)
        try container.encode(level, forKey: .level)
        try container.encode(kind, forKey: .kind)
        try container.encode(prompt, forKey: .prompt)
        try container.encodeIfPresent(code, forKey: .code)
        if !choices.isEmpty { try container.encode(choices, forKey: .choices) }
        if !correct.isEmpty { try container.encode(correct, forKey: .correct) }
        if !accepted.isEmpty { try container.encode(accepted, forKey: .accepted) }
        if !rubric.isEmpty { try container.encode(rubric, forKey: .rubric) }
        try container.encodeIfPresent(sampleAnswer, forKey: .sampleAnswer)
        try container.encodeIfPresent(explanation, forKey: .explanation)
        try container.encodeIfPresent(seconds, forKey: .seconds)
    }
}

/// One point an open answer should make, with the words that show it was made.
public struct RubricPoint: Sendable, Equatable, Codable {
    public var id: String
    public var description: String
    /// 1–3: how much of the question this point is worth.
    public var weight: Int
    /// Short phrases; one counts as made when all its words stand near each other in the answer.
    public var cues: [String]

    public init(id: String, description: String, weight: Int, cues: [String]) {
        self.id = id
        self.description = description
        self.weight = weight
        self.cues = cues
    }
}
