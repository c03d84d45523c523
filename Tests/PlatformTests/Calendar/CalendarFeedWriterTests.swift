import Foundation
import Platform
import TestPeers
import Testing

@Suite("Writing the interview calendar feed")
struct CalendarFeedWriterTests {
    static let now = CalendarSupport.utc("2026-03-02T08:30:15Z").addingTimeInterval(0.7)

    static let interview = CalendarFeedEvent(
        uid: "interview-42@wayfinder.example", sequence: 1,
        start: CalendarSupport.utc("2026-03-12T19:00:00Z"), end: CalendarSupport.utc("2026-03-12T20:00:00Z"),
        summary: "Interview with Acme; round 2, on-site", description: "Bring:\n- ID\\passport",
        location: "Acme HQ, Lisbon", url: "https://acme.example/i?a=1,2", status: "CONFIRMED",
        lastModified: CalendarSupport.utc("2026-03-01T12:00:00Z"))

    static let events = [
        interview,
        CalendarFeedEvent(uid: "interview-43@wayfinder.example", sequence: 4,
                          start: CalendarSupport.utc("2026-07-01T07:30:00Z"), end: CalendarSupport.utc("2026-07-01T08:15:00Z"),
                          summary: "Entretien annulé – Société Générale 面接 🎉", description: "Ligne 1\r\nLigne 2; fin, vraiment\\",
                          status: "CANCELLED", lastModified: CalendarSupport.utc("2026-06-30T18:00:00Z")),
        CalendarFeedEvent(uid: "interview-44@wayfinder.example", start: CalendarSupport.utc("2026-08-03T13:00:00Z"),
                          end: CalendarSupport.utc("2026-08-03T14:00:00Z"), summary: "Phone screen",
                          lastModified: CalendarSupport.utc("2026-07-20T09:00:00Z")),
    ]

    @Test("the document: CRLF lines, calendar properties, one VEVENT with UTC times and escaped text")
    func document() {
        let document = CalendarFeedWriter.document(name: "Ada's interviews, 2026", events: [Self.interview], now: Self.now)
        #expect(document == """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Wayfinder//Interviews//EN
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            X-WR-CALNAME:Ada's interviews\\, 2026
            REFRESH-INTERVAL;VALUE=DURATION:PT1H
            X-PUBLISHED-TTL:PT1H
            BEGIN:VEVENT
            UID:interview-42@wayfinder.example
            SEQUENCE:1
            DTSTAMP:20260302T083015Z
            DTSTART:20260312T190000Z
            DTEND:20260312T200000Z
            LAST-MODIFIED:20260301T120000Z
            SUMMARY:Interview with Acme\\; round 2\\, on-site
            DESCRIPTION:Bring:\\n- ID\\\\passport
            LOCATION:Acme HQ\\, Lisbon
            URL:https://acme.example/i?a=1,2
            STATUS:CONFIRMED
            END:VEVENT
            END:VCALENDAR

            """.replacing("\n", with: "\r\n"))
    }

    @Test("long lines fold at 75 octets, never inside a UTF-8 character, and unfold to the original",
          arguments: ["Entretien " + String(repeating: "é", count: 80), String(repeating: "面接", count: 40),
                      String(repeating: "🎉a", count: 30), String(repeating: "x", count: 300)])
    func folding(summary: String) throws {
        let event = CalendarFeedEvent(uid: "u", start: Self.now, end: Self.now, summary: summary, lastModified: Self.now)
        let document = CalendarFeedWriter.document(name: "Feed", events: [event], now: Self.now)
        let bytes = Array(document.utf8)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\r") {
                #expect(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"), "a bare CR")
                continue
            }
            if byte == UInt8(ascii: "\n") {
                lines.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        #expect(current.isEmpty, "the document ends with CRLF")
        for line in lines {
            #expect(line.count <= 75, "\(line.count) octets")
            #expect(String(validating: line, as: UTF8.self) != nil, "a line cut inside a character")
        }
        #expect(lines.contains { $0.first == UInt8(ascii: " ") }, "the summary was folded")
        let events = try CalendarParser.events(in: document)
        #expect(events.first?.summary == summary)
    }

    @Test("the feed reads back through the calendar parser with the same events")
    func roundTrip() throws {
        let document = CalendarFeedWriter.document(name: "Interviews", events: Self.events, now: Self.now)
        let events = try CalendarParser.events(in: document)
        #expect(events.count == Self.events.count)
        for (read, written) in zip(events, Self.events) {
            #expect(read.uid == written.uid)
            #expect(read.sequence == written.sequence)
            #expect(read.method == "PUBLISH")
            #expect(read.start.instant == written.start)
            #expect(read.start.timeZone == TimeZone(identifier: "UTC"))
            #expect(read.end?.instant == written.end)
            #expect(read.summary == written.summary)
            #expect(read.description == written.description?.replacing("\r\n", with: "\n"))
            #expect(read.location == written.location)
            #expect(read.url == written.url)
            #expect(read.status == written.status)
        }
    }

    @Test("Python's icalendar reads the feed without errors and sees the same events",
          .enabled(if: PythonICalendar.shouldRun, "needs python3 with icalendar (python3 -m pip install icalendar==7.3.2)"))
    func pythonICalendar() async throws {
        if let reason = PythonICalendar.unavailableReason {
            Issue.record("CI must provide python3 with icalendar: \(reason)")
            return
        }
        let document = CalendarFeedWriter.document(name: "Ada's interviews, 2026", events: Self.events, now: Self.now)
        let reading = try await PythonICalendar.read(document)
        #expect(reading.errors == [])
        #expect(reading.version == "2.0")
        #expect(reading.prodid == "-//Wayfinder//Interviews//EN")
        #expect(reading.method == "PUBLISH")
        // icalendar hands back an X- property as written, escapes included (their default type is TEXT).
        #expect(reading.name == "Ada's interviews\\, 2026")
        #expect(reading.refreshInterval == "1:00:00")
        #expect(reading.events.count == 3)
        for (read, written) in zip(reading.events, Self.events) {
            #expect(read.uid == written.uid)
            #expect(read.sequence == written.sequence)
            #expect(read.dtstamp == "2026-03-02T08:30:15+00:00")
            #expect(read.dtstart == Self.isoUTC(written.start))
            #expect(read.dtend == Self.isoUTC(written.end))
            #expect(read.lastModified == Self.isoUTC(written.lastModified))
            #expect(read.summary == written.summary)
            #expect(read.description == written.description?.replacing("\r\n", with: "\n"))
            #expect(read.location == written.location)
            #expect(read.url == written.url)
            #expect(read.status == written.status)
        }
    }

    static func isoUTC(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date).replacing("Z", with: "+00:00")
    }
}
