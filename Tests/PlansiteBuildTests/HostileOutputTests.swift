import Foundation
import PlansiteBuild
import PlansiteModel
import TestSupport
import Testing

@testable import PlansiteExport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile text in every text field and every free-text setting of the fixture site, built
/// through the whole pipeline; then every output file is read back by its own kind of parser
/// and checked for what its context allows. Nothing the content wrote may leave its context.
@Suite struct HostileOutputTests {
    static let longWord = String(repeating: "ư", count: 4_000)
    /// Every payload; each field's text starts with one of them (rotating) and holds them all.
    static let payloads = [
        "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "javascript:alert(1)", "\r\nX-INJECT:1",
        "=HYPERLINK(\"http://x\")", "]]>", "</script>", "{{x}}",
        "+1+cmd|'/c calc'!A0",
        "-2+3", "@SUM(1)", "\tX-TAB:1", longWord,
    ]
    static let baseURL = "https://example.gov.vn/c'c&h(c)/"
    static let basePath = "/c'c&h(c)/"

    /// The n-th hostile text: payload n first, then every payload.
    static func hostile(_ n: Int) -> String {
        payloads[n % payloads.count] + " Sở " + payloads.joined(separator: " ")
    }

    /// A YAML double-quoted scalar holding exactly `text`.
    static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{202E}": out += "\\u202E"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The fixture site with every free-text field hostile.
    static func writeContent(to folder: URL, deadline: String = "trước ngày 20/6/2024") throws {
        var n = 0
        func h() -> String {
            n += 1
            return yaml(hostile(n))
        }
        func write(_ text: String, _ path: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write(
            """
            title: \(h())
            issuer: \(h())
            locale: vi
            as-of: 15/6/2024
            base-url: \(yaml(baseURL))
            base-path: \(yaml(basePath))

            """, "site.yaml")
        try write(
            """
            locality:
              id: tinh-mau
              name: \(h())
            departments:
              - id: tinh-mau-ubnd
                name: \(h())
                short-name: \(h())
                level: tỉnh
              - id: tinh-mau-so-noi-vu
                name: \(h())
                short-name: \(h())
                aliases: [SNV, Sở Nội vụ, \(h())]
                level: sở
                parent: tinh-mau-ubnd
              - id: tinh-mau-so-tu-phap
                name: \(h())
                aliases: [Sở Tư pháp]
                level: sở
                parent: tinh-mau-ubnd
              - id: tinh-mau-chu-tich-ubnd-cap-huyen
                name: \(h())
                aliases: [Chủ tịch UBND cấp huyện]
                level: vai trò

            """, "departments/tinh-mau.yaml")
        try write(
            """
            results:
              - locality: tinh-mau
                index: par-index
                year: 2022
                score: 84,5
                rank: 40
                out-of: 63
                group: \(h())
                change: \(h())
                source: \(h())
              - locality: tinh-mau
                index: papi
                year: 2023
                score: 38,97
                group: \(h())

            """, "results.yaml")
        let markdown =
            payloads.joined(separator: "\n\n")
            + "\n\n[liên kết](javascript:alert(1)) [thư](mailto:a@b.vn) ![ảnh](data:image/png;base64,AAAA)"
            + " <a href=\"javascript:alert(2)\">x</a> [được](https://dichvucong.gov.vn/a?b=1&c=\"2\")\n"
        try write(
            """
            ---
            kind: kế hoạch
            number: \(h())
            issuer: \(h())
            header: [\(h()), \(h())]
            locality: tinh-mau
            place: \(h())
            date: 18/1/2024
            title: \(h())
            recipients:
              - \(h())
            signer:
              authority: \(h())
              title: \(h())
              name: \(h())
            indices: [par-index]
            year: 2024
            results:
              - index: par-index
                year: 2023
                score: 86,57
                rank: 33
                out-of: 63
                group: \(h())
                change: \(h())
            ---

            \(markdown)
            """, "plans/2024-mau-par-index/plan.md")
        try write(
            """
            index: par-index
            title: \(h())
            reference: \(h())
            columns:
              last: \(h())
              target: \(h())
            criteria:
              - code: "1"
                title: \(h())
                description: \(h())
                max: 2,5
                children:
                  - code: "1.1"
                    title: \(h())
                    max: 1
                    last: 1
                    target: 1
                    tasks:
                      - text: \(yaml(markdown))
                        note: \(h())
                        lead: SNV
                        time: \(deadline)
                  - code: "1.2"
                    title: \(h())
                    max: 1,5
                    last: 1,4888
                    target: 1,5
                    tasks:
                      - text: \(h())
                        lead: [Sở Nội vụ]
                        cooperating: [Sở Tư pháp]
                        monitoring: Chủ tịch UBND cấp huyện
                        time: Hằng quý
                      - text: \(h())
                        lead: Sở Tư pháp
                        time: \(h())

            """, "plans/2024-mau-par-index/phu-luc-1.yaml")
        try write(
            """
            period: Quý I/2024
            department: Sở Nội vụ
            date: 20/3/2024
            document: \(h())
            tasks:
              - task: PL1/1.1
                status: đang thực hiện
                percent: 50
                note: \(h())
                evidence:
                  - javascript:alert(1)
                  - https://example.org/bao-cao?so=5&nam=2024&x="><script>
                  - \(h())

            """, "plans/2024-mau-par-index/bao-cao-2024-quy-1-so-noi-vu.yaml")
        try write(
            """
            ---
            kind: công văn
            number: \(h())
            issuer: \(h())
            locality: tinh-mau
            place: \(h())
            date: 7/2023
            title: \(h())
            addressees: [\(h())]
            indices: [papi]
            year: 2023
            ---

            \(markdown)
            """, "plans/2023-mau-papi/plan.md")
        try write(
            """
            tasks:
              - code: "1"
                text: \(h())
                lead: Chủ tịch UBND cấp huyện
                monitoring: Sở Nội vụ
                time: trước ngày 30/11/2023
              - code: "2"
                index: papi
                text: \(h())
                note: \(h())
                lead: SNV
                time: Hằng quý

            """, "plans/2023-mau-papi/nhiem-vu.yaml")
    }

    /// The built portal: relative path → bytes. Built once for the suite.
    static let portal: Result<[String: Data], Error> = Result {
        let temporary = try TemporaryFolder()
        try writeContent(to: temporary.path("content"))
        let outcome = SiteBuilder(
            options: .init(
                content: temporary.path("content"), templates: TestPaths.templates, output: temporary.path("Public"))
        ).build()
        guard outcome.filesWritten != nil else {
            throw ExportTestError(
                "the hostile site does not build: \(outcome.diagnostics.filter { $0.severity == .error })")
        }
        var files: [String: Data] = [:]
        let root = temporary.path("Public").standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: temporary.path("Public"), includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                files[String(url.standardizedFileURL.path.dropFirst(root.count))] = try Data(contentsOf: url)
            }
        }
        return files
    }

    func files(_ suffix: String) throws -> [(String, Data)] {
        let all = try Self.portal.get()
        return all.filter { $0.key.hasSuffix(suffix) }.sorted { $0.key < $1.key }
    }

    // MARK: The content is accepted and built

    @Test func checkAcceptsTheHostileSiteAndBuildsEveryOutput() throws {
        let all = try Self.portal.get()
        #expect(all.keys.contains("sitemap.xml"))
        #expect(all.keys.contains("nguon-tin.xml"))
        #expect(all.keys.contains { $0.hasSuffix(".ics") })
        #expect(all.keys.contains { $0.hasSuffix(".csv") })
        #expect(all.count > 30)
    }

    // MARK: HTML

    /// Python's html.parser (the machine's real HTML tokenizer) reads every page: the only
    /// elements are those the templates and charts write, no attribute is an event handler, every href and src
    /// is http, https or relative, and the payloads are there as text.
    @Test func htmlPagesHaveOnlyTheTemplatesMarkupAndSafeLinks() throws {
        guard toolExists("python3") else { throw ExportTestError("python3 is required to parse the pages") }
        let temporary = try TemporaryFolder()
        let pages = try files(".html")
        #expect(pages.count > 10)
        for (path, data) in pages { try data.write(to: temporary.path(path.replacingOccurrences(of: "/", with: "__"))) }
        let script = """
            import sys, os, html.parser
            import re
            # Charts, and what Markdown (cmark-gfm) writes.
            allowed = set("svg g rect path text desc defs pattern circle title".split())
            allowed |= set("p em strong code pre a ul ol li h1 h2 h3 h4 h5 h6 blockquote hr br table thead tbody tr th td del".split())
            for folder, _, names in os.walk(sys.argv[2]):
                for n in names:
                    if n.endswith(".mustache"):
                        allowed |= {t.lower() for t in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", open(os.path.join(folder, n), encoding="utf-8").read())}
            allowed.discard("img")
            problems = []
            class P(html.parser.HTMLParser):
                def __init__(s, name):
                    super().__init__(convert_charrefs=True); s.name = name; s.text = []
                def handle_starttag(s, tag, attrs):
                    if tag not in allowed: problems.append(f"{s.name}: element <{tag}>")
                    for k, v in attrs:
                        if k.startswith("on"): problems.append(f"{s.name}: event attribute {k}")
                        if k in ("href", "src", "action", "formaction", "xlink:href") and v is not None:
                            low = v.strip().lower()
                            scheme = low.split(":", 1)[0] if ":" in low.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0] else None
                            # webcal: only a department calendar's subscription address.
                            calendar = scheme == "webcal" and k == "href" and low.endswith("/lich.ics")
                            if scheme not in (None, "http", "https") and not calendar: problems.append(f"{s.name}: {k}={v!r}")
                            if v != v.strip() or any(ord(c) < 32 for c in v): problems.append(f"{s.name}: {k} with spaces or controls")
                    if tag == "script" and dict(attrs).get("src", "").split("/")[-1] not in ("search.js", "print.js", "tables.js"):
                        problems.append(f"{s.name}: script element")
                    if tag == "img": problems.append(f"{s.name}: img element")
                def handle_data(s, d): s.text.append(d)
            seen_payload = 0
            for name in sorted(os.listdir(sys.argv[1])):
                p = P(name); p.feed(open(os.path.join(sys.argv[1], name), encoding="utf-8").read()); p.close()
                text = "".join(p.text)
                if "<script>alert(1)</script>" in text and "{{x}}" in text and "\\"'><img src=x onerror=alert(1)>" in text:
                    seen_payload += 1
            print("payload pages", seen_payload)
            print("\\n".join(problems))
            sys.exit(1 if problems or seen_payload < 5 else 0)
            """
        let result = try runTool("python3", ["-c", script, temporary.url.path, TestPaths.templates.path])
        #expect(result.status == 0, "\(result.output)\(result.error)")
    }

    @Test func markdownLinksToOtherSchemesBecomeTextAndWebLinksStay() throws {
        let page = try #require(try Self.portal.get()["ke-hoach/2024-mau-par-index/index.html"])
        let html = String(decoding: page, as: UTF8.self)
        #expect(!html.contains("href=\"\""), "no emptied link either")
        #expect(!html.contains("href=\"mailto:") && !html.contains("src=\"data:"))
        #expect(html.contains("liên kết"))
        #expect(html.contains("href=\"https://dichvucong.gov.vn/a?b=1&amp;c=%222%22\""))
    }

    @Test func notFoundPageLinksFromTheBasePathEscaped() throws {
        let page = try #require(try Self.portal.get()["404.html"])
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains("href=\"/c&#39;c&amp;h(c)/index.html\""))
    }

    @Test func reportEvidenceIsLinkedOnlyWhenItIsAWebAddress() throws {
        let page = try #require(try Self.portal.get()["ke-hoach/2024-mau-par-index/index.html"])
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains("<li>javascript:alert(1)</li>"))
        #expect(!html.contains("href=\"javascript:"))
    }

    // MARK: SVG, Atom, sitemap

    /// Foundation's XMLParser reads the feed, the sitemap and every chart drawn into a page:
    /// each is well-formed, holds only its own elements, and gives back the payload text.
    @Test func xmlOutputsParseWithOnlyTheirOwnElements() throws {
        var documents: [(String, Data, Set<String>)] = []
        let all = try Self.portal.get()
        documents.append(("nguon-tin.xml", try #require(all["nguon-tin.xml"]), Self.atomElements))
        documents.append(("sitemap.xml", try #require(all["sitemap.xml"]), ["urlset", "url", "loc"]))
        for (path, data) in try files(".html") {
            let html = String(decoding: data, as: UTF8.self)
            var rest = html[...]
            var index = 0
            while let start = rest.range(of: "<svg "),
                let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
            {
                documents.append(
                    ("\(path)#svg\(index)", Data(rest[start.lowerBound..<end.upperBound].utf8), Self.svgElements))
                rest = rest[end.upperBound...]
                index += 1
            }
        }
        #expect(documents.filter { $0.0.contains("#svg") }.count > 3)
        var payloadSeen = false
        for (name, data, allowed) in documents {
            let reader = XMLReader()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
            #expect(reader.elements.isSubset(of: allowed), "\(name): \(reader.elements.subtracting(allowed))")
            #expect(!reader.attributes.contains { $0.hasPrefix("on") }, "\(name)")
            if name == "nguon-tin.xml" {
                payloadSeen = reader.text.contains("<script>alert(1)</script>") && reader.text.contains("]]>")
                for link in reader.links { #expect(link.hasPrefix(Self.baseURL), "\(link)") }
            }
            if name == "sitemap.xml" {
                for loc in reader.text.split(whereSeparator: \.isWhitespace) {
                    #expect(loc.hasPrefix(Self.baseURL), "\(loc)")
                }
            }
        }
        #expect(payloadSeen, "the feed gives back the titles as text")
    }

    static let atomElements: Set<String> = [
        "feed", "id", "title", "subtitle", "updated", "author", "name", "generator", "link", "entry", "published",
        "category", "summary",
    ]
    static let svgElements: Set<String> = [
        "svg", "title", "desc", "defs", "pattern", "rect", "path", "circle", "g", "text", "line",
    ]

    // MARK: JSON and the search index

    @Test func jsonFilesParseAndSearchScriptsCannotCloseAScript() throws {
        for (path, data) in try files(".json") {
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path)")
        }
        let scripts = try files(".js").filter { $0.0.hasPrefix("tim-kiem/") }
        #expect(scripts.count >= 3)
        let prefix = "(window.__plansiteSearch=window.__plansiteSearch||[]).push("
        var payloadSeen = false
        for (path, data) in scripts {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.lowercased().contains("</script"), "\(path)")
            #expect(!text.contains("<!--"), "\(path)")
            #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"), "\(path)")
            #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n"), "\(path)")
            let json = Data(text.dropFirst(prefix.count).dropLast(3).utf8)
            let object = try? JSONSerialization.jsonObject(with: json)
            #expect(object != nil, "\(path)")
            if let object, "\(object)".contains("alert(1)") { payloadSeen = true }
        }
        #expect(payloadSeen)
    }

    // MARK: CSV

    /// Every CSV parses (RFC 4180) into rows as wide as the header, and no text cell starts
    /// with what a spreadsheet would run.
    @Test func csvCellsNeverStartAFormula() throws {
        let tables = try files(".csv")
        #expect(tables.count >= 5)
        var guardedSeen = 0
        for (path, data) in tables {
            let rows = try #require(parseCSV(data), "\(path) does not parse")
            let header = try #require(rows.first)
            for row in rows {
                #expect(row.count == header.count, "\(path): a row of \(row.count) fields, not \(header.count)")
                for cell in row {
                    let trimmed = cell.drop { $0 == " " }
                    if let first = trimmed.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                        #expect(CSVCell.isDecimalNumber(cell), "\(path): formula cell \(cell.prefix(40))")
                    }
                    if cell.hasPrefix("'=HYPERLINK") || cell.hasPrefix("'+1") || cell.hasPrefix("'@SUM") {
                        guardedSeen += 1
                    }
                }
            }
        }
        #expect(guardedSeen > 0)
    }

    // MARK: iCalendar

    /// Unfolded, every content line is a property plansite writes: no value could end its
    /// line; physical lines are at most 75 octets and valid UTF-8; CRLF only.
    @Test func calendarLinesAreOnlyPlansitesOwnProperties() throws {
        let calendars = try files(".ics")
        #expect(calendars.count >= 4)
        for (path, data) in calendars {
            let bytes = [UInt8](data)
            // CR only before LF, LF only after CR.
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "\(path): bare CR") }
                if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "\(path): bare LF") }
            }
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.utf8.elementsEqual(bytes), "\(path) is UTF-8")
            let physical = text.components(separatedBy: "\r\n").dropLast()
            for line in physical {
                #expect(line.utf8.count <= 75, "\(path): \(line.utf8.count) octets")
                #expect(!line.contains("\u{2028}") && !line.contains("\u{2029}") && !line.contains("\u{85}"))
            }
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
            for line in unfolded {
                let name = String(line.prefix { $0 != ":" && $0 != ";" })
                #expect(Self.calendarProperties.contains(name), "\(path): property \(name.prefix(40))")
            }
            #expect(!text.contains("\r\nX-INJECT") && !text.contains("\r\nX-TAB"))
        }
    }

    static let calendarProperties: Set<String> = [
        "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME", "X-WR-CALDESC",
        "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "TZID", "DTSTART", "TZOFFSETFROM", "TZOFFSETTO",
        "TZNAME", "UID", "DTSTAMP", "DTEND", "RRULE", "SUMMARY", "DESCRIPTION", "CATEGORIES", "URL", "TRANSP",
    ]

    /// Python's icalendar, jsonschema, xml.etree and csv read every export of the hostile site
    /// (scripts/validate-exports.py, which also checks the manifest's sizes and hashes).
    @Test func independentValidatorsAcceptTheHostileExports() throws {
        guard toolExists("python3") else { throw ExportTestError("python3 is required to validate the exports") }
        let probe = try runTool("python3", ["-c", "import icalendar, jsonschema"])
        guard probe.status == 0 else {
            throw ExportTestError("the Python packages icalendar and jsonschema are required")
        }
        let temporary = try TemporaryFolder()
        for (path, data) in try Self.portal.get() {
            let url = temporary.path(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let result = try runTool("python3", [TestPaths.exportValidator.path, temporary.url.path])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        // icalendar splits on Unicode line ends too: no injected property may appear.
        let check = """
            import sys, glob, icalendar
            bad = []
            for f in glob.glob(sys.argv[1] + "/don-vi/*/lich.ics"):
                cal = icalendar.Calendar.from_ical(open(f, "rb").read())
                for c in cal.walk():
                    for k in c.keys():
                        if k.startswith("X-INJECT") or k.startswith("X-TAB"): bad.append(f + " " + k)
            print("\\n".join(bad)); sys.exit(1 if bad else 0)
            """
        let parsed = try runTool("python3", ["-c", check, temporary.url.path])
        #expect(parsed.status == 0, "\(parsed.output)\(parsed.error)")
    }

    // MARK: Dates

    /// The day after every date the model can hold, without a trap: 31/12/2999 → 30000101.
    @Test func dayAfterIsTotalOverEveryDateTheModelHolds() throws {
        #expect(
            DepartmentCalendar.compactDayAfter(try #require(CalendarDate(year: 2999, month: 12, day: 31))) == "30000101"
        )
        #expect(
            DepartmentCalendar.compactDayAfter(try #require(CalendarDate(year: 2024, month: 2, day: 28))) == "20240229")
        #expect(
            DepartmentCalendar.compactDayAfter(try #require(CalendarDate(year: 2100, month: 2, day: 28))) == "21000301")
        // The model holds years 1 to 9999: the last day's next day is written, not trapped on.
        #expect(
            DepartmentCalendar.compactDayAfter(try #require(CalendarDate(year: 9999, month: 12, day: 31)))
                == "100000101")
        var date = try #require(CalendarDate(year: 1900, month: 1, day: 1))
        let last = try #require(CalendarDate(year: 3000, month: 12, day: 31))
        var count = 0
        var wrong: [String] = []
        while date.iso != last.iso {
            let after = DepartmentCalendar.compactDayAfter(date)
            let parts = (Int(after.prefix(4)) ?? 0, Int(after.dropFirst(4).prefix(2)) ?? 0, Int(after.suffix(2)) ?? 0)
            let next = try #require(CalendarDate(year: parts.0, month: parts.1, day: parts.2), "\(date.iso) → \(after)")
            if date.days(until: next) != 1 { wrong.append("\(date.iso) → \(after)") }
            date = next
            count += 1
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        // From 1/1/1900 to 31/12/3000: 402 131 days later.
        #expect(count == 402_131)
    }

    /// A deadline on 31/12/2999 builds a calendar ending on 1/1/3000 — or, if the checker
    /// refuses the year, is a diagnostic; never a trap.
    @Test func deadlineOnTheLastDayOfTheYear2999DoesNotTrap() throws {
        let temporary = try TemporaryFolder()
        try Self.writeContent(to: temporary.path("content"), deadline: "trước ngày 31/12/2999")
        let outcome = SiteBuilder(
            options: .init(
                content: temporary.path("content"), templates: TestPaths.templates, output: temporary.path("Public"))
        ).build()
        if outcome.filesWritten != nil {
            let calendar = try String(
                contentsOf: temporary.path("Public/don-vi/tinh-mau-so-noi-vu/lich.ics"), encoding: .utf8)
            #expect(calendar.contains("DTSTART;VALUE=DATE:29991231\r\nDTEND;VALUE=DATE:30000101\r\n"))
        } else {
            #expect(
                outcome.diagnostics.contains { $0.severity == .error && $0.location.file.hasSuffix("phu-luc-1.yaml") })
        }
    }
}

/// RFC 4180: fields separated by commas, quoted fields with doubled quotes, CRLF rows; nil
/// when the text is not well-formed. A leading byte order mark is skipped.
func parseCSV(_ data: Data) -> [[String]]? {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var index = 0
    var quoted = false
    var atFieldStart = true
    while index < bytes.count {
        let byte = bytes[index]
        if quoted {
            if byte == UInt8(ascii: "\"") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                    field.append(byte)
                    index += 2
                    continue
                }
                quoted = false
                index += 1
                // After a closing quote: a comma, CRLF or the end.
                if index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != 0x0D { return nil }
                continue
            }
            field.append(byte)
            index += 1
            continue
        }
        switch byte {
        case UInt8(ascii: "\"") where atFieldStart:
            quoted = true
            atFieldStart = false
            index += 1
        case UInt8(ascii: "\""):
            return nil
        case UInt8(ascii: ","):
            row.append(String(decoding: field, as: UTF8.self))
            field = []
            atFieldStart = true
            index += 1
        case 0x0D:
            guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { return nil }
            row.append(String(decoding: field, as: UTF8.self))
            rows.append(row)
            row = []
            field = []
            atFieldStart = true
            index += 2
        case 0x0A:
            return nil
        default:
            field.append(byte)
            atFieldStart = false
            index += 1
        }
    }
    if quoted { return nil }
    if !field.isEmpty || !row.isEmpty {
        row.append(String(decoding: field, as: UTF8.self))
        rows.append(row)
    }
    return rows
}

private final class XMLReader: NSObject, XMLParserDelegate {
    var elements: Set<String> = []
    var attributes: Set<String> = []
    var links: [String] = []
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.insert(name)
        self.attributes.formUnion(attributes.keys)
        if name == "link", let href = attributes["href"] { links.append(href) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
