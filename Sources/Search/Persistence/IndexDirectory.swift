import Foundation

/// The index's files in the data directory: immutable segment files, per-generation deletion files
/// and a manifest naming the ones that make up the last committed snapshot.
///
/// A commit writes new files first and the manifest last (write to a temporary name, flush,
/// rename), so a crash at any moment leaves either the old manifest or the new one; files no
/// manifest names are leftovers and are removed at the next commit.
struct IndexDirectory: Sendable {
    /// 2: segments of format 3, mapped and read in place.
    static let formatVersion = 2

    struct Manifest: Codable, Equatable {
        struct SegmentEntry: Codable, Equatable {
            var number: Int
            var documents: Int
            /// Name of the deletion file of this generation, if the segment has deletions.
            var deletions: String?
        }

        var format: Int
        /// The database this index was built from; another database means a rebuild.
        var source: String
        var generation: Int
        var appliedSequence: Int64
        var highestRowID: Int64
        var lastSegmentNumber: Int
        var segments: [SegmentEntry]
    }

    enum Failure: Error { case mismatch(String) }

    let url: URL

    var manifestURL: URL { url.appendingPathComponent("manifest.json") }

    static func segmentName(_ number: Int) -> String { String(format: "segment-%08d.wfseg", number) }

    func load(expectedSource source: String) throws -> (Manifest, IndexSnapshot)? {
        guard FileManager.default.fileExists(atPath: manifestURL.path) else { return nil }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL))
        guard manifest.format == Self.formatVersion else { throw Failure.mismatch("index format \(manifest.format)") }
        guard manifest.source == source else { throw Failure.mismatch("index was built from another database") }
        var snapshot = IndexSnapshot()
        snapshot.appliedSequence = manifest.appliedSequence
        snapshot.highestRowID = manifest.highestRowID
        snapshot.lastSegmentNumber = manifest.lastSegmentNumber
        // Segments open independently (checksums, columns, derived sets): on all cores.
        let entries = manifest.segments
        let opened = HeaviestFirst.map(count: entries.count, weight: { entries[$0].documents }) { index in
            Result { try openSegment(entries[index]) }
        }
        for (entry, result) in zip(entries, opened) {
            let (segment, deleted) = try result.get()
            snapshot.append(segment, number: entry.number, deleted: deleted)
        }
        return (manifest, snapshot)
    }

    private func openSegment(_ entry: Manifest.SegmentEntry) throws -> (Segment, Bitset?) {
        let segment = try SegmentFile.decode(mapped: MappedFile.map(url.appendingPathComponent(Self.segmentName(entry.number))))
        guard segment.count == entry.documents else { throw Failure.mismatch("segment \(entry.number) size") }
        var deleted: Bitset?
        if let name = entry.deletions {
            var reader = try BinaryReader(sealed: Data(contentsOf: url.appendingPathComponent(name)))
            let words = try reader.array(of: UInt64.self)
            guard words.count == (segment.count + 63) / 64 else { throw Failure.mismatch("deletions of \(entry.number)") }
            deleted = Bitset(count: segment.count, words: words)
        }
        return (segment, deleted)
    }

    /// Writes what is new in `snapshot` and then the manifest that makes it current.
    func commit(_ snapshot: IndexSnapshot, source: String, generation: Int, failBeforeManifest: Bool = false) throws -> Manifest {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var entries: [Manifest.SegmentEntry] = []
        for (index, segment) in snapshot.segments.enumerated() {
            let number = snapshot.segmentNumbers[index]
            let segmentURL = url.appendingPathComponent(Self.segmentName(number))
            if !FileManager.default.fileExists(atPath: segmentURL.path) {
                try writeAtomically(SegmentFile.encode(segment), to: segmentURL)
            }
            var entry = Manifest.SegmentEntry(number: number, documents: segment.count, deletions: nil)
            if let deleted = snapshot.deleted[index] {
                let name = String(format: "segment-%08d.g%d.del", number, generation)
                var writer = BinaryWriter()
                writer.append(deleted.words)
                try writeAtomically(writer.sealed(), to: url.appendingPathComponent(name))
                entry.deletions = name
            }
            entries.append(entry)
        }
        let manifest = Manifest(
            format: Self.formatVersion, source: source, generation: generation,
            appliedSequence: snapshot.appliedSequence, highestRowID: snapshot.highestRowID,
            lastSegmentNumber: snapshot.lastSegmentNumber, segments: entries
        )
        if failBeforeManifest { throw CocoaError(.fileWriteUnknown) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writeAtomically(encoder.encode(manifest), to: manifestURL)
        removeUnreferencedFiles(manifest)
        return manifest
    }

    /// Removes everything: the next start rebuilds from the database.
    func erase() {
        try? FileManager.default.removeItem(at: url)
    }

    private func removeUnreferencedFiles(_ manifest: Manifest) {
        var keep: Set<String> = ["manifest.json"]
        for entry in manifest.segments {
            keep.insert(Self.segmentName(entry.number))
            if let deletions = entry.deletions { keep.insert(deletions) }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where !keep.contains(name) {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }
    }

    /// Files are written in pieces of this size. The page cache keeps a freshly written file in folios
    /// as large as its writes, and a search's page fault maps a whole folio into the process: written
    /// in one piece, a segment became resident 2 MiB at a time wherever a search touched it (a fresh
    /// `serve` at 1,000,000 postings held about 150 MB more after 1,000 queries than with 256 KiB pieces).
    static let writePiece = 256 << 10

    private func writeAtomically(_ data: Data, to target: URL) throws {
        let temporary = target.appendingPathExtension("tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        var offset = data.startIndex
        while offset < data.endIndex {
            let end = min(offset + Self.writePiece, data.endIndex)
            try handle.write(contentsOf: data[offset..<end])
            offset = end
        }
        try handle.synchronize()
        try handle.close()
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.moveItem(at: temporary, to: target)
    }
}
