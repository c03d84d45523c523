/// One word of a request, with what the readers ask of it: its key, where it is, how it was written.
struct RequestToken: Sendable, Equatable {
    let text: String
    /// The word as names are compared (`NameKey`); an email address keeps its whole lowercase form.
    let key: String
    let range: Range<String.Index>
    let isEmail: Bool
    /// First letter uppercase ("Chloe", "HR").
    let isCapitalized: Bool
    /// Every letter uppercase and at least two of them ("SFDC", "GH").
    let isUppercase: Bool
    /// The first word of a sentence, where capitals say nothing about names.
    let startsSentence: Bool
    /// Written with a possessive "'s" ("Workday's"), which the key leaves out.
    let isPossessive: Bool
    /// Not a Latin-script word: letters of another script, or a mix (a homoglyph such as "Оkta").
    let hasForeignLetters: Bool
}
