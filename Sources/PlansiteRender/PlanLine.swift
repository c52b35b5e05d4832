import PlansiteAssess
import PlansiteModel

extension ProgressFigures {
    /// What plan lists say of a plan's progress: "45% hoàn thành, 3 quá hạn"; "Chưa có báo
    /// cáo" when no official report is counted (never "0% hoàn thành"); nil for a plan with no
    /// tasks.
    var line: String? {
        guard counts.total > 0 else { return nil }
        let late = overdueCount > 0 ? ", \(VietnameseNumber.format(overdueCount)) quá hạn" : ""
        if counts.reported == 0 { return "Chưa có báo cáo" + late }
        if counts.applicable == 0 { return "Không áp dụng" }
        return "\(counts.percentFinished)% hoàn thành" + late
    }
}
