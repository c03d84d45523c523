import Foundation

/// A segment on disk: every column and postings array in a fixed order, sealed with a checksum.
enum SegmentFile {
    static let magic: Int64 = 0x5746_5345_4731_0003  // "WFSEG1", format 3 (block-packed postings, read in place)

    static func encode(_ segment: Segment) -> Data {
        var writer = BinaryWriter()
        writer.append(magic)
        writer.append(segment.rowIDs)
        writer.append(segment.postedAt)
        writer.append(segment.expiresAt)
        writer.append(segment.minSalary)
        writer.append(segment.maxSalary)
        writer.append(segment.remote.words)
        for lengths in segment.fieldLengths { writer.append(lengths) }
        for column in keywordColumns(of: segment) {
            writer.append(column.ordinals)
            writer.append(strings: column.values)
        }
        writer.append(segment.skills.starts)
        writer.append(segment.skills.entries)
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
        var columns = SegmentColumns()
        columns.rowIDs = try reader.array(of: Int64.self)
        columns.postedAt = try reader.array(of: Int64.self)
        columns.expiresAt = try reader.array(of: Int64.self)
        columns.minSalary = try reader.array(of: Int64.self)
        columns.maxSalary = try reader.array(of: Int64.self)
        let count = columns.rowIDs.count
        let remoteWords = try reader.array(of: UInt64.self)
        guard remoteWords.count == (count + 63) / 64 else { throw BinaryReader.Failure.malformed }
        columns.remote = (0..<count).map { remoteWords[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
        columns.fieldLengths = try SearchField.allCases.map { _ in try reader.array(of: UInt16.self) }
        var keywords: [KeywordColumn] = []
        for _ in 0..<5 {
            let ordinals = try reader.array(of: UInt32.self)
            let values = try reader.strings()
            guard ordinals.count == count, ordinals.allSatisfy({ Int($0) < values.count }) else {
                throw BinaryReader.Failure.malformed
            }
            keywords.append(KeywordColumn(ordinals: ordinals, values: values))
        }
        (columns.location, columns.company, columns.employmentType, columns.provider, columns.currency) =
            (keywords[0], keywords[1], keywords[2], keywords[3], keywords[4])
        let skillStarts = try reader.array(of: UInt32.self)
        let skillEntries = try reader.array(of: UInt32.self)
        let skillValues = try reader.strings()
        guard skillStarts.count == count + 1, skillStarts.first == 0, Int(skillStarts.last ?? 1) == skillEntries.count,
              zip(skillStarts, skillStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
              skillEntries.allSatisfy({ Int($0 >> 1) < skillValues.count }) else {
            throw BinaryReader.Failure.malformed
        }
        columns.skills = SkillColumn(starts: skillStarts, entries: skillEntries, values: skillValues)
        guard [columns.postedAt.count, columns.expiresAt.count, columns.minSalary.count, columns.maxSalary.count]
            .allSatisfy({ $0 == count }), columns.fieldLengths.allSatisfy({ $0.count == count }) else {
            throw BinaryReader.Failure.malformed
        }
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
