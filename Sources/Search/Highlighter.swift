import Foundation
import JobPostings

/// Marks what a query matched, using the same analyzer and clause semantics as matching, for one
/// page of results: the query is read once, and the stems of the words read are kept for the page
/// (the same words recur from hit to hit).
///
/// It works on the text's UTF-8 bytes: only words starting like a query term are stemmed, and a
/// description is read only as far as its snippet, which starts just before the first match.
struct Highlighter {
    let analyzer: Analyzer
    /// Target length of a description snippet, in UTF-8 bytes.
    static let snippetLength = 220
    /// Bytes of context shown before the first match of a snippet.
    static let leadingContext = 40

    /// Words whose first folded byte is the first byte of some query term or prefix.
    /// Stemming never changes a word's first letter, so no other word can match.
    private var wanted = [Bool](repeating: false, count: 256)
    /// Terms matched on their own; terms that are part of longer phrases; folded prefixes.
    private var words: Set<String> = []
    private var phrases: [QueryPhrase] = []
    private var phraseTerms: Set<String> = []
    private var prefixes: [String] = []
    private var stems: [String: String] = [:]

    init(analyzer: Analyzer, query: ParsedQuery) {
        self.analyzer = analyzer
        for clause in query.required {
            switch clause {
            case .anyOf(let alternatives):
                for phrase in alternatives {
                    for term in phrase.terms { wanted[Int(term.term.utf8.first ?? 0)] = true }
                    if phrase.terms.count == 1 {
                        words.insert(phrase.terms[0].term)
                    } else {
                        phrases.append(phrase)
                        for term in phrase.terms { phraseTerms.insert(term.term) }
                    }
                }
            case .prefix(let prefix):
                wanted[Int(prefix.utf8.first ?? 0)] = true
                prefixes.append(prefix)
            }
        }
    }

    mutating func title(_ text: String) -> String {
        let marks = marks(in: text, readingSnippet: false).marks
        return render(text, from: 0, to: text.utf8.count, marks: marks, oneLine: false)
    }

    mutating func snippet(_ text: String) -> String {
        var (marks, stoppedEarly) = marks(in: text, readingSnippet: true)
        if marks.isEmpty, stoppedEarly {
            // Reading stopped after a phrase's word that the rest of the phrase did not follow:
            // read the whole text for a real match.
            marks = self.marks(in: text, readingSnippet: false).marks
        }
        let (start, end) = Self.window(in: text, firstMark: marks.first?.lowerBound)
        var result = start > 0 ? "…" : ""
        result += render(text, from: start, to: end, marks: marks, oneLine: true)
        if end < text.utf8.count { result += "…" }
        return result
    }

    /// Byte ranges of matched words, sorted and merged. With `readingSnippet`, reading ends once it
    /// is past the snippet that the first candidate match would start.
    mutating func marks(in text: String, readingSnippet: Bool) -> (marks: [Range<Int>], stoppedEarly: Bool) {
        guard !words.isEmpty || !phrases.isEmpty || !prefixes.isEmpty else { return ([], false) }
        var terms: [AnalyzedTerm] = []
        var ranges: [Range<Int>] = []
        var stopAt = Int.max
        let (analyzer, wanted, words, phraseTerms, prefixes) = (self.analyzer, self.wanted, self.words, self.phraseTerms, self.prefixes)
        var stems: [String: String] = [:]
        swap(&stems, &self.stems)
        defer { swap(&stems, &self.stems) }
        let stem = { (word: String) -> String in
            if let known = stems[word] { return known }
            let stem = analyzer.stem(word)
            stems[word] = stem
            return stem
        }
        analyzer.forEachTerm(in: text, keeping: { wanted[Int($0[0])] }, until: { $0 >= stopAt }, map: stem) { term, position, start, end in
            let isWord = words.contains(term)
            let isPrefixMatch = prefixes.contains { prefix in
                term.hasPrefix(prefix) || (prefix.hasPrefix(term) && term.count >= 4 && prefix.count - term.count <= 4)
            }
            if isWord || isPrefixMatch { ranges.append(start..<end) }
            let inPhrase = phraseTerms.contains(term)
            if inPhrase { terms.append(AnalyzedTerm(term: term, position: position, start: start, end: end)) }
            if readingSnippet, stopAt == .max, isWord || isPrefixMatch || inPhrase {
                stopAt = max(0, start - Self.leadingContext) + Self.snippetLength
            }
        }
        ranges += phraseMarks(terms)
        return (Self.merge(ranges), stopAt != .max)
    }

    /// Ranges of every term of each phrase found whole, at its offsets.
    private func phraseMarks(_ terms: [AnalyzedTerm]) -> [Range<Int>] {
        guard !phrases.isEmpty, !terms.isEmpty else { return [] }
        var byPosition: [Int: [AnalyzedTerm]] = [:]
        for term in terms { byPosition[term.position, default: []].append(term) }
        var ranges: [Range<Int>] = []
        for phrase in phrases {
            guard let first = phrase.terms.first else { continue }
            for candidate in terms where candidate.term == first.term {
                let base = candidate.position - first.offset
                let matched = phrase.terms.compactMap { part in byPosition[base + part.offset]?.first { $0.term == part.term } }
                if matched.count == phrase.terms.count { ranges += matched.map { $0.start..<$0.end } }
            }
        }
        return ranges
    }

    /// The snippet's byte range: from a little before the first match (or the start), cut at words.
    private static func window(in text: String, firstMark: Int?) -> (Int, Int) {
        var text = text
        return text.withUTF8 { bytes in
            let start = wordBoundary(in: bytes, atOrBefore: max(0, (firstMark ?? 0) - leadingContext))
            let end = wordBoundary(in: bytes, atOrBefore: min(bytes.count, start + snippetLength), orEnd: true)
            return (start, end)
        }
    }

    /// HTML-escaped text with `<mark>` around the marks; `oneLine` folds line breaks and runs of
    /// spaces into one space (a snippet is running text).
    private func render(_ text: String, from start: Int, to end: Int, marks: [Range<Int>], oneLine: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(end - start + marks.count * 13 + 16)
            var position = start
            func copy(_ range: Range<Int>) {
                for index in range {
                    let byte = bytes[index]
                    switch byte {
                    case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                    case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                    case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                    case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                    case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                    case UInt8(ascii: " ") where oneLine, UInt8(ascii: "\n") where oneLine, UInt8(ascii: "\r") where oneLine:
                        if output.last != UInt8(ascii: " ") { output.append(UInt8(ascii: " ")) }
                    default: output.append(byte)
                    }
                }
            }
            for mark in marks where mark.upperBound > start && mark.lowerBound < end {
                let lower = max(mark.lowerBound, start), upper = min(mark.upperBound, end)
                if lower > position { copy(position..<lower) }
                output.append(contentsOf: "<mark>".utf8)
                copy(lower..<upper)
                output.append(contentsOf: "</mark>".utf8)
                position = upper
            }
            if end > position { copy(position..<end) }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The nearest position at or before `index` that starts a word (after an ASCII space or newline).
    private static func wordBoundary(in bytes: UnsafeBufferPointer<UInt8>, atOrBefore index: Int, orEnd: Bool = false) -> Int {
        if index <= 0 || index >= bytes.count { return max(0, min(index, bytes.count)) }
        var position = index
        while position > 0, bytes[position - 1] != 0x20, bytes[position - 1] != 0x0A { position -= 1 }
        if position == 0 {
            // One very long word: cut at a character boundary instead.
            position = index
            while position > 0, bytes[position] & 0xC0 == 0x80 { position -= 1 }
        }
        return orEnd ? max(position - 1, 0) : position
    }
}
