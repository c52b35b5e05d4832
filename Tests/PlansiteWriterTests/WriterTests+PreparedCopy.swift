import Foundation
import PlansiteWriter
import TestSupport
import Testing

/// A staging folder prepared ahead of an update (`serve`'s) gives the same site as one made by
/// the update itself, and is never used once another build has swapped in a site.
extension WriterTests {
    func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    var first: [OutputWriter.Entry] {
        [
            .init(path: "index.html", data: Data("trang chủ".utf8)),
            .init(path: "ke-hoach/a/index.html", data: Data("a".utf8)),
            .init(path: "ke-hoach/b/index.html", data: Data("b".utf8)),
        ]
    }

    @Test(arguments: [SwapMethod.automatic, .twoRenames])
    func anUpdateIntoAPreparedCopyMakesTheSiteAnUpdateMakesAlone(_ swap: SwapMethod) throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let writer = OutputWriter(output: output, swap: swap)
        try writer.write(first, buildID: "1")
        let copy = try #require(writer.prepareCopy())
        #expect(try names(temporary.url) == [copy.name, "Public"].sorted())
        #expect(copy.name.hasPrefix(".Public.staged-"))
        let copyFolder = inode(temporary.path(copy.name))
        var retired: [String] = []
        try writer.update(
            writing: [.init(path: "index.html", data: Data("mới".utf8))], removing: ["ke-hoach/b/index.html"],
            buildID: "2", prepared: copy, retire: { retired.append($0) })
        #expect(
            try contents(output) == [
                "index.html": "mới", "ke-hoach/a/index.html": "a",
            ])
        #expect(PortalMarker.buildID(of: output) == "2")
        // The copy became the output; the previous site waits beside it for `removeRetired`.
        #expect(inode(output) == copyFolder)
        #expect(retired.count == 1)
        #expect(try names(temporary.url) == (retired + ["Public"]).sorted())
        #expect(try contents(temporary.path(retired[0]))["index.html"] == "trang chủ")
        retired.forEach(writer.removeRetired)
        #expect(try names(temporary.url) == ["Public"])
    }

    /// Another build swapped a site in after the copy was made: the copy is deleted, not used, and
    /// the update starts from the site in place.
    @Test func aCopyOfASiteThatWasReplacedSinceIsNotUsed() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let writer = OutputWriter(output: output)
        try writer.write(first, buildID: "1")
        let copy = try #require(writer.prepareCopy())
        try writer.write([.init(path: "index.html", data: Data("dựng lại".utf8))], buildID: "2")
        try writer.update(
            writing: [.init(path: "moi.html", data: Data("mới".utf8))], removing: [], buildID: "3", prepared: copy)
        #expect(
            try contents(output) == [
                "index.html": "dựng lại", "moi.html": "mới",
            ])
        #expect(try names(temporary.url) == ["Public"])
    }

    /// A copy removed (by another process's clean-up) is not an error: the update copies anew.
    @Test func aCopyRemovedByAnotherBuildsCleanUpIsMadeAgain() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let writer = OutputWriter(output: output)
        try writer.write(first, buildID: "1")
        let copy = try #require(writer.prepareCopy())
        #expect(writer.cleanUp(keeping: [copy.name]).isEmpty, "its owner's clean-up keeps it")
        #expect(writer.cleanUp() == [copy.name], "another build's removes it")
        try writer.update(writing: [.init(path: "index.html", data: Data("mới".utf8))], removing: [], prepared: copy)
        #expect(try contents(output)["ke-hoach/a/index.html"] == "a")
        #expect(try names(temporary.url) == ["Public"])
    }

    /// The copy links every file of the output, and nothing is prepared without a built portal.
    @Test func theCopyLinksTheOutputsFilesAndNeedsAPortal() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let writer = OutputWriter(output: output)
        #expect(writer.prepareCopy() == nil)
        try writer.write(first, buildID: "1")
        let copy = try #require(writer.prepareCopy())
        let linked = temporary.path(copy.name + "/ke-hoach/a/index.html")
        #expect(inode(linked) == inode(output.appendingPathComponent("ke-hoach/a/index.html")))
        writer.discard(copy)
        #expect(try names(temporary.url) == ["Public"])
    }
}
