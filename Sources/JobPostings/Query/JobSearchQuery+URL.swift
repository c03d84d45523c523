
extension JobSearchQuery {
    /// Reads a `GET /api/v1/jobs` query string exactly as the route does (for benchmarks and tools).
    public init(urlQuery: String) throws {
        self = try JobSearchParameters.parse(QueryParameters(rawQuery: urlQuery))
    }
}
