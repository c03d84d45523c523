/// The checks an email address gets before Wayfinder mails it: one stored form, plausibly deliverable.
enum EmailAddress {
    static func normalize(_ email: String) -> String {
        email.trimmingWhitespace().lowercased()
    }

    /// Why the (normalized) address cannot be used, or nil.
    static func problem(with email: String) -> String? {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
        else { return "must be an email address such as name@example.com" }
        return nil
    }
}
