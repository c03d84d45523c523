import Domain
import Foundation

/// Maps a schema.org `JobPosting` (as job boards embed it for search engines) onto the normalized fields.
struct SchemaOrgJobPosting {
    let object: [String: JSONValue]

    init(_ object: [String: JSONValue]) {
        self.object = object
    }

    static func isJobPosting(_ object: [String: JSONValue]) -> Bool {
        switch object["@type"] {
        case .string(let type)?: type == "JobPosting"
        case .array(let types)?: types.contains(.string("JobPosting"))
        default: false
        }
    }

    func draft(provider: String) -> JobPostingDraft {
        var fields: [String: JSONValue] = [:]
        let identifier = Self.identifier(object["identifier"]) ?? object["url"]?.stringValue
        if let identifier { fields["job_id"] = .string("\(provider)#\(identifier)") }
        fields["provider_id"] = .string(provider)
        fields["title"] = object["title"]
        if let description = object["description"]?.stringValue {
            // schema.org descriptions are HTML; the draft sanitizes them and derives the text.
            fields["description_html"] = .string(description)
        }
        fields["company"] = object["hiringOrganization"]?["name"] ?? object["hiringOrganization"]
        fields["location"] = Self.location(object["jobLocation"]).map(JSONValue.string)
        let locationType = object["jobLocationType"]?.stringValue?.uppercased()
        fields["remote"] = .bool(locationType == "TELECOMMUTE")
        if let type = Self.firstString(object["employmentType"]) { fields["employment_type"] = .string(type) }
        fields["posted_date"] = object["datePosted"]
        fields["expires_at"] = object["validThrough"]
        fields["apply_url"] = object["url"]
        if let salary = object["baseSalary"] {
            fields["currency"] = salary["currency"]
            let value = salary["value"] ?? .null
            fields["min_salary"] = value["minValue"] ?? value["value"] ?? (value.stringValue.map(JSONValue.string))
            fields["max_salary"] = value["maxValue"] ?? value["value"]
            if let unit = value["unitText"]?.stringValue ?? salary["unitText"]?.stringValue {
                fields["interval"] = .string(unit)
            }
        }
        return JobPostingDraft(fields: fields.filter { !$0.value.isNull })
    }

    private static func identifier(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        return value["value"]?.stringValue ?? value.stringValue ?? value["name"]?.stringValue
    }

    private static func firstString(_ value: JSONValue?) -> String? {
        if case .array(let items)? = value { return items.first?.stringValue }
        return value?.stringValue
    }

    /// "City, Region, Country" from the first `Place`'s `PostalAddress`.
    private static func location(_ value: JSONValue?) -> String? {
        var place = value
        if case .array(let places)? = value { place = places.first }
        guard let place else { return nil }
        if let text = place.stringValue { return text }
        let address = place["address"] ?? place
        if let text = address.stringValue { return text }
        let parts = ["addressLocality", "addressRegion", "addressCountry"].compactMap { key -> String? in
            let part = address[key]?["name"]?.stringValue ?? address[key]?.stringValue
            return part?.isEmpty == false ? part : nil
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
