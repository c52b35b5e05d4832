import Foundation
import PlansiteDiagnostics

/// Stage 4: writes a complete portal into a temporary folder beside the output, then swaps
/// it in. Until the swap, the previous output is untouched; if anything fails, it stays.
public struct OutputWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Writes `files` (relative path → bytes) as the new content of the output folder.
    public func write(_ files: [(path: String, data: Data)]) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = output.lastPathComponent
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).building-\(token)")
        let retired = parent.appendingPathComponent(".\(name).previous-\(token)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = []
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                let folder = url.deletingLastPathComponent().path
                if folders.insert(folder).inserted {
                    try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                guard fileManager.createFile(atPath: url.path, contents: file.data) else {
                    throw WriteError.cannotWrite(file.path)
                }
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        // The swap: two renames on the same file system.
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput { try fileManager.moveItem(at: output, to: retired) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: retired, to: output) }
            try? fileManager.removeItem(at: staging)
            throw error
        }
        if hadOutput { try? fileManager.removeItem(at: retired) }
    }

    public enum WriteError: Error, CustomStringConvertible {
        case cannotWrite(String)

        public var description: String {
            switch self {
            case .cannotWrite(let path): "không ghi được tệp \(path)"
            }
        }
    }
}
