import JobPostings

extension QRCode {
    /// The code as a standalone SVG image: a white square with the dark modules as one path of
    /// horizontal runs. The drawing is in module units (the `viewBox`); `moduleSize` only sets the
    /// intrinsic pixel size. Colours are attributes rather than `style`, so the image renders under a
    /// Content-Security-Policy that forbids inline styles.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4, label: String = "QR code") -> String {
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges" role="img" \
            aria-label="\(HTMLText.escape(label))">\
            <rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path fill="#000" d="\(darkRunsPath(offset: quietZone))"/></svg>
            """
    }

    /// One `M x y h n v1 h-n z` rectangle per run of dark modules in a row: far shorter than a square
    /// per module, and adjacent runs share edges so `crispEdges` leaves no hairlines between them.
    private func darkRunsPath(offset: Int) -> String {
        var path = ""
        for (row, line) in modules.enumerated() {
            var column = 0
            while column < line.count {
                guard line[column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < line.count, line[column] { column += 1 }
                let length = column - start
                path += "M\(start + offset) \(row + offset)h\(length)v1h-\(length)z"
            }
        }
        return path
    }
}
