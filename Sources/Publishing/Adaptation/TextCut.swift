/// Shortens text to fit a budget at the cleanest place: the end of a sentence when that keeps at least
/// half of what fits, else the end of a word, else (one endless word) wherever the budget ends.
enum TextCut {
    static let ellipsis = "…"

    /// `text` itself when it fits, else a prefix ending in an ellipsis whose `length` is within `budget`.
    static func fit(_ text: String, budget: Int, length: (String) -> Int) -> String {
        if length(text) <= budget { return text }
        guard budget > 1 else { return "" }
        // The longest prefix that fits with the ellipsis, found by halving (length grows with the prefix).
        let characters = Array(text)
        var low = 0, high = characters.count
        while low < high {
            let middle = (low + high + 1) / 2
            if length(String(characters[..<middle]) + ellipsis) <= budget { low = middle } else { high = middle - 1 }
        }
        let fitting = characters[..<low]
        if let sentenceEnd = fitting.lastIndex(where: { ".!?".contains($0) }), sentenceEnd + 1 >= low / 2,
           sentenceEnd + 1 == fitting.count || fitting[sentenceEnd + 1].isWhitespace {
            // A whole sentence needs no ellipsis.
            return String(fitting[...sentenceEnd])
        }
        if let space = fitting.lastIndex(where: \.isWhitespace), space > 0 {
            let words = String(fitting[..<space]).trimmingTrailingPunctuation()
            if !words.isEmpty { return words + ellipsis }
        }
        return String(fitting) + ellipsis
    }
}

extension String {
    /// Without the spaces, commas and dashes a cut leaves dangling.
    func trimmingTrailingPunctuation() -> String {
        var result = Substring(self)
        while let last = result.last, last.isWhitespace || ",;:-–—(".contains(last) { result = result.dropLast() }
        return String(result)
    }
}
