/// One value of a row read by position (`SQLStore.values`): the kinds Wayfinder's tables hold
/// (every integer is a 64-bit one, every string text).
public enum ColumnValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)

    /// Reads a row of values as a record's fields, naming the column that is not what it should be.
    struct Reader {
        let values: [ColumnValue]
        let columns: [String]

        func integer(_ index: Int) throws -> Int64 {
            guard case .integer(let value) = values[index] else { throw mismatch(index, "an integer") }
            return value
        }

        func text(_ index: Int) throws -> String {
            guard case .text(let value) = values[index] else { throw mismatch(index, "text") }
            return value
        }

        func optionalInteger(_ index: Int) throws -> Int64? {
            if case .null = values[index] { return nil }
            return try integer(index)
        }

        func optionalText(_ index: Int) throws -> String? {
            if case .null = values[index] { return nil }
            return try text(index)
        }

        private func mismatch(_ index: Int, _ expected: String) -> ColumnValueMismatch {
            ColumnValueMismatch(column: index < columns.count ? columns[index] : "#\(index)", expected: expected)
        }
    }
}

/// A column held another kind of value than its record expects (a schema out of step with the code).
public struct ColumnValueMismatch: Error, CustomStringConvertible {
    public let column: String
    public let expected: String
    public var description: String { "column \(column) does not hold \(expected)" }
}
