import Domain
import Foundation
import JobPostings

/// `/roadmaps`: the skills the market asks for a role, which the seeker has, a plan for the rest.
public struct RoadmapService: Sendable {
    /// How many of the role's most asked-for skills a roadmap covers.
    static let skillCount = 15

    private let repository: any RoadmapRepository
    private let jobs: JobSearchService
    private let matches: JobMatchService
    private let skills: SkillExtractor
    private let clock: any WallClock

    public init(repository: any RoadmapRepository, jobs: JobSearchService, matches: JobMatchService, skills: SkillExtractor,
                clock: any WallClock) {
        self.repository = repository
        self.jobs = jobs
        self.matches = matches
        self.skills = skills
        self.clock = clock
    }

    public func create(actor: Actor, targetRole: String, currentRole: String?) async throws -> RoadmapPlan {
        let now = clock.now()
        let roadmap = Roadmap(id: UUID().uuidString.lowercased(), userID: actor.userID, targetRole: targetRole,
                              currentRole: currentRole, learned: [], createdAt: now, updatedAt: now)
        try await repository.insert(roadmap)
        return try await plan(roadmap, actor: actor)
    }

    public func list(actor: Actor) async throws -> [Roadmap] {
        try await repository.roadmaps(owner: actor.userID)
    }

    public func roadmap(actor: Actor, id: String) async throws -> RoadmapPlan {
        try await plan(try await stored(actor: actor, id: id), actor: actor)
    }

    /// Marks skills learned or not learned (canonical names or any written form); unknown names are refused.
    public func mark(actor: Actor, id: String, learned: [String], unlearned: [String]) async throws -> RoadmapPlan {
        var roadmap = try await stored(actor: actor, id: id)
        var unknown: [FieldError] = []
        func canonical(_ names: [String], field: String) -> [String] {
            names.compactMap { name in
                if let concept = skills.taxonomy.resolve(name) { return concept.name }
                unknown.append(FieldError(field: field, message: "'\(name)' is not a skill Wayfinder knows"))
                return nil
            }
        }
        let adding = canonical(learned, field: "learned"), removing = Set(canonical(unlearned, field: "unlearned").map { $0.lowercased() })
        guard unknown.isEmpty else { throw DomainError.badRequest("Some skills are not known.", fieldErrors: unknown) }
        var result = roadmap.learned.filter { !removing.contains($0.lowercased()) }
        for name in adding where !result.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { result.append(name) }
        roadmap.learned = result
        roadmap.updatedAt = clock.now()
        guard try await repository.update(roadmap) else { throw Self.notFound(id) }
        return try await plan(roadmap, actor: actor)
    }

    private func stored(actor: Actor, id: String) async throws -> Roadmap {
        guard let roadmap = try await repository.roadmap(id: id, owner: actor.userID) else { throw Self.notFound(id) }
        return roadmap
    }

    static func notFound(_ id: String) -> DomainError { .notFound("No roadmap has the id '\(id)'.") }

    /// The plan as the market and the seeker's skills stand now, keeping what was marked learned.
    func plan(_ roadmap: Roadmap, actor: Actor) async throws -> RoadmapPlan {
        var query = JobSearchQuery(text: roadmap.targetRole, limit: 1)
        query.titleOnly = true
        let market = try await jobs.search(query)
        let owned = Set(try await matches.profile(actor: actor).skills.map { $0.lowercased() })
        let learned = Set(roadmap.learned.map { $0.lowercased() })
        let planned = market.facets.skills.prefix(Self.skillCount).map { facet -> RoadmapPlan.Skill in
            let category = skills.taxonomy.resolve(facet.value)?.category ?? "skill"
            let status: RoadmapPlan.Status = owned.contains(facet.value.lowercased()) ? .has
                : learned.contains(facet.value.lowercased()) ? .learned : .missing
            return RoadmapPlan.Skill(name: facet.value, category: category, demand: facet.count, status: status,
                                     weeks: status == .missing ? RoadmapPlanner.weeks(for: category) : 0)
        }
        let milestones = RoadmapPlanner.milestones(for: planned, from: roadmap.updatedAt)
        let done = planned.filter { $0.status != .missing }.count
        return RoadmapPlan(roadmap: roadmap, postings: market.total, skills: planned, milestones: milestones,
                           progress: planned.isEmpty ? 0 : done * 100 / planned.count, totalWeeks: milestones.reduce(0) { $0 + $1.weeks })
    }
}
