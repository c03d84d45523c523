import Search
@testable import CareerAgent

/// The shipped taxonomy read once for every suite: building its phrase trie takes a moment.
enum Shipped {
    static let extractor = SkillExtractor(taxonomy: .shipped, scanner: SearchWordScanner())
}
