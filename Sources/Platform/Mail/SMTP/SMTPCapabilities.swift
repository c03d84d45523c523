/// What a server said it supports in its EHLO reply: the keywords (`STARTTLS`, `8BITMIME`, …) and the
/// AUTH mechanisms, upper-cased.
struct SMTPCapabilities: Sendable, Equatable {
    var keywords: Set<String> = []
    var authMechanisms: [String] = []

    init() {}

    /// The first line greets; each further line is a keyword and its parameters. Old servers also
    /// write `AUTH=LOGIN PLAIN`.
    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            keywords.insert(keyword)
            if keyword == "AUTH" {
                authMechanisms += words.dropFirst().filter { !authMechanisms.contains($0) }
            }
        }
    }

    var offersStartTLS: Bool { keywords.contains("STARTTLS") }
}
