import Dispatch
import Foundation
import JobPostings
import Synchronization

/// Wayfinder's own job search engine: segments of postings lists with positions, BM25 over title,
/// company and description, keyword and numeric columns for filters and facets.
///
/// Searches read an immutable snapshot and never wait for the writer; `apply` builds a new segment
/// for a batch of changes, marks replaced documents deleted and publishes the next snapshot at once.
/// With a directory, `persist` commits the snapshot to disk so a restart loads it and replays only
/// the changes since.
public final class InvertedJobSearchIndex: JobSearchIndex {
    private let current = Mutex(IndexSnapshot())
    /// Serializes writers; readers only take `current` for the instant it takes to copy a snapshot.
    private let writer = Mutex(())
    /// Serializes commits and remembers the last one.
    private let committed = Mutex((generation: 0, appliedSequence: Int64(-1), segments: [Int]()))
    let analyzer = Analyzer()
    private let directory: IndexDirectory?
    private let source: String
    /// Reads each posting's skills as it is indexed; without one, postings have no skills.
    private let skillTagger: (any PostingSkillTagger)?
    /// Above this many segments, the smallest are merged so searches visit few segments.
    public let maximumSegments: Int
    /// Batches at least this large are split and built on all cores.
    static let parallelBuildThreshold = 20_000
    private let times = Mutex(IndexBuildTimes())

    /// The time spent building and merging segments so far (the bench prints where a build's time went).
    public var buildTimes: IndexBuildTimes { times.withLock { $0 } }

    /// An index in memory only.
    public convenience init(maximumSegments: Int = 8, skillTagger: (any PostingSkillTagger)? = nil) {
        self.init(directory: nil, source: "", maximumSegments: maximumSegments, skillTagger: skillTagger)
    }

    private init(directory: IndexDirectory?, source: String, maximumSegments: Int, skillTagger: (any PostingSkillTagger)?) {
        self.directory = directory
        self.source = source
        self.maximumSegments = maximumSegments
        self.skillTagger = skillTagger
    }

    /// How opening a persisted index went.
    public enum OpenOutcome: Sendable, Equatable {
        case empty
        case loaded(postings: Int, appliedSequence: Int64)
        /// The files were unusable (corrupt, from another database, another format); they were removed.
        case discarded(reason: String)
    }

    /// Opens the index kept in `directory` for the database identified by `source`. Whatever cannot
    /// be trusted is discarded and rebuilt from the database: the index never serves wrong data.
    public static func open(
        directory: URL, source: String, maximumSegments: Int = 8, skillTagger: (any PostingSkillTagger)? = nil
    ) -> (InvertedJobSearchIndex, OpenOutcome) {
        let index = InvertedJobSearchIndex(directory: IndexDirectory(url: directory), source: source, maximumSegments: maximumSegments,
                                           skillTagger: skillTagger)
        let files = IndexDirectory(url: directory)
        do {
            guard let (manifest, snapshot) = try files.load(expectedSource: source) else { return (index, .empty) }
            index.current.withLock { $0 = snapshot }
            index.committed.withLock { $0 = (manifest.generation, manifest.appliedSequence, snapshot.segmentNumbers) }
            return (index, .loaded(postings: snapshot.liveCount, appliedSequence: snapshot.appliedSequence))
        } catch {
            files.erase()
            return (index, .discarded(reason: "\(error)"))
        }
    }

    public var appliedSequence: Int64 { snapshot.appliedSequence }
    public var documentCount: Int { snapshot.liveCount }
    public var segmentCount: Int { snapshot.segments.count }

    var snapshot: IndexSnapshot { current.withLock { $0 } }

    public func search(_ query: JobSearchQuery, now: Date) throws -> JobSearchMatches {
        let snapshot = self.snapshot
        var executor = SearchExecutor(snapshot: snapshot, parser: QueryParser(analyzer: analyzer))
        if query.sort == .match, let profile = query.match {
            executor.match = MatchContext(profile: profile, analyzer: analyzer)
        }
        return try executor.run(query, now: now)
    }

    public func match(_ profile: MatchProfile, rowID: Int64) -> JobMatch? {
        let snapshot = self.snapshot
        guard let address = snapshot.address(of: rowID) else { return nil }
        let context = MatchContext(profile: profile, analyzer: analyzer)
        return SegmentMatchScorer(segment: snapshot.segments[address.segment], context: context).explain(address.document)
    }

    /// Exhaustive scoring, for checking that pruning changes nothing.
    func searchScoringEverything(_ query: JobSearchQuery, now: Date) throws -> JobSearchMatches {
        var executor = SearchExecutor(snapshot: snapshot, parser: QueryParser(analyzer: analyzer))
        executor.pruning = false
        return try executor.run(query, now: now)
    }

    public func highlights(for postings: [JobPosting], query: JobSearchQuery) -> [JobHighlights] {
        var highlighter = Highlighter(analyzer: analyzer, query: QueryParser(analyzer: analyzer).parse(query.text))
        return postings.map { posting in
            JobHighlights(title: highlighter.title(posting.title), description: highlighter.snippet(posting.description))
        }
    }

    public func apply(_ changes: [JobPostingChange]) {
        guard !changes.isEmpty else { return }
        writer.withLock { _ in
            var next = snapshot
            // Only the last state of each posting in the batch matters.
            var latest: [Int64: Int] = [:]
            latest.reserveCapacity(changes.count)
            var order: [Int64] = []
            for (index, change) in changes.enumerated() where change.sequence > next.appliedSequence {
                if latest.updateValue(index, forKey: change.stored.rowID) == nil { order.append(change.stored.rowID) }
            }
            var added: [StoredJobPosting] = []
            for rowID in order {
                if let address = next.address(of: rowID) { next.delete(address) }
                let stored = changes[latest[rowID]!].stored
                if stored.posting.status == .open { added.append(stored) }
            }
            for segment in build(added) {
                next.append(segment, number: next.takeSegmentNumber())
            }
            next.appliedSequence = max(next.appliedSequence, changes.last?.sequence ?? 0)
            if next.segments.count > maximumSegments {
                let merging = ContinuousClock.now
                mergeSmallest(&next)
                let merged = ContinuousClock.now - merging
                times.withLock { $0.merging += merged }
            }
            let published = next
            current.withLock { $0 = published }
        }
    }

    /// Builds segments for a batch, in parallel halves when it is large.
    private func build(_ postings: [StoredJobPosting]) -> [Segment] {
        guard !postings.isEmpty else { return [] }
        let builder = SegmentBuilder(analyzer: analyzer)
        let parts = postings.count >= Self.parallelBuildThreshold ? 2 : 1
        let size = (postings.count + parts - 1) / parts
        let built = Mutex([Segment?](repeating: nil, count: parts))
        let reading = ContinuousClock.now
        let documents = documents(of: postings)
        let building = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let segment = builder.build(Array(documents[(part * size)..<min(postings.count, (part + 1) * size)]))
            built.withLock { $0[part] = segment }
        }
        let finished = ContinuousClock.now
        times.withLock {
            $0.readingSkills += building - reading
            $0.buildingSegments += finished - building
        }
        return built.withLock { $0.compactMap { $0 } }
    }

    /// The postings as the engine indexes them, with their skills: those recorded when a posting was written,
    /// when this index's tagger recorded them, or else read now. Reading a posting costs about as much as
    /// indexing it, so it runs on every core in small chunks: no core idles while another finishes a larger share.
    private func documents(of postings: [StoredJobPosting]) -> [IndexedDocument] {
        let tagger = skillTagger
        let stamp = tagger?.taggerFingerprint.map(RecordedSkills.stamp(of:))
        let documents = { @Sendable (postings: ArraySlice<StoredJobPosting>) in
            var names = RecordedSkills.Names()
            return postings.map { stored in
                IndexedDocument(rowID: stored.rowID, posting: stored.posting, skills: tagger?.skills(of: stored, stamp: stamp, names: &names) ?? [])
            }
        }
        guard tagger != nil, postings.count >= Self.parallelBuildThreshold else { return documents(postings[...]) }
        let chunk = 1_000
        let chunks = (postings.count + chunk - 1) / chunk
        let tagged = Mutex([[IndexedDocument]](repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let documents = documents(postings[(index * chunk)..<min(postings.count, (index + 1) * chunk)])
            tagged.withLock { $0[index] = documents }
        }
        return tagged.withLock { $0.flatMap { $0 } }
    }

    /// Commits the current snapshot to disk if it changed since the last commit.
    /// `failBeforeManifest` simulates a crash after the data files and before the manifest.
    @discardableResult
    public func persist(failBeforeManifest: Bool = false) throws -> Bool {
        guard let directory else { return false }
        return try committed.withLock { last in
            let snapshot = self.snapshot
            guard snapshot.appliedSequence != last.appliedSequence || snapshot.segmentNumbers != last.segments else {
                return false
            }
            let generation = last.generation + 1
            _ = try directory.commit(snapshot, source: source, generation: generation, failBeforeManifest: failBeforeManifest)
            last = (generation, snapshot.appliedSequence, snapshot.segmentNumbers)
            return true
        }
    }

    /// Merges the smaller segments into one, leaving the largest few alone (a tiered policy:
    /// big segments are rewritten rarely, small ones often and cheaply).
    private func mergeSmallest(_ snapshot: inout IndexSnapshot) {
        let bySize = snapshot.segments.indices.sorted { snapshot.segments[$0].count < snapshot.segments[$1].count }
        let chosen = Set(bySize.prefix(max(2, snapshot.segments.count - maximumSegments / 2)))
        let merged = SegmentBuilder(analyzer: analyzer).merge(
            snapshot.segments.indices.filter(chosen.contains).map { (snapshot.segments[$0], snapshot.deleted[$0]) }
        )
        var rebuilt = IndexSnapshot()
        rebuilt.appliedSequence = snapshot.appliedSequence
        rebuilt.lastSegmentNumber = snapshot.lastSegmentNumber
        for index in snapshot.segments.indices where !chosen.contains(index) {
            rebuilt.append(snapshot.segments[index], number: snapshot.segmentNumbers[index], deleted: snapshot.deleted[index])
        }
        if merged.count > 0 { rebuilt.append(merged, number: rebuilt.takeSegmentNumber()) }
        rebuilt.highestRowID = max(rebuilt.highestRowID, snapshot.highestRowID)
        snapshot = rebuilt
    }
}

extension InvertedJobSearchIndex {
    /// Memory held by postings and columns (not counting string and dictionary overhead).
    public var estimatedBytes: Int {
        snapshot.segments.reduce(0) { total, segment in
            var bytes = segment.count * (8 * 5 + 4 * 5 + 2 * SearchField.allCases.count)
            for field in segment.fields { bytes += field.byteCount }
            return total + bytes
        }
    }
}
