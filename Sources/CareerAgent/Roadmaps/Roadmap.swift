import Foundation

/// A plan from where a seeker stands to a target role. What is stored is the goal and the progress
/// (skills marked learned); the skills themselves are worked out again from the market and the
/// seeker's skills every time the roadmap is read, so it follows both.
public struct Roadmap: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var targetRole: String
    public var currentRole: String?
    /// Canonical skill names the seeker marked learned.
    public var learned: [String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, userID: String, targetRole: String, currentRole: String?, learned: [String], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.userID = userID
        self.targetRole = targetRole
        self.currentRole = currentRole
        self.learned = learned
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A roadmap as read now: the market's demand, what the seeker has and lacks, milestones and a timeline.
public struct RoadmapPlan: Sendable, Equatable {
    public struct Skill: Sendable, Equatable {
        public var name: String
        public var category: String
        /// Open postings for the role asking for it.
        public var demand: Int
        public var status: Status
        public var weeks: Int
    }

    public enum Status: String, Sendable { case has, learned, missing }

    public struct Milestone: Sendable, Equatable {
        public var title: String
        public var skills: [String]
        public var weeks: Int
        public var startWeek: Int
        public var targetDate: Date
        public var isDone: Bool
    }

    public var roadmap: Roadmap
    public var postings: Int
    public var skills: [Skill]
    public var milestones: [Milestone]
    /// Share of the role's skills the seeker has or learned, 0–100.
    public var progress: Int
    public var totalWeeks: Int
}

/// Where roadmaps are kept; every method takes the owner.
public protocol RoadmapRepository: Sendable {
    func insert(_ roadmap: Roadmap) async throws
    func roadmap(id: String, owner: String) async throws -> Roadmap?
    func roadmaps(owner: String) async throws -> [Roadmap]
    /// Replaces the learned skills; false when the roadmap is not the owner's.
    func update(_ roadmap: Roadmap) async throws -> Bool
}
