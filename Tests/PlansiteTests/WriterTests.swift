import Foundation
import PlansiteWriter
import Testing

/// The output folder is replaced whole (cold builds) or updated through a journal
/// (incremental builds) — never left half-written.
@Suite struct WriterTests {
    func contents(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let prefix = folder.standardizedFileURL.path + "/"
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator
        where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try String(
                contentsOf: url, encoding: .utf8)
        }
        return files
    }

    @Test func updateReplacesAddsAndRemovesFilesAndKeepsTheRest() throws {
        let temporary = try TemporaryFolder()
        let writer = OutputWriter(output: temporary.path("Public"))
        try writer.write([
            .init(path: "index.html", data: Data("trang chủ".utf8)),
            .init(path: "ke-hoach/a/index.html", data: Data("a".utf8)),
            .init(path: "ke-hoach/b/index.html", data: Data("b".utf8)),
        ])
        try writer.update(
            writing: [
                .init(path: "index.html", data: Data("trang chủ mới".utf8)),
                .init(path: "ke-hoach/c/phu-luc-1/index.html", data: Data("c".utf8)),
            ],
            removing: ["ke-hoach/b/index.html"])
        #expect(
            try contents(temporary.path("Public")) == [
                "index.html": "trang chủ mới", "ke-hoach/a/index.html": "a", "ke-hoach/c/phu-luc-1/index.html": "c",
            ])
        // The removed page's folder is gone, and nothing is left beside the output.
        #expect(!FileManager.default.fileExists(atPath: temporary.path("Public/ke-hoach/b").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["Public"])
    }

    /// A build killed after writing its journal: the next one finishes the update first.
    @Test func aJournalLeftByAKilledBuildIsFinishedByTheNextOne() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let writer = OutputWriter(output: output)
        try writer.write([
            .init(path: "index.html", data: Data("cũ".utf8)), .init(path: "don-vi/x/index.html", data: Data("x".utf8)),
        ])
        try temporary.write("mới", to: ".Public.staged-test/0")
        let staged = temporary.path(".Public.staged-test").path
        try temporary.write(
            "R\t\(staged)/0\tindex.html\nD\t\tdon-vi/x/index.html\nS\t\(staged)\t\n", to: ".Public.journal")
        try writer.recover()
        #expect(try contents(output) == ["index.html": "mới"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["Public"])
        // Carrying out a journal twice changes nothing more.
        try writer.recover()
        #expect(try contents(output) == ["index.html": "mới"])
    }
}
