/// The announcement a new certification proposes: one message, drafted from a template, that the person
/// edits and schedules like any other. The template differs by tone, not by facts: every version names
/// the credential, the issuer and the skills it proves, and links to the credential when there is a link.
public enum CertificationAnnouncement {
    public static func draft(for certification: Certification) -> MessageContent {
        let skills = certification.skills.prefix(5)
        var body = "I have earned the \(certification.name) certification from \(certification.issuer)."
        if !skills.isEmpty { body += " It covers \(list(Array(skills)))." }
        if certification.verification == .verified { body += " The credential can be checked on the issuer's site." }
        body += " Thank you to everyone who helped me prepare."
        let tags = ([certification.issuer] + skills).compactMap(hashtag)
        if !tags.isEmpty { body += "\n\n" + tags.map { "#\($0)" }.joined(separator: " ") }
        return MessageContent(title: "Certified: \(certification.name)", body: body, link: certification.credentialURL)
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// `Amazon Web Services` → `AmazonWebServices`; nil when nothing usable is left.
    static func hashtag(_ text: String) -> String? {
        let tag = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return tag.isEmpty || tag.count > 40 ? nil : tag
    }
}
