import Foundation
import Testing

/// Rewrites fields of one entry's headers in a built ZIP archive, to make the lies a hostile upload
/// tells: a small declared size, a stream that runs past the end of the file.
enum ZIPHeaderPatch {
    /// Offsets of the central directory record and the local header of the entry named `path`.
    static func headers(of path: String, in zip: [UInt8]) -> (central: Int, local: Int)? {
        let name = Array(path.utf8)
        func u16(_ at: Int) -> Int { Int(zip[at]) | Int(zip[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        var index = 0
        while index + 46 <= zip.count {
            if u32(index) == 0x0201_4B50, u16(index + 28) == name.count, Array(zip[(index + 46)..<(index + 46 + name.count)]) == name {
                return (index, u32(index + 42))
            }
            index += 1
        }
        return nil
    }

    static func write32(_ value: Int, at offset: Int, in zip: inout [UInt8]) {
        for byte in 0..<4 { zip[offset + byte] = UInt8((value >> (8 * byte)) & 0xFF) }
    }

    /// Declares `size` as the entry's uncompressed size in both headers.
    static func declareUncompressedSize(_ size: Int, of path: String, in data: Data) throws -> Data {
        var zip = [UInt8](data)
        let (central, local) = try #require(headers(of: path, in: zip))
        write32(size, at: central + 24, in: &zip)
        write32(size, at: local + 22, in: &zip)
        return Data(zip)
    }

    /// Replaces the entry's deflate stream with a stored block that claims 65,535 bytes, more than
    /// the rest of the file holds, so the stream never ends.
    static func unterminatedDeflateStream(of path: String, in data: Data) throws -> Data {
        var zip = [UInt8](data)
        let (central, local) = try #require(headers(of: path, in: zip))
        let compressedSize = Int(zip[central + 20]) | Int(zip[central + 21]) << 8 | Int(zip[central + 22]) << 16
        let start = local + 30 + (Int(zip[local + 26]) | Int(zip[local + 27]) << 8) + (Int(zip[local + 28]) | Int(zip[local + 29]) << 8)
        let endless: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00]  // not final, stored, LEN 65535, NLEN 0
        try #require(compressedSize > endless.count)
        for (index, byte) in endless.enumerated() { zip[start + index] = byte }
        return Data(zip)
    }
}
