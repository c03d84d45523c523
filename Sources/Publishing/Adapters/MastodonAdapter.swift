import Foundation
import Platform

/// Mastodon's `POST /api/v1/statuses` with a bearer token and `Idempotency-Key`: Mastodon keeps the key for
/// an hour and answers a repeat with the status it already made, so an attempt with no answer is simply
/// sent again. Images go first to `POST /api/v2/media`.
struct MastodonAdapter: ChannelAdapter {
    let kind = ChannelKind.mastodon
    let http: ChannelHTTP

    struct Status: Encodable {
        var status: String
        var media_ids: [String]
        var visibility: String
    }

    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt {
        let base = try channel.required(channel.settings.baseURL, "instance URL")
        let token = try channel.required(channel.secrets.accessToken, "access token")
        var mediaIDs: [String] = []
        for media in post.media.prefix(4) {
            mediaIDs.append(try await upload(media, base: base, token: token, key: "\(post.idempotencyKey)-\(media.id)"))
        }
        var request: HTTPOutgoingRequest
        do {
            request = try .json(url: try ChannelHTTP.url(base, "/api/v1/statuses"), Status(status: post.text, media_ids: mediaIDs, visibility: "public"))
        } catch let failure as ChannelFailure { throw failure } catch { throw .rejected("the message could not be encoded") }
        request.headers["Authorization"] = "Bearer \(token)"
        request.headers["Idempotency-Key"] = post.idempotencyKey
        let response = try await http.send(request, network: "Mastodon")
        let status = ChannelHTTP.json(response)
        guard let id = status["id"] as? String else { throw .noAnswer("Mastodon answered \(response.status) without a status id") }
        return DeliveryReceipt(externalID: id, url: status["url"] as? String)
    }

    func test(_ channel: Channel) async throws(ChannelFailure) -> String {
        let base = try channel.required(channel.settings.baseURL, "instance URL")
        var request = HTTPOutgoingRequest(method: "GET", url: try ChannelHTTP.url(base, "/api/v1/accounts/verify_credentials"))
        request.headers["Authorization"] = "Bearer \(try channel.required(channel.secrets.accessToken, "access token"))"
        let account = ChannelHTTP.json(try await http.send(request, network: "Mastodon"))
        return "signed in to Mastodon as @\(account["acct"] as? String ?? "?")"
    }

    private func upload(_ media: PostMedia, base: String, token: String, key: String) async throws(ChannelFailure) -> String {
        let data: Data
        do { data = try await media.load() } catch { throw .unavailable("the image \(media.filename) could not be read: \(error)") }
        let boundary = "wayfinder-\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(media.filename)\"\r\n".utf8)
        body.append(Data("Content-Type: \(media.contentType)\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let request = HTTPOutgoingRequest(url: try ChannelHTTP.url(base, "/api/v2/media"),
                                          headers: ["Authorization": "Bearer \(token)", "Idempotency-Key": key,
                                                    "Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
        let response = try await http.send(request, network: "Mastodon")
        guard let id = ChannelHTTP.json(response)["id"] as? String else { throw .unavailable("Mastodon took the image without an id") }
        return id
    }
}
