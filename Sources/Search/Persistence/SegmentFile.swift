import Foundation

/// A segment on disk: every column and postings array in a fixed order, sealed with a checksum.
enum SegmentFile {
    static let magic: Int64 = 0x5746_5345_4731_0002  // "WFSEG1", format 2 (skills)

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
            writer.append(strings: field.terms)
            writer.append(field.termStarts)
            writer.append(field.documents)
            writer.append(field.frequencies)
            writer.append(field.positions)
            writer.append(field.checkpoints)
            writer.append(field.maxFrequency)
            writer.append(field.minLength)
        }
        return writer.sealed()
    }

    static func decode(_ data: Data) throws -> Segment {
        var reader = try BinaryReader(sealed: data)
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
        let fields = try SearchField.allCases.map { _ in try readField(&reader, documentCount: count) }
        return Segment(columns: columns, fields: fields)
    }

    private static func readField(_ reader: inout BinaryReader, documentCount: Int) throws -> FieldPostings {
        var field = FieldPostings()
        field.terms = try reader.strings()
        field.termStarts = try reader.array(of: UInt32.self)
        field.documents = try reader.array(of: UInt32.self)
        field.frequencies = try reader.array(of: UInt8.self)
        field.positions = try reader.array(of: UInt8.self)
        field.checkpoints = try reader.array(of: UInt64.self)
        field.maxFrequency = try reader.array(of: UInt8.self)
        field.minLength = try reader.array(of: UInt16.self)
        // Enough consistency to guarantee no out-of-bounds read later; the checksum covers the rest.
        let entries = field.documents.count
        guard field.termStarts.count == field.terms.count + 1, field.termStarts.last.map(Int.init) == entries,
              field.frequencies.count == entries, field.maxFrequency.count == field.terms.count,
              field.minLength.count == field.terms.count,
              field.checkpoints.count == (entries + FieldPostings.checkpointInterval - 1) / FieldPostings.checkpointInterval,
              field.documents.allSatisfy({ Int($0) < documentCount }) else {
            throw BinaryReader.Failure.malformed
        }
        return field
    }

    private static func keywordColumns(of segment: Segment) -> [KeywordColumn] {
        [segment.location, segment.company, segment.employmentType, segment.provider, segment.currency]
    }
}
