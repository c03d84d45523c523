/// The career agent: skills, resumes, resume analysis, job match, roadmaps and market insights.
/// Everything here is deterministic and explains itself; an LLM may only reword suggestions.
public enum CareerAgent {}
