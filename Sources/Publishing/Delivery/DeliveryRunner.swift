import Domain
import Foundation
import Logging
import Platform

/// Makes one attempt at a delivery and records exactly what happened.
///
/// - A delivery is `delivered` only on the network's success answer.
/// - Before anything is sent, the delivery is marked `sending` (committed). A run that finds it still
///   `sending` knows an earlier attempt ended without an outcome (a timeout, a killed worker) and asks the
///   adapter to reconcile it first: networks that keep idempotency keys are simply sent to again with the
///   same key, networks with a listing are searched, and where nobody can tell the delivery fails saying
///   so rather than risk posting twice.
/// - A failure worth retrying is queued again with exponential backoff and jitter, never sooner than the
///   network's `Retry-After`; after `budget` attempts it is `dead`.
/// - An expired token is refreshed once where the channel can be; otherwise the channel is marked expired.
public struct DeliveryRunner: Sendable {
    let messages: any MessageRepository
    let channels: any ChannelRepository
    let adapters: ChannelAdapters
    let media: @Sendable ([String]) async throws -> [PostMedia]
    let clock: any WallClock
    let retryPolicy: RetryPolicy
    let budget: Int
    let logger: Logger

    public init(messages: any MessageRepository, channels: any ChannelRepository, adapters: ChannelAdapters,
                media: @escaping @Sendable ([String]) async throws -> [PostMedia], clock: any WallClock,
                retryPolicy: RetryPolicy = RetryPolicy(base: .seconds(5), cap: .seconds(3_600)), budget: Int = 6,
                logger: Logger = Logger(label: "wayfinder.publishing")) {
        self.messages = messages
        self.channels = channels
        self.adapters = adapters
        self.media = media
        self.clock = clock
        self.retryPolicy = retryPolicy
        self.budget = budget
        self.logger = logger
    }

    public func run(deliveryID: String) async throws {
        guard var delivery = try await messages.delivery(id: deliveryID), delivery.status == .queued || delivery.status == .sending,
              let published = try await messages.message(id: delivery.messageID, owner: delivery.ownerID) else { return }
        guard let channel = try await channels.channel(id: delivery.channelID) else {
            try await finish(delivery, failure: ChannelFailure.rejected("the channel was removed before the message went out"))
            return
        }
        let message = published.message
        let post = ChannelPost(deliveryID: delivery.id, messageID: message.id, idempotencyKey: delivery.idempotencyKey, title: message.title,
                               text: delivery.text, link: message.link, media: try await media(message.mediaIDs))
        let adapter = adapters.adapter(for: channel.kind)
        if delivery.status == .sending {
            guard let resend = try await reconcile(delivery, post: post, channel: channel, adapter: adapter) else { return }
            delivery = resend
        }
        var sending = delivery
        sending.status = .sending
        sending.attempts += 1
        sending.roundAttempts += 1
        sending.lastAttemptAt = clock.now()
        sending.nextAttemptAt = nil
        sending.updatedAt = clock.now()
        guard try await messages.transition(sending, expected: delivery, task: nil, events: []) else { return }
        do {
            let receipt = try await deliverRefreshing(post, channel: channel, adapter: adapter)
            try await succeed(sending, receipt: receipt, channel: channel)
        } catch {
            try await finish(sending, failure: error, channel: channel)
        }
    }

    /// The delivery, queued again, when it should be sent now; nil when its outcome has been recorded.
    private func reconcile(_ delivery: Delivery, post: ChannelPost, channel: Channel, adapter: any ChannelAdapter) async throws -> Delivery? {
        let reconciliation: Reconciliation
        do {
            reconciliation = try await adapter.reconcile(post, on: channel, attemptedAt: delivery.lastAttemptAt ?? delivery.updatedAt)
        } catch {
            // The lookup itself failed: ask again later, still `sending`, so nothing is sent blind.
            try await retryLater(delivery, failure: error, stillSending: true)
            return nil
        }
        switch reconciliation {
        case .delivered(let receipt):
            try await succeed(delivery, receipt: receipt, channel: channel)
            return nil
        case .notDelivered:
            var queued = delivery
            queued.status = .queued
            queued.updatedAt = clock.now()
            return try await messages.transition(queued, expected: delivery, task: nil, events: []) ? queued : nil
        case .unknown(let reason):
            try await failUnknown(delivery, reason: reason)
            return nil
        }
    }

    /// Fails a delivery whose last attempt may or may not have arrived, saying so, rather than risk a second post.
    private func failUnknown(_ delivery: Delivery, reason: String) async throws {
        var failed = delivery
        failed.status = .failed
        failed.retryable = false
        failed.error = "The last attempt got no answer and \(reason); it was not sent again, so that it cannot appear twice. "
            + "Check the channel, and retry by hand if the post is missing."
        failed.updatedAt = clock.now()
        _ = try await messages.transition(failed, expected: delivery, task: nil, events: [try event(failed)])
    }

    /// Sends, refreshing the token first when it is known to have expired, or once when the network refuses it.
    private func deliverRefreshing(_ post: ChannelPost, channel: Channel, adapter: any ChannelAdapter) async throws(ChannelFailure) -> DeliveryReceipt {
        var channel = channel
        if let expires = channel.tokenExpiresAt, expires <= clock.now().addingTimeInterval(60),
           let refreshed = try? await refresh(channel, adapter: adapter) {
            channel = refreshed
        }
        do {
            return try await adapter.deliver(post, to: channel)
        } catch .unauthorized(let message) {
            guard let refreshed = try await refresh(channel, adapter: adapter) else { throw .unauthorized(message) }
            return try await adapter.deliver(post, to: refreshed)
        }
    }

    /// The channel with new credentials saved, or nil when it cannot be refreshed.
    private func refresh(_ channel: Channel, adapter: any ChannelAdapter) async throws(ChannelFailure) -> Channel? {
        guard let secrets = try await adapter.refresh(channel) else { return nil }
        var refreshed = channel
        refreshed.secrets = secrets
        refreshed.updatedAt = clock.now()
        do { _ = try await channels.update(refreshed) } catch { throw .unavailable("the refreshed token could not be saved: \(error)") }
        logger.info("refreshed a channel's token", metadata: ["channel": "\(channel.id)", "kind": "\(channel.kind.rawValue)"])
        return refreshed
    }

    private func succeed(_ delivery: Delivery, receipt: DeliveryReceipt, channel: Channel) async throws {
        var delivered = delivery
        delivered.status = .delivered
        delivered.externalID = receipt.externalID
        delivered.externalURL = receipt.url
        delivered.error = nil
        delivered.retryable = nil
        delivered.deliveredAt = clock.now()
        delivered.updatedAt = clock.now()
        _ = try await messages.transition(delivered, expected: delivery, task: nil, events: [try event(delivered)])
        if channel.status != .connected {
            var healthy = channel
            healthy.status = .connected
            healthy.statusDetail = nil
            _ = try await channels.update(healthy)
        }
    }

    private func finish(_ delivery: Delivery, failure error: any Error, channel: Channel? = nil) async throws {
        let failure = error as? ChannelFailure ?? .unavailable("\(error)")
        switch failure {
        case .noAnswer:
            if delivery.channelKind.canReconcile {
                // Unknown outcome: the next run reconciles before sending anything.
                try await retryLater(delivery, failure: failure, stillSending: true)
            } else {
                try await failUnknown(delivery, reason: "\(delivery.channelKind.rawValue) offers no way to tell whether it arrived")
            }
        case .throttled, .unavailable:
            try await retryLater(delivery, failure: failure, stillSending: false)
        case .rejected(let message), .unauthorized(let message):
            var failed = delivery
            failed.status = .failed
            failed.retryable = false
            failed.error = message
            failed.updatedAt = clock.now()
            if case .unauthorized = failure, let channel {
                var expired = channel
                expired.status = .expired
                expired.statusDetail = message
                _ = try await channels.update(expired)
                failed.error = "\(message). Reconnect the channel, then retry."
                failed.retryable = true
            }
            _ = try await messages.transition(failed, expected: delivery, task: nil, events: [try event(failed)])
        }
    }

    private func retryLater(_ delivery: Delivery, failure: any Error, stillSending: Bool) async throws {
        let failure = failure as? ChannelFailure ?? .unavailable("\(failure)")
        var next = delivery
        next.error = failure.description
        next.updatedAt = clock.now()
        if delivery.roundAttempts >= budget {
            next.status = .dead
            next.retryable = true
            next.error = "\(failure.description) (gave up after \(delivery.roundAttempts) attempts)"
            _ = try await messages.transition(next, expected: delivery, task: nil, events: [try event(next)])
            return
        }
        var hint: Duration?
        if case .throttled(_, let retryAfter) = failure { hint = retryAfter }
        let at = retryPolicy.retryAt(now: clock.now(), afterReceive: max(1, delivery.roundAttempts), retryAfter: hint)
        next.status = stillSending ? .sending : .queued
        next.nextAttemptAt = at
        next.retryable = true
        let task = try DeliverMessageTask.newTask(next, runAt: at)
        _ = try await messages.transition(next, expected: delivery, task: task, events: [])
    }

    private func event(_ delivery: Delivery) throws -> DomainEvent {
        try DomainEvent(topic: delivery.status == .delivered ? DeliveryEvent.delivered : DeliveryEvent.failed,
                        json: DeliveryEvent(delivery), occurredAt: clock.now())
    }
}
