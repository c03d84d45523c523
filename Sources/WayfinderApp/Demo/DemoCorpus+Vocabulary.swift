import Domain
import Foundation

/// Word lists and wording helpers for `DemoCorpus`. All names are fictional except the cities; the
/// salary factors are rough "local currency per US dollar of a comparable US salary", good enough
/// for a demo.
extension DemoCorpus {
    struct Country: Sendable {
        let name: String
        let currency: String
        let symbol: String
        /// Local yearly salary per US dollar of the occupation's US-level base salary.
        let salaryFactor: Double
        /// Percent of salaried postings that state an hourly rate.
        let hourlyPercent: Int
        /// A language requirement some postings add, or nil.
        let language: String?
        /// Whether German-language markets add "(m/f/d)" to titles.
        let genderSuffix: Bool
    }

    struct City: Sendable {
        /// "Austin, TX, USA": the posting's location.
        let display: String
        /// "Austin": for sentences.
        let name: String
        let country: Int
    }

    static let countries: [Country] = [
        Country(name: "USA", currency: "USD", symbol: "$", salaryFactor: 1.0, hourlyPercent: 25, language: nil, genderSuffix: false),
        Country(name: "Canada", currency: "CAD", symbol: "CA$", salaryFactor: 1.05, hourlyPercent: 20, language: "French", genderSuffix: false),
        Country(name: "United Kingdom", currency: "GBP", symbol: "£", salaryFactor: 0.55, hourlyPercent: 15, language: nil, genderSuffix: false),
        Country(name: "Ireland", currency: "EUR", symbol: "€", salaryFactor: 0.65, hourlyPercent: 10, language: nil, genderSuffix: false),
        Country(name: "Germany", currency: "EUR", symbol: "€", salaryFactor: 0.68, hourlyPercent: 8, language: "German", genderSuffix: true),
        Country(name: "Austria", currency: "EUR", symbol: "€", salaryFactor: 0.62, hourlyPercent: 8, language: "German", genderSuffix: true),
        Country(name: "Switzerland", currency: "CHF", symbol: "CHF ", salaryFactor: 1.0, hourlyPercent: 8, language: "German", genderSuffix: true),
        Country(name: "France", currency: "EUR", symbol: "€", salaryFactor: 0.58, hourlyPercent: 5, language: "French", genderSuffix: false),
        Country(name: "Netherlands", currency: "EUR", symbol: "€", salaryFactor: 0.65, hourlyPercent: 8, language: "Dutch", genderSuffix: false),
        Country(name: "Belgium", currency: "EUR", symbol: "€", salaryFactor: 0.62, hourlyPercent: 5, language: "Dutch or French", genderSuffix: false),
        Country(name: "Spain", currency: "EUR", symbol: "€", salaryFactor: 0.42, hourlyPercent: 5, language: "Spanish", genderSuffix: false),
        Country(name: "Portugal", currency: "EUR", symbol: "€", salaryFactor: 0.32, hourlyPercent: 5, language: "Portuguese", genderSuffix: false),
        Country(name: "Italy", currency: "EUR", symbol: "€", salaryFactor: 0.45, hourlyPercent: 5, language: "Italian", genderSuffix: false),
        Country(name: "Sweden", currency: "SEK", symbol: "SEK ", salaryFactor: 6.5, hourlyPercent: 5, language: "Swedish", genderSuffix: false),
        Country(name: "Norway", currency: "NOK", symbol: "NOK ", salaryFactor: 7.2, hourlyPercent: 5, language: "Norwegian", genderSuffix: false),
        Country(name: "Denmark", currency: "DKK", symbol: "DKK ", salaryFactor: 4.8, hourlyPercent: 5, language: "Danish", genderSuffix: false),
        Country(name: "Finland", currency: "EUR", symbol: "€", salaryFactor: 0.58, hourlyPercent: 5, language: "Finnish", genderSuffix: false),
        Country(name: "Poland", currency: "PLN", symbol: "PLN ", salaryFactor: 1.6, hourlyPercent: 5, language: "Polish", genderSuffix: false),
        Country(name: "Czechia", currency: "CZK", symbol: "CZK ", salaryFactor: 12, hourlyPercent: 5, language: "Czech", genderSuffix: false),
        Country(name: "Brazil", currency: "BRL", symbol: "R$", salaryFactor: 1.6, hourlyPercent: 5, language: "Portuguese", genderSuffix: false),
        Country(name: "Mexico", currency: "MXN", symbol: "MX$", salaryFactor: 6.0, hourlyPercent: 5, language: "Spanish", genderSuffix: false),
        Country(name: "Australia", currency: "AUD", symbol: "A$", salaryFactor: 1.25, hourlyPercent: 20, language: nil, genderSuffix: false),
        Country(name: "New Zealand", currency: "NZD", symbol: "NZ$", salaryFactor: 1.15, hourlyPercent: 20, language: nil, genderSuffix: false),
        Country(name: "Japan", currency: "JPY", symbol: "¥", salaryFactor: 90, hourlyPercent: 10, language: "Japanese", genderSuffix: false),
        Country(name: "Singapore", currency: "SGD", symbol: "S$", salaryFactor: 1.0, hourlyPercent: 5, language: nil, genderSuffix: false),
        Country(name: "India", currency: "INR", symbol: "₹", salaryFactor: 12, hourlyPercent: 0, language: nil, genderSuffix: false),
        Country(name: "South Africa", currency: "ZAR", symbol: "R", salaryFactor: 8, hourlyPercent: 5, language: nil, genderSuffix: false),
    ]

    /// City names with region where locals write one; `country` indexes `countries`.
    static let cities: [City] = {
        let table: [(Int, [String])] = [
            (0, ["New York, NY", "San Francisco, CA", "Austin, TX", "Seattle, WA", "Chicago, IL", "Boston, MA",
                 "Denver, CO", "Atlanta, GA", "Los Angeles, CA", "Miami, FL", "Portland, OR", "Minneapolis, MN",
                 "Raleigh, NC", "Philadelphia, PA", "Phoenix, AZ", "Salt Lake City, UT", "Pittsburgh, PA",
                 "Nashville, TN", "San Diego, CA", "Washington, DC"]),
            (1, ["Toronto, ON", "Vancouver, BC", "Montréal, QC", "Calgary, AB", "Ottawa, ON"]),
            (2, ["London", "Manchester", "Edinburgh", "Bristol", "Birmingham", "Leeds"]),
            (3, ["Dublin", "Cork"]),
            (4, ["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig"]),
            (5, ["Wien", "Graz"]),
            (6, ["Zürich", "Genève", "Basel", "Lausanne"]),
            (7, ["Paris", "Lyon", "Toulouse", "Nantes"]),
            (8, ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"]),
            (9, ["Brussels", "Antwerp"]),
            (10, ["Madrid", "Barcelona", "Valencia", "Málaga"]),
            (11, ["Lisbon", "Porto"]),
            (12, ["Milan", "Rome", "Turin"]),
            (13, ["Stockholm", "Göteborg"]),
            (14, ["Oslo"]),
            (15, ["Copenhagen", "Aarhus"]),
            (16, ["Helsinki"]),
            (17, ["Warsaw", "Kraków", "Wrocław"]),
            (18, ["Prague", "Brno"]),
            (19, ["São Paulo", "Rio de Janeiro", "Belo Horizonte"]),
            (20, ["Ciudad de México", "Guadalajara"]),
            (21, ["Sydney, NSW", "Melbourne, VIC", "Brisbane, QLD"]),
            (22, ["Auckland", "Wellington"]),
            (23, ["Tokyo", "Osaka"]),
            (24, ["Singapore"]),
            (25, ["Bengaluru", "Pune", "Hyderabad"]),
            (26, ["Cape Town", "Johannesburg"]),
        ]
        return table.flatMap { country, names in
            names.map { name in
                let countryName = countries[country].name
                return City(display: name == countryName ? name : name + ", " + countryName,
                            name: String(name.prefix(while: { $0 != "," })), country: country)
            }
        }
    }()

    static let companyPrefixes = [
        "Northwind", "Bluepeak", "Silverline", "Redwood", "Brightwater", "Ironbridge", "Clearview", "Stonegate",
        "Evergreen", "Highland", "Summit", "Oakridge", "Lakeside", "Sunvale", "Greenfield", "Riverbend",
        "Westbrook", "Eastgate", "Harborview", "Goldcrest", "Cedarline", "Maplewood", "Aurora", "Polaris", "Coastline",
    ]

    /// Company name suffixes with the industry a blurb gives them.
    static let companySuffixes: [(name: String, industry: String)] = [
        ("Analytics", "data and analytics"), ("Logistics", "logistics and freight"), ("Health", "healthcare"),
        ("Foods", "food production"), ("Robotics", "industrial automation"), ("Energy", "renewable energy"),
        ("Software", "software"), ("Systems", "engineering systems"), ("Media", "digital media"),
        ("Manufacturing", "precision manufacturing"), ("Consulting", "management consulting"),
        ("Financial", "financial services"), ("Retail", "retail"), ("Construction", "construction"),
        ("Labs", "research and development"), ("Hospitality", "hospitality"), ("Learning", "education"),
        ("Motors", "automotive"), ("Pharma", "pharmaceutical"), ("Telecom", "telecommunications"),
        ("Textiles", "textile"), ("Agritech", "agricultural technology"), ("Insurance", "insurance"),
        ("Studios", "creative production"),
    ]

    static let companySizes = [
        "fast-growing", "family-owned", "mid-sized", "well-established", "employee-owned", "international",
        "venture-backed", "regional", "award-winning", "independent",
    ]

    static let companyHistories = [
        "founded in 1987", "founded in 1998", "founded in 2004", "founded in 2012", "founded in 2016",
        "with more than 40 years of history", "with offices in nine countries", "serving customers on three continents",
        "with around 250 employees", "with over 1,200 employees", "headquartered near the city centre",
        "that has doubled in size over the last three years",
    ]

    static let companyValues = [
        "We care about quality, fair pay and a healthy working culture.",
        "Our teams are small, autonomous and trusted to make decisions.",
        "We invest in our people and promote from within wherever we can.",
        "Sustainability and safety come first in everything we do.",
        "We are proud of our long-standing relationships with customers and suppliers.",
        "Diversity and inclusion are part of how we hire, work and grow.",
        "We combine the stability of an established business with the energy of a start-up.",
        "Our customers rely on us every day, and we take that responsibility seriously.",
    ]

    static let departments = [
        "operations", "engineering", "customer service", "production", "sales", "quality assurance",
        "finance", "logistics", "product", "research", "administration", "facilities",
    ]

    /// Sentences around two department names: prefix, department, middle, department, suffix.
    static let roleSentences: [(String, String, String)] = [
        ("You will work closely with colleagues from ", " and ", "."),
        ("You will report to the head of ", " and coordinate daily with ", "."),
        ("The role sits within our ", " department and works hand in hand with ", "."),
        ("You will join a team of eight and collaborate with ", " and ", " on a regular basis."),
    ]

    static let benefits = [
        "Flexible working hours", "Hybrid working with a home-office allowance", "30 days of paid holiday",
        "Annual training and conference budget", "Company pension scheme with employer contribution",
        "Private health insurance", "Subsidised public transport ticket", "Bike leasing programme",
        "Parental leave beyond the statutory minimum", "Structured onboarding and a personal mentor",
        "Free lunch in our canteen", "Employee share programme", "Paid volunteering days",
        "Modern equipment of your choice", "Wellbeing and gym allowance", "Performance bonus",
        "Clear career paths with regular feedback", "Relocation support", "Four-day week option",
        "Team events and an annual company retreat",
    ]

    static let closings = [
        "Apply online with your CV; we reply to every application within two weeks.",
        "We look forward to receiving your application.",
        "Send us your CV and a few lines about why this role interests you.",
        "No cover letter needed: your CV and availability are enough.",
        "Questions before you apply? Our recruiting team is happy to help.",
    ]

    /// Title words that raise or lower an occupation's base salary, in US dollars a year.
    static let salaryAdjustments: [(word: String, delta: Int)] = [
        ("chief", 60_000), ("director", 45_000), ("head", 35_000), ("manager", 20_000), ("architect", 30_000),
        ("engineer", 20_000), ("scientist", 20_000), ("physician", 90_000), ("surgeon", 120_000),
        ("lawyer", 45_000), ("judge", 60_000), ("pilot", 50_000), ("consultant", 15_000), ("analyst", 12_000),
        ("specialist", 8_000), ("supervisor", 8_000), ("assistant", -12_000), ("attendant", -15_000),
        ("labourer", -18_000), ("clerk", -12_000), ("helper", -18_000), ("cleaner", -18_000),
        ("operative", -10_000), ("porter", -15_000), ("worker", -10_000),
    ]

    /// Title words that mark a software/IT/data occupation; "developer" and "programmer" only
    /// count next to a context word ("mobile application developer", not "property developer").
    static let techWords: Set<String> = [
        "software", "data", "database", "ict", "it", "web", "cloud", "cyber", "cybersecurity", "devops",
        "computer", "blockchain", "webmaster", "iot", "artificial",
    ]
    static let developerContextWords: Set<String> = [
        "games", "application", "mobile", "e-learning", "interface", "embedded", "user",
    ]
    static let nonTechWords: Set<String> = [
        "seller", "shop", "footwear", "leather", "textile", "clerk", "entry", "hardware", "numerical",
    ]
}

// MARK: - Wording helpers (used at init and in the hot path: no Foundation formatting)

extension DemoCorpus {
    static func capitalizingFirst(_ s: String) -> String {
        guard let first = s.first, first.isLowercase else { return s }
        return first.uppercased() + s.dropFirst()
    }

    static func escapeHTML(_ s: String) -> String {
        guard s.contains(where: { "&<>\"".contains($0) }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// "a" or "an" for the word that follows; good enough for titles ("an ICT", "an Underwriter").
    static func article(for word: String) -> String {
        var scalars = word.unicodeScalars.makeIterator()
        switch scalars.next() {
        case "A", "E", "I", "O", "a", "e", "i", "o": return "an"
        case "U", "u": return scalars.next() == "n" && scalars.next() != "i" ? "an" : "a"
        default: return "a"
        }
    }

    static func baseSalary(title: String, words: Set<String>, isTech: Bool) -> Int {
        let hash = FNV1a.hash(title.utf8)
        var salary = 38_000 + Int(hash % 40_000) + (isTech ? 35_000 : 0)
        for (word, delta) in salaryAdjustments where words.contains(word) { salary += delta }
        return max(28_000, salary)
    }

    static func step(_ value: Int) -> Int {
        value < 100_000 ? 1_000 : value < 1_000_000 ? 5_000 : value < 10_000_000 ? 50_000 : 100_000
    }

    static func roundNice(_ value: Double) -> Int {
        let step = Self.step(Int(value))
        return max(step, Int((value / Double(step)).rounded()) * step)
    }

    /// "€55,000", "CHF 95,000", "¥5,400,000".
    static func money(_ amount: Int, _ country: Country) -> String {
        let digits = Array(String(amount).utf8)
        var out = country.symbol
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.unicodeScalars.append(Unicode.Scalar(digit))
        }
        return out
    }

    static func padded(_ number: Int) -> String {
        let digits = String(number)
        return digits.utf8.count >= 7 ? digits : String(repeating: "0", count: 7 - digits.utf8.count) + digits
    }
}
