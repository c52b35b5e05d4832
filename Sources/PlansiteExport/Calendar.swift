import Foundation
import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording

/// `don-vi/<id>/lich.ics`: a department's dated duties as an RFC 5545 calendar.
///
/// - Every dated deadline ("trước ngày 20/6/2023") is an all-day `VEVENT` on that day. Events,
///   not to-dos: Google Calendar and Outlook subscriptions show events and ignore `VTODO`.
/// - A quarterly duty ("Hằng quý") is one all-day event recurring every three months
///   (`RRULE:FREQ=MONTHLY;INTERVAL=3;UNTIL=<plan year>1231`) on the reporting day of the last
///   month of each quarter: the day the task's text gives ("Định kỳ ngày 20 hằng quý", "trước
///   ngày 25 hằng quý", "ngày 15 của tháng cuối quý"), else the site's report day (the 20th). It
///   starts at the first quarter whose reporting day is on or after the plan's date (March when
///   the plan is dated before its year), and is left out when no reporting day of the plan's
///   year remains.
/// - Yearly, ongoing, before-an-event and free-text time frames have no date: not in the calendar.
/// - Status on the site's as-of date (`settings.progressRules`, never the clock), as the model's
///   status rules judge it: every event's description says it. A dated task overdue on that day
///   has "[Quá hạn] " before its summary and a second `CATEGORIES:Quá hạn` line. A recurring
///   duty (quarterly or yearly) gets one more event per missed period, on the period's due date
///   (`ReportingPeriod.dueDate(reportDay:)` with the site's report day): "[Quá hạn] Báo cáo Quý
///   I/2024 – <summary>", `CATEGORIES:Quá hạn`.
/// - UID: `<plan slug>.<task anchor>.<department id>@plansite` — the same task gives the same UID
///   in every build; a missed period's event is `<plan slug>.<task anchor>.<period slug>.<department
///   id>@plansite`. A department with two roles in one task gets one event naming both roles.
/// - DTSTAMP is the site's as-of date at 00:00 UTC, never the clock.
/// - The Asia/Ho_Chi_Minh zone (UTC+7, no daylight saving time) is declared as a VTIMEZONE and
///   as X-WR-TIMEZONE; the all-day dates themselves are floating dates, as RFC 5545 requires.
enum DepartmentCalendar {
    static let productID = "-//plansite//Lich nhiem vu don vi//VI"
    static let timeZone = "Asia/Ho_Chi_Minh"
    /// The category and summary prefix of what is overdue on the as-of date.
    static let overdue = TaskStatus.overdue.label

    struct Event {
        let start: CalendarDate
        let recurrence: String?
        let uid: String
        let summary: String
        let description: String
        /// One `CATEGORIES` line per list: the roles, then "Quá hạn" when overdue.
        let categories: [[String]]
        let url: String?
        let sortKey: (CalendarDate, PlanID, String)
    }

    /// `progress`: the assessed statuses by plan slug (a plan it lacks is judged here).
    static func build(
        _ department: Department, entries: [TaskAssignment], settings: SiteSettings,
        departments: [DepartmentID: Department], progress: [PlanID: PlanProgress] = [:]
    ) -> Data {
        // One event per task: a department may play two roles in the same task.
        var order: [String] = []
        var grouped: [String: (entry: TaskAssignment, roles: [TaskRole])] = [:]
        for entry in entries {
            let key = "\(entry.plan.slug)\u{0}\(entry.task.anchor)"
            if grouped[key] == nil {
                order.append(key)
                grouped[key] = (entry, [entry.role])
            } else if !grouped[key]!.roles.contains(entry.role) {
                grouped[key]!.roles.append(entry.role)
            }
        }
        let events = order.flatMap { key -> [Event] in
            let (entry, roles) = grouped[key]!
            return self.events(
                entry, roles: roles.sorted(), department: department, settings: settings,
                departments: departments, progress: progress[entry.plan.slug])
        }
        .sorted { ($0.sortKey.0, $0.sortKey.1, $0.sortKey.2) < ($1.sortKey.0, $1.sortKey.1, $1.sortKey.2) }

        var ics = ICSWriter()
        ics.add("BEGIN", "VCALENDAR")
        ics.add("VERSION", "2.0")
        ics.add("PRODID", productID)
        ics.add("CALSCALE", "GREGORIAN")
        ics.add("METHOD", "PUBLISH")
        let name = "Nhiệm vụ — \(department.name)"
        ics.add("NAME", ICSValue.text(name))
        ics.add("X-WR-CALNAME", ICSValue.text(name))
        let about =
            "Hạn nhiệm vụ của \(department.name) trong các kế hoạch trên \(settings.title)."
            + " Thông tin tính đến ngày \(settings.asOf)."
        ics.add("X-WR-CALDESC", ICSValue.text(about))
        ics.add("X-WR-TIMEZONE", timeZone)
        ics.add("REFRESH-INTERVAL;VALUE=DURATION", "P1D")
        ics.add("X-PUBLISHED-TTL", "P1D")
        ics.add("BEGIN", "VTIMEZONE")
        ics.add("TZID", timeZone)
        ics.add("BEGIN", "STANDARD")
        ics.add("DTSTART", "19750613T000000")
        ics.add("TZOFFSETFROM", "+0700")
        ics.add("TZOFFSETTO", "+0700")
        ics.add("TZNAME", "ICT")
        ics.add("END", "STANDARD")
        ics.add("END", "VTIMEZONE")
        let stamp = compact(settings.asOf) + "T000000Z"
        for event in events {
            ics.add("BEGIN", "VEVENT")
            ics.add("UID", event.uid)
            ics.add("DTSTAMP", stamp)
            ics.add("DTSTART;VALUE=DATE", compact(event.start))
            ics.add("DTEND;VALUE=DATE", compactDayAfter(event.start))
            if let recurrence = event.recurrence { ics.add("RRULE", recurrence) }
            ics.add("SUMMARY", ICSValue.text(event.summary))
            ics.add("DESCRIPTION", ICSValue.text(event.description))
            for categories in event.categories {
                ics.add("CATEGORIES", categories.map(ICSValue.text).joined(separator: ","))
            }
            if let url = event.url { ics.add("URL", url) }
            ics.add("TRANSP", "TRANSPARENT")
            ics.add("END", "VEVENT")
        }
        ics.add("END", "VCALENDAR")
        return Data(ics.output.utf8)
    }

    /// The task's event (a deadline or a quarterly series), when it has a date, and one event
    /// per period it missed.
    private static func events(
        _ entry: TaskAssignment, roles: [TaskRole], department: Department, settings: SiteSettings,
        departments: [DepartmentID: Department], progress planProgress: PlanProgress?
    ) -> [Event] {
        let plan = entry.plan
        let task = entry.task
        let criterion = entry.criterion
        guard let timeFrame = task.timeFrame else { return [] }
        let rules = settings.progressRules
        let progress = planProgress?[anchor: task.anchor] ?? plan.progress(of: task, rules: rules)
        var start: CalendarDate?
        var recurrence: String?
        var quarterNote: String?
        switch timeFrame.kind {
        case .deadline(let date):
            start = date
        case .quarterly:
            let stated = task.statedReportDay
            let day = rules.reportDay(for: task)
            if let first = firstQuarter(of: plan, day: day) {
                start = first
                recurrence = "FREQ=MONTHLY;INTERVAL=3;UNTIL=\(plan.year)1231"
                quarterNote =
                    "Hằng quý: ngày \(day) tháng cuối mỗi quý năm \(plan.year)"
                    + (stated == nil ? " (văn bản không ghi ngày; lấy ngày \(day) theo quy ước)" : " (theo văn bản)")
            }
        default:
            break
        }
        guard start != nil || !progress.missedPeriods.isEmpty else { return [] }
        let text = task.text.map(PlainText.flatten)
        let summaryText = summary(task: task, text: text, criterion: criterion)
        let url = base(of: settings).map { $0 + SiteMap.row(plan.slug, task.anchor) }
        var about: [String] = []
        if let text { about.append("Nhiệm vụ: " + text) }
        if let note = task.note { about.append("Ghi chú: " + note) }
        if let criterion {
            let appendix = appendix(of: criterion, in: plan)
            let heading = appendix.map { "Phụ lục \($0.number) (\($0.index.acronym)) — " } ?? ""
            about.append(
                "Tiêu chí: " + heading + [criterion.code, criterion.title].compactMap { $0 }.joined(separator: " "))
        }
        about.append("Vai trò của \(department.displayName): " + roles.map(\.label).joined(separator: "; "))
        for role in TaskRole.allCases where !task.departments(in: role).isEmpty {
            about.append(role.label + ": " + PlanCSV.names(task.departments(in: role), departments))
        }
        about.append("Thời gian thực hiện: " + timeFrame.text)
        let status = statusLines(progress, rules: rules)
        var closing = ["Văn bản: \(plan.reference) \(plan.date.phrase) của \(plan.issuer) — \(plan.title)"]
        if let url { closing.append("Xem: " + url) }
        let roleLabels = roles.map(\.label)
        let uidStem = "\(plan.slug).\(task.anchor)"

        var events: [Event] = []
        if let start {
            let late = progress.status == .overdue && timeFrame.deadline != nil
            var lines = about
            if let quarterNote { lines.append(quarterNote) }
            events.append(
                Event(
                    start: start, recurrence: recurrence, uid: "\(uidStem).\(department.id)@plansite",
                    summary: (late ? "[\(overdue)] " : "") + summaryText,
                    description: (lines + status + closing).joined(separator: "\n"),
                    categories: late ? [roleLabels, [overdue]] : [roleLabels], url: url,
                    sortKey: (start, plan.slug, task.anchor)))
        }
        for period in progress.missedPeriods {
            let due = period.dueDate(reportDay: rules.reportDay(for: task))
            let missed = "Kỳ báo cáo: \(period) — hạn ngày \(due), chưa có báo cáo"
            events.append(
                Event(
                    start: due, recurrence: nil, uid: "\(uidStem).\(period.slug).\(department.id)@plansite",
                    summary: "[\(overdue)] Báo cáo \(period) – \(summaryText)",
                    // A series or deadline event, when there is one, carries the task's details.
                    description: ([missed] + (start == nil ? about : []) + status + closing).joined(separator: "\n"),
                    categories: [roleLabels, [overdue]], url: url,
                    sortKey: (due, plan.slug, task.anchor + "." + period.slug)))
        }
        return events
    }

    /// "Tình trạng tính đến ngày 15/06/2024: Quá hạn", then the periods missed and the latest report.
    static func statusLines(_ progress: TaskProgress, rules: ProgressRules) -> [String] {
        var lines = ["Tình trạng tính đến ngày \(rules.asOf): \(progress.status.label)"]
        if !progress.missedPeriods.isEmpty {
            lines.append("Kỳ chưa báo cáo: " + progress.missedPeriods.map(\.description).joined(separator: ", "))
        }
        if let latest = progress.latest {
            let percent = latest.percent.map { ", \($0.vietnamese)%" } ?? ""
            lines.append(
                "Báo cáo gần nhất: \(latest.period) — \(latest.status.label)\(percent) (ngày \(latest.date))")
        } else if progress.status != .notReported {
            lines.append("Chưa có báo cáo")
        }
        for anomaly in progress.anomalies { lines.append("Lưu ý: \(anomaly.readerNote)") }
        return lines
    }

    /// The appendix a criterion row is in: its anchor starts with "pl<n>-".
    static func appendix(of criterion: Criterion, in plan: Plan) -> Appendix? {
        let digits = criterion.anchor.dropFirst(2).prefix { $0.isASCII && $0.isNumber }
        if criterion.anchor.hasPrefix("pl"), let number = Int(digits),
            let appendix = plan.appendices.first(where: { $0.number == number })
        {
            return appendix
        }
        return plan.appendices.first { $0.rows.contains { $0.criterion.anchor == criterion.anchor } }
    }

    /// The criterion's code and title, or the start of the task's text.
    static func summary(task: PlanTask, text: String?, criterion: Criterion?) -> String {
        if let text {
            let words = text.split(separator: " ")
            let start = words.count > 16 ? words.prefix(16).joined(separator: " ") + " …" : words.joined(separator: " ")
            if let code = task.code { return "\(code). \(start)" }
            return start
        }
        if let criterion { return [criterion.code, criterion.title].compactMap { $0 }.joined(separator: " ") }
        return task.code.map { "Nhiệm vụ \($0)" } ?? "Nhiệm vụ"
    }

    /// The first quarter's reporting day in the plan's year on or after the plan's date.
    static func firstQuarter(of plan: Plan, day: Int) -> CalendarDate? {
        CalendarDates.firstQuarter(of: plan, day: day)
    }

    static func compact(_ date: CalendarDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    /// The day after `date` as an iCalendar DATE ("20240621"), computed on plain numbers: total
    /// for every date the model holds, including the last one (31/12/2999 → "30000101"), which
    /// `CalendarDate` itself cannot hold.
    static func compactDayAfter(_ date: CalendarDate) -> String {
        var (year, month, day) = (date.year, date.month, date.day + 1)
        if day > CalendarDate.daysIn(month: month, year: year) {
            day = 1
            month += 1
        }
        if month > 12 {
            month = 1
            year += 1
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)\(two(month))\(two(day))"
    }

    /// The base URL with exactly one trailing slash.
    static func base(of url: String) -> String { url.hasSuffix("/") ? url : url + "/" }

    /// The site's `base-url` with one trailing slash, when it is a web address
    /// (`WebAddress.baseURLProblem`, which the checker applies to `site.yaml`): nothing else is
    /// ever written as a link into a calendar, feed or sitemap.
    static func base(of settings: SiteSettings) -> String? {
        guard let url = settings.baseURL, !url.isEmpty, WebAddress.baseURLProblem(url) == nil else { return nil }
        return base(of: url)
    }
}

/// Content lines of an iCalendar object: CRLF ends, lines folded at 75 octets without splitting
/// a UTF-8 sequence, no control character inside a value.
struct ICSWriter {
    private var bytes: [UInt8] = []

    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// One content line. Every value, whatever its type (TEXT values escaped with
    /// `ICSValue.text` first, URIs, UIDs, dates), passes through `ICSValue.line`: no control
    /// character or line end can reach the output inside a value, so a value can never end its
    /// line or start another property.
    mutating func add(_ name: String, _ value: String) {
        ICSWriter.fold(
            Array(ICSValue.line(name).utf8) + [UInt8(ascii: ":")] + Array(ICSValue.line(value).utf8), into: &bytes)
    }

    /// RFC 5545 §3.1: lines of at most 75 octets (without the CRLF); a continuation line starts
    /// with one space, which counts towards its 75. A line is only broken before the first byte
    /// of a UTF-8 sequence, never inside one.
    static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        fold(Array(line.utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func fold(_ line: [UInt8], into out: inout [UInt8]) {
        var length = 0
        var index = 0
        while index < line.count {
            // The whole UTF-8 sequence starting here.
            var end = index + 1
            while end < line.count, line[end] & 0xC0 == 0x80 { end += 1 }
            if length + (end - index) > 75 {
                out.append(0x0D)
                out.append(0x0A)
                out.append(UInt8(ascii: " "))
                length = 1
            }
            for position in index..<end { out.append(line[position]) }
            length += end - index
            index = end
        }
        out.append(0x0D)
        out.append(0x0A)
    }
}
