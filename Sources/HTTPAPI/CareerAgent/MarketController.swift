import CareerAgent
import Domain
import Foundation
import Hummingbird
import JobPostings

/// `GET /api/v1/market-intelligence?role=&location=&remote=`: a role's market from the open postings.
struct MarketController {
    typealias Context = APIRequestContext
    let market: MarketInsightsService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("market-intelligence", use: insights)
    }

    @Sendable func insights(_ request: Request, context: Context) async throws -> Response {
        let (role, location, remote) = try Self.parameters(request)
        return try JSONResponse.make(Self.body(try market.insights(role: role, location: location, remote: remote)))
    }

    static func parameters(_ request: Request) throws -> (role: String, location: String?, remote: Bool?) {
        let query = try QueryParameters(rawQuery: request.uri.query)
        var errors: [FieldError] = []
        for name in query.names.subtracting(["role", "location", "remote"]).sorted() {
            errors.append(FieldError(field: name, message: "is not a known parameter"))
        }
        let role = (query["role"] ?? "").trimmingCharacters(in: .whitespaces)
        if role.isEmpty { errors.append(FieldError(field: "role", message: "is required")) }
        if role.count > 200 { errors.append(FieldError(field: "role", message: "must be at most 200 characters")) }
        var remote: Bool?
        if let text = query["remote"] {
            switch text.lowercased() {
            case "true", "1": remote = true
            case "false", "0": remote = false
            default: errors.append(FieldError(field: "remote", message: "must be true or false"))
            }
        }
        guard errors.isEmpty else { throw DomainError.badRequest("Some parameters are missing or invalid.", fieldErrors: errors) }
        let location = query["location"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        return (role, location, remote)
    }

    static func body(_ insights: MarketInsights) -> JSONValue {
        let statistics = insights.statistics
        func counts(_ facets: [FacetCount], key: String) -> JSONValue {
            .array(facets.map { facet in
                .object([key: .string(facet.value), "count": .number(Double(facet.count)),
                         "share": .number(statistics.openPostings == 0 ? 0 : (Double(facet.count) / Double(statistics.openPostings) * 1000).rounded() / 1000)])
            })
        }
        return .object([
            "role": .string(insights.role),
            "location": insights.location.map(JSONValue.string) ?? .null,
            "remote": insights.remote.map(JSONValue.bool) ?? .null,
            "open_postings": .number(Double(statistics.openPostings)),
            "share_of_all_postings": .number((insights.share * 10000).rounded() / 10000),
            "demand_level": .string(insights.demand.rawValue),
            "weekly_new_postings": .array(statistics.weeklyNew.map {
                .object(["week_start": .string(Timestamps.format($0.weekStart)), "count": .number(Double($0.count))])
            }),
            "trend": .object([
                "last_4_weeks": .number(Double(insights.lastFourWeeks)),
                "previous_4_weeks": .number(Double(insights.previousFourWeeks)),
                "change_percent": insights.trendPercent.map { .number(Double($0)) } ?? .null,
            ]),
            "salary": .array(statistics.salaries.map { salary in
                .object(["currency": .string(salary.currency), "count": .number(Double(salary.count)), "period": .string("year"),
                         "p10": .number(Double(salary.p10)), "p25": .number(Double(salary.p25)), "p50": .number(Double(salary.p50)),
                         "p75": .number(Double(salary.p75)), "p90": .number(Double(salary.p90))])
            }),
            "top_skills": counts(statistics.facets.skills, key: "name"),
            "top_companies": counts(statistics.facets.company, key: "name"),
            "remote_share": .number((insights.remoteShare * 1000).rounded() / 1000),
        ])
    }
}
