@testable import Search
import Testing

@Suite("Keyword columns")
struct KeywordColumnTests {
    @Test("values are numbered in the order first met, the empty value and long ones included")
    func numbersValuesByFirstAppearance() {
        var column = KeywordColumn()
        let long = String(repeating: "Zürich, Canton of Zürich, ", count: 3)
        for value in ["Berlin", "", "Paris", "Berlin", "", long, "paris", long + "!", long] { column.append(value) }
        #expect(column.values == ["Berlin", "", "Paris", long, "paris", long + "!"])
        #expect(column.ordinals == [0, 1, 2, 0, 1, 3, 4, 5, 3])
    }

    @Test("a merge copies values through each source's ordinals and numbers them as appending them would")
    func mergeRemapsOrdinals() {
        var first = KeywordColumn(), second = KeywordColumn()
        for value in ["Lyon", "Oslo", "Lyon", ""] { first.append(value) }
        for value in ["", "Rome", "Oslo", "Rome"] { second.append(value) }
        var merged = KeywordColumn(), appended = KeywordColumn()
        for source in [first, second] {
            var remap = KeywordColumn.remapping(for: source)
            for document in source.ordinals.indices {
                merged.append(from: source, document: document, remap: &remap)
                appended.append(source.value(of: document))
            }
        }
        #expect(merged.values == appended.values)
        #expect(merged.ordinals == appended.ordinals)
        #expect(merged.values == ["Lyon", "Oslo", "", "Rome"])
    }
}
