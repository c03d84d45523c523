import AsyncHTTPClient
import Foundation
import NIOCore

/// `LanguageModel` over any service that speaks OpenAI's chat-completions API (OpenAI, Azure's compatible
/// endpoint, vLLM, Ollama, llama.cpp's server): one POST to `{url}/chat/completions` per completion.
///
/// Temperature is 0 so the same prompt tends to give the same wording, in keeping with a deterministic core.
public struct OpenAICompatibleLanguageModel: LanguageModel {
    public let configuration: LanguageModelConfiguration
    /// The largest answer read; a bigger one is treated as broken rather than read into memory.
    public static let maximumResponseSize = 4 * 1_048_576
    private let client: HTTPClient

    /// `client` defaults to AsyncHTTPClient's process-wide one, which needs no shutdown.
    public init(configuration: LanguageModelConfiguration, client: HTTPClient = .shared) {
        self.configuration = configuration
        self.client = client
    }

    public func complete(system: String, prompt: String, maxTokens: Int) async throws -> String {
        let request = try request(system: system, prompt: prompt, maxTokens: maxTokens)
        let timeout = configuration.timeout
        // The client's deadline bounds connecting and the head; the race below also bounds a body that
        // trickles in forever, so the caller gets its answer or an error within the timeout, never later.
        let (status, body) = try await withDeadline(timeout, failure: LanguageModelError.timedOut(after: timeout)) {
            try await self.execute(request)
        }
        return try parse(status: status, body: body)
    }

    private func request(system: String, prompt: String, maxTokens: Int) throws -> HTTPClientRequest {
        var base = configuration.url.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var request = HTTPClientRequest(url: base + "/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        if let key = configuration.apiKey, !key.isEmpty { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        let body = ChatCompletion.Request(
            model: configuration.model,
            messages: [.init(role: "system", content: system), .init(role: "user", content: prompt)],
            maxTokens: maxTokens, temperature: 0)
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(body)))
        return request
    }

    private func execute(_ request: HTTPClientRequest) async throws -> (Int, Data) {
        let timeout = configuration.timeout.components
        let deadline = NIODeadline.now() + .nanoseconds(timeout.seconds * 1_000_000_000 + timeout.attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(request, deadline: deadline)
            let body = try await response.body.collect(upTo: Self.maximumResponseSize)
            return (Int(response.status.code), Data(body.readableBytesView))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw LanguageModelError.timedOut(after: configuration.timeout)
        } catch is NIOTooManyBytesError {
            throw LanguageModelError.malformedResponse(reason: "the answer is larger than \(Self.maximumResponseSize) bytes")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw LanguageModelError.unreachable(reason: redacted("\(error)"))
        }
    }

    private func parse(status: Int, body: Data) throws -> String {
        guard (200..<300).contains(status) else {
            let message = (try? JSONDecoder().decode(ChatCompletion.ErrorResponse.self, from: body))?.error.message
            throw LanguageModelError.rejected(status: status, message: message.map(redacted))
        }
        let completion: ChatCompletion.Response
        do {
            completion = try JSONDecoder().decode(ChatCompletion.Response.self, from: body)
        } catch {
            throw LanguageModelError.malformedResponse(reason: redacted("the body is not a chat completion: \(Self.excerpt(body))"))
        }
        guard let content = completion.choices.first?.message.content else {
            throw LanguageModelError.malformedResponse(reason: "the completion has no text")
        }
        return content
    }

    /// `text` with the API key cut out, for anything that reaches an error or a log.
    private func redacted(_ text: String) -> String {
        guard let key = configuration.apiKey, !key.isEmpty else { return text }
        return text.replacingOccurrences(of: key, with: "[redacted]")
    }

    private static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return body.count > 200 ? text + "…" : text
    }
}
