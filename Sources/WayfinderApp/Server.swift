import Foundation
import HTTPAPI
import WebPages
import Hummingbird
import Logging
import ServiceLifecycle

/// `wayfinder serve`: the HTTP server, the loop that keeps the index current with writes made by other
/// processes (an import running beside the server, other servers on the same database), and the
/// background workers and scheduler (`WAYFINDER_WORKERS`, 0 for none).
public enum Server {
    public static func run(settings: Settings, demoPostings: Int?, logger: Logger) async throws {
        let services = try await AppServices.open(settings: settings, logger: logger)
        if let demoPostings {
            try await DemoSeeder(services: services).seedIfEmpty(count: demoPostings)
        }
        try await services.catchUpIndex()
        services.persistIndex()
        // The shipped question bank, so assessments work on a fresh install; an imported bank is left alone.
        if let added = try await services.skillsGraph.importStarterBankIfEmpty() {
            logger.info("imported the starter assessment bank", metadata: ["questions": "\(added.added)"])
        }
        let router = buildRouter(services.apiDependencies)
        addWebRoutes(to: router, try await services.webDependencies())
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "wayfinder"),
            services: [IndexFollowingService(services: services, interval: .seconds(1))] as [any Service]
                + services.backgroundWork.workerPools() as [any Service] + [services.backgroundWork.schedulerService()],
            logger: logger
        )
        defer { Task { await services.close() } }
        try await app.runService()
    }
}

/// Keeps the index current with writes made by other processes: wakes on the database's change
/// notifications where it has them (PostgreSQL), and polls every `interval` in any case, so a missed
/// notification delays an update and never loses it. Saves the index now and then, and on shutdown.
struct IndexFollowingService: Service, CustomStringConvertible {
    let services: AppServices
    let interval: Duration
    var persistEvery: Duration = .seconds(30)
    /// ServiceLifecycle names services by their description; reflecting over `services` took a
    /// noticeable part of a server's start.
    var description: String { "IndexFollowingService" }

    func run() async throws {
        let (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    wake.yield()
                }
            }
            group.addTask { [store = services.store, logger = services.logger] in
                while !Task.isCancelled {
                    do {
                        try await store.listenForChanges { wake.yield() }
                        return
                    } catch {
                        logger.debug("change notifications interrupted; polling meanwhile", metadata: ["error": "\(error)"])
                        try? await Task.sleep(for: .seconds(1))
                    }
                }
            }
            var lastPersist = ContinuousClock.now
            for await _ in wakeups.cancelOnGracefulShutdown() {
                do {
                    try await services.catchUpIndex()
                } catch {
                    services.logger.warning("index catch-up failed; retrying", metadata: ["error": "\(error)"])
                }
                if ContinuousClock.now - lastPersist >= persistEvery {
                    services.persistIndex()
                    lastPersist = ContinuousClock.now
                }
            }
            group.cancelAll()
        }
        services.persistIndex()
    }
}
