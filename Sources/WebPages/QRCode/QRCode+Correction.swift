extension QRCode {
    /// How many codewords the symbol can lose and still be read: about 7, 15, 25 and 30 percent.
    public enum Correction: Sendable, Hashable, CaseIterable {
        case low
        case medium
        case quartile
        case high

        /// The two bits the format information carries; the standard numbers the levels out of order.
        var formatBits: Int {
            switch self {
            case .low: 0b01
            case .medium: 0b00
            case .quartile: 0b11
            case .high: 0b10
            }
        }
    }
}
