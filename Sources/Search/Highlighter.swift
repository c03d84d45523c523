import Foundation
import JobPostings

/// Marks what a query matched, using the same analyzer and clause semantics as matching.
struct Highlighter: Sendable {
    let analyzer: Analyzer
    /// Target length of a description snippet, in UTF-8 bytes.
    static let snippetLength = 220

    func title(_ text: String, query: ParsedQuery) -> String {
        let bytes = Array(text.utf8)
        return render(bytes, from: 0, to: bytes.count, marks: marks(in: text, query: query))
    }

    func snippet(_ text: String, query: ParsedQuery) -> String {
        let bytes = Array(text.utf8)
        let marks = marks(in: text, query: query)
        var start = 0
        if let best = Self.densestWindow(marks, length: Self.snippetLength) {
            // Start a little before the first match so it reads in context.
            start = max(0, marks[best].lowerBound - 40)
        }
        start = Self.wordBoundary(in: bytes, atOrBefore: start)
        let end = Self.wordBoundary(in: bytes, atOrBefore: min(bytes.count, start + Self.snippetLength), orEnd: true)
        var result = start > 0 ? "…" : ""
        result += render(bytes, from: start, to: end, marks: marks)
        if end < bytes.count { result += "…" }
        // A snippet is one line of running text; paragraph breaks would only confuse its layout.
        var line = String.UnicodeScalarView()
        for scalar in result.unicodeScalars {
            let isBreak = scalar == "\n" || scalar == "\r"
            if isBreak || scalar == " " {
                if line.last != " " { line.append(" ") }
            } else {
                line.append(scalar)
            }
        }
        return String(line)
    }

    /// Byte ranges of matched words, sorted and merged.
    func marks(in text: String, query: ParsedQuery) -> [Range<Int>] {
        // Stemming never changes a word's first letter, so a word that starts differently from every
        // query term cannot match one and is not even made into a String (most words of a description).
        var wanted = [Bool](repeating: false, count: 256)
        for clause in query.required {
            switch clause {
            case .anyOf(let phrases): for phrase in phrases { for term in phrase.terms { wanted[Int(term.term.utf8.first ?? 0)] = true } }
            case .prefix(let prefix): wanted[Int(prefix.utf8.first ?? 0)] = true
            }
        }
        guard wanted.contains(true) else { return [] }
        let terms = analyzer.terms(in: text, keeping: { wanted[Int($0[0])] }, stem: analyzer.stem)
        var ranges: [Range<Int>] = []
        // Single words are looked up in a set; only real phrases need the terms by position.
        var words: Set<String> = []
        var phrases: [QueryPhrase] = []
        for case .anyOf(let alternatives) in query.required {
            for phrase in alternatives {
                if phrase.terms.count == 1 { words.insert(phrase.terms[0].term) } else { phrases.append(phrase) }
            }
        }
        if !words.isEmpty {
            for term in terms where words.contains(term.term) { ranges.append(term.start..<term.end) }
        }
        var byPosition: [Int: [AnalyzedTerm]] = [:]
        if !phrases.isEmpty {
            for term in terms { byPosition[term.position, default: []].append(term) }
        }
        for phrase in phrases {
            guard let first = phrase.terms.first else { continue }
            for candidate in terms where candidate.term == first.term {
                let base = candidate.position - first.offset
                let matched = phrase.terms.compactMap { part in
                    byPosition[base + part.offset]?.first { $0.term == part.term }
                }
                if matched.count == phrase.terms.count { ranges += matched.map { $0.start..<$0.end } }
            }
        }
        for case .prefix(let prefix) in query.required {
            for term in terms where term.term.hasPrefix(prefix)
                || (prefix.hasPrefix(term.term) && term.term.count >= 4 && prefix.count - term.term.count <= 4) {
                ranges.append(term.start..<term.end)
            }
        }
        return Self.merge(ranges)
    }

    private func render(_ bytes: [UInt8], from start: Int, to end: Int, marks: [Range<Int>]) -> String {
        var result = ""
        var position = start
        for mark in marks where mark.upperBound > start && mark.lowerBound < end {
            let lower = max(mark.lowerBound, start), upper = min(mark.upperBound, end)
            if lower > position { result += HTMLText.escape(String(decoding: bytes[position..<lower], as: UTF8.self)) }
            result += "<mark>" + HTMLText.escape(String(decoding: bytes[lower..<upper], as: UTF8.self)) + "</mark>"
            position = upper
        }
        if end > position { result += HTMLText.escape(String(decoding: bytes[position..<end], as: UTF8.self)) }
        return result
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

    /// Index of the mark that starts the window of `length` bytes holding the most marks.
    private static func densestWindow(_ marks: [Range<Int>], length: Int) -> Int? {
        guard !marks.isEmpty else { return nil }
        var best = 0, bestCount = 0, end = 0
        for start in marks.indices {
            end = max(end, start)
            while end < marks.count, marks[end].upperBound - marks[start].lowerBound <= length { end += 1 }
            if end - start > bestCount { bestCount = end - start; best = start }
        }
        return best
    }

    /// The nearest position at or before `index` that starts a word (after an ASCII space or newline).
    private static func wordBoundary(in bytes: [UInt8], atOrBefore index: Int, orEnd: Bool = false) -> Int {
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
