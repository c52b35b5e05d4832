import Foundation
import PlansiteModel
import PlansiteRender

/// `nguon-tin.xml` (Atom 1.0) and `sitemap.xml`.
enum Feeds {
    /// The year in plansite's tag URIs (RFC 4151): fixed, so that ids never change.
    static let tagYear = 2024

    static func atom(summaries: [PlanSummary], settings: SiteSettings, limit: Int) -> Data {
        let plans = summaries.sorted { a, b in
            if a.dateKey != b.dateKey { return b.dateKey.lexicographicallyPrecedes(a.dateKey) }
            return a.slug < b.slug
        }
        .prefix(limit)
        let base = DepartmentCalendar.base(of: settings)
        func link(_ path: String) -> String { (base ?? "") + path }
        func id(_ path: String) -> String {
            if let base { return base + path }
            return "tag:plansite,\(tagYear):" + path
        }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
        xml += "  <id>\(XMLText.escape(id(ExportPaths.feed)))</id>\n"
        xml += "  <title>\(XMLText.escape(settings.title))</title>\n"
        xml += "  <subtitle>\(XMLText.escape("Kế hoạch mới ban hành — \(settings.issuer)"))</subtitle>\n"
        xml += "  <updated>\(timestamp(settings.asOf.year, settings.asOf.month, settings.asOf.day))</updated>\n"
        xml += "  <author><name>\(XMLText.escape(settings.issuer))</name></author>\n"
        xml += "  <generator>plansite</generator>\n"
        if base != nil {
            xml +=
                "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.attribute(link(ExportPaths.feed)))\"/>\n"
        }
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.attribute(link(Paths.home)))\"/>\n"
        for plan in plans {
            let date = timestamp(plan.dateKey[0], plan.dateKey[1], plan.dateKey[2])
            let indices = plan.indices.map(\.acronym).joined(separator: ", ")
            let summary =
                "\(plan.reference) \(datePhrase(plan.dateKey)) của \(plan.issuer). Chỉ số: \(indices). "
                + "Năm \(plan.year); \(plan.taskCount) nhiệm vụ."
            xml += "  <entry>\n"
            xml += "    <id>\(XMLText.escape(id("ke-hoach/\(plan.slug)/")))</id>\n"
            xml += "    <title>\(XMLText.escape(plan.title))</title>\n"
            xml +=
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.attribute(link(Paths.plan(plan.slug))))\"/>\n"
            xml += "    <published>\(date)</published>\n"
            xml += "    <updated>\(date)</updated>\n"
            xml += "    <author><name>\(XMLText.escape(plan.issuer))</name></author>\n"
            for index in plan.indices {
                xml += "    <category term=\"\(index.rawValue)\" label=\"\(XMLText.attribute(index.acronym))\"/>\n"
            }
            xml += "    <summary>\(XMLText.escape(summary))</summary>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return Data(xml.utf8)
    }

    /// "ngày 18/07/2024", "tháng 07/2024" or "năm 2024" from a summary's date key.
    static func datePhrase(_ key: [Int]) -> String {
        DocumentDate(year: key[0], month: key[1] == 0 ? nil : key[1], day: key[2] == 0 ? nil : key[2]).phrase
    }

    /// RFC 3339 at 00:00 in Vietnam; a blank month or day counts as the first.
    static func timestamp(_ year: Int, _ month: Int, _ day: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(max(1, month)))-\(two(max(1, day)))T00:00:00+07:00"
    }

    /// `baseURL` has passed `WebAddress.baseURLProblem` (`Exports.sitemap` checks).
    static func sitemap(pagePaths: [String], baseURL: String) -> Data {
        let base = DepartmentCalendar.base(of: baseURL)
        let pages = Set(pagePaths.filter { $0.hasSuffix(".html") && $0 != Paths.notFound }).sorted()
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            let path = page.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? page
            xml += "  <url><loc>\(XMLText.escape(base + path))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return Data(xml.utf8)
    }
}
