import Domain
import Foundation

/// Made-up postings for trying Wayfinder without any provider: `source.parameters.count` of them (100 when
/// unset), ids `demo#<source-id>-<n>`, no HTTP.
///
/// Every posting is drawn by a `SplitMix64` seeded from the source id and the posting number, and its dates
/// count back from `epoch` (the source's creation time unless one is given), so the same source lists the
/// same postings on every sync and a sync changes nothing. Demo postings do not expire.
public struct DemoProvider: JobProvider {
    public let kind = ProviderKind.demo
    public static let defaultCount = 100
    public static let maximumCount = 100_000

    let epoch: Date?

    public init(epoch: Date? = nil) {
        self.epoch = epoch
    }

    public func fetch(_ source: JobSource) async throws -> ProviderListing {
        let count = source.parameters.count ?? Self.defaultCount
        guard (0...Self.maximumCount).contains(count) else {
            throw ProviderError.misconfigured("a demo source makes 0 to \(Self.maximumCount) postings, not \(count)")
        }
        let anchor = epoch ?? source.createdAt
        return ProviderListing(drafts: (0..<count).map { posting(number: $0, source: source.id, epoch: anchor) })
    }

    /// The `number`-th posting of source `sourceID`: the same arguments always give the same draft.
    public func posting(number: Int, source sourceID: Int64, epoch: Date) -> JobPostingDraft {
        var rng = SplitMix64(seed: (UInt64(bitPattern: sourceID) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(number) &* 0xBF58_476D_1CE4_E5B9))
        let role = rng.pick(Self.roles)
        let level = rng.pick(Self.levels)
        let company = rng.pick(Self.companyNames) + " " + rng.pick(Self.companySuffixes)
        let city = rng.pick(Self.cities)
        let remote = rng.percent(25)
        let roll = rng.below(100)
        let type: EmploymentType = roll < 80 ? .fullTime : roll < 90 ? .partTime : roll < 96 ? .contract : .internship
        let title = (type == .internship ? "" : level.prefix) + role.title + (type == .internship ? " Intern" : "")

        var fields = DraftFields(provider: kind, externalID: "\(sourceID)-\(number)")
        fields["title"] = title
        fields["company"] = company
        fields["location"] = remote ? "Remote – " + city.country : city.name + ", " + city.country
        fields.set("remote", bool: remote)
        fields["employment_type"] = type.rawValue

        var salaryLine = ""
        if rng.percent(75) {
            let factor = (type == .internship ? 0.4 : level.factor) * city.factor * (0.9 + 0.2 * rng.unit())
            let yearly = Double(role.salary) * factor
            if type == .fullTime || rng.percent(40) {
                let low = (yearly / 1000).rounded() * 1000, high = (yearly * 1.25 / 1000).rounded() * 1000
                fields.set(pay: PayRange(min: low, max: high, currency: city.currency, interval: .year))
                salaryLine = "<p>Salary: \(Int(low))–\(Int(high)) \(city.currency) per year.</p>"
            } else {
                let low = (yearly / 2080).rounded(), high = (yearly * 1.2 / 2080).rounded()
                fields.set(pay: PayRange(min: low, max: high, currency: city.currency, interval: .hour))
                salaryLine = "<p>Pay: \(Int(low))–\(Int(high)) \(city.currency) per hour.</p>"
            }
        }

        let skills = (0..<3).map { _ in rng.pick(role.skills) }
        let uniqueSkills = skills.enumerated().filter { !skills[..<$0.offset].contains($0.element) }.map(\.element)
        let wanted = (type == .internship ? "" : level.prefix.lowercased()) + role.title.lowercased()
            + (type == .internship ? " intern" : "")
        let article = "aeiou".contains(wanted.first ?? "x") ? "an " : "a "
        fields["description_html"] = "<p>" + HTMLText.escape(company) + " is looking for " + article + HTMLText.escape(wanted)
            + " to join its team" + (remote ? ", working remotely." : " in " + HTMLText.escape(city.name) + ".")
            + "</p><p>" + HTMLText.escape(role.summary) + "</p><ul>"
            + uniqueSkills.map { "<li>" + HTMLText.escape($0) + "</li>" }.joined() + "</ul>" + salaryLine

        let age = rng.below(45 * 86_400)
        fields["posted_date"] = Timestamps.format(epoch.addingTimeInterval(-Double(age)))
        fields["apply_url"] = "https://demo.wayfinder.example/jobs/\(sourceID)-\(number)"
        return fields.draft
    }

    struct Role {
        let title: String
        let salary: Int
        let summary: String
        let skills: [String]
    }

    static let roles: [Role] = [
        Role(title: "Software Engineer", salary: 120_000, summary: "You will design, build and run the services behind our product.",
             skills: ["Swift", "Go", "PostgreSQL", "distributed systems", "code review", "testing"]),
        Role(title: "Data Analyst", salary: 85_000, summary: "You will turn our data into decisions, from dashboards to experiments.",
             skills: ["SQL", "Python", "statistics", "dashboards", "A/B testing"]),
        Role(title: "Product Designer", salary: 105_000, summary: "You will shape how people use our product, from research to polished screens.",
             skills: ["Figma", "user research", "prototyping", "design systems", "accessibility"]),
        Role(title: "Registered Nurse", salary: 80_000, summary: "You will care for patients on a busy ward with a supportive team.",
             skills: ["patient care", "medication administration", "care planning", "BLS certification"]),
        Role(title: "Accountant", salary: 75_000, summary: "You will keep our books accurate and help close the month on time.",
             skills: ["bookkeeping", "IFRS", "Excel", "reconciliations", "tax returns"]),
        Role(title: "Warehouse Associate", salary: 38_000, summary: "You will receive, pick and pack orders in our distribution centre.",
             skills: ["forklift licence", "inventory counts", "order picking", "safety procedures"]),
        Role(title: "Customer Support Specialist", salary: 48_000, summary: "You will help our customers by chat, email and phone.",
             skills: ["Zendesk", "clear writing", "troubleshooting", "empathy"]),
        Role(title: "Electrician", salary: 62_000, summary: "You will install and maintain electrical systems on commercial sites.",
             skills: ["wiring", "fault finding", "building codes", "blueprint reading"]),
        Role(title: "Marketing Manager", salary: 95_000, summary: "You will plan and run campaigns that bring new customers to us.",
             skills: ["SEO", "content strategy", "paid social", "analytics", "budgeting"]),
        Role(title: "Teacher", salary: 52_000, summary: "You will teach and support students in a friendly school community.",
             skills: ["lesson planning", "classroom management", "assessment", "safeguarding"]),
    ]

    struct Level {
        let prefix: String
        let factor: Double
    }

    static let levels: [Level] = [
        Level(prefix: "", factor: 1), Level(prefix: "", factor: 1), Level(prefix: "Junior ", factor: 0.75),
        Level(prefix: "Senior ", factor: 1.3), Level(prefix: "Lead ", factor: 1.45),
    ]

    struct City {
        let name: String
        let country: String
        let currency: String
        let factor: Double
    }

    static let cities: [City] = [
        City(name: "New York", country: "United States", currency: "USD", factor: 1.15),
        City(name: "Austin", country: "United States", currency: "USD", factor: 1),
        City(name: "Chicago", country: "United States", currency: "USD", factor: 1),
        City(name: "Toronto", country: "Canada", currency: "CAD", factor: 1.1),
        City(name: "London", country: "United Kingdom", currency: "GBP", factor: 0.75),
        City(name: "Manchester", country: "United Kingdom", currency: "GBP", factor: 0.65),
        City(name: "Berlin", country: "Germany", currency: "EUR", factor: 0.7),
        City(name: "Amsterdam", country: "Netherlands", currency: "EUR", factor: 0.75),
        City(name: "Sydney", country: "Australia", currency: "AUD", factor: 1.2),
    ]

    static let companyNames = ["Northwind", "Bluebird", "Harbor", "Summit", "Juniper", "Lumen", "Cedar", "Atlas", "Meridian", "Pioneer"]
    static let companySuffixes = ["Labs", "Health", "Logistics", "Systems", "Foods", "Energy", "Finance", "Studio"]
}
