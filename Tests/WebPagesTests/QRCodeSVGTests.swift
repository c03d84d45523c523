import Testing
@testable import WebPages

@Suite("QR code as SVG")
struct QRCodeSVGTests {
    let code = try! QRCode(encoding: "otpauth://totp/Wayfinder:someone%40example.com?secret=ABCDEFGH&issuer=Wayfinder")

    /// Redraws the path's `M x y h n v1 h-n z` runs as modules, so the test checks what is painted.
    private func paintedModules(_ svg: String, quietZone: Int) throws -> [[Bool]] {
        let start = try #require(svg.range(of: " d=\""))
        let path = svg[start.upperBound...].prefix { $0 != "\"" }
        var painted = Array(repeating: Array(repeating: false, count: code.size), count: code.size)
        for run in path.split(separator: "M") {
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            try #require(numbers.count == 5 && numbers[3] == 1 && numbers[2] == numbers[4], "malformed run \(run)")
            let (x, y, length) = (numbers[0] - quietZone, numbers[1] - quietZone, numbers[2])
            for column in x..<(x + length) {
                #expect(!painted[y][column], "module painted twice")
                painted[y][column] = true
            }
        }
        return painted
    }

    @Test(arguments: [0, 4])
    func thePathPaintsExactlyTheDarkModules(quietZone: Int) throws {
        let svg = code.svg(quietZone: quietZone)
        #expect(try paintedModules(svg, quietZone: quietZone) == code.modules)
    }

    @Test func theImageIsSizedInModulesAndScaledToPixels() {
        let side = code.size + 8
        let svg = code.svg(moduleSize: 3, quietZone: 4)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("width=\"\(side * 3)\" height=\"\(side * 3)\" viewBox=\"0 0 \(side) \(side)\""))
        #expect(svg.contains("<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.hasSuffix("</svg>"))
    }

    /// Served under a Content-Security-Policy without 'unsafe-inline', so nothing may rely on inline styles or scripts.
    @Test func theMarkupNeedsNoInlineStyleOrScript() {
        let svg = code.svg()
        for forbidden in ["style", "<script", "onload", "javascript:"] {
            #expect(!svg.contains(forbidden), "contains \(forbidden)")
        }
        #expect(svg.components(separatedBy: "<path").count == 2)
    }

    @Test func theLabelIsAnEscapedAccessibleName() {
        let svg = code.svg(label: "Scan \"Wayfinder\" <a&b>")
        #expect(svg.contains("role=\"img\" aria-label=\"Scan &quot;Wayfinder&quot; &lt;a&amp;b&gt;\""))
    }
}
