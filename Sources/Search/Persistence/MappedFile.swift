import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A sealed file mapped read-only, so its columns are read in place and the operating system pages
/// them in and out as searches touch them; processes opening the same file share its pages.
enum MappedFile {
    enum Failure: Error { case cannotOpen(String), cannotMap(String) }

    /// Verifies the file's trailing checksum with plain reads (checking through the mapping would
    /// make every page resident at once), then maps it.
    static func map(_ url: URL) throws -> ColumnStorage {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure.cannotOpen(url.lastPathComponent) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure.cannotOpen(url.lastPathComponent) }
        let size = Int(status.st_size)
        guard size >= 8 else { throw BinaryReader.Failure.truncated }
        try verifyChecksum(descriptor, size: size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw Failure.cannotMap(url.lastPathComponent)
        }
        return ColumnStorage(mapped: UnsafeRawBufferPointer(start: address, count: size)) { bytes in
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        }
    }

    private static func verifyChecksum(_ descriptor: Int32, size: Int) throws {
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        var checksum = Checksum(length: size - 8)
        var offset = 0
        while offset < size - 8 {
            let wanted = min(chunk, size - 8 - offset)
            let read = pread(descriptor, buffer.baseAddress, wanted, off_t(offset))
            guard read == wanted else { throw BinaryReader.Failure.truncated }
            checksum.add(UnsafeRawBufferPointer(rebasing: buffer[0..<wanted]))
            offset += wanted
        }
        var stored: UInt64 = 0
        guard pread(descriptor, &stored, 8, off_t(size - 8)) == 8 else { throw BinaryReader.Failure.truncated }
        guard stored == checksum.value else { throw BinaryReader.Failure.checksumMismatch }
    }
}
