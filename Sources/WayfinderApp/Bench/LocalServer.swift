import Hummingbird
import Logging

/// A router served on a free port of 127.0.0.1 for as long as the caller needs it (benchmarks, browser tests).
public struct LocalServer: Sendable {
    public let port: Int
    private let serving: Task<Void, any Error>

    public static func start(_ router: Router<some RequestContext & InitializableFromSource<ApplicationRequestContextSource>>,
                             logger: Logger) async throws -> LocalServer {
        let (ports, portKnown) = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { portKnown.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            serving.cancel()
            throw SettingsError("the local server did not start")
        }
        return LocalServer(port: port, serving: serving)
    }

    public var base: String { "http://127.0.0.1:\(port)" }

    public func stop() { serving.cancel() }
}
