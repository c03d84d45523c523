/// Reading tags and attributes for `ByteSanitizer`, from the raw bytes of the document.
extension ByteSanitizer {
    func startsWith(_ prefix: StaticString, at index: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where Self.lowercase(bytes[index + offset]) != prefix.utf8Start[offset] { return false }
        return true
    }

    func find(_ needle: StaticString, from index: Int) -> Int? {
        var position = index
        while position < bytes.count {
            if startsWith(needle, at: position) { return position }
            position += 1
        }
        return nil
    }

    func startsWithClosing(_ name: [UInt8], at index: Int) -> Bool {
        guard index + 2 + name.count <= bytes.count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/")
        else { return false }
        var offset = index + 2
        for byte in name {
            guard Self.lowercase(bytes[offset]) == byte else { return false }
            offset += 1
        }
        return true
    }

    /// Just after `</name>`, or the end when it never closes; nil to give up.
    func skipElement(named name: [UInt8], from index: Int) -> Int? {
        var position = index
        while position < bytes.count {
            guard startsWithClosing(name, at: position) else { position += 1; continue }
            let after = position + 2 + name.count
            if after >= bytes.count { return find(">", from: after).map { $0 + 1 } ?? bytes.count }
            if bytes[after] >= 0x80 { return nil }
            if !Self.isNameByte(bytes[after]) { return find(">", from: after).map { $0 + 1 } ?? bytes.count }
            position = after
        }
        return bytes.count
    }

    func readTag(at start: Int, into tag: inout Tag) -> TagOutcome {
        let count = bytes.count
        var index = start + 1
        tag.closing = index < count && bytes[index] == UInt8(ascii: "/")
        if tag.closing { index += 1 }
        let nameStart = index
        while index < count, Self.isNameByte(bytes[index]) { index += 1 }
        if index < count, bytes[index] >= 0x80 { return .bail }
        guard index > nameStart, Self.isLetter(bytes[nameStart]) else { return .notATag }
        tag.name = KnownTag(lowercasing: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]))
        var sawHref = false
        while index < count {
            let byte = bytes[index]
            if byte >= 0x80 { return .bail }
            if byte == UInt8(ascii: ">") { return .tag(next: index + 1) }
            if byte == UInt8(ascii: "/") { tag.selfClosing = true; index += 1; continue }
            if Self.isWhitespace(byte) { index += 1; continue }
            tag.selfClosing = false
            guard let (name, value, next) = readAttribute(at: index) else { return .bail }
            if !sawHref, name.elementsEqual("href".utf8) {
                sawHref = true
                tag.href = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)
            }
            index = max(next, index + 1)
        }
        return .notATag
    }

    /// (lowercased name, value range, next index), or nil on a non-ASCII byte.
    func readAttribute(at start: Int) -> ([UInt8], Range<Int>, Int)? {
        let count = bytes.count
        var index = start
        while index < count {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == 0x20 || byte == 0x09 || byte == 0x0A
                || byte == 0x0D || byte == UInt8(ascii: "/") { break }
            index += 1
        }
        let name = UnsafeBufferPointer(rebasing: bytes[start..<index]).map(Self.lowercase)
        func skipWhitespace() -> Bool {
            while index < count {
                if bytes[index] >= 0x80 { return false }
                guard Self.isWhitespace(bytes[index]) else { break }
                index += 1
            }
            return true
        }
        guard skipWhitespace() else { return nil }
        guard index < count, bytes[index] == UInt8(ascii: "=") else { return (name, index..<index, index) }
        index += 1
        guard skipWhitespace() else { return nil }
        guard index < count else { return (name, index..<index, index) }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let valueStart = index + 1
            var end = valueStart
            while end < count, bytes[end] != quote {
                if bytes[end] >= 0x80 { return nil }
                end += 1
            }
            return (name, valueStart..<min(end, count), min(end + 1, count))
        }
        let valueStart = index
        while index < count, !Self.isWhitespace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
            if bytes[index] >= 0x80 { return nil }
            index += 1
        }
        return (name, valueStart..<index, index)
    }
}
