/// Where an index's writing time has gone since it was created: what a build costs, step by step.
/// Reading skills and building segments run on every core; the times are wall-clock, not summed per core.
public struct IndexBuildTimes: Sendable, Equatable {
    /// Taking each posting's skills: from what was recorded when it was written, or by reading it (`PostingSkillTagger`).
    public var readingSkills = Duration.zero
    /// Turning the postings into segments: analysis, postings lists, columns.
    public var buildingSegments = Duration.zero
    /// Merging the smallest segments when there are too many.
    public var merging = Duration.zero

    public init() {}

    /// The three steps together; the rest of a build is reading the changes themselves.
    public var total: Duration { readingSkills + buildingSegments + merging }
}
