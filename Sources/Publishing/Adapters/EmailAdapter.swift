import Foundation
import Platform

/// Email through the accounts' `Mailer`: one mail to the channel's recipients, the title as its subject.
/// Its Message-ID is made from the idempotency key, so a repeat is recognisably the same mail; SMTP offers
/// no lookup, so only a mail lost before the end of DATA is sent again automatically.
struct EmailAdapter: ChannelAdapter {
    let kind = ChannelKind.email
    let mailer: any Mailer
    let from: MailAddress

    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt {
        guard !channel.settings.recipients.isEmpty else { throw .rejected("the channel has no recipients") }
        let subject = post.title ?? String(post.text.prefix { $0 != "\n" }.prefix(120))
        let messageID = "\(post.idempotencyKey)@\(from.domain)"
        var text = post.text
        if let link = post.link, !text.contains(link) { text += "\n\n\(link)" }
        let mail = MailMessage(id: messageID, from: from, to: channel.settings.recipients.map { MailAddress($0) }, subject: subject, text: text)
        try await send(mail)
        return DeliveryReceipt(externalID: "<\(messageID)>")
    }

    func test(_ channel: Channel) async throws(ChannelFailure) -> String {
        guard !channel.settings.recipients.isEmpty else { throw .rejected("the channel has no recipients") }
        try await send(MailMessage(from: from, to: channel.settings.recipients.map { MailAddress($0) }, subject: "Wayfinder channel test",
                                   text: "This address will receive messages published to the channel \"\(channel.name)\"."))
        return "a test mail went to \(channel.settings.recipients.count) recipient(s)"
    }

    private func send(_ mail: MailMessage) async throws(ChannelFailure) {
        do {
            try await mailer.send(mail)
        } catch let error as SMTPError {
            switch error {
            // After the data went out, the server may have taken the mail.
            case .timedOut(let step) where step == "the end of DATA", .connectionLost(let step, _) where step == "the end of DATA":
                throw .noAnswer("the mail server did not confirm the mail: \(error)")
            default: throw error.isTransient ? .unavailable("the mail server: \(error)") : .rejected("the mail server refused: \(error)")
            }
        } catch {
            throw .unavailable("the mail could not be sent: \(error)")
        }
    }
}
