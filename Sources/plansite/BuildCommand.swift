import ArgumentParser
import Foundation
import PlansiteBuild

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Kiểm tra nội dung, rồi dựng cổng thông tin.",
        discussion: """
            Không dựng khi kiểm tra thấy lỗi trong nội dung hoặc mẫu trang; khi đó thư mục kết quả \
            giữ nguyên như trước. Cổng được dựng trong một thư mục tạm bên cạnh và chỉ thay vào khi \
            đã xong, trong một bước: lúc nào thư mục kết quả cũng là trọn cổng cũ hoặc trọn cổng mới, \
            kể cả khi lệnh bị dừng giữa chừng.

            Thư mục kết quả chỉ được thay khi nó chưa có, đang trống hoặc là cổng do plansite dựng \
            (có tệp .plansite-portal); không bao giờ là thư mục nội dung, mẫu trang, thư mục đang \
            làm việc hay thư mục cha của chúng (lỗi unsafe-output). Hai lần dựng vào cùng một thư \
            mục chạy lần lượt (lỗi output-busy nếu đã chờ 30 giây).

            Sau lần dựng đầu, bộ nhớ đệm .plansite-cache/ bên cạnh thư mục kết quả giúp lần sau chỉ \
            đọc các kế hoạch đã sửa và chỉ dựng lại các trang liên quan; kết quả giống hệt dựng từ đầu.

            --as-of dd/mm/yyyy tính mọi trạng thái và số liệu theo ngày đó thay cho as-of trong \
            site.yaml; --as-of today lấy ngày chạy lệnh theo giờ Việt Nam (Asia/Ho_Chi_Minh), hợp \
            cho việc dựng tự động hằng đêm. Cùng nội dung và cùng ngày thì ra đúng từng byte như nhau.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Flag(name: .long, help: "Dựng từ đầu: không đọc, không ghi bộ nhớ đệm.")
    var noCache = false

    @Option(
        name: .long,
        help:
            "Ngày dùng để tính số liệu (dd/mm/yyyy, hoặc 'today' theo giờ Việt Nam), thay cho as-of trong site.yaml."
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
