import Search
import Testing
@testable import CareerAgent

/// The extractor's reading rules, on a small taxonomy written here so each rule is seen in isolation.
@Suite struct SkillExtractorTests {
    static let curated = """
    # id\tname\tcategory\tesco_uri\tforms\tflags
    python\tPython\tlanguage\thttp://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d\tPython\t
    java\tJava\tlanguage\t\tJava\t
    javascript\tJavaScript\tlanguage\t\tJavaScript|JS\t
    sql\tSQL\tlanguage\t\tSQL\t
    nosql\tNoSQL\tdatabase\t\tNoSQL\t
    c\tC\tlanguage\t\tC\tcased,ambiguous
    cpp\tC++\tlanguage\t\tC++\t
    r\tR\tlanguage\t\tR\tcased,ambiguous
    go\tGo\tlanguage\t\tGo|Golang\tcased,ambiguous
    excel\tExcel\toffice\t\tExcel|Microsoft Excel\tcased,ambiguous
    git\tGit\tdevops\t\tGit\t
    github\tGitHub\tdevops\t\tGitHub\t
    kubernetes\tKubernetes\tcloud\t\tKubernetes|k8s\t
    spring\tSpring\tframework\t\tSpring\tcased,ambiguous
    spring-boot\tSpring Boot\tframework\t\tSpring Boot\t
    nodejs\tNode.js\tframework\t\tNode.js|NodeJS\t
    dotnet\t.NET\tframework\t\t.NET|dotnet\t
    postgresql\tPostgreSQL\tdatabase\t\tPostgreSQL|Postgres\t
    kafka\tKafka\tdata\t\tKafka|Apache Kafka\t
    terraform\tTerraform\tdevops\t\tTerraform\t
    security-plus\tCompTIA Security+\tcertification\t\tCompTIA Security+|Security+\t
    spring-security\tSpring Security\tframework\t\tSpring Security\t
    a-plus\tCompTIA A+\tcertification\t\tCompTIA A+|A+ certified\t
    rca\tRoot cause analysis\tmethod\t\tRoot cause analysis|RCA\tcased
    leadership\tLeadership\tprofessional\t\tLeadership\t
    underwriting\tUnderwriting\tprofessional\t\tUnderwriting\t
    agile\tAgile\tmethod\t\tAgile\t
    payroll-tax\tPayroll tax\tprofessional\t\tPayroll tax\t
    etl\tETL\tmethod\t\tETL|extract, transform, load\t
    query-optimization\tQuery optimization\tmethod\t\tquery optimization\t
    behavior-management\tBehavior management\tprofessional\t\tbehavior management\t
    iac\tInfrastructure as code\tdevops\t\tinfrastructure as code|IaC\tcased
    logic-analyzer\tLogic analyzer\tequipment\t\tLogic analyzer|logic analyzers\t
    bls\tBLS\tcertification\t\tBLS|Basic Life Support\tcased
    lean\tLean manufacturing\tmethod\t\tLean|lean production\tcased,ambiguous
    radiography\tDental radiography\thealthcare\t\tdental radiography\t
    """
    static let esco = """
    http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388\tproject management\tmanaging projects\tknowledge
    http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d\tPython (computer programming)\tPython\tknowledge
    """
    let extractor = SkillExtractor(taxonomy: SkillTaxonomy(curated: Self.curated, esco: Self.esco), scanner: SearchWordScanner())

    func names(_ text: String, kind: SkillTextKind = .posting) -> [String] {
        extractor.extract(from: text, kind: kind).map(\.concept.name)
    }

    /// Each skill a posting names, with how strongly it asks for it.
    func requirements(_ text: String) -> [String: ExtractedSkill.Requirement?] {
        Dictionary(uniqueKeysWithValues: extractor.extract(from: text).map { ($0.concept.name, $0.requirement) })
    }

    @Test("a form's words are not read across a comma, colon or bar, unless the form holds one itself")
    func formsDoNotSpanClauseMarks() {
        #expect(names("Write articles on payroll, tax compliance and hiring.") == [])
        #expect(names("Owns payroll tax filings; payroll: tax year end | payroll | tax") == ["Payroll tax"])
        #expect(names("Pipelines that extract, transform, load data") == ["ETL"])
    }

    @Test func productsAreFoundAsWholeWordsNotInsideOtherWords() {
        #expect(names("Excellent communication. We use JavaScript and NoSQL stores, C++ and GitHub.")
            == ["JavaScript", "NoSQL", "C++", "GitHub"])
    }

    @Test("an everyday-word product written by its whole name is the product, with or without technical words near it")
    func aWholeProductNameNeedsNoContext() {
        #expect(names("- Good computer skills, including email and Microsoft Excel") == ["Excel"])
        #expect(names("- Good computer skills, including email and Excel").isEmpty)
    }

    @Test("an everyday-word concept's phrase of two words or more is the skill wherever it stands")
    func aPhraseOfAnAmbiguousConceptNeedsNoContext() {
        #expect(names("- Support the plant floor with lean production and daily huddles") == ["Lean manufacturing"])
        #expect(names("- Lean on your team when the shift gets busy").isEmpty)
    }

    @Test func everydayWordsCountOnlyAmongTechnicalWords() {
        #expect(names("You are the go-to person. Go above and beyond. Excel at customer care. Spring semester.").isEmpty)
        #expect(names("Our R&D team ships fast.").isEmpty)
        #expect(names("Strong Excel skills and Go programming; R, Python and SQL.") == ["Excel", "Go", "R", "Python", "SQL"])
        #expect(names("Services written in Go and Kafka.") == ["Go", "Kafka"])
        #expect(names("Write API tests with Excel and automate them in our Go pipelines.") == ["Excel", "Go"])
        #expect(names("Write tests with care and go home on time.").isEmpty)
        // Context is read on the word's own line only.
        #expect(names("Basic SQL knowledge\n\nSpring is our quietest season.") == ["SQL"])
    }

    @Test("an everyday-word name after another capitalised word inside a sentence ends a longer name")
    func everydayWordEndingALongerName() {
        #expect(names("Configure Conditional Excel rules for the SQL reports.") == ["SQL"])
        #expect(names("- Strong Excel skills") == ["Excel"])
        #expect(names("We report in Microsoft Excel.") == ["Excel"])
    }

    @Test("words in parentheses do not keep a list's last name from the list")
    func parenthesesInsideAList() {
        #expect(names("We deploy with Kubernetes (pods, nodes, charts, volumes, limits) and Go.") == ["Kubernetes", "Go"])
    }

    @Test func aCapitalisedNameAfterAToolPrepositionIsTheProduct() {
        #expect(names("Monthly reports are built in Excel.") == ["Excel"])
        #expect(names("The team moves in Spring 2027. Reports go in excel files.").isEmpty)
    }

    @Test func anAcronymWrittenAsANameIsTheName() {
        #expect(names("Our office is in Rca, and we write SQL and sql.") == ["SQL"])
        #expect(names("Root cause analysis (RCA) and RCAs") == ["Root cause analysis"])
    }

    @Test func theLastOfAListJoinedByAndIsInTheList() {
        #expect(names("Proficient in Microsoft Excel, Spring and Go") == ["Excel", "Spring", "Go"])
    }

    @Test func aClauseSayingASkillIsNotNeededAsksForNothing() {
        #expect(names("Python is a must, but Java is not required. No Kafka experience needed. Terraform is not necessary.")
            == ["Python"])
    }

    @Test func theHeaderNamesTheJobCompanyAndPlaceButOnlyTheTitleMayNameASkill() {
        let text = """
        Kafka Engineer | Spring Digital | Leeds
        Terraform Ltd · $40/hr

        We build payment rails.

        Requirements
        - Python
        """
        #expect(names(text) == ["Kafka", "Python"])
    }

    @Test func aSkillWrittenInBritishSpellingIsNamedSo() {
        #expect(Shipped.extractor.extract(from: "Strong organisational skills and prioritisation.").map(\.concept.name)
            == ["Organisational skills", "Prioritisation"])
        #expect(Shipped.extractor.extract(from: "Strong organizational skills.").map(\.concept.name) == ["Organizational skills"])
        #expect(Shipped.extractor.extract(from: "A full UK driving licence.").map(\.concept.name) == ["Driving licence"])
        #expect(Shipped.extractor.extract(from: "A valid driver's license.").map(\.concept.name) == ["Driver's license"])
        #expect(["licence", "organisational", "analyse", "paediatric"].allSatisfy { ExtractedSkill.isBritishSpelling($0[...]) })
        #expect(!["billing", "pulling", "mitre", "four", "expertise", "use"].contains { ExtractedSkill.isBritishSpelling($0[...]) })
    }

    @Test("a spoken language asked for as \"speak X\" or \"X-speaking\" is the language; a cuisine is not one")
    func spokenLanguagesAreNamedAsLanguages() {
        let text = "Requirements\n- Ability to speak Portuguese or Polish\n- Hmong-speaking, or Urdu speakers\n- Greek yogurt and Turkish coffee"
        #expect(Shipped.extractor.extract(from: text).map(\.concept.name) == ["Portuguese", "Polish", "Hmong", "Urdu"])
    }

    @Test("plain English is a way of writing and an English Learner Authorization a teaching credential, not the language")
    func englishInsideAnotherNameIsNotTheLanguage() {
        let text = "Requirements\n- Valid teaching credential with English Learner Authorization\n- Write reports in plain English"
        let found = Shipped.extractor.extract(from: text).map(\.concept.name)
        #expect(found.contains("CLAD certificate"))
        #expect(found.contains("Plain language"))
        #expect(!found.contains("English"))
        #expect(Shipped.extractor.extract(from: "Requirements\n- Fluent English and Spanish").map(\.concept.name) == ["English", "Spanish"])
    }

    @Test func casedFormsMustBeWrittenAsTheProductIs() {
        #expect(names("Experience: go, python").contains("Go") == false)
    }

    @Test func theLongestFormWins() {
        #expect(names("Backends in Spring Boot on Kubernetes (k8s).") == ["Spring Boot", "Kubernetes"])
        #expect(names("Node.js services on .NET and Postgres") == ["Node.js", ".NET", "PostgreSQL"])
    }

    @Test func oneEntryPerConceptWithEveryMentionAndItsOffsets() throws {
        let text = "Kubernetes first. Later k8s again, and Kubernetes."
        let skills = extractor.extract(from: text)
        try #require(skills.count == 1)
        #expect(skills[0].mentions.map(\.text) == ["Kubernetes", "k8s", "Kubernetes"])
        #expect(skills[0].mentions.map(\.start) == [0, 24, 39])
        #expect(skills[0].mentions.map(\.end) == [10, 27, 49])
    }

    @Test func offsetsCountCharactersNotBytes() throws {
        let text = "Zürich — Python développeur"
        let mention = try #require(extractor.extract(from: text).first?.mentions.first)
        let characters = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(characters[mention.start..<mention.end])) == "Python")
    }

    @Test func curatedEntriesLinkedToESCOStandForTheESCOSkill() {
        let skills = extractor.extract(from: "Python and managing projects")
        #expect(skills.map(\.concept.name) == ["Python", "project management"])
        #expect(skills[0].concept.escoURI == "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
        #expect(extractor.taxonomy.concepts.filter { $0.escoURI == skills[0].concept.escoURI }.count == 1)
    }

    @Test func optionalSentencesAndSectionsMakeSkillsNiceToHave() {
        let text = """
        Requirements
        - 3+ years of Python
        - Kafka experience is a plus

        Nice to have:
        - Kubernetes
        - SQL

        What you'll do
        - Build services in Java
        """
        let requirement = requirements(text)
        #expect(requirement["Python"] == .required)
        #expect(requirement["Kafka"] == .niceToHave)
        #expect(requirement["Kubernetes"] == .niceToHave)
        #expect(requirement["SQL"] == .niceToHave)
        #expect(requirement["Java"] == .required)
    }

    @Test("a heading the cues do not know still ends the company's section")
    func anUnknownHeadingEndsABoilerplateSection() {
        let text = """
        Who we are
        Pinecrest is an insurer. Our team builds systems in Java.

        What you'd be working on
        Services in Python and Kafka.

        Day to day you will:
        - Write SQL
        """
        #expect(names(text) == ["Python", "Kafka", "SQL"])
        // A bulleted line of the section is an item, and a label with its value is not a heading either.
        #expect(names("Benefits\n\n- Free Java lessons\n- Gym\n").isEmpty)
        #expect(names("Benefits\n\nSalary: 30,000\n- Free Java lessons\n").isEmpty)
    }

    @Test("a word in British or American spelling finds the form written in the other")
    func bothSpellingsOfAWordFindTheSameForm() {
        // Found, and named as the text spells them.
        #expect(names("Strong query optimisation and behaviour management.", kind: .resume) == ["Query optimisation", "Behaviour management"])
        #expect(names("Query optimization and behavior management.", kind: .resume) == ["Query optimization", "Behavior management"])
        #expect(names("Logic analysers and oscilloscopes", kind: .resume) == ["Logic analyzer"])
    }

    @Test("a cased concept's phrase of small letters is found however it is capitalised, with a hyphen for a space; its acronym stays cased")
    func phrasesOfACasedConceptAreNotCased() {
        #expect(names("Infrastructure As Code with Terraform", kind: .resume) == ["Infrastructure as code", "Terraform"])
        #expect(names("infrastructure-as-code and root-cause analysis", kind: .resume) == ["Infrastructure as code", "Root cause analysis"])
        #expect(names("an iac pipeline", kind: .resume).isEmpty)
    }

    @Test func aLineOfASectionThatStartsLikeAHeadingIsNotOne() {
        let text = """
        Nice to have
        - Kubernetes experience
        - Experience with Terraform
        - SQL
        """
        let skills = extractor.extract(from: text)
        #expect(skills.allSatisfy { $0.requirement == .niceToHave }, "\(skills.map { ($0.concept.name, $0.requirement) })")
        #expect(skills.count == 3)
    }

    @Test func optionalLinesHeadingsAndParenthesesAreReadAsWritten() {
        let text = """
        You have
        - Familiarity with Git and SQL
        - Java (Kafka preferred)
        Preferred: Python; Terraform
        PREFERRED
        1. Kubernetes
        """
        let requirement = requirements(text)
        #expect(requirement["Git"] == .required)
        #expect(requirement["SQL"] == .required)
        #expect(requirement["Java"] == .required)
        #expect(requirement["Kafka"] == .niceToHave)
        #expect(requirement["Python"] == .niceToHave)
        #expect(requirement["Terraform"] == .niceToHave)
        #expect(requirement["Kubernetes"] == .niceToHave)
    }

    @Test("MoSCoW sections and \"what sets you apart\" make skills nice-to-have; \"must have\" keeps them required")
    func moscowAndStandOutSectionsAreRead() {
        let text = """
        Must have
        - Python and SQL

        Should have
        - Kafka

        Could have
        - Terraform

        What sets you apart:
        - Kubernetes

        Ideally, you'll also have:
        - Java
        """
        let requirement = requirements(text)
        #expect(requirement["Python"] == .required)
        #expect(requirement["SQL"] == .required)
        #expect(requirement["Kafka"] == .niceToHave)
        #expect(requirement["Terraform"] == .niceToHave)
        #expect(requirement["Kubernetes"] == .niceToHave)
        #expect(requirement["Java"] == .niceToHave)
    }

    @Test("\"ideally\" or \"preferably\" after a comma makes only what follows it nice-to-have")
    func aForwardCueAfterACommaQualifiesWhatFollows() {
        let requirement = requirements("- Strong Python, ideally with Kafka\n- SQL, preferably PostgreSQL\n- Terraform, preferred")
        #expect(requirement["Python"] == .required)
        #expect(requirement["Kafka"] == .niceToHave)
        #expect(requirement["SQL"] == .required)
        #expect(requirement["PostgreSQL"] == .niceToHave)
        #expect(requirement["Terraform"] == .niceToHave)
    }

    @Test("a business function before \"team\" or \"meetings\" names a group of people, a method does not; a plus after a letter names something else")
    func groupsAndLettersWithAPlusAreNotSkills() {
        #expect(names("Report weekly to the leadership team and attend underwriting meetings.").isEmpty)
        #expect(names("Own reporting for our underwriting and finance teams.").isEmpty)
        #expect(names("Leadership of a small crew; underwriting experience.") == ["Leadership", "Underwriting"])
        #expect(names("Experience working in an Agile team") == ["Agile"])
        #expect(names("Minimum 12 months' C+E experience driving articulated lorries.").isEmpty)
        #expect(names("Strong C and C++ programming skills.") == ["C", "C++"])
    }

    @Test func whatTheTextSaysIsNotNeededIsNotASkill() {
        #expect(names("You don't need to write Java or Python, but Kafka is a must.") == ["Kafka"])
        #expect(names("Join Kafka Center as a Python developer.") == ["Python"])
    }

    @Test func aCertificationWrittenWithAPlusNeedsItsPlus() {
        #expect(names("Security+ certified; we use Spring Security and network security tools.") == ["CompTIA Security+", "Spring Security"])
        #expect(names("Our security team writes Java.") == ["Java"])
        #expect(names("We seek a certified Java teacher; A+ certified preferred.") == ["Java", "CompTIA A+"])
    }

    @Test func anAcronymInParenthesesAbbreviatesTheWordsBeforeIt() {
        #expect(names("Relativity Certified Administrator (RCA) and Java.") == ["Java"])
        #expect(names("Lead the RCA for incidents in Java.") == ["Root cause analysis", "Java"])
        #expect(names("Run a Root cause analysis (RCA) in Java.") == ["Root cause analysis", "Java"])
    }

    @Test func theParagraphDescribingTheCompanyIsNotAskingForSkills() {
        let text = """
        Data Engineer

        Lexicon builds Kafka tooling for 300 law firms.

        Requirements
        - Python and SQL
        """
        #expect(names(text) == ["Python", "SQL"])
        let unstructured = "Lexicon builds Kafka tooling. You will write Python."
        #expect(names(unstructured) == ["Kafka", "Python"])
        // A company and place line of its own is header too: the introduction is the paragraph after it.
        let underACompanyLine = """
        Data Engineer

        Lexicon Ltd — Leeds, UK | £55,000

        At Lexicon we're a small team with Kafka at the heart of everything.

        Requirements
        - Python and SQL
        """
        #expect(names(underACompanyLine) == ["Python", "SQL"])
    }

    @Test func aSkillIsRequiredWhenAnyMentionRequiresIt() {
        let skills = extractor.extract(from: "Python is required. Go is a plus, and more Python is preferred.")
        #expect(skills.first { $0.concept.name == "Python" }?.requirement == .required)
    }

    @Test func boilerplateParagraphsAreIgnored() {
        let text = """
        Acme was founded in 1999 and is a leading provider of Java tooling.

        You will build data pipelines in Python and Kafka.

        Benefits
        - Free Kubernetes training budget
        - Health insurance

        Acme is an equal opportunity employer and values SQL diversity.
        """
        #expect(names(text) == ["Python", "Kafka"])
        // "Dental" names the work in a dental posting; only with its cover or the other benefits is it a perk.
        #expect(names("Requirements\n- Dental radiography\n- Medical, dental and vision cover; Python lessons\n- Health and dental plan, free Kafka course")
            == ["Dental radiography"])
        // How to apply is not what the job asks for.
        #expect(names("You will write Python.\n\nApply through our careers page with a short Kafka sample.") == ["Python"])
        #expect(names("You will write Python.\n\nHow to apply\nSend a Kafka sample and your CV.") == ["Python"])
        // The heading's phrase inside a sentence still marks its paragraph.
        #expect(names("You will build data pipelines in Python.\n\nAcme is an equal opportunity employer and trains everyone in Kafka.")
            == ["Python"])
    }

    @Test func resumesHaveNoRequirementAndNoBoilerplate() {
        let skills = extractor.extract(from: "Benefits\nSkills: Python, Kafka (a plus)", kind: .resume)
        #expect(skills.map(\.concept.name) == ["Python", "Kafka"])
        #expect(skills.allSatisfy { $0.requirement == nil })
    }

    @Test func theSameTextGivesTheSameAnswer() {
        let text = "Go, Kubernetes and Postgres; Excel a plus."
        #expect(extractor.extract(from: text) == extractor.extract(from: text))
    }

    @Test func lookupFindsNamesAndWrittenForms() {
        #expect(extractor.taxonomy.lookup("k8s").first?.name == "Kubernetes")
        #expect(extractor.taxonomy.lookup("post").first?.name == "PostgreSQL")
        #expect(extractor.taxonomy.resolve("k8s")?.name == "Kubernetes")
        #expect(extractor.taxonomy.lookup("   ").isEmpty)
    }

    @Test("the shipped taxonomy's fingerprint is known without building it, and changes with its texts")
    func fingerprintFromTheFiles() {
        #expect(SkillTaxonomy.shipped.fingerprint == SkillTaxonomy.shippedFingerprint)
        #expect(SkillTaxonomy(curated: Self.curated, esco: Self.esco).fingerprint == SkillTaxonomy(curated: Self.curated, esco: Self.esco).fingerprint)
        #expect(SkillTaxonomy(curated: Self.curated, esco: Self.esco).fingerprint != SkillTaxonomy(curated: Self.curated, esco: Self.esco + "\n").fingerprint)
    }
}
