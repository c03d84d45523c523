import Accounts
import Domain
import Foundation
import SQLKit

extension User {
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: String.self),
            email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String?.self),
            groups: Set(try row.decode(column: "groups", as: String.self).split(separator: ",").compactMap { UserGroup(rawValue: String($0)) }),
            isDisabled: try row.decode(column: "disabled", as: Int64.self) != 0,
            emailVerifiedAt: try row.decode(column: "email_verified_at", as: Int64?.self).map(Milliseconds.date),
            externalSubject: try row.decode(column: "external_subject", as: String?.self),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    /// Groups as stored: sorted names joined by commas.
    var storedGroups: String { groups.sorted().map(\.rawValue).joined(separator: ",") }
}

extension UserProfile {
    init(row: any SQLRow) throws {
        let skills = try row.decode(column: "skills", as: String.self)
        let preferences = try row.decode(column: "preferences", as: String.self)
        self.init(
            headline: try row.decode(column: "headline", as: String?.self),
            location: try row.decode(column: "location", as: String?.self),
            remotePreference: try row.decode(column: "remote_preference", as: String?.self).flatMap(RemotePreference.init(rawValue:)),
            desiredSalary: try row.decode(column: "desired_salary", as: Int?.self),
            salaryCurrency: try row.decode(column: "salary_currency", as: String?.self),
            skills: (try? JSONDecoder().decode([String].self, from: Data(skills.utf8))) ?? [],
            careerStage: try row.decode(column: "career_stage", as: String?.self).flatMap(CareerStage.init(rawValue:)),
            preferences: (try? JSONDecoder().decode([String: JSONValue].self, from: Data(preferences.utf8))) ?? [:],
            updatedAt: try row.decode(column: "updated_at", as: Int64?.self).map(Milliseconds.date)
        )
    }
}

extension APIKey {
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            prefix: try row.decode(column: "prefix", as: String.self),
            secretHash: try row.decode(column: "secret_hash", as: String.self),
            ratePerSecond: try row.decode(column: "rate_per_second", as: Int.self),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            lastUsedAt: try row.decode(column: "last_used_at", as: Int64?.self).map(Milliseconds.date)
        )
    }
}

extension SavedSearch {
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            query: try row.decode(column: "query", as: String.self),
            matchingKey: try row.decode(column: "matching_key", as: String.self),
            alertEnabled: try row.decode(column: "alert_enabled", as: Int64.self) != 0,
            alertFrequency: AlertFrequency(rawValue: try row.decode(column: "alert_frequency", as: String.self)) ?? .daily,
            alertWatermark: try row.decode(column: "alert_watermark", as: Int64.self),
            lastAlertedAt: try row.decode(column: "last_alerted_at", as: Int64?.self).map(Milliseconds.date),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
