import PlansiteModel

/// Simulated index results for every locality and year: scores in hundredths and ranks among
/// all localities (63, or more when the corpus has more), so that plans and results.yaml agree.
struct History {
    struct Entry {
        let score: Int
        let rank: Int
    }

    let firstYear: Int
    let lastYear: Int
    /// How many localities are ranked: the country's 63, or the corpus's count when larger.
    let outOf: Int
    /// [index][year - firstYear][locality]
    private let entries: [[[Entry]]]

    init(localities: Int, firstYear: Int, lastYear: Int, seed: UInt64) {
        self.firstYear = firstYear
        self.lastYear = lastYear
        outOf = max(63, localities)
        let years = lastYear - firstYear + 1
        let ranked = outOf
        entries = IndexKind.allCases.enumerated().map { indexNumber, index in
            var rng = SplitMix64(seed: seed, "history", indexNumber)
            // Quality in ten-thousandths: a level for each locality, a trend, and noise each year.
            let levels = (0..<ranked).map { _ in rng.int(500...9500) }
            let trends = (0..<ranked).map { _ in rng.int(-250...350) }
            var byYear: [[Entry]] = []
            for year in 0..<years {
                let scores = (0..<ranked).map { locality in
                    let quality = levels[locality] + trends[locality] * year + rng.int(-700...700)
                    return History.score(index, quality: min(10_000, max(0, quality)))
                }
                let order = (0..<ranked).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
                var ranks = [Int](repeating: 0, count: ranked)
                for (position, locality) in order.enumerated() { ranks[locality] = position + 1 }
                byYear.append((0..<ranked).map { Entry(score: scores[$0], rank: ranks[$0]) })
            }
            return byYear
        }
    }

    /// The score range of an index, in hundredths: PAR INDEX 70–95, PAPI 35–48, SIPAS 75–95 %.
    static func range(_ index: IndexKind) -> ClosedRange<Int> {
        switch index {
        case .parIndex: 7000...9500
        case .papi: 3500...4800
        case .sipas: 7500...9500
        }
    }

    private static func score(_ index: IndexKind, quality: Int) -> Int {
        let range = range(index)
        return range.lowerBound + (range.upperBound - range.lowerBound) * quality / 10_000
    }

    func entry(_ index: IndexKind, locality: Int, year: Int) -> Entry {
        entries[IndexKind.allCases.firstIndex(of: index)!][year - firstYear][locality]
    }

    /// The group the result is published in: PAR INDEX by score, PAPI by quartile of rank; SIPAS has none.
    func group(_ index: IndexKind, _ entry: Entry) -> String? {
        switch index {
        case .parIndex:
            return entry.score >= 9000 ? "A" : entry.score >= 8500 ? "B" : entry.score >= 8000 ? "C" : "D"
        case .papi:
            let quarter = (entry.rank - 1) * 4 / outOf
            return ["Cao nhất", "Trung bình cao", "Trung bình thấp", "Thấp nhất"][quarter]
        case .sipas:
            return nil
        }
    }

    /// "tăng 3 bậc", "giảm 2 bậc", "giữ nguyên thứ hạng" against the year before, if simulated.
    func change(_ index: IndexKind, locality: Int, year: Int) -> String? {
        guard year - 1 >= firstYear else { return nil }
        let now = entry(index, locality: locality, year: year).rank
        let before = entry(index, locality: locality, year: year - 1).rank
        if now < before { return "tăng \(before - now) bậc" }
        if now > before { return "giảm \(now - before) bậc" }
        return "giữ nguyên thứ hạng"
    }

    /// Where the figure was published.
    static func source(_ index: IndexKind, year: Int) -> String {
        switch index {
        case .parIndex: "Báo cáo Chỉ số cải cách hành chính năm \(year) của Bộ Nội vụ"
        case .papi: "Báo cáo Chỉ số PAPI năm \(year) của UNDP và các đối tác"
        case .sipas: "Báo cáo Chỉ số SIPAS năm \(year) của Bộ Nội vụ"
        }
    }
}
