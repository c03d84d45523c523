import Domain
import Foundation
import Platform

/// Uploading, reading and removing resumes. An upload is read before anything is stored, so a file
/// that cannot be read leaves no trace; the original goes to the blob store, then the row is written.
public struct ResumeService: Sendable {
    public static let maximumBytes = 5 * 1024 * 1024

    private let repository: any ResumeRepository
    private let blobs: any BlobStore
    private let documents: DocumentTextExtractors
    private let parser: ResumeParser
    private let clock: any WallClock

    public init(repository: any ResumeRepository, blobs: any BlobStore, documents: DocumentTextExtractors,
                parser: ResumeParser, clock: any WallClock) {
        self.repository = repository
        self.blobs = blobs
        self.documents = documents
        self.parser = parser
        self.clock = clock
    }

    public func upload(actor: Actor, fileName: String, contentType: String?, data: Data) async throws -> Resume {
        guard data.count <= Self.maximumBytes else {
            throw DomainError.tooLarge("A resume may be at most 5 MB; this file is \(data.count / 1024) KB.")
        }
        let extracted: ExtractedDocument
        do {
            extracted = try await documents.text(of: data, fileName: fileName, contentType: contentType)
        } catch let error as DocumentExtractionError {
            throw error.domainError
        }
        let text = extracted.text
        guard text.contains(where: { $0.isLetter }) else {
            throw DomainError.invalid("The file has no text to read (an empty document, or a scan without a text layer).",
                                      fieldErrors: [FieldError(field: "file", message: "has no extractable text")])
        }
        let now = clock.now()
        let id = UUID().uuidString.lowercased()
        let key = "resumes/\(actor.userID)/\(id)"
        let resume = Resume(
            id: id, userID: actor.userID, fileName: Self.safeName(fileName), contentType: extracted.kind.contentTypes[0],
            byteSize: data.count, blobKey: key, text: text, parsed: parser.parse(text, asOf: now), isPrimary: false, createdAt: now
        )
        try await blobs.put(data, key: key, contentType: resume.contentType)
        do {
            return try await repository.insert(resume)
        } catch {
            try? await blobs.delete(key: key)
            throw error
        }
    }

    public func list(actor: Actor) async throws -> [Resume] {
        try await repository.resumes(owner: actor.userID)
    }

    public func resume(actor: Actor, id: String) async throws -> Resume {
        guard let resume = try await repository.resume(id: id, owner: actor.userID) else { throw Self.notFound(id) }
        return resume
    }

    public func primary(actor: Actor) async throws -> Resume? {
        try await repository.primary(owner: actor.userID)
    }

    /// The original file as uploaded.
    public func original(actor: Actor, id: String) async throws -> (resume: Resume, data: Data) {
        let resume = try await resume(actor: actor, id: id)
        return (resume, try await blobs.get(key: resume.blobKey))
    }

    public func markPrimary(actor: Actor, id: String) async throws -> Resume {
        guard try await repository.markPrimary(id: id, owner: actor.userID) else { throw Self.notFound(id) }
        return try await resume(actor: actor, id: id)
    }

    public func delete(actor: Actor, id: String) async throws {
        guard let removed = try await repository.delete(id: id, owner: actor.userID) else { throw Self.notFound(id) }
        try? await blobs.delete(key: removed.blobKey)
    }

    static func notFound(_ id: String) -> DomainError { .notFound("No resume has the id '\(id)'.") }

    /// The name shown back to the user: no folders, no control characters, at most 200 characters.
    static func safeName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(base.unicodeScalars.filter { !$0.properties.generalCategory.isControl }.prefix(200).map(Character.init))
        return cleaned.isEmpty ? "resume" : cleaned
    }
}

private extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control || self == .format }
}

extension DocumentExtractionError {
    /// How the HTTP edge reports a file that could not be read.
    var domainError: DomainError {
        switch self {
        case .tooLarge: .tooLarge(description)
        case .unsupportedType: .unsupportedMediaType(description)
        case .extractorUnavailable: .unavailable(description)
        default: .invalid(description, fieldErrors: [FieldError(field: "file", message: description)])
        }
    }
}
