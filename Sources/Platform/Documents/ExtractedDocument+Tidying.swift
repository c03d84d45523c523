extension ExtractedDocument {
    /// The whitespace rules every extractor's output goes through:
    /// - CRLF, CR, form feeds (page breaks) and Unicode line/paragraph separators become `\n`;
    /// - no-break and other Unicode spaces become a space; zero-width characters, soft hyphens and
    ///   control characters other than tab go;
    /// - within a line, a gap that holds a tab or three or more spaces becomes one tab (it separated
    ///   columns: a job title from its dates), any other run of spaces one space;
    /// - lines lose leading and trailing whitespace, blank lines collapse to one, and the text starts
    ///   and ends with a non-blank line.
    public static func tidy(_ raw: String) -> String {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var gap = (spaces: 0, tab: false)
        var previousWasCR = false

        func endLine() {
            let tidied = String(line)
            if !tidied.isEmpty || lines.last.map({ !$0.isEmpty }) == true { lines.append(tidied) }
            line = String.UnicodeScalarView()
            gap = (0, false)
        }

        for scalar in raw.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR:
                continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                endLine()
            case "\t":
                gap.tab = true
            case " ", "\u{A0}", "\u{1680}", "\u{2000}"..."\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}":
                gap.spaces += 1
            case "\u{AD}", "\u{200B}", "\u{2060}", "\u{FEFF}":
                continue
            default:
                if scalar.properties.generalCategory == .control { continue }
                if !line.isEmpty, gap.tab || gap.spaces >= 3 {
                    line.append("\t")
                } else if !line.isEmpty, gap.spaces > 0 {
                    line.append(" ")
                }
                gap = (0, false)
                line.append(scalar)
            }
        }
        endLine()
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
