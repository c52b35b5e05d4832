import Foundation
import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel

/// `plansite build --as-of`: the day the portal's figures are judged on, instead of `as-of` in
/// site.yaml. The build never reads the clock itself: "today" is resolved once, by the
/// command, before the build starts, so the same input and the same day give the same bytes.
public enum AsOfOption {
    /// Where the portal's day is counted: a build at 23:30 UTC is already the next day in Vietnam.
    public static let timeZone = "Asia/Ho_Chi_Minh"

    /// The words that mean the day of the build.
    public static let todayWords: Set<String> = ["today", "hom-nay", "hom nay", "homnay"]

    /// "dd/mm/yyyy" as written, or "today" (also "hôm nay"): the day `now` falls on in Vietnam.
    public static func resolve(_ text: String, now: Date) -> CalendarDate? {
        let trimmed = text.trimmingWhitespace()
        if todayWords.contains(VietnameseText.fold(trimmed).lowercased()) { return day(of: now) }
        return CalendarDate(parsing: trimmed)
    }

    /// The calendar day of an instant in `timeZone`.
    public static func day(of instant: Date) -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        guard let zone = TimeZone(identifier: timeZone) else { return nil }
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Where diagnostics about the day point when it came from the command line.
    static let location = SourceLocation(file: "--as-of")
}

extension ContentDefinition {
    /// The content with its site's `as-of` replaced by `day`, when one is given.
    mutating func override(asOf day: CalendarDate?) {
        guard let day, site != nil else { return }
        site?.asOf = Located(day.description, at: AsOfOption.location)
    }
}
