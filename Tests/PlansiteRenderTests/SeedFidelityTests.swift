import Foundation
import PlansiteMarkdown
import PlansiteModel
import PlansiteRender
import PlansiteSiteMap
import TestSupport
import Testing

/// The five seed documents themselves (../shared/seeds beside the repository), read as text
/// and compared with the validated default Content/ and the pages rendered from it: every
/// table row, number, deadline and agency, every numbered duty of the prose, and the masthead
/// and signature as printed. Nothing here is written from the documents by hand: a row, a
/// duty or a name the transcription drops or changes fails a test.
@Suite struct SeedFidelityTests {
    // MARK: - The seeds, the model, the pages

    enum Seed: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case office = "000"
        case dakLak = "001"
        case honQuan = "002"
        case quangNam = "003"
        case papi474 = "004"

        var slug: PlanID {
            switch self {
            case .office: "2024-dak-nong-van-phong-phan-cong"
            case .dakLak: "2022-dak-lak-de-xuat-giai-phap"
            case .honQuan: "2023-hon-quan-nang-cao-chi-so"
            case .quangNam: "2022-quang-nam-par-sipas"
            case .papi474: "2024-dak-nong-papi-474"
            }
        }

        var testDescription: String { "seed \(rawValue)" }

        static let folder = TestPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/seeds")

        func text() throws -> String {
            let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            let name = try #require(names.first { $0.hasPrefix(rawValue + "_") }, "seed \(rawValue) not found")
            return try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
                .precomposedStringWithCanonicalMapping
        }

        var plan: Plan { defaultSite.plans.first { $0.slug == slug }! }
    }

    /// Every page of the default site, rendered once in memory.
    static let pages: [String: String] = {
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        guard let templates else { return [:] }
        let files = Renderer(templates: templates).render(defaultSite)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }()

    func page(_ path: String) throws -> String {
        try #require(Self.pages[path], "page \(path) was not rendered")
    }

    func planPage(_ seed: Seed) throws -> String { try page(SiteMap.plan(seed.slug)) }

    // MARK: - Text helpers

    /// Seed text as a reader sees it: HTML tags and Markdown emphasis removed, one line.
    static func clean(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        out = out.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "")
        return out.precomposedStringWithCanonicalMapping.collapsingWhitespace
    }

    /// A page's text: tags removed, entities decoded, one line.
    static func pageText(_ html: String) -> String {
        var out = html.replacingOccurrences(of: "<script[\\s\\S]*?</script>", with: " ", options: .regularExpression)
        out = out.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out.collapsingWhitespace
    }

    /// Content Markdown as plain text, for comparison with a seed's words.
    static func plain(_ markdown: String?) -> String { Markdown.plainText(markdown ?? "").collapsingWhitespace }

    /// List dashes do not count: "- a; - b" (a cell) and a Markdown list read the same.
    static func withoutDashes(_ text: String) -> String {
        text.replacingOccurrences(of: "(^|\\s)-\\s+", with: "$1", options: .regularExpression).collapsingWhitespace
    }

    /// The HTML inside the first element whose opening tag contains `marker`, up to `end`.
    static func block(_ html: String, from marker: String, to end: String) -> String? {
        guard let start = html.range(of: marker),
            let stop = html.range(of: end, range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<stop.lowerBound])
    }

    /// The texts of the `<p>` elements of an HTML fragment.
    static func paragraphs(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "<p[^>]*>([\\s\\S]*?)</p>")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map {
            pageText(String(html[Range($0.range(at: 1), in: html)!]))
        }
    }

    // MARK: - Department names in the seeds

    /// The registry entries of a plan's locality, by every name they are written with (folded),
    /// longest first.
    static func names(for plan: Plan) -> [(name: String, id: String)] {
        defaultSite.departments.filter { $0.locality == plan.locality }
            .flatMap { department in
                ([department.name, department.shortName ?? ""] + department.aliases).filter { $0.count > 3 }
                    .map { (VietnameseText.fold($0), department.id.rawValue) }
            }
            .sorted { $0.name.count > $1.name.count }
    }

    /// The departments a piece of seed text names: every registry name found in it (longest
    /// first, not overlapping), and the items of a list after "các Sở:" / "sở, ban, ngành:"
    /// ("Nội vụ, Tư pháp" → Sở Nội vụ, Sở Tư pháp).
    static func departments(namedIn text: String, plan: Plan) -> Set<String> {
        let known = names(for: plan)
        func resolve(_ name: String) -> String? {
            let folded = VietnameseText.fold(name)
            return known.first { $0.name == folded || $0.name == "so " + folded }?.id
        }
        var found: Set<String> = []
        var folded = VietnameseText.fold(text)
        if let colon = folded.range(of: #"(cac so|so, ban, nganh): "#, options: .regularExpression) {
            let list = String(folded[colon.upperBound...])
            folded = String(folded[..<colon.lowerBound])
            for item in list.components(separatedBy: ", ") {
                let words = item.split(separator: " ")
                for count in stride(from: words.count, through: 1, by: -1) {
                    if let id = resolve(words.prefix(count).joined(separator: " ")) {
                        found.insert(id)
                        break
                    }
                }
            }
            if !found.isEmpty { return found }
        }
        for (name, id) in known {
            while let range = folded.range(of: name) {
                let before =
                    range.lowerBound == folded.startIndex ? " " : folded[folded.index(before: range.lowerBound)]
                let after = range.upperBound == folded.endIndex ? " " : folded[range.upperBound]
                let isWord = !before.isLetter && !after.isLetter
                folded.replaceSubrange(range, with: String(repeating: "#", count: name.count))
                if isWord { found.insert(id) }
            }
        }
        return found
    }

    // MARK: - Tables

    /// One row of a seed table: its cells, trimmed, by column.
    struct Row {
        let table: Int
        let cells: [String]
    }

    /// The rows of each table of a seed, tables numbered from 1 in the order their headings
    /// appear; a repeated heading row (a page break) continues the same table unless it
    /// follows a "Phụ lục" line.
    static func tables(_ text: String) -> [Row] {
        var rows: [Row] = []
        var table = 0
        var newTable = true
        for line in text.components(separatedBy: "\n") {
            let plainLine = clean(line)
            if plainLine.lowercased().hasPrefix("phụ lục") { newTable = true }
            guard line.contains("\t") else { continue }
            let cells = line.components(separatedBy: "\t").map { clean($0) }
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" } }) { continue }  // a rule line
            let first = cells[0].lowercased()
            if ["stt", "tt", "chỉ số nội dung", "(1)"].contains(first) {
                if newTable, first != "(1)" {
                    table += 1
                    newTable = false
                }
                continue
            }
            rows.append(Row(table: max(table, 1), cells: cells))
        }
        return rows
    }

    /// What each column of a seed's tables holds.
    enum Column { case code, title, max, last, target, task, lead, monitoring, time }

    static func columns(_ seed: Seed, table: Int) -> [Column] {
        switch (seed, table) {
        case (.office, 1): [.code, .title, .max, .last, .target, .task, .lead]
        case (.office, _): [.title, .task, .lead, .time]
        case (.dakLak, _): [.code, .title, .lead]
        default: [.code, .title, .task, .lead, .monitoring, .time]
        }
    }

    /// Checks that a department cell is covered by the words the portal shows for the task:
    /// removing every written name, the note and the as-printed words leaves only separators.
    /// A list written once for several bodies is one name each: "Giám đốc các Sở: Y tế, Giáo
    /// dục và Đào tạo" reads "Giám đốc Sở Y tế; Giám đốc Sở Giáo dục và Đào tạo".
    static func expandingLists(_ folded: String) -> String {
        folded.components(separatedBy: "; ").map { part in
            guard let colon = part.range(of: #"cac so: "#, options: .regularExpression) else { return part }
            let head = part[..<colon.lowerBound]
            return part[colon.upperBound...].components(separatedBy: ", ").map { head + "so " + $0 }
                .joined(separator: "; ")
        }.joined(separator: "; ")
    }

    static func uncovered(cell: String, task: PlanTask, roles: [TaskRole], plan: Plan) -> String {
        var rest = expandingLists(VietnameseText.fold(cell))
        let written = roles.flatMap { role in
            task.departments(in: role).indices.map { task.writtenName(role, at: $0) ?? "" }
        }
        for words in ([task.asPrinted ?? "", task.note ?? ""] + written).filter({ !$0.isEmpty })
            .map(VietnameseText.fold).sorted(by: { $0.count > $1.count })
        {
            rest = rest.replacingOccurrences(of: words, with: " ")
        }
        return rest.replacingOccurrences(of: "[-;,.:\\s]+", with: " ", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
    }

    @Test(arguments: [Seed.office, .dakLak, .papi474])
    func everyTableRowIsTranscribedAsPrinted(_ seed: Seed) throws {
        let plan = seed.plan
        let rows = Self.tables(try seed.text())
        #expect(!rows.isEmpty)
        var current: (criterion: Criterion, appendix: Appendix)?
        var taskIndex = 0
        var previousLead: [DepartmentID] = []
        var checked = 0
        for row in rows {
            let appendix = try #require(plan.appendices.first { $0.number == row.table }, "no Phụ lục \(row.table)")
            let columns = Self.columns(seed, table: row.table)
            func cell(_ column: Column) -> String {
                guard let index = columns.firstIndex(of: column), index < row.cells.count else { return "" }
                return row.cells[index]
            }
            let code = cell(.code)
            let title = cell(.title)
            if code.isEmpty, title.isEmpty {
                // A blank STT and criterion: another task of the row above.
                taskIndex += 1
            } else {
                let criterion = appendix.rows.map(\.criterion).first { criterion in
                    if !code.isEmpty, code != "-" { return criterion.code == code }
                    let shown = [criterion.title, criterion.description.map(Self.plain) ?? ""].joined(separator: " ")
                    return Self.clean(shown) == title || criterion.title == title
                }
                let found = try #require(criterion, "\(seed): row '\(code) \(title)' is not in Phụ lục \(row.table)")
                current = (found, appendix)
                taskIndex = 0
                let shown = [found.title, found.description.map(Self.plain) ?? ""].joined(separator: " ")
                #expect(
                    Self.clean(shown) == title || found.asPrinted.map(Self.clean) == title,
                    "\(seed) \(code): the criterion reads '\(Self.clean(shown))', the document '\(title)'")
                for (column, value) in [(Column.max, found.max), (.last, found.last), (.target, found.target)] {
                    #expect(
                        (value?.vietnamese ?? "") == cell(column),
                        "\(seed) \(code): \(column) is '\(value?.vietnamese ?? "")', the document prints '\(cell(column))'"
                    )
                }
            }
            guard let (criterion, _) = current else { continue }
            let hasTaskCells = [Column.task, .lead, .monitoring, .time].contains { !cell($0).isEmpty }
            guard hasTaskCells || columns.contains(.lead) && !criterion.tasks.isEmpty else { continue }
            let label = "\(seed) \(criterion.code ?? criterion.title) task \(taskIndex + 1)"
            guard taskIndex < criterion.tasks.count else {
                Issue.record("\(label): the document has a task here that the portal does not")
                continue
            }
            let task = criterion.tasks[taskIndex]
            checked += 1
            // The task's words: as printed, or corrected with the printed words kept beside them.
            let printedText = Self.withoutDashes(cell(.task))
            let shownText = Self.withoutDashes(Self.plain(task.text))
            #expect(
                printedText == shownText || task.asPrinted.map(Self.clean) == cell(.task),
                "\(label): the portal shows '\(shownText)', the document prints '\(printedText)'")
            // Who: every name of the lead and monitoring cells, as written; a blank lead cell
            // (a merged cell) is the row above's.
            if columns.contains(.lead) {
                if cell(.lead).isEmpty {
                    #expect(task.lead == previousLead, "\(label): a blank (merged) lead cell is the row above's")
                } else {
                    let rest = Self.uncovered(cell: cell(.lead), task: task, roles: [.lead], plan: plan)
                    #expect(
                        rest.isEmpty, "\(label): the lead cell '\(cell(.lead))' is not shown as written ('\(rest)')")
                }
                previousLead = task.lead
            }
            if columns.contains(.monitoring) {
                let rest = Self.uncovered(cell: cell(.monitoring), task: task, roles: [.monitoring], plan: plan)
                #expect(
                    rest.isEmpty,
                    "\(label): the monitoring cell '\(cell(.monitoring))' is not shown as written ('\(rest)')")
            }
            if columns.contains(.time) {
                #expect((task.timeFrame?.text ?? "") == cell(.time), "\(label): time '\(cell(.time))'")
            }
        }
        #expect(checked == plan.appendices.reduce(0) { $0 + $1.tasks.count }, "\(seed): every task was checked")
    }

    // MARK: - Prose duties

    /// A duty of the prose: its item number, its words, and the headings above it.
    struct Duty {
        let code: String
        let text: String
        let headings: [String]
    }

    /// Where each seed's numbered duties are: after `start`, before `end`.
    static func dutySpan(_ seed: Seed) -> (start: String, end: String)? {
        switch seed {
        case .office: nil
        case .dakLak: ("UBND tỉnh có ý kiến như sau:", "Nhận được Công văn này")
        case .honQuan: ("Chủ tịch UBND huyện yêu cầu:", "Yêu cầu Thủ trưởng các cơ quan, đơn vị và UBND các xã")
        case .quangNam: ("III. TỔ CHỨC THỰC HIỆN", "Trong quá trình triển khai thực hiện Kế hoạch")
        case .papi474: ("III. TỔ CHỨC THỰC HIỆN", "Trên đây là Kế hoạch")
        }
    }

    /// The numbered duties of a seed: paragraphs (a paragraph cut by a page break joined
    /// again), under the numbered headings that name who does them. A numbered paragraph is a
    /// heading when what follows it is below it (a bullet, "a)", a deeper number or plain text).
    static func duties(_ seed: Seed) throws -> [Duty] {
        guard let span = dutySpan(seed) else { return [] }
        let text = try seed.text()
        let start = try #require(text.range(of: span.start)).upperBound
        let end = try #require(text.range(of: span.end, range: start..<text.endIndex)).lowerBound
        var paragraphs: [String] = []
        let item = try NSRegularExpression(pattern: #"^(\d+(\.\d+)*\.?\s|[a-zđ]\)\s|-\s)"#)
        for raw in text[start..<end].components(separatedBy: "\n\n").map(clean) where !raw.isEmpty {
            let startsItem = item.firstMatch(in: raw, range: NSRange(raw.startIndex..., in: raw)) != nil
            if let last = paragraphs.last, !startsItem,
                raw.first?.isLowercase == true || (last.count > 100 && !".;:!?)".contains(last.last!))
            {
                paragraphs[paragraphs.count - 1] = last + " " + raw
            } else {
                paragraphs.append(raw)
            }
        }
        let numbered = try NSRegularExpression(pattern: #"^((?:[IVX]+\.)?\d+(?:\.\d+)*)\.?\s+(.*)$"#)
        let lettered = try NSRegularExpression(pattern: #"^([a-zđ])\)\s+(.*)$"#)
        func match(_ regex: NSRegularExpression, _ text: String) -> (String, String)? {
            guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
            return (String(text[Range(m.range(at: 1), in: text)!]), String(text[Range(m.range(at: 2), in: text)!]))
        }
        var duties: [Duty] = []
        var stack: [(code: String, heading: String)] = []
        for (position, paragraph) in paragraphs.enumerated() {
            let next = position + 1 < paragraphs.count ? paragraphs[position + 1] : nil
            if let (code, rest) = match(numbered, paragraph) {
                let depth = code.split(separator: ".").count
                stack.removeAll { $0.code.split(separator: ".").count >= depth }
                let nextIsBelow: Bool = {
                    guard let next else { return false }
                    if let (nextCode, _) = match(numbered, next) { return nextCode.hasPrefix(code + ".") }
                    return true
                }()
                if nextIsBelow {
                    stack.append((code, rest))
                } else {
                    duties.append(Duty(code: code, text: rest, headings: stack.map(\.heading)))
                }
            } else if let (letter, rest) = match(lettered, paragraph) {
                let code = (stack.last?.code ?? "") + "." + letter
                duties.append(Duty(code: code, text: rest, headings: stack.map(\.heading)))
            } else {
                let text = paragraph.hasPrefix("- ") ? String(paragraph.dropFirst(2)) : paragraph
                duties.append(Duty(code: stack.last?.code ?? "", text: text, headings: stack.map(\.heading)))
            }
        }
        return duties
    }

    /// Duties that are not tasks of anyone, with the reason; the plan page still shows them.
    static let notTasks: [Seed: [String: String]] = [
        // "UBND tỉnh triển khai các Báo cáo …": the issuer's own act, no department's duty.
        .dakLak: ["1": "việc của UBND tỉnh"]
    ]

    /// Agencies a duty names that it does not assign: reasons in Vietnamese, checked for each.
    static let namedNotAssigned: [Seed: [String: Set<String>]] = [:]

    /// Who a duty's own words give it to: "Giao Phòng Nội vụ tham mưu …", "Văn phòng HĐND
    /// và UBND huyện có trách nhiệm …", "Yêu cầu các cơ quan … khẩn trương …".
    static func subject(of text: String) -> String? {
        var body = text
        var explicit = false
        for prefix in ["Giao ", "Yêu cầu ", "Đề nghị "] where body.hasPrefix(prefix) {
            body.removeFirst(prefix.count)
            explicit = true
        }
        let stops = [
            " có trách nhiệm", " chịu trách nhiệm", " tham mưu", " thường xuyên", " trên cơ sở", " khẩn trương",
        ]
        guard let stop = stops.compactMap({ body.range(of: $0)?.lowerBound }).min() else {
            return explicit ? body : nil
        }
        let clause = String(body[..<stop])
        return explicit || clause.split(separator: " ").count <= 12 ? clause : nil
    }

    /// The clauses after "phối hợp (chặt chẽ) (với)": up to the next ".", ";" or "(".
    static func partners(in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"[Pp]hối hợp(?: chặt chẽ)?(?: với)? ([^.;(]+)"#)
        // The clause ends where its verb starts: "… với Sở Nội vụ để nắm bắt …".
        let verbs = [
            " để ", " nhằm", " trong ", " tham mưu", " đề xuất", " thực hiện", " triển khai", " kiểm tra",
            " nâng cao", " tiếp nhận", " thường xuyên", " quán triệt", " thông tin", " đẩy nhanh", " hoàn thành",
        ]
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            let clause = " " + String(text[Range($0.range(at: 1), in: text)!])
            let stop = verbs.compactMap { clause.range(of: $0)?.lowerBound }.min() ?? clause.endIndex
            return String(clause[..<stop])
        }
    }

    @Test(arguments: [Seed.dakLak, .honQuan, .quangNam, .papi474])
    func everyNumberedDutyIsATaskOfTheAgenciesItNames(_ seed: Seed) throws {
        let plan = seed.plan
        let duties = try Self.duties(seed)
        #expect(duties.count >= 4, "\(seed): the duties were found")
        let tasks = plan.tasks.map { (task: $0, text: Self.plain($0.text)) }
        let body = Self.clean(Self.plain(plan.body))
        var assignments = 0
        for duty in duties {
            let label = "\(seed) \(duty.code): '\(duty.text.prefix(60))…'"
            #expect(body.contains(duty.text), "\(label) is not in the plan's text")
            if let reason = Self.notTasks[seed]?[duty.code] {
                #expect(!tasks.contains { $0.text.contains(duty.text) }, "\(label) is listed as not a task (\(reason))")
                continue
            }
            guard let task = tasks.first(where: { $0.text.contains(duty.text) })?.task else {
                Issue.record("\(label) is not a task on the portal")
                continue
            }
            let assigned = Set((task.lead + task.cooperating + task.monitoring).map(\.rawValue))
            var named = Self.subject(of: duty.text).map { Self.departments(namedIn: $0, plan: plan) } ?? []
            if named.isEmpty, let heading = duty.headings.last, !heading.hasPrefix("Đối với") {
                named = Self.departments(namedIn: heading, plan: plan)
            }
            for partner in Self.partners(in: duty.text) {
                named.formUnion(Self.departments(namedIn: partner, plan: plan))
            }
            named.subtract(Self.namedNotAssigned[seed]?[duty.code] ?? [])
            for id in named.sorted() where !assigned.contains(id) {
                Issue.record("\(label) names \(id), who is not assigned the task (\(assigned.sorted()))")
            }
            assignments += named.count
            // A dated deadline in the duty is the task's.
            let dates = try NSRegularExpression(pattern: #"trước ngày (\d{1,2}/\d{1,2}/\d{4})"#)
            for match in dates.matches(in: duty.text, range: NSRange(duty.text.startIndex..., in: duty.text)) {
                let date = try #require(
                    CalendarDate(parsing: String(duty.text[Range(match.range(at: 1), in: duty.text)!])))
                #expect(task.timeFrame?.deadline == date, "\(label): deadline \(date) is not the task's")
            }
        }
        #expect(assignments > 0)
    }

    /// How many duties the reader finds in each seed (a paragraph of a duty counts once), so that
    /// a reader that stops seeing some is noticed.
    @Test(arguments: [(Seed.dakLak, 5), (.honQuan, 31), (.quangNam, 24), (.papi474, 14)])
    func theDutyReaderFindsEveryNumberedDuty(_ seed: Seed, count: Int) throws {
        let duties = try Self.duties(seed)
        #expect(duties.count == count, "\(duties.map(\.code))")
    }

    // MARK: - Figures

    /// Every decimal, percent, date and document number of a seed is on its plan page.
    @Test(arguments: Seed.allCases)
    func everyFigureOfTheSeedIsOnItsPlanPage(_ seed: Seed) throws {
        let text = Self.clean(try seed.text())
        let shown = Self.pageText(try planPage(seed))
        let regex = try NSRegularExpression(
            pattern: #"\d{1,2}/\d{1,2}/\d{4}|\d+(?:,\d+)+%?|\d+%|\d+/\d{4}/[A-ZĐ][A-ZĐa-z-]*|\d+/[A-ZĐ][A-ZĐ-]+"#)
        let figures = Set(
            regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                String(text[Range($0.range, in: text)!])
            })
        #expect(figures.count >= 3, "\(seed): figures were found")
        for figure in figures.sorted() where !shown.contains(figure) {
            Issue.record("\(seed): '\(figure)' is printed in the document but not on its plan page")
        }
    }

    /// "đạt 84,24 điểm": a quoted result is shown with the document's unit, on the plan page
    /// and in the plan's model.
    @Test(arguments: [Seed.quangNam, .papi474])
    func quotedResultsKeepTheDocumentsUnit(_ seed: Seed) throws {
        let text = Self.clean(try seed.text())
        let regex = try NSRegularExpression(pattern: #"đạt (\d+(?:,\d+)?) (điểm|%)"#)
        let quoted = regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            (String(text[Range($0.range(at: 1), in: text)!]), String(text[Range($0.range(at: 2), in: text)!]))
        }
        #expect(quoted.count >= 2)
        let html = try planPage(seed)
        let table = try #require(Self.block(html, from: "<table class=\"results stack\">", to: "</table>"))
        for (score, unit) in quoted {
            let result = try #require(seed.plan.results.first { $0.score?.vietnamese == score }, "\(score)")
            #expect(result.unit == unit, "\(seed): \(score) is '\(result.unit)', the document says '\(unit)'")
            let expected = unit == "%" ? score + "%" : score + " " + unit
            #expect(Self.pageText(table).contains(expected), "\(seed): the results table shows \(expected)")
            #expect(!Self.pageText(table).contains(score + " %") && !(unit != "%" && table.contains(score + "%")))
        }
        // The same figures on the index page and in its chart.
        for (score, unit) in quoted where unit != "%" {
            for index in seed.plan.indices {
                let indexPage = try page(SiteMap.index(index))
                #expect(!indexPage.contains(score + "%"), "\(index): \(score) shown as a percent")
            }
        }
    }

    // MARK: - Masthead and signature

    /// The lines above the document's title as printed: issuer block, motto, number.
    @Test(arguments: Seed.allCases)
    func mastheadShowsOnlyWhatIsPrinted(_ seed: Seed) throws {
        let lines = try seed.text().components(separatedBy: "\n").map { Self.clean($0) }.filter { !$0.isEmpty }
        let mottoAt = lines.firstIndex { $0.hasPrefix("CỘNG HÒA") || $0.hasPrefix("CỘNG HOÀ") }
        let numberLine = lines.first { $0.hasPrefix("Số:") && !$0.contains("Kèm theo") }
        let placeAt = try #require(lines.firstIndex { $0.hasPrefix(seed.plan.place + ",") })
        let issuer = Array(lines[..<(mottoAt ?? placeAt)]).filter { !$0.hasPrefix("Số:") }
        let html = try planPage(seed)
        let header = try #require(Self.block(html, from: "<header class=\"document-header\">", to: "</header>"))
        let issuerBlock = try #require(Self.block(header, from: "<div class=\"document-issuer\">", to: "</div>"))
        let mottoBlock = try #require(Self.block(header, from: "<div class=\"document-motto\">", to: "</div>"))
        let shownIssuer = Self.paragraphs(issuerBlock).filter { !$0.hasPrefix("Số:") }
        #expect(shownIssuer == issuer, "\(seed): issuer block")
        #expect(Self.paragraphs(issuerBlock).first { $0.hasPrefix("Số:") } == numberLine, "\(seed): number")
        let shownMotto = Array(Self.paragraphs(mottoBlock).dropLast())
        let printedMotto = mottoAt.map { [lines[$0], lines[$0 + 1]] } ?? []
        #expect(shownMotto == printedMotto, "\(seed): national motto")
        // The title: the kind word only where the document prints it ("KẾ HOẠCH"), never "Công văn".
        let title = Self.pageText(try #require(Self.block(header, from: "<h1 class=\"document-title\">", to: "</h1>")))
        let vv = lines.firstIndex { $0.hasPrefix("V/v") }
        if let vv {
            #expect(title.hasPrefix("V/v"), "\(seed): '\(title)'")
            #expect(Self.clean(lines[vv...].prefix(4).joined(separator: " ")).hasPrefix(title))
        } else {
            let kind = try #require(lines.first { $0 == seed.plan.kind.heading }, "\(seed): kind word printed")
            #expect(title == kind + " " + seed.plan.title)
        }
    }

    @Test(arguments: Seed.allCases)
    func signatureShowsOnlyWhatIsPrinted(_ seed: Seed) throws {
        let printed = Set(
            try seed.text().components(separatedBy: "\n").map { Self.clean($0) }.filter { !$0.isEmpty })
        let signer = try #require(seed.plan.signer)
        let expected = signer.authority + [signer.title, signer.name].compactMap { $0 }
        for line in expected { #expect(printed.contains(line), "\(seed): '\(line)' is not printed") }
        let html = try planPage(seed)
        let block = try #require(Self.block(html, from: "<div class=\"document-signer\">", to: "</div>"))
        #expect(Self.paragraphs(block) == expected, "\(seed): the signature block")
        #expect(!html.contains("(Đã ký)") || printed.contains { $0.contains("(Đã ký)") })
    }

    // MARK: - Names as written

    /// Every department a task names is shown with the content's words for it and links to
    /// the registry's page: "Chánh Thanh tra tỉnh", not "Thanh tra tỉnh".
    @Test func departmentsAreShownWithTheDocumentsWords() throws {
        var withHeadTitle = 0
        for plan in defaultSite.plans {
            let html = try page(SiteMap.plan(plan.slug))
            for task in plan.allTasks {
                for role in TaskRole.allCases {
                    for (position, id) in task.departments(in: role).enumerated() {
                        let written = try #require(task.writtenName(role, at: position))
                        let escaped = written.replacingOccurrences(of: "&", with: "&amp;")
                        let link = "href=\"../../\(SiteMap.department(id))\">\(escaped)</a>"
                        #expect(html.contains(link), "\(plan.slug) \(task.reference): '\(written)' → \(id)")
                        if written.hasPrefix("Chánh ") || written.hasPrefix("Giám đốc ") { withHeadTitle += 1 }
                    }
                }
            }
        }
        // Seed 004 alone names 40 heads ("Giám đốc Sở …", "Chánh Thanh tra tỉnh", "Chánh Văn phòng …").
        #expect(withHeadTitle >= 40)
    }

    // MARK: - Plain text where Markdown cannot be shown

    @Test func overdueListsShowTheWordsWithoutMarkdown() throws {
        let html = try page(SiteMap.department("hon-quan-phong-tai-chinh-ke-hoach"))
        let list = try #require(Self.block(html, from: "<h3 id=\"qua-han\">", to: "</ul>"))
        #expect(list.contains("(nếu có)"))
        #expect(!list.contains("*"))
    }

    @Test func plainTextDropsMarkdownMarksAndKeepsTheWords() {
        #expect(
            Markdown.plainText("Tổ chức (*nếu có*). **Đôn đốc** [Cổng](https://x.vn)")
                == "Tổ chức (nếu có). Đôn đốc Cổng")
        #expect(Markdown.plainText("- Một;\n- Hai.\n\nBa `mã` ~~bỏ~~") == "Một; Hai. Ba mã bỏ")
        #expect(Markdown.plainText("<b>đậm</b> a < b") == "<b>đậm</b> a < b")
    }

    // MARK: - Printed digits

    /// "86,50%" stays 86,50% (not "86,5 %"); the value is the exact decimal 86.5.
    @Test func aScoreKeepsItsPrintedDigitsAndUnit() throws {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "site")
        let file = folder.path("site/results.yaml")
        let extra = """
              - locality: tinh-mau
                index: sipas
                year: 2019
                score: 86,50%
              - locality: tinh-mau
                index: sipas
                year: 2018
                score: 84,20
                unit: điểm

            """
        try (String(contentsOf: file, encoding: .utf8) + extra).write(to: file, atomically: true, encoding: .utf8)
        let (checked, diagnostics) = checkContent(folder.path("site"))
        let site = try #require(checked, "\(diagnostics)")
        let percent = try #require(site.results.first { $0.index == .sipas && $0.year == 2019 })
        #expect(percent.score?.value == Decimal(string: "86.5") && percent.score == Quantity(parsing: "86,5"))
        #expect(percent.score?.vietnamese == "86,50" && percent.unit == "%" && percent.scoreText == "86,50%")
        let points = try #require(site.results.first { $0.index == .sipas && $0.year == 2018 })
        #expect(points.scoreText == "84,20 điểm")
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        let files = Renderer(templates: try #require(templates)).render(site)
        let page = try #require(files.first { $0.path == SiteMap.index(.sipas) })
        let text = Self.pageText(String(decoding: page.data, as: UTF8.self))
        #expect(text.contains("86,50%") && text.contains("84,20 điểm"))
        #expect(!text.contains("86,5 %") && !text.contains("84,20%") && !text.contains("84,2 "))
    }

    @Test func aUnitWrittenTwiceMustAgree() throws {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "site")
        let file = folder.path("site/results.yaml")
        let extra = """
              - locality: tinh-mau
                index: sipas
                year: 2019
                score: 86,50%
                unit: điểm

            """
        try (String(contentsOf: file, encoding: .utf8) + extra).write(to: file, atomically: true, encoding: .utf8)
        let (_, diagnostics) = checkContent(folder.path("site"))
        #expect(
            compact(diagnostics, root: folder.path("site").path).contains("error malformed-number results.yaml:18:11"))
    }

    // MARK: - Optional parts of the document

    /// A page of the fixture site with `plan.md`'s front matter edited by `edit`.
    func fixturePlanPage(_ edit: (String) -> String) throws -> String {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "site")
        let file = folder.path("site/plans/2024-mau-par-index/plan.md")
        try edit(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        let (checked, diagnostics) = checkContent(folder.path("site"))
        let site = try #require(checked, "\(diagnostics)")
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        let files = Renderer(templates: try #require(templates)).render(site)
        let page = try #require(files.first { $0.path == SiteMap.plan("2024-mau-par-index") })
        return String(decoding: page.data, as: UTF8.self)
    }

    /// A signer without a title shows no title: not the plan's title in its place.
    @Test func aSignerWithoutATitleShowsNone() throws {
        let html = try fixturePlanPage { $0.replacingOccurrences(of: "  title: PHÓ CHỦ TỊCH\n", with: "") }
        let block = try #require(Self.block(html, from: "<div class=\"document-signer\">", to: "</div>"))
        #expect(Self.paragraphs(block) == ["KT. CHỦ TỊCH", "Nguyễn Văn A"])
    }

    /// Content without the new fields gets the standard motto and its issuer in capitals;
    /// `header: false` and `motto: false` print neither; `motto:` lines are shown as written.
    @Test func mastheadFieldsAreOptional() throws {
        let standard = try fixturePlanPage { $0 }
        #expect(standard.contains("<p class=\"motto-nation\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"))
        #expect(standard.contains("<p class=\"motto-words\">Độc lập - Tự do - Hạnh phúc</p>"))
        let none = try fixturePlanPage {
            $0.replacingOccurrences(of: "header: [ỦY BAN NHÂN DÂN, TỈNH MẪU]\n", with: "header: false\nmotto: false\n")
        }
        let issuer = try #require(Self.block(none, from: "<div class=\"document-issuer\">", to: "</div>"))
        #expect(Self.paragraphs(issuer).allSatisfy { $0.hasPrefix("Số:") })
        #expect(!none.contains("motto-nation") && !none.contains("Độc lập - Tự do"))
        let written = try fixturePlanPage {
            $0.replacingOccurrences(
                of: "signer:\n",
                with: "motto:\n  - CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n  - Độc lập - Tự do - Hạnh phúc\nsigner:\n")
        }
        #expect(written.contains("<p class=\"motto-nation\">CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"))
    }
}
