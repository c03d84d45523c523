/// The documents of one segment that contain one term in one field, in document order,
/// with how often and where (positions feed phrase matching).
struct PostingList: Sendable {
    var documents: [UInt32] = []
    var frequencies: [UInt16] = []
    /// `positions[positionStarts[i]..<positionStarts[i + 1]]` are the positions in `documents[i]`.
    var positionStarts: [UInt32] = [0]
    var positions: [UInt32] = []

    var count: Int { documents.count }

    func positions(at entry: Int) -> ArraySlice<UInt32> {
        positions[Int(positionStarts[entry])..<Int(positionStarts[entry + 1])]
    }

    /// Adds one occurrence; occurrences of one document must arrive together, in position order.
    mutating func add(document: UInt32, position: UInt32) {
        if documents.last == document {
            frequencies[frequencies.count - 1] &+= frequencies[frequencies.count - 1] == .max ? 0 : 1
        } else {
            documents.append(document)
            frequencies.append(1)
            positionStarts.append(positionStarts[positionStarts.count - 1])
        }
        positions.append(position)
        positionStarts[positionStarts.count - 1] += 1
    }

    /// Copies one entry of another list under a new document number (used by merges).
    mutating func append(from other: PostingList, entry: Int, as document: UInt32) {
        documents.append(document)
        frequencies.append(other.frequencies[entry])
        positions.append(contentsOf: other.positions(at: entry))
        positionStarts.append(UInt32(positions.count))
    }
}
