import Foundation
import Platform
import Testing

@Suite("Reading iCalendar events")
struct CalendarParserTests {
    @Test("an invitation: UID, SEQUENCE, METHOD, STATUS, summary, escaped description, location, URL, organizer, start and end")
    func invitation() throws {
        let text = CalendarSupport.calendar("""
            BEGIN:VEVENT
            UID:interview-42@acme.example
            SEQUENCE:2
            STATUS:confirmed
            DTSTAMP:20260301T120000Z
            DTSTART:20260312T190000Z
            DTEND:20260312T200000Z
            SUMMARY:Interview with Acme – Senior Swift Engineer
            DESCRIPTION:Hi Ada\\,\\nJoin at https://zoom.us/j/123\\; passcode 42.\\nC:\\\\
             Users\\\\ada
            LOCATION:Büro 3\\, Lisbon
            URL:https://acme.example/interviews/42
            ORGANIZER;CN="Recruiter, Dana: Acme";ROLE=CHAIR:MAILTO:dana@acme.example
            ATTENDEE;CN=Ada;PARTSTAT=NEEDS-ACTION:mailto:ada@example.org
            BEGIN:VALARM
            ACTION:DISPLAY
            DESCRIPTION:Reminder
            TRIGGER:-PT15M
            END:VALARM
            END:VEVENT
            """)
        let events = try CalendarParser.events(in: text)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.uid == "interview-42@acme.example")
        #expect(event.sequence == 2)
        #expect(event.method == "REQUEST")
        #expect(event.status == "CONFIRMED")
        #expect(event.summary == "Interview with Acme – Senior Swift Engineer")
        #expect(event.description == "Hi Ada,\nJoin at https://zoom.us/j/123; passcode 42.\nC:\\Users\\ada")
        #expect(event.location == "Büro 3, Lisbon")
        #expect(event.url == "https://acme.example/interviews/42")
        #expect(event.organizer == MailAddress("dana@acme.example", name: "Recruiter, Dana: Acme"))
        #expect(event.start == CalendarDateTime(instant: CalendarSupport.utc("2026-03-12T19:00:00Z"), timeZone: TimeZone(identifier: "UTC"),
                                                isDateOnly: false, iso8601: "2026-03-12T19:00:00+00:00"))
        #expect(event.end?.iso8601 == "2026-03-12T20:00:00+00:00")
    }

    @Test("lines folded with LF and a tab, or CRLF and a space, join without the fold")
    func folding() throws {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026031\n\t2T190000Z\nSUMMARY:Inter\r\n view\r\nEND:VEVENT\nEND:VCALENDAR\n"
        let event = try #require(try CalendarParser.events(in: text).first)
        #expect(event.summary == "Interview")
        #expect(event.start.instant == CalendarSupport.utc("2026-03-12T19:00:00Z"))
        #expect(event.sequence == 0)
        #expect(event.method == nil)
    }

    @Test("TZID with an IANA zone: the local time in that zone, daylight time by date")
    func ianaZone() throws {
        let march = try CalendarSupport.event(start: "DTSTART;TZID=America/Chicago:20260312T140000")
        #expect(march.start.instant == CalendarSupport.utc("2026-03-12T19:00:00Z"))
        #expect(march.start.timeZone == TimeZone(identifier: "America/Chicago"))
        #expect(march.start.iso8601 == "2026-03-12T14:00:00-05:00")
        #expect(!march.start.isDateOnly)

        let january = try CalendarSupport.event(start: "DTSTART;TZID=America/New_York:20260115T100000")
        #expect(january.start.iso8601 == "2026-01-15T10:00:00-05:00")
        #expect(january.start.instant == CalendarSupport.utc("2026-01-15T15:00:00Z"))
        let july = try CalendarSupport.event(start: "DTSTART;TZID=America/New_York:20260715T100000")
        #expect(july.start.iso8601 == "2026-07-15T10:00:00-04:00")
        let london = try CalendarSupport.event(start: "DTSTART;TZID=Europe/London:20260715T100000")
        #expect(london.start.iso8601 == "2026-07-15T10:00:00+01:00")
        #expect(london.start.instant == CalendarSupport.utc("2026-07-15T09:00:00Z"))
    }

    @Test("Windows and Outlook zone names: Central Standard Time, W. Europe Standard Time, display names old and new",
          arguments: [
              ("\"Central Standard Time\"", "America/Chicago", "2026-03-12T19:00:00Z", "-05:00"),
              ("Central Standard Time", "America/Chicago", "2026-03-12T19:00:00Z", "-05:00"),
              ("\"(UTC-06:00) Central Time (US & Canada)\"", "America/Chicago", "2026-03-12T19:00:00Z", "-05:00"),
              ("\"(GMT-06:00) Central Time (US & Canada)\"", "America/Chicago", "2026-03-12T19:00:00Z", "-05:00"),
              ("\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\"", "Europe/Berlin", "2026-03-12T13:00:00Z", "+01:00"),
              ("W. Europe Standard Time", "Europe/Berlin", "2026-03-12T13:00:00Z", "+01:00"),
              ("/Europe/Berlin", "Europe/Berlin", "2026-03-12T13:00:00Z", "+01:00"),
              ("/mozilla.org/20050126_1/Europe/Berlin", "Europe/Berlin", "2026-03-12T13:00:00Z", "+01:00"),
              ("tzone://Microsoft/Eastern", "America/New_York", "2026-03-12T18:00:00Z", "-04:00"),
              ("\"India Standard Time\"", "Asia/Calcutta", "2026-03-12T08:30:00Z", "+05:30"),
              ("EST5EDT", "EST5EDT", "2026-03-12T18:00:00Z", "-04:00"),
              ("tzone://Microsoft/Utc", "Etc/UTC", "2026-03-12T14:00:00Z", "+00:00"),
          ])
    func windowsNames(tzid: String, zone: String, instant: String, offset: String) throws {
        let event = try CalendarSupport.event(start: "DTSTART;TZID=\(tzid):20260312T140000")
        #expect(event.start.instant == CalendarSupport.utc(instant))
        #expect(event.start.timeZone == TimeZone(identifier: zone))
        #expect(event.start.iso8601 == "2026-03-12T14:00:00" + offset)
    }

    @Test("a TZID no database knows is worked out from the calendar's VTIMEZONE (Outlook's yearly BYDAY=2SU and 1SU rules)")
    func customVTimeZone() throws {
        for (local, instant, offset) in [
            ("20260115T100000", "2026-01-15T15:00:00Z", "-05:00"),
            ("20260715T100000", "2026-07-15T14:00:00Z", "-04:00"),
            ("20260308T013000", "2026-03-08T06:30:00Z", "-05:00"),
            ("20260308T033000", "2026-03-08T07:30:00Z", "-04:00"),
            ("20261101T003000", "2026-11-01T04:30:00Z", "-04:00"),
            ("20261101T030000", "2026-11-01T08:00:00Z", "-05:00"),
        ] {
            let event = try CalendarSupport.event(start: "DTSTART;TZID=Customized Time Zone:\(local)", timeZones: CalendarSupport.customEastern)
            #expect(event.start.instant == CalendarSupport.utc(instant), "\(local)")
            #expect(event.start.iso8601.hasSuffix(offset), "\(local): \(event.start.iso8601)")
            let seconds = (offset.hasPrefix("-") ? -1 : 1) * (Int(offset.dropFirst().prefix(2))! * 3600)
            #expect(event.start.timeZone == TimeZone(secondsFromGMT: seconds), "\(local)")
        }
    }

    @Test("a custom VTIMEZONE with last-Sunday rules (BYDAY=-1SU), and one with a single fixed observance")
    func customVTimeZoneRules() throws {
        let before = try CalendarSupport.event(start: "DTSTART;TZID=Acme Office Time:20260328T100000", timeZones: CalendarSupport.customCentralEurope)
        #expect(before.start.iso8601 == "2026-03-28T10:00:00+01:00")
        let after = try CalendarSupport.event(start: "DTSTART;TZID=Acme Office Time:20260329T100000", timeZones: CalendarSupport.customCentralEurope)
        #expect(after.start.iso8601 == "2026-03-29T10:00:00+02:00")
        #expect(after.start.instant == CalendarSupport.utc("2026-03-29T08:00:00Z"))
        let october = try CalendarSupport.event(start: "DTSTART;TZID=Acme Office Time:20261025T100000", timeZones: CalendarSupport.customCentralEurope)
        #expect(october.start.iso8601 == "2026-10-25T10:00:00+01:00")

        let fixed = """
            BEGIN:VTIMEZONE
            TZID:Office Kolkata
            BEGIN:STANDARD
            DTSTART:19700101T000000
            TZOFFSETFROM:+0530
            TZOFFSETTO:+0530
            END:STANDARD
            END:VTIMEZONE

            """
        let kolkata = try CalendarSupport.event(start: "DTSTART;TZID=Office Kolkata:20260312T140000", timeZones: fixed)
        #expect(kolkata.start.iso8601 == "2026-03-12T14:00:00+05:30")
        #expect(kolkata.start.timeZone == TimeZone(secondsFromGMT: 19800))
    }

    @Test("a known zone name wins over a VTIMEZONE of the same TZID; an unknown TZID without one leaves the time floating")
    func zonePrecedence() throws {
        let misleading = """
            BEGIN:VTIMEZONE
            TZID:Europe/Berlin
            BEGIN:STANDARD
            DTSTART:19700101T000000
            TZOFFSETFROM:+0900
            TZOFFSETTO:+0900
            END:STANDARD
            END:VTIMEZONE

            """
        let berlin = try CalendarSupport.event(start: "DTSTART;TZID=Europe/Berlin:20260312T140000", timeZones: misleading)
        #expect(berlin.start.iso8601 == "2026-03-12T14:00:00+01:00")

        let unknown = try CalendarSupport.event(start: "DTSTART;TZID=Somewhere Else:20260312T140000")
        #expect(unknown.start.timeZone == nil)
        #expect(unknown.start.iso8601 == "2026-03-12T14:00:00")
        let floating = try CalendarSupport.event(start: "DTSTART:20260312T140000")
        #expect(floating.start == CalendarDateTime(instant: CalendarSupport.utc("2026-03-12T14:00:00Z"), timeZone: nil,
                                                   isDateOnly: false, iso8601: "2026-03-12T14:00:00"))
    }

    @Test("all-day events: VALUE=DATE, date-only ISO 8601, the end date as given")
    func allDay() throws {
        let event = try CalendarSupport.event(start: "DTSTART;VALUE=DATE:20260312", "DTEND;VALUE=DATE:20260313")
        #expect(event.start == CalendarDateTime(instant: CalendarSupport.utc("2026-03-12T00:00:00Z"), timeZone: nil,
                                                isDateOnly: true, iso8601: "2026-03-12"))
        #expect(event.end?.iso8601 == "2026-03-13")
        #expect(event.end?.isDateOnly == true)
        let withDuration = try CalendarSupport.event(start: "DTSTART;VALUE=DATE:20260312", "DURATION:P2D")
        #expect(withDuration.end?.iso8601 == "2026-03-14")
    }

    @Test("DURATION instead of DTEND: PT45M, P1DT2H30M (a day is the same local time a day later, even across a clock change), P1W")
    func durations() throws {
        let short = try CalendarSupport.event(start: "DTSTART:20260312T190000Z", "DURATION:PT45M")
        #expect(short.end?.instant == CalendarSupport.utc("2026-03-12T19:45:00Z"))
        #expect(short.end?.iso8601 == "2026-03-12T19:45:00+00:00")

        let acrossChange = try CalendarSupport.event(start: "DTSTART;TZID=America/New_York:20260307T090000", "DURATION:P1DT2H30M")
        #expect(acrossChange.end?.iso8601 == "2026-03-08T11:30:00-04:00")
        #expect(acrossChange.end?.instant == CalendarSupport.utc("2026-03-08T15:30:00Z"))
        #expect(acrossChange.end?.timeZone == TimeZone(identifier: "America/New_York"))

        let week = try CalendarSupport.event(start: "DTSTART:20260312T140000", "DURATION:P1W")
        #expect(week.end?.iso8601 == "2026-03-19T14:00:00")
        let none = try CalendarSupport.event(start: "DTSTART:20260312T140000")
        #expect(none.end == nil)
    }

    @Test("several events, SEQUENCE and METHOD:CANCEL with STATUS:CANCELLED")
    func cancellation() throws {
        let text = CalendarSupport.calendar(method: "CANCEL", """
            BEGIN:VEVENT
            UID:interview-42@acme.example
            SEQUENCE:3
            STATUS:CANCELLED
            DTSTART:20260312T190000Z
            SUMMARY:Canceled: Interview with Acme
            END:VEVENT
            BEGIN:VEVENT
            UID:interview-43@acme.example
            DTSTART:20260313T190000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:no-start@acme.example
            SUMMARY:Skipped, it has no DTSTART
            END:VEVENT
            """)
        let events = try CalendarParser.events(in: text)
        #expect(events.map(\.uid) == ["interview-42@acme.example", "interview-43@acme.example"])
        #expect(events.map(\.method) == ["CANCEL", "CANCEL"])
        #expect(events[0].sequence == 3)
        #expect(events[0].status == "CANCELLED")
        #expect(events[1].status == nil)
    }

    @Test("DST edges: New York on 2026-03-08 and 2026-11-01, Berlin on 2026-03-29, a time that does not exist and one that occurs twice",
          arguments: [
              ("America/New_York", "20260308T013000", "2026-03-08T06:30:00Z", "2026-03-08T01:30:00-05:00"),
              ("America/New_York", "20260308T023000", "2026-03-08T07:30:00Z", "2026-03-08T03:30:00-04:00"),
              ("America/New_York", "20260308T033000", "2026-03-08T07:30:00Z", "2026-03-08T03:30:00-04:00"),
              ("America/New_York", "20261101T013000", "2026-11-01T05:30:00Z", "2026-11-01T01:30:00-04:00"),
              ("America/New_York", "20261101T023000", "2026-11-01T07:30:00Z", "2026-11-01T02:30:00-05:00"),
              ("Europe/Berlin", "20260329T013000", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00+01:00"),
              ("Europe/Berlin", "20260329T023000", "2026-03-29T01:30:00Z", "2026-03-29T03:30:00+02:00"),
              ("Europe/Berlin", "20260329T033000", "2026-03-29T01:30:00Z", "2026-03-29T03:30:00+02:00"),
          ])
    func daylightSavingEdges(zone: String, local: String, instant: String, iso8601: String) throws {
        let event = try CalendarSupport.event(start: "DTSTART;TZID=\(zone):\(local)")
        #expect(event.start.instant == CalendarSupport.utc(instant))
        #expect(event.start.iso8601 == iso8601)
    }

    @Test("in the weeks between the US and EU clock changes, 10:00 in New York is five hours after 10:00 in Berlin, not six")
    func betweenChanges() throws {
        let newYork = try CalendarSupport.event(start: "DTSTART;TZID=America/New_York:20260320T100000")
        let berlin = try CalendarSupport.event(start: "DTSTART;TZID=Europe/Berlin:20260320T100000")
        #expect(newYork.start.iso8601 == "2026-03-20T10:00:00-04:00")
        #expect(berlin.start.iso8601 == "2026-03-20T10:00:00+01:00")
        #expect(newYork.start.instant.timeIntervalSince(berlin.start.instant) == 5 * 3600)
        let april = try CalendarSupport.event(start: "DTSTART;TZID=Europe/Berlin:20260420T100000")
        #expect(april.start.iso8601 == "2026-04-20T10:00:00+02:00")
    }

    @Test("text that is not iCalendar is an error; a calendar without events has none")
    func notCalendars() throws {
        #expect(throws: CalendarParseError.notACalendar) { try CalendarParser.events(in: "") }
        #expect(throws: CalendarParseError.notACalendar) { try CalendarParser.events(in: "Hello\nDTSTART:20260312T190000Z\n") }
        #expect(try CalendarParser.events(in: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n").isEmpty)
    }

    @Test("an .ics attachment folded inside a UTF-8 character reads whole through the mail parser")
    func foldInsideCharacter() throws {
        var ics = Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260312T190000Z\r\nSUMMARY:Entretien chez Soci".utf8)
        ics += Data([0xC3, 0x0D, 0x0A, 0x20, 0xA9]) // "é" split by a fold
        ics += Data("t\u{E9} G\u{E9}n\u{E9}rale\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        var message = Data("Subject: Invitation\r\nContent-Type: text/calendar; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".utf8)
        message += ics
        let mail = try MailParser.parse(message)
        let calendar = try #require(mail.calendars.first)
        let event = try #require(try CalendarParser.events(in: calendar).first)
        #expect(event.summary == "Entretien chez Société Générale")
    }
}
