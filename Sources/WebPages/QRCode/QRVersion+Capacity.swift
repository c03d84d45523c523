/// How one version at one correction level divides its codewords into Reed–Solomon blocks
/// (ISO/IEC 18004 Table 9). Blocks differ by at most one data codeword: the short ones come first.
struct QRBlockLayout: Sendable, Equatable {
    let totalCodewords: Int
    let blockCount: Int
    let correctionCodewordsPerBlock: Int

    var dataCodewords: Int { totalCodewords - blockCount * correctionCodewordsPerBlock }
    var shortBlockCount: Int { blockCount - totalCodewords % blockCount }
    var shortBlockDataCodewords: Int { totalCodewords / blockCount - correctionCodewordsPerBlock }
}

extension QRVersion {
    func blockLayout(_ correction: QRCode.Correction) -> QRBlockLayout {
        let index = number - 1
        let (blocks, perBlock): ([Int], [Int]) =
            switch correction {
            case .low: (Self.lowBlocks, Self.lowCorrectionPerBlock)
            case .medium: (Self.mediumBlocks, Self.mediumCorrectionPerBlock)
            case .quartile: (Self.quartileBlocks, Self.quartileCorrectionPerBlock)
            case .high: (Self.highBlocks, Self.highCorrectionPerBlock)
            }
        return QRBlockLayout(
            totalCodewords: totalCodewords,
            blockCount: blocks[index],
            correctionCodewordsPerBlock: perBlock[index]
        )
    }

    /// Bits available for the mode indicator, character count and data before padding.
    func dataCapacityBits(_ correction: QRCode.Correction) -> Int {
        blockLayout(correction).dataCodewords * 8
    }

    // The two columns of Table 9 that fix everything else, versions 1 to 40 in order.

    private static let lowBlocks = [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
        8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ]
    private static let mediumBlocks = [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ]
    private static let quartileBlocks = [
        1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
        23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
    ]
    private static let highBlocks = [
        1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
        25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
    ]

    private static let lowCorrectionPerBlock = [
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
        28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ]
    private static let mediumCorrectionPerBlock = [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]
    private static let quartileCorrectionPerBlock = [
        13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
        28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ]
    private static let highCorrectionPerBlock = [
        17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
        30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ]
}
