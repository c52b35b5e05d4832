import ArgumentParser
import Foundation
import PlansiteBuild

/// The three folders `build` and `serve` work on, with the same flags and defaults.
struct SiteFolders: ParsableArguments {
    @Option(name: .long, help: "Thư mục nội dung.")
    var content: String = "Content"

    @Option(name: .long, help: "Thư mục mẫu trang.")
    var templates: String = "Templates"

    @Option(
        name: .long,
        help: """
            Thư mục kết quả, được thay bằng cổng mới sau mỗi lần dựng: chỉ khi nó chưa có, đang trống \
            hoặc là cổng do plansite dựng (có tệp .plansite-portal); không bao giờ là thư mục nội dung, \
            mẫu trang, thư mục đang làm việc hay thư mục cha của chúng.
            """)
    var output: String = "Public"

    /// Build options for these folders, shown in messages as the user typed them.
    func buildOptions(incremental: Bool = true) -> SiteBuilder.Options {
        SiteBuilder.Options(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output), displayContent: content, displayTemplates: templates,
            displayOutput: output, incremental: incremental)
    }
}
