import Foundation
import JobPostings

/// The fixed query mix every search benchmark runs: words, phrases, prefixes, exclusions, and
/// filters on location, remote, salary, company and type, sorted both ways.
public enum BenchmarkQueries {
    /// As URL query strings, so the same mix runs in-process, over HTTP and in other engines.
    public static let all: [String] = [
        "q=engineer",
        "q=software+developer",
        "q=nurse",
        "q=manager&location=Berlin",
        "q=%22project+manager%22",
        "q=data+analyst&remote=true",
        "q=develop*",
        "q=sales+-manager",
        "q=teacher&min_salary=40000&max_salary=90000",
        "q=technician&employment_type=contract",
        "q=senior+engineer&sort=date",
        "q=machine+operator&location=London",
        "q=marketing&remote=false&min_salary=60000",
        "q=accountant&currency=EUR",
        "q=design*&location=New+York",
        "q=%22customer+service%22",
        "q=chef",
        "q=logistics+coordinator&employment_type=full_time",
        "q=research&min_salary=100000",
        "q=mechanic&remote=true&sort=date",
        "location=Toronto",
        "remote=true&min_salary=80000",
        "q=health+-nurse&location=Paris",
        "q=electric*&employment_type=part_time",
    ]
}
