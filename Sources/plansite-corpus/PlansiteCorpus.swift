import ArgumentParser
import Foundation

@main
struct PlansiteCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite-corpus",
        abstract: "Ghi một thư mục nội dung cỡ cả nước để đo hiệu năng.",
        discussion: """
            Tất định: cùng tham số thì ra các tệp giống hệt từng byte, mọi giá trị lấy từ --seed, \
            không bao giờ từ đồng hồ (ngày số liệu as-of của cổng là \(Corpus.asOf)). Kế hoạch có kèm \
            báo cáo tiến độ hằng quý của đơn vị chủ trì, trừ khi ghi --no-reports. Thư mục qua được \
            `plansite check` không lỗi, không cảnh báo.
            """
    )

    @Option(help: "Số địa phương (63 là cả nước; nhiều hơn thì lặp lại, có đánh số).")
    var localities = 63

    @Option(help: "Số năm kế hoạch, kết thúc ở năm \(Corpus.lastYear).")
    var years = 5

    @Option(help: "Hạt giống sinh mọi giá trị.")
    var seed: UInt64 = 1

    @Option(help: "Thư mục sẽ ghi.")
    var out: String

    @Flag(inversion: .prefixedNo, help: "Ghi báo cáo tiến độ hằng quý của các kế hoạch (bao-cao-*.yaml).")
    var reports = true

    @Flag(help: "Thay thư mục kể cả khi nó không trống.")
    var force = false

    func validate() throws {
        guard (1...999).contains(localities) else { throw ValidationError("--localities must be from 1 to 999") }
        guard (1...50).contains(years) else { throw ValidationError("--years must be from 1 to 50") }
    }

    func run() throws {
        let started = ContinuousClock.now
        let root = URL(fileURLWithPath: out)
        let fileManager = FileManager.default
        if let existing = try? fileManager.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            guard force else {
                throw ValidationError("\(out) is not empty; choose an empty folder or pass --force to replace it")
            }
            try fileManager.removeItem(at: root)
        }
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        let summary = try Corpus(localities: localities, years: years, seed: seed, reports: reports).write(to: root)
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        print(
            "plansite-corpus: \(summary.localities) localities, \(summary.plans) plans, \(summary.tasks) tasks, "
                + "\(summary.reports) reports, \(summary.departments) departments, \(summary.files) files, "
                + "\(summary.bytes) bytes "
                + "in \(out) (\(milliseconds) ms)")
    }
}
