import Foundation
import Testing

/// The stylesheet's colour pairs meet WCAG AA (4.5:1 for text) in light and dark mode.
@Suite("Colour contrast")
struct ColourContrastTests {
    static let stylesheet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/WebPages/Assets/app.css")

    /// `--name: #rrggbb` declarations of one block of the stylesheet.
    static func variables(_ block: Substring) -> [String: String] {
        Dictionary(block.matches(of: /--([a-z-]+):\s*(#[0-9a-fA-F]{6})/).map { (String($0.output.1), String($0.output.2)) }, uniquingKeysWith: { $1 })
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        func linear(_ shift: Int) -> Double {
            let channel = Double((value >> shift) & 0xFF) / 255
            return channel <= 0.03928 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        let red: Double = 0.2126 * linear(16), green: Double = 0.7152 * linear(8), blue: Double = 0.0722 * linear(0)
        return red + green + blue
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test("text, links, buttons, badges and errors reach 4.5:1 on their backgrounds in both colour schemes")
    func aa() throws {
        let css = try String(contentsOf: Self.stylesheet, encoding: .utf8)
        let light = Self.variables(css[..<css.range(of: "@media (prefers-color-scheme: dark)")!.lowerBound])
        let dark = light.merging(Self.variables(css[css.range(of: "@media (prefers-color-scheme: dark)")!.upperBound...].prefix(600))) { $1 }
        #expect(light != dark)
        for (scheme, colours) in [("light", light), ("dark", dark)] {
            for (foreground, background) in [("fg", "bg"), ("muted", "bg"), ("accent", "bg"), ("fg", "card"), ("muted", "card"), ("accent", "card"),
                                             ("accent-fg", "accent"), ("danger", "bg"), ("danger", "card"), ("ok", "card"), ("fg", "mark")] {
                let ratio = Self.contrast(try #require(colours[foreground]), try #require(colours[background]))
                #expect(ratio >= 4.5, "\(scheme): \(foreground) on \(background) is \(String(format: "%.2f", ratio)):1")
            }
        }
    }
}
