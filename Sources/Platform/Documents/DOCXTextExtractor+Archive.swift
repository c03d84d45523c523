import Foundation
import ZIPFoundation

extension DOCXTextExtractor {
    /// The bytes of `word/document.xml`, after the archive's directory passed `limits` and while
    /// inflating stays within what the entry declared (a declared size can lie; the inflated bytes cannot).
    func bodyXML(of data: Data) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        } catch {
            throw DocumentExtractionError.corrupt("it is not a readable ZIP archive, which every .docx file is")
        }
        let bodyIsListed = try checkDirectory(of: archive)
        guard bodyIsListed else {
            throw DocumentExtractionError.mismatchedType(declared: .docx, actual: .zipArchive)
        }
        guard let body = ZIPEntryBytes(locating: Self.bodyPath, in: data) else {
            throw DocumentExtractionError.corrupt("the ZIP directory entry for \(Self.bodyPath) is damaged or uses ZIP64")
        }
        guard !body.isEncrypted else { throw DocumentExtractionError.corrupt("the document is encrypted") }
        let limit = min(body.declaredUncompressedSize, limits.maximumTotalUncompressedBytes)
        let compressed = Data(data.dropFirst(body.compressed.lowerBound).prefix(body.compressed.count))
        switch body.compressionMethod {
        case 0:
            guard compressed.count <= limit else { throw Self.inflatedPastDeclaredSize(body) }
            guard compressed.crc32(checksum: 0) == body.crc32 else { throw Self.damagedBody }
            return compressed
        case 8:
            return try inflate(compressed, limit: limit, body: body)
        default:
            throw DocumentExtractionError.corrupt("\(Self.bodyPath) uses a compression method other than deflate")
        }
    }

    /// Walks the directory without inflating anything; throws `zipBomb` past a limit. Returns whether
    /// the Word body is listed.
    private func checkDirectory(of archive: Archive) throws -> Bool {
        var count = 0
        var total = 0
        var bodyIsListed = false
        for entry in archive {
            count += 1
            guard count <= limits.maximumEntryCount else {
                throw DocumentExtractionError.zipBomb("the archive holds more than \(limits.maximumEntryCount) files")
            }
            let declared = Int(clamping: entry.uncompressedSize)
            let ratio = declared / max(Int(clamping: entry.compressedSize), 1)
            if declared > limits.compressionRatioCheckedAbove, ratio > limits.maximumCompressionRatio {
                throw DocumentExtractionError.zipBomb(
                    "\(entry.path.prefix(100)) would expand \(ratio) times, to \(declared) bytes (at most \(limits.maximumCompressionRatio) times is accepted)")
            }
            total = declared > Int.max - total ? Int.max : total + declared
            guard total <= limits.maximumTotalUncompressedBytes else {
                throw DocumentExtractionError.zipBomb("its files would unpack to more than \(limits.maximumTotalUncompressedBytes) bytes")
            }
            bodyIsListed = bodyIsListed || entry.path == Self.bodyPath
        }
        return bodyIsListed
    }

    /// Inflates with ZIPFoundation's own inflater, fed only the entry's bytes (see `ZIPEntryBytes`),
    /// in one chunk: that inflater hands zlib a full buffer whatever a chunk's length, so a shorter
    /// last chunk would have it read past the entry. A stream that has not ended by then asks for
    /// more and is refused.
    private func inflate(_ compressed: Data, limit: Int, body: ZIPEntryBytes) throws -> Data {
        struct Overflow: Error {}
        struct Truncated: Error {}
        guard !compressed.isEmpty else { throw Self.damagedBody }
        var inflated = Data()
        let checksum: CRC32
        do {
            checksum = try Data.decompress(size: Int64(compressed.count), bufferSize: compressed.count, skipCRC32: false, provider: { position, _ in
                guard position == 0 else { throw Truncated() }
                return compressed
            }, consumer: { chunk in
                guard inflated.count + chunk.count <= limit else { throw Overflow() }
                inflated.append(chunk)
            })
        } catch is Overflow {
            throw Self.inflatedPastDeclaredSize(body)
        } catch {
            throw Self.damagedBody
        }
        guard checksum == body.crc32, inflated.count == body.declaredUncompressedSize else { throw Self.damagedBody }
        return inflated
    }

    private static var damagedBody: DocumentExtractionError {
        .corrupt("\(bodyPath) is damaged or cut short")
    }

    private static func inflatedPastDeclaredSize(_ body: ZIPEntryBytes) -> DocumentExtractionError {
        .zipBomb("\(bodyPath) unpacks to more than the \(body.declaredUncompressedSize) bytes it declares")
    }
}
