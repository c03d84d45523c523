import Crypto
import Foundation
import NIOPosix

/// `BlobStore` over files in one folder (by default `blobs/` in the data directory), for a single machine.
///
/// Every file is sealed with AES-GCM under the same 256-bit key `SecretBox` uses, so a copy of the data
/// directory's files alone reveals no resume. The key name is authenticated with the contents, so a file
/// copied over another key's file is refused as well as one whose bytes were changed.
///
/// Keys map to paths (`a/b.pdf` is `<folder>/a/b.pdf`), so one key cannot also be the folder of another
/// (`a` and `a/b`): storing the second one fails with `BlobStoreError.storageFailed`.
public struct FileBlobStore: BlobStore {
    public let directory: URL
    private let key: SymmetricKey

    /// The first bytes of every file: a format version, so a later format can be told apart from this one.
    static let magic = Data("WFB1".utf8)

    /// `key` is 32 bytes from configuration or the data directory, as for `SecretBox`.
    public init(directory: URL, key: Data) {
        precondition(key.count == 32, "a blob store needs a 256-bit key")
        self.directory = directory
        self.key = SymmetricKey(data: key)
    }

    public func put(_ data: Data, key: String, contentType: String) async throws {
        let path = try path(for: key)
        let sealed = try seal(data, key: key)
        try await onThreadPool {
            try Self.writeAtomically(sealed, to: path, key: key)
        }
    }

    public func get(key: String) async throws -> Data {
        let path = try path(for: key)
        let sealed = try await onThreadPool { try Self.read(path, key: key) }
        return try unseal(sealed, key: key)
    }

    public func delete(key: String) async throws {
        let path = try path(for: key)
        try await onThreadPool { try Self.remove(path, key: key) }
    }

    public func exists(key: String) async throws -> Bool {
        let path = try path(for: key)
        return await onThreadPool { Self.isFile(path) }
    }

    private func path(for key: String) throws(BlobStoreError) -> URL {
        try BlobKey.validate(key).reduce(directory) { $0.appendingPathComponent(String($1), isDirectory: false) }
    }

    private func seal(_ plaintext: Data, key name: String) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: Self.magic + Data(name.utf8))
        return Self.magic + box.combined!
    }

    private func unseal(_ file: Data, key name: String) throws -> Data {
        guard file.starts(with: Self.magic) else { throw BlobStoreError.unreadable(key: name) }
        do {
            let box = try AES.GCM.SealedBox(combined: file.dropFirst(Self.magic.count))
            return try AES.GCM.open(box, using: key, authenticating: Self.magic + Data(name.utf8))
        } catch {
            throw BlobStoreError.unreadable(key: name)
        }
    }

    /// File calls block their thread, so they run on NIO's blocking pool rather than a cooperative thread.
    private func onThreadPool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    private func onThreadPool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        // A stopped pool (only at process exit) runs the check inline rather than inventing an error.
        (try? await NIOThreadPool.singleton.runIfActive(work)) ?? work()
    }
}
