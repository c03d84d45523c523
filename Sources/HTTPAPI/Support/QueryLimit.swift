import Domain
import Hummingbird
import JobPostings

/// The `limit` query parameter of list routes: a whole number within the route's bounds, or 400.
enum QueryLimit {
    static func read(_ request: Request, default fallback: Int, maximum: Int = 100) throws -> Int {
        let query = try QueryParameters(rawQuery: request.uri.query)
        guard let text = query["limit"] else { return fallback }
        guard let limit = Int(text), (1...maximum).contains(limit) else {
            throw DomainError.badRequest("limit must be from 1 to \(maximum).",
                                         fieldErrors: [FieldError(field: "limit", message: "must be an integer from 1 to \(maximum)")])
        }
        return limit
    }
}
