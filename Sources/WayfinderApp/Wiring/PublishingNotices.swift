import Accounts
import Foundation
import Platform
import Publishing
import Storage

/// Mail the publisher sends its users: a delivery that failed for good, a certification about to lapse.
struct PublishingNotices: Sendable {
    let users: SQLUserRepository
    let queue: MailQueue
    let from: MailAddress
    let publicURL: String

    func failed(_ event: DomainEvent) async throws {
        let delivery = try JSONDecoder().decode(DeliveryEvent.self, from: event.payload)
        guard let user = try await users.user(id: delivery.owner_id), !user.isDisabled else { return }
        let link = "\(publicURL)/publish/messages/\(delivery.message_id)"
        let text = """
            Hello\(user.name.isEmpty ? "" : " \(user.name)"),

            A message did not reach \(delivery.channel_kind)\(delivery.status == "dead" ? " after every retry" : "").

            \(delivery.error ?? "The network gave no reason.")

            See every channel's status, and retry: \(link)
            """
        let mail = MailMessage(from: from, to: [MailAddress(user.email, name: user.name.isEmpty ? nil : user.name)],
                               subject: "Not delivered to \(delivery.channel_kind)", text: text)
        _ = try await queue.send(mail, idempotencyKey: "message-failed:\(delivery.delivery_id):\(event.occurredAt.timeIntervalSince1970)")
    }

    func expiring(_ certification: Certification) async throws {
        guard let user = try await users.user(id: certification.ownerID), !user.isDisabled, let expires = certification.expiresOn else { return }
        let text = """
            Hello\(user.name.isEmpty ? "" : " \(user.name)"),

            Your certification \(certification.name) from \(certification.issuer) expires on \(expires).
            Renewing it before then keeps it on your profile as current.

            \(publicURL)/certifications/\(certification.id)
            """
        let mail = MailMessage(from: from, to: [MailAddress(user.email, name: user.name.isEmpty ? nil : user.name)],
                               subject: "\(certification.name) expires on \(expires)", text: text)
        _ = try await queue.send(mail, idempotencyKey: "certification-expiry:\(certification.id):\(expires)")
    }
}
