import PlansiteModel

/// The progress reports of one plan, `bao-cao-<năm>-quy-<n>-<đơn vị>.yaml`: for each quarter of
/// the plan's year whose report falls due on or after the plan's date (and has ended by the
/// as-of date), most lead departments send one report on the tasks they lead. Each department
/// has its own diligence, so some quarters go unreported and recurring duties show as overdue.
///
/// Everything passes the checker without a warning: references as it builds them, lead
/// departments only, dates from the period's last month to the as-of date, and percents that
/// agree with the status.
struct ProgressReports {
    struct File {
        let name: String
        let text: String
    }

    let plan: PlanHeading
    let registry: Registry
    let tasks: [TaskFactory.Written]
    let seed: UInt64

    /// Where a task stands at the end of a quarter: its progress only grows.
    private enum Step {
        case percent(Int)
        case notApplicable
    }

    /// The quarters reported on: due on or after the plan's date, ended by the as-of date.
    var quarters: [ReportingPeriod] {
        let start = CalendarDate(year: plan.year, month: plan.month, day: plan.day)!
        return (1...4).compactMap { ReportingPeriod(year: plan.year, span: .quarter($0)) }.filter {
            $0.dueDate(reportDay: ProgressRules.defaultReportDay) >= start && $0.end <= Corpus.asOfDate
        }
    }

    func files(rng: inout SplitMix64) -> [File] {
        let quarters = self.quarters
        guard !quarters.isEmpty else { return [] }
        let progress = tasks.map { steps(for: $0, quarters: quarters, rng: &rng) }
        // Lead departments in the order they first appear, with the tasks each leads.
        var leads: [String] = []
        var led: [String: [Int]] = [:]
        for (number, task) in tasks.enumerated() {
            for key in task.leads {
                if led[key] == nil { leads.append(key) }
                led[key, default: []].append(number)
            }
        }
        // How often each sends its report: about seven quarters in ten on average.
        let diligence = leads.map { _ in rng.pick([100, 95, 90, 80, 70, 55, 40, 30]) }
        var files: [File] = []
        for (position, period) in quarters.enumerated() {
            for (key, percent) in zip(leads, diligence) where rng.chance(percent, in: 100) {
                var numbers = led[key]!.filter { _ in !rng.chance(3, in: 100) }
                if numbers.isEmpty { numbers = led[key]! }
                let text = report(
                    key, period: period, entries: numbers.map { ($0, progress[$0][position]) }, rng: &rng)
                let quarter = period.months.upperBound / 3
                files.append(File(name: "bao-cao-\(plan.year)-quy-\(quarter)-\(key).yaml", text: text))
            }
        }
        return files
    }

    /// One task's progress quarter by quarter: done by its deadline or in the last quarter
    /// mostly, stalled now and then, and a few not applicable at all.
    private func steps(for task: TaskFactory.Written, quarters: [ReportingPeriod], rng: inout SplitMix64) -> [Step] {
        if rng.chance(3, in: 100) { return quarters.map { _ in .notApplicable } }
        var percent = 0
        return quarters.map { period in
            guard percent < 100 else { return .percent(100) }
            let finishes: Int
            if let deadline = task.timeFrame?.deadline, deadline <= period.end {
                finishes = 85
            } else if period.end.month == 12 {
                finishes = 70
            } else {
                finishes = 8
            }
            if rng.chance(finishes, in: 100) {
                percent = 100
            } else if !rng.chance(12, in: 100) {
                percent = min(95, percent + rng.int(3...9) * 5)
            }
            return .percent(percent)
        }
    }

    // MARK: - YAML

    private func report(
        _ key: String, period: ReportingPeriod, entries: [(task: Int, step: Step)], rng: inout SplitMix64
    ) -> String {
        let department = registry.department(key)
        var out = YAMLText(capacity: 512 + entries.count * 160)
        out.comment(
            "Báo cáo tiến độ sinh bởi plansite-corpus (seed \(seed)): số liệu giả định, không phải báo cáo thật.")
        out.field(0, "period", period.description)
        let name: String
        switch rng.int(0...9) {
        case 0...1: name = registry.id(key)
        case 2...4: name = department.name
        default: name = department.shortName ?? department.name
        }
        out.field(0, "department", name)
        out.raw(0, "date", date(period, rng: &rng))
        let code = Self.documentCode(department)
        if let code, rng.chance(3, in: 4) { out.field(0, "document", "Báo cáo số \(rng.int(5...260))/BC-\(code)") }
        out.key(0, "tasks")
        for (number, step) in entries {
            let task = tasks[number]
            out.field(2, "task", rng.chance(1, in: 12) ? task.anchor : task.reference, dash: true)
            let status: ReportStatus
            var percent: Int?
            switch step {
            case .notApplicable: status = .notApplicable
            case .percent(0):
                status = .notStarted
                if rng.chance(1, in: 5) { percent = 0 }
            case .percent(100):
                status = .done
                if rng.chance(2, in: 5) { percent = 100 }
            case .percent(let value):
                status = .inProgress
                if rng.chance(2, in: 3) { percent = value }
            }
            out.field(4, "status", status.rawValue)
            if let percent { out.raw(4, "percent", String(percent)) }
            if rng.chance(2, in: 5) { out.field(4, "note", note(status, key, period: period, rng: &rng)) }
            let evidence = status == .done ? 35 : status == .inProgress ? 15 : 0
            if rng.chance(evidence, in: 100) {
                let items = (0..<rng.int(1...2)).map { _ in self.evidence(key, code: code, period, rng: &rng) }
                out.list(4, "evidence", items, inline: rng.chance(1, in: 2))
            }
        }
        return out.text
    }

    /// By the 20th of the period's last month mostly (and not before the plan), some days late,
    /// some in the next month; never after the as-of date.
    private func date(_ period: ReportingPeriod, rng: inout SplitMix64) -> String {
        var year = period.year
        var month = period.months.upperBound
        let day: Int
        let nextMonthFits = month < 12 || year < Corpus.lastYear
        if rng.chance(4, in: 5) {
            day = rng.int((plan.month == month ? max(8, plan.day) : 8)...ProgressRules.defaultReportDay)
        } else if nextMonthFits, rng.chance(1, in: 2) {
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            day = rng.int(1...15)
        } else {
            day = rng.int((ProgressRules.defaultReportDay + 1)...CalendarDate.daysIn(month: month, year: year))
        }
        return "\(day)/\(month)/\(year)"
    }

    /// The sign of a department's documents ("SNV", "UBND"), or nil for a generic role.
    static func documentCode(_ department: Department) -> String? {
        guard department.level != "vai trò" else { return nil }
        if department.key.hasPrefix("ubnd-") { return "UBND" }
        if let acronym = department.aliases.first(where: { alias in
            alias.count >= 2 && alias.allSatisfy { $0.isUppercase || $0 == "&" }
        }) {
            return acronym
        }
        return department.key.split(separator: "-").map { $0.prefix(1).uppercased() }.joined()
    }

    /// - Parameter key: the reporting department: a district counts its communes, the communes
    ///   their villages, others the districts.
    private func note(_ status: ReportStatus, _ key: String, period: ReportingPeriod, rng: inout SplitMix64) -> String {
        let units: String
        let count: Int
        if key.hasPrefix("ubnd-huyen-") {
            (units, count) = ("xã, thị trấn", rng.int(8...24))
        } else if key.hasSuffix("cap-xa") {
            (units, count) = ("thôn, tổ dân phố", rng.int(60...240))
        } else {
            (units, count) = ("huyện, thị xã, thành phố", registry.districts.count)
        }
        switch status {
        case .done:
            return rng.pick([
                "Đã hoàn thành; kết quả tổng hợp trong báo cáo \(period).",
                "Hoàn thành đúng tiến độ; tài liệu kiểm chứng đã cập nhật lên phần mềm theo dõi.",
                "Đã ban hành văn bản triển khai và gửi các cơ quan, đơn vị liên quan.",
                "Đã triển khai tại \(count)/\(count) \(units).",
            ])
        case .inProgress:
            let done = rng.int(1...(count - 1))
            return rng.pick([
                "Đã triển khai tại \(done)/\(count) \(units).",
                "Đã xây dựng dự thảo, đang lấy ý kiến các cơ quan liên quan.",
                "Đang tổng hợp số liệu, dự kiến hoàn thành trong quý sau.",
                "Đã tổ chức \(rng.int(2...40)) hội nghị, lớp tập huấn; tiếp tục triển khai.",
            ])
        case .notStarted:
            return rng.pick([
                "Chưa bố trí được kinh phí; dự kiến triển khai trong quý sau.",
                "Đang chờ hướng dẫn của cơ quan cấp trên.",
                "Chưa triển khai do tập trung cho các nhiệm vụ đột xuất.",
            ])
        case .notApplicable:
            return rng.pick([
                "Năm \(plan.year) không phát sinh nội dung này tại đơn vị.",
                "Nhiệm vụ đã được điều chỉnh theo chỉ đạo của UBND \(plan.province.kind).",
            ])
        }
    }

    /// A document number, sometimes dated in the period's first month, or a link.
    private func evidence(_ key: String, code: String?, _ period: ReportingPeriod, rng: inout SplitMix64) -> String {
        let sign = code ?? "UBND"
        let number = rng.int(3...900)
        switch rng.int(0...3) {
        case 0:
            let month = period.months.lowerBound
            return "Công văn số \(number)/\(sign)-VP ngày \(rng.int(1...28))/\(month)/\(period.year)"
        case 1: return "Kế hoạch số \(number)/KH-\(sign)"
        case 2: return "Báo cáo số \(number)/BC-\(sign)"
        default: return "https://example.gov.vn/\(plan.province.slug)/\(key)/\(period.slug)-\(number)"
        }
    }
}
