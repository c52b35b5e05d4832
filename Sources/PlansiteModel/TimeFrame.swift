/// When a task is to be done, as the document says it.
public struct TimeFrame: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case ongoing
        case yearly
        case quarterly
        case deadline(CalendarDate)
        case beforeEvent(String)
        case text
    }

    public let kind: Kind
    /// The words of the document, shown as written.
    public let text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// Reads the phrases plans use: "Thường xuyên", "Hằng năm", "Hàng quý",
    /// "trước ngày 20/6/2023", "Trước bầu cử"; anything else is kept as free text.
    public init(parsing raw: String) {
        let text = raw.collapsingWhitespace
        if let kind = TimeFrame.commonPhrases[text] {
            self.init(kind: kind, text: text)
            return
        }
        let folded = VietnameseText.fold(text)
        let kind: Kind
        if folded == "thuong xuyen" {
            kind = .ongoing
        } else if ["hang nam", "hang nam."].contains(folded) {
            kind = .yearly
        } else if folded.hasSuffix("hang quy"), folded.count <= "dinh ky hang quy".count {
            kind = .quarterly
        } else if let date = TimeFrame.trailingDate(in: text, folded: folded) {
            kind = .deadline(date)
        } else if folded.hasPrefix("truoc "), text.count > 6 {
            kind = .beforeEvent(String(text.dropFirst(6)))
        } else {
            kind = .text
        }
        self.init(kind: kind, text: text)
    }

    /// The phrases nearly every task uses, recognised without folding the text.
    private static let commonPhrases: [String: Kind] = [
        "Thường xuyên": .ongoing, "thường xuyên": .ongoing, "Hằng năm": .yearly, "Hàng năm": .yearly,
        "hằng năm": .yearly, "hàng năm": .yearly, "Hằng quý": .quarterly, "Hàng quý": .quarterly,
        "hằng quý": .quarterly, "hàng quý": .quarterly,
    ]

    /// "20/6/2023", "trước ngày 20/6/2023", "Trước ngày 20/6/2023." → the date.
    private static func trailingDate(in text: String, folded: String) -> CalendarDate? {
        var candidate = folded
        for prefix in ["truoc ngay ", "den ngay ", "ngay ", "truoc "] where candidate.hasPrefix(prefix) {
            candidate.removeFirst(prefix.count)
            break
        }
        if candidate.hasSuffix(".") { candidate.removeLast() }
        return CalendarDate(parsing: candidate)
    }

    public var deadline: CalendarDate? {
        if case .deadline(let date) = kind { return date }
        return nil
    }

    /// A short category name for grouping and charts.
    public var category: Category {
        switch kind {
        case .deadline: .dated
        case .quarterly: .quarterly
        case .yearly: .yearly
        case .ongoing: .ongoing
        case .beforeEvent, .text: .other
        }
    }

    /// The category of a task's time frame; a task whose document states none is `unstated`,
    /// never "other".
    public static func category(of timeFrame: TimeFrame?) -> Category { timeFrame?.category ?? .unstated }

    public enum Category: String, Sendable, CaseIterable, Hashable, Codable {
        case dated
        case quarterly
        case yearly
        case ongoing
        case other
        /// The document gives the task no time frame.
        case unstated
    }
}
