import Domain
import Foundation
import Platform

/// What each kind needs before it can be connected, as field errors named the way the client sent them
/// (`settings.recipients`, `credentials.access_token`).
enum ChannelValidation {
    static func problems(kind: ChannelKind, name: String, settings: ChannelSettings, secrets: ChannelSecrets) -> [FieldError] {
        var errors: [FieldError] = []
        func require(_ value: String?, _ field: String, _ what: String) {
            if (value ?? "").trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError(field: field, message: "\(what) is required for \(kind.rawValue)")) }
        }
        func url(_ value: String?, _ field: String) {
            guard let value, !value.isEmpty else { return }
            guard let parsed = URL(string: value), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                errors.append(FieldError(field: field, message: "must be an http or https URL"))
                return
            }
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 100 {
            errors.append(FieldError(field: "name", message: "must be 1 to 100 characters"))
        }
        url(settings.baseURL, "settings.base_url")
        url(settings.tokenURL, "settings.token_url")
        switch kind {
        case .email:
            if settings.recipients.isEmpty || settings.recipients.count > 50 {
                errors.append(FieldError(field: "settings.recipients", message: "must list 1 to 50 email addresses"))
            }
            for (index, address) in settings.recipients.enumerated() where !MailAddress(address).isValid {
                errors.append(FieldError(field: "settings.recipients[\(index)]", message: "is not an email address"))
            }
        case .webhook:
            require(settings.url, "settings.url", "the URL")
            url(settings.url, "settings.url")
            if let secret = secrets.signingSecret, secret.count < 16 {
                errors.append(FieldError(field: "credentials.signing_secret", message: "must be at least 16 characters"))
            }
        case .slack, .discord:
            require(secrets.webhookURL, "credentials.webhook_url", "the incoming webhook URL")
            url(secrets.webhookURL, "credentials.webhook_url")
        case .mastodon:
            require(settings.baseURL, "settings.base_url", "the instance URL")
            require(secrets.accessToken, "credentials.access_token", "an access token")
        case .linkedin:
            require(settings.account, "settings.account", "the author URN")
            if let account = settings.account, !account.isEmpty, !account.hasPrefix("urn:li:") {
                errors.append(FieldError(field: "settings.account", message: "must be a URN such as urn:li:organization:123 or urn:li:person:abc"))
            }
            require(secrets.accessToken, "credentials.access_token", "an access token")
        case .facebook:
            require(settings.account, "settings.account", "the page id")
            require(secrets.accessToken, "credentials.access_token", "a page access token")
        case .instagram:
            require(settings.account, "settings.account", "the Instagram user id")
            require(secrets.accessToken, "credentials.access_token", "an access token")
        case .sms:
            require(settings.account, "settings.account", "the account SID")
            require(settings.from, "settings.from", "the sender number")
            require(secrets.authToken, "credentials.auth_token", "the auth token")
            if settings.recipients.count != 1 {
                errors.append(FieldError(field: "settings.recipients", message: "must hold exactly one phone number (connect one SMS channel per number)"))
            }
            for (index, number) in settings.recipients.enumerated() where number.wholeMatch(of: /\+[1-9][0-9]{6,14}/) == nil {
                errors.append(FieldError(field: "settings.recipients[\(index)]", message: "must be a number in E.164 form, such as +14155550100"))
            }
        }
        return errors
    }
}
