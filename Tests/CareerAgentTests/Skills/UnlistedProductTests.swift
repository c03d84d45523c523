import Testing
@testable import CareerAgent

/// Product names the taxonomy does not list, found by their shape in what a posting asks for.
@Suite struct UnlistedProductTests {
    let extractor = SkillExtractorTests().extractor

    private func unlisted(_ text: String) -> [ExtractedSkill] {
        extractor.extract(from: text, includingUnlisted: true).filter { $0.concept.source == .unlisted }
    }

    @Test("a name with a capital inside the word is a product, required or not as its sentence says, with every mention")
    func camelCaseNamesAreProducts() {
        let text = """
        Pharmacy Technician

        Requirements
        - Two years with EnterpriseRx and iManage; you will use EnterpriseRx daily
        - Experience with HydroCAD is a plus
        """
        let found = unlisted(text)
        #expect(found.map(\.concept.name) == ["EnterpriseRx", "iManage", "HydroCAD"])
        #expect(found.map(\.requirement) == [.required, .required, .niceToHave])
        #expect(found[0].mentions.count == 2)
        #expect(found[0].concept.escoURI == nil && found[0].concept.id == "unlisted:enterpriserx")
        let mention = found[2].mentions[0]
        #expect(Array(text.unicodeScalars)[mention.start..<mention.end].map(String.init).joined() == "HydroCAD")
    }

    @Test("the company's own name is not a product: in the title, the introduction, before 'Logistics', after 'at', or possessive")
    func companyNamesAreNot() {
        let text = """
        Warehouse Lead at ShipRight

        About us: NorthStar is a family-owned distributor.

        Requirements
        - Follow ShipRight procedures and NorthStar safety rules
        - Report to BrightPath Logistics dispatch; know BlueLine's returns policy
        - Work at CareBridge sites with WorkWave
        """
        #expect(unlisted(text).map(\.concept.name) == ["WorkWave"])
    }

    @Test("plural abbreviations, degrees, surnames and known skills are not unlisted products")
    func lookalikesAreNot() {
        let text = """
        Requirements
        - Track KPIs and SOWs; a PhD or PharmD is welcome; report to Ms. McDonald
        - Build SaaS dashboards with JavaScript and GitHub
        """
        #expect(unlisted(text).isEmpty)
        #expect(extractor.extract(from: text, includingUnlisted: true).map(\.concept.name) == ["JavaScript", "GitHub"])
    }

    @Test("boilerplate holds no products, and without being asked the extractor finds only what the taxonomy lists")
    func boilerplateAndDefault() {
        let text = "Requirements\n- Experience with ServiceTitan\n\nBenefits\n- Free PeopleFirst membership\n"
        #expect(unlisted(text).map(\.concept.name) == ["ServiceTitan"])
        #expect(extractor.extract(from: text).isEmpty)
    }

    @Test("resumes get no unlisted products: their employers are written the same way")
    func resumesHaveNone() {
        #expect(extractor.extract(from: "Analyst, BrightPath\nUsed ServiceTitan daily", kind: .resume, includingUnlisted: true).isEmpty)
    }
}
