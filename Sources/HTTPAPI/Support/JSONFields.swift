import Domain
import Foundation
import Hummingbird

/// A JSON object body read field by field, collecting every problem so one answer names them all.
struct JSONFields {
    let fields: [String: JSONValue]
    private(set) var errors: [FieldError] = []

    /// Reads the body as a JSON object (400 when it is not one).
    static func read(_ request: Request, limit: Int = 65_536, allowingEmpty: Bool = false) async throws -> JSONFields {
        guard case .object(let fields) = try await RequestBody.json(request, limit: limit, allowingEmpty: allowingEmpty) else {
            throw DomainError.badRequest("The body must be a JSON object.")
        }
        return JSONFields(fields: fields)
    }

    init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    mutating func string(_ name: String, required: Bool = true, maximumLength: Int = 10_000) -> String? {
        switch fields[name] {
        case .string(let value)? where value.count <= maximumLength:
            return value
        case .string?:
            errors.append(FieldError(field: name, message: "must be at most \(maximumLength) characters"))
        case nil, .null?:
            if required { errors.append(FieldError(field: name, message: "is required")) }
        default:
            errors.append(FieldError(field: name, message: "must be a string"))
        }
        return nil
    }

    mutating func bool(_ name: String) -> Bool? {
        switch fields[name] {
        case .bool(let value)?: return value
        case nil, .null?: return nil
        default:
            errors.append(FieldError(field: name, message: "must be true or false"))
            return nil
        }
    }

    mutating func integer(_ name: String) -> Int? {
        switch fields[name] {
        case .number(let value)? where value.rounded() == value && abs(value) < 1e15: return Int(value)
        case nil, .null?: return nil
        default:
            errors.append(FieldError(field: name, message: "must be a whole number"))
            return nil
        }
    }

    mutating func rejectUnknown(allowing known: Set<String>) {
        for name in Set(fields.keys).subtracting(known).sorted() {
            errors.append(FieldError(field: name, message: "is not a known field"))
        }
    }

    mutating func fail(_ field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    /// Throws 400 naming every bad field.
    func check() throws {
        guard errors.isEmpty else { throw DomainError.badRequest("Some fields are missing or invalid.", fieldErrors: errors) }
    }
}
