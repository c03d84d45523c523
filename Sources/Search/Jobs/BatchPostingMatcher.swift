import Foundation
import JobPostings

/// Scores a batch of postings against many seekers by building a small in-memory index of the batch
/// with the same analyzer and skill tagger as the search index: a pair scores here exactly what it
/// scores in a search ordered by match. Like `JobSearchService.matchRanking`, only postings asking
/// for one of the seeker's skills are scored.
public struct BatchPostingMatcher: PostingBatchMatcher {
    private let skillTagger: (any PostingSkillTagger)?

    public init(skillTagger: (any PostingSkillTagger)?) {
        self.skillTagger = skillTagger
    }

    public func scores(of postings: [StoredJobPosting], for profiles: [MatchProfile], now: Date) -> [[Int?]] {
        let index = InvertedJobSearchIndex(skillTagger: skillTagger)
        index.apply(postings.enumerated().map { JobPostingChange(sequence: Int64($0.offset + 1), stored: $0.element) })
        let snapshot = index.snapshot
        let addresses = postings.map { stored -> DocumentAddress? in
            if let expiry = stored.posting.expiresAt, expiry <= now { return nil }
            return snapshot.address(of: stored.rowID)
        }
        return profiles.map { profile in
            let context = MatchContext(profile: profile, analyzer: index.analyzer)
            var scorers: [Int: SegmentMatchScorer] = [:]
            return addresses.map { address in
                guard let address else { return nil }
                if scorers[address.segment] == nil {
                    scorers[address.segment] = SegmentMatchScorer(segment: snapshot.segments[address.segment], context: context)
                }
                let scorer = scorers[address.segment]!
                return scorer.sharesSkill(address.document) ? scorer.score(address.document) : nil
            }
        }
    }
}
