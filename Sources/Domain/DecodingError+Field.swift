/// A decoding failure as the field it concerns, named as the client wrote it ("roles[3].sensitivity").
extension DecodingError {
    public func fieldError(prefix: String = "") -> FieldError {
        func path(_ keys: [any CodingKey]) -> String {
            var text = prefix
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "body" : text
        }
        switch self {
        case .keyNotFound(let key, let context): return FieldError(field: path(context.codingPath + [key]), message: "is required")
        case .typeMismatch(let type, let context): return FieldError(field: path(context.codingPath), message: "must be \(type)")
        case .valueNotFound(_, let context): return FieldError(field: path(context.codingPath), message: "must not be null")
        case .dataCorrupted(let context): return FieldError(field: path(context.codingPath), message: context.debugDescription)
        @unknown default: return FieldError(field: prefix.isEmpty ? "body" : prefix, message: "is not valid")
        }
    }
}
