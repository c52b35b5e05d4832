/// The day of the quarter's last month a quarterly duty's own text sets for its report:
/// "Định kỳ ngày 20 hằng quý …", "định kỳ trước ngày 25 hằng quý, 06 tháng, năm báo cáo …",
/// "trước ngày 15 của tháng cuối quý". Seed 004 gives the departments the 20th and the
/// Department of Home Affairs, which consolidates their reports, the 25th.
public enum StatedReportDay {
    public static func find(in texts: [String?]) -> Int? {
        for text in texts {
            guard let text, text.contains(where: \.isNumber) else { continue }
            let words = VietnameseText.fold(text).lowercased()
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            for (position, word) in words.enumerated() where word == "ngay" && position + 1 < words.count {
                guard let day = Int(words[position + 1]), (1...31).contains(day) else { continue }
                let after = words[(position + 2)...].prefix(4).joined(separator: " ")
                if after.hasPrefix("hang quy") || after.hasPrefix("moi quy") || after.hasPrefix("cua thang cuoi quy")
                    || after.hasPrefix("thang cuoi quy") || after.hasPrefix("cuoi quy")
                {
                    return day
                }
            }
        }
        return nil
    }
}
