import ArgumentParser
import Dispatch
import Foundation
import PlansiteBuild
import PlansiteServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Builds the portal, serves it on this computer and rebuilds when a file changes.",
        discussion: """
            Open the address it prints in a browser: the page reloads by itself after every change \
            to the content or the templates. While the content has an error, every page shows the \
            list of problems instead; fix the file and the portal comes back. Listens on 127.0.0.1 \
            only, unless --host says otherwise. Stop with Ctrl-C.
            """
    )

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(name: .long, help: "The address to listen on. Anything but 127.0.0.1 opens the preview to the network.")
    var host: String = "127.0.0.1"

    @OptionGroup var folders: SiteFolders

    func run() throws {
        // An output folder that must not be replaced stops serve before anything is built or served.
        let problems = SiteBuilder(options: folders.buildOptions()).outputProblems()
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
        let server = PreviewServer(options: options)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                let url = try await server.start()
                printError(
                    "Đang phục vụ \(folders.output)/ tại \(url) — theo dõi \(folders.content)/ và \(folders.templates)/; Ctrl-C để dừng"
                )
            } catch {
                printError("lỗi: \(error)")
                finished.signal()
            }
        }
        // Ctrl-C: let a build in progress finish, so the output folder is never left half-written.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler {
            Task {
                await server.stop()
                printError("đã dừng")
                Foundation.exit(0)
            }
        }
        interrupt.resume()
        finished.wait()
        throw ExitCode.failure
    }
}
