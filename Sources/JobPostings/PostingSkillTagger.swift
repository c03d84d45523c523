/// A skill a posting asks for, as the search index keeps it (the `skill=` filter, the `skills` facet).
public struct PostingSkill: Sendable, Hashable {
    /// The skill's canonical name ("Kubernetes"), the same for every way it is written.
    public var name: String
    /// False when the posting names it as a plus, not a requirement.
    public var isRequired: Bool

    public init(name: String, isRequired: Bool) {
        self.name = name
        self.isRequired = isRequired
    }
}

/// Reads the skills of a posting when it is indexed. The career agent's extractor provides it; the
/// index works without one (no skills).
public protocol PostingSkillTagger: Sendable {
    func skills(of posting: JobPosting) -> [PostingSkill]
    /// Identifies what this tagger finds (its taxonomy and rules), so that skills it recorded when a posting
    /// was written are read back instead of read again. Nil: its findings are never recorded nor reused.
    var taggerFingerprint: String? { get }
    /// Returns once reading needs no more building (a taxonomy loaded on first use), having waited off the
    /// concurrency pool: a task that blocked a pool thread on that build would hold back every other task.
    func whenReady() async
}

extension PostingSkillTagger {
    public var taggerFingerprint: String? { nil }
    public func whenReady() async {}

    /// The posting's skills: those recorded when it was written, if this tagger recorded them (`stamp`: its
    /// fingerprint's), or else read now. `names` keeps the names read back, for the next posting.
    public func skills(of stored: StoredJobPosting, stamp: String?, names: inout RecordedSkills.Names) -> [PostingSkill] {
        if let stamp, let recorded = stored.recordedSkills?.skills(ifStamped: stamp, names: &names) { return recorded }
        return skills(of: stored.posting)
    }
}
