import CareerAgent
import Foundation
import JobPostings

/// The process's shared skill extractor as the index's tagger, reached only when postings are indexed:
/// opening a saved index does not wait for the taxonomy, which takes a second or more to build.
struct SharedSkillTagger: PostingSkillTagger {
    /// Identifies what this tagger finds, read from the taxonomy's files without building it.
    static var fingerprint: String { SkillExtractor.fingerprint(taxonomy: SkillTaxonomy.shippedFingerprint) }

    /// Starts building the extractor on a thread of its own (once per process), so that whoever needs it
    /// first waits less: it builds while the services are wired and the server starts answering.
    static func startLoading() { _ = loading }

    private static let loading: Void = Thread.detachNewThread { _ = CareerAgentFeature.sharedExtractor.taxonomy }

    func skills(of posting: JobPosting) -> [PostingSkill] {
        CareerAgentFeature.sharedExtractor.skills(of: posting)
    }
}
