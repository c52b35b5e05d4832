import Foundation
import PlansiteModel
import Testing

/// A quoted figure goes through the build cache (an incremental build's results history reads
/// the unchanged plans' quotes from it): read back, it is the figure the document prints.
@Suite struct QuantityCodingTests {
    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(value))
    }

    @Test(arguments: ["1,4888", "86,50", "86,5", "100", "0,0500", "-2,68", "45,38", "0,1", "99,99999"])
    func aQuantityReadsBackAsWritten(text: String) throws {
        let quantity = try #require(Quantity(parsing: text))
        let back = try Self.roundTrip(quantity)
        #expect(back.value == quantity.value, "\(text)")
        #expect(back.printedDecimals == quantity.printedDecimals, "\(text)")
        #expect(back.vietnamese == quantity.vietnamese, "\(text)")
    }

    @Test func aComputedQuantityKeepsNoPrintedDecimals() throws {
        let back = try Self.roundTrip(Quantity(Decimal(string: "12.345")!))
        #expect(back.value == Decimal(string: "12.345")! && back.printedDecimals == nil)
    }

    @Test func aQuotedResultReadsBackWhole() throws {
        var result = IndexResult(
            locality: "quang-nam", index: .parIndex, year: 2021, score: Quantity(parsing: "86,57"), rank: 33,
            outOf: 63, group: "B", change: "tăng 9 bậc so với năm 2020", source: "Kế hoạch 1/KH-UBND", unit: "điểm")
        result.scale = Quantity(parsing: "100")
        result.scoreChange = Quantity(parsing: "3,64")
        result.rankChange = -4
        result.plan = "2022-quang-nam-par-sipas"
        let back = try Self.roundTrip(result)
        #expect(back == result)
        #expect(back.scoreText == result.scoreText && back.plan == result.plan && back.rankChange == -4)
    }

    @Test func aCorruptQuantityIsAnErrorNotAZero() {
        let data = Data(#"{"value":"mười"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Quantity.self, from: data) }
    }
}
