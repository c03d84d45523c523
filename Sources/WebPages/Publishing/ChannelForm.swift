import Domain
import Foundation
import Publishing

/// The "connect a channel" form: one group of fields per kind, each field named `kind.field` so that
/// every group can be shown at once where scripts do not run, and only the chosen kind's group is read.
struct ChannelForm {
    struct Field {
        var key: String
        var label: String
        var type = "text"
        /// The service's name for the field, which its errors carry.
        var errorKey: String
        /// Credentials are never put back into a page, not even after a mistake.
        var secret = false
    }

    var kind: ChannelKind?
    var name = ""
    var baseURL = ""
    /// What was typed, by `kind.field`, without the credentials.
    var values: [String: String] = [:]
    var errors = FormErrors()

    static func fields(_ kind: ChannelKind) -> [Field] {
        let token = Field(key: "access_token", label: "Access token", type: "password", errorKey: "credentials.access_token", secret: true)
        switch kind {
        case .email:
            return [Field(key: "recipients", label: "Recipients: email addresses, separated by commas", errorKey: "settings.recipients")]
        case .webhook:
            return [Field(key: "url", label: "Target URL", type: "url", errorKey: "settings.url"),
                    Field(key: "signing_secret", label: "Signing secret (optional, at least 16 characters; left empty, one is made and shown once)",
                          type: "password", errorKey: "credentials.signing_secret", secret: true)]
        case .slack, .discord:
            return [Field(key: "webhook_url", label: "Incoming-webhook URL", type: "url", errorKey: "credentials.webhook_url", secret: true)]
        case .mastodon:
            return [Field(key: "base_url", label: "Instance URL, such as https://mastodon.social", type: "url", errorKey: "settings.base_url"), token]
        case .linkedin:
            return [Field(key: "account", label: "Author URN: urn:li:person:… or urn:li:organization:…", errorKey: "settings.account"), token,
                    Field(key: "refresh_token", label: "Refresh token (optional)", type: "password", errorKey: "credentials.refresh_token", secret: true),
                    Field(key: "client_id", label: "Client id (optional, to refresh the token)", errorKey: "credentials.client_id", secret: true),
                    Field(key: "client_secret", label: "Client secret (optional, to refresh the token)", type: "password",
                          errorKey: "credentials.client_secret", secret: true)]
        case .facebook:
            return [Field(key: "account", label: "Page id", errorKey: "settings.account"),
                    Field(key: "access_token", label: "Page access token", type: "password", errorKey: "credentials.access_token", secret: true)]
        case .instagram:
            return [Field(key: "account", label: "Instagram user id", errorKey: "settings.account"), token]
        case .sms:
            return [Field(key: "account", label: "Account SID", errorKey: "settings.account"),
                    Field(key: "from", label: "From number, such as +14155550100", type: "tel", errorKey: "settings.from"),
                    Field(key: "to", label: "To number, such as +14155550123", type: "tel", errorKey: "settings.recipients"),
                    Field(key: "auth_token", label: "Auth token", type: "password", errorKey: "credentials.auth_token", secret: true)]
        }
    }

    /// Reads the chosen kind's fields. Only the kind's own group counts, whatever else was typed.
    static func read(_ form: FormBody) -> (form: ChannelForm, settings: ChannelSettings, secrets: ChannelSecrets) {
        var state = ChannelForm(kind: form["kind"].flatMap(ChannelKind.init(rawValue:)))
        state.name = form["name"] ?? ""
        state.baseURL = form["base_url"] ?? ""
        guard let kind = state.kind else { return (state, ChannelSettings(), ChannelSecrets()) }
        func value(_ key: String) -> String? { PublishText.nonEmpty(form["\(kind.rawValue).\(key)"]) }
        for field in fields(kind) where !field.secret { state.values["\(kind.rawValue).\(field.key)"] = form["\(kind.rawValue).\(field.key)"] ?? "" }
        var settings = ChannelSettings(baseURL: PublishText.nonEmpty(state.baseURL))
        var secrets = ChannelSecrets()
        switch kind {
        case .email:
            settings.recipients = (value("recipients") ?? "").split(whereSeparator: { ",;\n".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .webhook:
            settings.url = value("url")
            secrets.signingSecret = value("signing_secret")
        case .slack, .discord:
            secrets.webhookURL = value("webhook_url")
        case .mastodon:
            settings.baseURL = value("base_url")
            secrets.accessToken = value("access_token")
        case .linkedin:
            settings.account = value("account")
            secrets.accessToken = value("access_token")
            secrets.refreshToken = value("refresh_token")
            secrets.clientID = value("client_id")
            secrets.clientSecret = value("client_secret")
        case .facebook, .instagram:
            settings.account = value("account")
            secrets.accessToken = value("access_token")
        case .sms:
            settings.account = value("account")
            settings.from = value("from")
            settings.recipients = value("to").map { [$0] } ?? []
            secrets.authToken = value("auth_token")
        }
        return (state, settings, secrets)
    }

    /// The form's model: every kind's group, the chosen one's input kept and its errors beside its fields.
    var model: [String: Any] {
        let chosen = kind ?? .webhook
        let groups = ChannelKind.allCases.map { each -> [String: Any] in
            let fields = Self.fields(each).map { field -> [String: Any] in
                let name = "\(each.rawValue).\(field.key)"
                let error = each == chosen ? errors.text(field.errorKey) : ""
                return ["name": name, "id": "channel-\(each.rawValue)-\(field.key)", "label": field.label, "type": field.type,
                        "value": field.secret ? "" : values[name] ?? "", "fieldError": error, "secret": field.secret]
            }
            return ["kind": each.rawValue, "label": PublishText.kind(each), "fields": fields]
        }
        return [
            "kinds": ChannelKind.allCases.map { ["value": $0.rawValue, "label": PublishText.kind($0), "selected": $0 == chosen] as [String: Any] },
            "groups": groups, "name": name, "baseURL": baseURL, "nameError": errors.text("name"),
            // Mastodon's instance URL is the base URL; its error shows beside that field instead.
            "baseURLError": chosen == .mastodon ? "" : errors.text("settings.base_url"),
            "formErrors": errors.list(labels: Self.labels(chosen)), "hasFormErrors": !errors.isEmpty,
        ]
    }

    static func labels(_ kind: ChannelKind) -> [String: String] {
        var labels = ["name": "Name", "kind": "Kind", "settings.base_url": "API base URL"]
        for field in fields(kind) { labels[field.errorKey] = field.label }
        return labels
    }

    /// The one credential that brings a channel back when its token expired or its URL changed.
    static func reconnectField(_ kind: ChannelKind) -> (label: String, type: String)? {
        switch kind {
        case .email: nil
        case .webhook: ("New signing secret (at least 16 characters)", "password")
        case .slack, .discord: ("New incoming-webhook URL", "url")
        case .mastodon, .linkedin, .instagram: ("New access token", "password")
        case .facebook: ("New page access token", "password")
        case .sms: ("New auth token", "password")
        }
    }

    static func reconnectSecrets(_ kind: ChannelKind, _ value: String) -> ChannelSecrets {
        switch kind {
        case .email: ChannelSecrets()
        case .webhook: ChannelSecrets(signingSecret: value)
        case .slack, .discord: ChannelSecrets(webhookURL: value)
        case .mastodon, .linkedin, .instagram, .facebook: ChannelSecrets(accessToken: value)
        case .sms: ChannelSecrets(authToken: value)
        }
    }
}
