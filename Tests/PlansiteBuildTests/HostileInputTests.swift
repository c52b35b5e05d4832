import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteModel
import PlansiteSupport
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Input written to hurt: each case is refused with a diagnostic at its place, quickly and
/// in bounded memory, and what `check` accepts `build` accepts.
@Suite struct HostileInputTests {
    let temporary: TemporaryFolder
    var content: URL { temporary.path("content") }
    var root: String { content.path }
    static let plan = "plans/2024-mau-par-index"

    init() throws {
        temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
    }

    func write(_ text: String, to relative: String) throws {
        try temporary.write(text, to: "content/" + relative)
    }

    func check() -> (Site?, [Diagnostic]) { checkContent(content) }

    func seconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    // MARK: - YAML

    /// 9 aliases of the level below, 7 levels deep: 4.8 million criteria once expanded, from
    /// 645 bytes.
    static func aliasBomb(levels: Int) -> String {
        var lines = [
            "index: par-index", "title: T", "criteria:",
            "  - &c0 {title: a, max: 1, tasks: [{text: x, lead: SNV, time: Hằng năm}]}",
        ]
        for level in 1...levels {
            let children = Array(repeating: "*c\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("  - &c\(level) {title: b, children: [\(children)]}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func anAliasBombIsRefusedAtItsFirstAnchorWithoutExpanding() throws {
        try write(Self.aliasBomb(levels: 7), to: "\(Self.plan)/phu-luc-2.yaml")
        var result: (Site?, [Diagnostic]) = (nil, [])
        let time = seconds { result = check() }
        #expect(result.0 == nil)
        #expect(compact(result.1, root: root) == ["error yaml-anchor \(Self.plan)/phu-luc-2.yaml:4:5"])
        #expect(result.1.first?.message.contains("'&c0'") == true)
        #expect(time < 5, "took \(time) s")
    }

    @Test func anAliasUsedAsAMappingKeyIsRefusedBeforeYamsHashesIt() throws {
        // As a key, an alias would be hashed whole by Yams' duplicate-key check.
        try write(
            "index: par-index\ntitle: T\nx: &k [a, b]\n*k : 1\ncriteria: []\n", to: "\(Self.plan)/phu-luc-2.yaml")
        #expect(compact(check().1, root: root) == ["error yaml-anchor \(Self.plan)/phu-luc-2.yaml:3:4"])
    }

    @Test func anAnchorInAPlansFrontMatterIsRefusedAtItsLineInTheFile() throws {
        let path = "\(Self.plan)/plan.md"
        let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        try write(text.replacingOccurrences(of: "place: Mẫu", with: "place: &noi Mẫu\nx: *noi"), to: path)
        let place = try #require(text.split(separator: "\n").firstIndex { $0.hasPrefix("place:") })
        #expect(compact(check().1, root: root) == ["error yaml-anchor \(path):\(place + 1):8"])
    }

    @Test func aParagraphUsedAsAKeyGivesAShortMessage() throws {
        // Longer than YAML's 1024 characters of a plain key: written as an explicit key.
        let key = String(repeating: "dòng dài ", count: 2000)
        try write("index: par-index\ntitle: T\ncriteria: []\n? \(key)\n: 1\n", to: "\(Self.plan)/phu-luc-2.yaml")
        let diagnostics = check().1
        #expect(diagnostics.map(\.code) == [.unknownField])
        #expect((diagnostics.first?.message.count ?? .max) < 200)
    }

    @Test func aTextStartingWithAnAsteriskIsToldToBeQuoted() throws {
        try write("index: par-index\ntitle: *Ghi chú\ncriteria: []\n", to: "\(Self.plan)/phu-luc-2.yaml")
        let diagnostics = check().1
        #expect(compact(diagnostics, root: root) == ["error yaml-anchor \(Self.plan)/phu-luc-2.yaml:2:8"])
        #expect(diagnostics.first?.notes.first?.contains("ngoặc kép") == true)
    }

    @Test(arguments: [1000, 100_000])
    func nestingDeeperThanTheLimitIsRefusedNotAStackOverflow(depth: Int) throws {
        try write(
            "index: par-index\ntitle: T\ncriteria: " + String(repeating: "[", count: depth)
                + String(repeating: "]", count: depth) + "\n", to: "\(Self.plan)/phu-luc-2.yaml")
        let diagnostics = check().1
        #expect(diagnostics.map(\.code) == [.yamlTooComplex])
        #expect(diagnostics.first?.location.line == 3)
    }

    @Test func aMillionValuesInOneFileAreRefused() throws {
        let values = Array(repeating: "a", count: 1_100_000).joined(separator: ",")
        try write("index: par-index\ntitle: T\nx: [\(values)]\n", to: "\(Self.plan)/phu-luc-2.yaml")
        let codes = check().1.map(\.code)
        #expect(codes == [.yamlTooComplex])
    }

    // MARK: - Many problems

    /// An appendix of `tasks` tasks, each with three problems: an unknown department (with
    /// a search for close names), an impossible date and an unknown field.
    static func badAppendix(tasks: Int) -> String {
        var lines = ["index: par-index", "title: Nhiều lỗi", "criteria:"]
        for group in 0..<(tasks / 200) {
            lines += ["  - code: \"\(group + 1)\"", "    title: Tiêu chí \(group + 1)", "    tasks:"]
            for task in 0..<200 {
                let n = group * 200 + task
                lines += [
                    "      - text: Việc \(n)", "        lead: Sở Không Có \(n)", "        time: 32/13/2024",
                    "        ghi: \(n)",
                ]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aFileWithThousandsOfProblemsShowsTheFirstFiftyAndCountsTheRest() throws {
        try write(Self.badAppendix(tasks: 4000), to: "\(Self.plan)/phu-luc-2.yaml")
        var diagnostics: [Diagnostic] = []
        let time = seconds { diagnostics = check().1 }
        let inFile = diagnostics.filter { $0.location.file.hasSuffix("phu-luc-2.yaml") }
        #expect(inFile.count == DiagnosticBag.perFileLimit + 1)
        #expect(inFile.last?.code == .tooManyDiagnostics)
        #expect(inFile.last?.message.hasPrefix("và còn 11.950 lỗi khác trong tệp này") == true)
        #expect(inFile.last?.omitted == Diagnostic.Omitted(errors: 11_950, warnings: 0))
        // Before: 20 s for 2,000 such tasks (a copy of every diagnostic per diagnostic, and a
        // search over every name per unknown name).
        #expect(time < 8, "took \(time) s")
    }

    @Test func checkCountsEveryProblemNotOnlyTheLinesShown() throws {
        try write(Self.badAppendix(tasks: 4000), to: "\(Self.plan)/phu-luc-2.yaml")
        let run = try runPlansite(["check", "--content", content.path], in: temporary.url)
        #expect(run.status == 1)
        let last = run.output.split(separator: "\n").last.map(String.init)
        #expect(last == "12.000 lỗi, 0 cảnh báo", "\(last ?? "")")
    }

    @Test func anIncrementalBuildOfAFileWithThousandsOfProblemsIsRefusedQuickly() throws {
        let output = temporary.path("public")
        let options = SiteBuilder.Options(
            content: content, templates: TestPaths.templates, output: output, displayContent: "content",
            displayTemplates: "templates", tool: "test")
        #expect(SiteBuilder(options: options).build().filesWritten != nil)
        try write(Self.badAppendix(tasks: 4000), to: "\(Self.plan)/phu-luc-2.yaml")
        var outcome: SiteBuilder.Outcome?
        let time = seconds { outcome = SiteBuilder(options: options).build() }
        #expect(outcome?.incremental == true)
        #expect(outcome?.filesWritten == nil)
        #expect(outcome?.diagnostics.count == DiagnosticBag.perFileLimit + 1)
        #expect(time < 8, "took \(time) s")
    }

    @Test func limitingIsTheSameAppliedOnceOrAgainOnMergedResults() {
        var bag = DiagnosticBag()
        for line in 1...120 {
            bag.error(.unknownField, "a", at: SourceLocation(file: "a.yaml", line: line, column: 1))
        }
        for line in 1...3 { bag.warning(.unexpectedFile, "b", at: SourceLocation(file: "b.yaml", line: line)) }
        let once = bag.sorted
        #expect(once.count == 50 + 1 + 3)
        #expect(once[50].omitted == Diagnostic.Omitted(errors: 70, warnings: 0))
        #expect(once[50].location.line == 51)
        #expect(Diagnostic.totals(of: once) == (errors: 120, warnings: 3))
        var again = DiagnosticBag()
        again.append(contentsOf: once)
        #expect(again.sorted == once)
        // Half the file's diagnostics limited apart, then merged with the other half.
        var first = DiagnosticBag()
        var second = DiagnosticBag()
        for diagnostic in bag.items {
            if diagnostic.location.line % 2 == 0 { first.append(diagnostic) } else { second.append(diagnostic) }
        }
        var merged = DiagnosticBag()
        merged.append(contentsOf: first.sorted)
        merged.append(contentsOf: second.sorted)
        #expect(merged.sorted.count == once.count)
        #expect(merged.sorted.compactMap(\.omitted) == [Diagnostic.Omitted(errors: 70, warnings: 0)])
    }

    // MARK: - Ranges

    @Test(
        "an impossible or out-of-range date is an error wherever it is written",
        arguments: [
            "trước ngày 31/02/2025", "Trước ngày 29/02/2023.", "31/4/2024", "trước ngày 31/12/2999",
            "trước 15/13/2024", "báo cáo trước ngày 1/1/1900",
        ])
    func impossibleDatesInTimeFramesAreErrors(time: String) throws {
        let path = "\(Self.plan)/phu-luc-1.yaml"
        let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        try write(text.replacingOccurrences(of: "time: trước ngày 20/6/2024", with: "time: \(time)"), to: path)
        let (site, diagnostics) = check()
        #expect(site == nil)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.code) == [.malformedDate])
    }

    @Test(arguments: ["31/02/2024", "29/2/2023", "1/1/1944", "1/1/2101"])
    func impossibleAsOfDatesAreErrors(date: String) throws {
        let path = "site.yaml"
        let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        try write(text.replacingOccurrences(of: "as-of: 15/6/2024", with: "as-of: \(date)"), to: path)
        #expect(compact(check().1, root: root) == ["error malformed-date site.yaml:4:8"])
    }

    @Test func theYearRangeIsOneForEveryKindOfDateAndArithmeticStaysInside() {
        #expect(CalendarDate.read("31/12/2100") == .date(CalendarDate(year: 2100, month: 12, day: 31)!))
        #expect(CalendarDate.read("1/1/2101") == .yearOutOfRange(year: 2101))
        #expect(CalendarDate.read("31/12/1944") == .yearOutOfRange(year: 1944))
        #expect(CalendarDate.read("31/02/2025") == .noSuchDay(day: 31, month: 2, year: 2025))
        #expect(DocumentDate(parsing: "2101") == nil)
        #expect(DocumentDate(parsing: "12/1944") == nil)
        #expect(DocumentDate(parsing: "1945") != nil)
        // The day after the last accepted day exists (the calendar export asks for it).
        #expect(CalendarDate(year: 2101, month: 1, day: 1) != nil)
        #expect(ContentLimits.years == 1945...2100)
    }

    @Test func numbersWithMoreDigitsThanDecimalKeepsAreRefusedNotRounded() throws {
        let path = "\(Self.plan)/phu-luc-1.yaml"
        let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        let fifty = "1," + String(repeating: "1", count: 49)
        try write(text.replacingOccurrences(of: "last: 1,4888", with: "last: \(fifty)"), to: path)
        let diagnostics = check().1
        #expect(diagnostics.map(\.code) == [.numberTooPrecise])
        #expect(diagnostics.first?.message.contains("38") == true)
        // 38 digits are kept exactly.
        let kept = "1," + String(repeating: "2", count: 37)
        #expect(Quantity.significantDigits(in: kept) == 38)
        #expect(Quantity(parsing: kept)?.vietnamese == kept)
        #expect(Quantity.significantDigits(in: "0,05000") == 1)
    }

    @Test func aLongIdIsRefusedAtItsFieldNotLateAtTheBuild() throws {
        let id = "tinh-mau-" + String(repeating: "a", count: 5000)
        let path = "departments/tinh-mau.yaml"
        let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        try write(
            text + "  - id: \(id)\n    name: Sở Dài\n    level: sở\n", to: path)
        let diagnostics = check().1
        #expect(diagnostics.map(\.code) == [.valueTooLong])
        #expect(diagnostics.first?.location.line == 29)
    }

    @Test func aLongPlanFolderNameIsRefused() throws {
        let slug = "2024-" + String(repeating: "k", count: 120)
        try temporary.overlay(
            TestPaths.fixtures.appendingPathComponent("site/plans/2024-mau-par-index"), at: "content/plans/\(slug)")
        try FileManager.default.removeItem(at: content.appendingPathComponent(Self.plan))
        #expect(check().1.map(\.code) == [.valueTooLong])
    }

    // MARK: - Departments

    @Test func parentCyclesAreErrorsEachReportedOnce() throws {
        var text = "locality:\n  id: tinh-vong\n  name: tỉnh Vòng\ndepartments:\n"
        text += "  - id: tu-minh\n    name: Tự mình\n    level: sở\n    parent: tu-minh\n"
        text += "  - id: a\n    name: A\n    level: sở\n    parent: b\n"
        text += "  - id: b\n    name: B\n    level: sở\n    parent: a\n"
        for n in 0..<30 {
            text += "  - id: v\(n)\n    name: V\(n)\n    level: sở\n    parent: v\((n + 1) % 30)\n"
        }
        text += "  - id: ngoai\n    name: Ngoài\n    level: sở\n    parent: v0\n"
        try write(text, to: "departments/tinh-vong.yaml")
        let diagnostics = check().1
        #expect(
            compact(diagnostics, root: root) == [
                "error department-cycle departments/tinh-vong.yaml:8:13",
                "error department-cycle departments/tinh-vong.yaml:12:13",
                "error department-cycle departments/tinh-vong.yaml:20:13",
            ])
        #expect(diagnostics.last?.message.contains("'v0' → 'v1'") == true)
    }

    // MARK: - Invisible characters

    @Test(arguments: [0x202E, 0x2066, 0x200F, 0x0007, 0x0085, 0x200B])
    func invisibleCharactersAreErrorsNamedByCodePoint(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let path = "departments/tinh-mau.yaml"
        let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        try write(
            text.replacingOccurrences(of: "name: Sở Tư pháp tỉnh Mẫu", with: "name: Sở Tư\(Character(scalar))pháp"),
            to: path)
        let diagnostics = check().1
        #expect(compact(diagnostics, root: root) == ["error invisible-character departments/tinh-mau.yaml:22:16"])
        #expect(diagnostics.first?.message.contains(InvisibleCodePoint.text(value)) == true)
    }

    @Test func tabsAndLineFeedsAreAllowed() throws {
        let path = "\(Self.plan)/phu-luc-1.yaml"
        let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        try write(
            text.replacingOccurrences(of: "- text: Tổ chức đối thoại.", with: "- text: \"Tổ chức\tđối thoại.\""),
            to: path)
        let (site, diagnostics) = check()
        #expect(site != nil, "\(diagnostics)")
    }

    // MARK: - Files

    @Test func aFIFOIsReportedTheSameByColdAndIncrementalBuildsAndNeverOpened() throws {
        let output = temporary.path("public")
        let options = SiteBuilder.Options(
            content: content, templates: TestPaths.templates, output: output, displayContent: "content",
            displayTemplates: "templates", tool: "test")
        #expect(SiteBuilder(options: options).build().filesWritten != nil)
        // Named like an appendix: opening it for reading would block until a writer came.
        let fifo = content.appendingPathComponent("\(Self.plan)/phu-luc-3.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let incremental = SiteBuilder(options: options).build()
        #expect(incremental.incremental == true)
        var cold = options
        cold.incremental = false
        let coldOutcome = SiteBuilder(options: cold).build()
        #expect(compact(incremental.diagnostics, root: "content") == ["error special-file \(Self.plan)/phu-luc-3.yaml"])
        #expect(incremental.diagnostics == coldOutcome.diagnostics)
        #expect(compact(check().1, root: root) == ["error special-file \(Self.plan)/phu-luc-3.yaml"])
    }

    @Test func aDeviceIsNeverReadAsContent() {
        guard case .special(.characterDevice) = FileTree.readRegularFile("/dev/zero", limit: 1024) else {
            Issue.record("/dev/zero was read")
            return
        }
    }

    @Test func aFolderLinkLoopIsWalkedOnce() throws {
        let folder = temporary.path("loop")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("back"), withDestinationURL: folder)
        #expect(FileTree.files(under: folder.path).map(\.path) == ["a.txt"])
    }
}

enum InvisibleCodePoint {
    static func text(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Messages stay readable whatever was pasted into a field.
@Suite struct DiagnosticMessageLengthTests {
    @Test func aLongQuotedValueIsShownByItsBeginningAndLength() {
        let pasted = String(repeating: "Nội dung dán nhầm ", count: 1_000)
        let diagnostic = Diagnostic(
            .error, .unknownValue, "giá trị '\(pasted)' không phải một trạng thái", at: SourceLocation(file: "a.yaml"))
        #expect(diagnostic.message.hasPrefix("giá trị 'Nội dung dán nhầm"))
        #expect(diagnostic.message.contains("… (\(pasted.count) ký tự)' không phải một trạng thái"))
        #expect(diagnostic.message.count < 200)
    }

    @Test func shortMessagesAndApostrophesOutsideQuotesAreKept() {
        let short = "khóa 'statu' không có; có phải 'status'?"
        #expect(Diagnostic(.error, .unknownField, short, at: SourceLocation(file: "a")).message == short)
        let long = String(repeating: "a", count: 5_000)
        let message = Diagnostic(.error, .unknownField, long, at: SourceLocation(file: "a")).message
        #expect(message.count == Diagnostic.messageLimit)
        #expect(message.hasSuffix("…"))
    }
}
