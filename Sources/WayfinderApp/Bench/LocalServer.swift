import Hummingbird
import Logging
import ServiceLifecycle

/// A router served on a free port of 127.0.0.1 for as long as the caller needs it (benchmarks, browser tests).
public struct LocalServer: Sendable {
    public let port: Int
    private let group: ServiceGroup

    public static func start(_ router: Router<some RequestContext & InitializableFromSource<ApplicationRequestContextSource>>,
                             logger: Logger) async throws -> LocalServer {
        let (ports, portKnown) = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { portKnown.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let serving = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            serving.cancel()
            throw SettingsError("the local server did not start")
        }
        return LocalServer(port: port, group: group)
    }

    public var base: String { "http://127.0.0.1:\(port)" }

    /// Shuts the server down gracefully, in the background: cancelling a NIO server that holds a just-accepted
    /// connection traps (apple/swift-nio#3481), while a graceful shutdown serves or closes every connection first.
    public func stop() {
        let group = self.group
        Task { await group.triggerGracefulShutdown() }
    }
}
