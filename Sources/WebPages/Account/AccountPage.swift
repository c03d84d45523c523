import Accounts
import Domain
import Foundation

/// The view model of `/account`.
struct AccountPage {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Field {
        var name: String
        var label: String
        var type = "text"
        var value = ""
        var isSelect = false
        var options: [Option] = []
        var help: String?
        var error: String?
    }

    struct Key {
        var id: String
        var name: String
        var prefix: String
        var rate: Int
        var lastUsed: String
        var csrf: String
    }

    struct Setup {
        var secret: String
        var qrSVG: String
    }

    var csrf: String
    var email: String
    var groups: String
    var fields: [Field]
    var passwordErrors: [String: String] = [:]
    var mfaEnabled: Bool
    var setup: Setup?
    var mfaError: String?
    // Flags are stored, not computed: templates read models by reflection, which sees stored properties only.
    var recoveryCodes: [String] = [] { didSet { hasRecoveryCodes = !recoveryCodes.isEmpty } }
    var hasRecoveryCodes = false
    var keys: [Key] { didSet { hasKeys = !keys.isEmpty } }
    var hasKeys = false
    var newKey: String?
    var keyError: String?
    var deleteError: String?
    var error: String?

    init(user: User, profile: UserProfile, mfaEnabled: Bool, keys: [APIKey], csrf: String, formValues: [String: String]? = nil,
         fieldErrors: [String: String] = [:]) {
        self.csrf = csrf
        email = user.email
        groups = user.groups.sorted().map(\.rawValue).joined(separator: ", ")
        self.mfaEnabled = mfaEnabled
        func value(_ name: String, _ stored: String?) -> String { formValues?[name] ?? stored ?? "" }
        func options(_ values: [String], labels: [String], selected: String) -> [Option] {
            [Option(value: "", label: "Not set", selected: selected.isEmpty)]
                + zip(values, labels).map { Option(value: $0, label: $1, selected: $0 == selected) }
        }
        let remote = value("remote_preference", profile.remotePreference?.rawValue)
        let stage = value("career_stage", profile.careerStage?.rawValue)
        fields = [
            Field(name: "name", label: "Name", value: value("name", user.name), error: fieldErrors["name"]),
            Field(name: "headline", label: "Headline", value: value("headline", profile.headline), error: fieldErrors["headline"]),
            Field(name: "location", label: "Location", value: value("location", profile.location), error: fieldErrors["location"]),
            Field(name: "remote_preference", label: "Remote work", isSelect: true,
                  options: options(RemotePreference.allCases.map(\.rawValue), labels: ["On site", "Hybrid", "Remote", "Any"], selected: remote),
                  error: fieldErrors["remote_preference"]),
            Field(name: "desired_salary", label: "Desired salary per year", type: "number",
                  value: value("desired_salary", profile.desiredSalary.map(String.init)), error: fieldErrors["desired_salary"]),
            Field(name: "salary_currency", label: "Currency", value: value("salary_currency", profile.salaryCurrency),
                  help: "A three-letter code such as EUR or USD.", error: fieldErrors["salary_currency"]),
            Field(name: "skills", label: "Skills", value: value("skills", profile.skills.joined(separator: ", ")),
                  help: "Separate skills with commas.", error: fieldErrors["skills"]),
            Field(name: "career_stage", label: "Career stage", isSelect: true,
                  options: options(CareerStage.allCases.map(\.rawValue),
                                   labels: ["Student", "Entry level", "Mid level", "Senior", "Lead", "Executive", "Changing careers"], selected: stage),
                  error: fieldErrors["career_stage"]),
        ]
        hasKeys = !keys.isEmpty
        self.keys = keys.map { key in
            Key(id: key.id, name: key.name, prefix: key.prefix, rate: key.ratePerSecond,
                lastUsed: key.lastUsedAt.map(PostingText.date) ?? "never", csrf: csrf)
        }
    }

    /// A profile change from the form's fields: empty fields clear, skills are comma-separated.
    static func change(from form: FormBody) throws -> ProfileChange {
        var body: [String: JSONValue] = [:]
        for name in ["name", "headline", "location", "remote_preference", "salary_currency", "career_stage"] {
            let text = (form[name] ?? "").trimmingWhitespace()
            body[name] = text.isEmpty && name != "name" ? .null : .string(text)
        }
        let salary = (form["desired_salary"] ?? "").trimmingWhitespace()
        body["desired_salary"] = salary.isEmpty ? .null : Double(salary).map(JSONValue.number) ?? .string(salary)
        body["skills"] = .array((form["skills"] ?? "").split(separator: ",").map { .string(String($0).trimmingWhitespace()) }.filter { $0 != .string("") })
        return try ProfileChange.parse(body, replacing: false)
    }
}
