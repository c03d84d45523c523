import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WayfinderApp

@Suite("Search and posting pages")
struct SearchPageTests {
    @Test("/ answers a search as a shareable GET: results with highlights, facets to click, the total and security headers")
    func searchPage() async throws {
        try await WebTestApp.withApp { _, client in
            let response = try await client.execute(uri: "/?q=engineer", method: .get)
            #expect(response.status == .ok)
            let html = response.html
            #expect(html.contains(#"<form method="get" action="/" role="search""#))
            #expect(html.contains(#"name="q" value="engineer""#))
            #expect(html.contains("<mark>Engineer</mark>"))
            #expect(html.contains("29 jobs"))
            #expect(html.contains(#"href="/?q=engineer&amp;remote=true""#))
            #expect(html.contains(#"<a href="/jobs/test%231">"#))
            #expect(html.contains("EUR 60,000–80,000 a year"))
            #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            #expect(!html.contains("<script>"), "no inline script")
            #expect(html.utf8.count < 60_000)
        }
    }

    @Test("a facet link narrows the results and can be clicked again to widen them")
    func facetsNarrow() async throws {
        try await WebTestApp.withApp { _, client in
            let remote = try await client.execute(uri: "/?q=engineer&remote=true", method: .get).html
            #expect(remote.contains("1 job"))
            #expect(remote.contains(#"<a href="/?q=engineer" aria-current="true">"#))
        }
    }

    @Test("pages follow the cursor; an empty search suggests what to change; bad filters are shown, not thrown")
    func pagingAndEmptyState() async throws {
        try await WebTestApp.withApp { _, client in
            let first = try await client.execute(uri: "/?q=support", method: .get).html
            let next = try #require(first.range(of: #"href="([^"]+)" rel="next""#, options: .regularExpression).map { String(first[$0]) })
            let link = String(next.dropFirst(6).prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            let second = try await client.execute(uri: link, method: .get)
            #expect(second.status == .ok && second.html.contains("First page"))
            let empty = try await client.execute(uri: "/?q=astronaut+pilot&location=Mars", method: .get).html
            #expect(empty.contains("No jobs match this search") && empty.contains("Use fewer words"))
            let bad = try await client.execute(uri: "/?min_salary=lots", method: .get)
            #expect(bad.status == .badRequest && bad.html.contains("min_salary: must be a non-negative integer"))
        }
    }

    @Test("a posting's page shows the sanitized description, where script and event handlers are inert")
    func postingIsInert() async throws {
        let hostile = WebTestApp.posting("x", title: "Engineer <img src=x onerror=alert(1)>",
                                          description: "Hi", html: "<p>Hi</p><script>alert(1)</script><img src=\"x\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">x</a>")
        try await WebTestApp.withApp(postings: [hostile]) { services, client in
            let stored = try await services.jobs.posting(jobID: "test#x")
            let page = try await client.execute(uri: "/jobs/test%23x", method: .get)
            #expect(page.status == .ok)
            let html = page.html
            #expect(html.contains("Engineer &lt;img src=x onerror=alert(1)&gt;"))
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("onerror=\""))
            #expect(!html.contains("javascript:"))
            #expect(stored.descriptionHTML?.contains("<script>") == true, "stored as given, so the page itself must sanitize")
            #expect(html.contains("<p>Hi</p>"))
            #expect(html.contains(#"href="https://acme.example/x""#))
            let missing = try await client.execute(uri: "/jobs/nope", method: .get)
            #expect(missing.status == .notFound && missing.html.contains("This job is not here"))
        }
    }

    @Test("assets are served under their content hash and cached for a year")
    func assets() async throws {
        try await WebTestApp.withApp { _, client in
            let html = try await client.execute(uri: "/", method: .get).html
            let css = try #require(html.range(of: #"/assets/app\.[0-9a-f]+\.css"#, options: .regularExpression).map { String(html[$0]) })
            let response = try await client.execute(uri: css, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            #expect(try await client.execute(uri: "/assets/app.0000000000.css", method: .get).status == .notFound)
        }
    }
}
