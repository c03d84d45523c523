import Domain

/// The taxonomy's written forms as sequences of word numbers, walked word by word over a text.
/// Words are numbered through a `WordTable` of folded bytes, so scanning a posting makes no Strings.
struct SkillPhraseTrie: Sendable {
    private var words = WordTable()
    /// (node << 32 | word) → child node; node 0 is the root.
    private var children: [UInt64: Int32] = [:]
    /// The forms that end at each node (usually one).
    private(set) var endings: [[Int]] = [[]]
    /// Forms whose first word must follow a dot (".NET").
    private(set) var needsLeadingDot: [Bool]

    init(forms: [SurfaceForm], scanner: any WordScanner, keeping: (SurfaceForm) -> Bool) {
        needsLeadingDot = Array(repeating: false, count: forms.count)
        for (index, form) in forms.enumerated() where keeping(form) {
            var node: Int32 = 0
            var first = true
            var wordCount = 0
            scanner.forEachWord(in: form.text) { word in
                if first, word.hasLeadingDot { needsLeadingDot[index] = true }
                first = false
                let number = self.number(adding: word.folded)
                node = self.child(of: node, word: number)
                wordCount += 1
            }
            if wordCount > 0 { endings[Int(node)].append(index) }
        }
    }

    /// The number of a folded word, or -1 when no form uses it. A plural ("APIs", "databases")
    /// falls back to its singular.
    func number(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let entry = words.entry(of: word) { return Int32(entry) }
        if word.count > 3, word[word.count - 1] == UInt8(ascii: "s"), word[word.count - 2] != UInt8(ascii: "s"),
           let entry = words.entry(of: UnsafeBufferPointer(rebasing: word[0..<(word.count - 1)])) {
            return Int32(entry)
        }
        return -1
    }

    @inline(__always)
    func next(from node: Int32, word: Int32) -> Int32? {
        children[UInt64(UInt32(node)) << 32 | UInt64(UInt32(word))]
    }

    private mutating func number(adding word: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let entry = words.entry(of: word) { return Int32(entry) }
        return Int32(words.add(word, value: 0))
    }

    private mutating func child(of node: Int32, word: Int32) -> Int32 {
        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(word))
        if let existing = children[key] { return existing }
        let created = Int32(endings.count)
        endings.append([])
        children[key] = created
        return created
    }
}
