import Domain

/// One spelling for every JSON value, so the same details always hash the same, also after a trip through
/// a database that parses and prints them again.
///
/// Objects list their keys sorted by UTF-8 bytes (the same as by code point); there is no whitespace;
/// strings escape only `"`, `\` and control characters (`\b \f \n \r \t`, others as `\u00xx`), everything
/// else is written as it is.
/// Numbers: a whole number below 2^53 in magnitude is written as an integer (`5`, never `5.0`, and `0` for
/// `-0`); any other finite number in Swift's shortest form that reads back to the same `Double` (`0.1`,
/// `1e+20`); a non-finite number, which JSON cannot carry, as `null`.
public enum CanonicalJSON {
    public static func text(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    static func write(_ value: JSONValue, into output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .number(let number):
            output += self.number(number)
        case .string(let string):
            write(string: string, into: &output)
        case .array(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                write(element, into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (position, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if position > 0 { output += "," }
                write(string: key, into: &output)
                output += ":"
                write(members[key]!, into: &output)
            }
            output += "}"
        }
    }

    static func number(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(.towardZero), abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    static func write(string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
