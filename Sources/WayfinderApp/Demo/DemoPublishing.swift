import Domain
import Foundation
import Publishing

/// The demo's publishing: Jordan's channels and messages, each doing for real what it shows. Mail goes to
/// the demo's mail folder and is delivered; a webhook to a port where nothing listens fails honestly,
/// is retried with backoff and ends dead with a retry button; a Mastodon post waits for tomorrow; and a
/// certification about to lapse proposes its announcement and sends an expiry reminder.
struct DemoPublishing {
    let services: AppServices

    func seed(for jordan: Actor, now: Date) async throws {
        let channels = services.publishing.channels
        let email = try await channels.create(kind: .email, name: "Friends and mentors", settings: ChannelSettings(recipients: ["mentors@wayfinder.demo"]),
                                              secrets: ChannelSecrets(), owner: jordan).channel
        // Port 9 (discard) on the loopback: nothing listens, so every attempt is refused.
        let webhook = try await channels.create(kind: .webhook, name: "Portfolio site (offline)", settings: ChannelSettings(url: "http://127.0.0.1:9/hooks/wayfinder"),
                                                secrets: ChannelSecrets(), owner: jordan).channel
        let mastodon = try await channels.create(kind: .mastodon, name: "Mastodon", settings: ChannelSettings(baseURL: "https://mastodon.example"),
                                                 secrets: ChannelSecrets(accessToken: "demo-token-not-valid-anywhere"), owner: jordan).channel
        let messages = services.publishing.messages
        _ = try await messages.create(MessageDraft(
            title: "Open to data platform roles",
            body: "After five years of backend work in **Swift** and **PostgreSQL**, I am moving into data platforms. "
                + "If your team runs Kafka or Spark in Berlin or remotely, I would love to talk.\n\n#dataengineering #berlin",
            link: "https://wayfinder.example/u/jordan", channelIDs: [email.id, webhook.id]), owner: jordan)
        _ = try await messages.create(MessageDraft(
            title: "Talk: queues that never lose a message",
            body: "Tomorrow I am giving a short talk on durable task queues, retries and dead letters. Slides to follow.\n\n#swift #serverside",
            channelIDs: [mastodon.id, email.id], scheduledAt: now.addingTimeInterval(86_400)), owner: jordan)
        let expiring = UTCDay.string(now.addingTimeInterval(20 * 86_400))
        _ = try await services.publishing.certifications.create(CertificationDraft(
            name: "AWS Certified Solutions Architect – Associate", issuer: "Amazon Web Services", issuedOn: "2023-12-15",
            expiresOn: expiring, credentialID: "AWS-SAA-DEMO-0042", skills: ["AWS", "Cloud architecture", "Networking"]), owner: jordan)
        _ = try await services.publishing.certifications.create(CertificationDraft(
            name: "Confluent Certified Developer for Apache Kafka", issuer: "Confluent", issuedOn: "2026-10-02", expiresOn: "2028-10-02",
            skills: ["Kafka", "Stream processing"]), owner: jordan)
    }
}
