import PlansiteDiagnostics
import PlansiteModel

/// Reads a department cell ("Chủ tịch UBND cấp huyện; Chủ tịch UBND cấp xã",
/// "Giám đốc các Sở: Tài chính, Xây dựng", "- Phòng TH - Các phòng chuyên môn") into the
/// names it lists, matched against the registry. Names the registry does not know are kept
/// as written and reported with the closest registry names; nothing is dropped.
struct DepartmentCellReader {
    let registry: Registry?
    let locality: String?

    struct Reading: Equatable {
        /// The names, as they will be written in the appendix.
        var names: [String] = []
        /// The whole cell, when it says more than the names (it becomes the task's `note`).
        var note: String?
        var notes: [Diagnostic] = []
        /// The names the registry does not know (or knows several of), as written.
        var unknown: [String] = []
    }

    /// Reads the cell at `place`; its notes point there.
    func read(_ html: String, at place: SourceLocation) -> Reading {
        let fragments = CellFragments(html)
        var reading = Reading()
        guard !fragments.isEmpty else { return reading }
        var entries: [String] = []
        for entry in fragments.entries {
            for part in entry.split(separator: ";") {
                let cleaned = clean(String(part))
                if !cleaned.isEmpty { entries.append(cleaned) }
            }
        }
        var mentionedAll = false
        for entry in entries {
            let (names, mentioned) = resolveEntry(entry)
            for name in names where !reading.names.contains(name) { reading.names.append(name) }
            mentionedAll = mentionedAll || mentioned
        }
        if mentionedAll {
            reading.note = fragments.plainText
            reading.notes.append(
                .importReading(
                    "ô đơn vị có thêm lời: hiểu là " + reading.names.map { "'\($0)'" }.joined(separator: ", ")
                        + "; toàn văn giữ ở '\(ContentKey.TaskEntry.note)'",
                    text: fragments.plainText, at: place))
        }
        for name in reading.names {
            guard let registry else { continue }
            switch registry.resolve(name, locality: locality) {
            case .found:
                continue
            case .ambiguous(let ids):
                reading.unknown.append(name)
                reading.notes.append(
                    .unknownDepartment(
                        "tên '\(name)' ứng với nhiều đơn vị (\(ids.map(\.rawValue).joined(separator: ", "))); giữ nguyên, "
                            + "hãy ghi mã đơn vị",
                        name: name, at: place))
            case .unknown(let suggestions):
                let message = Suggestions.appendingHint(
                    "không có đơn vị '\(name)' trong danh mục; giữ nguyên trong kết quả", suggestions)
                reading.unknown.append(name)
                reading.notes.append(.unknownDepartment(message, name: name, at: place))
            }
        }
        return reading
    }

    /// A list marker, stray quote and trailing punctuation removed: "- Nội chính;" → "Nội chính".
    func clean(_ text: String) -> String {
        var text = ListMarker.strip(text) ?? text.trimmingWhitespace()
        while let last = text.last, ".,;:".contains(last) { text.removeLast() }
        return text.collapsingWhitespace
    }

    private func isKnown(_ name: String) -> Bool {
        registry?.isKnown(name, locality: locality) ?? false
    }

    /// The names one entry stands for, and whether they were found inside longer words.
    func resolveEntry(_ entry: String) -> (names: [String], mentioned: Bool) {
        if isKnown(entry) { return ([entry], false) }
        if let expanded = expandShared(entry) { return (expanded, false) }
        guard let registry, let locality else { return ([entry], false) }
        for separator in [",", " - ", " – "] {
            let pieces = entry.components(separatedBy: separator).map(clean).filter { !$0.isEmpty }
            if pieces.count >= 2,
                let names = segment(pieces[...], joiner: separator.trimmingWhitespace() == "," ? ", " : separator)
            {
                return (names, false)
            }
        }
        let mentioned = registry.namesMentioned(in: entry, locality: locality)
        if !mentioned.isEmpty { return (mentioned, true) }
        return ([entry], false)
    }

    /// Splits pieces into runs that each name a department, longest runs first
    /// ("Thủ trưởng các sở, ban, ngành, Chủ tịch UBND cấp huyện").
    private func segment(_ pieces: ArraySlice<String>, joiner: String) -> [String]? {
        guard !pieces.isEmpty else { return [] }
        for end in stride(from: pieces.endIndex, to: pieces.startIndex, by: -1) {
            let candidate = pieces[pieces.startIndex..<end].joined(separator: joiner)
            guard isKnown(candidate) else { continue }
            if let rest = segment(pieces[end...], joiner: joiner) { return [candidate] + rest }
        }
        return nil
    }

    /// "Giám đốc các Sở: Tài chính, Xây dựng" → ["Giám đốc Sở Tài chính", "Giám đốc Sở Xây dựng"];
    /// "Các Sở: Kế hoạch và Đầu tư, Tài chính" → ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"].
    func expandShared(_ entry: String) -> [String]? {
        guard let colon = entry.firstIndex(of: ":") else { return nil }
        let head = String(entry[..<colon]).trimmingWhitespace()
        let list = entry[entry.index(after: colon)...]
        let words = head.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        let kinds = ["sở", "phòng", "ban", "trung tâm", "huyện", "xã"]
        for kind in kinds {
            let kindWords = kind.split(separator: " ").count
            guard words.count >= kindWords + 1 else { continue }
            let tail = words.suffix(kindWords + 1)
            guard VietnameseText.matchKey(tail.first!) == "các",
                VietnameseText.matchKey(tail.dropFirst().joined(separator: " ")) == kind
            else { continue }
            let prefix = words.dropLast(kindWords + 1).joined(separator: " ")
            var kindText = tail.dropFirst().joined(separator: " ")
            kindText = kindText.prefix(1).uppercased() + kindText.dropFirst()
            let items = list.split(separator: ",").map { clean(String($0)) }.filter { !$0.isEmpty }
            guard !items.isEmpty else { return nil }
            return items.map { [prefix, kindText, $0].filter { !$0.isEmpty }.joined(separator: " ") }
        }
        return nil
    }
}
