/// Verbs that open a strong achievement bullet, and the openings that describe duties instead.
enum ActionVerbs {
    static let strong: Set<String> = [
        "achieved", "accelerated", "administered", "advised", "analyzed", "analysed", "architected", "automated", "boosted",
        "built", "championed", "coached", "collaborated", "completed", "configured", "consolidated", "coordinated", "created",
        "cut", "decreased", "defined", "delivered", "deployed", "designed", "developed", "devised", "directed", "doubled",
        "drove", "eliminated", "enabled", "engineered", "established", "exceeded", "expanded", "generated", "grew", "guided",
        "handled", "headed", "hired", "identified", "implemented", "improved", "increased", "initiated", "installed",
        "introduced", "launched", "led", "maintained", "managed", "mentored", "migrated", "modernized", "monitored",
        "negotiated", "operated", "optimized", "optimised", "organized", "orchestrated", "oversaw", "owned", "performed",
        "pioneered", "planned", "prepared", "presented", "processed", "produced", "programmed", "published", "raised",
        "rebuilt", "recruited", "redesigned", "reduced", "refactored", "reorganized", "resolved", "restructured", "revamped",
        "saved", "scaled", "secured", "shipped", "simplified", "spearheaded", "standardized", "streamlined", "strengthened",
        "supervised", "supported", "taught", "tested", "trained", "transformed", "tripled", "troubleshot", "upgraded", "won",
        "wrote", "administered", "assembled", "audited", "budgeted", "calculated", "cared", "delegated", "diagnosed",
        "documented", "educated", "evaluated", "facilitated", "forecasted", "inspected", "instructed", "investigated",
        "loaded", "measured", "packed", "picked", "reconciled", "repaired", "reported", "scheduled", "served", "sold",
        "sourced", "treated", "welded", "assessed", "closed", "converted", "curated", "drafted", "earned", "executed",
    ]

    /// Openings that list duties rather than results ("Responsible for", "Worked on", "Helped with").
    static let weakOpenings = ["responsible for", "worked on", "helped", "assisted with", "duties included", "tasked with",
                               "involved in", "in charge of", "participated in", "was responsible"]

    static func firstWord(of line: String) -> String {
        String(line.lowercased().drop(while: { !$0.isLetter }).prefix(while: { $0.isLetter }))
    }
}
