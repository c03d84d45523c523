import Foundation
import Hummingbird
import Mustache

/// Renders a page template into the layout and answers it with the security headers every page carries.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let assets: AssetCatalog

    /// Only this site's own scripts, styles and forms; no framing; `data:` images for the QR code.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    public static func bundled(assets: AssetCatalog) async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw PageError.missingResources("Templates")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory.path), assets: assets)
    }

    /// The page's body rendered from `template` with `model`, inside the layout.
    func render(_ template: String, _ model: Any, frame: PageFrame, status: HTTPResponse.Status = .ok) -> Response {
        let content = library.render(model, withTemplate: template) ?? ""
        var layout = frame
        layout.content = content
        layout.stylesheet = assets.url("app.css")
        layout.script = assets.url("app.js")
        let html = library.render(layout, withTemplate: "layout") ?? content
        return Response(status: status, headers: Self.headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy, .xContentTypeOptions: "nosniff",
        .referrerPolicy: "same-origin", .xFrameOptions: "DENY", .cacheControl: "no-store",
    ]

    /// A redirect after a form (303, so the browser follows with GET).
    static func redirect(to location: String) -> Response {
        var headers = headers
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}

/// What the layout shows around every page.
struct PageFrame {
    var title: String
    var user: UserBadge?
    var csrf: String
    var notice: String?
    var content = ""
    var stylesheet = ""
    var script = ""

    struct UserBadge {
        var name: String
        var isAdmin: Bool
    }
}
