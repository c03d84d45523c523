/// A run of words that names something in the directory, with every entity it may name.
struct Mention: Sendable, Equatable {
    enum Kind: String, Sendable { case user, application, role }
    enum Form: Sendable, Equatable {
        /// Name, id, alias or email, as the directory writes it.
        case exact
        /// An abbreviation the directory does not list ("GH").
        case abbreviation
        /// A first name on its own, or a surname after a title.
        case partialName
    }

    let kind: Kind
    let ids: [String]
    /// Token indexes.
    let tokens: Range<Int>
    let text: String
    let form: Form
}
