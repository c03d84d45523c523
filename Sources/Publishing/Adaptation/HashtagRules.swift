/// Hashtags as each network takes them.
enum HashtagRules {
    static func apply(to body: String, style: ChannelStyle) -> String {
        var lines = body.components(separatedBy: "\n")
        if !style.readsHashtags {
            // A closing line of nothing but hashtags means nothing where hashtags are not read.
            while let last = lines.last, isOnlyHashtags(last) { lines.removeLast() }
            while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty, lines.count > 1 { lines.removeLast() }
            return lines.joined(separator: "\n")
        }
        guard let maximum = style.maximumHashtags else { return body }
        var seen = 0
        // Beyond the network's cap a hashtag loses its `#` (Instagram refuses a caption with more than 30).
        return body.replacing(/(^|\s)#(\w+)/) { match in
            seen += 1
            return match.output.1 + (seen <= maximum ? "#" : "") + match.output.2
        }
    }

    static func isOnlyHashtags(_ line: String) -> Bool {
        let words = line.split(whereSeparator: \.isWhitespace)
        return !words.isEmpty && words.allSatisfy { $0.hasPrefix("#") && $0.count > 1 }
    }
}
