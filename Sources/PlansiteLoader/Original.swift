import Foundation
import PlansiteDiagnostics
import PlansiteSupport

/// A plan's signed original (its PDF): the only binary file a content folder may hold. It is
/// read whole to be hashed, checked to start with the PDF signature, never parsed.
enum Original {
    static let defaultName = "van-ban-goc.pdf"
    /// 50 MB (decimal): a scanned, signed document of a few dozen pages.
    static let maximumBytes = 50_000_000
    static let signature = Array("%PDF-".utf8)

    static func read(
        named name: String, field: Located<String>?, in folder: String, present: Bool, url: URL,
        location: SourceLocation, report: Reporter
    ) -> OriginalFile? {
        let at = field?.location ?? location
        let isPlainName = !name.contains("/") && !name.hasPrefix(".") && name.lowercased().hasSuffix(".pdf")
        guard isPlainName else {
            report.error(
                .badOriginal,
                "'original' phải là tên một tệp PDF trong thư mục kế hoạch, ví dụ original: van-ban-goc.pdf (không ghi thư mục)",
                at: at)
            return nil
        }
        guard present else {
            report.error(
                .badOriginal,
                "không có tệp '\(name)' trong thư mục \(folder); đặt bản PDF đã ký vào thư mục kế hoạch hoặc bỏ trường 'original'",
                at: at)
            return nil
        }
        switch FileTree.readRegularFile(url.path, limit: maximumBytes) {
        case .contents(let bytes):
            guard bytes.starts(with: signature) else {
                report.error(
                    .badOriginal,
                    "tệp '\(name)' không phải là tệp PDF (không bắt đầu bằng %PDF-); văn bản gốc phải là bản PDF của văn bản đã ký",
                    at: location)
                return nil
            }
            let data = Data(bytes)
            return OriginalFile(
                file: name, path: url.path, size: data.count, sha256: SHA256Digest.hex(of: data), location: location)
        case .tooLarge(let size):
            report.error(
                .badOriginal,
                "tệp '\(name)' quá lớn (\(VietnameseNumberText.megabytesDecimal(size)) MB); văn bản gốc được tối đa 50 MB — hãy quét lại với độ phân giải thấp hơn",
                at: location)
            return nil
        case .special(let kind):
            SpecialFiles.report(kind, at: location, into: report)
            return nil
        case .unreadable:
            report.error(.unreadableFile, "không đọc được tệp", at: location)
            return nil
        }
    }
}

extension VietnameseNumberText {
    /// Decimal megabytes with one decimal, comma: 52.400.000 bytes → "52,4".
    static func megabytesDecimal(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10)"
    }
}
