import Foundation
import Logging
import ServiceLifecycle

/// `wayfinder work`: background workers and the scheduler, no HTTP and no search index. Run any number
/// of these beside `serve` processes on one database; SIGTERM or SIGINT stops them gracefully.
public enum Worker {
    public static func run(settings: Settings, logger: Logger) async throws {
        let services = try await AppServices.open(settings: settings, logger: logger, index: .memory)
        logger.info("worker started", metadata: ["workers": "\(settings.workers)"])
        let group = ServiceGroup(configuration: .init(
            services: services.backgroundWork.workerPools().map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
                + [.init(service: services.backgroundWork.schedulerService())],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        do {
            try await group.run()
        } catch {
            await services.close()
            throw error
        }
        await services.close()
    }
}
