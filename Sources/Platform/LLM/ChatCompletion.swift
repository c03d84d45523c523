/// The parts of OpenAI's chat-completions wire format that Wayfinder sends and reads.
enum ChatCompletion {
    struct Request: Encodable {
        struct Message: Encodable {
            var role: String
            var content: String
        }

        var model: String
        var messages: [Message]
        var maxTokens: Int
        var temperature: Double

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature
            case maxTokens = "max_tokens"
        }
    }

    /// A success body: `{"choices": [{"message": {"role": "assistant", "content": "..."}}], ...}`.
    struct Response: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable {
                /// Null when the model answered with something other than text (a tool call, a refusal).
                var content: String?
            }

            var message: Message
        }

        var choices: [Choice]
    }

    /// An error body: `{"error": {"message": "...", "type": "...", "code": ...}}`.
    struct ErrorResponse: Decodable {
        struct Detail: Decodable {
            var message: String?
        }

        var error: Detail
    }
}
