import Foundation
import PlansiteDiagnostics

/// Legacy `.doc` and OpenDocument `.odt`: converted to .docx by LibreOffice
/// (`soffice --headless --convert-to docx`) in a temporary folder, when it is installed.
public enum DocxLegacy {
    public static let extensions: Set<String> = ["doc", "odt", "rtf"]

    /// The LibreOffice program on `searchPath` (PATH's form), nil when it is not installed.
    public static func findOffice(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        for folder in (searchPath ?? "").split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    public static func notInstalledMessage(fileName: String) -> String {
        "\(fileName) là văn bản Word cũ (.doc) hoặc OpenDocument (.odt); cần LibreOffice để chuyển sang .docx "
            + "nhưng máy này chưa cài LibreOffice (không thấy lệnh soffice). Hãy mở tệp bằng Word hoặc LibreOffice, "
            + "chọn Lưu thành (Save As) \"Word Document (*.docx)\", rồi nhập tệp .docx đó; hoặc cài LibreOffice "
            + "rồi nhập lại."
    }

    public enum Conversion: Sendable {
        case success(URL)
        case failure(Diagnostic)
    }

    /// Converts `url` to .docx in `folder`; the converted file, or a diagnostic saying why not.
    public static func convert(
        _ url: URL, in folder: URL, name: String, office: URL?, timeout: TimeInterval = 120
    ) -> Conversion {
        guard let office else {
            return .failure(
                Diagnostic(
                    .error, .unreadableDocument, notInstalledMessage(fileName: name), at: SourceLocation(file: name)))
        }
        let process = Process()
        process.executableURL = office
        process.arguments = [
            "--headless", "--norestore",
            "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path,
            "--convert-to", "docx", "--outdir", folder.path, url.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            return .failure(
                Diagnostic(
                    .error, .unreadableDocument, "không chạy được LibreOffice (\(office.path)) để chuyển \(name)",
                    at: SourceLocation(file: name)))
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            return .failure(
                Diagnostic(
                    .error, .unreadableDocument,
                    "LibreOffice không chuyển xong \(name) sang .docx sau \(Int(timeout)) giây; hãy lưu lại thành .docx "
                        + "bằng Word", at: SourceLocation(file: name)))
        }
        let converted = folder.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".docx")
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: converted.path) else {
            return .failure(
                Diagnostic(
                    .error, .unreadableDocument,
                    "LibreOffice không chuyển được \(name) sang .docx (tệp hỏng hoặc có mật khẩu?)",
                    at: SourceLocation(file: name)))
        }
        return .success(converted)
    }
}
