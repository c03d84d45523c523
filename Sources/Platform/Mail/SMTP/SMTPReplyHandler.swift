import NIOCore

/// Hands each decoded reply to the one waiting for it. A reply that comes before anyone waits (the
/// greeting) is kept; once the connection fails or closes, every wait fails with the reason.
///
/// Lives on the channel's event loop; `SMTPConnection` reaches it only from there.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPReply

    private var received = CircularBuffer<SMTPReply>()
    private var waiter: EventLoopPromise<SMTPReply>?
    private var failure: SMTPChannelFailure?

    func expectReply(_ promise: EventLoopPromise<SMTPReply>) {
        if let reply = received.popFirst() {
            promise.succeed(reply)
        } else if let failure {
            promise.fail(failure)
        } else {
            waiter = promise
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if let waiter {
            self.waiter = nil
            waiter.succeed(reply)
        } else {
            received.append(reply)
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

    private func fail(_ reason: SMTPChannelFailure) {
        if failure == nil { failure = reason }
        waiter?.fail(failure ?? reason)
        waiter = nil
    }
}

/// Why a wait for a reply ended without one; `SMTPConnection` turns it into an `SMTPError` naming the step.
enum SMTPChannelFailure: Error {
    case closed
    case timedOut
    case error(any Error)
}
