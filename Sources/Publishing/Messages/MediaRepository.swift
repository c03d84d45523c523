import Foundation

/// An uploaded file a message can carry. Its bytes are in the blob store under `blobKey`; `accessKey`
/// makes its public address unguessable, for the networks that fetch media themselves.
public struct MediaItem: Sendable, Equatable {
    public var id: String
    public var ownerID: String
    public var filename: String
    public var contentType: String
    public var size: Int
    public var blobKey: String
    public var accessKey: String
    public var createdAt: Date

    public init(id: String, ownerID: String, filename: String, contentType: String, size: Int, blobKey: String, accessKey: String, createdAt: Date) {
        self.id = id
        self.ownerID = ownerID
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.blobKey = blobKey
        self.accessKey = accessKey
        self.createdAt = createdAt
    }
}

public protocol MediaRepository: Sendable {
    func insert(_ media: MediaItem) async throws
    func media(id: String, owner: String) async throws -> MediaItem?
    /// Any owner's media, by id and access key, for its public address.
    func media(id: String, accessKey: String) async throws -> MediaItem?
    func media(ids: [String]) async throws -> [MediaItem]
}
