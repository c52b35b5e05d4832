import ArgumentParser
import Dispatch
import Foundation
import PlansiteBuild
import PlansiteServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Dựng cổng, mở xem trước trên máy này và dựng lại mỗi khi một tệp thay đổi.",
        discussion: """
            Mở địa chỉ lệnh in ra bằng trình duyệt: trang tự tải lại sau mỗi lần sửa nội dung hoặc \
            mẫu trang. Khi nội dung còn lỗi, mọi trang hiện danh sách lỗi; sửa tệp xong thì cổng \
            hiện lại. Chỉ nghe ở 127.0.0.1 (máy này), trừ khi --host chỉ khác. Dừng bằng Ctrl-C.
            """
    )

    @Option(name: .long, help: "Cổng mạng để nghe (0: tự chọn một cổng còn trống).")
    var port: UInt16 = 8000

    @Option(name: .long, help: "Địa chỉ để nghe. Khác 127.0.0.1 là mở bản xem trước cho các máy khác trong mạng.")
    var host: String = "127.0.0.1"

    @OptionGroup var folders: SiteFolders

    func run() async throws {
        // An output folder that must not be replaced stops serve before anything is built or served.
        // Everything that blocks (this check, the builds, the folder scans) runs on threads of
        // its own, never on the concurrency pool this command and the server's tasks run on.
        let problems = await PreviewServer.outputProblems(of: folders.buildOptions())
        guard problems.isEmpty else {
            DiagnosticPrinter.print(problems)
            printError("Không chạy bản xem trước: \(folders.output) giữ nguyên như trước.")
            throw ExitCode(1)
        }
        let options = PreviewServer.Options(
            build: folders.buildOptions(),
            host: host, port: port, log: { printError($0) })
        if host != "127.0.0.1", host != "localhost", host != "::1" {
            printError("cảnh báo: --host \(host): bản xem trước mở cho các máy khác trong mạng")
        }
        // Ctrl-C and SIGTERM are turned into a stop that lets a build in progress finish, so the
        // output folder is never left half-written.
        let (stops, requested) = AsyncStream<Void>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { requested.yield() }
            source.resume()
            sources.append(source)
        }
        defer { for source in sources { source.cancel() } }
        let server = PreviewServer(options: options)
        let url: URL
        do {
            url = try await server.start()
        } catch {
            printError("lỗi: \(error)")
            throw ExitCode.failure
        }
        printError(
            "Đang phục vụ \(folders.output)/ tại \(url) — theo dõi \(folders.content)/ và \(folders.templates)/; Ctrl-C để dừng"
        )
        for await _ in stops { break }
        await server.stop()
        printError("đã dừng")
    }
}
