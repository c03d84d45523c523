import Foundation

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
