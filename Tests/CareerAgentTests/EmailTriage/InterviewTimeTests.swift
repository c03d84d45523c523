import Foundation
import Testing
@testable import CareerAgent

@Suite("Interview times read from the text")
struct InterviewTimeTests {
    private func start(_ body: String, date: String = "2026-03-03T09:15:00-08:00", offsetHours: Double = -8) -> InterviewDetails? {
        let message = TriageMessages.message(subject: "Interview invitation", date: date, offsetHours: offsetHours, body: body)
        return InterviewReader().read(message, category: .interviewInvite)
    }

    @Test("a weekday and date with an American zone abbreviation take that zone's offset on that day")
    func abbreviationByDate() {
        #expect(start("Are you free Thursday, March 12 at 2:00 PM CT? Let me know.")?.start == "2026-03-12T14:00:00-05:00")
        // Before the US change on March 8, Central time is -06:00.
        #expect(start("We'd like to meet on Thursday, March 5 at 2:00 PM CT.")?.start == "2026-03-05T14:00:00-06:00")
        // "EST" in summer still means New York's clock.
        #expect(start("Your interview is on July 9 at 10:30 a.m. EST.", date: "2026-07-01T10:00:00-04:00", offsetHours: -4)?.start
                == "2026-07-09T10:30:00-04:00")
    }

    @Test("relative days resolve against the Date header in the writer's own zone")
    func relativeDays() {
        // Tuesday March 3 in California: tomorrow is Wednesday March 4.
        #expect(start("Could we talk tomorrow at 3pm PT?")?.start == "2026-03-04T15:00:00-08:00")
        #expect(start("Let's meet this Thursday at 11am ET.")?.start == "2026-03-05T11:00:00-05:00")
        // Late on Tuesday in UTC is already Wednesday in Sydney: the writer's day counts.
        #expect(start("See you tomorrow at 9:00 AEDT.", date: "2026-03-03T22:30:00Z", offsetHours: 11)?.start == "2026-03-05T09:00:00+11:00")
    }

    @Test("European forms: day before month, 24-hour clocks, Uhr, h, and zone words")
    func europeanForms() {
        #expect(start("Wir laden Sie am Dienstag, 10. März 2026 um 14:00 Uhr (MEZ) ein.", date: "2026-03-03T09:00:00+01:00", offsetHours: 1)?.start
                == "2026-03-10T14:00:00+01:00")
        #expect(start("Rendez-vous le jeudi 2 avril à 14h30, heure de Paris.", date: "2026-03-25T09:00:00+01:00", offsetHours: 1)?.start
                == "2026-04-02T14:30:00+02:00")
        #expect(start("La entrevista será el 12 de marzo a las 10:00 (hora de Madrid).", date: "2026-03-03T09:00:00+01:00", offsetHours: 1)?.start
                == "2026-03-12T10:00:00+01:00")
        #expect(start("Interview on 31/03/2026 at 09:30 BST.", date: "2026-03-20T09:00:00+00:00", offsetHours: 0)?.start
                == "2026-03-31T09:30:00+01:00")
    }

    @Test("the week between the American and European clock changes keeps each zone's own offset")
    func betweenChanges() {
        let newYork = start("Friday, March 20 at 9:00 AM Eastern Time", date: "2026-03-16T08:00:00-04:00", offsetHours: -4)
        let berlin = start("Friday, March 20 at 14:00 CET", date: "2026-03-16T08:00:00-04:00", offsetHours: -4)
        #expect(newYork?.start == "2026-03-20T09:00:00-04:00")
        #expect(berlin?.start == "2026-03-20T14:00:00+01:00")
        #expect(newYork?.startInstant == berlin?.startInstant)
    }

    @Test("a fixed offset and UTC are kept as written")
    func fixedOffsets() {
        #expect(start("Call on March 12, 2026 at 16:00 UTC.")?.start == "2026-03-12T16:00:00+00:00")
        #expect(start("Call on March 12, 2026 at 16:00 (UTC+05:30).")?.start == "2026-03-12T16:00:00+05:30")
    }

    @Test("a time without a zone, or without a day, is ambiguous rather than guessed")
    func ambiguous() {
        let noZone = start("Can you do Thursday, March 12 at 2pm?")
        #expect(noZone?.timeStatus == .ambiguous)
        #expect(noZone?.start == nil)
        let noDay = start("We could do 3pm ET, let me know.")
        #expect(noDay?.timeStatus == .ambiguous)
        #expect(start("Let's find a slot sometime next week.")?.timeStatus == .ambiguous)
    }

    @Test("a zone stated once applies to every time; several times offered are a proposal")
    func proposals() {
        let details = start("Would any of these work for you? (all times Pacific Time)\n- Tuesday 3/10 at 10am\n- Wednesday 3/11 at 1pm")
        #expect(details?.timeStatus == .proposed)
        #expect(details?.start == "2026-03-10T10:00:00-07:00")
    }

    @Test("a scheduling link without a time leaves the interview to be scheduled")
    func toBeScheduled() {
        let message = TriageMessages.message(subject: "Next steps", body: "Please pick a time that suits you: https://calendly.com/acme-recruiting/30min",
                                             links: [.init(text: "Schedule", url: "https://calendly.com/acme-recruiting/30min")])
        #expect(InterviewReader().read(message, category: .interviewInvite).timeStatus == .toBeScheduled)
    }

    @Test("length and place: a range gives the duration; Zoom is video, a number to call is phone, a street is onsite")
    func lengthAndPlace() {
        let video = start("Thursday, March 12, 2:00–2:45 PM ET. Join: https://acme.zoom.us/j/123456789")
        #expect(video?.durationMinutes == 45)
        #expect(video?.locationType == .video)
        #expect(video?.locationOrLink == "https://acme.zoom.us/j/123456789")
        let phone = start("A 30-minute phone screen on March 12 at 10am PT. We'll call you at +1 415 555 0134.")
        #expect(phone?.durationMinutes == 30)
        #expect(phone?.locationType == .phone)
        #expect(phone?.locationOrLink == "+1 415 555 0134")
        let onsite = start("Please come to our office on March 12 at 10:00 AM PT.\n500 Market Street, 4th Floor, San Francisco, CA\nIt will take about 2 hours.")
        #expect(onsite?.locationType == .onsite)
        #expect(onsite?.locationOrLink?.hasPrefix("500 Market Street") == true)
        #expect(onsite?.durationMinutes == 120)
    }

    @Test("a reschedule reads the new time, not the old one it names first")
    func reschedule() {
        let message = TriageMessages.message(subject: "Rescheduling your interview",
                                             body: "Your interview on Tuesday, March 10 at 2pm ET has been moved to Thursday, March 12 at 3pm ET.")
        #expect(InterviewReader().read(message, category: .interviewReschedule).start == "2026-03-12T15:00:00-04:00")
    }
}
