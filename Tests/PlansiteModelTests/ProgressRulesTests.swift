import PlansiteModel
import TestSupport
import Testing

/// The status rules at their boundaries: the report day, the end of a quarter, leap years,
/// tasks with no deadline, and reports dated after the as-of date.
@Suite struct ProgressRulesTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func task(_ time: String?, anchor: String = "nv-1") -> PlanTask {
        PlanTask(anchor: anchor, text: "Nhiệm vụ", lead: ["so-noi-vu"], timeFrame: time.map(TimeFrame.init(parsing:)))
    }

    static func report(
        _ period: String, _ status: ReportStatus, on date: String, department: DepartmentID = "so-noi-vu"
    ) -> TaskReport {
        TaskReport(period: ReportingPeriod(parsing: period)!, department: department, date: day(date), status: status)
    }

    /// The status of `time` for a plan issued on `start` (year 2024) judged on `asOf`.
    static func status(
        _ time: String?, asOf: String, reports: [TaskReport] = [], start: String = "18/7/2024", window: Int = 14
    ) -> TaskStatus {
        TaskProgress.evaluate(
            task(time), planStart: day(start), planYear: 2024, reports: reports,
            rules: ProgressRules(asOf: day(asOf), dueSoonDays: window)
        ).status
    }

    // MARK: - Dated tasks

    @Test func aDeadlineIsDueSoonOnItsDayAndOverdueTheDayAfter() {
        let time = "trước ngày 20/6/2024"
        #expect(Self.status(time, asOf: "20/6/2024", start: "1/1/2024") == .dueSoon)
        #expect(Self.status(time, asOf: "21/6/2024", start: "1/1/2024") == .overdue)
    }

    @Test func theDueSoonWindowStartsExactlyItsDaysBefore() {
        let time = "trước ngày 20/6/2024"
        #expect(Self.status(time, asOf: "5/6/2024", start: "1/1/2024") == .notReported)
        #expect(Self.status(time, asOf: "6/6/2024", start: "1/1/2024") == .dueSoon)
        #expect(Self.status(time, asOf: "19/6/2024", start: "1/1/2024", window: 0) == .notReported)
        #expect(Self.status(time, asOf: "20/6/2024", start: "1/1/2024", window: 0) == .dueSoon)
    }

    @Test func aDoneReportFinishesADatedTaskEvenWhenLate() {
        let late = [Self.report("Quý III/2024", .done, on: "1/7/2024")]
        #expect(Self.status("trước ngày 20/6/2024", asOf: "1/8/2024", reports: late, start: "1/1/2024") == .done)
        let working = [Self.report("Quý II/2024", .inProgress, on: "1/5/2024")]
        #expect(Self.status("trước ngày 20/6/2024", asOf: "1/5/2024", reports: working, start: "1/1/2024") == .onTrack)
        #expect(Self.status("trước ngày 20/6/2024", asOf: "21/6/2024", reports: working, start: "1/1/2024") == .overdue)
    }

    @Test func leapDaysCount() {
        let leap = "trước ngày 29/2/2024"
        #expect(Self.status(leap, asOf: "29/2/2024", start: "1/1/2024") == .dueSoon)
        #expect(Self.status(leap, asOf: "1/3/2024", start: "1/1/2024") == .overdue)
        // Fourteen days before 14/3 is 29/2 in a leap year, 28/2 otherwise.
        #expect(Self.status("trước ngày 14/3/2024", asOf: "29/2/2024", start: "1/1/2024") == .dueSoon)
        #expect(Self.status("trước ngày 14/3/2024", asOf: "28/2/2024", start: "1/1/2024") == .notReported)
        #expect(Self.day("1/3/2024").dayNumber - Self.day("28/2/2024").dayNumber == 2)
        #expect(Self.day("1/3/2023").dayNumber - Self.day("28/2/2023").dayNumber == 1)
        #expect(CalendarDate(parsing: "29/2/2023") == nil)
        #expect(ReportingPeriod(parsing: "6 tháng đầu năm 2024")!.start.days(until: Self.day("30/6/2024")) == 181)
    }

    // MARK: - Recurring duties

    @Test func aQuarterlyDutyIsDueFromTheFirstReportDayAfterThePlan() {
        let rules = ProgressRules(asOf: Self.day("1/8/2024"))
        let periods = TaskProgress.duePeriods(
            TimeFrame(parsing: "Hằng quý"), planStart: Self.day("18/7/2024"), planYear: 2024, reportDay: rules.reportDay
        )
        #expect(periods.map(\.description) == ["Quý III/2024", "Quý IV/2024"])
        let yearly = TaskProgress.duePeriods(
            TimeFrame(parsing: "Hằng năm"), planStart: Self.day("18/7/2024"), planYear: 2024, reportDay: rules.reportDay
        )
        #expect(yearly.map(\.description) == ["Năm 2024"])
        // A plan issued on the report day still owes that quarter's report; the day after, it does not.
        let sameDay = TaskProgress.duePeriods(
            TimeFrame(parsing: "Hằng quý"), planStart: Self.day("20/9/2024"), planYear: 2024, reportDay: rules.reportDay
        )
        #expect(sameDay.count == 2)
        let dayAfter = TaskProgress.duePeriods(
            TimeFrame(parsing: "Hằng quý"), planStart: Self.day("21/9/2024"), planYear: 2024, reportDay: rules.reportDay
        )
        #expect(dayAfter.map(\.description) == ["Quý IV/2024"])
    }

    @Test func aMissingQuarterlyReportIsOverdueFromThe21st() {
        #expect(Self.status("Hằng quý", asOf: "20/9/2024") == .dueSoon)
        #expect(Self.status("Hằng quý", asOf: "21/9/2024") == .overdue)
        #expect(Self.status("Hằng quý", asOf: "1/8/2024") == .notReported)
        let progress = TaskProgress.evaluate(
            Self.task("Hằng quý"), planStart: Self.day("18/7/2024"), planYear: 2024, reports: [],
            rules: ProgressRules(asOf: Self.day("31/12/2024")))
        #expect(progress.missedPeriods.map(\.description) == ["Quý III/2024", "Quý IV/2024"])
        #expect(progress.due == Self.day("20/9/2024"))
    }

    @Test func eachQuarterMustBeReported() {
        let third = [Self.report("Quý III/2024", .inProgress, on: "19/9/2024")]
        #expect(Self.status("Hằng quý", asOf: "21/9/2024", reports: third) == .onTrack)
        #expect(Self.status("Hằng quý", asOf: "6/12/2024", reports: third) == .dueSoon)
        #expect(Self.status("Hằng quý", asOf: "21/12/2024", reports: third) == .overdue)
        let both = third + [Self.report("Quý IV/2024", .done, on: "20/12/2024")]
        // The end of the quarter and of the year: nothing more is due.
        #expect(Self.status("Hằng quý", asOf: "31/12/2024", reports: both) == .done)
        #expect(Self.status("Hằng quý", asOf: "1/1/2025", reports: both) == .done)
    }

    @Test func aNotStartedReportDoesNotCountForAPeriod() {
        let reports = [Self.report("Quý III/2024", .notStarted, on: "1/9/2024")]
        #expect(Self.status("Hằng quý", asOf: "21/9/2024", reports: reports) == .overdue)
        #expect(Self.status("Hằng quý", asOf: "19/9/2024", reports: reports) == .dueSoon)
        #expect(Self.status("Hằng quý", asOf: "1/9/2024", reports: reports) == .notStarted)
    }

    @Test func aLongerPeriodCoversTheQuarterItEndsWith() {
        let half = [Self.report("6 tháng đầu năm 2024", .inProgress, on: "20/6/2024")]
        #expect(Self.status("Hằng quý", asOf: "1/7/2024", reports: half, start: "1/4/2024") == .onTrack)
        let year = [Self.report("Năm 2024", .done, on: "15/12/2024")]
        #expect(Self.status("Hằng năm", asOf: "21/12/2024", reports: year) == .done)
        let fourth = [Self.report("Quý IV/2024", .done, on: "15/12/2024")]
        #expect(Self.status("Hằng năm", asOf: "21/12/2024", reports: fourth) == .done)
        let third = [Self.report("Quý III/2024", .done, on: "15/9/2024")]
        #expect(Self.status("Hằng năm", asOf: "21/12/2024", reports: third) == .overdue)
    }

    @Test func theReportDayFollowsTheSettingAndShortMonths() {
        let period = ReportingPeriod(parsing: "Quý II/2024")!
        #expect(period.dueDate(reportDay: 20) == Self.day("20/6/2024"))
        #expect(period.dueDate(reportDay: 31) == Self.day("30/6/2024"))
        let progress = TaskProgress.evaluate(
            Self.task("Hằng quý"), planStart: Self.day("1/1/2024"), planYear: 2024, reports: [],
            rules: ProgressRules(asOf: Self.day("26/3/2024"), reportDay: 25))
        #expect(progress.status == .overdue)
        #expect(progress.due == Self.day("25/3/2024"))
    }

    @Test func aQuarterlyDutyCanStateItsOwnReportDay() {
        #expect(StatedReportDay.find(in: ["Định kỳ ngày 20 hằng quý, 6 tháng và năm báo cáo"]) == 20)
        #expect(StatedReportDay.find(in: ["định kỳ trước ngày 25 hằng quý, 06 tháng, năm báo cáo"]) == 25)
        #expect(StatedReportDay.find(in: ["báo cáo trước ngày 15 của tháng cuối quý"]) == 15)
        #expect(StatedReportDay.find(in: ["báo cáo trước ngày 20/6/2023"]) == nil)
        #expect(StatedReportDay.find(in: ["Định kỳ báo cáo."]) == nil)
        // Seed 004 gives the Department of Home Affairs the 25th: not late on the 21st.
        let text = "Tổng hợp, định kỳ trước ngày 25 hằng quý báo cáo UBND tỉnh."
        let task = PlanTask(
            anchor: "nv-1", text: text, lead: ["so-noi-vu"], timeFrame: TimeFrame(parsing: "Hằng quý"))
        #expect(task.statedReportDay == 25)
        #expect(Self.task("Thường xuyên").statedReportDay == nil)
        func status(_ asOf: String) -> TaskStatus {
            TaskProgress.evaluate(
                task, planStart: Self.day("18/7/2024"), planYear: 2024, reports: [],
                rules: ProgressRules(asOf: Self.day(asOf))
            ).status
        }
        #expect(status("21/9/2024") == .dueSoon)
        #expect(status("25/9/2024") == .dueSoon)
        #expect(status("26/9/2024") == .overdue)
        #expect(Self.status("Hằng quý", asOf: "21/9/2024") == .overdue)
    }

    // MARK: - No deadline

    @Test func aTaskWithNoDeadlineIsNeverOverdue() {
        for time in ["Thường xuyên", "Trước bầu cử", "Theo Kế hoạch tuyển dụng", nil] {
            #expect(Self.status(time, asOf: "31/12/2030") == .notReported)
            #expect(
                Self.status(
                    time, asOf: "31/12/2030", reports: [Self.report("Quý III/2024", .inProgress, on: "1/9/2024")])
                    == .onTrack)
            #expect(
                Self.status(
                    time, asOf: "31/12/2030", reports: [Self.report("Quý III/2024", .notStarted, on: "1/9/2024")])
                    == .notStarted)
            #expect(
                Self.status(time, asOf: "31/12/2030", reports: [Self.report("Quý III/2024", .done, on: "1/9/2024")])
                    == .done)
        }
    }

    // MARK: - Which reports count

    @Test func reportsAfterTheAsOfDateDoNotCountYet() {
        let reports = [Self.report("Quý III/2024", .done, on: "19/9/2024")]
        #expect(Self.status("Hằng quý", asOf: "18/9/2024", reports: reports) == .dueSoon)
        #expect(Self.status("Hằng quý", asOf: "19/9/2024", reports: reports) == .onTrack)
    }

    @Test func theLatestReportWinsAndNotApplicableEndsTheTask() {
        let reports = [
            Self.report("Quý III/2024", .done, on: "1/9/2024"),
            Self.report("Quý IV/2024", .inProgress, on: "1/10/2024"),
        ]
        #expect(Self.status("Thường xuyên", asOf: "1/11/2024", reports: reports) == .onTrack)
        let dropped = [Self.report("Quý III/2024", .notApplicable, on: "1/9/2024")]
        #expect(Self.status("trước ngày 20/8/2024", asOf: "1/11/2024", reports: dropped) == .notApplicable)
        #expect(Self.status("Hằng quý", asOf: "1/11/2025", reports: dropped) == .notApplicable)
    }

    /// "Không áp dụng" is neither done nor in the denominator: 2 done of the 4 that apply is 50 %.
    @Test func countsSumUpWithNotApplicableOutOfTheShare() {
        var counts = ProgressCounts()
        for status in [TaskStatus.done, .done, .overdue, .notApplicable, .onTrack] { counts.add(status) }
        #expect(counts.total == 5)
        #expect(counts.finished == 2)
        #expect(counts.applicable == 4)
        #expect(counts.percentFinished == 50)
        #expect(ProgressCounts().percentFinished == 0)
    }

    // MARK: - Periods

    @Test(arguments: [
        ("Quý III/2024", "Quý III/2024"), ("quý 3/2024", "Quý III/2024"), ("Quý 3 năm 2024", "Quý III/2024"),
        ("QUÝ IV/2023", "Quý IV/2023"), ("6 tháng đầu năm 2024", "6 tháng đầu năm 2024"),
        ("6 tháng 2024", "6 tháng đầu năm 2024"), ("06 tháng cuối năm 2024", "6 tháng cuối năm 2024"),
        ("Năm 2024", "Năm 2024"), ("2024", "Năm 2024"),
    ])
    func periodsAreRead(_ text: String, _ expected: String) {
        #expect(ReportingPeriod(parsing: text)?.description == expected)
    }

    @Test(arguments: ["Quý 5/2024", "Quý III", "tháng 3/2024", "Quý III/24", "9 tháng 2024", ""])
    func badPeriodsAreRefused(_ text: String) {
        #expect(ReportingPeriod(parsing: text) == nil)
    }

    @Test func periodsSortByEndThenLength() {
        let names = ["Năm 2024", "Quý IV/2024", "6 tháng đầu năm 2024", "Quý II/2024", "Quý I/2024"]
        let sorted = names.compactMap(ReportingPeriod.init(parsing:)).sorted().map(\.description)
        #expect(sorted == ["Quý I/2024", "Quý II/2024", "6 tháng đầu năm 2024", "Quý IV/2024", "Năm 2024"])
    }

    /// Consecutive days differ by one day number, over leap and common years and centuries.
    @Test func dayNumbersAreConsecutive() {
        var previous = CalendarDate(year: 1999, month: 12, day: 31)!
        for year in 2000...2101 {
            for month in 1...12 {
                for day in 1...CalendarDate.daysIn(month: month, year: year) {
                    let date = CalendarDate(year: year, month: month, day: day)!
                    #expect(date.dayNumber == previous.dayNumber + 1)
                    previous = date
                }
            }
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
    }
}
