/// A QR code (ISO/IEC 18004) as a square of dark and light modules.
public struct QRCode: Sendable, Equatable {
    /// Rows of modules, `true` for dark, without the quiet zone.
    public let modules: [[Bool]]

    public init(modules: [[Bool]]) {
        self.modules = modules
    }

    public var size: Int { modules.count }
}
