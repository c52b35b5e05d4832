import Foundation
import PlansiteDiagnostics
import PlansiteSupport

/// The text of one content file, checked to be readable UTF-8 text of a sane size.
enum SourceText {
    /// Content files are hand-written: anything larger is a mistake (a pasted export, a binary).
    static let maximumBytes = 4 * 1024 * 1024

    static func read(_ url: URL, displayPath: String, report: Reporter) -> String? {
        let whole = SourceLocation(file: displayPath)
        let data: Data
        switch FileTree.readRegularFile(url.path, limit: maximumBytes) {
        case .contents(let bytes):
            data = Data(bytes)
        case .tooLarge(let size):
            let megabytes = VietnameseNumberText.megabytes(size)
            report.error(
                .fileTooLarge,
                "tệp quá lớn (\(megabytes) MB); một tệp nội dung được tối đa 4 MB — có thể đây là tệp xuất nhầm hoặc tệp nhị phân",
                at: whole)
            return nil
        case .special(let kind):
            SpecialFiles.report(kind, at: whole, into: report)
            return nil
        case .unreadable:
            report.error(.unreadableFile, "không đọc được tệp", at: whole)
            return nil
        }
        let bytes = ByteScan(data)
        if data.isEmpty || bytes.allWhitespace {
            report.error(.emptyFile, "tệp trống", at: whole)
            return nil
        }
        if bytes.hasStartOfHeading {
            report.error(
                .notText, "tệp chứa ký tự điều khiển U+0001, không có trong văn bản thường; hãy xóa ký tự này",
                at: whole)
            return nil
        }
        if bytes.hasNUL {
            report.error(
                .notText, "tệp không phải văn bản (có byte NUL): có thể là tệp nhị phân đặt nhầm chỗ", at: whole)
            return nil
        }
        guard var text = String(data: data, encoding: .utf8) else {
            report.error(.notText, "tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8", at: whole)
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if bytes.hasCarriageReturn { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        // Text is compared and shown in NFC ("thuỷ" typed with a combining mark equals the
        // precomposed one). Combining marks U+0300–U+036F are the UTF-8 lead bytes 0xCC and
        // 0xCD: a file without them is already NFC for Vietnamese, and is not normalised.
        if bytes.hasCombiningMarks { text = text.precomposedStringWithCanonicalMapping }
        if bytes.mayHaveInvisibleCharacters {
            // Each is reported, then read as a space, so that the rest of the file is still
            // checked (a registry with one bad name still names its departments) with the
            // same lines and columns.
            text = InvisibleCharacters.report(in: text, file: displayPath, into: report)
        }
        return text
    }
}

/// One pass over a file's bytes for the facts the loader needs.
struct ByteScan {
    var allWhitespace = true
    var hasNUL = false
    var hasCarriageReturn = false
    var hasCombiningMarks = false
    /// U+0001: the renderer's placeholder for a page's root (see `SiteMap.rootToken`).
    var hasStartOfHeading = false
    /// A control byte other than tab, line feed and carriage return, or a lead byte of the
    /// UTF-8 forms of C1 controls (0xC2), U+061C (0xD8), the general punctuation block's
    /// format characters (0xE2) and U+FEFF and U+FFF9–U+FFFB (0xEF): the text needs the
    /// scan of `InvisibleCharacters`.
    var mayHaveInvisibleCharacters = false

    init(_ data: Data) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            for byte in buffer {
                switch byte {
                case 0x20, 0x0A, 0x09: continue
                case 0x0D:
                    hasCarriageReturn = true
                    mayHaveInvisibleCharacters = true
                case 0x00: hasNUL = true
                case 0x01: hasStartOfHeading = true
                case 0xCC, 0xCD: hasCombiningMarks = true
                case 0x02...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F, 0xC2, 0xD8, 0xE2, 0xEF:
                    mayHaveInvisibleCharacters = true
                default: break
                }
                allWhitespace = allWhitespace && byte == 0x0D
            }
        }
    }
}

enum VietnameseNumberText {
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10),\(tenths % 10)"
    }
}

/// Splits `---` YAML front matter from the Markdown body, keeping line numbers.
struct FrontMatter {
    let yaml: String
    /// Lines of the file before the YAML text (the opening `---`).
    let yamlLineOffset: Int
    let body: String

    init?(splitting text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            return nil
        }
        yaml = lines[..<end].joined(separator: "\n")
        yamlLineOffset = 1
        body = lines[(end + 1)...].joined(separator: "\n")
    }
}
