/// The small vocabularies the request reader leans on, as keys (`NameKey`).
enum RequestWords {
    /// Words for the person writing.
    static let selfWords: Set<String> = ["i", "me", "my", "myself", "mine", "im", "ive", "ill", "id"]

    /// Words for someone the text does not name: the user slot stays missing.
    static let unnamedPersonWords: Set<String> = [
        "him", "her", "them", "he", "she", "they", "his", "hers", "their", "someone", "somebody",
    ]

    /// Nouns that stand for an unnamed person after "my", "the", "a", "our", "new" ("the new analyst").
    static let personNouns: Set<String> = [
        "colleague", "colleagues", "coworker", "teammate", "hire", "starter", "joiner", "analyst", "engineer", "intern",
        "contractor", "employee", "report", "directreport", "member", "person", "guy", "lady", "developer", "manager",
        "boss", "assistant", "consultant", "associate", "temp", "friend", "staff", "designer", "admin", "user", "team", "squad",
        "department", "group", "people", "hires", "starters", "interns", "contractors",
    ]

    /// Words before a name that say the name is the one who gets the access.
    static let beneficiaryBefore: Set<String> = [
        "for", "give", "grant", "add", "provision", "onboard", "enable", "assign", "user", "employee", "behalf",
        "allow", "let", "get", "set", "setup", "upgrade", "promote", "put",
    ]

    /// Words after a name that say the name is the one who gets the access ("Chloe needs …").
    static let beneficiaryAfter: Set<String> = [
        "needs", "need", "requires", "require", "wants", "want", "should", "must", "is", "has", "will", "would", "requests",
        "requesting", "asks", "joins", "joined", "starts", "started", "moved", "moves", "cannot", "cant", "can",
    ]

    /// Verbs that say the person before them is to get something ("Peter needs …", "the travel nurse should …").
    static let needVerbs: Set<String> = ["needs", "need", "requires", "wants", "should", "must"]

    /// Pronouns with their verb written on ("he'll", "she's"), as keys: only with the apostrophe are they pronouns.
    static let contractedPronouns: Set<String> = ["hell", "shell", "hes", "shes", "hed", "shed", "theyll", "theyre", "theyd"]

    /// Words before a name that make the name someone else: a manager, an approver, a signature.
    static let bystanderBefore: Set<String> = [
        "with", "from", "by", "cc", "per", "ask", "asked", "told", "tell", "manager", "approver", "thanks", "thank", "regards",
        "cheers", "spoke", "talked", "contact", "ping", "to", "boss", "lead", "like", "than", "as", "replacing", "replace",
        "this", "am", "name", "signed", "via", "and", "best", "sincerely", "warmly", "br", "ty", "ta", "im", "while", "whilst",
        "whatever", "covering",
    ]

    /// Words after a name that make the name someone else ("Bob approved", "Bob said").
    static let bystanderAfter: Set<String> = [
        "approved", "said", "says", "asked", "told", "suggested", "mentioned", "recommended", "signed", "okayed", "ok",
        "agreed", "confirmed", "authorized", "authorised", "here", "wrote", "cc", "who", "already", "does", "did",
    ]

    /// Honorifics that make a surname a name ("Ms. Taylor").
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam"]

    /// Words next to an application or role that say which slot a word fills.
    static let roleNouns: Set<String> = ["role", "roles", "permission", "permissions", "rights", "privileges", "privilege", "profile",
                                         "license", "licence", "seat", "group", "level", "entitlement", "persona"]
    static let applicationNouns: Set<String> = ["app", "application", "system", "tool", "platform", "instance", "tenant", "account",
                                                "workspace", "portal", "site", "environment", "org", "access", "login"]

    /// Common words of requests: never read as a first name or an unknown application on their own.
    static let common: Set<String> = [
        "a", "about", "above", "access", "account", "accounts", "actually", "add", "added", "admin", "after", "again", "all", "allow",
        "also", "am", "an", "and", "any", "anyone", "app", "application", "applications", "approve", "approved", "approval", "are",
        "as", "asap", "ask", "asked", "assign", "at", "authorize", "back", "be", "because", "been", "before", "being", "below", "best",
        "both", "but", "by", "can", "cannot", "cant", "check", "could", "current", "currently", "day", "days", "dear",
        "did", "do", "does", "done", "dont", "due", "during", "each", "edit", "either", "else", "enable", "end", "enough", "even",
        "ever", "every", "everything", "fine", "first", "for", "forever", "from", "full", "further", "get", "give", "given", "go",
        "going", "good", "got", "grant", "granted", "great", "had", "has", "have", "having", "he", "hello", "help", "her", "here",
        "hey", "hi", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "keep", "kind", "kindly",
        "know", "last", "later", "least", "let", "like", "likely", "long", "look", "looking", "made", "make", "many", "may", "me",
        "mean", "might", "mine", "month", "months", "more", "morning", "most", "much", "must", "my", "myself", "name", "need",
        "needed", "needs", "new", "next", "no", "not", "now", "of", "off", "ok", "okay", "old", "on", "once", "one", "only", "or",
        "other", "our", "out", "over", "own", "part", "permanent", "permanently", "please", "pls", "plz", "quick",
        "quickly", "rather", "read", "really", "regards", "remove", "request", "requested", "requesting", "required", "requires",
        "right", "rights", "role", "roles", "said", "same", "see", "set", "setup", "she", "should", "since", "so", "some", "soon",
        "start", "starting", "still", "such", "sure", "system", "take", "team", "temporary", "temporarily", "than", "thank",
        "thanks", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "this", "those", "through", "thx",
        "till", "time", "to", "today", "tomorrow", "too", "tool", "under", "until", "up", "upgrade", "urgent", "urgently", "us",
        "use", "used", "user", "using", "very", "via", "want", "wants", "was", "way", "we", "week", "weeks", "well", "were", "what",
        "when", "where", "which", "while", "who", "why", "will", "with", "within", "without", "work", "would", "year",
        "years", "yes", "yet", "you", "your", "ticket", "manager", "approver", "ceo", "cto", "cfo", "ciso", "it",
        "support", "security", "office", "level", "same", "as", "usual", "onboarding", "onboard", "join", "joining", "joined",
        "mark", "bill", "grant", "will", "rose", "may", "june", "april", "august", "hope", "faith", "joy", "chase", "drew", "gene",
        "art", "page", "rob", "sue", "pat", "jack", "frank", "earl", "dean", "guy", "hunter", "cash", "major", "miles",
    ]
}
