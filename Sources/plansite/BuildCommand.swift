import ArgumentParser
import Foundation
import PlansiteBuild

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Checks the content, then builds the portal.",
        discussion: """
            Refuses to build when the check finds an error in the content or the templates, and \
            then leaves the output folder as it was. The portal is built in a temporary folder \
            beside the output and swapped in only when complete, in one step: the output is the \
            whole old portal or the whole new one at every instant, even if the build is killed.

            The output folder is replaced only when it is absent, empty, or a portal plansite \
            built (it holds .plansite-portal); never the content, the templates, the working \
            folder or a folder above them (error unsafe-output). Two builds into one output \
            run one after the other (error output-busy after 30 s of waiting).

            After a first build, a cache in .plansite-cache/ beside the output lets the next \
            build read only the plans that changed and render only the pages that depend on \
            them; the output is the same as a cold build's.

            --as-of dd/mm/yyyy judges every status and figure on that day instead of as-of in \
            site.yaml; --as-of today takes the day the command starts, in Vietnam \
            (Asia/Ho_Chi_Minh), for a nightly job. The same content and day give the same bytes.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Flag(name: .long, help: "Build cold: neither read nor write the build cache.")
    var noCache = false

    @Option(
        name: .long,
        help:
            "The day figures are judged on (dd/mm/yyyy, or 'today' in Asia/Ho_Chi_Minh), instead of as-of in site.yaml."
    )
    var asOf: String?

    func run() throws {
        var options = folders.buildOptions(incremental: !noCache)
        if let asOf {
            // Resolved once, here: the build itself never reads the clock.
            guard let day = AsOfOption.resolve(asOf, now: Date()) else {
                FileHandle.standardError.write(
                    Data(
                        "--as-of '\(asOf)' không đọc được; viết ngày dạng dd/mm/yyyy, ví dụ 31/12/2024, hoặc 'today'.\n"
                            .utf8))
                throw ExitCode(1)
            }
            options.asOf = day
        }
        let outcome = SiteBuilder(options: options).build()
        DiagnosticPrinter.print(outcome.diagnostics)
        guard let written = outcome.filesWritten else {
            FileHandle.standardError.write(Data("Không xây dựng: \(folders.output)/ giữ nguyên như trước.\n".utf8))
            throw ExitCode(1)
        }
        if let note = outcome.sitemapNote { print(note) }
        if outcome.incremental, written == 0 {
            print("Không có gì thay đổi: \(folders.output)/ đã cập nhật.")
        } else {
            print(
                "Đã ghi \(written) tệp vào \(folders.output)/"
                    + (outcome.incremental ? " (chỉ các trang bị ảnh hưởng)" : ""))
        }
    }
}
