import Foundation

/// Zone names people write next to a time, mapped to the IANA zone they mean. An abbreviation names a
/// region, not an offset: "EST" in July still means New York's clock, so the offset is taken from the
/// zone on the day (as people who write "EST" all year expect).
enum ZoneNames {
    /// Abbreviations, accepted only right after a time.
    static let abbreviations: [String: String] = [
        "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
        "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
        "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
        "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
        "akst": "America/Anchorage", "akdt": "America/Anchorage", "hst": "Pacific/Honolulu",
        "gmt": "Europe/London", "bst": "Europe/London", "wet": "Europe/Lisbon", "west": "Europe/Lisbon",
        "cet": "Europe/Berlin", "cest": "Europe/Berlin", "mez": "Europe/Berlin", "mesz": "Europe/Berlin",
        "eet": "Europe/Athens", "eest": "Europe/Athens", "msk": "Europe/Moscow",
        "ist": "Asia/Kolkata", "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong", "jst": "Asia/Tokyo", "kst": "Asia/Seoul",
        "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "acst": "Australia/Adelaide", "acdt": "Australia/Adelaide",
        "awst": "Australia/Perth", "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland",
        "brt": "America/Sao_Paulo", "art": "America/Argentina/Buenos_Aires", "gst": "Asia/Dubai", "pkt": "Asia/Karachi",
        "utc": "UTC", "z": "UTC",
    ]

    /// Region words that take "time" after them ("Eastern Time", "Pacific time", "Central European Time").
    static let regions: [String: String] = [
        "eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver",
        "pacific": "America/Los_Angeles", "central european": "Europe/Berlin", "western european": "Europe/Lisbon",
        "eastern european": "Europe/Athens", "british": "Europe/London", "uk": "Europe/London", "india": "Asia/Kolkata",
        "indian": "Asia/Kolkata", "india standard": "Asia/Kolkata", "singapore": "Asia/Singapore", "japan": "Asia/Tokyo",
        "australian eastern": "Australia/Sydney", "greenwich mean": "Europe/London", "coordinated universal": "UTC",
        "universal": "UTC",
    ]

    /// Cities whose name with "time" (or a language's "heure de …", "hora de …") names their zone.
    static let cities: [String: String] = [
        "new york": "America/New_York", "boston": "America/New_York", "toronto": "America/Toronto",
        "chicago": "America/Chicago", "austin": "America/Chicago", "dallas": "America/Chicago", "denver": "America/Denver",
        "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
        "vancouver": "America/Vancouver", "london": "Europe/London", "dublin": "Europe/Dublin", "lisbon": "Europe/Lisbon",
        "lisboa": "Europe/Lisbon", "paris": "Europe/Paris", "berlin": "Europe/Berlin", "munich": "Europe/Berlin",
        "munchen": "Europe/Berlin", "hamburg": "Europe/Berlin", "frankfurt": "Europe/Berlin", "amsterdam": "Europe/Amsterdam",
        "brussels": "Europe/Brussels", "madrid": "Europe/Madrid", "barcelona": "Europe/Madrid", "rome": "Europe/Rome",
        "zurich": "Europe/Zurich", "vienna": "Europe/Vienna", "wien": "Europe/Vienna", "stockholm": "Europe/Stockholm",
        "copenhagen": "Europe/Copenhagen", "oslo": "Europe/Oslo", "warsaw": "Europe/Warsaw", "athens": "Europe/Athens",
        "helsinki": "Europe/Helsinki", "istanbul": "Europe/Istanbul", "dubai": "Asia/Dubai", "bangalore": "Asia/Kolkata",
        "bengaluru": "Asia/Kolkata", "mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "tokyo": "Asia/Tokyo",
        "seoul": "Asia/Seoul", "hong kong": "Asia/Hong_Kong", "shanghai": "Asia/Shanghai", "sydney": "Australia/Sydney",
        "melbourne": "Australia/Melbourne", "brisbane": "Australia/Brisbane", "perth": "Australia/Perth",
        "auckland": "Pacific/Auckland", "sao paulo": "America/Sao_Paulo", "mexico city": "America/Mexico_City",
        "ciudad de mexico": "America/Mexico_City", "bogota": "America/Bogota", "buenos aires": "America/Argentina/Buenos_Aires",
        "santiago": "America/Santiago", "lima": "America/Lima", "brasilia": "America/Sao_Paulo", "peninsular": "Europe/Madrid",
        "espana": "Europe/Madrid", "rio de janeiro": "America/Sao_Paulo", "porto": "Europe/Lisbon", "portugal": "Europe/Lisbon",
        "nederland": "Europe/Amsterdam", "italiana": "Europe/Rome", "roma": "Europe/Rome", "milano": "Europe/Rome",
        "torino": "Europe/Rome", "italia": "Europe/Rome", "deutschland": "Europe/Berlin", "france": "Europe/Paris", "cdmx": "America/Mexico_City",
    ]

    /// Words that, after a city or region, make it a zone: "Berlin time", "heure de Paris", "hora de Madrid".
    static let timeWords: Set<String> = ["time", "zeit", "heure", "hora", "tijd", "standard", "daylight"]

    static func zone(_ identifier: String) -> TimeZone? {
        identifier == "UTC" ? TimeZone(identifier: "UTC") : TimeZone(identifier: identifier)
    }
}
