import Accounts
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Platform
import Testing
import WayfinderApp

@Suite("Skills graph pages")
struct SkillsGraphPageTests {
    // MARK: Fixtures

    /// One question of each kind for `skill`; every key and cue is a word no page may show the candidate.
    static func bank(skill: String = "python") -> Data {
        let questions: [[String: Any]] = [
            ["id": "\(skill)-mc", "skill_id": skill, "level": 1, "kind": "multiple_choice", "prompt": "Pick the first.",
             "choices": ["first", "second", "third"], "correct": [0], "explanation": "The first one is right: XYZZY-EXPLAINED."],
            ["id": "\(skill)-sa", "skill_id": skill, "level": 1, "kind": "short_answer", "prompt": "Name the fruit.", "accepted": ["kumquat"]],
            ["id": "\(skill)-oa", "skill_id": skill, "level": 2, "kind": "open_answer", "prompt": "How would you find a memory leak?",
             "rubric": [["id": "measure", "description": "Measures allocations", "weight": 2, "cues": ["tracemalloc", "heap snapshot"]],
                        ["id": "verify", "description": "Confirms the fix under load", "weight": 1, "cues": ["load test", "measure again"]]],
             "sample_answer": "SAMPLE-ANSWER-TEXT: compare snapshots, fix, then test under load."],
            ["id": "\(skill)-ma", "skill_id": skill, "level": 3, "kind": "multiple_answer", "prompt": "Pick the odd positions.",
             "choices": ["one", "two", "three", "four"], "correct": [0, 2]],
            ["id": "\(skill)-co", "skill_id": skill, "level": 3, "kind": "code_output", "prompt": "What does it print?",
             "code": "print(\"zeb\" + \"ra-output\")", "accepted": ["zebra-output"]],
        ]
        return try! JSONSerialization.data(withJSONObject: ["format": "wayfinder-assessment-bank", "version": 1, "questions": questions])
    }

    static let goodOpenAnswer = "I take a tracemalloc heap snapshot every hour and compare them, fix the cache, then run a load test to confirm."
    static let vagueOpenAnswer = String(repeating: "I would look at the service carefully and think about where the memory goes over a long time. ", count: 3)

    /// The right answer of each fixture question, as its form sends it.
    static func rightAnswer(_ questionID: String, open: String = goodOpenAnswer) -> [(String, String)] {
        switch questionID.split(separator: "-").last {
        case "mc": [("answer", "0")]
        case "sa": [("answer", "kumquat")]
        case "oa": [("answer", open)]
        case "ma": [("answer", "0"), ("answer", "2")]
        default: [("answer", "zebra-output")]
        }
    }

    @discardableResult
    static func person(_ services: AppServices, _ email: String, _ name: String, _ groups: Set<UserGroup>) async throws -> Actor {
        try await services.accounts.administration.provision(email: email, password: "Skills-Pass-2026!", name: name, groups: groups).user.actor
    }

    static func signedIn(_ client: any TestClientProtocol, _ email: String) async throws -> Browser {
        let page = Browser(client)
        try await page.signIn(email, "Skills-Pass-2026!")
        #expect(page.hasSession, "\(email) is not signed in")
        return page
    }

    static func expectAccessible(_ response: TestResponse, _ page: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let problems = AccessibilityBasicsTests.problems(in: response.html)
        #expect(problems.isEmpty, "\(page): \(problems)", sourceLocation: sourceLocation)
        #expect(response.html.contains("<div class=\"table-scroll\"") || !response.html.contains("<table"), "\(page): a table outside its scroll box",
                sourceLocation: sourceLocation)
    }

    /// Starts an assessment through the page; answers the session id.
    static func start(_ page: Browser, skill: String = "python") async throws -> String {
        let started = try await page.post("/assessments/start", [("skill_id", skill)])
        #expect(started.status == .seeOther, "\(started.html)")
        let location = try #require(started.headers[.location])
        return String(try #require(location.firstMatch(of: /^\/assessments\/([0-9a-f-]{36})$/)?.output.1))
    }

    /// Answers every question of the session through its form (the open answer with `open`).
    static func answerAll(_ page: Browser, _ services: AppServices, actor: Actor, session id: String, open: String = goodOpenAnswer) async throws {
        let state = try await services.skillsGraph.api.interviews.session(actor: actor, id: id)
        for question in state.session.questionIDs {
            let saved = try await page.post("/assessments/\(id)/answers/\(question)", rightAnswer(question, open: open))
            #expect(saved.status == .seeOther, "\(question): \(saved.status) \(saved.html)")
        }
    }

    // MARK: The player

    @Test("the player shows every question without its key, saves answers by form and by script (204), and a reload keeps them")
    func player() async throws {
        try await WebTestApp.withApp { services, client in
            _ = try await services.skillsGraph.api.bank.importBank(Self.bank())
            let actor = try await Self.person(services, "candidate@example.com", "Casey Candidate", [.candidate])
            let page = try await Self.signedIn(client, "candidate@example.com")

            let overview = try await page.get("/assessments")
            #expect(overview.status == .ok && overview.html.contains("Python") && overview.html.contains(#"name="skill_id" value="python""#))
            Self.expectAccessible(overview, "assessments")
            let filtered = try await page.get("/assessments?q=pyth")
            #expect(filtered.html.contains(#"value="python""#))
            #expect(!(try await page.get("/assessments?q=cobol")).html.contains(#"value="python""#))

            let id = try await Self.start(page)
            let player = try await page.get("/assessments/\(id)")
            #expect(player.status == .ok)
            Self.expectAccessible(player, "player")
            let html = player.html
            #expect(html.contains(#"role="timer""#) && html.contains(#"aria-live="polite""#) && html.contains("data-remaining=\"540\""))
            #expect(html.contains("<pre class=\"code\"><code>print(&quot;zeb&quot; + &quot;ra-output&quot;)</code></pre>"))
            #expect(html.contains("Measures allocations") && html.contains("Confirms the fix under load"), "the rubric's points are listed")
            #expect(html.contains(#"type="radio""#) && html.contains(#"type="checkbox""#) && html.contains("<textarea"))
            #expect(html.contains("/assets/assessment.") && !html.contains("<script>"))
            for secret in ["kumquat", "zebra-output", "tracemalloc", "heap snapshot", "SAMPLE-ANSWER", "XYZZY"] {
                #expect(!html.contains(secret), "the player shows \(secret)")
            }
            #expect(html.components(separatedBy: "action=\"/assessments/\(id)/answers/").count - 1 == 5)

            // By the form: a redirect back to the question, and the choice is checked after a reload.
            let saved = try await page.post("/assessments/\(id)/answers/python-mc", [("answer", "1")])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/assessments/\(id)?notice=answer-saved#question-python-mc")
            let reloaded = try await page.get("/assessments/\(id)?notice=answer-saved")
            #expect(reloaded.html.contains("Your answer is saved."))
            #expect(reloaded.html.contains(#"id="question-python-mc-choice-1" name="answer" value="1" checked"#))
            #expect(reloaded.html.contains("1 answered"))

            // By the script: 204, and the text is in the field after a reload.
            let fetched = try await page.post("/assessments/\(id)/answers/python-sa", [("answer", "a fig")], headers: ["X-Requested-With": "fetch"])
            #expect(fetched.status == .noContent)
            let multi = try await page.post("/assessments/\(id)/answers/python-ma", [("answer", "1"), ("answer", "3")], headers: ["X-Requested-With": "fetch"])
            #expect(multi.status == .noContent)
            let again = try await page.get("/assessments/\(id)")
            #expect(again.html.contains(#"value="a fig""#))
            #expect(again.html.contains(#"id="question-python-ma-choice-3" name="answer" value="3" checked"#))
            #expect(!again.html.contains(#"id="question-python-ma-choice-0" name="answer" value="0" checked"#))
            let state = try await services.skillsGraph.api.interviews.session(actor: actor, id: id)
            #expect(state.answers.count == 3)

            // Refusals: an impossible choice is 422 by script and by form (the question named), nothing chosen says so.
            let bad = try await page.post("/assessments/\(id)/answers/python-mc", [("answer", "9")], headers: ["X-Requested-With": "fetch"])
            #expect(bad.status == .unprocessableContent && bad.html.contains("must be between 0 and 2"))
            let none = try await page.post("/assessments/\(id)/answers/python-mc", [])
            #expect(none.status == .unprocessableContent && none.html.contains("choose one of the answers"))
            Self.expectAccessible(none, "player with a refused answer")
            #expect(try await page.post("/assessments/\(id)/answers/no-such-question", [("answer", "x")]).status == .notFound)

            // Signals from the script.
            let signal = try await page.post("/assessments/\(id)/signals", [("kind", "paste"), ("size", "42"), ("question_id", "python-oa")],
                                             headers: ["X-Requested-With": "fetch"])
            #expect(signal.status == .noContent)
            #expect(try await page.post("/assessments/\(id)/signals", [("kind", "tab_hidden")], headers: ["X-Requested-With": "fetch"]).status == .noContent)
            #expect(try await page.post("/assessments/\(id)/signals", [("kind", "teleport")]).status == .badRequest)
            let signals = try await services.skillsGraph.api.interviews.session(actor: actor, id: id).signals
            #expect(signals.map(\.kind.rawValue) == ["paste", "tab_hidden"] && signals.first?.size == 42 && signals.first?.questionID == "python-oa")

            // Without the form's token nothing is saved.
            #expect(try await page.post("/assessments/\(id)/answers/python-sa", [("answer", "forged")], csrf: .some(nil)).status == .forbidden)

            // Starting again resumes the running session.
            let resumed = try await page.post("/assessments/start", [("skill_id", "python")])
            #expect(resumed.headers[.location] == "/assessments/\(id)?notice=assessment-resumed")
        }
    }

    @Test("another user gets the 404 page on a session's page and cannot answer, signal or finish it")
    func sessionsAreOwned() async throws {
        try await WebTestApp.withApp { services, client in
            _ = try await services.skillsGraph.api.bank.importBank(Self.bank())
            try await Self.person(services, "candidate@example.com", "Casey Candidate", [.candidate])
            try await Self.person(services, "other@example.com", "Olive Other", [.candidate])
            let id = try await Self.start(try await Self.signedIn(client, "candidate@example.com"))
            let other = try await Self.signedIn(client, "other@example.com")
            let page = try await other.get("/assessments/\(id)")
            #expect(page.status == .notFound && page.html.contains("No such assessment") && page.html.contains("It may belong to another account."))
            Self.expectAccessible(page, "404")
            #expect(try await other.post("/assessments/\(id)/answers/python-mc", [("answer", "0")]).status == .notFound)
            #expect(try await other.post("/assessments/\(id)/answers/python-mc", [("answer", "0")], headers: ["X-Requested-With": "fetch"]).status == .notFound)
            #expect(try await other.post("/assessments/\(id)/signals", [("kind", "paste")], headers: ["X-Requested-With": "fetch"]).status == .notFound)
            #expect(try await other.post("/assessments/\(id)/finish", []).status == .notFound)
            #expect(try await other.get("/assessments/00000000-0000-0000-0000-000000000000").status == .notFound)
            // Signed out, the page asks to sign in.
            let anonymous = try await Browser(client).get("/assessments/\(id)")
            #expect(anonymous.status == .seeOther && anonymous.headers[.location]?.hasPrefix("/signin?next=") == true)
        }
    }

    // MARK: Results

    @Test("the results show the score, the level, each answer's result and the open answer's evidence marked; a second start shows the cool-down")
    func results() async throws {
        try await WebTestApp.withApp { services, client in
            _ = try await services.skillsGraph.api.bank.importBank(Self.bank())
            let actor = try await Self.person(services, "candidate@example.com", "Casey Candidate", [.candidate])
            let page = try await Self.signedIn(client, "candidate@example.com")
            let id = try await Self.start(page)
            try await Self.answerAll(page, services, actor: actor, session: id)
            let finished = try await page.post("/assessments/\(id)/finish", [])
            #expect(finished.headers[.location] == "/assessments/\(id)?notice=assessment-finished")
            let result = try await page.get("/assessments/\(id)?notice=assessment-finished")
            #expect(result.status == .ok)
            Self.expectAccessible(result, "results")
            let html = result.html
            #expect(html.contains("your result") && html.contains("100/100") && html.contains("advanced (3)"))
            #expect(html.contains("I take a <mark>tracemalloc</mark> heap snapshot"), "the evidence is marked in the answer")
            #expect(html.contains("run a <mark>load</mark> <mark>test</mark> to confirm") && html.contains("Shown by:</span> <mark>load</mark> <mark>test</mark>"))
            #expect(html.contains("covered:</strong> Measures allocations") && html.contains("confidence 100%"))
            #expect(html.contains("XYZZY-EXPLAINED") && html.contains("(your choice)"))
            #expect(!html.contains("data-answer-form") && !html.contains(#"role="timer""#))

            let overview = try await page.get("/assessments")
            #expect(overview.html.contains("advanced (3)") && overview.html.contains("Valid until"))
            // The cool-down: the service's own words, with the date it ends.
            let again = try await page.post("/assessments/start", [("skill_id", "python")])
            #expect(again.status == .conflict)
            #expect(again.html.contains("You can take this assessment again from"), "\(again.html)")
            Self.expectAccessible(again, "cool-down")

            // The candidate is told, and chooses how mail reaches them.
            let inbox = try await page.get("/notifications")
            #expect(inbox.status == .ok && inbox.html.contains("Python assessment") && inbox.html.contains(#"class="unread""#))
            #expect(inbox.html.contains("href=\"/assessments/\(id)\""))
            Self.expectAccessible(inbox, "notifications")
            #expect(try await page.post("/notifications/read", []).headers[.location] == "/notifications?notice=notifications-read")
            #expect(!(try await page.get("/notifications")).html.contains(#"class="unread""#))
            #expect(try await page.post("/notifications/mail", [("mail", "daily")]).status == .seeOther)
            #expect((try await page.get("/notifications")).html.contains(#"value="daily" checked"#))
        }
    }

    @Test("an answer after the deadline is refused with the service's words, and the page then shows the result")
    func lateAnswer() async throws {
        try await WebTestApp.withApp { services, client in
            let clock = try #require(services.clock as? AdjustableWallClock)
            _ = try await services.skillsGraph.api.bank.importBank(Self.bank())
            try await Self.person(services, "candidate@example.com", "Casey Candidate", [.candidate])
            let page = try await Self.signedIn(client, "candidate@example.com")
            let id = try await Self.start(page)
            #expect(try await page.post("/assessments/\(id)/answers/python-mc", [("answer", "0")]).status == .seeOther)
            clock.advance(by: 600)
            let late = try await page.post("/assessments/\(id)/answers/python-sa", [("answer", "kumquat")])
            #expect(late.status == .conflict)
            #expect(late.html.contains("the answer was not saved") && late.html.contains("your result"), "\(late.html)")
            let script = try await page.post("/assessments/\(id)/answers/python-sa", [("answer", "kumquat")], headers: ["X-Requested-With": "fetch"])
            #expect(script.status == .conflict && script.html.contains("answers can no longer change"))
        }
    }

    // MARK: Reviews

    @Test("the review queue is refused to a candidate; a reviewer decides with a note (422 without one) and the candidate sees the decision")
    func reviews() async throws {
        try await WebTestApp.withApp { services, client in
            _ = try await services.skillsGraph.api.bank.importBank(Self.bank())
            let actor = try await Self.person(services, "candidate@example.com", "Casey Candidate", [.candidate])
            try await Self.person(services, "reviewer@example.com", "Riley Reviewer", [.reviewer])
            let page = try await Self.signedIn(client, "candidate@example.com")
            let id = try await Self.start(page)
            try await Self.answerAll(page, services, actor: actor, session: id, open: Self.vagueOpenAnswer)
            _ = try await page.post("/assessments/\(id)/finish", [])
            let waiting = try await page.get("/assessments/\(id)")
            #expect(waiting.html.contains("A reviewer will decide") && waiting.html.contains("Waiting for a reviewer"))

            let refused = try await page.get("/reviews")
            #expect(refused.status == .forbidden && refused.html.contains("Only reviewers see the review queue"))
            #expect(try await page.get("/reviews/\(id)/python-oa").status == .forbidden)
            #expect(try await page.post("/reviews/\(id)/python-oa", [("score", "100"), ("note", "Mine.")]).status == .forbidden)

            let reviewer = try await Self.signedIn(client, "reviewer@example.com")
            let queue = try await reviewer.get("/reviews")
            #expect(queue.status == .ok && queue.html.contains("href=\"/reviews/\(id)/python-oa\"") && queue.html.contains("rubric marking is unsure"))
            Self.expectAccessible(queue, "review queue")
            let item = try await reviewer.get("/reviews/\(id)/python-oa")
            #expect(item.status == .ok)
            Self.expectAccessible(item, "review")
            #expect(item.html.contains("tracemalloc; heap snapshot") && item.html.contains("SAMPLE-ANSWER-TEXT") && item.html.contains("confidence"))
            #expect(item.html.contains("I would look at the service carefully") && item.html.contains("Save the decision"))
            #expect(!item.html.contains("Casey") && !item.html.contains("candidate@example.com"))

            let noNote = try await reviewer.post("/reviews/\(id)/python-oa", [("score", "80"), ("note", "  ")])
            #expect(noNote.status == .unprocessableContent && noNote.html.contains("say why") && noNote.html.contains(#"value="80""#))
            Self.expectAccessible(noNote, "review with errors")
            let badScore = try await reviewer.post("/reviews/\(id)/python-oa", [("score", "lots"), ("note", "Fine.")])
            #expect(badScore.status == .unprocessableContent && badScore.html.contains("must be a whole number"))
            let decided = try await reviewer.post("/reviews/\(id)/python-oa", [("score", "90"), ("note", "Describes measuring over time in other words.")])
            #expect(decided.headers[.location] == "/reviews/\(id)/python-oa?notice=review-decided")
            let audit = try await reviewer.get("/reviews/\(id)/python-oa?notice=review-decided")
            #expect(audit.html.contains("Describes measuring over time in other words.") && audit.html.contains("90/100") && !audit.html.contains("Save the decision"))
            #expect(!(try await reviewer.get("/reviews")).html.contains("python-oa"))

            let final = try await page.get("/assessments/\(id)")
            #expect(final.html.contains("Reviewed") && final.html.contains("the reviewer gave 90/100") && !final.html.contains("A reviewer will decide"))
        }
    }

    // MARK: Employers and matching

    @Test("an employer's company, job and candidates: no candidate name before they accept, their profile after; another employer gets 404 everywhere")
    func employerPipeline() async throws {
        try await WebTestApp.withApp { services, client in
            let alpha = try await Self.person(services, "hiring@alpha.example", "Harper Hiring", [.employer])
            try await Self.person(services, "hiring@beta.example", "Bo Beta", [.employer])
            let candidate = try await Self.person(services, "candidate@example.com", "Quinn Marlow", [.candidate])
            _ = try await services.accounts.api.profiles.update(actor: candidate, change: try ProfileChange.parse([
                "headline": .string("Backend engineer at Globex"), "location": .string("Berlin, Germany"),
                "skills": .array(["Swift", "PostgreSQL", "Kafka"].map(JSONValue.string)), "remote_preference": .string("remote"),
            ], replacing: false))

            let employer = try await Self.signedIn(client, "hiring@alpha.example")
            let empty = try await employer.get("/employer")
            #expect(empty.status == .ok && empty.html.contains("Create the company"))
            Self.expectAccessible(empty, "employer")
            let invalid = try await employer.post("/employer/companies", [("name", ""), ("website", "ftp://x")])
            #expect(invalid.status == .unprocessableContent && invalid.html.contains("must be an http or https URL"))
            let created = try await employer.post("/employer/companies", [("name", "Alpha"), ("website", "https://alpha.example"), ("location", "Berlin")])
            let companyURL = String(try #require(created.headers[.location]).split(separator: "?")[0])
            let company = try await employer.get(companyURL)
            #expect(company.status == .ok && company.html.contains("Alpha") && company.html.contains("Harper Hiring"))
            Self.expectAccessible(company, "company")

            let badJob = try await employer.post("\(companyURL)/jobs", [("title", ""), ("description", "x"), ("min_salary", "lots")])
            #expect(badJob.status == .unprocessableContent && badJob.html.contains("must be a whole yearly amount"))
            let draft = try await employer.post("\(companyURL)/jobs", [
                ("title", "Backend Engineer"), ("description", "Build our payment APIs in Swift and PostgreSQL. Kafka is a plus."),
                ("location", "Berlin, Germany"), ("remote", "yes"), ("employment_type", "full_time"), ("min_salary", "70000"),
                ("max_salary", "90000"), ("currency", "EUR"),
            ])
            let jobURL = String(try #require(draft.headers[.location]).split(separator: "?")[0])
            #expect(jobURL.hasPrefix("/employer/jobs/wayfinder%23"), "\(jobURL)")
            let jobID = try #require(String(jobURL.dropFirst("/employer/jobs/".count)).removingPercentEncoding)
            let jobPage = try await employer.get(jobURL)
            #expect(jobPage.status == .ok && jobPage.html.contains("Swift") && jobPage.html.contains("Publish the job"))
            Self.expectAccessible(jobPage, "employer job")

            // The skills: the extracted ones as rows, Swift at the working level, and one added by a name the taxonomy knows.
            let job = try await services.skillsGraph.api.jobs.job(actor: alpha, jobID: jobID)
            var fields: [(String, String)] = [("title", job.title), ("description", job.description), ("location", job.location), ("remote", "yes"),
                                              ("employment_type", "full_time"), ("min_salary", "70000"), ("max_salary", "90000"), ("currency", "EUR")]
            for (index, skill) in job.skills.enumerated() {
                fields += [("skill_\(index)", skill.skillID), ("skill_name_\(index)", skill.name), ("level_\(index)", skill.name == "Swift" ? "2" : "1")]
                if skill.name != "Kafka" { fields.append(("required_\(index)", "yes")) }
            }
            let unknown = try await employer.post(jobURL, fields + [("add_skill", "klingon")])
            #expect(unknown.status == .unprocessableContent && unknown.html.contains("is not a skill Wayfinder knows") && unknown.html.contains(#"value="klingon""#))
            Self.expectAccessible(unknown, "employer job with errors")
            let saved = try await employer.post(jobURL, fields + [("add_skill", "k8s"), ("add_level", "1")])
            #expect(saved.headers[.location] == "\(jobURL)?notice=job-saved", "\(saved.html)")
            let skills = try await services.skillsGraph.api.jobs.job(actor: alpha, jobID: jobID).skills
            #expect(skills.contains { $0.name == "Kubernetes" && !$0.required }, "\(skills)")
            #expect(skills.first { $0.name == "Swift" }?.minimumLevel == 2)
            #expect(try await employer.post("\(jobURL)/publish", []).headers[.location] == "\(jobURL)?notice=job-published")
            #expect(try await employer.post("\(jobURL)/publish", []).status == .conflict)
            _ = try await services.skillsGraph.api.matching.run()

            // The candidate's matches link to the posting ('#' escaped) and show the fit as a meter.
            let seeker = try await Self.signedIn(client, "candidate@example.com")
            let matches = try await seeker.get("/matches")
            #expect(matches.status == .ok && matches.html.contains("href=\"/jobs/wayfinder%23") && matches.html.contains("<meter"))
            #expect(matches.html.contains("Backend Engineer") && matches.html.contains("Alpha"))
            Self.expectAccessible(matches, "matches")

            let candidates = try await employer.get("\(jobURL)/candidates")
            #expect(candidates.status == .ok && candidates.html.contains("cand-") && candidates.html.contains("Request contact"))
            Self.expectAccessible(candidates, "candidates")
            for secret in ["Quinn", "Marlow", "candidate@example.com", candidate.userID, "Globex"] {
                #expect(!candidates.html.contains(secret), "the candidates page shows \(secret) before contact is accepted")
            }
            let handle = String(try #require(candidates.html.firstMatch(of: /name="candidate_id" value="(cand-[0-9a-f]+)"/)?.output.1))
            let asked = try await employer.post("\(jobURL)/contact-requests", [("candidate_id", handle), ("message", "We would love to talk.")])
            #expect(asked.headers[.location] == "\(jobURL)/candidates?notice=contact-requested")
            let pending = try await employer.get("\(jobURL)/candidates")
            #expect(pending.html.contains("<strong>pending</strong>") && !pending.html.contains("Quinn"))

            let requests = try await seeker.get("/matches")
            #expect(requests.html.contains("We would love to talk.") && requests.html.contains("Accept"))
            let requestID = String(try #require(requests.html.firstMatch(of: /action="\/contact-requests\/([0-9a-f-]+)\/accept"/)?.output.1))
            #expect(try await seeker.get("/contact-requests").headers[.location] == "/matches#contact-requests")
            let other = try await Self.signedIn(client, "hiring@beta.example")
            #expect(try await other.post("/contact-requests/\(requestID)/accept", []).status == .notFound)
            #expect(try await seeker.post("/contact-requests/\(requestID)/accept", []).headers[.location] == "/matches?notice=contact-accepted#contact-requests")
            #expect(try await seeker.post("/contact-requests/\(requestID)/decline", []).status == .conflict)
            let revealed = try await employer.get("\(jobURL)/candidates")
            #expect(revealed.html.contains("Quinn Marlow") && revealed.html.contains("mailto:candidate@example.com") && revealed.html.contains("Backend engineer at Globex"))
            Self.expectAccessible(revealed, "candidates after acceptance")

            // Another employer: every page and action of Alpha's is the 404 page.
            for uri in [companyURL, jobURL, "\(jobURL)/candidates"] {
                let response = try await other.get(uri)
                #expect(response.status == .notFound && response.html.contains("It may belong to another account."), "\(uri)")
            }
            for (uri, fields) in [("\(jobURL)/publish", []), ("\(jobURL)/close", []), (jobURL, [("title", "Taken")]),
                                  ("\(jobURL)/contact-requests", [("candidate_id", handle)]), (companyURL, [("name", "Mine")]),
                                  ("\(companyURL)/jobs", [("title", "Mine"), ("description", "Mine")]),
                                  ("\(companyURL)/invitations", [("email", "x@beta.example")])] as [(String, [(String, String)])] {
                #expect(try await other.post(uri, fields).status == .notFound, "\(uri)")
            }
            #expect(!(try await other.get("/employer")).html.contains("Alpha"))
            #expect(try await services.skillsGraph.api.companies.companies(actor: candidate).isEmpty)

            // A candidate is told how to get an employer account, and cannot create a company.
            let notEmployer = try await seeker.get("/employer")
            #expect(notEmployer.html.contains("Only employer accounts create companies") && !notEmployer.html.contains("Create the company"))
            #expect(try await seeker.post("/employer/companies", [("name", "Mine")]).status == .forbidden)

            // Closing takes the job out of search.
            #expect(try await employer.post("\(jobURL)/close", []).headers[.location] == "\(jobURL)?notice=job-closed")
            #expect((try await employer.get(jobURL)).html.contains("Closed"))
        }
    }

    @Test("an owner invites by mail; the invited account accepts on the invitation page and lands on the company")
    func invitations() async throws {
        try await WebTestApp.withApp { services, client in
            try await Self.person(services, "hiring@alpha.example", "Harper Hiring", [.employer])
            try await Self.person(services, "recruiter@example.com", "Robin Recruiter", [.candidate])
            try await Self.person(services, "stranger@example.com", "Sam Stranger", [.candidate])
            let owner = try await Self.signedIn(client, "hiring@alpha.example")
            let created = try await owner.post("/employer/companies", [("name", "Alpha")])
            let companyURL = String(try #require(created.headers[.location]).split(separator: "?")[0])
            let refused = try await owner.post("\(companyURL)/invitations", [("email", "not an address"), ("role", "recruiter")])
            #expect(refused.status == .unprocessableContent && refused.html.contains("must be an email address"))
            let sent = try await owner.post("\(companyURL)/invitations", [("email", "recruiter@example.com"), ("role", "recruiter")])
            #expect(sent.headers[.location] == "\(companyURL)?notice=invitation-sent#invitations")
            #expect((try await owner.get(companyURL)).html.contains("recruiter@example.com"))
            let token = try #require(try await Self.mailedInvitationToken(services))

            let stranger = try await Self.signedIn(client, "stranger@example.com")
            #expect(try await stranger.post("/invitations/\(token)", []).status == .notFound)
            let recruiter = try await Self.signedIn(client, "recruiter@example.com")
            let invitation = try await recruiter.get("/invitations/\(token)")
            #expect(invitation.status == .ok && invitation.html.contains("Accept the invitation"))
            Self.expectAccessible(invitation, "invitation")
            let accepted = try await recruiter.post("/invitations/\(token)", [])
            #expect(accepted.headers[.location] == "\(companyURL)?notice=invitation-accepted")
            let company = try await recruiter.get(companyURL)
            #expect(company.status == .ok && company.html.contains("Robin Recruiter") && company.html.contains("Only the company's owners invite people"))
            #expect(try await recruiter.post("/invitations/\(token)", []).status == .conflict)
        }
    }

    // MARK: Leaderboards

    @Test("the leaderboard page is public and shows opted-in candidates under their display names only; an unknown skill is 404")
    func leaderboards() async throws {
        try await WebTestApp.withApp { services, client in
            _ = try await services.skillsGraph.api.bank.importBank(Self.bank())
            let actor = try await Self.person(services, "candidate@example.com", "Casey Candidate", [.candidate])
            let page = try await Self.signedIn(client, "candidate@example.com")
            let id = try await Self.start(page)
            try await Self.answerAll(page, services, actor: actor, session: id)
            _ = try await page.post("/assessments/\(id)/finish", [])

            let refused = try await page.post("/assessments/leaderboard", [("display_name", ""), ("opted_in", "yes")])
            #expect(refused.status == .unprocessableContent && refused.html.contains("choose the name the leaderboard shows"))
            Self.expectAccessible(refused, "leaderboard settings refused")
            let saved = try await page.post("/assessments/leaderboard", [("display_name", "casey-codes"), ("opted_in", "yes")])
            #expect(saved.headers[.location] == "/assessments?notice=leaderboard-saved#leaderboard")

            let anonymous = Browser(client)
            let board = try await anonymous.get("/leaderboards/python")
            #expect(board.status == .ok && board.html.contains("Python leaderboard") && board.html.contains("casey-codes"))
            #expect(board.html.contains("advanced (3)") && board.html.contains("100/100") && !board.html.contains("Casey Candidate"))
            #expect(board.html.contains("Sign up"))
            Self.expectAccessible(board, "leaderboard")
            let unknown = try await anonymous.get("/leaderboards/no-such-skill")
            #expect(unknown.status == .notFound && unknown.html.contains("No such skill"))
            let empty = try await anonymous.get("/leaderboards/kubernetes")
            #expect(empty.status == .ok && empty.html.contains("Nobody is on this leaderboard yet"))
        }
    }

    @Test("the navigation leads to the new pages for everyone signed in")
    func navigation() async throws {
        try await WebTestApp.withApp { services, client in
            try await Self.person(services, "candidate@example.com", "Casey Candidate", [.candidate])
            let page = try await Self.signedIn(client, "candidate@example.com")
            let home = try await page.get("/assessments")
            for link in ["/assessments", "/matches", "/employer", "/reviews", "/notifications"] {
                #expect(home.html.contains("<a href=\"\(link)\">"), "\(link)")
            }
            for uri in ["/matches", "/notifications", "/employer", "/assessments?q=nothing"] {
                let response = try await page.get(uri)
                #expect(response.status == .ok, "\(uri)")
                Self.expectAccessible(response, uri)
            }
            #expect(!(try await Browser(client).get("/")).html.contains("href=\"/assessments\""))
        }
    }

    /// The token of the newest invitation mail (`/invitations/{token}`).
    static func mailedInvitationToken(_ services: AppServices) async throws -> String? {
        let queue = services.backgroundWork.queue
        let handler = SendMailTask.handler(mailer: services.mail.mailer)
        var last: MailMessage?
        while case let claimed = try await queue.claim(limit: 20, visibilityTimeout: .seconds(60), names: [SendMailTask.name]), !claimed.isEmpty {
            for task in claimed {
                try await handler(task)
                _ = try await queue.complete(task)
                let message = try task.decode(MailMessage.self)
                if message.text.contains("/invitations/") { last = message }
            }
        }
        guard let text = last?.text, let match = text.firstMatch(of: /\/invitations\/([A-Za-z0-9_-]+)/) else { return nil }
        return String(match.output.1)
    }
}
