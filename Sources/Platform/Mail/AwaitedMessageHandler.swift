import NIOCore

/// Hands each decoded message from the server (an SMTP reply, an IMAP response) to the one waiting
/// for it, in order. Messages that come before anyone waits (a greeting, the rest of a FETCH) are
/// kept; once the connection fails or closes, every wait after the kept messages fails with the reason.
///
/// Lives on the channel's event loop; the mail clients reach it only from there.
final class AwaitedMessageHandler<Message: Sendable>: ChannelInboundHandler {
    typealias InboundIn = Message

    private var received = CircularBuffer<Message>()
    private var waiter: EventLoopPromise<Message>?
    private var failure: ChannelWaitFailure?

    /// Whether messages have arrived that nobody asked for yet.
    var hasUnreadMessages: Bool { !received.isEmpty }

    func expect(_ promise: EventLoopPromise<Message>) {
        if let message = received.popFirst() {
            promise.succeed(message)
        } else if let failure {
            promise.fail(failure)
        } else {
            waiter = promise
        }
    }

    /// The next message, after writing `bytes` when given; a wait longer than `timeout` fails with
    /// `.timedOut` and closes the connection, since the conversation's state is then unknown.
    static func next(from handler: NIOLoopBound<AwaitedMessageHandler>, on channel: any Channel, timeout: TimeAmount,
                     sending bytes: ByteBuffer? = nil) -> EventLoopFuture<Message> {
        channel.eventLoop.flatSubmit {
            let promise = channel.eventLoop.makePromise(of: Message.self)
            handler.value.expect(promise)
            if let bytes { channel.writeAndFlush(bytes, promise: nil) }
            let timer = channel.eventLoop.scheduleTask(in: timeout) {
                promise.fail(ChannelWaitFailure.timedOut)
                channel.close(promise: nil)
            }
            promise.futureResult.whenComplete { _ in timer.cancel() }
            return promise.futureResult
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        if let waiter {
            self.waiter = nil
            waiter.succeed(message)
        } else {
            received.append(message)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(.error(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.closed)
        context.fireChannelInactive()
    }

    private func fail(_ reason: ChannelWaitFailure) {
        if failure == nil { failure = reason }
        waiter?.fail(failure ?? reason)
        waiter = nil
    }
}

/// Why a wait for a server's message ended without one; each client turns it into its own error,
/// naming the step it waited in.
enum ChannelWaitFailure: Error {
    case closed
    case timedOut
    case error(any Error)
}
