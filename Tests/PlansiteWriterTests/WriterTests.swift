import Foundation
import PlansiteWriter
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output folder is replaced whole, by one exchange with a complete staging folder, for
/// cold and incremental builds alike — never left half-written, and nothing left beside it.
@Suite struct WriterTests {
    /// Every regular file below a folder, as text, without the portal marker.
    func contents(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let prefix = folder.standardizedFileURL.path + "/"
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator
        where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if path != PortalMarker.fileName { files[path] = try String(contentsOf: url, encoding: .utf8) }
        }
        return files
    }

    func inode(_ url: URL) -> UInt64? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }

    @Test(arguments: [SwapMethod.automatic, .twoRenames])
    func updateReplacesAddsAndRemovesFilesAndKeepsTheRest(_ swap: SwapMethod) throws {
        let temporary = try TemporaryFolder()
        let writer = OutputWriter(output: temporary.path("Public"), swap: swap)
        try writer.write(
            [
                .init(path: "index.html", data: Data("trang chủ".utf8)),
                .init(path: "ke-hoach/a/index.html", data: Data("a".utf8)),
                .init(path: "ke-hoach/b/index.html", data: Data("b".utf8)),
            ], buildID: "1")
        try writer.update(
            writing: [
                .init(path: "index.html", data: Data("trang chủ mới".utf8)),
                .init(path: "ke-hoach/c/phu-luc-1/index.html", data: Data("c".utf8)),
            ],
            removing: ["ke-hoach/b/index.html"], buildID: "2")
        #expect(
            try contents(temporary.path("Public")) == [
                "index.html": "trang chủ mới", "ke-hoach/a/index.html": "a", "ke-hoach/c/phu-luc-1/index.html": "c",
            ])
        #expect(PortalMarker.buildID(of: temporary.path("Public")) == "2")
        // The removed page's folder is gone, and nothing is left beside the output.
        #expect(!FileManager.default.fileExists(atPath: temporary.path("Public/ke-hoach/b").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["Public"])
    }

    /// The incremental tree links the unchanged files and writes changed ones as new files: a
    /// web server still sending the old page (an open file, here a second link) keeps its bytes.
    @Test func updateLinksUnchangedFilesAndNeverRewritesALinkedFileInPlace() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let writer = OutputWriter(output: output)
        try writer.write(
            [.init(path: "index.html", data: Data("cũ".utf8)), .init(path: "a/index.html", data: Data("a".utf8))])
        let keptPage = inode(output.appendingPathComponent("a/index.html"))
        #expect(link(output.appendingPathComponent("index.html").path, temporary.path("giu-lai").path) == 0)
        try writer.update(writing: [.init(path: "index.html", data: Data("mới".utf8))], removing: [])
        #expect(try String(contentsOf: temporary.path("giu-lai"), encoding: .utf8) == "cũ")
        #expect(try contents(output) == ["index.html": "mới", "a/index.html": "a"])
        #expect(inode(output.appendingPathComponent("a/index.html")) == keptPage, "the unchanged page is linked")
    }

    @Test func coldWriteReplacesTheOutputFolderInOneExchange() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let writer = OutputWriter(output: output)
        try writer.write([.init(path: "cu.html", data: Data("cũ".utf8))])
        let before = inode(output)
        var seenDuringSwap: [String: String] = [:]
        try writer.write(
            [.init(path: "moi.html", data: Data("mới".utf8))],
            afterSwap: { _ in
                // Right after the exchange, before the previous site is deleted: the new site is in place.
                seenDuringSwap = (try? contents(output)) ?? [:]
            })
        #expect(seenDuringSwap == ["moi.html": "mới"])
        #expect(try contents(output) == ["moi.html": "mới"])
        #expect(inode(output) != before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["Public"])
    }

    @Test func cleanUpRemovesWhatCrashedRunsLeftAndNothingElse() throws {
        let temporary = try TemporaryFolder()
        let writer = OutputWriter(output: temporary.path("Public"))
        try writer.write([.init(path: "index.html", data: Data("trang".utf8))])
        for leftover in [
            ".Public.building-0A1B2C3D/index.html", ".Public.staged-DEADBEEF/a/b.html",
            ".Public.previous-12345678/index.html", ".Public.journal",
        ] {
            try temporary.write("thừa", to: leftover)
        }
        // Names that only look alike belong to someone else, and stay.
        let others = [
            ".Public.building-tam", ".Public2.staged-DEADBEEF", ".Public.building-0A1B2C3D.bak", "ghi-chu.txt",
        ]
        for other in others { try temporary.write("của người khác", to: other) }
        let removed = writer.cleanUp()
        #expect(
            removed.sorted() == [
                ".Public.building-0A1B2C3D", ".Public.journal", ".Public.previous-12345678", ".Public.staged-DEADBEEF",
            ])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).sorted()
                == (others + ["Public"]).sorted())
        #expect(try contents(temporary.path("Public")) == ["index.html": "trang"])
    }

    /// The fallback swap (two renames) has a moment without an output: a build killed then
    /// leaves the old site at `.NAME.previous-*`, and the next build puts it back first.
    @Test func cleanUpPutsBackTheOutputOfABuildKilledBetweenTheTwoRenames() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        try OutputWriter(output: output).write([.init(path: "index.html", data: Data("trang cũ".utf8))], buildID: "7")
        try FileManager.default.moveItem(at: output, to: temporary.path(".Public.previous-0BADF00D"))
        try temporary.write("nửa chừng", to: ".Public.building-0BADF00D/index.html")
        OutputWriter(output: output).cleanUp()
        #expect(try contents(output) == ["index.html": "trang cũ"])
        #expect(PortalMarker.buildID(of: output) == "7")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["Public"])
    }

    @Test func aSymbolicLinkInTheOldSiteIsCopiedAsALinkAndItsTargetIsNeverTouched() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        try temporary.write("bí mật", to: "ngoai/tep.txt")
        let writer = OutputWriter(output: output)
        try writer.write([.init(path: "index.html", data: Data("trang".utf8))])
        try FileManager.default.createSymbolicLink(
            at: output.appendingPathComponent("lien-ket"), withDestinationURL: temporary.path("ngoai"))
        try writer.update(writing: [.init(path: "index.html", data: Data("mới".utf8))], removing: [])
        try writer.write([.init(path: "index.html", data: Data("lạnh".utf8))])
        #expect(try String(contentsOf: temporary.path("ngoai/tep.txt"), encoding: .utf8) == "bí mật")
        #expect(try contents(output) == ["index.html": "lạnh"])
    }

    @Test func aSecondLockOnTheSameOutputWaitsForTheFirstOrGivesUp() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let first = try OutputLock.acquire(for: output, timeout: .seconds(1))
        let started = ContinuousClock.now
        #expect(throws: OutputLock.LockError.self) {
            _ = try OutputLock.acquire(for: output, timeout: .milliseconds(200))
        }
        #expect(ContinuousClock.now - started >= .milliseconds(200))
        // Another output has its own lock.
        _ = try OutputLock.acquire(for: temporary.path("Khac"), timeout: .zero)
        first.release()
        let second = try OutputLock.acquire(for: output, timeout: .zero)
        second.release()
    }
}
