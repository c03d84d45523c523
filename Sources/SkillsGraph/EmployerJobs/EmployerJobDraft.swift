import Domain
import Foundation
import JobPostings

/// A company job's fields as a client sends them, checked field by field so every problem is named
/// at once. Absent fields stay as they are when a job is edited.
public struct EmployerJobDraft: Sendable {
    public var fields: [String: JSONValue]

    public init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    /// Applies the fields to `job` (a new job starts empty). `resolveSkill` turns what the client
    /// wrote ("k8s", "kubernetes") into a taxonomy concept's id and name.
    func apply(to job: inout EmployerJob, creating: Bool, resolveSkill: (String) -> (id: String, name: String)?) throws {
        var problems: [FieldError] = []
        func text(_ key: String, max: Int, required: Bool) -> String? {
            switch fields[key] {
            case nil: if required { problems.append(FieldError(field: key, message: "is required")) }; return nil
            case .string(let value)?:
                let trimmed = value.trimmingWhitespace()
                if required, trimmed.isEmpty { problems.append(FieldError(field: key, message: "must not be empty")); return nil }
                if trimmed.count > max { problems.append(FieldError(field: key, message: "must be at most \(max) characters")); return nil }
                return trimmed
            case .null?: if required { problems.append(FieldError(field: key, message: "must not be null")) }; return ""
            default: problems.append(FieldError(field: key, message: "must be a string")); return nil
            }
        }
        func salary(_ key: String) -> Int?? {
            switch fields[key] {
            case nil: return .none
            case .null?: return .some(nil)
            case .number(let number)? where number >= 0 && number <= 100_000_000 && number == number.rounded(): return .some(Int(number))
            default: problems.append(FieldError(field: key, message: "must be a whole yearly amount, 0–100,000,000")); return .none
            }
        }
        if let title = text("title", max: 300, required: creating) { job.title = title }
        if let description = text("description", max: 100_000, required: creating) { job.description = description }
        if let location = text("location", max: 200, required: false) { job.location = location }
        if let remote = fields["remote"] {
            if case .bool(let value) = remote { job.remote = value } else { problems.append(FieldError(field: "remote", message: "must be true or false")) }
        }
        if let type = fields["employment_type"] {
            switch type {
            case .null: job.employmentType = nil
            case .string(let value) where EmploymentType(rawValue: value) != nil: job.employmentType = EmploymentType(rawValue: value)
            default: problems.append(FieldError(field: "employment_type", message: "must be one of \(EmploymentType.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if case .some(let value) = salary("min_salary") { job.minSalary = value }
        if case .some(let value) = salary("max_salary") { job.maxSalary = value }
        if let minimum = job.minSalary, let maximum = job.maxSalary, minimum > maximum {
            problems.append(FieldError(field: "max_salary", message: "must not be less than min_salary"))
        }
        if let currency = text("currency", max: 3, required: false) {
            if currency.isEmpty { job.currency = nil }
            else if currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) { job.currency = currency.uppercased() }
            else { problems.append(FieldError(field: "currency", message: "must be a three-letter ISO 4217 code")) }
        }
        if (job.minSalary != nil || job.maxSalary != nil), job.currency == nil {
            problems.append(FieldError(field: "currency", message: "is required with a salary"))
        }
        if let skills = fields["skills"] {
            job.skills = readSkills(skills, resolveSkill: resolveSkill, problems: &problems)
        }
        guard problems.isEmpty else { throw DomainError.invalid("The job has invalid fields.", fieldErrors: problems) }
    }

    private func readSkills(_ value: JSONValue, resolveSkill: (String) -> (id: String, name: String)?, problems: inout [FieldError]) -> [JobSkill] {
        guard case .array(let items) = value else {
            problems.append(FieldError(field: "skills", message: "must be a list of {skill_id, required, minimum_level}"))
            return []
        }
        if items.count > 50 { problems.append(FieldError(field: "skills", message: "must list at most 50 skills")) }
        var skills: [JobSkill] = []
        var seen = Set<String>()
        for (index, item) in items.prefix(50).enumerated() {
            let place = "skills[\(index)]"
            let written = item["skill_id"]?.stringValue ?? item["name"]?.stringValue
            guard let written, let concept = resolveSkill(written) else {
                problems.append(FieldError(field: "\(place).skill_id", message: written == nil ? "is required" : "\"\(written!)\" is not a skill Wayfinder knows"))
                continue
            }
            var required = true
            if let flag = item["required"] {
                if case .bool(let value) = flag { required = value } else { problems.append(FieldError(field: "\(place).required", message: "must be true or false")) }
            }
            var level = 1
            if let stated = item["minimum_level"] {
                if case .number(let number) = stated, AssessmentQuestion.levels.contains(Int(number)), number == number.rounded() { level = Int(number) }
                else { problems.append(FieldError(field: "\(place).minimum_level", message: "must be 1, 2 or 3")) }
            }
            if !seen.insert(concept.id).inserted {
                problems.append(FieldError(field: "\(place).skill_id", message: "\(concept.name) is listed twice"))
                continue
            }
            skills.append(JobSkill(skillID: concept.id, name: concept.name, required: required, minimumLevel: level))
        }
        return skills
    }
}
