import Domain
import JobPostings
import Testing
@testable import Search

/// Random inserts, updates (in any row order) and closings, merged as they go: the index must always
/// hold exactly the latest open version of every row.
@Suite("Index updates")
struct IndexUpdateTests {
    @Test("the index holds the latest open version of every row", arguments: [31, 32] as [UInt64])
    func latestVersions(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let index = InvertedJobSearchIndex(maximumSegments: 3)
        var versions: [Int64: (version: Int, open: Bool)] = [:]
        var sequence: Int64 = 0
        for _ in 0..<25 {
            var batch: [JobPostingChange] = []
            for _ in 0..<Int(1 + random.next() % 30) {
                // Mostly new rows, some changes to any earlier row, in no particular order.
                let rowID = versions.isEmpty || random.next() % 3 == 0
                    ? Int64(versions.count + 1) : Int64(1 + random.next() % UInt64(versions.count))
                let version = (versions[rowID]?.version ?? 0) + 1
                let open = random.next() % 5 != 0
                versions[rowID] = (version, open)
                sequence += 1
                let posting = TestCorpus.posting("row\(rowID)", title: "role r\(rowID) v\(version)",
                                                 status: open ? .open : .closed)
                batch.append(JobPostingChange(sequence: sequence, stored: StoredJobPosting(rowID: rowID, posting: posting)))
            }
            index.apply(batch)
            #expect(index.documentCount == versions.values.filter(\.open).count)
            for (rowID, state) in versions {
                let found = try index.search(JobSearchQuery(text: "r\(rowID)"), now: TestCorpus.now).rowIDs
                #expect(found == (state.open ? [rowID] : []), "row \(rowID)")
                let current = try index.search(JobSearchQuery(text: "r\(rowID) v\(state.version)"), now: TestCorpus.now)
                #expect(current.total == (state.open ? 1 : 0), "row \(rowID) version \(state.version)")
            }
        }
    }

    @Test("an index adds up the time its builds and merges took")
    func buildTimesAddUp() {
        let index = InvertedJobSearchIndex(maximumSegments: 2)
        #expect(index.buildTimes == IndexBuildTimes())
        for batch in 0..<3 {
            let posting = TestCorpus.posting("row\(batch)", title: "role \(batch)")
            index.apply([JobPostingChange(sequence: Int64(batch + 1), stored: StoredJobPosting(rowID: Int64(batch + 1), posting: posting))])
        }
        let times = index.buildTimes
        #expect(times.buildingSegments > .zero)
        // A third segment over the limit of two was merged.
        #expect(index.segmentCount <= 2)
        #expect(times.merging > .zero)
        #expect(times.total == times.readingSkills + times.buildingSegments + times.merging)
    }
}
