import Foundation
import TestSupport
import Testing

@testable import PlansiteWriter

/// OutputGuard's verdict on its own, for each kind of folder it is asked to replace (the builds
/// that act on these verdicts: PlansiteBuildTests' OutputSafetyTests).
@Suite struct OutputGuardTests {
    static let readme = Data("Cổng được dựng vào đây.\n".utf8)

    /// A working folder with Content/ and Templates/ in it.
    func project() throws -> TemporaryFolder {
        let temporary = try TemporaryFolder()
        try temporary.write("title: x\n", to: "Content/site.yaml")
        try temporary.write("x\n", to: "Templates/layout.mustache")
        return temporary
    }

    func makeFolder(_ project: TemporaryFolder, _ relative: String) throws {
        try FileManager.default.createDirectory(at: project.path(relative), withIntermediateDirectories: true)
    }

    func verdict(_ output: String, in project: TemporaryFolder) -> OutputGuard.Verdict {
        OutputGuard(
            output: .init(path: output), content: .init(path: "Content"), templates: .init(path: "Templates"),
            workingDirectory: OutputGuard.realPath(project.url.path), seedFiles: ["README.md": Self.readme]
        ).check()
    }

    func real(_ project: TemporaryFolder, _ relative: String) -> URL {
        URL(fileURLWithPath: OutputGuard.realPath(project.url.path) + "/" + relative)
    }

    @Test func anAbsentFolderIsSafeAtItsRealPath() throws {
        let project = try project()
        #expect(verdict("Public", in: project) == .safe(real(project, "Public")))
    }

    @Test func anEmptyFolderIsSafe() throws {
        let project = try project()
        try FileManager.default.createDirectory(at: project.path("Public"), withIntermediateDirectories: true)
        #expect(verdict("Public/", in: project) == .safe(real(project, "Public")))
    }

    @Test func aFolderWithTheMarkerIsSafeAndOneWithAnUnknownMarkerFormatIsNot() throws {
        let project = try project()
        try project.write("<p>cũ</p>\n", to: "Public/index.html")
        try PortalMarker.contents(buildID: "b1").write(to: project.path("Public/\(PortalMarker.fileName)"))
        #expect(verdict("Public", in: project) == .safe(real(project, "Public")))
        try project.write("plansite-portal 9\n", to: "Public/\(PortalMarker.fileName)")
        guard case .refused(let why) = verdict("Public", in: project) else {
            Issue.record("an unknown marker format was accepted")
            return
        }
        #expect(why.hasPrefix("thư mục đầu ra 'Public' có tệp .plansite-portal mà plansite này không nhận ra"))
    }

    @Test func aPortalHoldingAGitRepositoryIsRefusedNamingIt() throws {
        let project = try project()
        try makeFolder(project, "Public")
        try PortalMarker.contents(buildID: "b1").write(to: project.path("Public/\(PortalMarker.fileName)"))
        try project.write("[core]\n", to: "Public/.git/config")
        #expect(
            verdict("Public", in: project)
                == .refused(
                    "thư mục đầu ra 'Public' có .git (một kho mã nguồn) bên trong: dựng lại sẽ xoá nó. "
                        + "Hãy giữ kho ở nơi khác và chép cổng vào đó sau mỗi lần dựng."))
    }

    @Test func aFolderHoldingOnlyTheSeedReadmeIsSafeAndAnEditedReadmeIsNot() throws {
        let project = try project()
        try makeFolder(project, "Public")
        try Self.readme.write(to: project.path("Public/README.md"))
        #expect(verdict("Public", in: project) == .safe(real(project, "Public")))
        try project.write("Ghi chú của tôi.\n", to: "Public/README.md")
        #expect(
            verdict("Public", in: project)
                == .refused(
                    "thư mục đầu ra 'Public' đã có 1 mục không do plansite tạo (README.md): "
                        + "plansite chỉ thay một thư mục trống hoặc một cổng do chính nó dựng (có tệp "
                        + ".plansite-portal). Hãy chọn một thư mục khác, hoặc tự chuyển các mục này đi."))
    }

    @Test func aForeignFolderIsRefusedWithAtMostThreeExamples() throws {
        let project = try project()
        for name in ["a.txt", "b.txt", "c.txt", "d.txt"] { try project.write("x\n", to: "Data/\(name)") }
        guard case .refused(let why) = verdict("Data", in: project) else {
            Issue.record("a folder of someone else's files was accepted")
            return
        }
        #expect(why.hasPrefix("thư mục đầu ra 'Data' đã có 4 mục không do plansite tạo (a.txt, b.txt, c.txt, …): "))
    }

    @Test func aFileIsRefused() throws {
        let project = try project()
        try project.write("x\n", to: "notes.txt")
        #expect(
            verdict("notes.txt", in: project)
                == .refused(
                    "'notes.txt' là một tệp, không phải thư mục: plansite không ghi đè lên nó. "
                        + "Hãy chọn một thư mục cho cổng, ví dụ --output Public."))
    }

    @Test func theContentFolderItsParentAndAFolderInsideItAreRefused() throws {
        let project = try project()
        let verdicts = ["Content", "Content/out", "."].map { verdict($0, in: project) }
        #expect(
            verdicts == [
                .refused(
                    "thư mục đầu ra 'Content' chính là thư mục nội dung 'Content': dựng vào đó sẽ xoá toàn bộ những gì trong đó. Hãy chọn một thư mục riêng cho cổng, ví dụ --output Public."
                ),
                .refused(
                    "thư mục đầu ra 'Content/out' nằm trong thư mục nội dung 'Content': các trang dựng ra sẽ bị đọc lại như thư mục nội dung. Hãy chọn một thư mục bên ngoài, ví dụ --output Public."
                ),
                .refused(
                    "thư mục đầu ra '.' chính là thư mục đang làm việc (nơi chạy lệnh): dựng vào đó sẽ xoá toàn bộ những gì trong đó. Hãy chọn một thư mục riêng cho cổng, ví dụ --output Public."
                ),
            ])
    }

    @Test func aSymbolicLinkIsRefusedEvenToAnEmptyFolder() throws {
        let project = try project()
        try FileManager.default.createDirectory(at: project.path("empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: project.path("Public").path, withDestinationPath: project.path("empty").path)
        guard case .refused(let why) = verdict("Public", in: project) else {
            Issue.record("a symbolic link was accepted")
            return
        }
        #expect(why.hasPrefix("thư mục đầu ra 'Public' là một liên kết tượng trưng (trỏ tới "))
    }
}
