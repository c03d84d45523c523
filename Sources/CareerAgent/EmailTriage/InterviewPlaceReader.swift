import Foundation
import Platform

/// Where and how an interview is held, and how long it takes.
struct InterviewPlace: Sendable {
    var locationOrLink: String?
    var locationType: InterviewLocationType?
    var durationMinutes: Int?
    var evidence: [TriageEvidence] = []
}

/// Reads the meeting link (Zoom, Meet, Teams, Webex…), the phone number to call, or the street address,
/// and the length ("a 45-minute call", "1 hour", "30 Minuten").
struct InterviewPlaceReader {
    static let videoHosts = ["zoom.us", "zoom.com", "meet.google.com", "teams.microsoft.com", "teams.live.com", "webex.com",
                             "whereby.com", "chime.aws", "bluejeans.com", "gotomeeting.com", "meet.jit.si", "around.co",
                             "hangouts.google.com", "skype.com", "vc.", "video."]

    func read(_ message: TriageMessage) -> InterviewPlace {
        var place = InterviewPlace()
        let body = message.body
        let urls = message.links.map(\.url) + Self.urls(in: body)
        if let video = urls.first(where: Self.isVideoLink) {
            place.locationOrLink = video
            place.locationType = .video
            place.evidence.append(TriageEvidence(.body, video))
        } else if let phone = Self.phoneNumber(in: body), TriageCues.contains(TriageCues.phone, in: message.foldedBody) {
            place.locationOrLink = phone
            place.locationType = .phone
            place.evidence.append(TriageEvidence(.body, phone))
        } else if let address = Self.streetAddress(in: body) {
            place.locationOrLink = address
            place.locationType = .onsite
            place.evidence.append(TriageEvidence(.body, address))
        } else if TriageCues.contains(TriageCues.phone, in: message.foldedBody) {
            place.locationType = .phone
            place.locationOrLink = Self.phoneNumber(in: body)
        } else if TriageCues.contains(TriageCues.video, in: message.foldedBody) {
            place.locationType = .video
        } else if TriageCues.contains(TriageCues.onsite, in: message.foldedBody) {
            place.locationType = .onsite
        }
        place.durationMinutes = Self.duration(in: message.foldedSubject + "\n" + message.foldedBody)
        return place
    }

    /// The same from a calendar invitation's LOCATION, DESCRIPTION and URL.
    func read(location: String?, description: String?, url: String?) -> InterviewPlace {
        var place = InterviewPlace()
        let texts = [location, url, description].compactMap { $0 }
        let urls = texts.flatMap(Self.urls(in:))
        if let video = urls.first(where: Self.isVideoLink) {
            return InterviewPlace(locationOrLink: video, locationType: .video)
        }
        if let location = location?.trimmingCharacters(in: .whitespacesAndNewlines), !location.isEmpty {
            let folded = TriageMessage.fold(location)
            if let phone = Self.phoneNumber(in: location), folded.contains("phone") || folded.contains("call") || folded.hasPrefix("+") || folded.hasPrefix("tel") {
                return InterviewPlace(locationOrLink: phone, locationType: .phone)
            }
            if ["zoom", "teams", "google meet", "webex", "video"].contains(where: folded.contains) {
                place.locationType = .video
                place.locationOrLink = urls.first ?? location
                return place
            }
            return InterviewPlace(locationOrLink: location, locationType: .onsite)
        }
        return place
    }

    static func isVideoLink(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return videoHosts.contains { lowered.contains($0) }
    }

    /// `http(s)://…` up to whitespace or a closing bracket.
    static func urls(in text: String) -> [String] {
        var found: [String] = []
        var searchStart = text.startIndex
        while let range = text.range(of: "http", options: [.caseInsensitive], range: searchStart..<text.endIndex) {
            let rest = text[range.lowerBound...]
            guard rest.lowercased().hasPrefix("https://") || rest.lowercased().hasPrefix("http://") else {
                searchStart = range.upperBound
                continue
            }
            let end = rest.firstIndex { $0.isWhitespace || "<>\"')]".contains($0) } ?? text.endIndex
            var url = String(text[range.lowerBound..<end])
            while let last = url.last, ".,;:!?".contains(last) { url.removeLast() }
            found.append(url)
            searchStart = end
        }
        return found
    }

    /// A phone number as written: "+1 415 555 0134", "(415) 555-0134", "+49 30 1234567".
    static func phoneNumber(in text: String) -> String? {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "+" || character == "(" || character.isNumber else { index += 1; continue }
            if index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == "/" || characters[index - 1] == "=" {
                index += 1
                continue
            }
            var end = index, digits = 0
            while end < characters.count, characters[end].isNumber || " -().+".contains(characters[end]) {
                if characters[end].isNumber { digits += 1 }
                if characters[end] == "+" && end != index { break }
                end += 1
            }
            var candidate = String(characters[index..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " -.("))
            if candidate.hasSuffix(")") && !candidate.contains("(") { candidate.removeLast() }
            if digits >= 9 && digits <= 15, candidate.filter({ $0 == " " }).count <= 5, !Self.looksLikeDate(candidate) {
                return candidate.trimmingCharacters(in: .whitespaces)
            }
            index = max(end, index + 1)
        }
        return nil
    }

    private static func looksLikeDate(_ text: String) -> Bool {
        text.count == 10 && (text.filter { $0 == "-" }.count == 2 || text.filter { $0 == "." }.count == 2) && text.prefix(4).allSatisfy(\.isNumber)
    }

    private static let streetWords: Set<String> = [
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "way", "drive", "dr", "place", "pl",
        "square", "sq", "court", "ct", "parkway", "pkwy", "suite", "floor", "strasse", "straße", "str", "platz", "allee", "weg",
        "rue", "avenue", "boulevard", "calle", "avenida", "paseo", "plaza", "straat", "laan", "gracht", "plein", "rua", "praca",
        "praça", "alameda", "ring", "damm", "ufer", "gasse", "quai", "via",
    ]

    /// A line that reads as a street address: a house number and a street word ("500 Market Street,
    /// 4th floor", "Friedrichstraße 68, 10117 Berlin", "12 rue de Rivoli").
    static func streetAddress(in text: String) -> String? {
        for rawLine in text.components(separatedBy: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "*-•")))
            guard line.count >= 8, line.count <= 160, line.contains(where: \.isNumber), !line.lowercased().contains("http") else { continue }
            let words = line.lowercased().split { !$0.isLetter && $0 != "ß" }.map(String.init)
            let hasStreetWord = words.contains { word in streetWords.contains(word) }
                || words.contains { $0.hasSuffix("strasse") || $0.hasSuffix("straße") || $0.hasSuffix("straat") || $0.hasSuffix("weg") || $0.hasSuffix("laan") }
            guard hasStreetWord else { continue }
            // A house number next to the street name, not a time or a salary.
            let hasHouseNumber = line.split(separator: " ").contains { token in
                let digits = token.filter(\.isNumber)
                return !digits.isEmpty && digits.count <= 5 && token.filter(\.isLetter).count <= 2 && !token.contains(":") && !token.contains("$")
            }
            guard hasHouseNumber else { continue }
            var address = line
            // "at our office, 500 Market Street" → the address part.
            for opening in [" at ", " office: ", "address: ", "location: ", "adresse: ", "direccion: ", "adres: ", "endereco: "] {
                if let range = address.lowercased().range(of: opening) {
                    let offset = address.lowercased().distance(from: address.lowercased().startIndex, to: range.upperBound)
                    let candidate = String(address.dropFirst(offset))
                    if candidate.contains(where: \.isNumber) { address = candidate }
                }
            }
            return address.trimmingCharacters(in: CharacterSet(charactersIn: " .:"))
        }
        return nil
    }

    /// "45-minute", "30 min", "1 hour", "1.5 hours", "an hour", "half an hour", "60 Minuten", "1 Stunde", "une heure".
    static func duration(in folded: String) -> Int? {
        let tokens = TimeTokenizer.tokens(folded)
        for index in tokens.indices {
            let token = tokens[index]
            var next = index + 1
            if next < tokens.count, tokens[next].isSymbol("-") { next += 1 }
            guard next < tokens.count else { break }
            let unit = tokens[next].text
            if let value = token.number, token.text.count <= 3 {
                var amount = Double(value)
                // "1.5 hours"
                if next + 1 < tokens.count, tokens[next].isSymbol("."), let fraction = tokens[next + 1].number, next + 2 < tokens.count {
                    amount += Double(fraction) / 10
                    if let hours = Self.minutes(per: tokens[next + 2].text) , hours == 60 { return Int(amount * 60) }
                }
                if let perUnit = minutes(per: unit) {
                    let minutes = Int(amount) * perUnit
                    if minutes >= 10 && minutes <= 480 { return minutes }
                }
            } else if ["an", "one", "eine", "une", "una", "um", "een", "uma"].contains(token.text), ["hour", "stunde", "heure", "hora", "uur"].contains(unit) {
                if index > 1, tokens[index - 1].text == "half" || tokens[index - 1].text == "a" && index > 1 && tokens[index - 2].text == "half" { return 30 }
                return 60
            } else if token.text == "half", next < tokens.count, unit == "hour" || (unit == "an" && next + 1 < tokens.count && tokens[next + 1].text == "hour") {
                return 30
            }
        }
        return nil
    }

    private static func minutes(per unit: String) -> Int? {
        switch unit {
        case "minute", "minutes", "min", "mins", "minuten", "minutos", "minuti", "minuut": 1
        case "hour", "hours", "hr", "hrs", "stunde", "stunden", "heure", "heures", "hora", "horas", "uur": 60
        default: nil
        }
    }
}
