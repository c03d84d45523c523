import Domain
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An Indeed-style XML feed at `source.parameters.url`:
/// `<source><publisher/><job><title/><date/><referencenumber/><url/><company/><city/><state/><country/>
/// <description/><salary/><jobtype/><expirationdate/><remotetype/></job>…</source>` (a `<jobs>` root is read too).
///
/// - `job_id` is `xmlfeed#<referencenumber>`; a job without a reference number or a title is skipped.
/// - Dates (`date`, `expirationdate`) in RFC 822 (`Fri, 10 Dec 2026 22:49:39 GMT`) or ISO 8601; a job whose
///   expiration date has passed is skipped as "expired".
/// - Location: city, state and country, comma-separated. Company: `company`, else the feed's `publisher`.
/// - Remote: `remotetype` mentions remote but not hybrid, or the location says "remote".
/// - Salary: read from text such as "$50,000 - $70,000 per year" by `SalaryText`; text it cannot read
///   confidently gives no salary, and the posting is kept.
/// - Broken XML, or another root element, is `ProviderError.malformed`.
public struct XMLFeedProvider: JobProvider {
    public let kind = ProviderKind.xmlfeed

    let http: ProviderHTTP

    public init(http: ProviderHTTP) {
        self.http = http
    }

    public func fetch(_ source: JobSource) async throws -> ProviderListing {
        let address = try ProviderMapping.required(source.parameters.url, .url, for: source)
        let url = try ProviderMapping.absoluteURL(address)
        let data = try await http.get(url, accept: "application/xml, text/xml;q=0.9")
        let feed = try IndeedFeed.parse(data)
        let now = http.clock.now()
        let dates = FeedDates()

        var builder = ListingBuilder()
        for job in feed.jobs {
            guard let reference = job["referencenumber"] else {
                builder.skip(nil, "no reference number")
                continue
            }
            guard job["title"] != nil else {
                builder.skip(reference, "no title")
                continue
            }
            var fields = DraftFields(provider: kind, externalID: reference)
            fields["title"] = job["title"]
            fields["description_html"] = job["description"]
            fields["company"] = job["company"] ?? feed.publisher
            let location = ["city", "state", "country"].compactMap { job[$0] }.joined(separator: ", ")
            fields["location"] = location
            let remoteType = job["remotetype"]?.lowercased() ?? ""
            let remote = (ProviderMapping.mentionsRemote(remoteType) && !remoteType.contains("hybrid"))
                || ProviderMapping.mentionsRemote(location)
            fields.set("remote", bool: remote)
            fields["employment_type"] = job["jobtype"].flatMap { types in
                types.split(separator: ",").lazy.compactMap { ProviderMapping.employmentType(String($0)) }.first
            }
            fields.set(pay: job["salary"].flatMap(SalaryText.parse))
            fields["posted_date"] = job["date"].flatMap(dates.parse).map(Timestamps.format)
            fields["apply_url"] = job["url"]
            if let expiry = job["expirationdate"].flatMap(dates.parse) {
                if expiry <= now {
                    builder.skip(reference, "expired")
                    continue
                }
                fields["expires_at"] = Timestamps.format(expiry)
            }
            builder.add(fields, externalID: reference)
        }
        return builder.listing
    }
}

/// The jobs of an Indeed-style feed, each as its child elements' trimmed text (CDATA included), names lower-cased.
struct IndeedFeed {
    var publisher: String?
    var jobs: [[String: String]]

    static let roots: Set<String> = ["source", "jobs"]

    static func parse(_ data: Data) throws -> IndeedFeed {
        let parser = XMLParser(data: data)
        let reader = Reader()
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        // On Linux `parse()` can answer true after libxml2 recovered from an error, so the error is checked too.
        let parsed = parser.parse()
        if !parsed || reader.error != nil || parser.parserError != nil {
            let code = ((reader.error ?? parser.parserError).map { ($0 as NSError).code }).map { " (XML error \($0))" } ?? ""
            throw ProviderError.malformed("the feed is not well-formed XML, near line \(reader.errorLine ?? parser.lineNumber)\(code)")
        }
        guard let root = reader.root, roots.contains(root) else {
            throw ProviderError.malformed("an XML job feed has a <source> or <jobs> root, not <\(reader.root ?? "")>")
        }
        return IndeedFeed(publisher: reader.publisher, jobs: reader.jobs)
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var root: String?
        var publisher: String?
        var jobs: [[String: String]] = []
        private var path: [String] = []
        private var job: [String: String]?
        private var text = ""
        var error: (any Error)?
        var errorLine: Int?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if error == nil {
                error = parseError
                errorLine = parser.lineNumber
            }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let name = elementName.lowercased()
            if path.isEmpty { root = name }
            path.append(name)
            if path.count == 2 && name == "job" { job = [:] }
            if path.count == 3 || (path.count == 2 && name == "publisher") { text = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if path.count >= 2 { text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if path.count >= 2 { text += String(decoding: CDATABlock, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            let name = path.last ?? elementName.lowercased()
            let value = text.trimmingWhitespace()
            if path.count == 3 && path[1] == "job" && job != nil {
                if !value.isEmpty && job?[name] == nil { job?[name] = value }
                text = ""
            } else if path.count == 2 && name == "job", let finished = job {
                jobs.append(finished)
                job = nil
            } else if path.count == 2 && name == "publisher" && !value.isEmpty {
                publisher = value
            }
            path.removeLast()
        }
    }
}

/// The date formats feeds use: RFC 822 (with or without the weekday, zone as name or offset) and ISO 8601.
struct FeedDates {
    private let formatters: [DateFormatter]

    init() {
        formatters = ["dd MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm zzz", "dd MMM yyyy",
                      "yyyy-MM-dd HH:mm:ss"].map { format in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            return formatter
        }
    }

    func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingWhitespace()
        if let date = Timestamps.parse(trimmed) { return date }
        // The weekday adds nothing and a wrong one would fail the whole date.
        var rest = Substring(trimmed)
        if let comma = rest.firstIndex(of: ","), rest[..<comma].allSatisfy(\.isLetter) {
            rest = rest[rest.index(after: comma)...].drop(while: { $0 == " " })
        }
        for formatter in formatters {
            if let date = formatter.date(from: String(rest)) { return date }
        }
        return nil
    }
}

/// Reads a pay range out of free text ("$50,000 - $70,000 per year", "€18–22/hr", "Up to £40k a year"),
/// conservatively: anything it cannot read with confidence gives nil.
enum SalaryText {
    static let symbols: [(String, String)] = [
        ("CA$", "CAD"), ("C$", "CAD"), ("AU$", "AUD"), ("A$", "AUD"), ("NZ$", "NZD"), ("US$", "USD"),
        ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₹", "INR"),
    ]
    static let codes: Set<String> = [
        "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY", "INR", "SGD",
        "ZAR", "MXN", "BRL", "HKD", "ILS", "AED",
    ]
    static let intervals: [String: PayInterval] = [
        "hour": .hour, "hours": .hour, "hourly": .hour, "hr": .hour, "hrs": .hour, "ph": .hour,
        "day": .day, "days": .day, "daily": .day,
        "week": .week, "weeks": .week, "weekly": .week, "wk": .week,
        "month": .month, "months": .month, "monthly": .month, "mo": .month,
        "year": .year, "years": .year, "yearly": .year, "annual": .year, "annually": .year, "annum": .year,
        "yr": .year, "pa": .year,
    ]

    static func parse(_ text: String) -> PayRange? {
        let lower = text.lowercased()
        let words = lower.split(whereSeparator: { !$0.isLetter }).map(String.init)

        var found = Set<PayInterval>()
        for word in words { if let interval = intervals[word] { found.insert(interval) } }
        guard found.count <= 1 else { return nil }

        var amounts: [Double] = []
        for token in numberTokens(text) {
            guard let amount = amount(token) else { return nil }
            amounts.append(amount)
        }
        guard !amounts.isEmpty, amounts.count <= 2 else { return nil }

        var currencies = Set<String>()
        for (symbol, code) in symbols where text.contains(symbol) {
            currencies.insert(code)
            if symbol.count > 1 { break }
        }
        for word in text.split(whereSeparator: { !$0.isLetter }) where word.count == 3 && codes.contains(String(word)) {
            currencies.insert(String(word))
        }
        guard currencies.count <= 1 else { return nil }

        let low: Double?, high: Double?
        if amounts.count == 2 {
            low = amounts[0]
            high = amounts[1]
        } else if lower.contains("up to") || !words.filter({ ["max", "maximum"].contains($0) }).isEmpty {
            low = nil
            high = amounts[0]
        } else if lower.contains("+") || !words.filter({ ["from", "starting", "min", "minimum"].contains($0) }).isEmpty {
            low = amounts[0]
            high = nil
        } else {
            low = amounts[0]
            high = amounts[0]
        }
        // Without a stated interval only a yearly-looking figure is believable.
        guard let interval = found.first ?? ((high ?? low ?? 0) >= 1000 ? .year : nil) else { return nil }
        return PayRange(min: low, max: high, currency: currencies.first, interval: interval)
    }

    /// Runs of digits with their separators, and a `k` right after them.
    static func numberTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if !current.isEmpty, character == "," || character == ".",
                      index + 1 < characters.count, characters[index + 1].isASCII, characters[index + 1].isNumber {
                current.append(character)
            } else if !current.isEmpty {
                if character == "k" || character == "K",
                   index + 1 == characters.count || !characters[index + 1].isLetter {
                    current.append("k")
                }
                tokens.append(current)
                current = ""
            }
            index += 1
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// `50,000`, `50.000` (thousands), `18.50`, `18,50` (decimal), `40k`; nil for anything else.
    static func amount(_ token: String) -> Double? {
        var digits = token
        var multiplier = 1.0
        if digits.hasSuffix("k") {
            digits.removeLast()
            multiplier = 1000
        }
        let plain: String
        if !digits.contains(",") && !digits.contains(".") {
            plain = digits
        } else if let dot = digits.lastIndex(of: "."), digits[digits.index(after: dot)...].count <= 2, !digits[..<dot].contains(".") {
            // 50,000.00 or 18.50
            let whole = String(digits[..<dot])
            guard !whole.contains(",") || groupsValid(whole, ",") else { return nil }
            plain = whole.replacingOccurrences(of: ",", with: "") + "." + digits[digits.index(after: dot)...]
        } else if let comma = digits.lastIndex(of: ","), digits[digits.index(after: comma)...].count <= 2, !digits[..<comma].contains(",") {
            // 50.000,00 or 18,50
            let whole = String(digits[..<comma])
            guard !whole.contains(".") || groupsValid(whole, ".") else { return nil }
            plain = whole.replacingOccurrences(of: ".", with: "") + "." + digits[digits.index(after: comma)...]
        } else if !digits.contains("."), groupsValid(digits, ",") {
            plain = digits.replacingOccurrences(of: ",", with: "")
        } else if !digits.contains(","), groupsValid(digits, ".") {
            plain = digits.replacingOccurrences(of: ".", with: "")
        } else {
            return nil
        }
        guard let value = Double(plain), value > 0 else { return nil }
        return value * multiplier
    }

    private static func groupsValid(_ whole: String, _ separator: Character) -> Bool {
        let parts = whole.split(separator: separator, omittingEmptySubsequences: false)
        return parts.count > 1 && (1...3).contains(parts[0].count) && parts.dropFirst().allSatisfy { $0.count == 3 }
    }
}
