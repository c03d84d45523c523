import Hummingbird
import Logging
import ServiceLifecycle

/// Serves `responder` on a free port of 127.0.0.1 while `body` runs with that port, then shuts the server
/// down gracefully (after `beforeShutdown`, which ends anything that would hold it up). Cancelling a NIO
/// server that holds a just-accepted connection traps (apple/swift-nio#3481); a graceful shutdown serves
/// or closes every connection first.
public func withLocalTestServer<Value: Sendable>(
    _ responder: CallbackResponder<BasicRequestContext>, logger: Logger, beforeShutdown: @Sendable () async -> Void = {},
    _ body: (_ port: Int) async throws -> Value
) async throws -> Value {
    let (ports, portKnown) = AsyncStream<Int>.makeStream()
    let app = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                          onServerRunning: { portKnown.yield($0.localAddress?.port ?? 0); portKnown.finish() }, logger: logger)
    let server = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        func shutDown() async {
            await beforeShutdown()
            await server.triggerGracefulShutdown()
            try? await group.waitForAll()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await shutDown()
            throw LocalTestServerError.noPort
        }
        do {
            let value = try await body(port)
            await shutDown()
            return value
        } catch {
            await shutDown()
            throw error
        }
    }
}

public enum LocalTestServerError: Error { case noPort }
