import Domain
import Foundation

/// A client's change to a profile, read field by field so every bad field is named at once.
/// A `PUT` replaces every field (an absent one is cleared); a `PATCH` changes only those sent,
/// and `null` clears one.
public struct ProfileChange: Sendable {
    public static let fields: Set<String> = [
        "name", "headline", "location", "remote_preference", "desired_salary", "salary_currency", "skills",
        "career_stage", "preferences",
    ]
    var name: String?
    var apply: @Sendable (inout UserProfile) -> Void

    /// Reads `body`; with `replacing`, fields that are absent are cleared (and `name` is required).
    public static func parse(_ body: [String: JSONValue], replacing: Bool) throws -> ProfileChange {
        var errors: [FieldError] = []
        func fail(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }
        for field in Set(body.keys).subtracting(fields).sorted() { fail(field, "is not a profile field") }
        func present(_ field: String) -> Bool { replacing || body[field] != nil }
        func text(_ field: String, max: Int) -> String?? {
            guard present(field) else { return .none }
            switch body[field] ?? .null {
            case .null: return .some(nil)
            case .string(let value):
                let trimmed = value.trimmingWhitespace()
                if trimmed.count > max { fail(field, "must be at most \(max) characters"); return .none }
                return .some(trimmed.isEmpty ? nil : trimmed)
            default: fail(field, "must be a string"); return .none
            }
        }

        var name: String?
        if present("name") {
            if case .string(let value)? = body["name"], !value.trimmingWhitespace().isEmpty, value.count <= 100 {
                name = value.trimmingWhitespace()
            } else {
                fail("name", "must be a string of 1 to 100 characters")
            }
        }
        let headline = text("headline", max: 200)
        let location = text("location", max: 200)
        let remote = text("remote_preference", max: 20).map { value -> RemotePreference?? in
            guard let value else { return .some(nil) }
            guard let preference = RemotePreference(rawValue: value) else {
                fail("remote_preference", "must be one of \(RemotePreference.allCases.map(\.rawValue).joined(separator: ", "))")
                return .none
            }
            return .some(preference)
        } ?? .none
        let stage = text("career_stage", max: 20).map { value -> CareerStage?? in
            guard let value else { return .some(nil) }
            guard let stage = CareerStage(rawValue: value) else {
                fail("career_stage", "must be one of \(CareerStage.allCases.map(\.rawValue).joined(separator: ", "))")
                return .none
            }
            return .some(stage)
        } ?? .none
        var salary: Int??
        if present("desired_salary") {
            switch body["desired_salary"] ?? .null {
            case .null: salary = .some(nil)
            case .number(let value) where value >= 0 && value <= 100_000_000 && value.rounded() == value: salary = .some(Int(value))
            default: fail("desired_salary", "must be a whole number from 0 to 100000000")
            }
        }
        var currency: String??
        if let value = text("salary_currency", max: 3) {
            if let code = value, !(code.count == 3 && code.allSatisfy { $0.isASCII && $0.isLetter }) {
                fail("salary_currency", "must be a three-letter ISO 4217 code")
            } else {
                currency = .some(value?.uppercased())
            }
        }
        var skills: [String]?
        if present("skills") {
            switch body["skills"] ?? .null {
            case .null: skills = []
            case .array(let items):
                var list: [String] = []
                for item in items {
                    guard case .string(let skill) = item, !skill.trimmingWhitespace().isEmpty, skill.count <= 80 else {
                        fail("skills", "must be a list of strings of 1 to 80 characters"); break
                    }
                    let trimmed = skill.trimmingWhitespace()
                    if !list.contains(where: { $0.lowercased() == trimmed.lowercased() }) { list.append(trimmed) }
                }
                if list.count > 100 { fail("skills", "must hold at most 100 skills") }
                skills = list
            default: fail("skills", "must be a list of strings")
            }
        }
        var preferences: [String: JSONValue]?
        if present("preferences") {
            switch body["preferences"] ?? .null {
            case .null: preferences = [:]
            case .object(let map):
                if map.count > 50 { fail("preferences", "must hold at most 50 entries") }
                for (key, value) in map {
                    switch value {
                    case .string(let text) where text.count <= 500: continue
                    case .bool, .number: continue
                    default: fail("preferences.\(key)", "must be a string of at most 500 characters, a number or a boolean")
                    }
                }
                preferences = map
            default: fail("preferences", "must be an object")
            }
        }
        guard errors.isEmpty else { throw DomainError.invalid("The profile is not valid.", fieldErrors: errors) }

        let (finalSalary, finalCurrency, finalSkills, finalPreferences) = (salary, currency, skills, preferences)
        return ProfileChange(name: name) { profile in
            if let headline { profile.headline = headline }
            if let location { profile.location = location }
            if let remote { profile.remotePreference = remote }
            if let stage { profile.careerStage = stage }
            if let finalSalary { profile.desiredSalary = finalSalary }
            if let finalCurrency { profile.salaryCurrency = finalCurrency }
            if let finalSkills { profile.skills = finalSkills }
            if let finalPreferences { profile.preferences = finalPreferences }
        }
    }
}
