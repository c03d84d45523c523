import Foundation

/// Where one entry's stored bytes lie in an in-memory ZIP archive, read from its central directory
/// record and local header.
///
/// ZIPFoundation (0.9.20) does not say where an entry's data ends, and its `Archive.extract` keeps asking for
/// input past it: a deflate stream that never ends (cut short, or crafted so) makes it spin forever
/// once the archive runs out. Knowing the range lets `DOCXTextExtractor` feed the inflater exactly
/// these bytes and stop. ZIP64 archives are not located: a resume never needs one.
struct ZIPEntryBytes: Sendable, Hashable {
    var compressed: Range<Int>
    var compressionMethod: UInt16
    var isEncrypted: Bool
    var crc32: UInt32
    var declaredUncompressedSize: Int

    /// The first entry named `path`, as readers that honour the central directory see it; nil when
    /// the archive has no such entry or its records do not hold together.
    init?(locating path: String, in data: Data) {
        let bytes = [UInt8](data)
        func u16(_ offset: Int) -> Int? {
            guard offset >= 0, offset + 2 <= bytes.count else { return nil }
            return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
        }
        func u32(_ offset: Int) -> Int? {
            guard let low = u16(offset), let high = u16(offset + 2) else { return nil }
            return low | high << 16
        }
        // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
        let earliest = max(0, bytes.count - 22 - 65_535)
        guard let end = stride(from: bytes.count - 22, through: earliest, by: -1).first(where: { u32($0) == 0x0605_4B50 }),
              let entryCount = u16(end + 10), var record = u32(end + 16),
              entryCount != 0xFFFF, record != 0xFFFF_FFFF
        else { return nil }
        let name = Array(path.utf8)
        for _ in 0..<entryCount {
            guard u32(record) == 0x0201_4B50, let flags = u16(record + 8), let method = u16(record + 10),
                  let crc = u32(record + 16), let compressedSize = u32(record + 20), let size = u32(record + 24),
                  let nameLength = u16(record + 28), let extraLength = u16(record + 30), let commentLength = u16(record + 32),
                  let localHeader = u32(record + 42), record + 46 + nameLength <= bytes.count
            else { return nil }
            if bytes[(record + 46)..<(record + 46 + nameLength)].elementsEqual(name) {
                guard u32(localHeader) == 0x0403_4B50, let localNameLength = u16(localHeader + 26),
                      let localExtraLength = u16(localHeader + 28)
                else { return nil }
                let start = localHeader + 30 + localNameLength + localExtraLength
                guard start + compressedSize <= bytes.count else { return nil }
                compressed = start..<(start + compressedSize)
                compressionMethod = UInt16(method)
                isEncrypted = flags & 1 != 0
                crc32 = UInt32(crc)
                declaredUncompressedSize = size
                return
            }
            record += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }
}
