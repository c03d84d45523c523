/// The tags `HTMLSanitizer` keeps or drops with their content; every other tag is dropped alone.
enum KnownTag: UInt8, CaseIterable {
    case p, br, ul, ol, li, strong, b, em, i, u, h1, h2, h3, h4, h5, h6
    case a, blockquote, code, pre, div, span, hr, table, thead, tbody, tr, td, th
    case script, style, iframe, object, embed, noscript, template, svg, math, head, title

    var name: [UInt8] { Self.names[Int(rawValue)] }
    var isAllowed: Bool { rawValue < KnownTag.script.rawValue }
    var isVoid: Bool { self == .br || self == .hr }
    var isDroppedWithContent: Bool { rawValue >= KnownTag.script.rawValue }

    private static let names: [[UInt8]] = allCases.map { Array("\($0)".utf8) }
    /// Names of up to 8 bytes packed into a word, and the one longer name.
    private static let byKey: [UInt64: KnownTag] = Dictionary(uniqueKeysWithValues: allCases.compactMap { tag in
        tag.name.count <= 8 ? (key(tag.name), tag) : nil
    })

    private static func key(_ name: some Collection<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for (offset, byte) in name.enumerated() { key |= UInt64(byte) << (8 * UInt64(offset)) }
        return key
    }

    /// The tag named by `name` in any case (ASCII), or nil for any other name.
    init?(lowercasing name: UnsafeBufferPointer<UInt8>) {
        func lower(_ byte: UInt8) -> UInt8 { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte }
        if name.count == 10 {
            guard name.lazy.map(lower).elementsEqual("blockquote".utf8) else { return nil }
            self = .blockquote
            return
        }
        guard name.count <= 8, let tag = Self.byKey[Self.key(name.lazy.map(lower))] else { return nil }
        self = tag
    }
}
