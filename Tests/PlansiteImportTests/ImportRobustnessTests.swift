import Foundation
import PlansiteDiagnostics
import TestSupport
import Testing

@testable import PlansiteImport

/// The importer never loses a row: the seeds with their table rows shuffled, neighbouring cells
/// merged, stray HTML added and CRLF line ends still give an appendix in which every source row
/// is accounted for (a criterion, a task, or a reported line) and every word of every non-empty
/// cell appears in the output or in the report.
@Suite struct ImportRobustnessTests {
    static let strayWrappers: [(String, String)] = [
        ("<span style=\"color: red\">", "</span>"), ("<font face=\"Times New Roman\">", "</font>"), ("<i>", "</i>"),
        ("<u>", "</u>"), ("<o:p>", "</o:p>"), ("", "&nbsp;"), ("<br>", ""), ("<!-- Word -->", ""),
    ]

    /// The seed with its table rows shuffled within each table, cells merged, HTML added, CRLF.
    static func mangle(_ text: String, seed: UInt64) -> String {
        var generator = SplitMix64(seed: seed)
        var lines = text.components(separatedBy: "\n")
        // Rows of each table: the tab lines after a header, up to the next header or prose.
        var groups: [[Int]] = []
        var current: [Int]?
        for (offset, line) in lines.enumerated() {
            if line.contains("\t") {
                let row = SourceRow(
                    line: offset + 1, cells: line.components(separatedBy: "\t"),
                    place: SourceLocation(file: "input", line: offset + 1, column: 1))
                if TableFinder.headerRoles(row) != nil {
                    if let group = current { groups.append(group) }
                    current = []
                } else {
                    current?.append(offset)
                }
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty, let group = current {
                groups.append(group)
                current = nil
            }
        }
        if let group = current { groups.append(group) }
        for group in groups {
            let shuffled = group.map { lines[$0] }.shuffled(using: &generator)
            for (index, line) in zip(group, shuffled) { lines[index] = line }
            for index in group {
                var cells = lines[index].components(separatedBy: "\t")
                if cells.count > 2, Int.random(in: 0..<4, using: &generator) == 0 {
                    let at = Int.random(in: 0..<(cells.count - 1), using: &generator)
                    cells[at] = [cells[at], cells[at + 1]].filter { !$0.isEmpty }.joined(separator: " ")
                    cells.remove(at: at + 1)
                }
                if Int.random(in: 0..<3, using: &generator) == 0 {
                    let filled = cells.indices.filter { !cells[$0].trimmingCharacters(in: .whitespaces).isEmpty }
                    if let at = filled.randomElement(using: &generator),
                        let (open, close) = strayWrappers.randomElement(using: &generator)
                    {
                        cells[at] = open + cells[at] + close
                    }
                }
                lines[index] = cells.joined(separator: "\t")
            }
        }
        return lines.joined(separator: "\r\n")
    }

    static func words(_ text: String) -> Set<String> {
        Set(
            text.precomposedStringWithCanonicalMapping.lowercased()
                .split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    @Test(arguments: ["000_2af389587b88e937.txt", "001_beff7fe376b71a54.txt", "004_db39343950b1ddff.txt"])
    func noRowIsLost(seed: String) throws {
        let original = try String(contentsOf: ImportSeedTests.seeds.appendingPathComponent(seed), encoding: .utf8)
        let registry = Registry.load(folder: TestPaths.content.appendingPathComponent("departments")).registry
        for round in 0..<8 {
            let mangled = Self.mangle(original, seed: UInt64(round) &* 7919 &+ UInt64(seed.count))
            #expect(mangled != original)
            let result = AppendixImporter(registry: registry).importText(mangled, format: .wordText)
            #expect(result.appendices.count == (seed.hasPrefix("000") ? 3 : 1), "round \(round)")

            var found = Set<String>()
            var accounted = Set<Int>()
            var headers = Set<Int>()
            for appendix in result.appendices {
                found.formUnion(Self.words(try appendix.yaml()))
                headers.insert(appendix.lines.lowerBound)
                for row in appendix.rows {
                    accounted.insert(row.line)
                    for task in row.tasks { accounted.insert(task.line) }
                }
            }
            for note in result.diagnostics {
                found.formUnion(Self.words(note.message))
                accounted.insert(note.location.line)
            }
            var lost: [String] = []
            for (offset, line) in mangled.components(separatedBy: "\r\n").enumerated() where line.contains("\t") {
                let cells = line.components(separatedBy: "\t").map { CellFragments($0).plainText }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                // A table's header row is its structure (its headings name the columns), not content.
                if headers.contains(offset + 1) { continue }
                if !accounted.contains(offset + 1) { lost.append("dòng \(offset + 1): hàng không có trong kết quả") }
                for cell in cells {
                    let missing = Self.words(cell).subtracting(found)
                    if !missing.isEmpty { lost.append("dòng \(offset + 1): thiếu \(missing.sorted()) của «\(cell)»") }
                }
            }
            #expect(lost.isEmpty, "\(seed), round \(round): \(lost)")
        }
    }
}
