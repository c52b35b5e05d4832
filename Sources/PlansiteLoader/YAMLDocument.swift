import Foundation
import PlansiteDiagnostics
import Yams

/// Parses YAML text with Yams and reports syntax errors at their line and column.
enum YAMLDocument {
    /// The root node, or nil after reporting why there is none.
    /// - Parameter lineOffset: lines before the YAML text in its file (front matter).
    static func parse(_ text: String, file: String, lineOffset: Int = 0, into report: Reporter) -> Node? {
        // Anchors, aliases, nesting and size are checked on the event stream first: Yams
        // would otherwise share an aliased node into the tree (and hash it whole as a key).
        let verdict = YAMLGuard.check(text)
        if verdict != .fine, verdict != .syntax {
            YAMLGuard.report(verdict, file: file, lineOffset: lineOffset, into: report)
            return nil
        }
        do {
            // Every scalar is read as text and typed by the validator, so Yams' implicit typing
            // (seven regular expressions per plain scalar) is skipped: `.basic` tags all as str.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                report.error(
                    .emptyFile, "tệp không có nội dung YAML",
                    at: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
                return nil
            }
            return node
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            var position = (line: mark?.line ?? 1, column: mark?.column ?? 1)
            if case .duplicatedKeysInMapping(let duplicates, _) = error, let key = duplicates.first,
                let second = secondOccurrence(of: key, in: text, from: position.line)
            {
                position = second
            }
            let location = SourceLocation(file: file, line: position.line + lineOffset, column: position.column)
            let code: DiagnosticCode = {
                if case .duplicatedKeysInMapping = error { return .duplicateKey }
                return .yamlSyntax
            }()
            report.error(code, problem, at: location)
            return nil
        } catch {
            report.error(
                .yamlSyntax, "không đọc được YAML: \(error)",
                at: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text); " } ?? ""
            return (mark, "lỗi cú pháp YAML: \(detail)\(problem)" + hint(for: problem))
        case .reader(let problem, _, _, _):
            return (nil, "tệp không phải văn bản UTF-8 hợp lệ: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (context.mark, "khóa \(keys) được viết hai lần trong cùng một mục")
        default:
            return (nil, "không đọc được YAML: \(error)")
        }
    }

    /// Yams reports a duplicated key at its mapping; the reader needs the line of the repeat.
    private static func secondOccurrence(of key: String, in text: String, from start: Int) -> (line: Int, column: Int)?
    {
        var seen = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard offset + 1 >= start else { continue }
            let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
            guard trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":")
            else { continue }
            seen += 1
            if seen == 2 { return (offset + 1, line.count - trimmed.count + 1) }
        }
        return nil
    }

    /// Plain-words advice for the syntax errors people make most.
    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return " (một giá trị có dấu ': ' cần đặt trong ngoặc kép)"
        }
        if problem.contains("found character that cannot start any token") {
            return " (giá trị bắt đầu bằng ký tự đặc biệt cần đặt trong ngoặc kép)"
        }
        if problem.contains("did not find expected") {
            return " (kiểm tra thụt lề và dấu '-' của danh sách)"
        }
        return ""
    }
}

/// Collects the diagnostics of one file while it is read.
final class Reporter {
    var bag = DiagnosticBag()

    func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [String] = []) {
        bag.error(code, message, at: location, notes: notes)
    }

    func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [String] = []) {
        bag.warning(code, message, at: location, notes: notes)
    }
}

extension Node {
    func location(in file: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 0) + lineOffset, column: mark?.column ?? 0)
    }

    var isNull: Bool {
        if case .scalar(let scalar) = self {
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }
}
