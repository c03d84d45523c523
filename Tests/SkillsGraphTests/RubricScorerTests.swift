import Testing
@testable import SkillsGraph

@Suite("Rubric scoring")
struct RubricScorerTests {
    static let rubric = [
        RubricPoint(id: "measure", description: "Measures allocations over time", weight: 2,
                    cues: ["tracemalloc", "heap snapshot", "compare snapshots", "memory profiler"]),
        RubricPoint(id: "cause", description: "Names a typical cause", weight: 1, cues: ["unbounded cache", "global list", "reference cycle"]),
        RubricPoint(id: "verify", description: "Confirms the fix under load", weight: 1, cues: ["load test", "measure again"]),
    ]

    @Test("an answer that makes every point scores full marks, each point shown by the words that make it")
    func coveredPointsCarryTheirEvidence() {
        let answer = "I would take two heap snapshots an hour apart with tracemalloc and compare them. Usually it is a cache that is unbounded. After the fix I run a load test."
        let marking = RubricScorer().score(answer, rubric: Self.rubric)
        #expect(marking.score == 1)
        #expect(marking.confidence == 1)
        let measure = marking.points[0]
        #expect(measure.covered && measure.cue == "tracemalloc")
        let scalars = Array(answer.unicodeScalars)
        for point in marking.points {
            for span in point.spans {
                #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
            }
        }
        // "unbounded cache" is met in the other order, a few words apart: "a cache that is unbounded".
        #expect(marking.points[1].covered)
        #expect(marking.points[1].spans.map(\.text) == ["cache", "unbounded"])
    }

    @Test("a point left out lowers the score by its weight; a clear answer stays confident")
    func missingPointsCostTheirWeight() {
        let marking = RubricScorer().score("Run tracemalloc and look at what grows.", rubric: Self.rubric)
        #expect(marking.score == 0.5)
        #expect(!marking.points[1].covered && !marking.points[2].covered)
        #expect(marking.confidence >= RubricScorer.reviewBelow)
    }

    @Test("half a cue, or a long answer the cues barely find, makes the marking unsure and sends it to a person")
    func doubtfulAnswersAreUnsure() {
        let partial = RubricScorer().score("I would check it afterwards with more load on it.", rubric: Self.rubric)
        #expect(partial.points[2].partial)
        let long = RubricScorer().score(String(repeating: "I would look carefully at the service and think about where memory goes over time. ", count: 4),
                                        rubric: Self.rubric)
        #expect(long.score == 0)
        #expect(long.confidence < RubricScorer.reviewBelow)
        #expect(long.doubts.contains("a long answer the cues find little in"))
    }

    @Test("inflections meet: indexes, indexing and indexed all meet the cue index")
    func stemmingMeetsCommonEndings() {
        let rubric = [RubricPoint(id: "index", description: "Adds an index", weight: 1, cues: ["add index"])]
        for answer in ["adding indexes", "We added an index", "indexing was added"] {
            #expect(RubricScorer().score(answer, rubric: rubric).score == 1, "\(answer)")
        }
    }
}
