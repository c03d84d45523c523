import Foundation

/// A segment on disk: every column and postings array in a fixed order, sealed with a checksum.
/// Per-document columns are bit-packed (`PackedIntegers`) and unpacked at open; postings are read
/// in place from the mapping.
enum SegmentFile {
    static let magic: Int64 = 0x5746_5345_4731_0003  // "WFSEG1", format 3 (packed columns, block-packed postings read in place)

    static func encode(_ segment: Segment) -> Data {
        var writer = BinaryWriter()
        writer.append(magic)
        writer.append(Int64(segment.count))
        let minimumSalaries = (0..<segment.count).map(segment.minimumSalary(of:))
        let maximumSalaries = (0..<segment.count).map(segment.maximumSalary(of:))
        for column in [segment.rowIDs, segment.postedAt, segment.expiresAt, minimumSalaries, maximumSalaries] {
            writer.append(PackedIntegers.encode(column))
        }
        writer.append(segment.remote.words)
        for lengths in segment.fieldLengths { writer.append(PackedIntegers.encode(lengths.array)) }
        for column in keywordColumns(of: segment) {
            writer.append(PackedIntegers.encode(column.ordinals))
            writer.append(strings: column.values)
        }
        let skills = segment.skills.lists()
        writer.append(PackedIntegers.encode(skills.counts))
        writer.append(PackedIntegers.encode(skills.entries))
        writer.append(strings: segment.skills.values)
        for field in segment.fields {
            writer.append(field.termBytes)
            writer.append(field.termOffsets)
            writer.append(field.termStarts)
            writer.append(field.dataOffsets)
            writer.append(field.maxFrequency)
            writer.append(field.minLength)
            writer.append(field.data)
        }
        return writer.sealed()
    }

    static func decode(_ data: Data) throws -> Segment {
        var reader = try BinaryReader(sealed: data)
        return try decode(&reader)
    }

    /// Reads a segment from a mapped file: the postings stay where they are.
    static func decode(mapped storage: ColumnStorage) throws -> Segment {
        var reader = try BinaryReader(verified: storage)
        return try decode(&reader)
    }

    private static func decode(_ reader: inout BinaryReader) throws -> Segment {
        guard try reader.int64() == magic else { throw BinaryReader.Failure.malformed }
        let count = Int(try reader.int64())
        guard count >= 0 else { throw BinaryReader.Failure.malformed }
        func integers<Value: FixedWidthInteger>(_ type: Value.Type, count: Int) throws -> [Value] {
            try PackedIntegers.decode(reader.column(of: UInt8.self), as: type, count: count)
        }
        var columns = SegmentColumns()
        columns.rowIDs = try integers(Int64.self, count: count)
        columns.postedAt = try integers(Int64.self, count: count)
        columns.expiresAt = try integers(Int64.self, count: count)
        columns.minSalary = try integers(Int64.self, count: count)
        columns.maxSalary = try integers(Int64.self, count: count)
        let remoteWords = try reader.array(of: UInt64.self)
        guard remoteWords.count == (count + 63) / 64 else { throw BinaryReader.Failure.malformed }
        columns.remote = (0..<count).map { remoteWords[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
        columns.fieldLengths = try SearchField.allCases.map { _ in try integers(UInt16.self, count: count) }
        var keywords: [KeywordColumn] = []
        for _ in 0..<5 {
            let ordinals = try integers(UInt32.self, count: count)
            let values = try reader.strings()
            guard ordinals.allSatisfy({ Int($0) < values.count }) else { throw BinaryReader.Failure.malformed }
            keywords.append(KeywordColumn(ordinals: ordinals, values: values))
        }
        (columns.location, columns.company, columns.employmentType, columns.provider, columns.currency) =
            (keywords[0], keywords[1], keywords[2], keywords[3], keywords[4])
        var skillStarts: [UInt32] = [0]
        skillStarts.reserveCapacity(count + 1)
        for skills in try integers(UInt32.self, count: count) {
            let (end, overflow) = skillStarts[skillStarts.count - 1].addingReportingOverflow(skills)
            guard !overflow else { throw BinaryReader.Failure.malformed }
            skillStarts.append(end)
        }
        let skillEntries = try integers(UInt32.self, count: Int(skillStarts[count]))
        let skillValues = try reader.strings()
        guard skillEntries.allSatisfy({ Int($0 >> 1) < skillValues.count }) else { throw BinaryReader.Failure.malformed }
        columns.skills = SkillColumn(starts: skillStarts, entries: skillEntries, values: skillValues)
        let fields = try SearchField.allCases.map { _ in try readField(&reader) }
        return Segment(columns: columns, fields: fields)
    }

    private static func readField(_ reader: inout BinaryReader) throws -> FieldPostings {
        var field = FieldPostings()
        field.termBytes = try reader.column(of: UInt8.self)
        field.termOffsets = try reader.column(of: UInt32.self)
        field.termStarts = try reader.column(of: UInt32.self)
        field.dataOffsets = try reader.column(of: UInt64.self)
        field.maxFrequency = try reader.column(of: UInt8.self)
        field.minLength = try reader.column(of: UInt16.self)
        field.data = try reader.column(of: UInt8.self)
        // Enough consistency for every term's bytes and postings to lie inside their columns; the
        // checksum stands for the rest. Reading the postings themselves would page them all in.
        let terms = field.termStarts.count - 1
        guard terms >= 0, field.termOffsets.count == terms + 1, field.dataOffsets.count == terms + 1,
              field.maxFrequency.count == terms, field.minLength.count == terms,
              field.termOffsets.last.map(Int.init) == field.termBytes.count,
              field.dataOffsets.last.map({ Int($0) + FieldPostings.padding }) == field.data.count,
              isAscending(field.termOffsets), isAscending(field.termStarts), isAscending(field.dataOffsets) else {
            throw BinaryReader.Failure.malformed
        }
        return field
    }

    private static func isAscending<Element: FixedWidthInteger>(_ column: Column<Element>) -> Bool {
        column.first == 0 && zip(column, column.dropFirst()).allSatisfy { $0 <= $1 }
    }

    private static func keywordColumns(of segment: Segment) -> [KeywordColumn] {
        [segment.location, segment.company, segment.employmentType, segment.provider, segment.currency]
    }
}
