/// The phrases that locate an interview's parts: which time is the new one in a reschedule, whether
/// times are offered or fixed, and how the interview is held.
extension TriageCues {
    /// Words that introduce the new time in a reschedule.
    static let movedTo = ["moved to", "move it to", "move to", "rescheduled to", "rescheduled for", "new time", "new date", "instead",
                          "now be", "now take place", "updated to", "changed to", "verschoben auf", "verlegt auf", "neuer termin",
                          "reporte au", "reporte a", "decale a", "reprogramada para", "reprogramado para", "nueva fecha", "verplaatst naar",
                          "verzet naar", "reagendada para", "remarcada para", "how about", "are you available", "could we do",
                          "can we do", "would you be able to do", "alternatively", "als neuen termin", "neuen termin", "neuer termin",
                          "hemos movido", "movido la entrevista", "se traslada", "nouveau creneau", "nouvelle date", "nova data",
                          "new slot", "nueva hora", "nuevo horario", "neue uhrzeit",
                          "nouvel horaire", "nieuwe tijd", "novo horario", "preponed to", "advanced to", "brought forward to", "moved up to"]

    /// The sender offers times for the candidate to accept.
    static let proposal = ["would any of", "would either", "does any of", "do any of", "which of these", "which of the following",
                           "which works", "which time", "works for you", "work for you", "would that work", "would this work",
                           "are you available", "are you free", "let me know if that works", "let me know if this works", "let us know if that works",
                           "let us know if this works", "let me know if either", "let me know which", "let us know which", "let me know what works",
                           "the following times", "the following slots", "following options", "one of these", "one of the following",
                           "do you have availability", "would you be available", "how does", "how about", "could you do",
                           "passt ihnen", "passt dir", "waren sie", "hatten sie zeit", "convient-il", "vous convient", "seriez-vous disponible",
                           "te viene bien", "le viene bien", "estarias disponible", "estaria disponible", "schikt het", "past het",
                           "zou je beschikbaar", "voce estaria disponivel", "funciona para voce", "would you prefer", "please confirm which"]

    /// The candidate is asked to choose a time.
    static let pickATime = ["pick a time", "choose a time", "select a time", "book a time", "book a slot", "choose a slot", "select a slot",
                            "pick a slot", "your availability", "scheduling link", "schedule a time", "self-schedule", "book your interview",
                            "schedule your interview", "find a time", "use the link below to schedule", "wahlen sie einen termin",
                            "choisir un creneau", "elige un horario", "kies een tijdstip", "escolha um horario", "verfugbarkeit",
                            "disponibilites", "disponibilidad", "beschikbaarheid", "disponibilidade"]

    /// A time is mentioned but not fixed.
    static let vagueTime = ["sometime next week", "some time next week", "later this week", "early next week", "in the coming days",
                            "next week sometime", "later next week", "sometime this week"]

    static let phone = ["phone screen", "phone interview", "phone call", "call you", "give you a call", "dial", "by phone", "over the phone",
                        "telephone", "telefon", "telefonisch", "par telephone", "appel telephonique", "llamada", "telefonica", "telefonisch",
                        "por telefone", "ligacao", "call at"]
    static let video = ["video call", "video interview", "zoom", "google meet", "microsoft teams", "teams meeting", "webex", "videocall",
                        "video-call", "videogesprach", "visio", "videollamada", "videochamada", "videogesprek"]
    static let onsite = ["onsite", "on-site", "in person", "in-person", "at our office", "our offices", "visit us", "vor ort",
                         "in unserem buro", "dans nos locaux", "en nuestras oficinas", "op ons kantoor", "em nosso escritorio", "presencial"]

    static func contains(_ phrases: [String], in folded: String) -> Bool {
        phrases.contains { folded.hasBytes($0) }
    }

    /// Words before (or right after) a time that mark it as the old one in a reschedule.
    static let oldTime = ["not going to make", "won't make", "can't do", "instead of", "originally", "previously", "was scheduled", "were scheduled", "was planned", "geplant war",
                          "ursprunglich", "statt ", "anstatt", "au lieu de", "initialement", "prevu", "en lugar de", "en vez de",
                          "inicialmente", "in plaats van", "oorspronkelijk", "em vez de", "originalmente", "no podra asistir",
                          "cancel", "can't make", "cannot make", "won't be able", "absagen", "annuler", "cancelar", "afzeggen"]

    /// Statements that fix a time rather than offer it, so "does that work?" after one is a courtesy.
    static let fixedTime = ["scheduled for", "is scheduled", "has been scheduled", "is now scheduled", "is now", "we have moved",
                            "we've moved", "has been moved", "have moved", "moved to", "moved your", "reserved", "booked", "is confirmed",
                            "confirmed for", "we've scheduled", "we have scheduled", "will take place", "will be held", "findet",
                            "aura lieu", "tendra lugar", "vindt plaats", "sera realizada", "hemos movido", "reservado", "reserviert",
                            "ya hemos reservado", "bereits", "invite you to", "invite you for", "join us", "see you"]
}
