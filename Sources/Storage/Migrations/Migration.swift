import SQLKit

/// One numbered, append-only schema change. Once landed, a migration is never edited: a fix is a new one.
public protocol Migration: Sendable {
    var version: Int { get }
    var name: String { get }
    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws
}

/// Every migration, in order. Add new ones at the end.
public enum Migrations {
    public static let all: [any Migration] = [
        CreateJobPostings(),
        CreateDatabaseIdentity(),
        CreateBackgroundWork(),
        CreateJobSources(),
        FasterTextCompression(),
        CreateAccounts(),
        CreateSavedJobs(),
        CreateResumes(),
        CreateRoadmaps(),
        CreateApplications(),
        CreateEmailTriage(),
        CreateAccessGovernance(),
        CreateAccessAudit(),
        CreatePublishing(),
        CreateSkillsGraph(),
        InlineUncompressedPostings(),
        RecordPostingSkills(),
        CreatePostingSkillSweeps(),
    ]
}
