import Domain

/// The taxonomy's written forms as sequences of word numbers, walked word by word over a text.
/// Words are numbered through a `WordTable` of folded bytes, so scanning a posting makes no Strings.
struct SkillPhraseTrie: Sendable {
    private var words = WordTable()
    /// The root's child for each word number (-1: none): most lookups start at the root.
    private var rootChildren: [Int32] = []
    /// (node << 32 | word) → child node, for nodes below the root.
    private var children = TrieEdges()
    /// The forms that end at each node (usually none or one), while the trie is built.
    private var endings: [[Int]] = [[]]
    /// Nodes `1...lastEndingNode` end a form and the others do not: nodes are numbered so once built, and
    /// the walk then learns whether a node ends a form without reading memory it would miss in cache.
    private var lastEndingNode: Int32 = 0
    /// The same, flat: node n's forms are `endingForms[endingStarts[n]..<endingStarts[n + 1]]`.
    private(set) var endingStarts: [Int32] = []
    private(set) var endingForms: [Int32] = []
    /// Per form, what the reading checks where it may stand.
    private(set) var traits: [FormTraits]
    /// For each form, which of its words must be followed by a plus ("Security+", "A+ certified"): words drop
    /// the plus, and "Spring Security" or "a certified teacher" is not the certification. Empty for most forms.
    private(set) var plusAfterWords: [[Int]]

    /// Walks `forms` that `keeping` accepts; `isBusinessFunction` says which forms name one (`FormTraits`).
    init(forms: [SurfaceForm], scanner: any WordScanner, keeping: (SurfaceForm) -> Bool, isBusinessFunction: (SurfaceForm) -> Bool) {
        traits = forms.map { FormTraits($0, namesABusinessFunction: isBusinessFunction($0)) }
        plusAfterWords = forms.map { form in
            // A byte test: `String.contains(String)` goes through Foundation and took a tenth of a server's start.
            guard form.text.utf8.contains(UInt8(ascii: "+")) else { return [] }
            return form.text.split(separator: " ").enumerated().compactMap { index, word in
                word.hasSuffix("+") && !word.hasSuffix("++") ? index : nil
            }
        }
        for (index, form) in forms.enumerated() where keeping(form) {
            var node: Int32 = 0
            var first = true
            var wordCount = 0
            scanner.forEachWord(in: form.text) { word in
                if first, word.hasLeadingDot { traits[index].needsLeadingDot = true }
                first = false
                let number = self.number(adding: word.folded)
                node = self.child(of: node, word: number)
                wordCount += 1
            }
            if wordCount > 0 { endings[Int(node)].append(index) }
        }
        numberEndingNodesFirst()
        endingStarts.reserveCapacity(endings.count + 1)
        for forms in endings {
            endingStarts.append(Int32(endingForms.count))
            endingForms.append(contentsOf: forms.map(Int32.init))
        }
        endingStarts.append(Int32(endingForms.count))
        endings = []
    }

    /// Whether any form ends at `node`.
    @inline(__always)
    func endsForm(_ node: Int32) -> Bool { node <= lastEndingNode && node > 0 }

    /// The forms ending at `node`, as a range of `endingForms`.
    @inline(__always)
    func endingRange(of node: Int32) -> Range<Int> {
        Int(endingStarts[Int(node)])..<Int(endingStarts[Int(node) + 1])
    }

    /// The number of a folded word, or -1 when no form uses it. A plural ("APIs", "databases")
    /// falls back to its singular.
    func number(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let entry = words.entry(of: word) { return words.values[entry] }
        if word.count > 3, word[word.count - 1] == UInt8(ascii: "s"), word[word.count - 2] != UInt8(ascii: "s"),
           let entry = words.entry(of: UnsafeBufferPointer(rebasing: word[0..<(word.count - 1)])) {
            return words.values[entry]
        }
        return -1
    }

    @inline(__always)
    func next(from node: Int32, word: Int32) -> Int32? {
        if node == 0 {
            let child = rootChildren[Int(word)]
            return child < 0 ? nil : child
        }
        return children.child(TrieEdges.key(node: node, word: word))
    }

    /// A new word gets the next number, and its other English spellings (`EnglishSpelling`) get the same one,
    /// so "query optimisation" walks to the form "query optimization" and "behaviour" to "behavior".
    private mutating func number(adding word: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let entry = words.entry(of: word) { return words.values[entry] }
        let number = Int32(rootChildren.count)
        rootChildren.append(-1)
        _ = words.add(word, value: number)
        for spelling in EnglishSpelling.otherSpellings(of: Array(word)) {
            spelling.withUnsafeBufferPointer { spelt in
                if words.entry(of: spelt) == nil { _ = words.add(spelt, value: number) }
            }
        }
        return number
    }

    private mutating func child(of node: Int32, word: Int32) -> Int32 {
        if let existing = next(from: node, word: word) { return existing }
        let created = Int32(endings.count)
        endings.append([])
        if node == 0 {
            rootChildren[Int(word)] = created
        } else {
            children.insert(TrieEdges.key(node: node, word: word), child: created)
        }
        return created
    }

    /// Numbers the nodes that end a form 1, 2, 3…, before every other node; the root stays 0.
    private mutating func numberEndingNodesFirst() {
        var numbers = [Int32](repeating: 0, count: endings.count)
        var next: Int32 = 1
        for node in endings.indices.dropFirst() where !endings[node].isEmpty {
            numbers[node] = next
            next += 1
        }
        lastEndingNode = next - 1
        for node in endings.indices.dropFirst() where endings[node].isEmpty {
            numbers[node] = next
            next += 1
        }
        rootChildren = rootChildren.map { $0 < 0 ? $0 : numbers[Int($0)] }
        children = children.renumbered(numbers)
        var renumbered = [[Int]](repeating: [], count: endings.count)
        for node in endings.indices { renumbered[Int(numbers[node])] = endings[node] }
        endings = renumbered
    }
}
