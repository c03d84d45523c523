import Domain
import JobPostings
import Synchronization

/// Finds the skills a text names, with where each was written. One extractor serves postings,
/// resumes and profiles, and it reads the same words search indexes (`WordScanner`).
///
/// A form matches whole words only, so "Excellent" is not Excel and "JavaScript" is not Java; the
/// longest form wins ("Spring Boot" over "Spring"); a word inside a compound ("go-to", "R&D") is not a
/// skill; forms that are also everyday words ("Go", "Excel", "Spring") must be written as the product
/// is and stand among other skills or technical words. In postings, boilerplate (company intro,
/// benefits, pay, equal-opportunity text) is ignored and optional sentences mark skills nice-to-have.
public final class SkillExtractor: Sendable {
    /// What reading needs: the taxonomy, its phrases as a trie, and the posting cues. Building them takes a
    /// moment (half a second on a slow day), so an extractor made with `init(building:)` builds them on
    /// first use: a server answers searches while they build.
    struct Parts: Sendable {
        let taxonomy: SkillTaxonomy
        let scanner: any WordScanner
        let trie: SkillPhraseTrie
        /// Trie endings at or past this index are cues, not skills.
        let cueBase: Int
        /// What each cue phrase can mean (a phrase such as "nice to have" is both a heading and a sentence cue).
        let cues: [[PostingCue]]
    }

    private let built: Mutex<Parts?>
    private let build: @Sendable () -> Parts

    /// The parts, built by the first caller while any others wait.
    var parts: Parts {
        built.withLock { parts in
            if let parts { return parts }
            let made = build()
            parts = made
            return made
        }
    }

    public var taxonomy: SkillTaxonomy { parts.taxonomy }

    /// Bumped whenever the reading rules change, so indexes built by older rules are rebuilt.
    static let readingVersion = 4

    /// Identifies what this extractor finds: its taxonomy and its rules.
    public var fingerprint: String { Self.fingerprint(taxonomy: taxonomy.fingerprint) }

    /// The fingerprint of an extractor over the taxonomy with fingerprint `taxonomy`, without building either.
    public static func fingerprint(taxonomy: String) -> String { "\(taxonomy).\(readingVersion)" }

    /// An extractor over `taxonomy`, built now.
    public init(taxonomy: SkillTaxonomy, scanner: any WordScanner) {
        let parts = Self.parts(taxonomy: taxonomy, scanner: scanner)
        built = Mutex(parts)
        build = { parts }
    }

    /// An extractor whose taxonomy is made, and its parts built, when it is first used.
    public init(building taxonomy: @escaping @Sendable () -> SkillTaxonomy, scanner: any WordScanner) {
        built = Mutex(nil)
        build = { Self.parts(taxonomy: taxonomy(), scanner: scanner) }
    }

    private static func parts(taxonomy: SkillTaxonomy, scanner: any WordScanner) -> Parts {
        var phrases: [String] = []
        var meanings: [String: [PostingCue]] = [:]
        for (phrase, cue) in PostingCue.phrases {
            if meanings[phrase] == nil { phrases.append(phrase) }
            meanings[phrase, default: []].append(cue)
        }
        let cueBase = taxonomy.forms.count
        let cueForms = phrases.enumerated().map { index, phrase in
            SurfaceForm(concept: -1 - index, text: phrase, isCased: false, isAmbiguous: false)
        }
        let trie = SkillPhraseTrie(forms: taxonomy.forms + cueForms, scanner: scanner) { form in
            // ESCO's one-word labels are mostly everyday words ("manage", "English"); tools the
            // curated list covers, so ESCO contributes phrases only.
            if form.concept < 0 || taxonomy.concepts[form.concept].source == .curated { return true }
            return form.text.utf8.contains(UInt8(ascii: " "))
        } isBusinessFunction: { form in
            form.concept >= 0 && taxonomy.concepts[form.concept].category == "professional"
        }
        return Parts(taxonomy: taxonomy, scanner: scanner, trie: trie, cueBase: cueBase, cues: phrases.map { meanings[$0]! })
    }

    /// Every skill in `text`, in order of first mention, one entry per concept. With `includingUnlisted`, a
    /// posting's product names that the taxonomy does not list come too, as concepts of their own (source
    /// `unlisted`, no ESCO link): what a reader of the posting sees asked for, though the index cannot facet it.
    public func extract(from text: String, kind: SkillTextKind = .posting, includingUnlisted: Bool = false) -> [ExtractedSkill] {
        let bytes = Array(text.utf8)
        let parts = self.parts
        let taxonomy = parts.taxonomy
        let (matches, unlisted) = SkillReading(parts: parts, text: text, bytes: bytes, kind: kind).read(findingUnlisted: includingUnlisted)
        var offsets = ScalarOffsets(bytes: bytes)
        var order: [Int] = []
        var entries: [Int: ExtractedSkill] = [:]
        var firstStart: [Int: Int] = [:]
        for match in matches {
            let mention = SkillMention(
                text: String(decoding: bytes[match.start..<match.end], as: UTF8.self),
                start: offsets.scalarOffset(ofByte: match.start), end: offsets.scalarOffset(ofByte: match.end)
            )
            let requirement: ExtractedSkill.Requirement? = kind == .resume ? nil : (match.isRequired ? .required : .niceToHave)
            if var entry = entries[match.concept] {
                entry.mentions.append(mention)
                if requirement == .required { entry.requirement = .required }
                entries[match.concept] = entry
            } else {
                order.append(match.concept)
                firstStart[match.concept] = match.start
                entries[match.concept] = ExtractedSkill(
                    concept: taxonomy.concepts[match.concept], requirement: requirement, mentions: [mention]
                )
            }
        }
        let known = order.map { (start: firstStart[$0]!, skill: entries[$0]!.namedAsWritten()) }
        guard !unlisted.isEmpty else { return known.map(\.skill) }
        var products: [String: (start: Int, skill: ExtractedSkill)] = [:]
        var productOrder: [String] = []
        for product in unlisted {
            let mention = SkillMention(text: product.name, start: offsets.scalarOffset(ofByte: product.start),
                                       end: offsets.scalarOffset(ofByte: product.end))
            if products[product.name] == nil {
                productOrder.append(product.name)
                let concept = SkillConcept(id: "unlisted:" + product.name.lowercased(), name: product.name, category: product.category,
                                           escoURI: nil, source: .unlisted)
                products[product.name] = (product.start, ExtractedSkill(concept: concept, requirement: product.isRequired ? .required : .niceToHave,
                                                                        mentions: [mention]))
            } else {
                products[product.name]!.skill.mentions.append(mention)
            }
        }
        let all = known + productOrder.map { products[$0]! }
        return all.sorted { $0.start < $1.start }.map(\.skill)
    }

    /// The concepts a posting asks for and whether each is required, without building mentions:
    /// what the search index keeps for every posting.
    public func conceptsAsked(in text: String) -> [(concept: Int, required: Bool)] {
        Self.conceptsAsked(in: text, parts: parts)
    }

    private static func conceptsAsked(in text: String, parts: Parts) -> [(concept: Int, required: Bool)] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
        let matches = SkillReading(parts: parts, text: text, bytes: bytes, kind: .posting).matches()
        var seen: [Int: Int] = [:]
        var result: [(concept: Int, required: Bool)] = []
        for match in matches {
            if let index = seen[match.concept] {
                if match.isRequired { result[index].required = true }
            } else {
                seen[match.concept] = result.count
                result.append((match.concept, match.isRequired))
            }
        }
        return result
    }
}

/// Turns UTF-8 byte offsets into Unicode scalar offsets, walking forward only (mentions come in order).
struct ScalarOffsets {
    let bytes: [UInt8]
    private var byte = 0
    private var scalar = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func scalarOffset(ofByte target: Int) -> Int {
        if target < byte { byte = 0; scalar = 0 }
        while byte < target {
            if bytes[byte] & 0xC0 != 0x80 { scalar += 1 }
            byte += 1
        }
        return scalar
    }
}

extension SkillExtractor: PostingSkillTagger {
    public var taggerFingerprint: String? { fingerprint }

    /// The title and the description are read as one posting text, the title first.
    public func skills(of posting: JobPosting) -> [PostingSkill] {
        let parts = self.parts
        return Self.conceptsAsked(in: posting.title + "\n\n" + posting.description, parts: parts).map {
            PostingSkill(name: parts.taxonomy.concepts[$0.concept].name, isRequired: $0.required)
        }
    }
}
