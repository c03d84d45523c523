/// The eight data mask patterns (ISO/IEC 18004 §7.8.2): each inverts the data modules where its
/// condition holds, so that no symbol carries large blank areas or look-alikes of the finder pattern.
enum QRMask: Int, Sendable, CaseIterable {
    case checkerboard = 0
    case evenRows
    case everyThirdColumn
    case diagonals
    case blocks
    case productSum
    case productParity
    case mixedParity

    func inverts(row i: Int, column j: Int) -> Bool {
        switch self {
        case .checkerboard: (i + j) % 2 == 0
        case .evenRows: i % 2 == 0
        case .everyThirdColumn: j % 3 == 0
        case .diagonals: (i + j) % 3 == 0
        case .blocks: (i / 2 + j / 3) % 2 == 0
        case .productSum: (i * j) % 2 + (i * j) % 3 == 0
        case .productParity: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        case .mixedParity: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    /// The mask whose result scores the lowest penalty; on a tie the lower-numbered mask wins,
    /// which keeps the output stable and the same as other encoders'.
    static func lowestPenalty(for matrix: QRMatrix) -> QRMask {
        var best = (mask: QRMask.checkerboard, penalty: Int.max)
        for mask in allCases {
            var candidate = matrix
            candidate.apply(mask)
            let penalty = QRPenalty(candidate.modules).total
            if penalty < best.penalty { best = (mask, penalty) }
        }
        return best.mask
    }
}
