import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations behind `FileBlobStore`, in POSIX terms where Foundation does not say what happens
/// on a crash or with a folder in the way.
extension FileBlobStore {
    /// Writes a hidden temporary file next to the target, flushes it, then renames it over the target: a
    /// reader or a crash sees the old file or the new one, never half of one.
    static func writeAtomically(_ data: Data, to path: URL, key: String) throws {
        let folder = path.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BlobStoreError.storageFailed(key: key, reason: "cannot create its folder: \(error.localizedDescription)")
        }
        // A leading dot: no valid key names it, so a temporary file is never mistaken for a blob.
        let temporary = folder.appendingPathComponent(".\(path.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(key, "cannot create a temporary file") }
        if let error = writeAll(data, to: descriptor, key: key) {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
        close(descriptor)
        guard rename(temporary.path, path.path) == 0 else {
            let error = failure(key, "cannot move the temporary file into place")
            unlink(temporary.path)
            throw error
        }
        syncFolder(folder)
    }

    /// Every byte and then `fsync`, or the error (while `errno` still says why).
    private static func writeAll(_ data: Data, to descriptor: Int32, key: String) -> BlobStoreError? {
        var written = 0
        return data.withUnsafeBytes { bytes -> BlobStoreError? in
            while written < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return failure(key, "cannot write a temporary file") }
                written += count
            }
            return fsync(descriptor) == 0 ? nil : failure(key, "cannot flush a temporary file")
        }
    }

    static func read(_ path: URL, key: String) throws -> Data {
        // A folder under the key's path (the key is a prefix of others) holds no blob either.
        guard isFile(path) else { throw BlobStoreError.notFound(key: key) }
        do {
            return try Data(contentsOf: path)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            throw BlobStoreError.notFound(key: key)
        }
    }

    /// `unlink`, not `FileManager.removeItem`, which would delete a whole folder of other blobs when the
    /// key names one.
    static func remove(_ path: URL, key: String) throws {
        guard unlink(path.path) != 0 else { return }
        switch errno {
        case ENOENT, ENOTDIR, EISDIR: return
        default: throw failure(key, "cannot remove its file")
        }
    }

    static func isFile(_ path: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) && !isFolder.boolValue
    }

    /// Makes the rename itself durable; a folder that cannot be flushed leaves the blob written but not yet synced.
    private static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ key: String, _ what: String) -> BlobStoreError {
        .storageFailed(key: key, reason: "\(what) (\(String(cString: strerror(errno))))")
    }
}
