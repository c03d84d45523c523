import Domain
import Foundation
import Platform
import Publishing
import Storage
import Testing

@Suite("Publishing storage contract")
struct PublishingRepositoryContractTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let box = SecretBox(key: Data(repeating: 7, count: 32))

    static func channel(_ id: String, owner: String = "u1") -> Channel {
        Channel(id: id, ownerID: owner, kind: .mastodon, name: "Mastodon", settings: ChannelSettings(baseURL: "https://mastodon.example"),
                secrets: ChannelSecrets(accessToken: "secret-token-\(id)", expiresAt: now.addingTimeInterval(3_600)), createdAt: now, updatedAt: now)
    }

    static func message(_ id: String, owner: String = "u1", due: Date = now, channels: [String] = ["c1"]) -> PublishedMessage {
        let message = Message(id: id, ownerID: owner, title: "T", body: "Body \(id)", link: nil, mediaIDs: [], scheduledAt: due,
                              createdAt: now, updatedAt: now)
        return PublishedMessage(message: message, deliveries: channels.enumerated().map { index, channel in
            Delivery(id: "\(id)-d\(index)", messageID: id, ownerID: owner, channelID: channel, channelKind: .mastodon, text: "Body \(id)",
                     overridden: false, status: .scheduled, dueAt: due, updatedAt: now)
        })
    }

    static func task(_ delivery: Delivery) throws -> NewTask { try DeliverMessageTask.newTask(delivery) }

    @Test("channels round-trip with their credentials sealed: the database holds no token, another owner sees nothing", arguments: StorageBackend.available)
    func channels(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let channels = SQLChannelRepository(store: store, box: Self.box)
            try await channels.insert(Self.channel("c1"))
            #expect(try await channels.channel(id: "c1", owner: "u1") == Self.channel("c1"))
            #expect(try await channels.channel(id: "c1", owner: "u2") == nil)
            let stored = try await store.read { database in
                try await database.raw("SELECT sealed_secrets FROM publishing_channels WHERE id = 'c1'").first()?.decode(column: "sealed_secrets", as: String.self)
            }
            #expect(stored?.contains("secret-token") == false)
            var foreign = Self.channel("c1", owner: "u2")
            foreign.name = "taken"
            #expect(try await channels.update(foreign) == false)
            #expect(try await channels.delete(id: "c1", owner: "u2") == false)
            #expect(try await channels.delete(id: "c1", owner: "u1"))
            #expect(try await channels.channels(owner: "u1").isEmpty)
        }
    }

    @Test("two schedulers asking at once queue each due delivery once, with one task each; later ones wait", arguments: StorageBackend.available)
    func dueOnce(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let messages = SQLMessageRepository(store: store)
            for index in 0..<40 { try await messages.insert(Self.message("m\(index)", due: Self.now.addingTimeInterval(Double(index % 2) * 3_600)), tasks: []) }
            async let first = messages.enqueueDue(now: Self.now, limit: 15, task: Self.task)
            async let second = messages.enqueueDue(now: Self.now, limit: 15, task: Self.task)
            let (a, b) = try await (first, second)
            async let third = messages.enqueueDue(now: Self.now, limit: 15, task: Self.task)
            let c = try await third
            let ids = (a + b + c).map(\.id)
            #expect(ids.count == 20 && Set(ids).count == 20)
            let queue = SQLTaskQueue(store: store, clock: FixedWallClock(Self.now))
            #expect(try await queue.statistics().queued == 20)
            #expect(try await messages.enqueueDue(now: Self.now, limit: 100, task: Self.task).isEmpty)
        }
    }

    @Test("a delivery moves only from the state its writer read; its task and events are written with it", arguments: StorageBackend.available)
    func transitions(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let messages = SQLMessageRepository(store: store)
            try await messages.insert(Self.message("m1"), tasks: [])
            let queued = try #require(try await messages.enqueueDue(now: Self.now, limit: 10, task: Self.task).first)
            var sending = queued
            sending.status = .sending
            sending.attempts = 1
            #expect(try await messages.transition(sending, expected: queued, task: nil, events: []))
            // A second worker that read the same queued delivery loses.
            #expect(try await messages.transition(sending, expected: queued, task: nil, events: []) == false)
            var delivered = sending
            delivered.status = .delivered
            delivered.externalID = "109"
            let event = try DomainEvent(topic: DeliveryEvent.delivered, json: ["delivery_id": "m1-d0"], occurredAt: Self.now)
            #expect(try await messages.transition(delivered, expected: sending, task: nil, events: [event]))
            #expect(try await messages.delivery(id: "m1-d0") == delivered)
            #expect(try await SQLEventOutbox(store: store).recent(limit: 5).map(\.event.topic) == [DeliveryEvent.delivered])
        }
    }

    @Test("an unsent message can change or go; once a delivery has started it cannot, and another owner cannot touch it", arguments: StorageBackend.available)
    func unsentChanges(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let messages = SQLMessageRepository(store: store)
            try await messages.insert(Self.message("m1", due: Self.now.addingTimeInterval(3_600), channels: ["c1", "c2"]), tasks: [])
            var changed = Self.message("m1", due: Self.now.addingTimeInterval(7_200), channels: ["c2"])
            changed.message.body = "Changed"
            #expect(try await messages.replace(changed) == .done)
            #expect(try await messages.message(id: "m1", owner: "u1")?.deliveries.map(\.channelID) == ["c2"])
            #expect(try await messages.message(id: "m1", owner: "u1")?.message.body == "Changed")
            #expect(try await messages.delete(id: "m1", owner: "u2") == .notFound)
            #expect(try await messages.message(id: "m1", owner: "u2") == nil)
            _ = try await messages.enqueueDue(now: Self.now.addingTimeInterval(7_200), limit: 10, task: Self.task)
            #expect(try await messages.delete(id: "m1", owner: "u1") == .sent)
            #expect(try await messages.replace(Self.message("m1", channels: ["c1"])) == .sent)
            #expect(try await messages.message(id: "m1", owner: "u1")?.deliveries.count == 1)
            try await messages.insert(Self.message("m2", due: Self.now.addingTimeInterval(3_600)), tasks: [])
            #expect(try await messages.delete(id: "m2", owner: "u1") == .done)
            #expect(try await messages.message(id: "m2", owner: "u1") == nil)
        }
    }

    @Test("lists page by due time and filter by status, channel and window; retry queues failed deliveries with a fresh budget", arguments: StorageBackend.available)
    func listsAndRetries(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let messages = SQLMessageRepository(store: store)
            for index in 0..<5 { try await messages.insert(Self.message("m\(index)", due: Self.now.addingTimeInterval(Double(index) * 60), channels: ["c\(index % 2)"]), tasks: []) }
            let first = try await messages.messages(owner: "u1", filter: MessageFilter(limit: 2))
            #expect(first.map(\.message.id) == ["m4", "m3"])
            let next = try await messages.messages(owner: "u1", filter: MessageFilter(limit: 2, after: MessageCursor(dueAt: first[1].message.dueAt, id: "m3")))
            #expect(next.map(\.message.id) == ["m2", "m1"])
            #expect(try await messages.messages(owner: "u1", filter: MessageFilter(channelID: "c1")).map(\.message.id) == ["m3", "m1"])
            #expect(try await messages.messages(owner: "u1", filter: MessageFilter(dueFrom: Self.now.addingTimeInterval(60), dueBefore: Self.now.addingTimeInterval(180)))
                .map(\.message.id) == ["m2", "m1"])
            #expect(try await messages.messages(owner: "u2", filter: MessageFilter()).isEmpty)
            let queued = try await messages.enqueueDue(now: Self.now, limit: 10, task: Self.task)
            var failed = try #require(queued.first)
            failed.status = .failed
            failed.retryable = false
            failed.roundAttempts = 3
            #expect(try await messages.transition(failed, expected: queued[0], task: nil, events: []))
            #expect(try await messages.messages(owner: "u1", filter: MessageFilter(status: .failed)).map(\.message.id) == ["m0"])
            // Bulk retry skips what a retry cannot help; a message's own retry takes it anyway.
            #expect(try await messages.retry(owner: "u1", messageID: nil, filter: MessageFilter(), now: Self.now, task: Self.task).isEmpty)
            #expect(try await messages.retry(owner: "u2", messageID: "m0", filter: MessageFilter(), now: Self.now, task: Self.task).isEmpty)
            let retried = try await messages.retry(owner: "u1", messageID: "m0", filter: MessageFilter(), now: Self.now, task: Self.task)
            #expect(retried.map(\.status) == [.queued] && retried.first?.roundAttempts == 0)
        }
    }

    @Test("certifications round-trip; those lapsing soon are listed until reminded for that date", arguments: StorageBackend.available)
    func certifications(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let certifications = SQLCertificationRepository(store: store)
            var certification = Certification(id: "k1", ownerID: "u1", name: "CKA", issuer: "CNCF", issuedOn: "2025-01-10", expiresOn: "2027-01-10",
                                              credentialID: "LF-1", credentialURL: "https://cncf.example/LF-1", skills: ["Kubernetes"],
                                              createdAt: Self.now, updatedAt: Self.now)
            try await certifications.insert(certification)
            #expect(try await certifications.certification(id: "k1", owner: "u1") == certification)
            #expect(try await certifications.certification(id: "k1", owner: "u2") == nil)
            #expect(try await certifications.expiring(onOrBefore: "2027-01-09", limit: 10).isEmpty)
            #expect(try await certifications.expiring(onOrBefore: "2027-01-10", limit: 10).map(\.id) == ["k1"])
            certification.remindedFor = "2027-01-10"
            #expect(try await certifications.update(certification))
            #expect(try await certifications.expiring(onOrBefore: "2027-02-01", limit: 10).isEmpty)
            #expect(try await certifications.delete(id: "k1", owner: "u2") == false)
            #expect(try await certifications.delete(id: "k1", owner: "u1"))
        }
    }
}
