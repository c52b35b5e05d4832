import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteImport
import PlansiteModel
import TestSupport
import Testing

/// `plansite new plan` and `new department`, in a copy of Content/.
@Suite struct NewPlanTests {
    static func copyOfContent() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.content, at: "content")
        return folder
    }

    static func registry(_ folder: TemporaryFolder) -> Registry {
        Registry.load(folder: folder.path("content/departments")).registry
    }

    @Test func newPlanPassesCheckAndBuild() throws {
        let folder = try Self.copyOfContent()
        var answers = PlanScaffold.Answers()
        answers.indices = ["papi", "sipas"]
        answers.locality = "dak-nong"
        answers.year = "2025"
        answers.number = "12/KH-UBND"
        let request = try PlanScaffold.resolve(
            answers, registry: Self.registry(folder), contentFolder: folder.path("content"), currentYear: 2025)
        #expect(request.slug == "2025-dak-nong-papi-sipas-12")
        #expect(request.issuer == "UBND tỉnh Đắk Nông")
        #expect(request.place == "Đắk Nông")
        let files = try PlanScaffold.write(
            request, contentFolder: folder.path("content"), registry: Self.registry(folder))
        #expect(files.map(\.lastPathComponent) == ["plan.md", "phu-luc-1.yaml", "phu-luc-2.yaml"])
        let plan = try String(contentsOf: files[0], encoding: .utf8)
        #expect(plan.contains("# Loại văn bản (kind)"))
        #expect(plan.contains("# Trích yếu (title)"))

        // `check`: the new plan adds no diagnostic to those of the default content.
        let (site, diagnostics) = checkContent(folder.path("content"))
        let (_, before) = checkContent(TestPaths.content)
        #expect(site != nil)
        #expect(
            compact(diagnostics, root: folder.path("content").path) == compact(before, root: TestPaths.content.path))
        let newPlan = try #require(site?.plans.first { $0.slug.rawValue == request.slug })
        #expect(newPlan.indices == [.papi, .sipas])
        #expect(newPlan.appendices.map(\.index) == [.papi, .sipas])
        #expect(newPlan.allTasks.map { $0.lead } == [["dak-nong-so-noi-vu"], ["dak-nong-so-noi-vu"]])

        // `build` renders it.
        let outcome = SiteBuilder(
            options: .init(
                content: folder.path("content"), templates: TestPaths.templates, output: folder.path("public"),
                incremental: false)
        ).build()
        #expect(outcome.filesWritten != nil)
        let page = try String(contentsOf: folder.path("public/ke-hoach/\(request.slug)/index.html"), encoding: .utf8)
        #expect(page.contains("Cải thiện, nâng cao Chỉ số PAPI, Chỉ số SIPAS của tỉnh Đắk Nông năm 2025"))
    }

    @Test func valuesWithYAMLCharactersStayValid() throws {
        let folder = try Self.copyOfContent()
        var answers = PlanScaffold.Answers()
        answers.indices = ["par-index"]
        answers.locality = "dak-lak"
        answers.title = "V/v: nâng cao # chỉ số \"PAR INDEX\" - [2025]"
        answers.issuer = "UBND tỉnh Đắk Lắk: Văn phòng"
        answers.kind = "công văn"
        answers.date = "18/7/2025"
        answers.slug = "thu-nghiem"
        let request = try PlanScaffold.resolve(
            answers, registry: Self.registry(folder), contentFolder: folder.path("content"), currentYear: 2025)
        _ = try PlanScaffold.write(request, contentFolder: folder.path("content"), registry: Self.registry(folder))
        let (site, diagnostics) = checkContent(folder.path("content"))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let plan = try #require(site?.plans.first { $0.slug == "thu-nghiem" })
        #expect(plan.title == "V/v: nâng cao # chỉ số \"PAR INDEX\" - [2025]")
        #expect(plan.issuer == "UBND tỉnh Đắk Lắk: Văn phòng")
        #expect(plan.header.isEmpty)
    }

    /// A commented example line of a scaffold ("# addressees:", "#   - Như trên"), made a line of YAML.
    static func uncommentingExamples(_ text: String) -> String {
        let example = /^(\s*)# (\s*(- )?([a-z][a-z-]*:( |$)|[^\s#].*$))/
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let match = line.wholeMatch(of: example) else { return String(line) }
            let content = match.output.2
            // Prose comments start with a capital or are not "key:" / "- item": left as they are.
            guard content.wholeMatch(of: /\s*(- .*|-|[a-z][a-z-]*:( .*)?)/) != nil else { return String(line) }
            return String(match.output.1 + content)
        }.joined(separator: "\n")
    }

    /// The keys a scaffold shows in its comments are the format's: with every commented example
    /// uncommented, the plan still reads with no unknown field (the keys come from ContentKey).
    @Test func theCommentedExamplesOfANewPlanUseTheFormatsKeys() throws {
        let folder = try Self.copyOfContent()
        var answers = PlanScaffold.Answers()
        answers.indices = ["papi"]
        answers.locality = "dak-nong"
        answers.year = "2025"
        answers.issuer = "Sở Nội vụ tỉnh Đắk Nông"
        answers.slug = "vi-du"
        let request = try PlanScaffold.resolve(
            answers, registry: Self.registry(folder), contentFolder: folder.path("content"), currentYear: 2025)
        let files = try PlanScaffold.write(
            request, contentFolder: folder.path("content"), registry: Self.registry(folder))
        var uncommented = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            // The placeholders of the department examples, as a clerk would fill them.
            let examples = Self.uncommentingExamples(text)
                .replacingOccurrences(of: "[tên đơn vị phối hợp]", with: "Sở Tư pháp")
                .replacingOccurrences(of: "[tên đơn vị theo dõi, giám sát]", with: "Văn phòng UBND tỉnh")
            uncommented += zip(text.split(separator: "\n"), examples.split(separator: "\n")).filter { $0 != $1 }.count
            try examples.write(to: file, atomically: true, encoding: .utf8)
        }
        // number, header (3 lines), addressees (2), recipients (3), signer (4), results (6), columns (5),
        // a task's cooperating and monitoring (2).
        #expect(uncommented == 26)
        let (site, diagnostics) = checkContent(folder.path("content"))
        let mine = diagnostics.filter { $0.location.file.contains("/vi-du/") }
        #expect(!mine.contains { [.unknownField, .yamlSyntax, .wrongType].contains($0.code) }, "\(mine)")
        let plan = try #require(site?.plans.first { $0.slug == "vi-du" }, "\(mine)")
        #expect(plan.number == "123/KH-UBND")
        #expect(plan.signer?.name == "Nguyễn Văn A")
        #expect(plan.recipients == ["Như trên", "Lưu: VT"])
        #expect(plan.appendices.first?.columns.lead == "Cơ quan chủ trì")
        #expect(plan.allTasks.first?.cooperating == ["dak-nong-so-tu-phap"])
    }

    @Test func withoutATerminalMissingValuesFailWithTheFlagToUse() throws {
        let folder = try Self.copyOfContent()
        let registry = Self.registry(folder)
        var answers = PlanScaffold.Answers()
        answers.locality = "dak-nong"
        #expect(
            throws: ScaffoldError.missing(
                key: "index", prompt: "Chỉ số (par-index, papi, sipas; nhiều chỉ số cách nhau bằng dấu phẩy)")
        ) {
            try PlanScaffold.resolve(
                answers, registry: registry, contentFolder: folder.path("content"), currentYear: 2025)
        }
        answers.indices = ["papi"]
        answers.locality = nil
        // Five localities: no default.
        #expect(throws: ScaffoldError.self) {
            try PlanScaffold.resolve(
                answers, registry: registry, contentFolder: folder.path("content"), currentYear: 2025)
        }
        answers.locality = "dak-nong"
        let request = try PlanScaffold.resolve(
            answers, registry: registry, contentFolder: folder.path("content"), currentYear: 2031)
        #expect(request.year == 2031)
        #expect(request.kind == .plan)
        #expect(request.slug == "2031-dak-nong-papi")
        #expect(request.date == "2031")
        answers.indices = ["pappi"]
        #expect(throws: ScaffoldError.self) {
            try PlanScaffold.resolve(
                answers, registry: registry, contentFolder: folder.path("content"), currentYear: 2025)
        }
    }

    @Test func questionsFillWhatFlagsLeaveOut() throws {
        let folder = try Self.copyOfContent()
        let answersByKey = ["locality": "quang-nam", "index": "sipas, par-index", "number": "", "title": ""]
        var asked: [String] = []
        let request = try PlanScaffold.resolve(
            PlanScaffold.Answers(), registry: Self.registry(folder), contentFolder: folder.path("content"),
            currentYear: 2026
        ) { question in
            asked.append(question.key)
            return answersByKey[question.key]
        }
        #expect(asked == ["locality", "index", "year", "kind", "issuer", "number", "title", "date", "place", "slug"])
        #expect(request.indices == [.sipas, .parIndex])
        #expect(request.locality == "quang-nam")
        #expect(request.number == nil)
        #expect(request.slug == "2026-quang-nam-sipas-par-index")
    }

    @Test func neverOverwritesAPlan() throws {
        let folder = try Self.copyOfContent()
        var answers = PlanScaffold.Answers()
        answers.indices = ["papi"]
        answers.locality = "dak-nong"
        answers.slug = "2024-dak-nong-papi-474"
        #expect(throws: ScaffoldError.exists(folder.path("content/plans/2024-dak-nong-papi-474").path)) {
            try PlanScaffold.resolve(
                answers, registry: Self.registry(folder), contentFolder: folder.path("content"), currentYear: 2025)
        }
    }
}

@Suite struct NewDepartmentTests {
    @Test func appendsToTheLocalityFileKeepingItsTextAndComments() throws {
        let folder = try NewPlanTests.copyOfContent()
        let file = folder.path("content/departments/dak-nong.yaml")
        let before = try String(contentsOf: file, encoding: .utf8)
        var answers = DepartmentScaffold.Answers()
        answers.locality = "dak-nong"
        answers.name = "Sở Du lịch tỉnh Đắk Nông"
        answers.shortName = "Sở Du lịch"
        answers.aliases = ["Giám đốc Sở Du lịch", "SDL: du lịch"]
        answers.parent = "dak-nong-ubnd-tinh"
        let registry = NewPlanTests.registry(folder)
        let request = try DepartmentScaffold.resolve(answers, registry: registry)
        #expect(request.id == "dak-nong-so-du-lich")
        #expect(request.level == .provincialDepartment)
        let written = try DepartmentScaffold.write(
            request, departmentsFolder: folder.path("content/departments"), registry: registry)
        #expect(written.path == file.path)
        let after = try String(contentsOf: file, encoding: .utf8)
        #expect(after.hasPrefix(before))
        #expect(after.dropFirst(before.count).contains("# Thêm bởi `plansite new department`."))

        let (site, diagnostics) = checkContent(folder.path("content"))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let department = try #require(site?.departments.first { $0.id == "dak-nong-so-du-lich" })
        #expect(department.aliases == ["Giám đốc Sở Du lịch", "SDL: du lịch"])
        #expect(department.parent == "dak-nong-ubnd-tinh")
    }

    @Test func createsAFileForANewLocality() throws {
        let folder = try NewPlanTests.copyOfContent()
        var answers = DepartmentScaffold.Answers()
        answers.locality = "gia-nghia"
        answers.localityName = "thành phố Gia Nghĩa"
        answers.name = "UBND thành phố Gia Nghĩa"
        let registry = NewPlanTests.registry(folder)
        let request = try DepartmentScaffold.resolve(answers, registry: registry)
        #expect(request.level == .district)
        let written = try DepartmentScaffold.write(
            request, departmentsFolder: folder.path("content/departments"), registry: registry)
        #expect(written.lastPathComponent == "gia-nghia.yaml")
        let (site, diagnostics) = checkContent(folder.path("content"))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(site?.localities.contains(Locality(id: "gia-nghia", name: "thành phố Gia Nghĩa")) == true)
        #expect(site?.departments.contains { $0.id == "gia-nghia-ubnd-thanh-pho-gia-nghia" } == true)
    }

    /// Names are values to the emitter and text to the comments: a line break in a locality's name
    /// (it once ended the file's first comment and broke the YAML), a keyword, a ": " or a " #".
    @Test func aNewLocalityWithAwkwardNamesStillReads() throws {
        let folder = try NewPlanTests.copyOfContent()
        var answers = DepartmentScaffold.Answers()
        answers.locality = "ha-giang"
        answers.localityName = "Hà Giang\ndòng hai: # ba"
        answers.id = "ha-giang-yes"
        answers.name = "yes"
        answers.aliases = ["null", "- gạch", "a: b #c"]
        answers.level = "sở"
        let registry = NewPlanTests.registry(folder)
        let request = try DepartmentScaffold.resolve(answers, registry: registry)
        let written = try DepartmentScaffold.write(
            request, departmentsFolder: folder.path("content/departments"), registry: registry)
        let text = try String(contentsOf: written, encoding: .utf8)
        #expect(text.hasPrefix("# Danh mục đơn vị của Hà Giang dòng hai: # ba, tạo bởi"))
        let (site, diagnostics) = checkContent(folder.path("content"))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(site?.localities.contains(Locality(id: "ha-giang", name: "Hà Giang\ndòng hai: # ba")) == true)
        let department = try #require(site?.departments.first { $0.id == "ha-giang-yes" })
        #expect(department.name == "yes")
        #expect(department.aliases == ["null", "- gạch", "a: b #c"])
    }

    @Test func refusesDuplicateIdsAndNames() throws {
        let folder = try NewPlanTests.copyOfContent()
        let registry = NewPlanTests.registry(folder)
        var answers = DepartmentScaffold.Answers()
        answers.locality = "dak-nong"
        answers.name = "Sở Mới"
        answers.id = "dak-nong-so-noi-vu"
        #expect(throws: ScaffoldError.self) { try DepartmentScaffold.resolve(answers, registry: registry) }
        answers.id = nil
        answers.aliases = ["snv"]
        #expect(throws: ScaffoldError.self) { try DepartmentScaffold.resolve(answers, registry: registry) }
        answers.aliases = []
        answers.level = "bộ"
        #expect(throws: ScaffoldError.self) { try DepartmentScaffold.resolve(answers, registry: registry) }
    }

    @Test func aListThatCannotBeExtendedByAppendingIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        let text = "locality: {id: x, name: X}\ndepartments: [{id: x-a, name: A, level: sở}]\n"
        try folder.write(text, to: "departments/x.yaml")
        let registry = Registry.load(folder: folder.path("departments")).registry
        var answers = DepartmentScaffold.Answers()
        answers.locality = "x"
        answers.name = "Sở B"
        let request = try DepartmentScaffold.resolve(answers, registry: registry)
        #expect(throws: ScaffoldError.self) {
            try DepartmentScaffold.write(request, departmentsFolder: folder.path("departments"), registry: registry)
        }
        #expect(try String(contentsOf: folder.path("departments/x.yaml"), encoding: .utf8) == text)

        let trailing = "locality:\n  id: y\n  name: Y\ndepartments:\n- id: y-a\n  name: A\n  level: sở\nnote: cuối\n"
        try folder.write(trailing, to: "departments/y.yaml")
        let registryY = Registry.load(folder: folder.path("departments")).registry
        answers.locality = "y"
        let requestY = try DepartmentScaffold.resolve(answers, registry: registryY)
        #expect(throws: ScaffoldError.self) {
            try DepartmentScaffold.write(requestY, departmentsFolder: folder.path("departments"), registry: registryY)
        }
    }

    @Test func unindentedListsKeepTheirStyle() throws {
        let folder = try TemporaryFolder()
        let text =
            "# Danh mục\nlocality:\n  id: y\n  name: Y\ndepartments:\n- id: y-a\n  name: A # chú thích\n  level: sở"
        try folder.write(text, to: "departments/y.yaml")
        let registry = Registry.load(folder: folder.path("departments")).registry
        var answers = DepartmentScaffold.Answers()
        answers.locality = "y"
        answers.name = "Phòng B"
        let request = try DepartmentScaffold.resolve(answers, registry: registry)
        _ = try DepartmentScaffold.write(request, departmentsFolder: folder.path("departments"), registry: registry)
        let after = try String(contentsOf: folder.path("departments/y.yaml"), encoding: .utf8)
        #expect(after.hasPrefix(text + "\n"))
        #expect(after.contains("\n- id: y-phong-b\n  name: Phòng B\n  level: phòng\n"))
        let reread = Registry.load(folder: folder.path("departments")).registry
        #expect(reread.entries.map(\.id) == ["y-a", "y-phong-b"])
    }
}
