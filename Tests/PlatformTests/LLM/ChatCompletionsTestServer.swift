import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TestPeers

/// What the fake chat-completions server received.
struct ReceivedChatRequest: Sendable {
    var method: String
    var path: String
    /// Names in lower case.
    var headers: [String: String]
    var body: Data

    /// The body as a JSON object, or nil.
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
}

/// Every request the fake server received, in order.
actor ReceivedChatRequests {
    private(set) var all: [ReceivedChatRequest] = []
    func append(_ request: ReceivedChatRequest) { all.append(request) }
}

/// A local OpenAI-compatible server (Hummingbird on a free port) whose answers a test writes.
enum ChatCompletionsTestServer {
    typealias Answer = @Sendable (ReceivedChatRequest) async throws -> Response

    /// Serves `answer` while `body` runs with the server's `/v1` base URL.
    static func serve<Value: Sendable>(
        _ answer: @escaping Answer, _ body: @Sendable (_ base: URL, _ received: ReceivedChatRequests) async throws -> Value
    ) async throws -> Value {
        let received = ReceivedChatRequests()
        var logger = Logger(label: "chat-completions-test-server")
        logger.logLevel = .critical
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }  // lower case
            let bytes = try await request.body.collect(upTo: 1_048_576)
            let seen = ReceivedChatRequest(method: request.method.rawValue, path: request.uri.path, headers: headers,
                                           body: Data(bytes.readableBytesView))
            await received.append(seen)
            return try await answer(seen)
        }
        return try await withLocalTestServer(responder, logger: logger) { port in
            try await body(URL(string: "http://127.0.0.1:\(port)/v1")!, received)
        }
    }

    /// A chat completion in the documented response shape, answering `content`.
    static func completion(_ content: String?) -> Response {
        let message: [String: Any] = ["role": "assistant", "content": content ?? NSNull()]
        return json(status: .ok, [
            "id": "chatcmpl-test", "object": "chat.completion", "created": 1_700_000_000, "model": "test-model",
            "choices": [["index": 0, "message": message, "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17],
        ])
    }

    static func json(status: HTTPResponse.Status, _ object: Any) -> Response {
        raw(status: status, Data((try? JSONSerialization.data(withJSONObject: object)) ?? Data()), type: "application/json")
    }

    static func raw(status: HTTPResponse.Status, _ body: Data, type: String = "text/plain") -> Response {
        Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
