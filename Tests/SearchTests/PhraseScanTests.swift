import Domain
import Testing
@testable import Search

/// The phrase scan against the obvious definition: some start where every word sits at its offset.
@Suite("Phrase scan")
struct PhraseScanTests {
    static let words = ["alpha", "beta", "gamma", "delta"]

    static func documents(seed: UInt64, count: Int = 400, rare: String? = nil) -> [[String]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            // Mostly short texts, some long ones so positions need two varint bytes.
            let length = random.next() % 5 == 0 ? Int(random.next() % 600) : Int(random.next() % 12)
            return (0..<length).map { _ in
                if let rare, random.next() % 200 == 0 { return rare }
                return random.pick(words)
            }
        }
    }

    static func segment(_ texts: [[String]]) -> Segment {
        SegmentBuilder(analyzer: Analyzer()).build(texts.enumerated().map { number, words in
            IndexedDocument(
                rowID: Int64(number + 1), texts: ["", "", words.joined(separator: " ")], postedAt: 0,
                expiresAt: IndexedDocument.neverExpires, minSalary: IndexedDocument.noSalary,
                maxSalary: IndexedDocument.noSalary, currency: "", remote: false, location: "", company: "",
                employmentType: "", provider: "test"
            )
        })
    }

    static func expected(_ texts: [[String]], _ phrase: [(word: String, offset: Int)]) -> [Int] {
        texts.indices.filter { document in
            let words = texts[document]
            return words.indices.contains { start in
                phrase.allSatisfy { start + $0.offset < words.count && words[start + $0.offset] == $0.word }
            }
        }
    }

    @Test("matches exactly the documents with the words at their offsets", arguments: [7, 8, 9] as [UInt64])
    func agreesWithDefinition(seed: UInt64) throws {
        let texts = Self.documents(seed: seed)
        let segment = Self.segment(texts)
        let postings = segment.postings(.description)
        var random = SplitMix64(seed: seed &* 17)
        for _ in 0..<60 {
            let length = 2 + Int(random.next() % 2)
            var phrase: [(word: String, offset: Int)] = []
            var offset = 0
            for _ in 0..<length {
                phrase.append((random.pick(Self.words), offset))
                offset += 1 + (random.next() % 4 == 0 ? 1 : 0)
            }
            let terms = try phrase.map { part in
                PhraseScan.Term(number: try #require(postings.find(part.word)), offset: part.offset)
            }
            var found: [Int] = []
            PhraseScan.documents(matching: terms, in: postings, documentCount: segment.count).forEach { found.append($0) }
            #expect(found == Self.expected(texts, phrase), "\(phrase)")
        }
    }

    @Test("a rare word beside a common one leaps over whole blocks of the common word, either way round",
          arguments: [11, 12] as [UInt64])
    func rareBesideCommon(seed: UInt64) throws {
        let texts = Self.documents(seed: seed, count: 3_000, rare: "omega")
        let segment = Self.segment(texts)
        let postings = segment.postings(.description)
        for phrase in [[("omega", 0), ("beta", 1)], [("alpha", 0), ("omega", 1)], [("omega", 0), ("gamma", 2)]] {
            let terms = try phrase.map { part in
                PhraseScan.Term(number: try #require(postings.find(part.0)), offset: part.1)
            }
            #expect(postings.entries(of: terms[0].number).count != postings.entries(of: terms[1].number).count)
            var found: [Int] = []
            PhraseScan.documents(matching: terms, in: postings, documentCount: segment.count).forEach { found.append($0) }
            let expected = Self.expected(texts, phrase.map { (word: $0.0, offset: $0.1) })
            #expect(found == expected, "\(phrase)")
            #expect(!expected.isEmpty)
        }
    }
}
