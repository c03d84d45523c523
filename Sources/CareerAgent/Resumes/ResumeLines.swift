import Foundation

/// A resume split into lines, each with its character (Unicode scalar) offsets in the whole text.
struct ResumeLines {
    struct Line {
        var text: String
        var trimmed: String
        var start: Int
        var end: Int
        var isBlank: Bool { trimmed.isEmpty }
        /// "- Led…", "• Built…", "* Cut…" (a Markdown star or plus only with a space after it: "*Jan 2021*" is emphasis).
        var isBullet: Bool {
            guard let first = trimmed.first else { return false }
            if "-•–▪◦·●‣".contains(first) { return true }
            return "*+".contains(first) && trimmed.dropFirst().first == " "
        }
        /// The text without its bullet mark.
        var content: String {
            guard isBullet else { return trimmed }
            return String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        var span: TextSpan { TextSpan(start: start, end: end) }
        var wordCount: Int { trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).count }
    }

    let lines: [Line]

    init(_ text: String) {
        var lines: [Line] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                let line = String(current)
                lines.append(Line(text: line, trimmed: MarkdownLine.plain(line), start: start, end: offset))
                current = String.UnicodeScalarView()
                start = offset + 1
            } else if scalar != "\r" {
                current.append(scalar)
            }
            offset += 1
        }
        let last = String(current)
        lines.append(Line(text: last, trimmed: MarkdownLine.plain(last), start: start, end: offset))
        self.lines = lines
    }
}
