import Foundation

/// Reads name, email, phone, location and links from the top of a resume.
enum ResumeContactReader {
    private static let email = try! NSRegularExpression(pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")
    private static let phone = try! NSRegularExpression(pattern: "(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{2,4}\\)[\\s.-]?)?\\d{2,4}[\\s.-]\\d{2,4}(?:[\\s.-]\\d{2,4})?")
    /// Profiles and personal sites: any lower-case host with a common top-level domain ("ana.design",
    /// "sofiarossi.co.uk"), or a full URL. Names like "Node.js" or "ASP.NET" are not hosts.
    private static let link = try! NSRegularExpression(
        pattern: "(?<![\\w@.-])(?:https?://[^\\s|,;)]+|(?i:(?:www\\.)?(?:linkedin|github|gitlab)\\.com)(?:/[A-Za-z0-9_/.%~#?=&-]*)?|(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|io|dev|me|co|ai|app|design|page|site|tech|info|xyz|blog|uk|de|fr|es|it|nl|ca|au|in|eu|ch|se|pl|ie|us)(?![\\w-])(?:/[A-Za-z0-9_/.%~#?=&-]*)?)")
    /// "Austin, TX", "Berlin, Germany", "San Francisco, CA 94105".
    private static let place = try! NSRegularExpression(pattern: "\\b([A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)*, (?:[A-Z]{2}\\b|[A-Z][a-z]+(?: [A-Z][a-z]+)*))")

    static func read(_ lines: [ResumeLines.Line]) -> ResumeContact {
        var contact = ResumeContact()
        for line in lines where !line.isBlank {
            let text = line.trimmed
            if contact.email == nil { contact.email = first(email, in: text) }
            if contact.phone == nil, let number = first(phone, in: text), number.filter(\.isNumber).count >= 7,
               DateRange.first(in: number) == nil { contact.phone = number }
            // Emails out first: "sofia@example.io" holds a host that is not a link.
            let withoutEmails = email.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: " ")
            for found in all(link, in: withoutEmails) where !contact.links.contains(found) { contact.links.append(found) }
            if contact.location == nil { contact.location = first(place, in: text) }
            // Markdown resumes put the name in a heading ("# Jordan Rivera").
            let plain = text.trimmingCharacters(in: CharacterSet(charactersIn: "#*_ "))
            if contact.name == nil, looksLikeName(plain) { contact.name = plain }
        }
        return contact
    }

    /// Two to four capitalised words and nothing else: "Jordan Rivera", "Mary-Jane O'Neil".
    private static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || "-'.".contains($0) }
        }
    }

    private static func first(_ pattern: NSRegularExpression, in text: String) -> String? {
        all(pattern, in: text).first
    }

    private static func all(_ pattern: NSRegularExpression, in text: String) -> [String] {
        let string = text as NSString
        return pattern.matches(in: text, range: NSRange(location: 0, length: string.length)).map {
            string.substring(with: $0.range(at: $0.numberOfRanges > 1 ? 1 : 0))
        }
    }
}
