import Foundation

/// Decides which postings of one source's listing are jobs already listed by another source.
///
/// The posting stored first stays the one search shows; a later one from another source becomes a
/// `duplicate` linked to it, so search shows the job once and its detail names every source.
struct DuplicateFinder {
    let links: any JobPostingLinkRepository

    /// Marks duplicates in `postings` (the listing of source `sourceID`) and returns the
    /// keys and links. A source's own postings are never duplicates of each other: two openings of one
    /// role on one board are two postings.
    func mark(_ postings: inout [JobPosting], of sourceID: Int64) async throws -> (keys: [ListingKeys], links: [DuplicateLink]) {
        let keys = postings.map(ListingKeys.init)
        let ownIDs = Set(postings.map(\.jobID))
        let others = try await links.openPostings(matching: keys, notListedBy: sourceID).filter { !ownIDs.contains($0.jobID) }
        guard !others.isEmpty else { return (keys, []) }
        let byURL = Dictionary(grouping: others.filter { $0.applyURLKey != nil }, by: { $0.applyURLKey! })
        let byListing = Dictionary(grouping: others, by: \.listingKey)
        var found: [DuplicateLink] = []
        for index in postings.indices where postings[index].status == .open || postings[index].status == .duplicate {
            let key = keys[index]
            // Ties go to the smallest job id, so every sync picks the same canonical posting.
            if let url = key.applyURLKey, let match = byURL[url]?.min(by: { $0.jobID < $1.jobID }) {
                found.append(DuplicateLink(jobID: key.jobID, canonicalJobID: match.jobID, reason: "apply_url"))
            } else if let match = byListing[key.listingKey]?
                .filter({ abs($0.postedDate.timeIntervalSince(key.postedDate)) <= ListingKeys.window })
                .min(by: { $0.jobID < $1.jobID }) {
                found.append(DuplicateLink(jobID: key.jobID, canonicalJobID: match.jobID, reason: "listing"))
            } else {
                continue
            }
            postings[index].status = .duplicate
        }
        return (keys, found)
    }
}
