import Foundation
@testable import JobPostings
import Testing

@Suite("Content fingerprint")
struct ContentFingerprintTests {
    static let posting = JobPosting(
        jobID: "acme#1", providerID: "acme", title: "Backend Engineer", description: "Go and SQL.",
        descriptionHTML: "<p>Go and SQL.</p>", company: "Acme", location: "Berlin", remote: true,
        employmentType: .fullTime, minSalary: 70_000, maxSalary: 90_000, currency: "EUR", payInterval: .year,
        postedDate: Date(timeIntervalSince1970: 1_793_000_000), applyURL: "https://acme.example/1",
        expiresAt: Date(timeIntervalSince1970: 1_796_000_000), updatedAt: Date(timeIntervalSince1970: 1_795_000_000),
        status: .open
    )

    func xxh64(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { XXHash64.hash($0) }
    }

    @Test("XXH64 agrees with the reference implementation")
    func xxHash() {
        #expect(xxh64("") == 0xEF46_DB37_51D8_E999)
        #expect(xxh64("abc") == 0x44BC_2CF5_AD77_0999)
        // Low 32 bits, as zstd --check writes them, for lengths that take every path of the algorithm.
        #expect(UInt32(truncatingIfNeeded: xxh64("The quick brown fox jumps over the lazy dog; then it naps for a long while.")) == 0xB5DC_FA40)
        #expect(UInt32(truncatingIfNeeded: xxh64("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHI")) == 0xC240_6CF2)
        #expect(UInt32(truncatingIfNeeded: xxh64("Nº 5 – café ☕")) == 0x0A21_2122)
    }

    @Test("the fingerprint of a posting is pinned: it must not change between runs or releases")
    func pinned() {
        #expect(Self.posting.contentFingerprint == "v2:9430a0b99b6b8c9d")
        #expect(Self.posting.contentFingerprint == Self.posting.contentFingerprint)
    }

    @Test("updated_at and fractions of a second (which are not stored) leave it alone")
    func ignoresStorageTime() {
        var later = Self.posting
        later.updatedAt = later.updatedAt.addingTimeInterval(3_600)
        later.postedDate = later.postedDate.addingTimeInterval(0.4)
        #expect(later.contentFingerprint == Self.posting.contentFingerprint)
    }

    @Test("every stored field changes it")
    func everyField() {
        let variants: [(String, (inout JobPosting) -> Void)] = [
            ("jobID", { $0.jobID = "acme#2" }),
            ("providerID", { $0.providerID = "acme2" }),
            ("title", { $0.title = "Backend Engineer II" }),
            ("description", { $0.description = "Go and SQL!" }),
            ("descriptionHTML", { $0.descriptionHTML = nil }),
            ("descriptionHTML text", { $0.descriptionHTML = "<p>Go and SQL!</p>" }),
            ("company", { $0.company = "Acme Inc" }),
            ("location", { $0.location = "Bonn" }),
            ("remote", { $0.remote = false }),
            ("employmentType", { $0.employmentType = .partTime }),
            ("employmentType nil", { $0.employmentType = nil }),
            ("minSalary", { $0.minSalary = 70_001 }),
            ("minSalary nil", { $0.minSalary = nil }),
            ("maxSalary", { $0.maxSalary = 90_001 }),
            ("currency", { $0.currency = "USD" }),
            ("payInterval", { $0.payInterval = .month }),
            ("postedDate", { $0.postedDate = $0.postedDate.addingTimeInterval(1) }),
            ("applyURL", { $0.applyURL = "https://acme.example/2" }),
            ("applyURL nil", { $0.applyURL = nil }),
            ("expiresAt", { $0.expiresAt = $0.expiresAt?.addingTimeInterval(1) }),
            ("expiresAt nil", { $0.expiresAt = nil }),
            ("status", { $0.status = .closed }),
            // Moving text from one field to the next is a change too.
            ("boundaries", { $0.title = "Backend"; $0.description = "EngineerGo and SQL." }),
        ]
        var seen = [Self.posting.contentFingerprint: "original"]
        for (name, change) in variants {
            var posting = Self.posting
            change(&posting)
            let fingerprint = posting.contentFingerprint
            #expect(seen[fingerprint] == nil, "\(name) gives the fingerprint of \(seen[fingerprint] ?? "")")
            seen[fingerprint] = name
        }
    }

    @Test("rows fingerprinted by an earlier release match when their content is the same")
    func legacy() {
        let current = Self.posting.contentFingerprint
        #expect(Self.posting.matchesFingerprint(Self.posting.legacyContentFingerprint, current: current))
        #expect(Self.posting.matchesFingerprint(current, current: current))
        var changed = Self.posting
        changed.title = "Frontend Engineer"
        #expect(!changed.matchesFingerprint(Self.posting.legacyContentFingerprint, current: changed.contentFingerprint))
        #expect(!changed.matchesFingerprint(current, current: changed.contentFingerprint))
    }
}
