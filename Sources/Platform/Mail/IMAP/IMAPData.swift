import Foundation

/// The untagged data this client asks for, read from responses: the server's capabilities, what
/// EXAMINE reports about the folder, the UIDs a search found, and fetched messages.
enum IMAPData {
    /// The capability names in a `CAPABILITY` response or response code, in capitals.
    static func capabilities(_ list: String) -> Set<String> {
        Set(list.split(separator: " ").map { $0.uppercased() })
    }

    /// `n EXISTS`: the number of messages in the folder.
    static func exists(_ rest: String) -> Int? {
        let words = rest.split(separator: " ")
        guard words.count == 2, words[1].uppercased() == "EXISTS" else { return nil }
        return Int(words[0])
    }

    /// `SEARCH 3 5 9`: the UIDs found (none for a bare `SEARCH`); nil for other responses.
    static func searchResults(_ rest: String) throws -> [UInt32]? {
        let words = rest.split(separator: " ")
        guard words.first?.uppercased() == "SEARCH" else { return nil }
        return try words.dropFirst().map { word in
            // A MODSEQ suffix `(MODSEQ 12)` only follows with CONDSTORE, which this client does not enable.
            guard let uid = UInt32(word) else { throw IMAPError.protocolViolation("a SEARCH result that is not a UID: \(word.prefix(40))") }
            return uid
        }
    }

    /// `n FETCH (…)` with a message: its UID and `BODY[]`. Nil for a FETCH without a body (a flag
    /// change the server reports on its own) and for other responses.
    static func fetchedMessage(_ response: IMAPResponse) throws -> IMAPFetchedMessage? {
        let first = response.lines[0]
        // "* " then the sequence number, a space, "FETCH ".
        var offset = 2
        while offset < first.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first[offset]) { offset += 1 }
        guard offset > 2, offset + 6 < first.count,
              String(decoding: first[offset..<(offset + 7)], as: UTF8.self).uppercased() == " FETCH " else { return nil }
        var reader = IMAPValueReader(response, offset: offset + 7)
        guard case .list(let items) = try reader.read(), items.count.isMultiple(of: 2) else {
            throw IMAPError.protocolViolation("a FETCH response whose items are not pairs")
        }
        var uid: UInt32?
        var body: Data?
        for index in stride(from: 0, to: items.count, by: 2) {
            switch items[index].atom?.uppercased() {
            case "UID":
                guard let value = items[index + 1].atom.flatMap({ UInt32($0) }) else {
                    throw IMAPError.protocolViolation("a FETCH response with a UID that is not a number")
                }
                uid = value
            case "BODY[]":
                switch items[index + 1] {
                case .string(let data): body = data
                case .nil: body = Data()
                default: throw IMAPError.protocolViolation("a FETCH response whose BODY[] is not a string")
                }
            default: continue
            }
        }
        guard let body else { return nil }
        guard let uid else { throw IMAPError.protocolViolation("a FETCH response with a message but without its UID") }
        return IMAPFetchedMessage(uid: uid, raw: body)
    }

    /// A UID set for a command, with runs written as ranges: `1:100,105,200:250`.
    static func sequenceSet(_ sortedUIDs: [UInt32]) -> String {
        var parts: [String] = []
        var index = 0
        while index < sortedUIDs.count {
            let start = sortedUIDs[index]
            var end = start
            while index + 1 < sortedUIDs.count, sortedUIDs[index + 1] == end &+ 1, end < UInt32.max {
                index += 1
                end = sortedUIDs[index]
            }
            parts.append(start == end ? "\(start)" : "\(start):\(end)")
            index += 1
        }
        return parts.joined(separator: ",")
    }
}
