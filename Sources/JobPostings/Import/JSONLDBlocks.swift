/// Finds the contents of `<script type="application/ld+json">` elements in an HTML page.
enum JSONLDBlocks {
    static func extract(from html: String) -> [String] {
        var blocks: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<script", options: .caseInsensitive) {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let attributes = rest[open.upperBound..<tagEnd].lowercased()
            let bodyStart = rest.index(after: tagEnd)
            guard let close = rest[bodyStart...].range(of: "</script", options: .caseInsensitive) else { break }
            if attributes.contains("application/ld+json") {
                blocks.append(String(rest[bodyStart..<close.lowerBound]))
            }
            rest = rest[close.upperBound...]
        }
        return blocks
    }
}
