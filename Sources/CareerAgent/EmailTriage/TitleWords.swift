/// The words job titles are made of, folded: a phrase with one of them reads as a role.
enum TitleWords {
    static let roles: Set<String> = [
        "engineer", "engineers", "developer", "developers", "programmer", "architect", "manager", "director", "analyst", "designer",
        "scientist", "specialist", "coordinator", "consultant", "lead", "head", "officer", "administrator", "admin", "intern",
        "internship", "associate", "representative", "rep", "nurse", "technician", "accountant", "assistant", "recruiter",
        "writer", "editor", "strategist", "researcher", "advocate", "partner", "executive", "president", "vp", "cto", "cfo",
        "ceo", "coo", "owner", "sre", "devops", "tester", "qa", "therapist", "pharmacist", "physician", "teacher", "instructor",
        "tutor", "driver", "operator", "mechanic", "electrician", "welder", "clerk", "cashier", "chef", "cook", "planner",
        "buyer", "controller", "auditor", "counsel", "attorney", "lawyer", "paralegal", "marketer", "producer", "artist",
        "animator", "photographer", "support", "success", "agent", "advisor", "adviser", "banker", "trader", "underwriter",
        "actuary", "economist", "statistician", "librarian", "pilot", "supervisor", "foreman", "superintendent", "estimator",
        "surveyor", "inspector", "dispatcher", "receptionist", "secretary", "bookkeeper", "steward", "fellow", "apprentice",
        "trainee", "graduate", "student", "principal", "staff", "chief", "dentist", "hygienist", "caregiver", "worker",
        "ingenieur", "ingenieurin", "entwickler", "entwicklerin", "softwareentwickler", "softwareentwicklerin", "berater", "beraterin",
        "leiter", "leiterin", "referent", "referentin", "sachbearbeiter", "sachbearbeiterin", "werkstudent", "werkstudentin",
        "praktikant", "praktikantin", "projektmanager", "produktmanager", "architekt", "analyst", "fachinformatiker",
        "pflegefachkraft", "mitarbeiter", "mitarbeiterin", "ingenieur", "developpeur", "developpeuse", "ingenieure", "chef",
        "responsable", "chargee", "charge", "stagiaire", "alternant", "directeur", "directrice", "consultante", "desarrollador",
        "desarrolladora", "ingeniero", "ingeniera", "jefe", "jefa", "gerente", "analista", "disenador", "disenadora", "becario",
        "practicas", "ontwikkelaar", "medewerker", "adviseur", "beheerder", "stagiair", "teamleider", "desenvolvedor",
        "desenvolvedora", "engenheiro", "engenheira", "estagiario", "coordenador", "coordenadora", "gerente", "especialista",
        "technicus", "verpleegkundige", "enfermeiro", "enfermera", "infirmier", "infirmiere", "krankenpfleger", "pfleger",
        "investigator", "leerkracht", "docent", "geometra", "farmacista", "coordinadora", "coordinador", "encargado", "encargada",
        "rececionista", "recepcionista", "elektroniker", "mechatroniker", "kaufmann", "kauffrau", "plumber", "carpenter", "owner",
        "chef", "sous", "therapist", "superintendent", "associate", "lead", "ingegnere", "sviluppatore", "tecnico", "impiegato",
        "responsabile", "addetto", "addetta", "magazziniere", "cameriere", "commessa", "commesso", "operaio", "autista", "tecnica",
        "vendeur", "vendeuse", "conseiller", "conseillere", "assistante", "comptable", "cuisinier", "serveur", "gestionnaire",
        "verkaufer", "verkauferin", "lagerist", "fahrer", "koch", "erzieher", "erzieherin", "lehrer", "lehrerin", "monteur",
        "servicemonteur", "medewerkster", "chauffeur", "magazijnmedewerker", "atendente", "vendedor", "vendedora", "motorista",
        "auxiliar", "assistente", "gerente", "supervisora", "supervisor", "cajero", "cajera", "camarero", "camarera", "mozo",
    ]

    static func isTitle(_ phrase: String) -> Bool {
        let words = TriageMessage.fold(phrase).split { !$0.isLetter }.map(String.init)
        return words.contains { word in roles.contains(word) || roles.contains { word.hasSuffix($0) && $0.count >= 7 } }
    }
}
