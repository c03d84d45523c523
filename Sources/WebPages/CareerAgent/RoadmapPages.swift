import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import Hummingbird

/// `/roadmaps`: create a roadmap for a role, see its milestones and timeline, mark skills learned.
struct RoadmapPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("roadmaps", use: list)
        group.post("roadmaps", use: create)
        group.get("roadmaps/{id}", use: show)
        group.post("roadmaps/{id}/learned", use: learned)
    }

    private var roadmaps: RoadmapService { web.dependencies.careerAgent.roadmaps }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let all = try await roadmaps.list(actor: user.actor)
        let rows: [[String: Any]] = all.map { ["url": "/roadmaps/\($0.id)", "role": $0.targetRole, "created": PostingText.date($0.createdAt)] }
        return await web.page("roadmaps", ["rows": rows, "hasRows": !rows.isEmpty, "csrf": context.csrfToken ?? ""] as [String: Any],
                              title: "Roadmaps", request, context)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/roadmaps").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let role = (form["target_role"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !role.isEmpty, role.count <= 200 else { return PageRenderer.redirect(to: "/roadmaps") }
        let current = form["current_role"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let plan = try await roadmaps.create(actor: user.actor, targetRole: role, currentRole: current)
        return PageRenderer.redirect(to: "/roadmaps/\(plan.roadmap.id)")
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let plan: RoadmapPlan
        do {
            plan = try await roadmaps.roadmap(actor: user.actor, id: try context.parameters.require("id"))
        } catch DomainError.notFound {
            return await web.notFound("roadmap", back: ("/roadmaps", "Your roadmaps"), request, context)
        }
        return await web.page("roadmap", RoadmapPage(plan, csrf: context.csrfToken ?? ""), title: "Roadmap: \(plan.roadmap.targetRole)",
                              request, context)
    }

    @Sendable func learned(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/roadmaps").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try context.parameters.require("id")
        let skill = form["skill"] ?? ""
        if form["undo"] == "1" {
            _ = try await roadmaps.mark(actor: user.actor, id: id, learned: [], unlearned: [skill])
        } else {
            _ = try await roadmaps.mark(actor: user.actor, id: id, learned: [skill], unlearned: [])
        }
        return PageRenderer.redirect(to: "/roadmaps/\(id)")
    }
}

struct RoadmapPage {
    struct Skill {
        var name: String
        var demand: Int
        var has: Bool
        var learned: Bool
        var missing: Bool
        var weeks: Int
    }

    struct Milestone {
        var title: String
        var skills: String
        var weeks: Int
        var target: String
        var done: Bool
    }

    var id: String
    var role: String
    var postings: Int
    var progress: Int
    var totalWeeks: Int
    var skills: [Skill]
    var milestones: [Milestone]
    var gaugeSVG: String
    var csrf: String

    init(_ plan: RoadmapPlan, csrf: String) {
        id = plan.roadmap.id
        role = plan.roadmap.targetRole
        postings = plan.postings
        progress = plan.progress
        totalWeeks = plan.totalWeeks
        skills = plan.skills.map { Skill(name: $0.name, demand: $0.demand, has: $0.status == .has, learned: $0.status == .learned,
                                         missing: $0.status == .missing, weeks: $0.weeks) }
        milestones = plan.milestones.map { Milestone(title: $0.title, skills: $0.skills.joined(separator: ", "), weeks: $0.weeks,
                                                     target: PostingText.date($0.targetDate), done: $0.isDone) }
        gaugeSVG = SVGCharts.gauge(plan.progress, label: "Progress \(plan.progress) out of 100")
        self.csrf = csrf
    }
}
