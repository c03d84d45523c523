/// Month and weekday names, and words for today and tomorrow, in the languages job mail is commonly
/// written in (English, German, French, Spanish, Dutch, Portuguese), folded (lower case, no accents).
enum CalendarWords {
    /// Month number by name or usual abbreviation.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "januar", "janvier", "janv", "enero", "ene", "januari", "janeiro", "gennaio"],
            ["february", "feb", "februar", "fevrier", "fevr", "fev", "febrero", "februari", "fevereiro", "febbraio"],
            ["march", "mar", "marz", "maerz", "mars", "marzo", "maart", "mrt", "marco", "marzo"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "mei", "maio", "maggio"],
            ["june", "jun", "juni", "juin", "junio", "junho", "giugno"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio"],
            ["august", "aug", "aout", "agosto", "ago", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "setembro", "settembre"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "ottobre"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "decembre", "diciembre", "dic", "dezembro", "dicembre"],
        ]
        for (index, forms) in names.enumerated() { for form in forms { table[form] = index + 1 } }
        return table
    }()

    /// Weekday by name, 1 = Sunday (as Foundation's calendar counts).
    static let weekdays: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["sunday", "sun", "sonntag", "dimanche", "domingo", "zondag", "domenica"],
            ["monday", "mon", "montag", "lundi", "lunes", "maandag", "segunda", "lunedi"],
            ["tuesday", "tue", "tues", "dienstag", "mardi", "martes", "dinsdag", "terca", "martedi"],
            ["wednesday", "wed", "mittwoch", "mercredi", "miercoles", "woensdag", "quarta", "mercoledi"],
            ["thursday", "thu", "thur", "thurs", "donnerstag", "jeudi", "jueves", "donderdag", "quinta", "giovedi"],
            ["friday", "fri", "freitag", "vendredi", "viernes", "vrijdag", "sexta", "venerdi"],
            ["saturday", "sat", "samstag", "samedi", "sabado", "zaterdag", "sabato"],
        ]
        for (index, forms) in names.enumerated() { for form in forms { table[form] = index + 1 } }
        return table
    }()

    /// Words naming a day relative to the message's own date, with how many days they add.
    static let relativeDays: [String: Int] = [
        "today": 0, "tomorrow": 1, "heute": 0, "ubermorgen": 2, "uebermorgen": 2, "demain": 1, "aujourd'hui": 0,
        "hoy": 0, "vandaag": 0, "overmorgen": 2, "amanha": 1, "hoje": 0, "tonight": 0, "domani": 1, "oggi": 0, "dopodomani": 2,
    ]

    /// Words that may be "tomorrow" or something else ("Guten Morgen", "por la mañana"): tomorrow only
    /// when not preceded by one of the listed words.
    static let guardedTomorrow: [String: Set<String>] = [
        "morgen": ["guten", "goede", "good", "heute", "morgen"],
        "manana": ["la", "esta", "de", "por"],
    ]


    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "eme", "de", "o"]
}
