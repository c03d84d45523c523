import Domain
import Foundation
import JobPostings
import SkillsGraph

/// A company's details form as typed, so a mistake answers with everything kept.
struct CompanyForm {
    var name = ""
    var website = ""
    var about = ""
    var location = ""
    var errors = FormErrors()

    init() {}

    init(_ company: Company) {
        name = company.name
        website = company.website ?? ""
        about = company.about ?? ""
        location = company.location ?? ""
    }

    static func read(_ form: FormBody) -> CompanyForm {
        var state = CompanyForm()
        state.name = form["name"] ?? ""
        state.website = SkillsText.trimmed(form["website"])
        state.about = form["about"] ?? ""
        state.location = form["location"] ?? ""
        return state
    }

    /// Every field is sent: an empty one clears what was there.
    var draft: CompanyDraft {
        func optional(_ text: String) -> String?? { .some(SkillsText.trimmed(text).isEmpty ? nil : SkillsText.trimmed(text)) }
        return CompanyDraft(name: SkillsText.trimmed(name), website: optional(website), about: optional(about), location: optional(location))
    }

    static let labels = ["name": "Name", "website": "Website", "about": "About", "location": "Location"]

    var model: [String: Any] {
        [
            "companyName": name, "website": website, "about": about, "companyLocation": location,
            "nameError": errors.text("name"), "websiteError": errors.text("website"), "aboutError": errors.text("about"),
            "locationError": errors.text("location"), "formErrors": errors.list(labels: Self.labels), "hasFormErrors": !errors.isEmpty,
        ]
    }
}

/// The invitation form as typed.
struct InvitationForm {
    var email = ""
    var role = CompanyRole.recruiter
    var errors = FormErrors()

    var model: [String: Any] {
        [
            "inviteEmail": email, "inviteEmailError": errors.text("email"), "hasInviteErrors": !errors.isEmpty,
            "roles": CompanyRole.allCases.map { ["roleValue": $0.rawValue, "roleLabel": EmployerText.role($0), "selected": $0 == role] as [String: Any] },
        ]
    }
}

/// A company job's form as typed: its fields, and on the job's own page its skills with the one to add.
struct JobForm {
    struct SkillRow {
        var skillID: String
        var name: String
        var required: Bool
        var level: Int
        var error = ""
    }

    var title = ""
    var description = ""
    var location = ""
    var remote = false
    var employmentType = ""
    var minSalary = ""
    var maxSalary = ""
    var currency = ""
    var skills: [SkillRow] = []
    var addSkill = ""
    var addRequired = true
    var addLevel = 1
    var addError = ""
    var errors = FormErrors()

    init() {}

    init(_ job: EmployerJob) {
        title = job.title
        description = job.description
        location = job.location
        remote = job.remote
        employmentType = job.employmentType?.rawValue ?? ""
        minSalary = job.minSalary.map(String.init) ?? ""
        maxSalary = job.maxSalary.map(String.init) ?? ""
        currency = job.currency ?? ""
        skills = job.skills.map { SkillRow(skillID: $0.skillID, name: $0.name, required: $0.required, level: $0.minimumLevel) }
    }

    /// Reads the form; `withSkills` for the job's own page, whose form lists the skills. Rows ticked
    /// "remove" are left out.
    static func read(_ form: FormBody, withSkills: Bool) -> JobForm {
        var state = JobForm()
        state.title = form["title"] ?? ""
        state.description = (form["description"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        state.location = form["location"] ?? ""
        state.remote = form.isChecked("remote")
        state.employmentType = SkillsText.trimmed(form["employment_type"])
        state.minSalary = SkillsText.trimmed(form["min_salary"])
        state.maxSalary = SkillsText.trimmed(form["max_salary"])
        state.currency = SkillsText.trimmed(form["currency"])
        guard withSkills else { return state }
        for index in 0..<50 {
            guard let skillID = form["skill_\(index)"], !skillID.isEmpty else { break }
            if form.isChecked("remove_\(index)") { continue }
            state.skills.append(SkillRow(skillID: skillID, name: form["skill_name_\(index)"] ?? skillID, required: form.isChecked("required_\(index)"),
                                         level: form["level_\(index)"].flatMap { Int($0) } ?? 1))
        }
        state.addSkill = SkillsText.trimmed(form["add_skill"])
        state.addRequired = form.isChecked("add_required")
        state.addLevel = form["add_level"].flatMap { Int($0) } ?? 1
        return state
    }

    /// The fields as the job service reads them; `withSkills` sends the list (the new one last).
    func fields(withSkills: Bool) -> [String: JSONValue] {
        func salary(_ text: String) -> JSONValue {
            if text.isEmpty { return .null }
            let plain = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
            return Double(plain).map(JSONValue.number) ?? .string(text)
        }
        var fields: [String: JSONValue] = [
            "title": .string(title), "description": .string(description), "location": .string(location), "remote": .bool(remote),
            "employment_type": employmentType.isEmpty ? .null : .string(employmentType),
            "min_salary": salary(minSalary), "max_salary": salary(maxSalary), "currency": .string(currency),
        ]
        if withSkills {
            var items = skills.map { row -> JSONValue in
                .object(["skill_id": .string(row.skillID), "required": .bool(row.required), "minimum_level": .number(Double(row.level))])
            }
            if !addSkill.isEmpty {
                items.append(.object(["name": .string(addSkill), "required": .bool(addRequired), "minimum_level": .number(Double(addLevel))]))
            }
            fields["skills"] = .array(items)
        }
        return fields
    }

    /// Puts the service's `skills[n]` errors beside the row (or the new skill) they are about.
    mutating func attach(_ fieldErrors: [FieldError]) {
        errors = FormErrors(fieldErrors)
        // `skills[3].skill_id` is not among FormErrors' items of "skills[3]": read the prefix here.
        func text(_ index: Int) -> String {
            fieldErrors.filter { $0.field.hasPrefix("skills[\(index)]") }.map(\.message).joined(separator: "; ")
        }
        for index in skills.indices { skills[index].error = text(index) }
        if !addSkill.isEmpty { addError = text(skills.count) }
    }

    static let labels = ["title": "Title", "description": "Description", "location": "Location", "remote": "Remote", "employment_type": "Employment type",
                         "min_salary": "Lowest salary", "max_salary": "Highest salary", "currency": "Currency", "skills": "Skills"]

    var model: [String: Any] {
        [
            "title": title, "description": description, "jobLocation": location, "remote": remote, "minSalary": minSalary, "maxSalary": maxSalary,
            "currency": currency,
            "employmentTypes": EmploymentType.allCases.map { type -> [String: Any] in
                ["typeValue": type.rawValue, "typeLabel": PostingText.employmentType(type) ?? type.rawValue, "selected": type.rawValue == employmentType]
            },
            "noEmploymentType": employmentType.isEmpty,
            "skills": skills.enumerated().map { index, row -> [String: Any] in
                [
                    "index": "\(index)", "skillID": row.skillID, "skillName": row.name, "required": row.required, "skillError": row.error,
                    "levels": EmployerText.levels(selected: row.level),
                ]
            },
            "hasSkills": !skills.isEmpty, "addSkill": addSkill, "addRequired": addRequired, "addError": addError,
            "addLevels": EmployerText.levels(selected: addLevel),
            "titleError": errors.text("title"), "descriptionError": errors.text("description"), "locationError": errors.text("location"),
            "employmentTypeError": errors.text("employment_type"), "minSalaryError": errors.text("min_salary"),
            "maxSalaryError": errors.text("max_salary"), "currencyError": errors.text("currency"),
            "formErrors": errors.list(labels: Self.labels), "hasFormErrors": !errors.isEmpty,
        ]
    }
}

/// How employer values read.
enum EmployerText {
    static func role(_ role: CompanyRole) -> String {
        switch role {
        case .owner: "owner (manages the company, its members and jobs)"
        case .recruiter: "recruiter (manages jobs and candidates)"
        }
    }

    static func status(_ status: EmployerJob.Status) -> String {
        switch status {
        case .draft: "draft"
        case .published: "published"
        case .closed: "closed"
        }
    }

    static func levels(selected: Int) -> [[String: Any]] {
        AssessmentQuestion.levels.map { level in
            ["levelValue": "\(level)", "levelLabel": SkillsText.levelName(level), "selected": level == selected]
        }
    }

    static func salary(_ job: EmployerJob) -> String {
        guard job.minSalary != nil || job.maxSalary != nil else { return "" }
        let range = [job.minSalary, job.maxSalary].compactMap { $0 }.map { "\($0)" }
        return range.joined(separator: "–") + " " + (job.currency ?? "") + " a year"
    }
}
