import Domain
import JobPostings
@testable import Search
import Testing

@Suite("Skill grid")
struct SkillGridTests {
    /// Documents with none to 40 skills drawn from `names`, each required or not at random.
    private static func documents(count: Int, names: [String], seed: UInt64) -> [[PostingSkill]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let skillCount = Int.random(in: 0...3, using: &random) == 0 ? Int.random(in: 15...40, using: &random)
                : Int.random(in: 0...16, using: &random)
            return (0..<skillCount).map { _ in
                PostingSkill(name: names.randomElement(using: &random)!, isRequired: Bool.random(using: &random))
            }
        }
    }

    private static func column(_ documents: [[PostingSkill]]) -> SkillColumn {
        var column = SkillColumn()
        for skills in documents { column.append(skills) }
        return column
    }

    /// Each skill's count over the documents of `set`, read from the column's lists one entry at a time.
    private static func countedOneByOne(_ column: SkillColumn, over set: Bitset) -> [Int32] {
        var counts = [Int32](repeating: 0, count: column.values.count)
        set.forEach { document in
            for entry in column.entries[Int(column.starts[document])..<Int(column.starts[document + 1])] { counts[Int(entry >> 1)] += 1 }
        }
        return counts
    }

    @Test("each document reads back its skills in order, past 16 skills and with ordinals too large for a slot")
    func readsBackEveryDocument() {
        // 70,000 names: the later ones are numbered past what a two-byte slot holds.
        let names = (0..<70_000).map { "skill \($0)" }
        var documents = Self.documents(count: 400, names: Array(names.prefix(40)), seed: 1)
        documents.append(names.map { PostingSkill(name: $0, isRequired: $0.hasSuffix("7")) })
        documents += Self.documents(count: 400, names: names, seed: 2)
        documents.append([])
        let column = Self.column(documents)
        let grid = SkillGrid(column)
        #expect(grid.count == documents.count)
        for (document, skills) in documents.enumerated() {
            #expect(grid.skills(of: document) == skills, "document \(document)")
        }
        let lists = grid.lists()
        #expect(lists.entries.count == column.entries.count)
        #expect(lists.entries.indices.filter { lists.entries[$0] != column.entries[$0] }.isEmpty)
        #expect(lists.counts == zip(column.starts.dropFirst(), column.starts).map { $0 - $1 })
    }

    @Test("the tally counts each skill of each document of the set, as counting them one by one does")
    func tallyMatchesCountingOneByOne() {
        let names = (0..<70_000).map { "skill \($0)" }
        let documents = Self.documents(count: 3_000, names: Array(names.prefix(300)), seed: 3)
            + [names.map { PostingSkill(name: $0, isRequired: false) }]
            + Self.documents(count: 1_000, names: names, seed: 4)
        let column = Self.column(documents)
        let grid = SkillGrid(column)
        var random = SplitMix64(seed: 5)
        for density in [1, 7, 60, 100] {
            var set = Bitset(count: documents.count)
            for document in documents.indices where Int.random(in: 0..<100, using: &random) < density { set.insert(document) }
            let expected = Self.countedOneByOne(column, over: set)
            var counts = [Int32](repeating: 0, count: column.values.count)
            grid.tally(set, into: &counts)
            // Counted apart rather than compared whole: a failure then names how many values differ, not 70,000 counts.
            let wrong = counts.indices.filter { counts[$0] != expected[$0] }.count
            #expect(wrong == 0, "\(density) % of documents")
        }
    }

    @Test("a skill filter passes the documents holding any wanted skill, wherever it is stored")
    func passingFindsSkillsInSlotsAndOverflow() {
        let names = (0..<70_000).map { "Skill \($0)" }
        let documents = [
            [PostingSkill(name: "Skill 1", isRequired: true)],
            (0..<20).map { PostingSkill(name: "Skill \($0)", isRequired: false) },
            [],
            names.map { PostingSkill(name: $0, isRequired: false) },
            [PostingSkill(name: "Skill 69999", isRequired: false)],
        ]
        let column = Self.column(documents)
        let grid = SkillGrid(column)
        let everyone = Bitset(count: documents.count).complement()
        func passing(_ wanted: String) -> [Int] {
            guard let ordinal = column.values.firstIndex(of: wanted) else { return [] }
            var accepted = [Bool](repeating: false, count: column.values.count)
            accepted[ordinal] = true
            let rowByRow = grid.passing(within: everyone, accepted: accepted)
            #expect(grid.documents(holdingAnyOf: [ordinal]) == rowByRow, "every row compared at once, for \(wanted)")
            var found: [Int] = []
            rowByRow.forEach { found.append($0) }
            return found
        }
        #expect(passing("Skill 1") == [0, 1, 3])
        #expect(passing("Skill 19") == [1, 3])
        #expect(passing("Skill 69999") == [3, 4])
        #expect(passing("Skill 70000").isEmpty)
    }

    @Test("comparing every row at once finds what reading the lists finds, at every row width", arguments: [1, 3, 6, 12])
    func scanMatchesTheLists(mostSkills: Int) {
        // 70,000 names, so some ordinals only fit in the overflow; a few documents with 30 skills overflow too.
        let names = (0..<70_000).map { "skill \($0)" }
        var random = SplitMix64(seed: UInt64(mostSkills))
        let documents = (0..<2_000).map { number in
            let skillCount = number % 150 == 0 ? 30 : Int.random(in: 0...mostSkills, using: &random)
            return (0..<skillCount).map { _ in
                PostingSkill(name: Int.random(in: 0..<50, using: &random) == 0 ? names.randomElement(using: &random)!
                                 : names[Int.random(in: 0..<40, using: &random)], isRequired: false)
            }
        }
        let column = Self.column(documents)
        let grid = SkillGrid(column)
        for wanted in [[0], [3, 17], [column.values.count - 1], Array(0..<column.values.count).filter { $0 % 97 == 5 }] {
            var expected = Bitset(count: documents.count)
            for document in documents.indices {
                let entries = column.entries[Int(column.starts[document])..<Int(column.starts[document + 1])]
                if entries.contains(where: { wanted.contains(Int($0 >> 1)) }) { expected.insert(document) }
            }
            #expect(grid.documents(holdingAnyOf: wanted) == expected, "width \(grid.width), skills \(wanted.prefix(4))")
        }
    }

    @Test("a row has the fewest slots that hold every skill of 99 % of the documents, and the rest overflow")
    func rowsAreAsWideAsMostDocumentsNeed() {
        let names = (0..<50).map { "skill \($0)" }
        func skills(_ count: Int, from start: Int) -> [PostingSkill] {
            (0..<count).map { PostingSkill(name: names[(start + $0) % names.count], isRequired: $0 % 3 == 0) }
        }
        let few = (0..<990).map { skills($0 % 3, from: $0) } + (0..<10).map { skills(30, from: $0) }
        let some = (0..<980).map { skills(3, from: $0) } + (0..<20).map { skills(5, from: $0) }
        for (documents, width) in [(few, 2), (some, 8), ([[PostingSkill]](), 2)] {
            let column = Self.column(documents)
            let grid = SkillGrid(column)
            #expect(grid.width == width)
            #expect(documents.indices.allSatisfy { grid.skills(of: $0) == documents[$0] })
            var set = Bitset(count: documents.count)
            for document in documents.indices where document % 2 == 1 { set.insert(document) }
            var counts = [Int32](repeating: 0, count: column.values.count)
            grid.tally(set, into: &counts)
            #expect(counts == Self.countedOneByOne(column, over: set))
        }
    }
}
