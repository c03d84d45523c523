import Domain
import Foundation
import Logging
import Platform

/// Outgoing mail: queued as `send_mail` tasks and delivered by SMTP when `WAYFINDER_SMTP_URL` is
/// set, or written as `.eml` files into `<data dir>/mail/` (the default, so every mail Wayfinder
/// sends can be read on a new install).
public struct MailFeature: Sendable {
    public let queue: MailQueue
    public let from: MailAddress
    /// Where links in mail point: `WAYFINDER_PUBLIC_URL`, or the server's own address.
    public let publicURL: String
    public let mailer: any Mailer
    public let mailDirectory: URL?

    init(work: inout BackgroundWorkFeature, settings: Settings, clock: any WallClock) throws {
        queue = MailQueue(queue: work.queue)
        let from = MailAddress(settings.accounts.mailFrom, name: "Wayfinder")
        guard from.isValid else { throw SettingsError("mail sender '\(settings.accounts.mailFrom)' is not an email address") }
        self.from = from
        let host = settings.host == "0.0.0.0" || settings.host == "::" ? "localhost" : settings.host
        publicURL = settings.accounts.publicURL ?? "http://\(host):\(settings.port)"
        if let url = settings.accounts.smtpURL {
            do {
                mailer = try SMTPMailer(configuration: try SMTPConfiguration(url: url))
            } catch {
                throw SettingsError("SMTP URL: \(error)")
            }
            mailDirectory = nil
        } else {
            let directory = URL(fileURLWithPath: settings.dataDirectory).appendingPathComponent("mail")
            mailer = FileDropMailer(directory: directory, clock: clock)
            mailDirectory = directory
        }
        work.register(SendMailTask.name, SendMailTask.handler(mailer: mailer))
    }
}
