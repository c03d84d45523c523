import Foundation
import NIOCore
import NIOPosix

/// An IMAP server that answers from a script, for what dovecot cannot be made to do: offer neither
/// LITERAL+ nor SASL-IR nor AUTH=PLAIN, and send its responses a byte at a time. It records every
/// command as received, literals inline.
final class ScriptedIMAPServer: Sendable {
    /// Given a command without its tag (`LOGIN seeker {5}\r\nsecret`), the responses to send before
    /// the tagged `OK` the server adds itself, or nil to answer with the given tagged line instead.
    typealias Script = @Sendable (String) -> (untagged: [String], completion: String?)

    let channel: any Channel
    let commands: Recorder
    var port: Int { channel.localAddress?.port ?? 0 }

    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var all: [String] { lock.withLock { lines } }
        func add(_ line: String) { lock.withLock { lines.append(line) } }
    }

    init(greeting: String, script: @escaping Script) async throws {
        let commands = Recorder()
        self.commands = commands
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(greeting: greeting, script: script, commands: commands))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    func stop() async {
        try? await channel.close().get()
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer

        let greeting: String
        let script: Script
        let commands: Recorder
        private var buffer: [UInt8] = []
        private var command: [UInt8] = []
        private var awaitedLiteral: Int?
        /// The tag of an AUTHENTICATE whose answer is awaited on the next line.
        private var authenticating: String?

        init(greeting: String, script: @escaping Script, commands: Recorder) {
            self.greeting = greeting
            self.script = script
            self.commands = commands
        }

        func channelActive(context: ChannelHandlerContext) {
            send(["* " + greeting], context: context)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var bytes = unwrapInboundIn(data)
            buffer += bytes.readBytes(length: bytes.readableBytes) ?? []
            while true {
                if let length = awaitedLiteral {
                    guard buffer.count >= length else { return }
                    command += buffer.prefix(length)
                    buffer.removeFirst(length)
                    awaitedLiteral = nil
                }
                guard let end = buffer.firstIndex(of: UInt8(ascii: "\n")) else { return }
                var line = Array(buffer[..<end])
                buffer.removeFirst(end + 1)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                let text = String(decoding: line, as: UTF8.self)
                if let match = text.firstMatch(of: /\{(\d+)\}$/), let length = Int(match.1) {
                    command += line + Array("\r\n".utf8)
                    awaitedLiteral = length
                    send(["+ go ahead"], context: context)
                    continue
                }
                command += line
                let complete = String(decoding: command, as: UTF8.self)
                command = []
                commands.add(complete)
                if let tag = authenticating {
                    authenticating = nil
                    answer(tag: tag, command: "AUTHENTICATE-RESPONSE " + complete, context: context)
                    continue
                }
                let tag = String(complete.prefix { $0 != " " }), rest = String(complete.dropFirst(tag.count + 1))
                if rest == "AUTHENTICATE PLAIN" {
                    authenticating = tag
                    send(["+ "], context: context)
                    continue
                }
                answer(tag: tag, command: rest, context: context)
            }
        }

        private func answer(tag: String, command: String, context: ChannelHandlerContext) {
            let (untagged, completion) = script(command)
            send(untagged + ["\(tag) \(completion ?? "OK done")"], context: context)
            if command == "LOGOUT" { context.close(promise: nil) }
        }

        /// Each response goes out one byte per write, so the client sees every possible split.
        private func send(_ responses: [String], context: ChannelHandlerContext) {
            for byte in responses.map({ $0 + "\r\n" }).joined().utf8 {
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: [byte])), promise: nil)
            }
        }

        typealias OutboundOut = ByteBuffer
    }
}
