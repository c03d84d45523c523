import Foundation
import Publishing
import SQLKit

/// Uploaded media's records; the bytes are in the blob store.
public struct SQLMediaRepository: MediaRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ media: MediaItem) async throws {
        try await store.write { database in
            try await database.raw("""
                INSERT INTO publishing_media (id, owner_id, filename, content_type, size, blob_key, access_key, created_at)
                VALUES (\(bind: media.id), \(bind: media.ownerID), \(bind: media.filename), \(bind: media.contentType), \(bind: media.size),
                        \(bind: media.blobKey), \(bind: media.accessKey), \(bind: Milliseconds.from(media.createdAt)))
                """).run()
        }
    }

    public func media(id: String, owner: String) async throws -> MediaItem? {
        try await store.read { database in
            try await database.raw("SELECT * FROM publishing_media WHERE id = \(bind: id) AND owner_id = \(bind: owner)").first().map(Self.media)
        }
    }

    public func media(id: String, accessKey: String) async throws -> MediaItem? {
        try await store.read { database in
            try await database.raw("SELECT * FROM publishing_media WHERE id = \(bind: id) AND access_key = \(bind: accessKey)").first().map(Self.media)
        }
    }

    public func media(ids: [String]) async throws -> [MediaItem] {
        guard !ids.isEmpty else { return [] }
        let found = try await store.read { database in
            try await database.raw("SELECT * FROM publishing_media WHERE id IN (\(binds: ids))").all().map(Self.media)
        }
        // In the order asked.
        return ids.compactMap { id in found.first { $0.id == id } }
    }

    private static func media(_ row: any SQLRow) throws -> MediaItem {
        MediaItem(id: try row.decode(column: "id", as: String.self), ownerID: try row.decode(column: "owner_id", as: String.self),
                  filename: try row.decode(column: "filename", as: String.self), contentType: try row.decode(column: "content_type", as: String.self),
                  size: try row.decode(column: "size", as: Int.self), blobKey: try row.decode(column: "blob_key", as: String.self),
                  accessKey: try row.decode(column: "access_key", as: String.self),
                  createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)))
    }
}
