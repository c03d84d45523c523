/// A skill found in a text, with every place it was written.
public struct ExtractedSkill: Sendable, Equatable, Codable {
    public enum Requirement: String, Sendable, Codable { case required, niceToHave = "nice_to_have" }

    public var concept: SkillConcept
    /// `required` unless every mention sits in an optional sentence or section; nil for resumes.
    public var requirement: Requirement?
    public var mentions: [SkillMention]
}

/// Where a skill was written: the text as written and its character (Unicode scalar) offsets.
public struct SkillMention: Sendable, Equatable, Codable {
    public var text: String
    public var start: Int
    public var end: Int
}

/// What kind of text is read: postings have boilerplate and optional skills, resumes do not.
public enum SkillTextKind: Sendable { case posting, resume }
