/// The text fields that free-text queries search, with their ranking weight.
/// Title matches weigh most: a "nurse" in the title is a nursing job, in the text it may not be.
enum SearchField: Int, CaseIterable, Sendable {
    case title = 0
    case company = 1
    case description = 2

    var weight: Double {
        switch self {
        case .title: 3.0
        case .company: 1.5
        case .description: 1.0
        }
    }
}
