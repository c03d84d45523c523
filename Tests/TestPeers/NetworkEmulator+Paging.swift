import Foundation

/// Listings answered a page at a time, as the networks page them: the Graph API with `limit`, an `after`
/// cursor and the next page's absolute address; LinkedIn with `start` and `count`; Twilio with `PageSize`,
/// `Page` and `next_page_uri` (in the routes).
extension NetworkEmulator {
    /// A page of a Graph API listing: `limit` items from the `after` cursor, and the absolute address of the next page.
    static func graphPage(_ items: [[String: String]], form: [String: String], headers: [String: String], path: String) -> Answer {
        let limit = Int(form["limit"] ?? "") ?? 25, offset = Int(form["after"] ?? "") ?? 0
        var answer: [String: Any] = ["data": Array(items.dropFirst(offset).prefix(limit))]
        if offset + limit < items.count, let host = headers["host"] {
            let query = form.filter { $0.key != "after" }.sorted { $0.key < $1.key }.map { "\(escaped($0.key))=\(escaped($0.value))" }
            answer["paging"] = ["cursors": ["after": String(offset + limit)],
                                "next": "http://\(host)/\(path)?" + (query + ["after=\(offset + limit)"]).joined(separator: "&")]
        }
        return json(.ok, answer)
    }

    static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
