import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Platform
import Publishing
import ServiceLifecycle

/// `wayfinder bench publish`: schedules messages to several channels on local servers that answer as
/// the networks do, runs the workers and the scheduler as `serve` runs them, and prints delivery
/// throughput (deliveries/s), the scheduling delay (due time to first attempt, p50/p99/max), and what
/// the servers received against what Wayfinder reports.
public struct PublishBenchmark: Sendable {
    public var messages: Int
    public var channels: Int
    public var workers: Int
    public var databaseURL: String?
    /// Seconds over which the messages come due (0: all at once, the worst case for the queue).
    public var spread: Double

    public init(messages: Int, channels: Int, workers: Int, databaseURL: String?, spread: Double = 0) {
        self.spread = spread
        self.messages = messages
        self.channels = channels
        self.workers = workers
        self.databaseURL = databaseURL
    }

    public func run(output: @Sendable (String) -> Void = { print($0) }) async throws {
        var logger = Logger(label: "bench-publish")
        logger.logLevel = .warning
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-bench-publish-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var settings = Settings(dataDirectory: directory.path, databaseURL: databaseURL ?? "sqlite://\(directory.path)/wayfinder.sqlite")
        settings.publishing.workers = workers
        let services = try await AppServices.open(settings: settings, logger: logger, index: .memory)
        let receiver = BenchReceiver()
        let server = try await LocalServer.start(receiver.router(), logger: logger)
        defer { server.stop() }
        let owner = Actor(userID: "bench-user", groups: [.candidate])
        var channelIDs: [String] = []
        let kinds: [ChannelKind] = [.webhook, .mastodon, .slack, .discord, .sms]
        for index in 0..<channels {
            let kind = kinds[index % kinds.count]
            let (settings, secrets) = receiver.connection(kind, base: server.base, index: index)
            channelIDs.append(try await services.publishing.channels.create(kind: kind, name: "\(kind.rawValue) \(index)", settings: settings,
                                                                            secrets: secrets, owner: owner).channel.id)
        }
        // Due from two seconds from now: all at once, the way a busy morning's schedule comes due, or spread out.
        let due = Date().addingTimeInterval(2)
        let composing = ContinuousClock.now
        for index in 0..<messages {
            _ = try await services.publishing.messages.create(
                MessageDraft(title: "Opening \(index)", body: "We are hiring engineer number \(index). Apply today: the team is remote-first.",
                             link: "https://wayfinder.example/jobs/\(index)", channelIDs: channelIDs,
                             scheduledAt: due.addingTimeInterval(spread * Double(index) / Double(max(messages, 1)))), owner: owner)
        }
        let total = messages * channels
        output(String(format: "composed %d messages × %d channels = %d deliveries in %.2f s", messages, channels, total, (ContinuousClock.now - composing).seconds))
        let group = ServiceGroup(configuration: .init(
            services: services.backgroundWork.workerPools().map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
                + [.init(service: services.backgroundWork.schedulerService())],
            gracefulShutdownSignals: [], logger: logger))
        let running = Task { try await group.run() }
        var finished: [Delivery] = []
        let deadline = ContinuousClock.now + .seconds(600)
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(250))
            finished = try await deliveries(services, owner: owner)
            if finished.count == total, finished.allSatisfy({ !$0.status.isPending }) { break }
        }
        await group.triggerGracefulShutdown()
        _ = await running.result
        report(finished, due: due, total: total, received: receiver.received, output: output)
        await services.close()
    }

    private func deliveries(_ services: AppServices, owner: Actor) async throws -> [Delivery] {
        var all: [Delivery] = []
        var cursor: MessageCursor?
        repeat {
            let page = try await services.publishing.messages.messages(owner: owner, filter: MessageFilter(limit: 100, after: cursor))
            all += page.flatMap(\.deliveries)
            cursor = page.count == 100 ? page.last.map { MessageCursor(dueAt: $0.message.dueAt, id: $0.message.id) } : nil
        } while cursor != nil
        return all
    }

    private func report(_ deliveries: [Delivery], due: Date, total: Int, received: Int, output: (String) -> Void) {
        let delivered = deliveries.filter { $0.status == .delivered }
        let delays = deliveries.compactMap { delivery in delivery.lastAttemptAt.map { $0.timeIntervalSince(delivery.dueAt) * 1_000 } }.sorted()
        let last = delivered.compactMap(\.deliveredAt).max() ?? due
        let seconds = max(last.timeIntervalSince(due), 0.001)
        func percentile(_ p: Double) -> Double { delays.isEmpty ? 0 : delays[min(delays.count - 1, Int(Double(delays.count) * p))] }
        output(String(format: "delivered %d of %d (failed %d, dead %d, still pending %d) in %.2f s after they came due: %.0f deliveries/s with %d workers",
                      delivered.count, total, deliveries.filter { $0.status == .failed }.count, deliveries.filter { $0.status == .dead }.count,
                      deliveries.filter(\.status.isPending).count, seconds, Double(delivered.count) / seconds, workers))
        output(String(format: "scheduling delay (due → attempt), due over %.0f s: min %.0f ms, p50 %.0f ms, p99 %.0f ms, max %.0f ms", spread,
                      delays.first ?? 0, percentile(0.5), percentile(0.99), delays.last ?? 0))
        output("the servers received \(received) posts for \(delivered.count) deliveries reported delivered" + (received == delivered.count ? " (none lost, none twice)" : " — MISMATCH"))
    }
}

/// Local endpoints shaped like the networks' (webhook, Mastodon, Slack, Discord, Twilio), counting what they take;
/// Mastodon's and the webhook's idempotency keys are kept, as the networks keep them.
final class BenchReceiver: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: Set<String> = []
    private var count = 0

    var received: Int { lock.withLock { count } }

    func connection(_ kind: ChannelKind, base: String, index: Int) -> (ChannelSettings, ChannelSecrets) {
        switch kind {
        case .webhook: (ChannelSettings(url: "\(base)/hook/\(index)"), ChannelSecrets(signingSecret: "bench-signing-secret-0123456789"))
        case .mastodon: (ChannelSettings(baseURL: "\(base)/mastodon"), ChannelSecrets(accessToken: "bench"))
        case .slack: (ChannelSettings(), ChannelSecrets(webhookURL: "\(base)/slack/\(index)"))
        case .discord: (ChannelSettings(), ChannelSecrets(webhookURL: "\(base)/discord/\(index)"))
        default: (ChannelSettings(baseURL: "\(base)/twilio", recipients: ["+15550000002"], account: "AC\(index)", from: "+15550000001"),
                  ChannelSecrets(authToken: "bench"))
        }
    }

    /// Takes a post once per idempotency key; answers whether it is new.
    private func take(key: String?) -> Bool {
        lock.withLock {
            if let key, !keys.insert(key).inserted { return false }
            count += 1
            return true
        }
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let json: HTTPFields = [.contentType: "application/json"]
        router.post("hook/{n}") { request, _ -> Response in
            _ = self.take(key: request.headers[HTTPField.Name("Idempotency-Key")!])
            return Response(status: .ok, headers: json, body: .init(byteBuffer: ByteBuffer(string: #"{"id":"hook"}"#)))
        }
        router.post("mastodon/api/v1/statuses") { request, _ -> Response in
            let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? UUID().uuidString
            _ = self.take(key: key)
            return Response(status: .ok, headers: json, body: .init(byteBuffer: ByteBuffer(string: #"{"id":"\#(key)","url":"https://m.example/1"}"#)))
        }
        router.post("slack/{n}") { _, _ -> Response in
            _ = self.take(key: nil)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        router.post("discord/{n}") { _, _ -> Response in
            _ = self.take(key: nil)
            return Response(status: .ok, headers: json, body: .init(byteBuffer: ByteBuffer(string: #"{"id":"1","channel_id":"2"}"#)))
        }
        router.post("twilio/2010-04-01/Accounts/{sid}/Messages.json") { _, _ -> Response in
            _ = self.take(key: nil)
            return Response(status: .created, headers: json, body: .init(byteBuffer: ByteBuffer(string: #"{"sid":"SM1","status":"queued"}"#)))
        }
        return router
    }
}
