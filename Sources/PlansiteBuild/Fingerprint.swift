import Foundation

/// A file as the incremental build last saw it. Size and modification time decide whether
/// it may have changed; the content hash decides whether it did.
struct FileStamp: Codable, Hashable, Sendable {
    let path: String
    let size: Int
    let modified: Double
    let hash: String
}

/// Scans folders into stamps, hashing only the files whose size or time changed.
struct Fingerprinter {
    /// Stamps from the previous build, by path, to skip hashing unchanged files.
    let previous: [String: FileStamp]

    /// Every regular, non-hidden file below `folder`, as `prefix/relative/path`, sorted.
    func stamps(of folder: URL, prefix: String) -> [FileStamp] {
        let root = folder.standardizedFileURL
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var stamps: [FileStamp] = []
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
                continue
            }
            let relative = prefix + String(url.standardizedFileURL.path.dropFirst(base.count))
            let size = values.fileSize ?? 0
            let modified = values.contentModificationDate?.timeIntervalSince1970 ?? 0
            if let old = previous[relative], old.size == size, old.modified == modified {
                stamps.append(old)
            } else {
                let hash = (try? Data(contentsOf: url)).map(Self.hash) ?? "unreadable"
                stamps.append(FileStamp(path: relative, size: size, modified: modified, hash: hash))
            }
        }
        return stamps.sorted { $0.path < $1.path }
    }

    /// FNV-1a, 64 bits, as hex: detects changes, not tampering.
    static func hash(_ data: Data) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
        }
        return String(value, radix: 16)
    }

    static func hash(_ text: String) -> String { hash(Data(text.utf8)) }
}
