import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import Publishing

/// `/publish`: the publisher's calendar. Messages by the time they are due, a month or a week at a time,
/// filtered by a delivery's status and by channel, each linking to its page; and a button that queues
/// every failed delivery a retry can help.
struct PublishPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("publish", use: calendar)
        group.post("publish/retry", use: retryAll)
    }

    private var publishing: PublishingAPI { web.dependencies.publishing }
    /// More than anyone schedules in a month; the list under the calendar says when it is cut.
    static let limit = 500

    @Sendable func calendar(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let query = request.uri.queryParameters
        let period = CalendarPeriod.from(month: query.get("month"), week: query.get("week"), now: Date())
        let status = query.get("status").flatMap(DeliveryStatus.init(rawValue:))
        let channels = try await publishing.channels.channels(owner: user.actor).sorted { $0.name.lowercased() < $1.name.lowercased() }
        let channelID = query.get("channel").flatMap { id in channels.contains { $0.id == id } ? id : nil }
        let filter = MessageFilter(status: status, channelID: channelID, dueFrom: period.start, dueBefore: period.end, limit: Self.limit)
        let messages = try await publishing.messages.messages(owner: user.actor, filter: filter).sorted { $0.message.dueAt < $1.message.dueAt }
        let names = Dictionary(channels.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let byDay = Dictionary(grouping: messages) { PostingText.isoDate($0.message.dueAt) }
        let today = PostingText.isoDate(Date())
        let filters = Self.filterQuery(status: status, channel: channelID)
        let weeks = period.weeks.map { week -> [String: Any] in
            ["days": week.map { day -> [String: Any] in
                let iso = PostingText.isoDate(day.day)
                return ["number": CalendarPeriod.calendar.component(.day, from: day.day), "date": PostingText.date(day.day), "inPeriod": day.inPeriod,
                        "isToday": iso == today, "messages": (byDay[iso] ?? []).map { Self.entry($0, names: names) }, "hasMessages": byDay[iso] != nil]
            }]
        }
        let otherScale = period.scale == .month
            ? CalendarPeriod.week(containing: period.start <= Date() && Date() < period.end ? Date() : period.start)
            : CalendarPeriod.month(containing: period.start)
        let model: [String: Any] = [
            "title": period.title, "isMonth": period.scale == .month, "weeks": weeks,
            "previousURL": "/publish?\(period.previous.query)\(filters)", "nextURL": "/publish?\(period.next.query)\(filters)",
            "otherScaleURL": "/publish?\(otherScale.query)\(filters)", "otherScale": period.scale == .month ? "Week view" : "Month view",
            "month": period.scale == .month ? String(period.query.dropFirst("month=".count)) : "",
            "week": period.scale == .week ? String(period.query.dropFirst("week=".count)) : "",
            "statuses": DeliveryStatus.allCases.map { ["value": $0.rawValue, "label": PublishText.deliveryStatus($0), "selected": $0 == status] },
            "channels": channels.map { ["value": $0.id, "label": "\($0.name) (\(PublishText.kind($0.kind)))", "selected": $0.id == channelID] },
            "filterStatus": status?.rawValue ?? "", "filterChannel": channelID ?? "",
            "rows": messages.map { Self.entry($0, names: names) }, "hasRows": !messages.isEmpty, "cut": messages.count == Self.limit,
            "hasChannels": !channels.isEmpty,
        ]
        return await web.publishPage("publish-calendar", model, title: "Publish: \(period.title)", request, context)
    }

    /// Queues again what failed, within the filters shown (a channel, failed or dead), whatever the period.
    @Sendable func retryAll(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/publish").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        var filter = MessageFilter()
        filter.status = form["status"].flatMap(DeliveryStatus.init(rawValue:)).flatMap { $0.isFailure ? $0 : nil }
        filter.channelID = PublishText.nonEmpty(form["channel"])
        let retried = try await publishing.messages.retryAll(owner: user.actor, filter: filter)
        // Only what the page itself wrote goes back into the address.
        let period = CalendarPeriod.from(month: PublishText.nonEmpty(form["month"]), week: PublishText.nonEmpty(form["week"]), now: Date())
        return PageRenderer.redirect(to: "/publish?\(period.query)&notice=\(retried.isEmpty ? "nothing-to-retry" : "retried-all")")
    }

    static func entry(_ published: PublishedMessage, names: [String: String]) -> [String: Any] {
        let message = published.message
        let channels = published.deliveries.map { names[$0.channelID] ?? PublishText.kind($0.channelKind) }
        return [
            "url": "/publish/messages/\(message.id)", "label": PublishText.label(message), "status": PublishText.messageStatus(published.status),
            "time": String(PublishText.time(message.dueAt).dropFirst(11)), "due": PublishText.time(message.dueAt),
            "channelNames": channels.joined(separator: ", "), "hasFailure": published.deliveries.contains { $0.status.isFailure },
        ]
    }

    /// `&status=…&channel=…` for the links that move through time, keeping the filters.
    static func filterQuery(status: DeliveryStatus?, channel: String?) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
        return (status.map { "&status=\($0.rawValue)" } ?? "") + (channel.map { "&channel=\($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" } ?? "")
    }
}
