import CareerAgent
import Foundation
import JobPostings
import Platform

/// The process's shared skill extractor as the tagger of postings as they are written and indexed:
/// opening a saved index does not wait for the taxonomy, which takes a second or more to build.
struct SharedSkillTagger: PostingSkillTagger {
    /// Identifies what this tagger finds, read from the taxonomy's files without building it.
    static var fingerprint: String { SkillExtractor.fingerprint(taxonomy: SkillTaxonomy.shippedFingerprint) }

    /// Starts building the extractor on a thread of its own (once per process), so that whoever needs it
    /// first waits less: it builds while the services are wired and the server starts answering.
    static func startLoading() { _ = loading }

    /// At the process's own priority: every write of postings reads skills, so a writer waits for this build,
    /// and a lower priority made it wait the longer the busier the machine (a worker's sync under load took
    /// 52 s instead of 12 s). The build frees as much as it keeps; that goes back to the system.
    private static let loading: Void = Thread.detachNewThread {
        _ = CareerAgentFeature.sharedExtractor.taxonomy
        FreedMemory.returnToSystem()
    }

    var taggerFingerprint: String? { Self.fingerprint }

    func whenReady() async {
        await withCheckedContinuation { (ready: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                _ = CareerAgentFeature.sharedExtractor.taxonomy
                ready.resume()
            }
        }
    }

    func skills(of posting: JobPosting) -> [PostingSkill] {
        CareerAgentFeature.sharedExtractor.skills(of: posting)
    }
}
