import Search
import Synchronization
import Testing
@testable import CareerAgent

@Suite struct LazySkillExtractorTests {
    static let text = """
        Backend Engineer
        Requirements
        - Python and PostgreSQL in production
        - Nice to have: Kubernetes
        """

    @Test func anExtractorMadeToBuildLaterBuildsOnceOnFirstUseAndReadsAsOneBuiltNow() {
        let builds = Mutex(0)
        let later = SkillExtractor(building: {
            builds.withLock { $0 += 1 }
            return Shipped.extractor.taxonomy
        }, scanner: SearchWordScanner())
        #expect(builds.withLock { $0 } == 0)

        let found = later.extract(from: Self.text)
        #expect(builds.withLock { $0 } == 1)
        #expect(found == Shipped.extractor.extract(from: Self.text))
        #expect(found.map(\.concept.name).contains("Kubernetes"))
        _ = later.taxonomy
        _ = later.conceptsAsked(in: Self.text)
        #expect(builds.withLock { $0 } == 1)
    }
}
