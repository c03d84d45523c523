import CareerAgent
import Domain
import Foundation

/// The demo job seeker's search in progress: applications in several states, and job mail read by
/// triage — one interview confirmed into the calendar, other proposals waiting on `/inbox`. Dates
/// count from the moment the demo is seeded, so the interview is always ahead.
struct DemoInbox {
    let services: AppServices

    func seed(for actor: Actor, now: Date) async throws {
        let applications = services.careerAgent.applications
        for (company, title, status, next) in [
            ("Northwind Robotics", "Senior Backend Engineer", ApplicationStatus.applied, "Follow up with the recruiter"),
            ("Contoso Analytics", "Data Engineer", .assessment, "Finish the take-home exercise"),
            ("Fabrikam Health", "Platform Engineer", .saved, "Tailor the resume and apply"),
        ] {
            var changes = ApplicationService.Changes()
            (changes.company, changes.title, changes.status) = (company, title, status)
            changes.nextAction = .some(next)
            changes.nextActionDate = .some(now.addingTimeInterval(3 * 86_400))
            _ = try await applications.create(actor: actor, changes)
        }
        let inbox = services.careerAgent.inbox
        let invitation = try await inbox.receive(actor: actor, raw: Data(Self.invitation(sent: now.addingTimeInterval(-3_600)).utf8), source: .upload)
        _ = try await inbox.confirm(actor: actor, id: invitation.email.id)
        for raw in [Self.rejection(sent: now.addingTimeInterval(-7_200)), Self.outreach(sent: now.addingTimeInterval(-10_800))] {
            _ = try await inbox.receive(actor: actor, raw: Data(raw.utf8), source: .upload)
        }
    }

    private static func header(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Berlin")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    static func invitation(sent: Date) -> String {
        """
        From: Northwind Robotics Recruiting <no-reply@greenhouse.io>
        To: jordan@wayfinder.demo
        Subject: Interview invitation: Senior Backend Engineer at Northwind Robotics
        Date: \(header(sent))
        Message-ID: <demo-invite-\(Int(sent.timeIntervalSince1970))@northwind-robotics.example>
        Content-Type: text/plain; charset=utf-8

        Hi Jordan,

        Thanks again for applying to Northwind Robotics. We'd like to invite you to a 45-minute video interview for
        the Senior Backend Engineer position with our hiring manager, tomorrow at 10:00 CET.

        Join on Google Meet: https://meet.google.com/abc-defg-hij

        Best,
        Priya Shah
        Talent Acquisition | Northwind Robotics
        """
    }

    static func rejection(sent: Date) -> String {
        """
        From: Globex Careers <careers@globex.example>
        To: jordan@wayfinder.demo
        Subject: Your application to Globex
        Date: \(header(sent))
        Message-ID: <demo-rejection-\(Int(sent.timeIntervalSince1970))@globex.example>
        Content-Type: text/plain; charset=utf-8

        Dear Jordan,

        Thank you for your interest in the Staff Data Engineer role at Globex. After careful consideration, we have
        decided to move forward with other candidates whose experience more closely matches our needs.

        We wish you the best in your search.
        Globex Talent Acquisition
        """
    }

    static func outreach(sent: Date) -> String {
        """
        From: Sam Okafor <sam.okafor@tailspin-data.example>
        To: jordan@wayfinder.demo
        Subject: Analytics Engineer at Tailspin Data
        Date: \(header(sent))
        Message-ID: <demo-outreach-\(Int(sent.timeIntervalSince1970))@tailspin-data.example>
        Content-Type: text/plain; charset=utf-8

        Hi Jordan,

        I came across your profile and your work with Kafka and PostgreSQL caught my eye. I'm a recruiter at
        Tailspin Data and we're hiring an Analytics Engineer in Berlin (hybrid). Would you be open to a quick chat
        this week?

        Best,
        Sam Okafor
        Tailspin Data
        """
    }
}
