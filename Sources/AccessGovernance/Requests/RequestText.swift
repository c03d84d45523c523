/// A request's words with what the reader found in them: mentions, and the words to leave out.
struct RequestText {
    let text: String
    let tokens: [RequestToken]
    let ignored: Set<Int>
    let mentions: [Mention]
    /// Token indexes some mention covers.
    let covered: Set<Int>

    init(text: String, tokens: [RequestToken], ignored: Set<Int>, mentions: [Mention]) {
        self.text = text
        self.tokens = tokens
        self.ignored = ignored
        self.mentions = mentions
        covered = Set(mentions.flatMap { Array($0.tokens) })
    }

    /// The key of the word `offset` places from `index` that is not left out, if any.
    func key(near index: Int, offset: Int) -> String? {
        let position = index + offset
        guard tokens.indices.contains(position) else { return nil }
        return ignored.contains(position) ? "" : tokens[position].key
    }

    /// Keys of up to `count` words before `index`, nearest first.
    func keys(before index: Int, count: Int) -> [String] {
        (1...count).compactMap { key(near: index, offset: -$0) }
    }

    func written(_ range: Range<Int>) -> String {
        String(text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }
}
