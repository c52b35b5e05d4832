// libyaml, as Yams builds it: Yams composes a node tree but does not show the parser's
// events, and by the time the tree exists an alias has already been shared into it (and
// hashed whole when used as a mapping key). The guard reads the events first.
internal import CYaml
import PlansiteDiagnostics
import PlansiteModel

/// What a single YAML text may cost, checked on libyaml's event stream before Yams builds
/// any node: anchors and aliases are refused (the content format needs none, and each alias
/// can multiply what the reader walks), nesting is bounded (Yams composes recursively), and
/// so is the number of nodes. The event stream itself is linear in the text, so a text
/// passes or fails in time and memory proportional to its size.
enum YAMLGuard {
    /// Deepest nesting of lists and mappings. The deepest content (criteria five levels
    /// down, each a mapping in a list, with a task list) needs about 16.
    static let maximumDepth = 64
    /// Lists, mappings and values in one file: a 4 MB appendix written the usual way has
    /// about a quarter of this.
    static let maximumNodes = 1_000_000

    enum Verdict: Equatable {
        /// Within the limits; the text may be composed.
        case fine
        /// Not YAML: left to Yams, whose error is reported with its line and column.
        case syntax
        case anchor(name: String, line: Int, column: Int)
        case alias(name: String, line: Int, column: Int)
        case tooDeep(line: Int, column: Int)
        case tooManyNodes(line: Int, column: Int)
    }

    static func check(_ text: String) -> Verdict {
        var copy = text
        return copy.withUTF8 { bytes in check(bytes) }
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .syntax }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var depth = 0
        var nodes = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // libyaml's own nesting limit (1000) can be met first, while it scans ahead.
                let problem = parser.problem.map { String(cString: $0) } ?? ""
                guard problem.contains("nesting level") else { return .syntax }
                return .tooDeep(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            var anchor: UnsafeMutablePointer<yaml_char_t>?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .fine
            case YAML_ALIAS_EVENT:
                return .alias(name: name(event.data.alias.anchor), line: line, column: column)
            case YAML_SCALAR_EVENT:
                anchor = event.data.scalar.anchor
                nodes += 1
            case YAML_SEQUENCE_START_EVENT:
                anchor = event.data.sequence_start.anchor
                nodes += 1
                depth += 1
            case YAML_MAPPING_START_EVENT:
                anchor = event.data.mapping_start.anchor
                nodes += 1
                depth += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
            default:
                continue
            }
            if let anchor { return .anchor(name: name(anchor), line: line, column: column) }
            if depth > maximumDepth { return .tooDeep(line: line, column: column) }
            if nodes > maximumNodes { return .tooManyNodes(line: line, column: column) }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// The diagnostic for a verdict other than `.fine` and `.syntax`.
    static func report(_ verdict: Verdict, file: String, lineOffset: Int, into report: Reporter) {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line + lineOffset, column: column)
        }
        switch verdict {
        case .fine, .syntax:
            return
        case .anchor(let name, let line, let column):
            report.error(
                .yamlAnchor,
                "định dạng nội dung không dùng neo YAML '&\(name)' (và bí danh '*\(name)'): hãy viết đầy đủ giá trị ở từng chỗ cần dùng, không đặt '&' hay '*' trước giá trị",
                at: at(line, column),
                notes: ["nếu '&' hay '*' là một phần của chữ, hãy đặt cả giá trị trong ngoặc kép, ví dụ \"&\(name)\""])
        case .alias(let name, let line, let column):
            report.error(
                .yamlAnchor,
                "định dạng nội dung không dùng bí danh YAML '*\(name)' (chép lại một giá trị có neo '&\(name)'): hãy viết đầy đủ giá trị ở chỗ này",
                at: at(line, column),
                notes: ["nếu '*' là một phần của chữ, hãy đặt cả giá trị trong ngoặc kép, ví dụ \"*\(name)\""])
        case .tooDeep(let line, let column):
            report.error(
                .yamlTooComplex,
                "các mục lồng nhau quá sâu (quá \(maximumDepth) cấp); nội dung kế hoạch không cần lồng sâu như vậy — kiểm tra thụt lề hoặc dấu '[' '{' thừa",
                at: at(line, column))
        case .tooManyNodes(let line, let column):
            report.error(
                .yamlTooComplex,
                "tệp có quá nhiều giá trị (quá \(VietnameseNumber.format(maximumNodes))); hãy chia nội dung thành nhiều tệp, ví dụ nhiều phụ lục",
                at: at(line, column))
        }
    }
}
