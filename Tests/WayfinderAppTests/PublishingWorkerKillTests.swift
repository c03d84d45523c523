import Domain
import Foundation
import Logging
import Platform
import Publishing
import TestPeers
import Testing
import WayfinderApp

/// A `wayfinder work` process killed with SIGKILL while networks hold its requests: no duplicate where
/// the network honours idempotency keys, and every delivery ends delivered or failed, never stuck.
@Suite("Publishing through a killed worker")
struct PublishingWorkerKillTests {
    static let key = Data(repeating: 9, count: 32).base64EncodedString()

    @Test("killed mid-delivery: Mastodon ends delivered once (same Idempotency-Key), Slack ends failed as unknown, nothing stays sending",
          arguments: [false, true])
    func killedMidDelivery(onPostgres: Bool) async throws {
        if onPostgres && WorkerProcessTests.postgresURL == nil { return }
        let executable = try #require(TwoServersOnPostgreSQLTests.executable, "build the wayfinder executable first (swift build)")
        let directory = Scratch.root.appendingPathComponent("wayfinder-publish-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let databaseURL = onPostgres ? try await WorkerProcessTests.freshPostgres(WorkerProcessTests.postgresURL!)
            : "sqlite://\(directory.path)/wayfinder.sqlite"
        var settings = Settings(dataDirectory: directory.path, databaseURL: databaseURL)
        settings.accounts.secretKey = Self.key
        let services = try await AppServices.open(settings: settings, logger: WorkerProcessTests.logger(), index: .memory)
        try await NetworkEmulator.serve { emulator, root in
            let owner = Actor(userID: "u1", groups: [.candidate])
            let mastodon = try await services.publishing.channels.create(
                kind: .mastodon, name: nil, settings: ChannelSettings(baseURL: NetworkEmulator.base(.mastodon, root: root)),
                secrets: ChannelSecrets(accessToken: "token"), owner: owner).channel
            let slack = try await services.publishing.channels.create(
                kind: .slack, name: nil, settings: ChannelSettings(), secrets: ChannelSecrets(webhookURL: NetworkEmulator.base(.slack, root: root) + "/services/a/b/c"),
                owner: owner).channel
            // Both networks take the post and hold the answer long past the kill.
            await emulator.script(.mastodon, [.hang(.seconds(60))])
            await emulator.script(.slack, [.hang(.seconds(60))])
            let message = try await services.publishing.messages.create(MessageDraft(body: "Killed mid-flight", channelIDs: [mastodon.id, slack.id]), owner: owner)
            let environment = ["WAYFINDER_TASK_VISIBILITY_TIMEOUT": "3", "WAYFINDER_PUBLISH_TIMEOUT": "120", "WAYFINDER_SECRET_KEY": Self.key]

            let first = try WorkerProcessTests.WorkerProcess(executable: executable, databaseURL: databaseURL, workers: 2, environment: environment)
            let reached = try await TwoServersOnPostgreSQLTests.waitUntil(.seconds(60)) {
                let mastodonPosts = await emulator.posts(.mastodon).count, slackPosts = await emulator.posts(.slack).count
                return mastodonPosts == 1 && slackPosts == 1
            }
            #expect(reached != nil, "the first worker never reached both networks")
            first.kill()
            let second = try WorkerProcessTests.WorkerProcess(executable: executable, databaseURL: databaseURL, workers: 2, environment: environment)
            defer { second.stop() }
            let settled = try await TwoServersOnPostgreSQLTests.waitUntil(.seconds(60)) {
                let current = try await services.publishing.messages.message(id: message.message.id, owner: owner)
                return current.deliveries.allSatisfy { $0.status == .delivered || $0.status == .failed }
            }
            let final = try await services.publishing.messages.message(id: message.message.id, owner: owner)
            #expect(settled != nil, "deliveries did not settle: \(final.deliveries.map { "\($0.channelKind): \($0.status) \($0.error ?? "")" })")
            let byKind = Dictionary(uniqueKeysWithValues: final.deliveries.map { ($0.channelKind, $0) })
            #expect(byKind[.mastodon]?.status == .delivered)
            #expect(byKind[.mastodon]?.externalID == (await emulator.posts(.mastodon).first?.id))
            #expect(byKind[.slack]?.status == .failed && byKind[.slack]?.retryable == false)
            #expect(await emulator.posts(.mastodon).count == 1, "Mastodon kept the key: no second status")
            #expect(await emulator.posts(.slack).count == 1, "Slack was not sent again blind")
        }
        await services.close()
    }
}
