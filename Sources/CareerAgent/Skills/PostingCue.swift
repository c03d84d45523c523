/// Words in a posting that say how to read the skills around them: which part is boilerplate
/// (company intro, benefits, pay, equal-opportunity text) and which asks for a skill as a bonus.
enum PostingCue: Sendable {
    /// The sentence names a skill as optional ("a plus", "preferred", "ideally").
    case niceToHave
    /// The line is about pay or benefits.
    case benefits
    /// The whole paragraph is legal or company boilerplate.
    case boilerplateParagraph
    /// As a short line of its own, starts a section of that kind.
    case heading(Section)
    /// What follows in the sentence is not asked for ("you don't need to write C++ or Python, but …").
    case negation
    /// The clause around it is not asked for, what comes before as much as after ("German is not required").
    case notAsked
    /// In the paragraph that opens a posting, says it describes the company ("Tally is an invoicing app",
    /// "Lexicon AI builds contract review software"): what it names is the company's business, not a skill asked for.
    case companyIntro

    enum Section: Sendable { case required, niceToHave, boilerplate }

    static let phrases: [(String, PostingCue)] = {
        var phrases: [(String, PostingCue)] = []
        for phrase in ["preferred", "a plus", "is a plus", "bonus", "nice to have", "nice-to-have", "ideally",
                       "desirable", "desired", "an advantage", "advantageous", "would be great", "optional", "preferably",
                       "good to have", "beneficial", "helpful", "exposure to"] {
            phrases.append((phrase, .niceToHave))
        }
        // "Dental" alone names the work in a dental posting ("Certificate in Dental Radiography"); as a benefit it
        // comes with its cover or the other benefits.
        for phrase in ["health insurance", "dental insurance", "dental plan", "dental plans", "dental coverage", "dental cover",
                       "dental benefits", "health and dental", "health, dental", "dental and vision", "dental, vision",
                       "vision insurance", "medical, dental", "medical and dental", "401k", "401 k", "401(k)",
                       "paid time off", "PTO", "parental leave", "stock options", "salary range", "pay range", "hourly rate",
                       "base salary", "per hour", "an hour", "tuition reimbursement",
                       "gym membership", "commuter benefits", "life insurance", "retirement plan", "paid holidays",
                       "employee discount", "sign-on bonus", "relocation assistance", "competitive salary"] {
            phrases.append((phrase, .benefits))
        }
        // "… is an equal opportunity employer." inside a paragraph: the heading's phrase is the longest cue there,
        // so it carries the paragraph's cue too.
        for phrase in ["equal opportunity employer", "equal opportunity", "equal opportunities", "equal employment opportunity", "without regard to", "reasonable accommodation",
                       "reasonable accommodations", "protected veteran", "sexual orientation", "national origin",
                       "gender identity", "affirmative action", "e-verify", "background check", "drug screen",
                       "founded in", "headquartered in", "our mission", "is a leading", "a leading provider",
                       "is a global", "fastest-growing", "fastest growing", "we are proud to be",
                       "recruitment process", "hiring process", "application process", "reasonable adjustments",
                       "apply through", "apply via", "apply with your", "apply online", "shortlisted candidates",
                       "shortlisted applicants"] {
            phrases.append((phrase, .boilerplateParagraph))
        }
        for phrase in ["requirements", "qualifications", "required qualifications", "minimum qualifications",
                       "basic qualifications", "what you'll need", "what you need", "what you will need", "what you bring",
                       "you have", "about you", "responsibilities", "what you'll do", "what you will do", "the role",
                       "about the role", "about the job", "about the position", "about this role", "skills", "required skills", "must have", "must-have", "key skills",
                       "experience", "your profile", "who you are"] {
            phrases.append((phrase, .heading(.required)))
        }
        for phrase in ["preferred qualifications", "nice to have", "nice-to-have", "nice to haves", "nice-to-haves", "preferred",
                       "preferred experience", "preferred requirements", "additional qualifications", "bonus points", "bonus", "pluses",
                       "preferred skills", "desired skills", "desirable", "good to have", "extra credit",
                       "it's a plus if", "even better", "ideally", "should have", "could have", "what sets you apart",
                       "sets you apart", "ideally you'll also have", "ideally you will also have", "ideally you'll have",
                       "ideally you will have", "what would make you stand out", "would be nice"] {
            phrases.append((phrase, .heading(.niceToHave)))
        }
        for phrase in ["not required", "isn't required", "not needed", "isn't needed", "not necessary", "not essential"] {
            phrases.append((phrase, .notAsked))
        }
        for phrase in ["don't need", "dont need", "do not need", "don't have to", "do not have to", "won't need", "will not need",
                       "no need to", "no need for", "not needed", "isn't needed", "is not needed", "not necessary"] {
            phrases.append((phrase, .negation))
        }
        for phrase in ["is a", "is an", "builds", "makes", "designs", "helps", "provides", "offers", "brings", "serves",
                       "operates", "develops", "we are a", "we're a", "we are an", "we're an", "we build", "we make", "we help"] {
            phrases.append((phrase, .companyIntro))
        }
        for phrase in ["about", "company overview", "overview", "about the team", "benefits", "perks", "perks and benefits", "benefits and perks", "what we offer", "we offer",
                       "compensation", "pay", "salary", "about us", "we can offer", "what we can offer", "who we are", "our company", "about the company",
                       "equal opportunity employer", "eeo statement", "our values", "why join us", "why you'll love working here",
                       "company description", "about the employer", "about the organisation", "about the organization", "our story",
                       "life at", "our benefits", "total rewards", "how to apply", "to apply"] {
            phrases.append((phrase, .heading(.boilerplate)))
        }
        return phrases
    }()
}
