import Foundation
import Hummingbird
import NIOCore
import Platform
import Testing

/// `OpenAICompatibleLanguageModel` against a local fake of the chat-completions API.
@Suite("OpenAI-compatible language model")
struct OpenAICompatibleLanguageModelTests {
    static let apiKey = "sk-test-\(UUID().uuidString)"

    static func model(_ base: URL, apiKey: String? = OpenAICompatibleLanguageModelTests.apiKey,
                      timeout: Duration = .seconds(5)) -> OpenAICompatibleLanguageModel {
        OpenAICompatibleLanguageModel(configuration: LanguageModelConfiguration(url: base, apiKey: apiKey, model: "test-model", timeout: timeout))
    }

    @Test("posts the documented request with the bearer key and reads the first choice's text")
    func completes() async throws {
        try await ChatCompletionsTestServer.serve({ request in
            request.path == "/v1/chat/completions" && request.method == "POST"
                ? ChatCompletionsTestServer.completion("A tidy summary.")
                : ChatCompletionsTestServer.raw(status: .notFound, Data())
        }) { base, received in
            let model = Self.model(base)
            let answer = try await model.complete(system: "You write short summaries.", prompt: "Summarise: Swift engineer, Berlin.", maxTokens: 64)
            #expect(answer == "A tidy summary.")

            let request = try #require(await received.all.first)
            #expect(request.headers["authorization"] == "Bearer \(Self.apiKey)")
            #expect(request.headers["content-type"] == "application/json")
            let body = try #require(request.json)
            #expect(body["model"] as? String == "test-model")
            #expect(body["max_tokens"] as? Int == 64)
            #expect(body["temperature"] as? Double == 0)
            let messages = try #require(body["messages"] as? [[String: String]])
            #expect(messages == [["role": "system", "content": "You write short summaries."],
                                 ["role": "user", "content": "Summarise: Swift engineer, Berlin."]])
        }
    }

    @Test("without a key no Authorization header is sent, and a trailing slash on the base URL is fine")
    func withoutKey() async throws {
        try await ChatCompletionsTestServer.serve({ _ in ChatCompletionsTestServer.completion("ok") }) { base, received in
            let model = Self.model(base.appendingPathComponent(""), apiKey: nil)
            #expect(try await model.complete(system: "s", prompt: "p", maxTokens: 5) == "ok")
            let request = try #require(await received.all.first)
            #expect(request.path == "/v1/chat/completions")
            #expect(request.headers["authorization"] == nil)
        }
    }

    @Test("a server that never answers makes complete throw within the timeout")
    func neverAnswers() async throws {
        try await ChatCompletionsTestServer.serve({ _ in
            try await Task.sleep(for: .seconds(3))
            return ChatCompletionsTestServer.completion("too late")
        }) { base, _ in
            let model = Self.model(base, timeout: .milliseconds(300))
            let started = ContinuousClock.now
            await #expect(throws: LanguageModelError.timedOut(after: .milliseconds(300))) {
                try await model.complete(system: "s", prompt: "p", maxTokens: 5)
            }
            // The answer comes after 3 s, so the timeout error above already proves the deadline fired before it.
            // This bound only catches a hang; on a machine busy with the whole suite the deadline's timer has run seconds late.
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }

    @Test("a body that starts and never ends is cut off at the timeout too")
    func trickles() async throws {
        try await ChatCompletionsTestServer.serve({ _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: #"{"choices":"#))
                try await Task.sleep(for: .seconds(3))
                try await writer.finish(nil)
            })
        }) { base, _ in
            let model = Self.model(base, timeout: .milliseconds(300))
            let started = ContinuousClock.now
            await #expect(throws: LanguageModelError.timedOut(after: .milliseconds(300))) {
                try await model.complete(system: "s", prompt: "p", maxTokens: 5)
            }
            // The answer comes after 3 s, so the timeout error above already proves the deadline fired before it.
            // This bound only catches a hang; on a machine busy with the whole suite the deadline's timer has run seconds late.
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }

    @Test("a 500 is a transient rejection carrying the service's message, with the key cut out")
    func serverError() async throws {
        try await ChatCompletionsTestServer.serve({ _ in
            ChatCompletionsTestServer.json(status: .internalServerError,
                                           ["error": ["message": "upstream failed for key \(Self.apiKey)", "type": "server_error", "code": NSNull()]])
        }) { base, _ in
            let model = Self.model(base)
            let error = await #expect(throws: LanguageModelError.self) { try await model.complete(system: "s", prompt: "p", maxTokens: 5) }
            #expect(error == .rejected(status: 500, message: "upstream failed for key [redacted]"))
            #expect(error?.isTransient == true)
            #expect(error.map { !"\($0)".contains(Self.apiKey) } == true)
        }
    }

    @Test("an error status with a body that is not JSON is still a rejection")
    func unauthorizedGarbage() async throws {
        try await ChatCompletionsTestServer.serve({ _ in ChatCompletionsTestServer.raw(status: .unauthorized, Data("<html>nope</html>".utf8)) }) { base, _ in
            let model = Self.model(base)
            let error = await #expect(throws: LanguageModelError.self) { try await model.complete(system: "s", prompt: "p", maxTokens: 5) }
            #expect(error == .rejected(status: 401, message: nil))
            #expect(error?.isTransient == false)
        }
    }

    @Test("a success status with garbage, no choices or no text is a malformed response", arguments: [
        "garbage <html> \(OpenAICompatibleLanguageModelTests.apiKey)", #"{"choices": []}"#, #"{"choices": [{"message": {"role": "assistant", "content": null}}]}"#,
    ])
    func malformed(body: String) async throws {
        try await ChatCompletionsTestServer.serve({ _ in ChatCompletionsTestServer.raw(status: .ok, Data(body.utf8), type: "application/json") }) { base, _ in
            let model = Self.model(base)
            let error = await #expect(throws: LanguageModelError.self) { try await model.complete(system: "s", prompt: "p", maxTokens: 5) }
            guard case .malformedResponse(let reason) = error else {
                Issue.record("expected a malformed response, got \(String(describing: error))")
                return
            }
            #expect(!reason.contains(Self.apiKey))
        }
    }

    @Test("a closed port fails within the timeout, as something worth retrying")
    func closedPort() async throws {
        let (port, socket) = try RefusingPort.open()
        defer { close(socket) }
        let model = Self.model(URL(string: "http://127.0.0.1:\(port)/v1")!, timeout: .seconds(1))
        let started = ContinuousClock.now
        // AsyncHTTPClient keeps trying to connect until the deadline, so a refused connection may end as either.
        let error = await #expect(throws: LanguageModelError.self) { try await model.complete(system: "s", prompt: "p", maxTokens: 5) }
        // Alone it ends at the 1 s deadline; the bound only tells a refusal from a hang, on a machine so busy
        // with the whole suite (and a build beside it) that the deadline's timer ran 52 s late once.
        #expect(ContinuousClock.now - started < .seconds(180))
        #expect(error?.isTransient == true)
        #expect(error.map { !"\($0)".contains(Self.apiKey) } == true)
    }

    @Test("a configuration prints without its key and waits 5 s unless told otherwise")
    func configuration() {
        let configuration = LanguageModelConfiguration(url: URL(string: "http://localhost/v1")!, apiKey: Self.apiKey, model: "m")
        #expect(!"\(configuration)".contains(Self.apiKey))
        #expect(configuration.timeout == .seconds(5))
    }
}
