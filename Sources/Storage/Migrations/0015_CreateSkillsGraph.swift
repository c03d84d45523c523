import SQLKit

/// The skills graph: companies with members, invitations and jobs; question banks, interview
/// sessions, answers, signals and the review audit; verified skills; matches and their state;
/// contact requests; notifications; leaderboard settings. Scores are kept in thousandths.
struct CreateSkillsGraph: Migration {
    let version = 15
    let name = "create_skills_graph"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        let text = dialect.text, integer = dialect.bigInteger
        for statement in [
            """
            CREATE TABLE skill_companies (
                id \(text) PRIMARY KEY, name \(text) NOT NULL, website \(text), about \(text), location \(text),
                created_at \(integer) NOT NULL, updated_at \(integer) NOT NULL)
            """,
            """
            CREATE TABLE skill_company_members (
                company_id \(text) NOT NULL, user_id \(text) NOT NULL, name \(text) NOT NULL, email \(text) NOT NULL, role \(text) NOT NULL,
                added_at \(integer) NOT NULL, PRIMARY KEY (company_id, user_id))
            """,
            "CREATE INDEX skill_company_members_by_user ON skill_company_members (user_id)",
            """
            CREATE TABLE skill_company_invitations (
                id \(text) PRIMARY KEY, company_id \(text) NOT NULL, email \(text) NOT NULL, role \(text) NOT NULL,
                token_hash \(text) NOT NULL UNIQUE, invited_by \(text) NOT NULL, created_at \(integer) NOT NULL,
                expires_at \(integer) NOT NULL, accepted_at \(integer))
            """,
            "CREATE INDEX skill_company_invitations_by_company ON skill_company_invitations (company_id, created_at)",
            """
            CREATE TABLE skill_company_jobs (
                id \(text) PRIMARY KEY, company_id \(text) NOT NULL, status \(text) NOT NULL, title \(text) NOT NULL,
                description \(text) NOT NULL, location \(text) NOT NULL, remote \(integer) NOT NULL, employment_type \(text),
                min_salary \(integer), max_salary \(integer), currency \(text), skills \(text) NOT NULL, created_by \(text) NOT NULL,
                created_at \(integer) NOT NULL, updated_at \(integer) NOT NULL, published_at \(integer), closed_at \(integer))
            """,
            "CREATE INDEX skill_company_jobs_by_company ON skill_company_jobs (company_id, created_at)",
            "CREATE INDEX skill_company_jobs_by_status ON skill_company_jobs (status)",
            """
            CREATE TABLE assessment_questions (
                id \(text) PRIMARY KEY, skill_id \(text) NOT NULL, level \(integer) NOT NULL, kind \(text) NOT NULL,
                body \(text) NOT NULL, updated_at \(integer) NOT NULL)
            """,
            "CREATE INDEX assessment_questions_by_skill ON assessment_questions (skill_id, level)",
            """
            CREATE TABLE interview_sessions (
                id \(text) PRIMARY KEY, user_id \(text) NOT NULL, skill_id \(text) NOT NULL, status \(text) NOT NULL,
                started_at \(integer) NOT NULL, deadline \(integer) NOT NULL, finished_at \(integer), question_ids \(text) NOT NULL,
                score \(integer), level \(integer))
            """,
            "CREATE INDEX interview_sessions_by_user ON interview_sessions (user_id, skill_id, started_at)",
            "CREATE INDEX interview_sessions_by_skill ON interview_sessions (skill_id)",
            """
            CREATE TABLE interview_exposures (
                session_id \(text) NOT NULL, question_id \(text) NOT NULL, skill_id \(text) NOT NULL, user_id \(text) NOT NULL,
                PRIMARY KEY (session_id, question_id))
            """,
            "CREATE INDEX interview_exposures_by_skill ON interview_exposures (skill_id, question_id)",
            "CREATE INDEX interview_exposures_by_user ON interview_exposures (user_id, skill_id)",
            """
            CREATE TABLE interview_answers (
                session_id \(text) NOT NULL, question_id \(text) NOT NULL, answer \(text) NOT NULL, answered_at \(integer) NOT NULL,
                marking \(text), fingerprint \(text), review_status \(text), review_reasons \(text), decided_score \(integer),
                reviewer_id \(text), decided_at \(integer), review_note \(text), second_opinion \(text),
                PRIMARY KEY (session_id, question_id))
            """,
            "CREATE INDEX interview_answers_by_fingerprint ON interview_answers (question_id, fingerprint)",
            "CREATE INDEX interview_answers_by_review ON interview_answers (review_status, session_id)",
            """
            CREATE TABLE interview_signals (
                id \(dialect.autoIncrementPrimaryKey), session_id \(text) NOT NULL, kind \(text) NOT NULL, question_id \(text),
                at \(integer) NOT NULL, size \(integer))
            """,
            "CREATE INDEX interview_signals_by_session ON interview_signals (session_id, at)",
            """
            CREATE TABLE assessment_review_audit (
                id \(dialect.autoIncrementPrimaryKey), session_id \(text) NOT NULL, question_id \(text) NOT NULL,
                reviewer_id \(text) NOT NULL, decided_at \(integer) NOT NULL, previous_score \(integer) NOT NULL,
                score \(integer) NOT NULL, note \(text) NOT NULL)
            """,
            "CREATE INDEX assessment_review_audit_by_session ON assessment_review_audit (session_id, id)",
            """
            CREATE TABLE verified_skills (
                user_id \(text) NOT NULL, skill_id \(text) NOT NULL, level \(integer) NOT NULL, score \(integer) NOT NULL,
                session_id \(text) NOT NULL, verified_at \(integer) NOT NULL, expires_at \(integer) NOT NULL,
                PRIMARY KEY (user_id, skill_id))
            """,
            "CREATE INDEX verified_skills_by_skill ON verified_skills (skill_id, level)",
            """
            CREATE TABLE skill_matches (
                user_id \(text) NOT NULL, row_id \(integer) NOT NULL, job_id \(text) NOT NULL, score \(integer) NOT NULL,
                in_top \(integer) NOT NULL, for_company \(integer) NOT NULL, handle \(text) NOT NULL, expires_at \(integer),
                computed_at \(integer) NOT NULL, notified_at \(integer), PRIMARY KEY (user_id, row_id))
            """,
            "CREATE INDEX skill_matches_by_row ON skill_matches (row_id, score)",
            "CREATE INDEX skill_matches_by_expiry ON skill_matches (expires_at)",
            "CREATE TABLE skill_match_candidates (user_id \(text) PRIMARY KEY, fingerprint \(text) NOT NULL, complete \(integer) NOT NULL, computed_at \(integer) NOT NULL)",
            "CREATE TABLE skill_match_state (id \(integer) PRIMARY KEY, cursor \(integer) NOT NULL, lease_until \(integer))",
            """
            CREATE TABLE contact_requests (
                id \(text) PRIMARY KEY, job_id \(text) NOT NULL, company_id \(text) NOT NULL, candidate_id \(text) NOT NULL,
                requested_by \(text) NOT NULL, message \(text) NOT NULL, status \(text) NOT NULL, created_at \(integer) NOT NULL,
                answered_at \(integer), UNIQUE (job_id, candidate_id))
            """,
            "CREATE INDEX contact_requests_by_candidate ON contact_requests (candidate_id, created_at)",
            """
            CREATE TABLE skill_notifications (
                id \(text) PRIMARY KEY, user_id \(text) NOT NULL, kind \(text) NOT NULL, title \(text) NOT NULL, body \(text) NOT NULL,
                link \(text), dedupe_key \(text) NOT NULL UNIQUE, created_at \(integer) NOT NULL, read_at \(integer), mailed_at \(integer))
            """,
            "CREATE INDEX skill_notifications_by_user ON skill_notifications (user_id, created_at)",
            "CREATE INDEX skill_notifications_unmailed ON skill_notifications (mailed_at, user_id)",
            "CREATE TABLE notification_settings (user_id \(text) PRIMARY KEY, mail \(text) NOT NULL)",
            "CREATE TABLE leaderboard_settings (user_id \(text) PRIMARY KEY, opted_in \(integer) NOT NULL, display_name \(text) NOT NULL)",
        ] {
            try await database.raw(SQLQueryString(stringLiteral: statement)).run()
        }
    }
}
