/// How many SMS segments a text is sent as: 160 characters of the GSM 7-bit alphabet (153 each when
/// concatenated, extension characters counting twice), or 70 UCS-2 characters (67 each) as soon as one
/// character is outside it.
public enum SMSSegments {
    static let basic: Set<Character> = Set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
    static let extended: Set<Character> = Set("^{}\\[~]|€\u{0C}")

    public static func count(_ text: String) -> Int {
        if text.isEmpty { return 0 }
        if let septets = gsmSeptets(text) {
            return septets <= 160 ? 1 : (septets + 152) / 153
        }
        let units = text.utf16.count
        return units <= 70 ? 1 : (units + 66) / 67
    }

    /// The length in GSM septets, or nil when the text needs UCS-2.
    static func gsmSeptets(_ text: String) -> Int? {
        var septets = 0
        for character in text {
            if basic.contains(character) { septets += 1 } else if extended.contains(character) { septets += 2 } else { return nil }
        }
        return septets
    }
}
