import NIOCore

/// Hands each decoded response to the one waiting for it, in order. Responses that come before anyone
/// waits (the greeting, the rest of a FETCH) are kept; once the connection fails or closes, every
/// wait after the kept responses fails with the reason.
///
/// Lives on the channel's event loop; `IMAPConnection` reaches it only from there.
final class IMAPResponseHandler: ChannelInboundHandler {
    typealias InboundIn = IMAPResponse

    private var received = CircularBuffer<IMAPResponse>()
    private var waiter: EventLoopPromise<IMAPResponse>?
    private var failure: IMAPChannelFailure?

    /// Whether responses have arrived that nobody asked for yet.
    var hasUnreadResponses: Bool { !received.isEmpty }

    func expectResponse(_ promise: EventLoopPromise<IMAPResponse>) {
        if let response = received.popFirst() {
            promise.succeed(response)
        } else if let failure {
            promise.fail(failure)
        } else {
            waiter = promise
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let response = unwrapInboundIn(data)
        if let waiter {
            self.waiter = nil
            waiter.succeed(response)
        } else {
            received.append(response)
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

    private func fail(_ reason: IMAPChannelFailure) {
        if failure == nil { failure = reason }
        waiter?.fail(failure ?? reason)
        waiter = nil
    }
}

/// Why a wait for a response ended without one; `IMAPConnection` turns it into an `IMAPError`.
enum IMAPChannelFailure: Error {
    case closed
    case timedOut
    case error(any Error)
}
