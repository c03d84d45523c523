import Hummingbird
import JobPostings

/// The body of `GET /api/v1/jobs`: `{facets, jobs, next_cursor, total}`, each job a posting without its
/// long text plus what matched. Written by `JSONWriter` (keys in sorted order, optional fields as
/// `null` so every result has the same keys), since encoding a page through `Encoder` cost more per
/// hit than the search itself.
enum JobSearchJSON {
    static func response(_ results: JobSearchResults) -> Response {
        var writer = JSONWriter(capacity: 1024 + results.hits.count * 1024)
        write(results, to: &writer)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: writer.buffer))
    }

    static func write(_ results: JobSearchResults, to writer: inout JSONWriter) {
        writer.object { json in
            json.key("facets")
            write(results.facets, to: &json)
            json.key("jobs")
            json.array(results.hits) { json, hit in write(hit, to: &json) }
            json.key("next_cursor")
            json.string(results.nextCursor)
            json.key("total")
            json.integer(results.total)
        }
    }

    private static func write(_ hit: JobSearchHit, to writer: inout JSONWriter) {
        let posting = hit.posting
        writer.object { json in
            json.key("apply_url"); json.string(posting.applyURL)
            json.key("company"); json.string(posting.company)
            json.key("currency"); json.string(posting.currency)
            json.key("employment_type"); json.string(posting.employmentType?.rawValue)
            json.key("expires_at"); json.date(posting.expiresAt)
            json.key("highlights")
            json.object { json in
                json.key("description"); json.string(hit.highlights.description)
                json.key("title"); json.string(hit.highlights.title)
            }
            json.key("interval"); json.string(posting.payInterval?.rawValue)
            json.key("job_id"); json.string(posting.jobID)
            json.key("location"); json.string(posting.location)
            // Only in searches ordered by match.
            if let match = hit.match { json.key("match"); json.integer(match) }
            json.key("max_salary"); json.integer(posting.maxSalary)
            json.key("min_salary"); json.integer(posting.minSalary)
            json.key("posted_date"); json.date(posting.postedDate)
            json.key("provider_id"); json.string(posting.providerID)
            json.key("remote"); json.bool(posting.remote)
            json.key("title"); json.string(posting.title)
        }
    }

    private static func write(_ facets: JobFacets, to writer: inout JSONWriter) {
        func counts(_ values: [FacetCount], _ json: inout JSONWriter) {
            json.array(values) { json, facet in
                json.object { json in
                    json.key("count"); json.integer(facet.count)
                    json.key("value"); json.string(facet.value)
                }
            }
        }
        writer.object { json in
            json.key("company"); counts(facets.company, &json)
            json.key("employment_type"); counts(facets.employmentType, &json)
            json.key("location"); counts(facets.location, &json)
            json.key("remote"); counts(facets.remote, &json)
            json.key("salary_ranges")
            json.array(facets.salaryRanges) { json, range in
                json.object { json in
                    json.key("count"); json.integer(range.count)
                    json.key("from"); json.integer(range.from)
                    json.key("to"); json.integer(range.to)
                }
            }
            json.key("skills"); counts(facets.skills, &json)
        }
    }
}
