import Accounts
import Domain
import Foundation
import HTTPAPI
import Logging
import Platform
import Publishing
import Storage

/// The publisher: channels, messages delivered per channel on the shared queue, media, and certifications.
public struct PublishingFeature: Sendable {
    public let channels: ChannelService
    public let messages: MessageService
    public let media: MediaService
    public let certifications: CertificationService
    public let runner: DeliveryRunner
    public let messageRepository: SQLMessageRepository
    let maximumMediaBytes: Int
    let rewriter: MessageRewriter
    static let reminderTask = CertificationService.reminderTaskName

    init(store: any SQLStore, work: inout BackgroundWorkFeature, mail: MailFeature, blobs: any BlobStore, settings: Settings,
         clock: any WallClock, sender: (any HTTPSender)? = nil) async throws {
        let box = SecretBox(key: try AccountsFeature.sealingKey(settings))
        let channelRepository = SQLChannelRepository(store: store, box: box)
        let messageRepository = SQLMessageRepository(store: store)
        let mediaRepository = SQLMediaRepository(store: store)
        let http = AsyncHTTPFetcher(client: .shared, userAgent: "Wayfinder/1.0 (+publishing)")
        let adapters = ChannelAdapters(sender: sender ?? http, mailer: mail.mailer, mailFrom: mail.from, clock: clock,
                                       timeout: .milliseconds(Int(settings.publishing.timeoutSeconds * 1_000)))
        self.messageRepository = messageRepository
        maximumMediaBytes = settings.publishing.mediaMaximumBytes
        rewriter = MessageRewriter(model: CareerAgentFeature.languageModel(settings))
        channels = ChannelService(channels: channelRepository, adapters: adapters, clock: clock)
        messages = MessageService(messages: messageRepository, channels: channelRepository, media: mediaRepository, clock: clock)
        let media = MediaService(media: mediaRepository, blobs: blobs, maximumBytes: settings.publishing.mediaMaximumBytes,
                                 publicURL: mail.publicURL, clock: clock)
        self.media = media
        certifications = CertificationService(certifications: SQLCertificationRepository(store: store), queue: work.queue, fetcher: http, clock: clock)
        runner = DeliveryRunner(messages: messageRepository, channels: channelRepository, adapters: adapters,
                                media: { ids in try await media.postMedia(ids: ids) }, clock: clock,
                                retryPolicy: RetryPolicy(base: .milliseconds(Int(settings.publishing.retryBaseSeconds * 1_000)), cap: .seconds(3_600)),
                                budget: settings.publishing.attempts)
        let runner = self.runner, certifications = self.certifications
        work.register(DeliverMessageTask.name, lane: "publishing", concurrency: settings.publishing.workers) { task in
            try await runner.run(deliveryID: try DeliverMessageTask.deliveryID(of: task))
        }
        work.register(CertificationService.verifyTaskName) { task in
            struct Payload: Decodable { var id: String }
            try await certifications.verify(id: try task.decode(Payload.self).id)
        }
        // On every scheduler beat, deliveries due before the next beat are queued, each with a task that becomes
        // visible at its due time; the state change makes each due once across processes.
        work.addUpkeep {
            let now = clock.now()
            while try await messageRepository.enqueueDue(now: now.addingTimeInterval(1), limit: 200, task: { delivery in
                try DeliverMessageTask.newTask(delivery, runAt: max(delivery.dueAt, now))
            }).count == 200 {}
        }
        let notices = PublishingNotices(users: SQLUserRepository(store: store), queue: mail.queue, from: mail.from, publicURL: mail.publicURL)
        work.subscribe("notify_message_failed", to: DeliveryEvent.failed) { event in try await notices.failed(event) }
        let days = settings.publishing.reminderDays
        work.register(Self.reminderTask) { _ in
            _ = try await certifications.remindExpiring(within: days) { certification in try await notices.expiring(certification) }
        }
        try await work.scheduler.register(name: Self.reminderTask, cron: settings.publishing.reminderSchedule, taskName: Self.reminderTask,
                                          payload: Data("{}".utf8))
    }

    var api: PublishingAPI {
        PublishingAPI(channels: channels, messages: messages, media: media, certifications: certifications, maximumMediaBytes: maximumMediaBytes,
                      rewriter: rewriter)
    }
}
