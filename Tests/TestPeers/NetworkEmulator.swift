import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Local servers that behave like the networks the publisher posts to, as their documentation describes
/// them: the same paths, authentication, success answers and error shapes. A test scripts how each
/// network answers its next requests (refuse, expire the token, throttle with `Retry-After`, fail, or take
/// the post and then hang past the client's timeout) and reads back exactly which posts each one made.
/// Mastodon and webhooks keep idempotency keys, as Mastodon does for an hour: a repeat returns the first answer.
public actor NetworkEmulator {
    public enum Network: String, Sendable, CaseIterable {
        case webhook, slack, discord, mastodon, linkedin, facebook, instagram, twilio
    }

    public enum Behaviour: Sendable, Equatable {
        /// Answer as the network normally would (to let a first request of several through).
        case pass
        /// Refuse the post as invalid (the network's own validation error).
        case reject
        /// Refuse the token as expired; the token stays expired.
        case expireToken
        case throttle(retryAfter: Int)
        case fail
        /// Take the post, then answer only after this long (past the client's timeout).
        case hang(Duration)
    }

    /// A post a network made.
    public struct Post: Sendable {
        public var id: String
        public var text: String
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: Data
    }

    private var scripts: [Network: [Behaviour]] = [:]
    private var made: [Network: [Post]] = [:]
    private var requestCounts: [Network: Int] = [:]
    private var answered: [String: (HTTPResponse.Status, [String: String], Data)] = [:]
    private var expiredTokens: Set<String> = []
    private var counter = 1_000
    /// Set when the test is over: hanging answers end, so the server can shut down gracefully.
    private(set) var isStopping = false

    public init() {}

    func stop() { isStopping = true }

    public func script(_ network: Network, _ behaviours: [Behaviour]) { scripts[network, default: []] += behaviours }
    public func posts(_ network: Network) -> [Post] { made[network] ?? [] }
    public func requests(_ network: Network) -> Int { requestCounts[network] ?? 0 }
    public func expire(token: String) { expiredTokens.insert(token) }

    /// The base URL of each network on a server at `root`.
    public static func base(_ network: Network, root: String) -> String { "\(root)/\(network.rawValue)" }

    struct Answer {
        var status: HTTPResponse.Status
        var headers: [String: String] = [:]
        var body: Data
        var delay: Duration?
    }

    func handle(method: String, path: String, query: [String: String], headers: [String: String], body: Data) -> Answer {
        let parts = path.split(separator: "/").map(String.init)
        guard let first = parts.first, let network = Network(rawValue: first) else { return Self.json(.notFound, ["error": "no such network"]) }
        requestCounts[network, default: 0] += 1
        let rest = Array(parts.dropFirst())
        let form = Self.form(body, headers: headers).merging(query) { body, _ in body }
        let isPost = method == "POST"
        // A repeated idempotency key gets the first answer and makes nothing new.
        if isPost, [.webhook, .mastodon].contains(network), let key = headers["idempotency-key"], let earlier = answered["\(network):\(path):\(key)"] {
            return Answer(status: earlier.0, headers: earlier.1, body: earlier.2)
        }
        let token = Self.token(network, headers: headers, form: form)
        let behaviour = scripts[network]?.isEmpty == false ? scripts[network]!.removeFirst() : nil
        if let token, expiredTokens.contains(token) || behaviour == .expireToken {
            expiredTokens.insert(token)
            return Self.expired(network)
        }
        switch behaviour {
        case .reject?: return Self.invalid(network)
        case .throttle(let seconds)?: var answer = Self.throttled(network); answer.headers["Retry-After"] = String(seconds); return answer
        case .fail?: return Self.failed(network)
        case .expireToken?: return Self.expired(network)
        case .hang?, .pass?, nil: break
        }
        var answer = route(network, method: method, rest: rest, form: form, headers: headers, body: body)
        if case .hang(let delay)? = behaviour { answer.delay = delay }
        if isPost, [.webhook, .mastodon].contains(network), let key = headers["idempotency-key"], answer.status.code < 300 {
            answered["\(network):\(path):\(key)"] = (answer.status, answer.headers, answer.body)
        }
        return answer
    }

    private func make(_ network: Network, text: String, headers: [String: String], body: Data, prefix: String) -> String {
        counter += 1
        let id = "\(prefix)\(counter)"
        made[network, default: []].append(Post(id: id, text: text, headers: headers, body: body))
        return id
    }

    private func route(_ network: Network, method: String, rest: [String], form: [String: String], headers: [String: String], body: Data) -> Answer {
        let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        switch (network, method, rest.last ?? "") {
        case (.webhook, "POST", _):
            let text = json["text"] as? String ?? ""
            return Self.json(.ok, ["id": make(.webhook, text: text, headers: headers, body: body, prefix: "wh-")])
        case (.slack, "POST", _):
            guard let text = json["text"] as? String, !text.isEmpty else { return Self.text(.badRequest, "no_text") }
            _ = make(.slack, text: text, headers: headers, body: body, prefix: "slack-")
            return Self.text(.ok, "ok")
        case (.discord, "GET", _):
            return Self.json(.ok, ["id": rest.dropLast().last ?? "", "name": "Wayfinder", "type": 1])
        case (.discord, "POST", _):
            guard let content = json["content"] as? String, content.count <= 2_000 else {
                return Self.json(.badRequest, ["message": "Invalid Form Body", "code": 50035])
            }
            let id = make(.discord, text: content, headers: headers, body: body, prefix: "")
            return Self.json(.ok, ["id": id, "channel_id": "42", "guild_id": "7", "content": content, "type": 0])
        case (.mastodon, "GET", "verify_credentials"):
            return Self.json(.ok, ["id": "1", "username": "wayfinder", "acct": "wayfinder"])
        case (.mastodon, "POST", "media"):
            counter += 1
            return Self.json(.ok, ["id": "media-\(counter)", "type": "image"])
        case (.mastodon, "POST", "statuses"):
            // Mastodon counts every URL as 23 characters.
            guard let status = json["status"] as? String, status.replacing(/https?:\/\/\S+/, with: String(repeating: "x", count: 23)).count <= 500 else {
                return Self.json(.unprocessableContent, ["error": "Validation failed: Text character limit of 500 exceeded"])
            }
            let id = make(.mastodon, text: status, headers: headers, body: body, prefix: "")
            return Self.json(.ok, ["id": id, "url": "https://mastodon.example/@wayfinder/\(id)", "content": status])
        case (.linkedin, "POST", "accessToken"):
            counter += 1
            return Self.json(.ok, ["access_token": "linkedin-fresh-\(counter)", "expires_in": 5_184_000, "refresh_token": "linkedin-refresh-\(counter)"])
        case (.linkedin, _, "posts"):
            guard headers["linkedin-version"] != nil, headers["x-restli-protocol-version"] == "2.0.0" else {
                return Self.json(.badRequest, ["status": 400, "message": "A version header is required"])
            }
            if method == "GET" {
                let all = (made[.linkedin] ?? []).reversed().map { ["id": $0.id, "commentary": $0.text] }
                let start = Int(form["start"] ?? "") ?? 0, count = Int(form["count"] ?? "") ?? 10
                let elements = Array(all.dropFirst(start).prefix(count))
                return Self.json(.ok, ["elements": elements, "paging": ["count": count, "start": start, "total": all.count]])
            }
            guard let commentary = json["commentary"] as? String, commentary.count <= 3_000, json["author"] is String else {
                return Self.json(.unprocessableContent, ["status": 422, "message": "commentary is invalid"])
            }
            let id = make(.linkedin, text: commentary, headers: headers, body: body, prefix: "urn:li:share:")
            return Answer(status: .created, headers: ["x-restli-id": id], body: Data())
        case (.facebook, _, "access_token"), (.instagram, _, "access_token"):
            counter += 1
            return Self.json(.ok, ["access_token": "\(network.rawValue)-long-\(counter)", "token_type": "bearer", "expires_in": 5_184_000])
        case (.facebook, "POST", "feed"):
            guard let message = form["message"], !message.isEmpty else { return Self.invalid(.facebook) }
            return Self.json(.ok, ["id": make(.facebook, text: message, headers: headers, body: body, prefix: "\(rest.first ?? "page")_")])
        case (.facebook, "GET", "feed"):
            return Self.graphPage((made[.facebook] ?? []).reversed().map { ["id": $0.id, "message": $0.text] }, form: form, headers: headers,
                                  path: "facebook/" + rest.joined(separator: "/"))
        case (.instagram, "POST", "media"):
            guard form["image_url"] != nil else { return Self.invalid(.instagram) }
            counter += 1
            return Self.json(.ok, ["id": "container-\(counter)|\(form["caption"] ?? "")"])
        case (.instagram, "POST", "media_publish"):
            guard let creation = form["creation_id"], let bar = creation.firstIndex(of: "|") else { return Self.invalid(.instagram) }
            let caption = String(creation[creation.index(after: bar)...])
            return Self.json(.ok, ["id": make(.instagram, text: caption, headers: headers, body: body, prefix: "ig-")])
        case (.instagram, "GET", "media"):
            return Self.graphPage((made[.instagram] ?? []).reversed().map { ["id": $0.id, "caption": $0.text, "permalink": "https://instagram.example/p/\($0.id)"] },
                                  form: form, headers: headers, path: "instagram/" + rest.joined(separator: "/"))
        case (.facebook, "GET", _), (.instagram, "GET", _):
            return Self.json(.ok, ["id": rest.last ?? "", "name": "Wayfinder", "username": "wayfinder", "permalink": "https://instagram.example/p/\(rest.last ?? "")"])
        case (.twilio, "GET", "Messages.json"):
            let sent = (made[.twilio] ?? []).filter { Self.form($0.body, headers: $0.headers)["To"] == form["To"] }.reversed()
            let size = Int(form["PageSize"] ?? "") ?? 50, number = Int(form["Page"] ?? "") ?? 0
            let messages = Array(sent.dropFirst(size * number).prefix(size)).map { ["sid": $0.id, "body": $0.text, "status": "sent"] }
            var page: [String: Any] = ["messages": messages, "page": number, "page_size": size]
            // Twilio's next page is a path from the API's root, query included.
            if size * (number + 1) < sent.count {
                let query = form.filter { $0.key != "Page" }.sorted { $0.key < $1.key }.map { "\(Self.escaped($0.key))=\(Self.escaped($0.value))" }
                page["next_page_uri"] = "/" + rest.joined(separator: "/") + "?" + (query + ["Page=\(number + 1)"]).joined(separator: "&")
            }
            return Self.json(.ok, page)
        case (.twilio, "POST", "Messages.json"):
            guard let to = form["To"], to.hasPrefix("+"), let text = form["Body"], !text.isEmpty, text.count <= 1_600 else {
                return Self.json(.badRequest, ["code": 21211, "message": "The 'To' number is not a valid phone number.", "status": 400])
            }
            let sid = make(.twilio, text: text, headers: headers, body: body, prefix: "SM")
            return Self.json(.created, ["sid": sid, "status": "queued", "body": text, "to": to, "num_segments": "1"])
        case (.twilio, "GET", _):
            return Self.json(.ok, ["sid": "AC1", "friendly_name": "Wayfinder", "status": "active"])
        default:
            return Self.json(.notFound, ["error": "no such route: \(method) \(rest.joined(separator: "/"))"])
        }
    }

    /// The credential the request carries, as each network takes it.
    static func token(_ network: Network, headers: [String: String], form: [String: String]) -> String? {
        switch network {
        case .mastodon, .linkedin: headers["authorization"].map { String($0.dropFirst("Bearer ".count)) }
        case .facebook, .instagram: form["access_token"]
        case .twilio: headers["authorization"]
        case .webhook, .slack, .discord: nil
        }
    }

    static func expired(_ network: Network) -> Answer {
        switch network {
        case .facebook, .instagram:
            json(.badRequest, ["error": ["message": "Error validating access token: Session has expired", "type": "OAuthException", "code": 190, "error_subcode": 463]])
        case .linkedin: json(.unauthorized, ["status": 401, "serviceErrorCode": 65601, "code": "REVOKED_ACCESS_TOKEN", "message": "The token used in the request has been revoked by the user"])
        case .twilio: json(.unauthorized, ["code": 20003, "message": "Authenticate", "status": 401])
        case .discord: json(.unauthorized, ["message": "Invalid Webhook Token", "code": 50027])
        case .slack: text(.forbidden, "invalid_token")
        default: json(.unauthorized, ["error": "The access token is invalid"])
        }
    }

    static func invalid(_ network: Network) -> Answer {
        switch network {
        case .facebook, .instagram: json(.badRequest, ["error": ["message": "(#100) Invalid parameter", "type": "OAuthException", "code": 100]])
        case .slack: text(.badRequest, "invalid_payload")
        case .discord: json(.badRequest, ["message": "Invalid Form Body", "code": 50035])
        case .twilio: json(.badRequest, ["code": 21211, "message": "The 'To' number is not a valid phone number.", "status": 400])
        case .linkedin: json(.unprocessableContent, ["status": 422, "message": "commentary is invalid"])
        default: json(.unprocessableContent, ["error": "Validation failed: Text can't be blank"])
        }
    }

    static func throttled(_ network: Network) -> Answer {
        switch network {
        case .slack: text(.tooManyRequests, "rate_limited")
        case .discord: json(.tooManyRequests, ["message": "You are being rate limited.", "retry_after": 1.0, "global": false])
        case .twilio: json(.tooManyRequests, ["code": 20429, "message": "Too Many Requests", "status": 429])
        case .facebook, .instagram: json(.tooManyRequests, ["error": ["message": "(#4) Application request limit reached", "type": "OAuthException", "code": 4]])
        default: json(.tooManyRequests, ["error": "Too many requests"])
        }
    }

    static func failed(_ network: Network) -> Answer {
        network == .slack ? text(.internalServerError, "rollup_error") : json(.internalServerError, ["error": "Internal server error", "message": "Internal server error"])
    }

    static func json(_ status: HTTPResponse.Status, _ object: Any) -> Answer {
        Answer(status: status, headers: ["Content-Type": "application/json"], body: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Answer {
        Answer(status: status, headers: ["Content-Type": "text/plain"], body: Data(text.utf8))
    }

    static func form(_ body: Data, headers: [String: String]) -> [String: String] {
        guard headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true else { return [:] }
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
            if let name = parts.first { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }

    /// Serves the emulator on a free local port while `body` runs with the server's root URL; hanging answers
    /// end when the test does, so the server shuts down at once.
    public static func serve<Value: Sendable>(_ body: @Sendable (_ emulator: NetworkEmulator, _ root: String) async throws -> Value) async throws -> Value {
        let emulator = NetworkEmulator()
        var logger = Logger(label: "network-emulator")
        logger.logLevel = .critical
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            // HTTP/1's Host header arrives as the request's authority.
            if let authority = request.head.authority { headers["host"] = authority }
            let bytes = try await request.body.collect(upTo: 16 * 1_048_576)
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
            let answer = await emulator.handle(method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
                                               body: Data(bytes.readableBytesView))
            if let delay = answer.delay {
                let end = ContinuousClock.now + delay
                while ContinuousClock.now < end, await !emulator.isStopping { try await Task.sleep(for: .milliseconds(50)) }
            }
            var fields = HTTPFields()
            for (name, value) in answer.headers { if let field = HTTPField.Name(name) { fields[field] = value } }
            return Response(status: answer.status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        return try await withLocalTestServer(responder, logger: logger, beforeShutdown: { await emulator.stop() }) { port in
            try await body(emulator, "http://127.0.0.1:\(port)")
        }
    }

}
