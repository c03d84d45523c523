import Foundation

/// Every skill Wayfinder recognises: the curated dictionary first, then ESCO's skills. A curated
/// entry linked to an ESCO URI stands for that ESCO skill, so the two never appear as two concepts.
public final class SkillTaxonomy: Sendable {
    public let concepts: [SkillConcept]
    let forms: [SurfaceForm]
    private let byID: [String: Int]
    private let byURI: [String: Int]
    /// Lowercased surface form → concept, for resolving what people type.
    private let byForm: [String: Int]
    /// Lowercased surface forms in `forms` order, for lookups by prefix.
    private let foldedForms: [String]

    /// Identifies this taxonomy's content (the texts it was read from): what was derived from it (an index's
    /// skills) is stale when it changes.
    public let fingerprint: String

    init(concepts: [SkillConcept], forms: [SurfaceForm], fingerprint: String) {
        self.fingerprint = fingerprint
        self.concepts = concepts
        self.forms = forms
        byID = Dictionary(concepts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        byURI = Dictionary(
            concepts.enumerated().compactMap { index, concept in concept.escoURI.map { ($0, index) } },
            uniquingKeysWith: { first, _ in first }
        )
        foldedForms = forms.map { $0.text.lowercased() }
        byForm = Dictionary(zip(foldedForms, forms.map(\.concept)), uniquingKeysWith: { first, _ in first })
    }

    public func concept(id: String) -> SkillConcept? { byID[id].map { concepts[$0] } }

    /// The taxonomy's name of a skill found in a text, which names it as the text spells it ("Organisational
    /// skills"): what the search index and other texts' skills know it by.
    public func name(of skill: ExtractedSkill) -> String {
        concept(id: skill.concept.id)?.name ?? skill.concept.name
    }

    public func concept(escoURI: String) -> SkillConcept? { byURI[escoURI].map { concepts[$0] } }

    func index(of id: String) -> Int? { byID[id] }

    /// The concept a slug, ESCO URI or written form stands for ("k8s", "Kubernetes", "kubernetes").
    public func resolve(_ text: String) -> SkillConcept? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let concept = concept(id: trimmed) ?? concept(escoURI: trimmed) { return concept }
        return byForm[trimmed.lowercased()].map { concepts[$0] }
    }

    /// Concepts whose name or any written form starts with `query` (or has a word that does), best first:
    /// exact names, then name prefixes, then other forms; curated tools before ESCO skills; shorter first.
    public func lookup(_ query: String, limit: Int = 20) -> [SkillConcept] {
        let wanted = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return [] }
        var best: [Int: Int] = [:]
        for (index, form) in foldedForms.enumerated() {
            let rank: Int
            if form == wanted { rank = 0 }
            else if form.hasPrefix(wanted) { rank = 1 }
            else if form.contains(" " + wanted) { rank = 2 }
            else { continue }
            let concept = forms[index].concept
            let isName = concepts[concept].name.lowercased() == form
            let score = rank * 2 + (isName ? 0 : 1)
            if score < best[concept, default: .max] { best[concept] = score }
        }
        return best.sorted { left, right in
            if left.value != right.value { return left.value < right.value }
            let a = concepts[left.key], b = concepts[right.key]
            if a.source != b.source { return a.source == .curated }
            if a.name.count != b.name.count { return a.name.count < b.name.count }
            return a.name < b.name
        }.prefix(limit).map { concepts[$0.key] }
    }
}
