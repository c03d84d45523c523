import Foundation

/// How well triage agrees with labelled messages: per-category precision, recall and F1, their
/// macro average, and how often company, role and interview start match exactly. The tests hold it
/// to its targets on the labelled corpus and `wayfinder bench triage` prints it.
public struct TriageScorecard: Sendable {
    /// What a person says a message is.
    public struct Label: Sendable, Decodable {
        public var file: String
        public var split: String?
        public var category: String
        public var company: String?
        public var jobTitle: String?
        public var interview: Interview?

        public struct Interview: Sendable, Decodable {
            public var start: String?
            public var durationMinutes: Int?
            public var locationType: String?
            public var locationOrLink: String?
            public var timeStatus: String?

            enum CodingKeys: String, CodingKey {
                case start, durationMinutes = "duration_minutes", locationType = "location_type", locationOrLink = "location_or_link"
                case timeStatus = "time_status"
            }
        }

        enum CodingKeys: String, CodingKey {
            case file, split, category, company, jobTitle = "job_title", interview
        }
    }

    public struct CategoryScore: Sendable {
        public var category: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public private(set) var categories: [CategoryScore] = []
    public private(set) var macroF1 = 0.0
    public private(set) var messages = 0
    public private(set) var companyCorrect = 0
    public private(set) var companyLabelled = 0
    public private(set) var titleCorrect = 0
    public private(set) var titleLabelled = 0
    /// Messages whose label states an interview start, and how many of those triage read exactly.
    public private(set) var startsStated = 0
    public private(set) var startsExact = 0
    public private(set) var timeStatusCorrect = 0
    public private(set) var timeStatusLabelled = 0
    /// What went wrong, one line per disagreement, for reading.
    public private(set) var mistakes: [String] = []

    public init(pairs: [(label: Label, analysis: EmailAnalysis)]) {
        messages = pairs.count
        var truePositives: [String: Int] = [:], predicted: [String: Int] = [:], actual: [String: Int] = [:]
        for (label, analysis) in pairs {
            let guess = analysis.category.value.rawValue
            predicted[guess, default: 0] += 1
            actual[label.category, default: 0] += 1
            if guess == label.category { truePositives[guess, default: 0] += 1 }
            else { mistakes.append("\(label.file): category \(guess), labelled \(label.category)") }
            if let company = label.company {
                companyLabelled += 1
                if Self.same(company, analysis.company?.value) { companyCorrect += 1 }
                else { mistakes.append("\(label.file): company \(analysis.company?.value ?? "none"), labelled \(company)") }
            }
            if let title = label.jobTitle {
                titleLabelled += 1
                if Self.sameRole(title, analysis.jobTitle?.value) { titleCorrect += 1 }
                else { mistakes.append("\(label.file): title \(analysis.jobTitle?.value ?? "none"), labelled \(title)") }
            }
            if let interview = label.interview {
                if let start = interview.start {
                    startsStated += 1
                    if Self.sameInstantAndOffset(start, analysis.interview?.start) { startsExact += 1 }
                    else { mistakes.append("\(label.file): start \(analysis.interview?.start ?? "none"), labelled \(start)") }
                }
                if let status = interview.timeStatus {
                    timeStatusLabelled += 1
                    if analysis.interview?.timeStatus.rawValue == status { timeStatusCorrect += 1 }
                    else { mistakes.append("\(label.file): time status \(analysis.interview?.timeStatus.rawValue ?? "none"), labelled \(status)") }
                }
            }
        }
        let names = Set(actual.keys).union(predicted.keys).sorted()
        categories = names.map { name in
            let hits = Double(truePositives[name] ?? 0)
            let precision = predicted[name].map { hits / Double($0) } ?? 0
            let recall = actual[name].map { hits / Double($0) } ?? 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return CategoryScore(category: name, precision: precision, recall: recall, f1: f1, support: actual[name] ?? 0)
        }
        let labelled = categories.filter { $0.support > 0 }
        macroF1 = labelled.isEmpty ? 0 : labelled.map(\.f1).reduce(0, +) / Double(labelled.count)
    }

    public var startExactRate: Double { startsStated == 0 ? 1 : Double(startsExact) / Double(startsStated) }
    public var companyAccuracy: Double { companyLabelled == 0 ? 1 : Double(companyCorrect) / Double(companyLabelled) }
    public var titleAccuracy: Double { titleLabelled == 0 ? 1 : Double(titleCorrect) / Double(titleLabelled) }

    /// Names compare without case, accents, punctuation or a legal form ("Acme, Inc." is "acme").
    static func same(_ expected: String, _ actual: String?) -> Bool {
        guard let actual else { return false }
        return CompanyReader.key(expected) == CompanyReader.key(actual)
    }

    /// The same role: one title holds the other, with or without a qualifier ("Sales Associate" and
    /// "Sales Associate (Part-Time)"), compared as `same` compares names.
    static func sameRole(_ expected: String, _ actual: String?) -> Bool {
        guard let actual else { return false }
        let (a, b) = (CompanyReader.key(expected), CompanyReader.key(actual))
        return !a.isEmpty && !b.isEmpty && (a == b || (min(a.count, b.count) >= 6 && (a.contains(b) || b.contains(a))))
    }

    /// The same moment written with the same offset.
    static func sameInstantAndOffset(_ expected: String, _ actual: String?) -> Bool {
        guard let actual else { return false }
        if expected == actual { return true }
        let formatter = ISO8601DateFormatter()
        guard let a = formatter.date(from: expected), let b = formatter.date(from: actual) else { return false }
        return a == b && expected.suffix(6).replacingOccurrences(of: "Z", with: "+00:00") == actual.suffix(6).replacingOccurrences(of: "Z", with: "+00:00")
    }

    public func report() -> String {
        var lines = categories.map { score in
            "  " + score.category.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: " P %.2f  R %.2f  F1 %.2f  (%d)", score.precision, score.recall, score.f1, score.support)
        }
        lines.insert(String(format: "messages %d  macro-F1 %.3f", messages, macroF1), at: 0)
        lines.append(String(format: "company %d/%d  title %d/%d  interview start exact %d/%d (%.1f%%)  time status %d/%d",
                            companyCorrect, companyLabelled, titleCorrect, titleLabelled, startsExact, startsStated, startExactRate * 100,
                            timeStatusCorrect, timeStatusLabelled))
        return lines.joined(separator: "\n")
    }
}
