import PlansiteDiagnostics
import PlansiteSupport

/// Characters that do not show but change what text means or how it is shown: control
/// characters, and the bidirectional and other format characters that reorder text
/// ("Trojan Source") or make two equal-looking names differ. Content is Vietnamese text,
/// which needs none of them; tab and line feed are allowed everywhere.
enum InvisibleCharacters {
    /// The Unicode name of each character refused, with what it does in plain words.
    static func describe(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09, 0x0A: return nil
        case 0x0D: return "CARRIAGE RETURN — dấu xuống dòng kiểu cũ đứng riêng"
        case 0x00...0x1F, 0x7F: return "ký tự điều khiển"
        case 0x80...0x9F: return "ký tự điều khiển C1"
        case 0x061C: return "ARABIC LETTER MARK — dấu chiều chữ"
        case 0x200B: return "ZERO WIDTH SPACE — khoảng trắng không bề rộng"
        case 0x200C: return "ZERO WIDTH NON-JOINER — ký tự không bề rộng"
        case 0x200D: return "ZERO WIDTH JOINER — ký tự không bề rộng"
        case 0x200E: return "LEFT-TO-RIGHT MARK — dấu chiều chữ"
        case 0x200F: return "RIGHT-TO-LEFT MARK — dấu chiều chữ"
        case 0x2028: return "LINE SEPARATOR — dấu ngắt dòng vô hình"
        case 0x2029: return "PARAGRAPH SEPARATOR — dấu ngắt đoạn vô hình"
        case 0x202A: return "LEFT-TO-RIGHT EMBEDDING — ký tự điều khiển chiều chữ"
        case 0x202B: return "RIGHT-TO-LEFT EMBEDDING — ký tự điều khiển chiều chữ"
        case 0x202C: return "POP DIRECTIONAL FORMATTING — ký tự điều khiển chiều chữ"
        case 0x202D: return "LEFT-TO-RIGHT OVERRIDE — ký tự đảo chiều chữ"
        case 0x202E: return "RIGHT-TO-LEFT OVERRIDE — ký tự đảo chiều chữ"
        case 0x2060: return "WORD JOINER — ký tự không bề rộng"
        case 0x2061...0x2064: return "ký tự toán học vô hình"
        case 0x2066: return "LEFT-TO-RIGHT ISOLATE — ký tự điều khiển chiều chữ"
        case 0x2067: return "RIGHT-TO-LEFT ISOLATE — ký tự điều khiển chiều chữ"
        case 0x2068: return "FIRST STRONG ISOLATE — ký tự điều khiển chiều chữ"
        case 0x2069: return "POP DIRECTIONAL ISOLATE — ký tự điều khiển chiều chữ"
        case 0xFEFF: return "ZERO WIDTH NO-BREAK SPACE (BOM) giữa văn bản"
        case 0xFFF9...0xFFFB: return "ký tự chú thích vô hình"
        default: return nil
        }
    }

    /// Reports each invisible character at its line and column (columns count characters,
    /// as YAML's do), at most `DiagnosticBag.perFileLimit` of them and then their count.
    /// Returns the text with each of them replaced by a space.
    static func report(in text: String, file: String, into report: Reporter) -> String {
        var line = 1
        var column = 0
        var found = 0
        var rest = Diagnostic.Omitted(errors: 0, warnings: 0)
        var firstOmitted: SourceLocation?
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
                cleaned.append(scalar)
                continue
            }
            guard let name = describe(scalar) else {
                cleaned.append(scalar)
                continue
            }
            cleaned.append(" ")
            let location = SourceLocation(file: file, line: line, column: column)
            found += 1
            guard found <= DiagnosticBag.perFileLimit else {
                rest.errors += 1
                firstOmitted = firstOmitted ?? location
                continue
            }
            report.error(
                .invisibleCharacter,
                "có ký tự vô hình \(codePoint(scalar)) (\(name)) ở đây: nó không hiện ra nhưng làm chữ bị đảo thứ tự hoặc khác đi; hãy xóa nó (gõ lại đoạn chữ quanh chỗ này)",
                at: location)
        }
        if let firstOmitted { report.bag.append(.summary(rest, at: firstOmitted)) }
        return found > 0 ? String(cleaned) : text
    }

    /// "U+202E".
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }
}

/// FIFOs, sockets, devices, symbolic links and folders too deep in the content folder:
/// listed, reported, never opened or followed.
enum SpecialFiles {
    static func report(_ kind: FileTree.SpecialKind, at location: SourceLocation, into report: Reporter) {
        report.error(.specialFile, kind.explanation(in: "thư mục nội dung"), at: location)
    }
}
