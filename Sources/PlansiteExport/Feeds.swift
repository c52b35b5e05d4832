import Foundation
import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap

/// `nguon-tin.xml` (Atom 1.0) and `sitemap.xml`.
enum Feeds {
    /// The year in plansite's tag URIs (RFC 4151): fixed, so that ids never change.
    static let tagYear = 2024

    static func atom(plans all: [PlanAssessment], settings: SiteSettings, limit: Int) -> Data {
        let plans = all.sorted { a, b in
            if a.date.sortKey != b.date.sortKey { return b.date.sortKey.lexicographicallyPrecedes(a.date.sortKey) }
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
        xml += "  <id>\(XMLText.escape(id(SiteMap.feed)))</id>\n"
        xml += "  <title>\(XMLText.escape(settings.title))</title>\n"
        xml += "  <subtitle>\(XMLText.escape("Kế hoạch mới ban hành — \(settings.issuer)"))</subtitle>\n"
        xml += "  <updated>\(timestamp(settings.asOf.year, settings.asOf.month, settings.asOf.day))</updated>\n"
        xml += "  <author><name>\(XMLText.escape(settings.issuer))</name></author>\n"
        xml += "  <generator>plansite</generator>\n"
        if base != nil {
            xml +=
                "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.attribute(link(SiteMap.feed)))\"/>\n"
        }
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.attribute(link(SiteMap.home)))\"/>\n"
        for plan in plans {
            let date = timestamp(plan.date.year, plan.date.month ?? 0, plan.date.day ?? 0)
            let indices = plan.indices.map(\.acronym).joined(separator: ", ")
            let summary =
                "\(plan.reference) \(plan.date.phrase) của \(plan.issuer). Chỉ số: \(indices). "
                + "Năm \(plan.year); \(plan.taskCount) nhiệm vụ."
            xml += "  <entry>\n"
            xml += "    <id>\(XMLText.escape(id(SiteMap.planID(plan.slug))))</id>\n"
            xml += "    <title>\(XMLText.escape(plan.title))</title>\n"
            xml +=
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.attribute(link(SiteMap.plan(plan.slug))))\"/>\n"
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

    /// RFC 3339 at 00:00 in Vietnam; a blank month or day counts as the first.
    static func timestamp(_ year: Int, _ month: Int, _ day: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(max(1, month)))-\(two(max(1, day)))T00:00:00+07:00"
    }

    /// `baseURL` has passed `WebAddress.baseURLProblem` (`Exports.sitemap` checks).
    static func sitemap(pagePaths: [String], baseURL: String) -> Data {
        let base = DepartmentCalendar.base(of: baseURL)
        let pages = Set(pagePaths.filter { SiteMap.isPage($0) && $0 != SiteMap.notFound }).sorted()
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
