import Foundation
import PlansiteSupport

/// A file as the incremental build last saw it. Size and modification time decide whether
/// it may have changed; the content hash decides whether it did.
struct FileStamp: Codable, Hashable, Sendable {
    let path: String
    let size: Int
    /// Nanoseconds since 1970.
    let modified: Int
    let hash: String
}

/// Scans folders into stamps, hashing only the files whose size or time changed.
struct Fingerprinter {
    /// Stamps from the previous build, by path, to skip hashing unchanged files.
    let previous: [String: FileStamp]

    /// Every non-hidden file below `folder` (the walk every reader of the folder makes), as
    /// `prefix/relative/path`, sorted, with the file as walked; `walked` is that walk when the
    /// caller has just made it (`serve`'s poll).
    func stamps(of folder: URL, prefix: String, walked: [FileTree.File]? = nil) -> [(
        file: FileTree.File, stamp: FileStamp
    )] {
        let root = folder.standardizedFileURL.path
        // Special files (FIFOs, sockets, devices, links) are stamped, so adding one is a
        // change the loader then reports, but never opened.
        return (walked ?? FileTree.walk(root)).map { file in
            let path = prefix + file.path
            switch file.special {
            case nil:
                if let old = previous[path], old.size == file.size, old.modified == file.modified {
                    return (file, old)
                }
                let data = FileManager.default.contents(atPath: root + "/" + file.path)
                let stamp = FileStamp(
                    path: path, size: file.size, modified: file.modified, hash: data.map(Self.hash) ?? "unreadable")
                return (file, stamp)
            case .symbolicLink:
                // The content loader refuses a link; the template listing reads through one
                // (Foundation's), so the stamp is of what it reads: a change of the target is
                // a change.
                let hash =
                    switch FileTree.readRegularFile(root + "/" + file.path, limit: Self.linkedFileLimit) {
                    case .contents(let bytes): "link " + Self.hash(Data(bytes))
                    default: "link"
                    }
                return (file, FileStamp(path: path, size: 0, modified: file.modified, hash: hash))
            case .some:
                return (file, FileStamp(path: path, size: 0, modified: file.modified, hash: "special"))
            }
        }
    }

    /// The most of a linked file hashed: larger than any template.
    static let linkedFileLimit = 16 << 20

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
}

/// A build's id: the tool and the content hash of every input. The same tool and inputs give
/// the same id (so the portal, marker included, is byte-identical from build to build), and the
/// cache is trusted only for a portal whose marker holds the id it was saved with.
enum BuildID {
    static func of(tool: String, inputs: Inputs) -> String {
        var text = "plansite-build 1\n\(tool)\n"
        let stamps = (inputs.shared + inputs.plans.values.joined()).sorted { $0.path < $1.path }
        for stamp in stamps { text += "\(stamp.path)\t\(stamp.size)\t\(stamp.hash)\n" }
        return Fingerprinter.hash(Data(text.utf8))
    }
}
