import CareerAgent
import Domain
import Foundation
import HTTPAPI
import Hummingbird

/// `/market`: a role's market as figures and charts drawn on the server.
struct MarketPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("market", use: market)
    }

    @Sendable func market(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let role = (query.get("role") ?? "").trimmingCharacters(in: .whitespaces)
        let location = (query.get("location") ?? "").trimmingCharacters(in: .whitespaces)
        let remote = query.get("remote") == "true" ? true : nil
        var model = MarketPage(role: role, location: location, remote: remote == true)
        if !role.isEmpty {
            let insights = try web.dependencies.careerAgent.market.insights(role: role, location: location.isEmpty ? nil : location, remote: remote)
            model.fill(insights)
        }
        return await web.page("market", model, title: role.isEmpty ? "Market insights" : "\(role): market insights", request, context)
    }
}

struct MarketPage {
    struct Salary {
        var currency: String
        var count: Int
        var p10: Int, p25: Int, p50: Int, p75: Int, p90: Int
        var chartSVG: String
    }

    struct Count {
        var name: String
        var count: Int
    }

    var role: String
    var location: String
    var remote: Bool
    var hasResults = false
    var openPostings = 0
    var demand = ""
    var remoteShare = ""
    var trend = ""
    var weeklySVG = ""
    var weekly: [Count] = []
    var salaries: [Salary] = []
    var hasSalaries = false
    var skillsSVG = ""
    var skills: [Count] = []
    var companiesSVG = ""
    var companies: [Count] = []

    init(role: String, location: String, remote: Bool) {
        self.role = role
        self.location = location
        self.remote = remote
    }

    mutating func fill(_ insights: MarketInsights) {
        let statistics = insights.statistics
        hasResults = true
        openPostings = statistics.openPostings
        demand = insights.demand.rawValue.capitalizedFirst
        remoteShare = "\(Int((insights.remoteShare * 100).rounded()))%"
        trend = insights.trendPercent.map { "\($0 >= 0 ? "+" : "")\($0)% over the previous four weeks" } ?? "no postings in the four weeks before"
        let formatter = DateFormatter()
        formatter.dateFormat = "d MMM"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        weekly = statistics.weeklyNew.map { Count(name: "week of " + formatter.string(from: $0.weekStart), count: $0.count) }
        weeklySVG = SVGCharts.bars(statistics.weeklyNew.map { (formatter.string(from: $0.weekStart), $0.count) },
                                   title: "New postings per week for \(insights.role)")
        salaries = statistics.salaries.map { salary in
            Salary(currency: salary.currency, count: salary.count, p10: salary.p10, p25: salary.p25, p50: salary.p50, p75: salary.p75,
                   p90: salary.p90, chartSVG: SVGCharts.salaryRange(p10: salary.p10, p25: salary.p25, p50: salary.p50, p75: salary.p75,
                                                                     p90: salary.p90, currency: salary.currency))
        }
        hasSalaries = !salaries.isEmpty
        skills = statistics.facets.skills.prefix(15).map { Count(name: $0.value, count: $0.count) }
        skillsSVG = SVGCharts.horizontalBars(skills.map { ($0.name, $0.count) }, title: "Skills most asked for")
        companies = statistics.facets.company.prefix(10).map { Count(name: $0.value, count: $0.count) }
        companiesSVG = SVGCharts.horizontalBars(companies.map { ($0.name, $0.count) }, title: "Companies hiring most")
    }
}
