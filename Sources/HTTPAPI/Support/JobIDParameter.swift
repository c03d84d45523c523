import Domain
import Foundation
import Hummingbird

/// The `{id}` of a job route. Ids contain '#' (provider#external_id), which clients send as %23.
enum JobIDParameter {
    static func read(_ parameters: Parameters) throws -> String {
        guard let id = try parameters.require("id").removingPercentEncoding else {
            throw DomainError.badRequest("The id is not valid percent-encoding.",
                                         fieldErrors: [FieldError(field: "id", message: "is not valid percent-encoding")])
        }
        return id
    }
}
