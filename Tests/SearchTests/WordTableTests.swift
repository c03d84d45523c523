import Domain
import Testing

@Suite("Word table")
struct WordTableTests {
    private static func entry(_ table: WordTable, _ word: String) -> Int? {
        Array(word.utf8).withUnsafeBufferPointer { table.entry(of: $0) }
    }

    private static func add(_ table: inout WordTable, _ word: String, value: Int32) -> Int {
        Array(word.utf8).withUnsafeBufferPointer { table.add($0, value: value) }
    }

    @Test("finds every word added, through growth, and no word that differs in one byte or in length")
    func findsExactWords() {
        var table = WordTable()
        // Lengths around the eight-byte steps of the comparison, and many words, so the table grows several times.
        let words = (0..<5_000).map { number in String(repeating: "w", count: number % 19 + 1) + String(number, radix: 36) }
        for (index, word) in words.enumerated() { #expect(Self.add(&table, word, value: Int32(index)) == index) }
        for (index, word) in words.enumerated() {
            let entry = Self.entry(table, word)
            #expect(entry == index)
            #expect(entry.map { table.values[$0] } == Int32(index))
        }
        for word in ["wwwwwwwwx0", "wwwwwwwwwwwwwwwwwwz1", "w", "", "wwwwwwwwwwwwwwwwwww"] where !words.contains(word) {
            #expect(Self.entry(table, word) == nil)
        }
        // The same bytes but the last, past the first eight.
        let long = words.first { $0.utf8.count > 9 }!
        #expect(Self.entry(table, String(long.dropLast()) + "!") == nil)
    }
}
