import Foundation

/// Reading the zone a time is given in.
extension TextTimeReader {
    /// Abbreviations that are also words in some language ("et", "est", "ist") count only right after
    /// "am"/"pm" or inside brackets.
    static let wordLikeAbbreviations: Set<String> = ["et", "est", "ist", "art", "west", "wet", "z", "mt", "ct", "pt", "gst"]

    /// A zone right after a time: "PM ET", "(CET)", "Pacific Time", "UTC+2", "Berlin time", "heure de Paris".
    func zone(_ tokens: [TimeToken], at start: Int, afterMeridiem: Bool) -> (TextZone, Int)? {
        var index = start
        var bracketed = false
        while index < tokens.count, tokens[index].isSymbol("(") || tokens[index].isSymbol(",") || tokens[index].isSymbol("[") {
            if !tokens[index].isSymbol(",") { bracketed = true }
            index += 1
        }
        // Filler words: "Eastern", "in Eastern Time", "CET time", "(your time)".
        if index < tokens.count, ["in", "im", "en", "em", "de"].contains(tokens[index].text), tokens[index].kind == .word,
           index + 1 < tokens.count, zoneWord(tokens, at: index + 1, strict: false) != nil {
            index += 1
        }
        guard let (zone, after) = zoneWord(tokens, at: index, strict: !(afterMeridiem || bracketed)) else { return nil }
        var end = after
        while end < tokens.count, tokens[end].isSymbol(")") || tokens[end].isSymbol("]") { end += 1 }
        return (zone, end)
    }

    /// A zone named at `index`: abbreviation, offset, region or city with a word for "time".
    func zoneWord(_ tokens: [TimeToken], at index: Int, strict: Bool) -> (TextZone, Int)? {
        guard index < tokens.count, tokens[index].kind == .word else { return nil }
        let word = tokens[index].text
        // "UTC+2", "GMT-05:00", "UTC +5:30"
        if word == "utc" || word == "gmt", index + 2 < tokens.count, tokens[index + 1].isSymbol("+") || tokens[index + 1].isSymbol("-"),
           let hours = tokens[index + 2].number, hours <= 14 {
            var seconds = hours * 3600, next = index + 3
            if tokens[index + 2].text.count == 4 { seconds = (hours / 100) * 3600 + (hours % 100) * 60 }
            if next + 1 < tokens.count, tokens[next].isSymbol(":"), let minutes = tokens[next + 1].number { seconds += minutes * 60; next += 2 }
            return (.fixed(seconds: tokens[index + 1].isSymbol("-") ? -seconds : seconds), next)
        }
        // "heure de Paris", "hora de Madrid", "hora de Brasília"
        if ["heure", "hora", "horario", "ora"].contains(word), index + 1 < tokens.count {
            var next = index + 1
            if ["de", "du", "d"].contains(tokens[next].text) { next += 1 }
            if next < tokens.count, tokens[next].isSymbol("'") { next += 1 }
            if let (identifier, after) = city(tokens, at: next) { return (.named(identifier), after) }
        }
        if let (identifier, after) = city(tokens, at: index), after < tokens.count, ZoneNames.timeWords.contains(tokens[after].text) {
            return (.named(identifier), after + 1)
        }
        // Regions of one or two words, then "time" / "standard time" / "daylight time".
        for length in [2, 1] where index + length < tokens.count {
            let name = tokens[index..<(index + length)].map(\.text).joined(separator: " ")
            guard let identifier = ZoneNames.regions[name] else { continue }
            var next = index + length
            if ["standard", "daylight", "summer"].contains(tokens[next].text) { next += 1 }
            if next < tokens.count, tokens[next].text == "time" { return (.named(identifier), next + 1) }
            if !strict, length == 1, ["eastern", "pacific", "central", "mountain"].contains(name) { return (.named(identifier), index + 1) }
        }
        if let identifier = ZoneNames.abbreviations[word] {
            if strict && Self.wordLikeAbbreviations.contains(word) { return nil }
            var next = index + 1
            if next < tokens.count, tokens[next].text == "time" { next += 1 }
            return (.named(identifier), next)
        }
        return nil
    }

    func city(_ tokens: [TimeToken], at index: Int) -> (String, Int)? {
        for length in [3, 2, 1] where index + length <= tokens.count {
            let slice = tokens[index..<(index + length)]
            guard slice.allSatisfy({ $0.kind == .word }) else { continue }
            if let identifier = ZoneNames.cities[slice.map(\.text).joined(separator: " ")] { return (identifier, index + length) }
        }
        return nil
    }

    /// Zones a message states apart from any time: "All times are Eastern Time", "(times in CET)".
    func statedZones(_ tokens: [TimeToken]) -> Set<TextZone> {
        var zones: Set<TextZone> = []
        for index in tokens.indices where tokens[index].kind == .word {
            let word = tokens[index].text
            let isRegion = ZoneNames.regions[word] != nil || ZoneNames.cities[word] != nil || ["heure", "hora"].contains(word)
            let isAbbreviation = ZoneNames.abbreviations[word] != nil && !Self.wordLikeAbbreviations.contains(word) && word.count >= 3
            guard isRegion || isAbbreviation else { continue }
            if let (zone, _) = zoneWord(tokens, at: index, strict: true) {
                if isAbbreviation, word == "gmt" || word == "utc", index + 1 < tokens.count, tokens[index + 1].isSymbol("+") == false,
                   tokens[index + 1].isSymbol("-") == false, zones.isEmpty == false { continue }
                zones.insert(zone)
            }
        }
        return zones
    }
}
