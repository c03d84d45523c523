/// Collects one field's postings document by document, then lays them out as `FieldPostings`.
struct FieldPostingsBuilder {
    private var numbers: [String: Int] = [:]
    private var terms: [String] = []
    private var documents: [[UInt32]] = []
    private var frequencies: [[UInt8]] = []
    private var positions: [[UInt8]] = []
    private var lastPosition: [UInt32] = []
    private var maxFrequency: [UInt8] = []
    private var minLength: [UInt16] = []
    private var touched: [Int] = []

    /// Adds one document's analyzed terms (in position order) and the field's length.
    mutating func add(document: UInt32, terms analyzed: [AnalyzedTerm], length: UInt16) {
        touched.removeAll(keepingCapacity: true)
        for item in analyzed {
            let number: Int
            if let known = numbers[item.term] {
                number = known
            } else {
                number = terms.count
                numbers[item.term] = number
                terms.append(item.term)
                documents.append([])
                frequencies.append([])
                positions.append([])
                lastPosition.append(0)
                maxFrequency.append(0)
                minLength.append(.max)
            }
            let position = UInt32(item.position)
            if documents[number].last != document {
                documents[number].append(document)
                frequencies[number].append(1)
                Varint.append(position, to: &positions[number])
                lastPosition[number] = position
                touched.append(number)
            } else {
                let last = frequencies[number].count - 1
                guard frequencies[number][last] < 255 else { continue }
                frequencies[number][last] += 1
                Varint.append(position - lastPosition[number], to: &positions[number])
                lastPosition[number] = position
            }
        }
        for number in touched {
            maxFrequency[number] = max(maxFrequency[number], frequencies[number][frequencies[number].count - 1])
            minLength[number] = min(minLength[number], length)
        }
    }

    func build() -> FieldPostings {
        let order = terms.indices.sorted { terms[$0] < terms[$1] }
        var result = FieldPostings()
        let entryCount = documents.reduce(0) { $0 + $1.count }
        result.terms.reserveCapacity(terms.count)
        result.termStarts.reserveCapacity(terms.count + 1)
        result.documents.reserveCapacity(entryCount)
        result.frequencies.reserveCapacity(entryCount)
        result.positions.reserveCapacity(positions.reduce(0) { $0 + $1.count })
        var writer = PositionWriter()
        for number in order {
            result.terms.append(terms[number])
            result.maxFrequency.append(maxFrequency[number])
            result.minLength.append(minLength[number])
            writer.append(entries: frequencies[number], positions: positions[number], into: &result)
            result.documents.append(contentsOf: documents[number])
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
