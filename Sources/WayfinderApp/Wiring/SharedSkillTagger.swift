import CareerAgent
import Foundation
import JobPostings
#if canImport(Glibc)
import Glibc
#endif

/// The process's shared skill extractor as the index's tagger, reached only when postings are indexed:
/// opening a saved index does not wait for the taxonomy, which takes a second or more to build.
struct SharedSkillTagger: PostingSkillTagger {
    /// Identifies what this tagger finds, read from the taxonomy's files without building it.
    static var fingerprint: String { SkillExtractor.fingerprint(taxonomy: SkillTaxonomy.shippedFingerprint) }

    /// Starts building the extractor on a thread of its own (once per process), so that whoever needs it
    /// first waits less: it builds while the services are wired and the server starts answering.
    static func startLoading() { _ = loading }

    private static let loading: Void = Thread.detachNewThread {
        #if canImport(Glibc)
        // Nice 10 for this thread alone (Linux keeps a nice value per thread): searches that arrive while it
        // builds get the cores first. Whoever waits for the extractor waits a little longer on a busy machine.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
        _ = CareerAgentFeature.sharedExtractor.taxonomy
    }

    var taggerFingerprint: String? { Self.fingerprint }

    func skills(of posting: JobPosting) -> [PostingSkill] {
        CareerAgentFeature.sharedExtractor.skills(of: posting)
    }
}
