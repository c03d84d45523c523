/// Rows in the text format of PostgreSQL's `COPY … FROM STDIN`: one line per row, values separated by
/// tabs, `\N` for NULL. A backslash, tab, line feed or carriage return inside a value is written as its
/// backslash escape, so no value can end a column or a row early.
struct CopyTextRows: Sendable {
    private(set) var bytes: [UInt8] = []
    private var startsRow = true

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func text(_ value: String?) {
        separate()
        guard var value else { return null() }
        value.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte <= UInt8(ascii: "\\") {
                let escape: UInt8
                switch byte {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(escape)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }

    mutating func integer(_ value: Int64?) {
        separate()
        guard let value else { return null() }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends the values of `other`, the unended start of a row, as the current row's next columns.
    mutating func append(columnsOf other: CopyTextRows) {
        guard !other.startsRow else { return }
        separate()
        bytes.append(contentsOf: other.bytes)
    }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        startsRow = true
    }

    private mutating func separate() {
        if startsRow { startsRow = false } else { bytes.append(UInt8(ascii: "\t")) }
    }

    private mutating func null() {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "N"))
    }
}

/// A database that can load many rows into a table faster than an INSERT (PostgreSQL's COPY).
protocol BulkRowLoading: Sendable {
    /// Appends `rows` to `table`, whose `columns` they give in order, in the caller's transaction.
    func load(_ rows: CopyTextRows, into table: String, columns: [String]) async throws
}
