/// What the reading asks of a surface form at every place it may stand, worked out once when the
/// extractor is built: a posting's reading then copies no `SurfaceForm` (and so no String) per candidate.
struct FormTraits: Sendable {
    var concept: Int
    var isCased: Bool
    var isAmbiguous: Bool
    /// The form holds an ampersand ("A&P"), so words around one may be it.
    var hasAmpersand: Bool
    /// The form holds a comma, semicolon or colon ("extract, transform, load"), so its words may be separated by one.
    var hasClauseMark: Bool
    /// Its first word must follow a dot (".NET").
    var needsLeadingDot = false
    /// One short word in capitals ("LEED", "DOE"), which does not match a word written as a name ("Leeds", "Doe").
    /// Longer ones are mostly brands that are also written so ("FANUC", "MATLAB").
    var isAcronym: Bool
    /// Names a business function ("Underwriting", "Leadership", "Sales"), which before "team" names a group of people.
    var namesABusinessFunction: Bool
    /// The form's bytes, kept only for a cased form, which must be written exactly so.
    var casedBytes: [UInt8]

    init(_ form: SurfaceForm, namesABusinessFunction: Bool) {
        concept = form.concept
        self.namesABusinessFunction = namesABusinessFunction
        isCased = form.isCased
        let bytes = Array(form.text.utf8)
        // A concept is ambiguous for its everyday word ("Word", "Spark", "Lean"); a form of two words or more
        // ("Microsoft Word", "Apache Spark", "root cause analysis", "Lean manufacturing") is the skill wherever it stands.
        isAmbiguous = form.isAmbiguous && !bytes.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") }
        hasAmpersand = bytes.contains(UInt8(ascii: "&"))
        hasClauseMark = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") }
        let letters = bytes.filter { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
        isAcronym = (2...4).contains(letters.count) && letters.allSatisfy { $0 <= 90 }
            && bytes.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
        casedBytes = form.isCased ? bytes : []
    }
}
