import Foundation

/// Orders what a seeker lacks for a role into milestones: foundations first (languages, then
/// frameworks and databases, then platforms and tools, then methods and professional skills, then
/// certifications), each skill with an estimate of weeks by its kind, most-demanded first within a stage.
enum RoadmapPlanner {
    static let stages: [(title: String, categories: Set<String>)] = [
        ("Foundations", ["language", "knowledge"]),
        ("Frameworks and data", ["framework", "database", "data"]),
        ("Platforms and tools", ["cloud", "devops", "tool", "office", "design", "equipment", "healthcare"]),
        ("Ways of working", ["method", "professional", "skill"]),
        ("Certifications", ["certification"]),
    ]

    static let weeksByCategory: [String: Int] = [
        "language": 8, "framework": 4, "database": 3, "data": 4, "cloud": 4, "devops": 3, "tool": 2, "office": 2, "design": 3,
        "equipment": 2, "healthcare": 4, "method": 3, "professional": 4, "certification": 6, "knowledge": 4, "skill": 3,
    ]

    static func weeks(for category: String) -> Int { weeksByCategory[category] ?? 3 }

    static func milestones(for skills: [RoadmapPlan.Skill], from start: Date) -> [RoadmapPlan.Milestone] {
        var milestones: [RoadmapPlan.Milestone] = []
        var week = 0
        let known = Set(stages.flatMap(\.categories))
        for stage in stages {
            // Skills of a kind no stage names join the ways of working.
            let members = skills.filter { skill in
                stage.categories.contains(skill.category) || (stage.title == "Ways of working" && !known.contains(skill.category))
            }
            guard !members.isEmpty else { continue }
            let remaining = members.filter { $0.status == .missing }
            let weeks = remaining.reduce(0) { $0 + $1.weeks }
            week += weeks
            milestones.append(RoadmapPlan.Milestone(
                title: stage.title, skills: members.map(\.name), weeks: weeks, startWeek: week - weeks,
                targetDate: start.addingTimeInterval(Double(week) * 7 * 86_400), isDone: remaining.isEmpty
            ))
        }
        return milestones
    }
}
