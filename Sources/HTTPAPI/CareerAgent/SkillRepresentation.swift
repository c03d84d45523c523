import CareerAgent
import Domain

/// A skill found in a text, as every route writes it: `{id, name, category, esco_uri, requirement, mentions}`,
/// with `esco_uri` and `requirement` null when absent.
enum SkillRepresentation {
    static func extracted(_ skill: ExtractedSkill) -> JSONValue {
        .object([
            "id": .string(skill.concept.id), "name": .string(skill.concept.name), "category": .string(skill.concept.category),
            "esco_uri": skill.concept.escoURI.map(JSONValue.string) ?? .null,
            "requirement": skill.requirement.map { .string($0.rawValue) } ?? .null,
            "mentions": .array(skill.mentions.map { .object(["text": .string($0.text), "start": .number(Double($0.start)),
                                                             "end": .number(Double($0.end))]) }),
        ])
    }
}
