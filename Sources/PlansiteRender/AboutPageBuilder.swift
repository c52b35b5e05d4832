import PlansiteModel
import PlansiteSiteMap

/// Builds the portal's own pages: "Giới thiệu" (`gioi-thieu/index.html`) and the open-data
/// page (`du-lieu/index.html`). Every path comes from `SiteMap`; the files listed on the
/// open-data page are ones the export always writes: each plan's JSON, its parts of the
/// site-wide datasets and its reports (the appendix tables are linked from the plan page's
/// "Tải dữ liệu" list), the site-wide datasets, each department's calendar and, when it has
/// tasks, its workbook. Site-wide pages are made from the plan assessments (`index.plans`),
/// never from `site.plans`, which an incremental build fills only with the changed plans.
struct AboutPageBuilder {
    let index: SiteIndex

    func about() -> AboutPage {
        let page = SiteMap.about
        let root = SiteMap.rootToken
        let site = index.site
        let settings = site.settings
        return AboutPage(
            chrome: index.chrome(page: page, current: page), root: root, title: "Giới thiệu",
            siteTitle: settings.title, issuer: settings.issuer, identity: IdentityView(settings, root: root),
            planCount: index.plans.count, taskCount: index.plans.reduce(0) { $0 + $1.taskCount },
            departmentCount: site.departments.count,
            localities: site.localities.map(\.name).joined(separator: ", "), asOf: settings.asOf.description,
            asOfISO: settings.asOf.iso,
            directoryURL: root + SiteMap.directory)
    }

    func openData() -> OpenDataPage {
        let page = SiteMap.openData
        let root = SiteMap.rootToken
        let site = index.site
        func link(_ label: String, _ path: String) -> DownloadLink { DownloadLink(label: label, url: root + path) }
        func kind(_ id: String, _ heading: String, _ format: String, _ paragraphs: [String], _ files: [DownloadLink])
            -> DataKindView
        {
            DataKindView(
                id: id, heading: heading, format: format, paragraphs: paragraphs, files: files, hasFiles: !files.isEmpty
            )
        }
        let plans = index.plans
        let json =
            plans.map { link("\($0.reference) — \($0.title)", SiteMap.planJSON($0.slug)) }
            + [link("Lược đồ (JSON Schema) của tệp kế hoạch", SiteMap.schema)]
        let csv = plans.flatMap { plan in
            [
                link(
                    "\(plan.reference): các phụ lục và nhiệm vụ (trang Tải dữ liệu)", SiteMap.planDownloads(plan.slug)),
                link("\(plan.reference): mọi nhiệm vụ", SiteMap.planAllTasksCSV(plan.slug)),
                link("\(plan.reference): mọi tiêu chí", SiteMap.planAllCriteriaCSV(plan.slug)),
                link("\(plan.reference): báo cáo tiến độ", SiteMap.planReportsCSV(plan.slug)),
            ]
        }
        let departments = VietnameseText.sorted(site.departments, by: \.displayName)
        let calendars = departments.map { link("Lịch của \($0.displayName)", SiteMap.calendar($0.id)) }
        let workbooks = departments.filter { (index.roleCounts[$0.id]?.total ?? 0) > 0 }.map {
            link("Nhiệm vụ của \($0.displayName)", SiteMap.departmentTasksXLSX($0.id))
        }
        var other = [
            link("Nguồn tin kế hoạch mới (Atom)", SiteMap.feed),
            link("Danh mục tìm kiếm", SiteMap.searchCatalog),
        ]
        if IdentityView.absoluteURL(of: SiteMap.home, settings: site.settings) != nil {
            other.append(link("Sơ đồ trang (sitemap)", SiteMap.sitemap))
        }
        let kinds = [
            kind(
                "ke-hoach-json", "Toàn văn kế hoạch (JSON)", "JSON, UTF-8",
                [
                    "Mỗi kế hoạch có một tệp ke-hoach.json chứa toàn bộ văn bản: số, ngày, cơ quan ban hành, các phụ lục,"
                        + " tiêu chí, nhiệm vụ, đơn vị chủ trì, phối hợp, theo dõi, thời hạn và tình trạng tính đến ngày số liệu.",
                    "Lược đồ JSON Schema mô tả từng trường, để phần mềm khác kiểm tra và đọc đúng tệp.",
                ], json),
            kind(
                "ke-hoach-csv", "Bảng của từng kế hoạch (CSV)", "CSV, UTF-8 có BOM",
                [
                    "Mỗi phụ lục là một bảng CSV; thêm bảng nhiệm vụ giao trong văn bản (nếu có), bảng mọi nhiệm vụ,"
                        + " mọi tiêu chí và các báo cáo tiến độ của kế hoạch.",
                    "Tệp CSV mở được bằng Excel hay LibreOffice. Tệp bắt đầu bằng dấu BOM của UTF-8 để Excel nhận đúng"
                        + " tiếng Việt có dấu; phần mềm khác đọc tệp như UTF-8 bình thường.",
                ], csv),
            kind(
                "toan-cong", "Bảng của toàn cổng (CSV)", "CSV, UTF-8 có BOM",
                [
                    "Mọi nhiệm vụ và mọi tiêu chí của tất cả kế hoạch trong một bảng, cùng các cột như bảng của từng"
                        + " kế hoạch, để lọc và tổng hợp."
                ],
                [
                    link("Mọi nhiệm vụ của các kế hoạch", SiteMap.allTasks),
                    link("Mọi tiêu chí của các kế hoạch", SiteMap.allCriteria),
                ]),
            kind(
                "lich", "Lịch thời hạn của từng đơn vị (iCalendar)", "iCalendar (.ics), UTF-8",
                [
                    "Mỗi đơn vị có một tệp lịch ghi thời hạn các nhiệm vụ được giao; thêm vào Google Calendar,"
                        + " Outlook hay lịch điện thoại để được nhắc."
                ], calendars),
            kind(
                "so-tay-don-vi", "Bảng nhiệm vụ của từng đơn vị (Excel)", "Excel (.xlsx)",
                [
                    "Mỗi đơn vị được giao nhiệm vụ có một sổ Excel liệt kê nhiệm vụ ở mọi kế hoạch, vai trò của đơn vị,"
                        + " thời hạn và tình trạng, để theo dõi và báo cáo."
                ], workbooks),
            kind(
                "khac", "Nguồn tin, tìm kiếm và sơ đồ trang", "Atom (XML), JavaScript, XML",
                [
                    "Nguồn tin Atom báo kế hoạch mới cho phần mềm đọc tin. Danh mục tìm kiếm là dữ liệu trang Tìm kiếm"
                        + " dùng ngay trên máy người đọc, không gửi gì đi. Sơ đồ trang (khi cổng có địa chỉ web đầy đủ,"
                        + " base-url) giúp máy tìm kiếm biết các trang."
                ], other),
            kind(
                "manifest", "Danh sách tệp và mã kiểm tra (SHA-256)", "JSON, UTF-8",
                [
                    "manifest.json liệt kê mọi tệp dữ liệu mở với kích thước và mã SHA-256. Sau khi tải, tính lại mã"
                        + " SHA-256 của tệp (ví dụ lệnh sha256sum) và so với danh sách để biết tệp còn nguyên vẹn."
                ], [link("Danh sách tệp dữ liệu mở (manifest.json)", SiteMap.manifest)]),
        ]
        return OpenDataPage(
            chrome: index.chrome(page: page, current: page), root: root, title: "Dữ liệu mở",
            licence: site.settings.identity.dataLicence.map { LicenceView($0) }, asOf: site.settings.asOf.description,
            asOfISO: site.settings.asOf.iso, kinds: kinds)
    }
}
