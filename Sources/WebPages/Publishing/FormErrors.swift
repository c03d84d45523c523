import Domain

/// Service field errors as a form shows them: beside their field and in a list at the top.
struct FormErrors {
    var all: [FieldError] = []

    init(_ errors: [FieldError] = []) { all = errors }

    var isEmpty: Bool { all.isEmpty }

    /// The messages for a field and its items (`settings.recipients` also takes `settings.recipients[2]`).
    func text(_ field: String) -> String {
        all.filter { $0.field == field || $0.field.hasPrefix(field + "[") }.map(\.message).joined(separator: "; ")
    }

    func list(labels: [String: String]) -> [[String: String]] {
        all.map { error in
            let base = error.field.split(separator: "[").first.map(String.init) ?? error.field
            return ["field": labels[base] ?? labels[error.field] ?? error.field, "message": error.message]
        }
    }
}
