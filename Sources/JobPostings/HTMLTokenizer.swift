/// A forgiving HTML tokenizer: enough to sanitize and to extract text, never throws.
///
/// Elements in `HTMLSanitizer.droppedWithContent` are skipped together with their content,
/// comments and doctype declarations disappear, and a `<` that does not start a tag is text.
struct HTMLTokenizer {
    enum Piece: Equatable {
        case text(String)
        case startTag(String, [String: String], selfClosing: Bool)
        case endTag(String)
    }

    private let scalars: [Unicode.Scalar]

    init(_ html: String) {
        scalars = Array(html.unicodeScalars)
    }

    func pieces() -> [Piece] {
        var result: [Piece] = []
        var text = String.UnicodeScalarView()
        var index = 0
        func flushText() {
            if !text.isEmpty { result.append(.text(String(text))); text = String.UnicodeScalarView() }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<" else { text.append(scalar); index += 1; continue }
            if startsWith("<!--", at: index) {
                flushText()
                index = find("-->", from: index + 4).map { $0 + 3 } ?? scalars.count
            } else if startsWith("<!", at: index) || startsWith("<?", at: index) {
                flushText()
                index = find(">", from: index).map { $0 + 1 } ?? scalars.count
            } else if let (piece, next) = readTag(at: index) {
                flushText()
                index = next
                if case .startTag(let name, _, let selfClosing) = piece,
                   HTMLSanitizer.droppedWithContent.contains(name) {
                    if !selfClosing { index = skipElement(named: name, from: index) }
                    continue
                }
                result.append(piece)
            } else {
                text.append(scalar)
                index += 1
            }
        }
        flushText()
        return result
    }

    private func startsWith(_ prefix: String, at index: Int) -> Bool {
        var offset = index
        for scalar in prefix.unicodeScalars {
            guard offset < scalars.count,
                  scalars[offset].properties.lowercaseMapping == String(scalar) || scalars[offset] == scalar
            else { return false }
            offset += 1
        }
        return true
    }

    private func find(_ needle: String, from index: Int) -> Int? {
        var position = index
        while position < scalars.count {
            if startsWith(needle, at: position) { return position }
            position += 1
        }
        return nil
    }

    /// Skips to just after `</name>`, or to the end of input when it never closes.
    private func skipElement(named name: String, from index: Int) -> Int {
        var position = index
        while let candidate = find("</" + name, from: position) {
            let after = candidate + 2 + name.unicodeScalars.count
            if after >= scalars.count || !isNameScalar(scalars[after]) {
                return find(">", from: after).map { $0 + 1 } ?? scalars.count
            }
            position = after
        }
        return scalars.count
    }

    private func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":"
    }

    private func readTag(at start: Int) -> (Piece, Int)? {
        var index = start + 1
        let closing = index < scalars.count && scalars[index] == "/"
        if closing { index += 1 }
        let nameStart = index
        while index < scalars.count, isNameScalar(scalars[index]) { index += 1 }
        guard index > nameStart, scalars[nameStart].properties.isAlphabetic else { return nil }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index])).lowercased()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ">" {
                index += 1
                return (closing ? .endTag(name) : .startTag(name, attributes, selfClosing: selfClosing), index)
            }
            if scalar == "/" { selfClosing = true; index += 1; continue }
            if scalar.properties.isWhitespace { index += 1; continue }
            selfClosing = false
            let (attributeName, value, next) = readAttribute(at: index)
            if !attributeName.isEmpty, attributes[attributeName] == nil { attributes[attributeName] = value }
            index = max(next, index + 1)
        }
        return nil
    }

    private func readAttribute(at start: Int) -> (String, String, Int) {
        var index = start
        while index < scalars.count, !"=> \t\n\r/".unicodeScalars.contains(scalars[index]) { index += 1 }
        let name = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        guard index < scalars.count, scalars[index] == "=" else { return (name, "", index) }
        index += 1
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        guard index < scalars.count else { return (name, "", index) }
        let quote = scalars[index]
        if quote == "\"" || quote == "'" {
            let valueStart = index + 1
            var end = valueStart
            while end < scalars.count, scalars[end] != quote { end += 1 }
            let value = String(String.UnicodeScalarView(scalars[valueStart..<min(end, scalars.count)]))
            return (name, value, min(end + 1, scalars.count))
        }
        let valueStart = index
        while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != ">" { index += 1 }
        return (name, String(String.UnicodeScalarView(scalars[valueStart..<index])), index)
    }
}
