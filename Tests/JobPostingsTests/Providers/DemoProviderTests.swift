import Domain
import Foundation
import JobPostings
import Testing

@Suite("Demo adapter")
struct DemoProviderTests {
    let provider = DemoProvider()

    @Test("the same source lists the same postings on every sync")
    func deterministic() async throws {
        let source = ProviderTests.source(.demo, SourceParameters(count: 25), id: 42)
        let first = try await provider.fetch(source)
        let second = try await provider.fetch(source)
        #expect(first.drafts.count == 25)
        #expect(first.drafts.map(\.fields) == second.drafts.map(\.fields))
        #expect(first.drafts.map { $0.fields["job_id"] } == (0..<25).map { .string("demo#42-\($0)") })
    }

    @Test("every demo posting is valid, and sources differ from one another")
    func valid() async throws {
        let listing = try await provider.fetch(ProviderTests.source(.demo, SourceParameters(), id: 1))
        #expect(listing.drafts.count == DemoProvider.defaultCount)
        #expect(listing.skipped.isEmpty && listing.isComplete)
        let postings = try listing.drafts.map { try $0.normalize(updatedAt: ProviderTests.now).get() }
        #expect(postings.allSatisfy { $0.providerID == "demo" && $0.postedDate <= ProviderTests.now })
        #expect(postings.contains { $0.remote } && postings.contains { !$0.remote })
        #expect(postings.contains { $0.payInterval == .hour } && postings.contains { $0.payInterval == .year })
        #expect(postings.contains { $0.minSalary == nil })
        let other = try await provider.fetch(ProviderTests.source(.demo, SourceParameters(), id: 2))
        #expect(other.drafts.map { $0.fields["title"] } != listing.drafts.map { $0.fields["title"] })
    }

    @Test("dates count back from the given epoch, else from the source's creation")
    func epoch() async throws {
        let epoch = Date(timeIntervalSince1970: 1_700_000_000)
        let listing = try await DemoProvider(epoch: epoch).fetch(ProviderTests.source(.demo, SourceParameters(count: 10)))
        let dates = try listing.drafts.map { try $0.normalize(updatedAt: epoch).get().postedDate }
        #expect(dates.allSatisfy { $0 <= epoch && $0 > epoch.addingTimeInterval(-46 * 86_400) })
    }

    @Test("a count out of range is a misconfigured source", arguments: [-1, DemoProvider.maximumCount + 1])
    func badCount(count: Int) async {
        await #expect(throws: ProviderError.self) {
            try await provider.fetch(ProviderTests.source(.demo, SourceParameters(count: count)))
        }
    }
}
