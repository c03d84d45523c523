import Domain
import Foundation

/// The query string of a request as form-encoded pairs (`+` is a space, `%2B` a plus), keeping repeats.
public struct QueryParameters: Sendable {
    public private(set) var pairs: [(name: String, value: String)] = []

    /// Throws a 400 problem when the query is not valid percent-encoding.
    public init(rawQuery: String?) throws {
        guard let rawQuery, !rawQuery.isEmpty else { return }
        for piece in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw DomainError.badRequest("The query string is not valid percent-encoding.",
                                             fieldErrors: [FieldError(field: String(parts[0]), message: "is not valid percent-encoding")])
            }
            pairs.append((name, value))
        }
    }

    /// `+` as a space and `%XX` as a byte; nil when a `%` is not followed by two hex digits or the
    /// bytes are not UTF-8. On bytes: Foundation's string replacing took a tenth of a small search.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    public var names: Set<String> { Set(pairs.map(\.name)) }

    /// The last value given for `name`.
    public subscript(_ name: String) -> String? { pairs.last { $0.name == name }?.value }

    /// Every value given for `name`. Lists of codes may also be comma-separated; free text
    /// (locations, company names) may contain commas, so it is only ever repeated.
    public func all(_ name: String, splittingCommas: Bool = false) -> [String] {
        pairs.filter { $0.name == name }
            .flatMap { splittingCommas ? $0.value.split(separator: ",").map(String.init) : [$0.value] }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
