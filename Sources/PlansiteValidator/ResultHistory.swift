import PlansiteDiagnostics
import PlansiteModel

/// A result and where it is written: a plan's quote (the result with its plan and source), or
/// an entry of results.yaml. A plan's are kept in the build cache, so that an incremental build
/// counts the plans it does not read again.
public struct ResultFigure: Codable, Hashable, Sendable {
    public let result: IndexResult
    public let location: SourceLocation
    var fromPlan: Bool { result.plan != nil }
}

/// The site's results history from its two sources: the results each plan quotes (the
/// figures as the document prints them) and results.yaml (figures no plan quotes). A figure
/// for one locality, index and year written in two places is compared: different figures
/// are an error at both places (`contradictory-result`), each with a note pointing at the
/// other; results.yaml repeating a figure is a warning (`duplicate-result`). Plans quoting
/// the same figure alike is not reported: each document prints it.
enum ResultHistory {
    struct Key: Hashable {
        let locality: LocalityID
        let index: IndexKind
        let year: Int
    }

    static func merge(_ figures: [ResultFigure], bag: inout DiagnosticBag) -> [IndexResult] {
        var groups: [Key: [ResultFigure]] = [:]
        var order: [Key] = []
        for figure in figures {
            let key = Key(locality: figure.result.locality, index: figure.result.index, year: figure.result.year)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(figure)
        }
        var merged: [IndexResult] = []
        for key in order {
            let group = groups[key]!
            for (offset, later) in group.enumerated() where offset > 0 {
                var contradicted = false
                for earlier in group[..<offset] {
                    let differences = Self.differences(earlier.result, later.result)
                    guard !differences.isEmpty else { continue }
                    contradicted = true
                    let what = "\(key.index.acronym) năm \(key.year) của '\(key.locality)'"
                    let detail = differences.joined(separator: "; ")
                    bag.error(
                        .contradictoryResult,
                        "kết quả \(what) khác với kết quả ghi ở nơi khác (\(detail)); sửa cho đúng văn bản để hai nơi ghi cùng một số",
                        at: later.location, notes: ["\(earlier.location): kết quả này ghi khác"])
                    bag.error(
                        .contradictoryResult,
                        "kết quả \(what) khác với kết quả ghi ở nơi khác (\(detail)); sửa cho đúng văn bản để hai nơi ghi cùng một số",
                        at: earlier.location, notes: ["\(later.location): kết quả này ghi khác"])
                }
                if !contradicted, !later.fromPlan, let first = group.first {
                    let message =
                        first.fromPlan
                        ? "kết quả \(key.index.acronym) năm \(key.year) của '\(key.locality)' đã được kế hoạch trích dẫn; bỏ mục này khỏi results.yaml — số liệu kế hoạch trích dẫn tự có trong lịch sử kết quả"
                        : "kết quả \(key.index.acronym) năm \(key.year) của '\(key.locality)' được ghi hai lần trong results.yaml; bỏ một mục"
                    bag.warning(
                        .duplicateResult, message, at: later.location,
                        notes: ["\(first.location): kết quả đã ghi ở đây"])
                }
            }
            merged.append(group.dropFirst().reduce(group[0].result) { combined($0, $1.result) })
        }
        return merged.sorted { ($0.locality, $0.index, $0.year) < ($1.locality, $1.index, $1.year) }
    }

    /// What two figures of one result say differently, where both say it.
    static func differences(_ a: IndexResult, _ b: IndexResult) -> [String] {
        var out: [String] = []
        if let x = a.score, let y = b.score, x != y { out.append("điểm \(x.vietnamese) và \(y.vietnamese)") }
        if let x = a.scale, let y = b.scale, x != y { out.append("thang điểm \(x.vietnamese) và \(y.vietnamese)") }
        if let x = a.writtenUnit, let y = b.writtenUnit, x != y { out.append("đơn vị '\(x)' và '\(y)'") }
        if let x = a.rank, let y = b.rank, x != y { out.append("thứ hạng \(x) và \(y)") }
        if let x = a.outOf, let y = b.outOf, x != y { out.append("tổng số \(x) và \(y)") }
        if let x = a.group, let y = b.group, x.lowercased() != y.lowercased() {
            out.append("nhóm '\(x)' và '\(y)'")
        }
        if let x = a.scoreChange, let y = b.scoreChange, x != y {
            out.append("mức thay đổi điểm \(x.vietnamese) và \(y.vietnamese)")
        }
        if let x = a.rankChange, let y = b.rankChange, x != y { out.append("mức thay đổi thứ hạng \(x) và \(y)") }
        return out
    }

    /// The first figure, with what only the second says added.
    static func combined(_ a: IndexResult, _ b: IndexResult) -> IndexResult {
        var result = IndexResult(
            locality: a.locality, index: a.index, year: a.year, score: a.score ?? b.score, rank: a.rank ?? b.rank,
            outOf: a.outOf ?? b.outOf, group: a.group ?? b.group, change: a.change ?? b.change,
            source: a.source ?? b.source, unit: a.writtenUnit ?? b.writtenUnit)
        result.scale = a.scale ?? b.scale
        result.scoreChange = a.scoreChange ?? b.scoreChange
        result.rankChange = a.rankChange ?? b.rankChange
        result.plan = a.plan ?? b.plan
        return result
    }
}
