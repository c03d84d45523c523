/// A resume's score against a documented rubric, with the words each part of it came from.
public struct ResumeAnalysis: Sendable, Equatable {
    public var atsScore: Int
    public var components: [ScoreComponent]
    public var strengths: [Finding]
    public var weaknesses: [Finding]
    public var suggestions: [Finding]
    /// The skills the job or role asks for that the analysis compared against (empty without a target).
    public var targetSkills: [String]
    /// Whether a language model reworded the suggestions (their meaning and quotes are the rubric's).
    public var suggestionsReworded = false
}

/// One part of a score: its own score 0–100, its weight in the total, and why.
public struct ScoreComponent: Sendable, Equatable {
    public var name: String
    public var score: Int
    public var weight: Int
    public var evidence: [String]

    public init(name: String, score: Int, weight: Int, evidence: [String]) {
        self.name = name
        self.score = max(0, min(100, score))
        self.weight = weight
        self.evidence = evidence
    }
}

/// A strength, weakness or suggestion, and the span of the resume it speaks of.
public struct Finding: Sendable, Equatable {
    public var text: String
    /// The resume's words it is about (nil when it is about something the resume lacks altogether).
    public var quote: Quote?

    public struct Quote: Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
    }
}
