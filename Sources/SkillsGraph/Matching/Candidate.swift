import Crypto
import Foundation
import JobPostings

/// A person matching considers: their match profile (claimed and verified skills, titles,
/// experience, places, pay) and their verified levels by skill name.
public struct Candidate: Sendable, Equatable {
    public var userID: String
    public var profile: MatchProfile
    /// Verified level by the skill's canonical name, lowercased.
    public var verifiedLevels: [String: Int]

    public init(userID: String, profile: MatchProfile, verifiedLevels: [String: Int]) {
        self.userID = userID
        self.profile = profile
        self.verifiedLevels = verifiedLevels
    }

    /// Changes whenever anything matching reads changes: a candidate whose fingerprint is the same
    /// as at the last run keeps their matches.
    public var fingerprint: String {
        let levels = verifiedLevels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let digest = SHA256.hash(data: Data((profile.cursorKey + "|" + levels).utf8))
        return digest.prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}

/// Where matching finds its candidates: everyone who has opted into being matched and states or
/// has proven at least one skill.
public protocol CandidateDirectory: Sendable {
    func candidates() async throws -> [Candidate]
    func candidate(userID: String) async throws -> Candidate?
}

/// One candidate–posting pair kept by matching: in the candidate's ranked list (their best postings,
/// with a reserve beyond what is shown), or for a company job (which keeps every candidate above the
/// bar), or both.
public struct StoredMatch: Sendable, Equatable {
    public var userID: String
    public var rowID: Int64
    public var jobID: String
    public var score: Int
    /// In the candidate's ranked list.
    public var inTop: Bool
    public var forCompany: Bool
    /// The candidate's name for this job's employer until they accept contact.
    public var handle: String
    /// When the posting stops being visible, if it says.
    public var expiresAt: Date?
    public var computedAt: Date
    public var notifiedAt: Date?

    public init(userID: String, rowID: Int64, jobID: String, score: Int, inTop: Bool, forCompany: Bool, expiresAt: Date?, computedAt: Date,
                notifiedAt: Date? = nil) {
        self.userID = userID
        self.rowID = rowID
        self.jobID = jobID
        self.score = score
        self.inTop = inTop
        self.forCompany = forCompany
        self.handle = Self.handle(userID: userID, jobID: jobID)
        self.expiresAt = expiresAt
        self.computedAt = computedAt
        self.notifiedAt = notifiedAt
    }

    /// A per-job pseudonym: the same candidate has unrelated handles on two jobs, so employers
    /// cannot follow one person across postings.
    public static func handle(userID: String, jobID: String) -> String {
        "cand-" + SHA256.hash(data: Data("\(jobID)|\(userID)".utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

}

public protocol MatchRepository: Sendable {
    /// The last change-feed sequence matching has read.
    func cursor() async throws -> Int64
    func setCursor(_ sequence: Int64) async throws
    /// Takes the run lease until `until` unless another run holds it; false when one does.
    func lease(until: Date, now: Date) async throws -> Bool
    func releaseLease() async throws
    /// Each matched candidate's fingerprint at their last recompute.
    func fingerprints() async throws -> [String: String]
    func matches(userID: String) async throws -> [StoredMatch]
    func matches(rowIDs: [Int64]) async throws -> [StoredMatch]
    /// Pairs whose posting expired by `time`.
    func expired(before time: Date) async throws -> [StoredMatch]
    /// The pairs of several candidates, by candidate.
    func matches(userIDs: [String]) async throws -> [String: [StoredMatch]]
    /// Replaces every pair of each candidate (and their fingerprint), all in one transaction.
    func replace(_ lists: [CandidateMatches]) async throws
    /// Removes every pair of these postings.
    func remove(rowIDs: [Int64]) async throws
    /// Per matched candidate: how many postings their ranked list holds, its lowest score, and
    /// whether it holds every posting above the bar.
    func rankedSummaries() async throws -> [String: RankedSummary]
    func remove(userID: String) async throws
    func markNotified(userID: String, rowIDs: [Int64], at time: Date) async throws
    func all() async throws -> [StoredMatch]
}

/// One candidate's whole list of pairs, as a run writes it.
public struct CandidateMatches: Sendable {
    public var userID: String
    public var fingerprint: String
    public var matches: [StoredMatch]
    /// The ranked pairs are every posting above the bar (not the best of more).
    public var complete: Bool

    public init(userID: String, fingerprint: String, matches: [StoredMatch], complete: Bool = true) {
        self.userID = userID
        self.fingerprint = fingerprint
        self.matches = matches
        self.complete = complete
    }
}

/// A candidate's ranked list in brief: enough to tell whether a posting could enter it, and whether
/// losing some of it leaves the top intact.
public struct RankedSummary: Sendable, Equatable {
    public var count: Int
    public var lowest: Int
    public var complete: Bool

    public init(count: Int, lowest: Int, complete: Bool) {
        self.count = count
        self.lowest = lowest
        self.complete = complete
    }
}

extension MatchRepository {
    /// Replaces every pair of one candidate (and their fingerprint).
    public func replace(userID: String, fingerprint: String, with matches: [StoredMatch]) async throws {
        try await replace([CandidateMatches(userID: userID, fingerprint: fingerprint, matches: matches)])
    }
}
