import Domain
import Foundation
import Platform

/// Uploads a message can carry: images and short videos, checked by their bytes, kept in the blob store.
public struct MediaService: Sendable {
    /// What networks take; the type is read from the file's first bytes, not from what the client claims.
    static let signatures: [(prefix: [UInt8], type: String)] = [
        ([0xFF, 0xD8, 0xFF], "image/jpeg"), ([0x89, 0x50, 0x4E, 0x47], "image/png"), (Array("GIF8".utf8), "image/gif"),
    ]

    let media: any MediaRepository
    let blobs: any BlobStore
    let maximumBytes: Int
    let publicURL: String
    let clock: any WallClock

    public init(media: any MediaRepository, blobs: any BlobStore, maximumBytes: Int, publicURL: String, clock: any WallClock) {
        self.media = media
        self.blobs = blobs
        self.maximumBytes = maximumBytes
        self.publicURL = publicURL
        self.clock = clock
    }

    public func upload(_ data: Data, filename: String, owner: Actor) async throws -> MediaItem {
        guard data.count <= maximumBytes else { throw DomainError.tooLarge("uploads are at most \(maximumBytes / 1_048_576) MB") }
        guard !data.isEmpty else { throw DomainError.badRequest("the file is empty", fieldErrors: [FieldError(field: "file", message: "is empty")]) }
        guard let type = Self.contentType(of: data) else {
            throw DomainError.unsupportedMediaType("only JPEG, PNG, GIF, WebP and MP4 files can be attached")
        }
        let id = UUID().uuidString.lowercased()
        let item = MediaItem(id: id, ownerID: owner.userID, filename: Self.safeName(filename, type: type), contentType: type, size: data.count,
                             blobKey: "media/\(owner.userID)/\(id)", accessKey: RandomHex.make(bytes: 16), createdAt: clock.now())
        try await blobs.put(data, key: item.blobKey, contentType: type)
        try await media.insert(item)
        return item
    }

    public func media(id: String, owner: Actor) async throws -> MediaItem {
        guard let item = try await media.media(id: id, owner: owner.userID) else { throw DomainError.notFound("no such upload") }
        return item
    }

    /// The bytes behind a public address, for networks that fetch media themselves.
    public func published(id: String, accessKey: String) async throws -> (MediaItem, Data) {
        guard let item = try await media.media(id: id, accessKey: accessKey) else { throw DomainError.notFound("no such file") }
        return (item, try await blobs.get(key: item.blobKey))
    }

    /// What the delivery runner hands to adapters.
    public func postMedia(ids: [String]) async throws -> [PostMedia] {
        let blobs = self.blobs
        return try await media.media(ids: ids).map { item in
            PostMedia(id: item.id, contentType: item.contentType, filename: item.filename, publicURL: publicAddress(of: item),
                      load: { try await blobs.get(key: item.blobKey) })
        }
    }

    public func publicAddress(of item: MediaItem) -> String {
        "\(publicURL)/media/\(item.id)/\(item.accessKey)"
    }

    static func contentType(of data: Data) -> String? {
        let head = Array(data.prefix(12))
        if let match = signatures.first(where: { head.starts(with: $0.prefix) }) { return match.type }
        if head.count >= 12, head[0..<4] == ArraySlice(Array("RIFF".utf8)), head[8..<12] == ArraySlice(Array("WEBP".utf8)) { return "image/webp" }
        if head.count >= 8, head[4..<8] == ArraySlice(Array("ftyp".utf8)) { return "video/mp4" }
        return nil
    }

    static func safeName(_ name: String, type: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }.prefix(100))
        if !cleaned.isEmpty, cleaned.contains(".") { return cleaned }
        return "upload." + (type.split(separator: "/").last.map(String.init) ?? "bin")
    }
}
