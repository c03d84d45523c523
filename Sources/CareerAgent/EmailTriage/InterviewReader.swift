import Foundation
import Platform

/// Reads when, how long and where an interview is: a calendar invitation when the message carries
/// one (it is what mail programs will put in the calendar), otherwise the times the text names. A time
/// whose day or zone the message does not give is `ambiguous`, never guessed.
struct InterviewReader {
    func read(_ message: TriageMessage, category: EmailCategory) -> InterviewDetails {
        let place = InterviewPlaceReader().read(message)
        if let event = invitation(message.calendars) {
            return fromCalendar(event, message: message, place: place)
        }
        let reader = TextTimeReader(reference: message.date, writerZone: message.writerTimeZone)
        let text = message.foldedSubject + "\n" + message.foldedBody
        var slots = reader.slots(in: text)
        let subjectLength = message.foldedSubject.count + 1
        let tokens = TimeTokenizer.tokens(text)
        // A reschedule names the old time too: drop the times marked as old, then keep those after the words that move it.
        if category == .interviewReschedule {
            let characters = Array(text)
            let current = slots.filter { slot in
                let start = tokens[slot.firstToken].offset
                let before = String(characters[max(0, start - 50)..<start])
                let end = min(characters.count, tokens[slot.lastToken].offset + tokens[slot.lastToken].text.count + 30)
                let after = String(characters[(tokens[slot.lastToken].offset)..<end])
                return !TriageCues.oldTime.contains { before.contains($0) } && !["geplant war", "was planned", "prevu"].contains { after.contains($0) }
            }
            if !current.isEmpty { slots = current }
            if let moved = Self.firstPosition(of: TriageCues.movedTo, in: text) {
                let later = slots.filter { tokens[$0.firstToken].offset >= moved }
                if !later.isEmpty { slots = later }
            }
        }
        // A time only in the subject repeats the body's; prefer the body's for its evidence.
        let bodySlots = slots.filter { tokens[$0.firstToken].offset >= subjectLength }
        if !bodySlots.isEmpty { slots = bodySlots }
        let duration = place.durationMinutes ?? slots.first?.rangeMinutes
        var details = InterviewDetails(durationMinutes: duration, locationOrLink: place.locationOrLink, locationType: place.locationType,
                                       timeStatus: .toBeScheduled, confidence: 0.6, evidence: place.evidence)
        let proposes = TriageCues.contains(TriageCues.proposal, in: message.foldedBody)
            && !TriageCues.contains(TriageCues.fixedTime, in: message.foldedBody)
        let distinct = Self.distinctInstants(slots)
        guard let first = slots.first else {
            if TriageCues.contains(TriageCues.vagueTime, in: message.foldedBody) {
                details.timeStatus = .ambiguous
                details.confidence = 0.5
            } else {
                details.timeStatus = .toBeScheduled
                details.confidence = Self.hasSchedulingLink(message) || TriageCues.contains(TriageCues.pickATime, in: message.foldedBody) ? 0.85 : 0.6
            }
            return details
        }
        guard first.hasDate, let zone = first.zone, let instant = Self.instant(first, zone: zone) else {
            details.timeStatus = .ambiguous
            details.confidence = 0.7
            details.evidence.append(TriageEvidence(.body, first.evidence))
            return details
        }
        details.start = Self.iso8601(instant, zone: zone)
        details.startInstant = instant
        details.timeZone = zone.identifier
        details.evidence.append(TriageEvidence(.body, first.evidence))
        if proposes || distinct > 1 {
            details.timeStatus = .proposed
            details.confidence = 0.8
        } else {
            details.timeStatus = .scheduled
            details.confidence = 0.9
        }
        return details
    }

    /// The invitation to read: the latest version (highest SEQUENCE) that is not a cancellation.
    private func invitation(_ events: [CalendarEvent]) -> CalendarEvent? {
        events.filter { $0.method?.uppercased() != "CANCEL" && $0.status?.uppercased() != "CANCELLED" && !$0.start.isDateOnly }
            .max { $0.sequence < $1.sequence }
    }

    private func fromCalendar(_ event: CalendarEvent, message: TriageMessage, place: InterviewPlace) -> InterviewDetails {
        let start = event.start
        var duration = place.durationMinutes
        if let end = event.end { duration = Int(end.instant.timeIntervalSince(start.instant) / 60) }
        var link = place.locationOrLink, type = place.locationType
        let calendarPlace = InterviewPlaceReader().read(location: event.location, description: event.description, url: event.url)
        if let found = calendarPlace.locationOrLink { (link, type) = (found, calendarPlace.locationType ?? type) }
        let isFloating = start.timeZone == nil
        var text = start.iso8601, zoneName = start.timeZone?.identifier
        // An invitation written in UTC is shown in the zone the message itself states, when it states one.
        if let zone = start.timeZone, zone.secondsFromGMT(for: start.instant) == 0, let stated = Self.statedZone(message) {
            text = Self.iso8601(start.instant, zone: stated)
            zoneName = stated.identifier
        }
        return InterviewDetails(
            start: isFloating ? nil : text, startInstant: isFloating ? nil : start.instant,
            timeZone: zoneName, durationMinutes: duration, locationOrLink: link, locationType: type,
            timeStatus: isFloating ? .ambiguous : .scheduled, calendarUID: event.uid, calendarSequence: event.sequence,
            confidence: isFloating ? 0.6 : 0.97,
            evidence: [TriageEvidence(.calendar, "DTSTART \(start.iso8601)" + (event.summary.map { " \($0)" } ?? ""))] + place.evidence
        )
    }

    /// The one zone the message's text names (next to a time or on its own), if exactly one.
    static func statedZone(_ message: TriageMessage) -> TextZone? {
        let slots = TextTimeReader(reference: message.date, writerZone: message.writerTimeZone)
            .slots(in: message.foldedSubject + "\n" + message.foldedBody)
        let zones = Set(slots.compactMap(\.zone))
        return zones.count == 1 ? zones.first : nil
    }

    static func instant(_ slot: TextSlot, zone: TextZone) -> Date? {
        guard let timeZone = zone.timeZone, let year = slot.year, let month = slot.month, let day = slot.day else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: slot.hour, minute: slot.minute))
    }

    /// `2026-03-12T14:00:00-05:00`: the zone's own offset on that day.
    static func iso8601(_ instant: Date, zone: TextZone) -> String {
        guard let timeZone = zone.timeZone else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let offset = timeZone.secondsFromGMT(for: instant)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
                      parts.second!, offset < 0 ? "-" : "+", abs(offset) / 3600, abs(offset) % 3600 / 60)
    }

    private static func distinctInstants(_ slots: [TextSlot]) -> Int {
        Set(slots.map { "\($0.year ?? 0)-\($0.month ?? 0)-\($0.day ?? 0)T\($0.hour):\($0.minute)" }).count
    }

    /// Where the first of `cues` starts, in characters.
    private static func firstPosition(of cues: [String], in text: String) -> Int? {
        cues.compactMap { cue in text.byteRange(of: cue).map { text.distance(from: text.startIndex, to: $0.lowerBound) } }.min()
    }

    static func hasSchedulingLink(_ message: TriageMessage) -> Bool {
        let hosts = ["calendly.com", "goodtime.io", "cal.com", "chilipiper", "youcanbook.me", "doodle.com", "calendar.app.google",
                     "/bookings", "schedule", "scheduling"]
        return message.links.contains { link in hosts.contains { link.url.lowercased().contains($0) } }
            || hosts.prefix(6).contains { message.foldedBody.contains($0) }
    }
}
