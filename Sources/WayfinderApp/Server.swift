import Foundation
import HTTPAPI
import Hummingbird
import Logging
import ServiceLifecycle

/// `wayfinder serve`: the HTTP server plus the loop that keeps the index current with writes made
/// by other processes (an import running beside the server, other servers on the same database).
public enum Server {
    public static func run(settings: Settings, demoPostings: Int?, logger: Logger) async throws {
        let services = try await AppServices.open(settings: settings, logger: logger)
        if let demoPostings {
            try await DemoSeeder(services: services).seedIfEmpty(count: demoPostings)
        }
        try await services.catchUpIndex()
        services.persistIndex()
        let app = Application(
            router: buildRouter(services.apiDependencies),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "wayfinder"),
            services: [IndexFollowingService(services: services, interval: .seconds(1))],
            logger: logger
        )
        defer { Task { await services.close() } }
        try await app.runService()
    }
}

/// Polls the change feed; on the embedded default other processes' writes arrive within `interval`.
/// Saves the index now and then, and once more on shutdown.
struct IndexFollowingService: Service {
    let services: AppServices
    let interval: Duration
    var persistEvery: Duration = .seconds(30)

    func run() async throws {
        var lastPersist = ContinuousClock.now
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await services.catchUpIndex()
            } catch {
                services.logger.warning("index catch-up failed; retrying", metadata: ["error": "\(error)"])
            }
            if ContinuousClock.now - lastPersist >= persistEvery {
                services.persistIndex()
                lastPersist = ContinuousClock.now
            }
            try? await Task.sleep(for: interval)
        }
        services.persistIndex()
    }
}
