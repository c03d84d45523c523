import AccessGovernance
import Domain
import Foundation
import Testing

@Suite("Audit chain")
struct AuditChainTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000.123)

    static func event(_ number: Int) -> AuditEvent {
        AuditEvent(
            action: number.isMultiple(of: 2) ? "approval.approved" : "request.submitted", actor: "user-\(number % 3)",
            subject: "request-\(number)",
            details: .object(["role": .string("db-admin"), "days": .number(Double(number)), "why": .string("on call \"week\"\n")])
        )
    }

    /// A valid chain of `count` entries, one second apart.
    static func chain(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for number in 1...count {
            entries.append(AuditChain.seal(
                event(number), sequence: Int64(number), at: start.addingTimeInterval(Double(number)),
                previousHash: entries.last?.contentHash ?? AuditChain.genesisHash
            ))
        }
        return entries
    }

    static func reason(_ verification: AuditVerification) -> String {
        if case .broken(_, let reason) = verification { return reason }
        return ""
    }

    @Test("sealing the same event at the same place gives the same hash; any field changes it")
    func sealingIsDeterministic() {
        let first = AuditChain.seal(Self.event(1), sequence: 1, at: Self.start, previousHash: AuditChain.genesisHash)
        let again = AuditChain.seal(Self.event(1), sequence: 1, at: Self.start, previousHash: AuditChain.genesisHash)
        #expect(first == again)
        #expect(first.contentHash.count == 64 && first.contentHash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(AuditChain.seal(Self.event(1), sequence: 2, at: Self.start, previousHash: AuditChain.genesisHash).contentHash != first.contentHash)
        #expect(AuditChain.seal(Self.event(1), sequence: 1, at: Self.start.addingTimeInterval(0.001), previousHash: AuditChain.genesisHash)
            .contentHash != first.contentHash)
        #expect(AuditChain.seal(Self.event(3), sequence: 1, at: Self.start, previousHash: AuditChain.genesisHash).contentHash != first.contentHash)
    }

    @Test("the hash does not depend on key order or on how a whole number is spelled")
    func detailsAreCanonical() throws {
        let parsed = try JSONValue.parse(Data(#"{"b": 2.0, "a": [1e2, "x"], "c": {"z": null, "y": true}}"#.utf8))
        let built = JSONValue.object(["c": .object(["y": .bool(true), "z": .null]), "a": .array([.number(100), .string("x")]), "b": .number(2)])
        #expect(CanonicalJSON.text(parsed) == #"{"a":[100,"x"],"b":2,"c":{"y":true,"z":null}}"#)
        let event = AuditEvent(action: "grant.created", actor: "system", subject: "g1", details: parsed)
        #expect(AuditChain.seal(event, sequence: 1, at: Self.start, previousHash: AuditChain.genesisHash)
            == AuditChain.seal(AuditEvent(action: "grant.created", actor: "system", subject: "g1", details: built),
                               sequence: 1, at: Self.start, previousHash: AuditChain.genesisHash))
    }

    @Test("odd numbers and strings read back from their canonical text to the same text")
    func canonicalTextRoundTrips() throws {
        let details = JSONValue.object([
            "tenth": .number(0.1), "huge": .number(1e300), "tiny": .number(.leastNonzeroMagnitude), "negative": .number(-42), "zero": .number(-0.0),
            "beyond2^53": .number(9_007_199_254_740_994), "text": .string("é \u{1F511} \u{0} \t \\ / \u{2028}"), "empty": .array([]),
        ])
        let text = CanonicalJSON.text(details)
        #expect(CanonicalJSON.text(try JSONValue.parse(Data(text.utf8))) == text)
    }

    @Test("the first entry's previous hash is 64 zeros; each next one carries the hash of the one before")
    func linksStartAtTheZeroHash() {
        let entries = Self.chain(3)
        #expect(entries[0].previousHash == String(repeating: "0", count: 64))
        #expect(entries[1].previousHash == entries[0].contentHash)
        #expect(entries[2].previousHash == entries[1].contentHash)
    }

    @Test("a valid chain verifies and reports its length and last hash; an empty one is intact too")
    func validChainVerifies() {
        let entries = Self.chain(5)
        #expect(AuditChain.verify(entries) == .intact(entries: 5, lastHash: entries[4].contentHash))
        #expect(AuditChain.verify(entries).head == AuditHead(sequence: 5, hash: entries[4].contentHash))
        #expect(AuditChain.verify([]) == .intact(entries: 0, lastHash: nil))
    }

    @Test("an entry edited in place, its hash kept, is named as edited")
    func detectsEditedEntry() {
        var entries = Self.chain(5)
        entries[2].details = .object(["role": .string("read-only")])
        let verification = AuditChain.verify(entries)
        guard case .broken(3, _) = verification else { Issue.record("got \(verification)"); return }
        #expect(Self.reason(verification).contains("edited"))
    }

    @Test("an edited entry whose hash was recomputed breaks the next entry's link, which is named")
    func detectsEditedEntryWithRecomputedHash() {
        var entries = Self.chain(5)
        entries[2].actor = "someone-else"
        entries[2].contentHash = AuditChain.contentHash(of: entries[2])
        let verification = AuditChain.verify(entries)
        guard case .broken(4, _) = verification else { Issue.record("got \(verification)"); return }
        #expect(Self.reason(verification).contains("previous hash"))
    }

    @Test("a deleted middle entry shows as a gap at the entry after it")
    func detectsDeletedEntry() {
        var entries = Self.chain(5)
        entries.remove(at: 2)
        let verification = AuditChain.verify(entries)
        guard case .broken(4, _) = verification else { Issue.record("got \(verification)"); return }
        #expect(Self.reason(verification).contains("gap"))
    }

    @Test("a deleted first entry shows as a gap at the new first one")
    func detectsDeletedFirstEntry() {
        let verification = AuditChain.verify(Self.chain(3).dropFirst())
        guard case .broken(2, _) = verification else { Issue.record("got \(verification)"); return }
    }

    @Test("two entries swapped in order are named at the first out-of-place one")
    func detectsReorderedEntries() {
        var entries = Self.chain(5)
        entries.swapAt(1, 2)
        let verification = AuditChain.verify(entries)
        guard case .broken(3, _) = verification else { Issue.record("got \(verification)"); return }
        #expect(Self.reason(verification).contains("gap"))
    }

    @Test("two entries that swapped numbers (rows renumbered) are named by the broken link")
    func detectsRenumberedEntries() {
        var entries = Self.chain(5)
        (entries[1].sequence, entries[2].sequence) = (entries[2].sequence, entries[1].sequence)
        entries.swapAt(1, 2)
        let verification = AuditChain.verify(entries)
        guard case .broken(2, _) = verification else { Issue.record("got \(verification)"); return }
        #expect(Self.reason(verification).contains("previous hash"))
    }

    @Test("a cut tail is a valid chain, but not against a head noted earlier")
    func detectsTruncationOnlyWithAKnownHead() {
        let entries = Self.chain(5)
        let noted = entries[4].head
        #expect(AuditChain.verify(entries.prefix(3)).isIntact)
        #expect(AuditChain.verify(entries, expectedHead: noted).isIntact)
        #expect(AuditChain.verify(entries, expectedHead: entries[2].head).isIntact)
        let verification = AuditChain.verify(entries.prefix(3), expectedHead: noted)
        guard case .broken(4, _) = verification else { Issue.record("got \(verification)"); return }
        #expect(Self.reason(verification).contains("deleted from the end"))
    }

    @Test("a head that no longer matches the entry at its number is named")
    func detectsRewrittenHead() {
        let entries = Self.chain(5)
        let verification = AuditChain.verify(entries, expectedHead: AuditHead(sequence: 4, hash: entries[1].contentHash))
        guard case .broken(4, _) = verification else { Issue.record("got \(verification)"); return }
    }

    @Test("a head reads and prints as SEQUENCE:HASH")
    func headText() {
        let hash = String(repeating: "ab", count: 32)
        #expect(AuditHead("17:\(hash)") == AuditHead(sequence: 17, hash: hash))
        #expect(AuditHead("17:\(hash)")?.description == "17:\(hash)")
        #expect(AuditHead("17") == nil)
        #expect(AuditHead("0:\(hash)") == nil)
        #expect(AuditHead("17:xyz") == nil)
    }

    @Test("JSON Lines export is one sorted-key object per line and reads back to the same, verifiable entries")
    func jsonLinesRoundTrip() throws {
        let entries = Self.chain(4)
        let text = AuditJSONLines.encode(entries)
        #expect(text.hasSuffix("}\n"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix(#"{"action":"request.submitted","actor":"user-1","at":"2026-11-18T11:06:41.123Z","content_hash":""#))
        #expect(lines[0].contains(#","details":{"days":1,"role":"db-admin","why":"on call \"week\"\n"},"previous_hash":"0000"#))
        let decoded = try lines.map { try JSONDecoder().decode(AuditEntry.self, from: Data($0.utf8)) }
        #expect(decoded == entries)
        #expect(AuditChain.verify(decoded).isIntact)
        #expect(AuditJSONLines.encode(decoded) == text)
    }

    @Test("an entry's time is kept to the millisecond, so it survives storing and reading")
    func timeIsMilliseconds() {
        let entry = AuditChain.seal(Self.event(1), sequence: 1, at: Date(timeIntervalSince1970: 1_795_000_000.1234567),
                                    previousHash: AuditChain.genesisHash)
        #expect(entry.atMilliseconds == 1_795_000_000_123)
        #expect(AuditMilliseconds.date(entry.atMilliseconds) == entry.at)
    }
}
