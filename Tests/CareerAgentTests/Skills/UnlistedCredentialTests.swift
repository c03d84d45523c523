import Testing
@testable import CareerAgent

/// Licences, certifications and registrations the taxonomy does not list, found by the words postings name them with.
@Suite struct UnlistedCredentialTests {
    let extractor = SkillExtractorTests().extractor

    private func credentials(_ text: String) -> [ExtractedSkill] {
        extractor.extract(from: text, includingUnlisted: true).filter { $0.concept.category == "certification" && $0.concept.source == .unlisted }
    }

    @Test("a credential is named as written, without the qualifiers before it or an abbreviation in parentheses")
    func namedAsWritten() {
        let text = """
        Requirements
        • Category C+E licence with no more than 6 points
        - Valid North Carolina Journeyman Electrician license (or a license from a reciprocal state)
        - Current HCPC registration as an Occupational Therapist
        - Aerial lift (MEWP) certification
        - Boeing 737NG/MAX type rating
        3) Forklift licence

        Nice to have
        - An RHS qualification
        """
        let found = credentials(text)
        #expect(found.map(\.concept.name) == [
            "Category C+E licence", "North Carolina Journeyman Electrician license", "HCPC registration",
            "Aerial lift certification", "Boeing 737NG/MAX type rating", "Forklift licence", "RHS qualification",
        ])
        #expect(found.map(\.requirement) == [.required, .required, .required, .required, .required, .required, .niceToHave])
        #expect(found[0].concept.id == "unlisted:category c+e licence" && found[0].concept.escoURI == nil)
        let mention = found[2].mentions[0]
        #expect(Array(text.unicodeScalars)[mention.start..<mention.end].map(String.init).joined() == "HCPC registration")
    }

    @Test("a credential's name goes on with its grade and what it is in, and a UK level before its number is part of it")
    func namesThatGoOnPastTheCredentialWord() {
        let text = """
        Requirements
        - Ontario Certificate of Qualification 306A (Plumber)
        - The IPA Certificate in Public Procurement and Contract Management, or similar
        - Certificate III in Individual Support (or working towards)
        4) Level 2 Food Hygiene certificate
        - A full and relevant Level 3 Early Years qualification
        - A license in the state of Texas
        - Current certification in CPR
        - Certificate IV
        - Full driving licence I can use for home visits
        """
        #expect(credentials(text).map(\.concept.name) == [
            "Ontario Certificate of Qualification 306A", "IPA Certificate in Public Procurement and Contract Management",
            "Certificate III in Individual Support", "Level 2 Food Hygiene certificate", "Level 3 Early Years qualification",
            "Certificate IV", "driving licence",
        ])
    }

    @Test("'card' and 'training' name a credential only as a line of their own; in a sentence they are a duty or a perk")
    func cardsAndTrainingOnTheirOwnLine() {
        let text = """
        Responsibilities
        - Deliver Epic training to new starters
        - Keep the fuel card receipts

        Requirements
        - Digital tachograph card
        - Trusted assessor training
        """
        #expect(credentials(text).map(\.concept.name) == ["Digital tachograph card", "Trusted assessor training"])
    }

    @Test("any licence will not do: articles, qualifiers, joined words, numbers alone, alternatives, listed credentials and boilerplate name none")
    func notCredentials() {
        let text = """
        Requirements
        - A valid licence and relevant professional certification
        - Post-registration experience in a community setting
        - Xactimate Level 2 or 3 certification is welcome
        - State pharmacy technician registration/license
        2) Security+ certification, which the taxonomy lists
        - Basic Life Support (BLS) certification, listed, with its abbreviation between

        Benefits
        - We pay for your CDL Class A license renewal
        """
        #expect(credentials(text).map(\.concept.name) == ["pharmacy technician registration"])
    }
}
