import Foundation
import Platform
import TestPeers
import Testing

/// `FileBlobStore` in a fresh temporary folder per test.
@Suite("File blob store")
struct FileBlobStoreTests {
    static let key = Data((0..<32).map { UInt8($0) })
    static let resume = Data("Ada Lovelace, ada@example.com, +44 20 7946 0958: analytical engine programmer".utf8)

    /// A store in its own folder inside a parent folder, so a test can check nothing landed beside it.
    struct Fixture {
        let parent: URL
        let store: FileBlobStore
        var folder: URL { store.directory }

        init(key: Data = FileBlobStoreTests.key) throws {
            parent = Scratch.root.appendingPathComponent("wayfinder-blobs-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            store = FileBlobStore(directory: parent.appendingPathComponent("blobs"), key: key)
        }

        func file(_ key: String) -> URL { folder.appendingPathComponent(key) }

        /// Every regular file under the parent folder, as paths relative to it.
        func files() -> [String] {
            let enumerator = FileManager.default.enumerator(at: parent, includingPropertiesForKeys: [.isRegularFileKey])
            return (enumerator?.allObjects as? [URL] ?? [])
                .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
                .map { String($0.standardizedFileURL.path.dropFirst(parent.standardizedFileURL.path.count + 1)) }
                .sorted()
        }

        func remove() { try? FileManager.default.removeItem(at: parent) }
    }

    @Test("put, get, replace, exists and delete round-trip; deleting twice is fine")
    func roundTrip() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        #expect(try await store.exists(key: "resumes/7/cv.pdf") == false)
        try await store.put(Self.resume, key: "resumes/7/cv.pdf", contentType: "application/pdf")
        #expect(try await store.exists(key: "resumes/7/cv.pdf"))
        #expect(try await store.get(key: "resumes/7/cv.pdf") == Self.resume)

        try await store.put(Data(), key: "resumes/7/cv.pdf", contentType: "application/pdf")
        #expect(try await store.get(key: "resumes/7/cv.pdf") == Data(), "an empty blob replaces the old one")

        try await store.delete(key: "resumes/7/cv.pdf")
        try await store.delete(key: "resumes/7/cv.pdf")
        try await store.delete(key: "never/stored")
        #expect(try await store.exists(key: "resumes/7/cv.pdf") == false)
        await #expect(throws: BlobStoreError.notFound(key: "resumes/7/cv.pdf")) { try await store.get(key: "resumes/7/cv.pdf") }
        #expect(fixture.files().isEmpty, "no temporary file is left behind")
    }

    @Test("the bytes on disk never contain the plaintext, in any common encoding")
    func encryptedAtRest() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try await fixture.store.put(Self.resume, key: "resumes/ada.txt", contentType: "text/plain")
        try await fixture.store.put(Self.resume, key: "resumes/ada-copy.txt", contentType: "text/plain")
        #expect(fixture.files() == ["blobs/resumes/ada-copy.txt", "blobs/resumes/ada.txt"])
        let original = try Data(contentsOf: fixture.file("resumes/ada.txt"))
        let copy = try Data(contentsOf: fixture.file("resumes/ada-copy.txt"))
        for needle in ["Lovelace", "ada@example.com", "analytical", Self.resume.base64EncodedString().prefix(24).description] {
            #expect(original.range(of: Data(needle.utf8)) == nil, "\(needle) is not on disk")
        }
        #expect(original != copy, "each file has its own nonce, so equal blobs do not look equal on disk")
        let permissions = try FileManager.default.attributesOfItem(atPath: fixture.file("resumes/ada.txt").path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test("a changed byte, a file moved to another key or another store key is detected")
    func tampering() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        try await store.put(Self.resume, key: "a/one", contentType: "text/plain")
        try await store.put(Data("other".utf8), key: "a/two", contentType: "text/plain")

        var bytes = try Data(contentsOf: fixture.file("a/one"))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: fixture.file("a/one"))
        await #expect(throws: BlobStoreError.unreadable(key: "a/one")) { try await store.get(key: "a/one") }

        try FileManager.default.removeItem(at: fixture.file("a/one"))
        try FileManager.default.copyItem(at: fixture.file("a/two"), to: fixture.file("a/one"))
        await #expect(throws: BlobStoreError.unreadable(key: "a/one")) { try await store.get(key: "a/one") }

        try Data("not sealed at all".utf8).write(to: fixture.file("a/one"))
        await #expect(throws: BlobStoreError.unreadable(key: "a/one")) { try await store.get(key: "a/one") }

        let otherKey = FileBlobStore(directory: fixture.folder, key: Data(repeating: 7, count: 32))
        await #expect(throws: BlobStoreError.unreadable(key: "a/two")) { try await otherKey.get(key: "a/two") }
        #expect(try await store.get(key: "a/two") == Data("other".utf8))
    }

    @Test("traversal and other invalid keys are refused before anything is touched")
    func traversal() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        try Data("outside".utf8).write(to: fixture.parent.appendingPathComponent("secret"))
        for key in ["../secret", "a/../../secret", "/etc/passwd", "..", "a//b", ".hidden"] {
            await #expect(throws: BlobStoreError.self) { try await store.put(Self.resume, key: key, contentType: "text/plain") }
            await #expect(throws: BlobStoreError.self) { try await store.get(key: key) }
            await #expect(throws: BlobStoreError.self) { try await store.delete(key: key) }
            await #expect(throws: BlobStoreError.self) { try await store.exists(key: key) }
        }
        #expect(fixture.files() == ["secret"])
        #expect(try Data(contentsOf: fixture.parent.appendingPathComponent("secret")) == Data("outside".utf8))
    }

    @Test("a key that is another key's folder holds no blob, and deleting it removes nothing")
    func folderKeys() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        try await store.put(Self.resume, key: "a/b", contentType: "text/plain")
        #expect(try await store.exists(key: "a") == false)
        await #expect(throws: BlobStoreError.notFound(key: "a")) { try await store.get(key: "a") }
        try await store.delete(key: "a")
        #expect(try await store.get(key: "a/b") == Self.resume)
        await #expect(throws: BlobStoreError.self) { try await store.put(Self.resume, key: "a", contentType: "text/plain") }
        await #expect(throws: BlobStoreError.self) { try await store.put(Self.resume, key: "a/b/c", contentType: "text/plain") }
        #expect(fixture.files() == ["blobs/a/b"])
    }

    @Test("concurrent writers replace a blob whole: every read opens to one of the versions")
    func atomicReplace() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        let versions = (0..<4).map { Data(repeating: UInt8($0), count: 200_000 + $0 * 1000) }
        try await store.put(versions[0], key: "big", contentType: "application/octet-stream")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for round in 0..<40 {
                group.addTask { try await store.put(versions[round % versions.count], key: "big", contentType: "application/octet-stream") }
                group.addTask {
                    let read = try await store.get(key: "big")
                    #expect(versions.contains(read))
                }
            }
            try await group.waitForAll()
        }
        #expect(fixture.files() == ["blobs/big"])
    }
}
