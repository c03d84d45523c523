import Foundation

/// A resume a user uploaded: the original file (in the blob store), its text, and what was read from it.
public struct Resume: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var fileName: String
    public var contentType: String
    public var byteSize: Int
    /// Where the original lives in the blob store.
    public var blobKey: String
    public var text: String
    public var parsed: ParsedResume
    public var isPrimary: Bool
    public var createdAt: Date

    public init(id: String, userID: String, fileName: String, contentType: String, byteSize: Int, blobKey: String,
                text: String, parsed: ParsedResume, isPrimary: Bool, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.fileName = fileName
        self.contentType = contentType
        self.byteSize = byteSize
        self.blobKey = blobKey
        self.text = text
        self.parsed = parsed
        self.isPrimary = isPrimary
        self.createdAt = createdAt
    }
}

/// Where resumes are kept. Every method takes the owner: another user's resume does not exist.
public protocol ResumeRepository: Sendable {
    /// Stores a new resume; the first one a user has becomes primary.
    func insert(_ resume: Resume) async throws -> Resume
    func resume(id: String, owner: String) async throws -> Resume?
    /// Newest first.
    func resumes(owner: String) async throws -> [Resume]
    /// The primary resume, or the newest when none is marked.
    func primary(owner: String) async throws -> Resume?
    /// Makes this resume the owner's only primary one; false when it is not theirs.
    func markPrimary(id: String, owner: String) async throws -> Bool
    /// Removes it and returns what was removed (to delete its file); the newest remaining becomes primary.
    func delete(id: String, owner: String) async throws -> Resume?
}
