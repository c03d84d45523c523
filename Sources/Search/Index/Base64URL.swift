/// Base64url without padding (RFC 4648 §5), on bytes: a cursor is made for every page of results,
/// and going through Foundation's base64 then replacing three characters cost more than an
/// empty search.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { values[Int(byte)] = UInt8(index) }
        return values
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let group = UInt32(bytes[index]) << 16
                | (remaining > 1 ? UInt32(bytes[index + 1]) << 8 : 0)
                | (remaining > 2 ? UInt32(bytes[index + 2]) : 0)
            for slot in 0..<min(4, remaining + 1) { output.append(alphabet[Int(group >> UInt32(18 - 6 * slot) & 63)]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of `text`, or nil when it is not unpadded base64url.
    static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count * 3 / 4)
        var group: UInt32 = 0, filled = 0
        for character in characters {
            let value = values[Int(character)]
            guard value != 0xFF else { return nil }
            group = group << 6 | UInt32(value)
            filled += 1
            if filled == 4 {
                output += [UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)]
                group = 0
                filled = 0
            }
        }
        // A final group of 2 or 3 characters carries 1 or 2 bytes; its unused low bits must be zero.
        if filled > 0 {
            let bytes = filled - 1, unused = UInt32(filled * 6 - bytes * 8)
            guard group & ((1 << unused) - 1) == 0 else { return nil }
            let aligned = group >> unused
            for slot in 0..<bytes { output.append(UInt8(aligned >> UInt32(8 * (bytes - 1 - slot)) & 0xFF)) }
        }
        return output
    }
}
