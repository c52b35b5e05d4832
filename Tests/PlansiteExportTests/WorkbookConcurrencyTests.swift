import Foundation
import PlansiteXLSX
import Testing

/// Workbooks written at once on several threads give the bytes each gives alone, whatever
/// their creation times (libxlsxwriter formats the times through one buffer per process).
@Suite struct WorkbookConcurrencyTests {
    func workbook(created: Int) -> XLSXWorkbook {
        var sheet = XLSXSheet(name: "Nhiệm vụ", columns: [.init(width: 30)])
        for row in 0..<40 { sheet.set(row, 0, .text("Nhiệm vụ \(row) của \(created)")) }
        return XLSXWorkbook(sheets: [sheet], created: created, title: "Thử \(created)")
    }

    @Test func workbooksWithDifferentTimesWrittenAtOnceGiveTheirOwnBytes() throws {
        // 01/06/2026 and 21/11/2026, 00:00 UTC: two builds' as-of dates.
        let times = [1_780_272_000, 1_795_219_200]
        let alone = try times.map { try workbook(created: $0).data() }
        #expect(alone[0] != alone[1])
        final class Results: @unchecked Sendable {
            // Each index is written by one iteration only, before `concurrentPerform` returns.
            var data: [Data?]
            init(_ count: Int) { data = Array(repeating: nil, count: count) }
        }
        let count = 4000
        let results = Results(count)
        results.data.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = try? workbook(created: times[index % 2]).data()
            }
        }
        for (index, data) in results.data.enumerated() {
            #expect(data == alone[index % 2], "workbook \(index) (created \(times[index % 2]))")
        }
    }
}
