#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes. Foundation's `contains` and `range(of:)` go through NSString on
/// Linux and copy the whole text on every call; triage asks hundreds of phrases of every message.
extension String {
    func hasBytes(_ needle: String) -> Bool {
        byteOffset(of: needle, from: 0) != nil
    }

    /// Where `needle` first starts at or after byte `start`, as a byte offset.
    func byteOffset(of needle: String, from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        let result: Int?? = utf8.withContiguousStorageIfAvailable { haystack -> Int? in
            needle.utf8.withContiguousStorageIfAvailable { pattern -> Int? in
                guard start <= haystack.count, let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                return Self.search(base, count: haystack.count, from: start, for: patternBase, length: pattern.count)
            } ?? nil
        }
        if let result { return result }
        // Bridged or foreign strings: make a native copy and search it.
        var native = self, pattern = needle
        native.makeContiguousUTF8()
        pattern.makeContiguousUTF8()
        return native.byteOffset(of: pattern, from: start)
    }

    /// The first byte of the pattern found with `memchr`, the rest compared with `memcmp`.
    private static func search(_ base: UnsafePointer<UInt8>, count: Int, from start: Int, for pattern: UnsafePointer<UInt8>, length: Int) -> Int? {
        var position = start
        let first = Int32(pattern[0])
        while count - position >= length {
            guard let hit = memchr(base + position, first, count - position - length + 1) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, pattern, length) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }

    /// The range of the first `needle` at or after `start`.
    func byteRange(of needle: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let startOffset = start.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
        guard let offset = byteOffset(of: needle, from: startOffset) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
