import Foundation

/// The sign-off that ends a message ("Kind regards,\nIngrid Bauer\nCourt Clerk"): a closing line and a
/// few short lines after it. What it holds (a name, a job title that is also a role's alias, a team)
/// describes the writer, never the request, so none of it names an entity.
enum SignOff {
    /// Longest first, so "thanks so much" is read whole and not as "thanks" followed by a name "so much".
    private static let closings = [
        "kind regards", "best regards", "warm regards", "warmest regards", "regards", "best wishes", "best", "thanks",
        "thank you", "thanks so much", "many thanks", "thanks in advance", "cheers", "sincerely", "br", "ty", "thx", "rgds", "ta", "with thanks", "kind wishes",
    ].sorted { $0.count > $1.count }

    /// Where the sign-off starts in `text`, if the text ends with one.
    static func start(in text: String) -> String.Index? {
        var lines: [Substring] = []
        var starts: [String.Index] = []
        var lineStart = text.startIndex
        for index in text.indices where text[index] == "\n" {
            lines.append(text[lineStart..<index])
            starts.append(lineStart)
            lineStart = text.index(after: index)
        }
        lines.append(text[lineStart...])
        starts.append(lineStart)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast(); starts.removeLast() }
        // The closing line, then at most four short lines: a name, a title, a team, a phone number.
        for (offset, line) in lines.enumerated().reversed() where offset > 0 && lines.count - offset <= 5 {
            guard isClosing(line) else { continue }
            let after = lines[(offset + 1)...]
            guard after.allSatisfy({ $0.split(separator: " ").count <= 6 }) else { return nil }
            return starts[offset]
        }
        return nil
    }

    /// "Kind regards,", "Thanks!", "Cheers, Lan": a closing phrase, perhaps with a name after it.
    private static func isClosing(_ line: Substring) -> Bool {
        let lower = line.trimmingCharacters(in: .whitespaces).lowercased()
        guard let closing = closings.first(where: { lower == $0 || lower.hasPrefix($0 + ",") || lower.hasPrefix($0 + "!") || lower.hasPrefix($0 + ".")
            || lower.hasPrefix($0 + " ") }) else { return false }
        let rest = line.trimmingCharacters(in: .whitespaces).dropFirst(closing.count).drop { ",.!- ".contains($0) }
        let words = rest.split(separator: " ")
        // After the phrase, only a name: capitalised words, no verb of needing ("Thanks, Dana needs Workday" asks).
        return words.count <= 3 && words.allSatisfy { word in
            word.first?.isUppercase == true && !RequestWords.beneficiaryAfter.contains(word.lowercased())
        }
    }
}
