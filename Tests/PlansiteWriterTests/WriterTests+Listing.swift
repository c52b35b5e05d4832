import Foundation
import PlansiteSupport
import PlansiteWriter
import TestSupport
import Testing

/// An update tells `finish` every file of the output before and after it, as a walk of the
/// output (`FileTree.files`) lists them, without walking it: hidden names, links, folders deeper
/// than a walk goes and the files an update removes or adds are counted as the walk counts them.
extension WriterTests {
    final class Listing: @unchecked Sendable {
        // Set once by `finish`, read after the update returns.
        var paths: [String]?
        var previous: [String]??
    }

    @Test(arguments: [false, true])
    func anUpdateListsTheOutputAsAWalkOfItDoes(prepared: Bool) throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let writer = OutputWriter(output: output)
        try writer.write(first + [.init(path: "du-lieu/tat-ca.csv", data: Data("a;b".utf8))], buildID: "1")
        // What a walk skips or lists, put there by hand.
        let manager = FileManager.default
        try Data("ẩn".utf8).write(to: output.appendingPathComponent(".an"))
        try Data("ẩn".utf8).write(to: output.appendingPathComponent("ke-hoach/.an"))
        try manager.createDirectory(at: output.appendingPathComponent(".thu-muc-an"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: output.appendingPathComponent(".thu-muc-an/tep"))
        try manager.createSymbolicLink(
            atPath: output.appendingPathComponent("lien-ket").path, withDestinationPath: "index.html")
        let deep = (1...(FileTree.maximumDepth + 2)).map { "m\($0)" }
        for depth in [FileTree.maximumDepth - 1, FileTree.maximumDepth, FileTree.maximumDepth + 1] {
            let folder = output.appendingPathComponent(deep.prefix(depth).joined(separator: "/"))
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("sâu".utf8).write(to: folder.appendingPathComponent("tep-\(depth).txt"))
        }
        let walked = { FileTree.files(under: output.path).map(\.path) }
        let before = walked()
        #expect(before.contains(deep.prefix(FileTree.maximumDepth).joined(separator: "/") + "/tep-16.txt"))
        #expect(!before.contains { $0.contains("tep-17") || $0.contains(".an") || $0 == "lien-ket" })

        var copy: PreparedCopy? = nil
        if prepared {
            let made = try #require(writer.prepareCopy())
            copy = made
        }
        let listing = Listing()
        try writer.update(
            writing: [
                .init(path: "index.html", data: Data("mới".utf8)),
                .init(path: "ke-hoach/c/index.html", data: Data("c".utf8)),
            ],
            removing: ["ke-hoach/b/index.html", "khong-co/tep.html", "ke-hoach/.an", "m1"], buildID: "2",
            finish: { result in
                listing.paths = result.paths
                listing.previous = .some(result.previousPaths)
                return [(path: "sitemap.xml", data: Data("<urlset/>".utf8))]
            }, prepared: copy)
        #expect(listing.previous == .some(before))
        let after = walked()
        #expect(after.contains("ke-hoach/c/index.html") && !after.contains("ke-hoach/b/index.html"))
        #expect(listing.paths == after.filter { $0 != "sitemap.xml" })

        // A cold write has no previous output to list.
        try writer.write(
            first, buildID: "3",
            finish: { result in
                listing.previous = .some(result.previousPaths)
                listing.paths = result.paths
                return []
            })
        #expect(listing.previous == .some(nil))
        #expect(listing.paths == walked())
    }
}
