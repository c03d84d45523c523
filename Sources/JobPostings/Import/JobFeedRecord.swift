import Domain

/// One posting read from a feed, with where it came from so failures can point at it.
public struct JobFeedRecord: Sendable {
    /// 1-based line number (JSON Lines) or item number (JSON arrays, HTML pages).
    public var position: Int
    public var draft: Result<JobPostingDraft, JobFeedError>

    public init(position: Int, draft: Result<JobPostingDraft, JobFeedError>) {
        self.position = position
        self.draft = draft
    }
}

public struct JobFeedError: Error, Sendable, Equatable {
    public var message: String
    public var fieldErrors: [FieldError]

    public init(_ message: String, fieldErrors: [FieldError] = []) {
        self.message = message
        self.fieldErrors = fieldErrors
    }

    /// "title: is required; min_salary: must be a non-negative number", or the message alone.
    public var summary: String {
        fieldErrors.isEmpty ? message : fieldErrors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }
}
