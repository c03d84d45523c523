import Crypto
import Foundation

extension SkillTaxonomy {
    /// The taxonomy shipped in the module's resources (see Resources/skills/README.md).
    public static let shipped = SkillTaxonomy(curated: shippedResource("curated"), esco: shippedResource("esco-skills"))

    /// The shipped taxonomy's fingerprint, read from its files without building it (building takes
    /// a second or more; a server checks its saved index against this before anything needs skills).
    public static let shippedFingerprint = fingerprint(curated: shippedResource("curated"), esco: shippedResource("esco-skills"))

    private static func shippedResource(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources/skills"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("the skill taxonomy resource \(name).tsv is missing from the build") }
        return text
    }

    /// Identifies a taxonomy by the texts it is read from.
    static func fingerprint(curated: String, esco: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(curated.utf8))
        hasher.update(data: Data([0]))
        hasher.update(data: Data(esco.utf8))
        return hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Builds the taxonomy from the two tab-separated files: `curated` lines are
    /// `id, name, category, esco_uri, forms (|), flags (,)`; `esco` lines are `uri, label, alt labels (|), type`.
    public convenience init(curated: String, esco: String) {
        var concepts: [SkillConcept] = []
        var forms: [SurfaceForm] = []
        var linkedURIs = Set<String>()
        for fields in Self.rows(curated) where !fields[0].hasPrefix("#") {
            guard fields.count >= 5, !fields[0].isEmpty else { continue }
            let uri = fields[3].isEmpty ? nil : fields[3]
            if let uri { linkedURIs.insert(uri) }
            let flags = Set((fields.count > 5 ? fields[5] : "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let index = concepts.count
            concepts.append(SkillConcept(id: fields[0], name: fields[1], category: fields[2], escoURI: uri, source: .curated))
            var written = Set<String>()
            for form in [fields[1]] + Self.split(fields[4], at: UInt8(ascii: "|")) where written.insert(form).inserted {
                let text = form.trimmingCharacters(in: .whitespaces)
                // A concept is cased for its acronym or product name ("IaC", "SRE"); a phrase of small letters
                // ("infrastructure as code", "Root cause analysis") means the same however a heading capitalises it.
                let isPhraseOfSmallLetters = text.dropFirst() == text.dropFirst().lowercased()
                    && text.contains(where: { $0 == " " || $0 == "-" })
                forms.append(SurfaceForm(concept: index, text: text, isCased: flags.contains("cased") && !isPhraseOfSmallLetters,
                                         isAmbiguous: flags.contains("ambiguous")))
            }
        }
        for fields in Self.rows(esco) {
            guard fields.count >= 2, !linkedURIs.contains(fields[0]) else { continue }
            let index = concepts.count
            let id = "esco:" + (fields[0].split(separator: "/").last.map(String.init) ?? fields[0])
            concepts.append(SkillConcept(id: id, name: fields[1], category: fields.count > 3 && !fields[3].isEmpty ? fields[3] : "skill",
                                         escoURI: fields[0], source: .esco))
            let alternatives = fields.count > 2 ? Self.split(fields[2], at: UInt8(ascii: "|")) : []
            for form in [fields[1]] + alternatives where !form.isEmpty {
                forms.append(SurfaceForm(concept: index, text: form, isCased: false, isAmbiguous: false))
            }
        }
        self.init(concepts: concepts, forms: forms, fingerprint: Self.fingerprint(curated: curated, esco: esco))
    }

    /// The tab-separated fields of each non-empty line. Split on UTF-8 bytes: splitting the 5 MB of
    /// text by Characters took most of a server's start-up.
    private static func rows(_ text: String) -> [[String]] {
        text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            return trimmed.isEmpty ? nil : split(trimmed, at: UInt8(ascii: "\t"), keepingEmpty: true)
        }
    }

    private static func split(_ text: String, at separator: UInt8) -> [String] {
        split(text.utf8[...], at: separator, keepingEmpty: false)
    }

    private static func split(_ bytes: Substring.UTF8View.SubSequence, at separator: UInt8, keepingEmpty: Bool) -> [String] {
        bytes.split(separator: separator, omittingEmptySubsequences: !keepingEmpty).map { String(decoding: $0, as: UTF8.self) }
    }
}
