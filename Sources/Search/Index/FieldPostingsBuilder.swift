/// Collects one field's postings document by document, then lays them out as `FieldPostings`.
/// Terms come numbered by the segment's `TermNumbering`, so adding an occurrence hashes nothing.
struct FieldPostingsBuilder {
    /// Segment term number → this field's slot, or -1.
    private var slots: [Int32] = []
    private var numbers: [Int32] = []
    private var documents: [[UInt32]] = []
    private var frequencies: [[UInt8]] = []
    private var positions: [[UInt8]] = []
    private var lastPosition: [UInt32] = []
    private var maxFrequency: [UInt8] = []
    private var minLength: [UInt16] = []
    private var touched: [Int] = []

    /// Adds one document's numbered terms (in position order) and the field's length.
    mutating func add(document: UInt32, terms numbered: [(number: Int32, position: Int)], length: UInt16) {
        touched.removeAll(keepingCapacity: true)
        for (number, position) in numbered {
            if Int(number) >= slots.count { slots.append(contentsOf: repeatElement(-1, count: Int(number) - slots.count + 1)) }
            var slot = Int(slots[Int(number)])
            if slot < 0 {
                slot = numbers.count
                slots[Int(number)] = Int32(slot)
                numbers.append(number)
                documents.append([])
                frequencies.append([])
                positions.append([])
                lastPosition.append(0)
                maxFrequency.append(0)
                minLength.append(.max)
            }
            let position = UInt32(position)
            if documents[slot].last != document {
                documents[slot].append(document)
                frequencies[slot].append(1)
                Varint.append(position, to: &positions[slot])
                lastPosition[slot] = position
                touched.append(slot)
            } else {
                let last = frequencies[slot].count - 1
                guard frequencies[slot][last] < 255 else { continue }
                frequencies[slot][last] += 1
                Varint.append(position - lastPosition[slot], to: &positions[slot])
                lastPosition[slot] = position
            }
        }
        for slot in touched {
            maxFrequency[slot] = max(maxFrequency[slot], frequencies[slot][frequencies[slot].count - 1])
            minLength[slot] = min(minLength[slot], length)
        }
    }

    /// `terms[number]` names the segment's term numbers.
    func build(terms: [String]) -> FieldPostings {
        let order = numbers.indices.sorted { terms[Int(numbers[$0])] < terms[Int(numbers[$1])] }
        var result = FieldPostings()
        let entryCount = documents.reduce(0) { $0 + $1.count }
        result.terms.reserveCapacity(numbers.count)
        result.termStarts.reserveCapacity(numbers.count + 1)
        result.documents.reserveCapacity(entryCount)
        result.frequencies.reserveCapacity(entryCount)
        result.positions.reserveCapacity(positions.reduce(0) { $0 + $1.count })
        var writer = PositionWriter()
        for slot in order {
            result.terms.append(terms[Int(numbers[slot])])
            result.maxFrequency.append(maxFrequency[slot])
            result.minLength.append(minLength[slot])
            writer.append(entries: frequencies[slot], positions: positions[slot], into: &result)
            result.documents.append(contentsOf: documents[slot])
            result.termStarts.append(UInt32(result.documents.count))
        }
        return result
    }
}

/// Appends entries' positions to a `FieldPostings`, keeping its checkpoints in step.
struct PositionWriter {
    private var entryCount = 0

    /// `positions` holds the varint positions of the entries whose frequencies are given, in order.
    mutating func append(entries frequencies: [UInt8], positions: [UInt8], into postings: inout FieldPostings) {
        var offset = 0
        for frequency in frequencies {
            if entryCount % FieldPostings.checkpointInterval == 0 {
                postings.checkpoints.append(UInt64(postings.positions.count + offset))
            }
            entryCount += 1
            Varint.skip(Int(frequency), in: positions, at: &offset)
        }
        postings.positions.append(contentsOf: positions)
        postings.frequencies.append(contentsOf: frequencies)
    }
}
