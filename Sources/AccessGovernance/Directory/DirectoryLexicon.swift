/// Every way the directory's entities may be written, by key: names, ids, aliases, abbreviations.
///
/// Lookups return every entity a key may mean; choosing among them is the reader's job, since the
/// right choice depends on the rest of the request ("Admin" inside the application it names).
struct DirectoryLexicon: Sendable {
    private(set) var applications: [String: [String]] = [:]
    private(set) var roles: [String: [String]] = [:]
    /// Full names, user ids and email addresses.
    private(set) var users: [String: [String]] = [:]
    private(set) var firstNames: [String: [String]] = [:]
    private(set) var surnames: [String: [String]] = [:]
    /// Keys read from an abbreviation the directory does not list ("GH" from "GitHub"); they are only
    /// believed when written in capitals or when the word means nothing else.
    private(set) var derivedApplicationKeys: Set<String> = []
    /// Role keys that come from an id alone: matched only when written as one ("pyxis-nurse"), not as words
    /// ("Pyxis Nurse Usr" is the role Nurse User misspelt after its application, not the id).
    private(set) var roleIDOnlyKeys: Set<String> = []
    /// The most words any name has, which bounds how far the reader looks ahead.
    private(set) var longestName = 1
    /// The most words any surname has ("O'Connor-Hughes" is two).
    private(set) var longestSurname = 1

    init(_ document: DirectoryDocument) {
        for application in document.applications {
            for name in [application.name, application.appID] + application.aliases {
                add(name, application.appID, to: \.applications)
            }
            for abbreviation in Self.abbreviations(of: application.name) where applications[abbreviation] == nil {
                applications[abbreviation, default: []].append(application.appID)
                derivedApplicationKeys.insert(abbreviation)
            }
        }
        for role in document.roles {
            for name in [role.name, role.roleID] + role.aliases { add(name, role.roleID, to: \.roles) }
        }
        // Keys only a role's id gives ("pyxis-nurse"), which names in words never do.
        for role in document.roles {
            let id = NameKey.of(role.roleID)
            if !([role.name] + role.aliases).contains(where: { NameKey.of($0) == id }) { roleIDOnlyKeys.insert(id) }
        }
        for user in document.users {
            add(user.name, user.userID, to: \.users)
            add(user.userID, user.userID, to: \.users)
            if !user.email.isEmpty {
                users[user.email.lowercased(), default: []].append(user.userID)
                if let local = user.email.split(separator: "@").first { add(String(local), user.userID, to: \.users) }
            }
            let words = NameKey.words(of: user.name)
            // "Mary-Kate Doyle" is called "Mary-Kate": a hyphenated first name is one key too.
            if let first = user.name.split(separator: " ").first, first.contains("-"), user.name.contains(" ") {
                firstNames[NameKey.of(first), default: []].append(user.userID)
            }
            if words.count >= 2 {
                firstNames[words[0], default: []].append(user.userID)
                // "Ms. Kowalski-Brandt" writes the whole surname, "Ms. Brandt" its last part.
                for surname in Set([words[words.count - 1], words.dropFirst().joined()]) {
                    surnames[surname, default: []].append(user.userID)
                }
                longestSurname = max(longestSurname, words.count - 1)
            }
        }
    }

    private mutating func add(_ name: String, _ id: String, to table: WritableKeyPath<DirectoryLexicon, [String: [String]]>) {
        let key = NameKey.of(name)
        guard !key.isEmpty else { return }
        if !self[keyPath: table][key, default: []].contains(id) { self[keyPath: table][key, default: []].append(id) }
        longestName = max(longestName, RequestTokenizer.tokens(of: name).count)
    }

    /// Abbreviations people write for a name: initials of its words and of its capitalised parts
    /// ("Active Directory" → "ad", "GitHub" → "gh"), and the well-known ones of common products.
    static func abbreviations(of name: String) -> [String] {
        var parts: [String] = []
        for word in name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            var current = ""
            for character in word {
                if character.isUppercase, !current.isEmpty, current.last?.isLowercase ?? false {
                    parts.append(current)
                    current = ""
                }
                current.append(character)
            }
            if !current.isEmpty { parts.append(current) }
        }
        var result: [String] = []
        if parts.count >= 2 { result.append(String(parts.compactMap(\.first)).lowercased()) }
        result += wellKnown[NameKey.of(name)] ?? []
        return result.filter { $0 != NameKey.of(name) }
    }

    private static let wellKnown: [String: [String]] = [
        "salesforce": ["sfdc", "sf"], "github": ["gh"], "gitlab": ["gl"], "servicenow": ["snow"],
        "activedirectory": ["ad"], "microsoft365": ["m365", "o365"], "office365": ["o365", "m365"],
        "amazonwebservices": ["aws"], "googlecloudplatform": ["gcp"], "googlecloud": ["gcp"], "googleworkspace": ["gsuite"],
        "microsoftteams": ["teams"], "sharepoint": ["spo"], "successfactors": ["sf"], "quickbooks": ["qb"],
        "adobecreativecloud": ["creativecloud", "acc"], "netsuite": ["ns"], "bamboohr": ["bamboo"], "confluence": ["wiki"],
    ]
}
