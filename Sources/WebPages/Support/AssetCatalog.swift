import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// The web app's static files, each served under a name carrying its content hash
/// (`/assets/app.3f2a9c1b.css`), so a browser may cache it for a year and still never run stale code.
public struct AssetCatalog: Sendable {
    struct Asset: Sendable {
        var bytes: ByteBuffer
        var contentType: String
    }

    /// Hashed name → file; logical name → hashed URL.
    private let files: [String: Asset]
    private let urls: [String: String]

    public static func bundled() throws -> AssetCatalog {
        guard let directory = Bundle.module.url(forResource: "Assets", withExtension: nil) else {
            throw PageError.missingResources("Assets")
        }
        var files: [String: Asset] = [:], urls: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            let hash = SHA256.hash(data: data).prefix(5).map { String(format: "%02x", $0) }.joined()
            let ext = (name as NSString).pathExtension
            let hashed = "\((name as NSString).deletingPathExtension).\(hash).\(ext)"
            files[hashed] = Asset(bytes: ByteBuffer(bytes: data), contentType: Self.contentType(ext))
            urls[name] = "/assets/\(hashed)"
        }
        return AssetCatalog(files: files, urls: urls)
    }

    /// The URL of a bundled file by its plain name (`app.css`).
    public func url(_ name: String) -> String { urls[name] ?? "/assets/\(name)" }

    func response(for hashedName: String) -> Response? {
        guard let asset = files[hashedName] else { return nil }
        return Response(status: .ok, headers: [
            .contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable",
            .xContentTypeOptions: "nosniff",
        ], body: ResponseBody(byteBuffer: asset.bytes))
    }

    private static func contentType(_ ext: String) -> String {
        switch ext {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }
}

public enum PageError: Error, CustomStringConvertible {
    case missingResources(String)
    public var description: String {
        switch self {
        case .missingResources(let name): "the web app's \(name) are missing from the bundle"
        }
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
}
