import NIOCore
import PostgresNIO

/// One column of a bulk write, bound as a single PostgreSQL array in the binary wire format
/// (`unnest($1::text[], …)` on the server). A bulk write then carries one value per column instead of
/// one per row and column, its statement text stays the same size whatever the number of rows, and the
/// server copies each element by its length instead of parsing a VALUES list or an array's text form.
///
/// Written here rather than bound as a Swift array: the driver encodes `[String?]` (NULL elements)
/// through its slow generic path, value by value.
struct PostgreSQLArray<Element: PostgreSQLArrayElement>: PostgresEncodable, Encodable, Sendable {
    var elements: [Element?]

    init(_ elements: [Element?]) {
        self.elements = elements
    }

    static var psqlType: PostgresDataType { Element.arrayType }
    static var psqlFormat: PostgresFormat { .binary }

    /// Dimensions, whether any element is NULL, the element type; then each dimension's length and lower
    /// bound; then each element's length (-1 for NULL) and bytes. An empty array has no dimensions.
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(elements.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(elements.contains(where: { $0 == nil }) ? 1 : 0, as: Int32.self)
        buffer.writeInteger(Element.elementType.rawValue)
        guard !elements.isEmpty else { return }
        buffer.writeInteger(Int32(elements.count))
        buffer.writeInteger(1, as: Int32.self)
        for element in elements {
            if let element { element.write(into: &buffer) } else { buffer.writeInteger(-1, as: Int32.self) }
        }
    }

    /// For encoders other than PostgreSQL's: the elements as a plain list.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(elements)
    }
}

/// A type `PostgreSQLArray` can hold.
protocol PostgreSQLArrayElement: Sendable, Encodable, Equatable {
    static var elementType: PostgresDataType { get }
    static var arrayType: PostgresDataType { get }
    /// Writes the element's length and binary form.
    func write(into buffer: inout ByteBuffer)
}

extension String: PostgreSQLArrayElement {
    static var elementType: PostgresDataType { .text }
    static var arrayType: PostgresDataType { .textArray }

    func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(Int32(utf8.count))
        buffer.writeString(self)
    }
}

extension Int64: PostgreSQLArrayElement {
    static var elementType: PostgresDataType { .int8 }
    static var arrayType: PostgresDataType { .int8Array }

    func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(8, as: Int32.self)
        buffer.writeInteger(self)
    }
}
