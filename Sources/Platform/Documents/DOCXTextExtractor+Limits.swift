extension DOCXTextExtractor {
    /// What a resume's .docx may declare before Wayfinder inflates any of it. A real resume has a few
    /// dozen entries and a few megabytes at most; a zip bomb needs a count, a size or a ratio far beyond that.
    public struct Limits: Sendable, Hashable {
        public var maximumEntryCount: Int
        /// The sum of every entry's declared uncompressed size.
        public var maximumTotalUncompressedBytes: Int
        /// Uncompressed bytes per compressed byte, checked for entries declaring more than
        /// `compressionRatioCheckedAbove`: small XML parts legitimately compress very well.
        public var maximumCompressionRatio: Int
        public var compressionRatioCheckedAbove: Int

        public init(
            maximumEntryCount: Int = 2_000,
            maximumTotalUncompressedBytes: Int = 50 * 1_048_576,
            maximumCompressionRatio: Int = 100,
            compressionRatioCheckedAbove: Int = 1_048_576
        ) {
            self.maximumEntryCount = maximumEntryCount
            self.maximumTotalUncompressedBytes = maximumTotalUncompressedBytes
            self.maximumCompressionRatio = maximumCompressionRatio
            self.compressionRatioCheckedAbove = compressionRatioCheckedAbove
        }

        public static let standard = Limits()
    }
}
