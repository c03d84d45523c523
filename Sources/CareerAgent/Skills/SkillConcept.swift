/// One skill as the taxonomy knows it: a curated tool, language or certification, or an ESCO skill.
public struct SkillConcept: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Codable {
        case curated, esco
        /// A product name the taxonomy does not list, known by its shape ("EnterpriseRx", "HydroCAD").
        case unlisted
    }

    /// Stable identifier: the curated slug ("kubernetes"), or "esco:" and the ESCO UUID.
    public var id: String
    public var name: String
    /// `language`, `framework`, `database`, `cloud`, `devops`, `tool`, `certification`, `equipment`,
    /// `professional`…; ESCO skills are `knowledge` or `skill`.
    public var category: String
    public var escoURI: String?
    public var source: Source

    public init(id: String, name: String, category: String, escoURI: String?, source: Source) {
        self.id = id
        self.name = name
        self.category = category
        self.escoURI = escoURI
        self.source = source
    }
}

/// One way a concept is written in text, with how strictly it must match.
struct SurfaceForm: Sendable {
    var concept: Int
    var text: String
    /// Must match with exactly the capitalisation written ("Go", "R"): lowercase "go" is a verb.
    var isCased: Bool
    /// Also an everyday word ("Excel", "Spring"): found only where technical context surrounds it.
    var isAmbiguous: Bool
}
