import Foundation
import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel
import PlansiteSupport

/// Stage 2: checks definitions and builds the validated site. Every problem is collected;
/// the site is returned only when there is no error.
public struct Validator {
    public init() {}

    public func validate(_ content: ContentDefinition) -> (Site?, [Diagnostic]) {
        let validation = validate(content, widening: nil)
        return (validation.site, validation.diagnostics.sorted)
    }

    /// The validated site (nil when there is any error) and every diagnostic, attributed to
    /// its plan or to none; each group sorted.
    public struct Validation: Sendable {
        public var site: Site?
        public var diagnostics: AttributedDiagnostics
        /// The results each plan validated here quotes, by plan slug (for the build cache).
        public var quotes: [String: [ResultFigure]] = [:]
    }

    /// Validates `content`; when `widening` is given, it is called once with the plans
    /// validated so far (and whether there was any error) and returns more plan definitions,
    /// validated with them before the results are compared: an incremental build adds the
    /// plans that depend on the changed ones, still validating each plan once. `quotesNotRead`
    /// are the quotes of plans this validation does not read (an incremental build's unchanged
    /// plans, from its cache): they join the results history and its comparison as if read,
    /// so no plan has to be read again for its quotes; a plan read here counts with its own.
    public func validate(
        _ content: ContentDefinition, widening: ((_ plans: [Plan], _ hasErrors: Bool) -> [PlanDefinition])?,
        quotesNotRead: [String: [ResultFigure]] = [:]
    ) -> Validation {
        var values = ValueParser(bag: DiagnosticBag())
        let settings = siteSettings(content.site, values: &values)
        var directory = DepartmentDirectory()
        var localities: [LocalityID: Locality] = [:]
        registries(content.registries, into: &directory, localities: &localities, values: &values)
        directory.prepare()

        // Plans are checked independently of each other, on every core.
        let check = { [directory, localities, settings] (definitions: [PlanDefinition]) in
            Parallel.map(definitions) { definition in
                var checker = PlanValidator(
                    directory: directory, localities: localities, asOf: settings?.asOf,
                    values: ValueParser(bag: DiagnosticBag()))
                let plan = checker.validate(definition)
                return (definition.slug.value, plan, checker.values.bag.items, checker.quotedLocations)
            }
        }
        var checked = check(content.plans)
        if let widening {
            let hasErrors = values.bag.hasErrors || checked.contains { $0.2.contains { $0.severity == .error } }
            let more = widening(checked.compactMap(\.1), hasErrors)
            if !more.isEmpty {
                checked += check(more)
                // In slug order, as if they had all been read together.
                checked.sort { $0.0 < $1.0 }
            }
        }
        var plans: [Plan] = []
        var quotes: [String: [ResultFigure]] = [:]
        var byPlan: [String: [Diagnostic]] = [:]
        for (slug, plan, diagnostics, locations) in checked {
            if let plan {
                plans.append(plan)
                let source = "\(plan.reference) \(Self.dated(plan.date)) của \(plan.issuer)"
                quotes[slug] = zip(plan.results, locations).map {
                    ResultFigure(result: $0.quoted(by: plan.slug, source: source), location: $1)
                }
            }
            if !diagnostics.isEmpty { byPlan[slug, default: []] += diagnostics }
        }
        // The plans read here with their own quotes (none for one that failed), the others with
        // their cached ones, in slug order (the order plans are read in), then results.yaml.
        let read = Set(checked.map(\.0))
        let everyPlan = quotesNotRead.filter { !read.contains($0.key) }.merging(quotes) { _, own in own }
        var figures = everyPlan.keys.sorted().flatMap { everyPlan[$0]! }
        for definition in content.results {
            if let result = resultValue(definition, locality: nil, localities: localities, values: &values) {
                figures.append(.init(result: result, location: definition.location))
            }
        }
        // One source for each figure: the plans' quotes and results.yaml make one history, and
        // two places that give one locality, index and year are compared. A diagnostic at a
        // plan's quote is that plan's.
        var comparison = DiagnosticBag()
        let results = ResultHistory.merge(figures, bag: &comparison)
        var quotedBy: [SourceLocation: String] = [:]
        for figure in figures { if let plan = figure.result.plan { quotedBy[figure.location] = plan.rawValue } }
        for diagnostic in comparison.items {
            if let slug = quotedBy[diagnostic.location] {
                byPlan[slug, default: []].append(diagnostic)
            } else {
                values.bag.append(diagnostic)
            }
        }
        let diagnostics = AttributedDiagnostics(shared: values.bag.items, byPlan: byPlan).eachSorted
        guard !diagnostics.hasErrors, let settings else {
            return Validation(site: nil, diagnostics: diagnostics, quotes: quotes)
        }
        let site = Site(
            settings: settings,
            localities: VietnameseText.sorted(Array(localities.values), by: \.name),
            departments: directory.departments.values.sorted { $0.id < $1.id },
            plans: plans.sorted { ($1.year, $1.date, $0.slug) < ($0.year, $0.date, $1.slug) },
            results: results.sorted { ($0.locality, $0.index, $0.year) < ($1.locality, $1.index, $1.year) })
        return Validation(site: site, diagnostics: diagnostics, quotes: quotes)
    }

    private func siteSettings(_ definition: SiteDefinition?, values: inout ValueParser) -> SiteSettings? {
        guard let definition else { return nil }
        if let locale = definition.locale, locale.value != "vi" {
            values.bag.error(
                .unknownValue, "ngôn ngữ '\(locale.value)' chưa được hỗ trợ; chỉ có 'vi'", at: locale.location)
        }
        guard let title = definition.title, let issuer = definition.issuer,
            let asOf = values.calendarDate(definition.asOf, name: "as-of")
        else { return nil }
        let (basePath, baseURL) = siteAddresses(definition, values: &values)
        let dueSoonDays = values.integer(definition.dueSoonDays, name: "số ngày 'sắp đến hạn'", range: 0...366)
        let reportDay = values.integer(definition.reportDay, name: "ngày báo cáo trong tháng", range: 1...31)
        let identity = SiteIdentityReader.identity(definition, bag: &values.bag)
        return SiteSettings(
            title: title.value, issuer: issuer.value, locale: "vi", basePath: basePath, baseURL: baseURL, asOf: asOf,
            dueSoonDays: dueSoonDays ?? ProgressRules.defaultDueSoonDays,
            reportDay: reportDay ?? ProgressRules.defaultReportDay, description: definition.description?.value,
            identity: identity)
    }

    /// `base-path` and `base-url`, which become links (404.html; calendars, the feed, the
    /// sitemap): each must be the form it names (`WebAddress.basePathProblem`,
    /// `WebAddress.baseURLProblem`), or it is an error at its value and is not used.
    private func siteAddresses(_ definition: SiteDefinition, values: inout ValueParser) -> (String?, String?) {
        var basePath: String?
        var baseURL: String?
        if let field = definition.basePath {
            if let problem = WebAddress.basePathProblem(field.value) {
                values.bag.error(
                    .malformedBasePath,
                    "base-path '\(Self.shown(field.value))' không dùng được: \(problem). base-path là đường dẫn của cổng"
                        + " trên máy chủ, bắt đầu bằng '/' (ví dụ /cchc/) hoặc đường dẫn tương đối (ví dụ cchc/)",
                    at: field.location)
            } else {
                basePath = field.value
            }
        }
        if let field = definition.baseURL {
            if let problem = WebAddress.baseURLProblem(field.value) {
                values.bag.error(
                    .malformedBaseURL,
                    "base-url '\(Self.shown(field.value))' không dùng được: \(problem). base-url là địa chỉ đầy đủ của"
                        + " cổng, dạng https://ten-mien/duong-dan/ (ví dụ https://example.gov.vn/cchc/)",
                    at: field.location)
            } else {
                baseURL = field.value
            }
        }
        return (basePath, baseURL)
    }

    /// "ngày 18/7/2024", "tháng 8/2022" or "năm 2023": a plan's date in its source line, as
    /// much of it as is printed.
    static func dated(_ date: DocumentDate) -> String {
        switch (date.day, date.month) {
        case (let day?, let month?): "ngày \(day)/\(month)/\(date.year)"
        case (nil, let month?): "tháng \(month)/\(date.year)"
        default: "năm \(date.year)"
        }
    }

    /// A value quoted in a message: control characters as U+XXXX, at most 80 characters.
    static func shown(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x2028...0x202E).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return value.unicodeScalars.count > 80 ? out + "…" : out
    }

    private func registries(
        _ registries: [RegistryDefinition], into directory: inout DepartmentDirectory,
        localities: inout [LocalityID: Locality], values: inout ValueParser
    ) {
        var seen: [String: SourceLocation] = [:]
        var pending: [(Department, SourceLocation, Located<String>?)] = []
        for registry in registries {
            guard let localityID = values.slug(registry.localityID, name: "mã địa phương"),
                let localityName = registry.localityName
            else { continue }
            if let existing = localities[LocalityID(localityID)], existing.name != localityName.value {
                values.bag.error(
                    .duplicateId,
                    "địa phương '\(localityID)' đã được khai báo với tên khác ('\(existing.name)')",
                    at: localityName.location)
            }
            localities[LocalityID(localityID)] = Locality(id: LocalityID(localityID), name: localityName.value)
            for definition in registry.departments {
                guard let id = values.slug(definition.id, name: "mã đơn vị"), let name = definition.name,
                    let level = values.choice(definition.level, of: DepartmentLevel.self, name: "cấp")
                else { continue }
                if let first = seen[id] {
                    values.bag.error(
                        .duplicateId, "mã đơn vị '\(id)' đã được dùng ở \(first)", at: definition.id!.location)
                    continue
                }
                seen[id] = definition.id!.location
                let department = Department(
                    id: DepartmentID(id), name: name.value, shortName: definition.shortName?.value,
                    aliases: definition.aliases.map(\.value), level: level,
                    parent: definition.parent.map { DepartmentID($0.value) }, locality: LocalityID(localityID))
                pending.append((department, definition.location, definition.parent))
            }
        }
        let parentCandidates = Suggestions.Candidates(Array(seen.keys))
        for (department, location, parent) in pending {
            directory.add(department, location: location, bag: &values.bag)
            if let parent, seen[parent.value] == nil {
                var message = "đơn vị cấp trên '\(parent.value)' không có trong danh mục"
                if let hint = parentCandidates.hint(for: parent.value) { message += "; \(hint)" }
                values.bag.error(.unknownParent, message, at: parent.location)
            }
        }
        reportParentCycles(pending.map { ($0.0.id.rawValue, $0.2) }, values: &values)
    }

    /// Each cycle of `parent` links (a department its own parent, or a → b → … → a), once,
    /// at the `parent` field of the cycle's first department in the registries' order.
    /// Each department has at most one parent, so a walk from each finds every cycle in
    /// linear time.
    private func reportParentCycles(_ links: [(id: String, parent: Located<String>?)], values: inout ValueParser) {
        var parentOf: [String: Located<String>] = [:]
        var order: [String: Int] = [:]
        for (offset, link) in links.enumerated() {
            order[link.id] = order[link.id] ?? offset
            if let parent = link.parent, parentOf[link.id] == nil { parentOf[link.id] = parent }
        }
        // 0: not visited; 1: on the current walk; 2: done.
        var state: [String: Int] = [:]
        for link in links where state[link.id] == nil {
            var path: [String] = []
            var current: String? = link.id
            while let id = current, state[id] == nil {
                state[id] = 1
                path.append(id)
                current = parentOf[id].flatMap { order[$0.value] != nil ? $0.value : nil }
            }
            if let id = current, state[id] == 1, let start = path.firstIndex(of: id) {
                let cycle = Array(path[start...])
                let first = cycle.min { order[$0]! < order[$1]! }!
                let rotated = Array(cycle[cycle.firstIndex(of: first)!...] + cycle[..<cycle.firstIndex(of: first)!])
                let message =
                    rotated.count == 1
                    ? "đơn vị '\(first)' ghi chính nó là đơn vị cấp trên ('parent'); bỏ trường này hoặc ghi đúng đơn vị cấp trên"
                    : "các đơn vị cấp trên tạo thành một vòng: \((rotated + [first]).map { "'\($0)'" }.joined(separator: " → ")); một đơn vị không thể là cấp trên của chính nó, hãy sửa 'parent' của một đơn vị trong vòng"
                values.bag.error(.departmentCycle, message, at: parentOf[first]!.location)
            }
            for id in path { state[id] = 2 }
        }
    }
}

/// Reads a result (from results.yaml, or quoted in a plan with the plan's locality).
func resultValue(
    _ definition: ResultDefinition, locality planLocality: String?, localities: [LocalityID: Locality],
    values: inout ValueParser
) -> IndexResult? {
    let locality = planLocality ?? definition.locality?.value
    if planLocality == nil, let field = definition.locality, localities[LocalityID(field.value)] == nil {
        var message = "địa phương '\(field.value)' không có trong danh mục đơn vị"
        if let hint = Suggestions.hint(for: field.value, in: localities.keys.map(\.rawValue)) { message += "; \(hint)" }
        values.bag.error(.unknownLocality, message, at: field.location)
        return nil
    }
    let index = values.index(definition.index)
    let year = values.year(definition.year)
    // "86,50%", "84,24 điểm" or "45,38/80": the unit and the scale may follow the digits, as
    // the document prints them.
    let (scoreText, scaleText) = splitScale(definition.score)
    let (scoreField, suffix) = splitUnit(scoreText)
    let (scaleField, scaleSuffix) = splitUnit(scaleText)
    let score = values.quantity(scoreField, name: "điểm")
    let scale = values.quantity(scaleField, name: "thang điểm")
    let printedUnit = suffix ?? scaleSuffix
    let unit = definition.unit?.value ?? printedUnit
    if let written = definition.unit, let printedUnit, written.value != printedUnit {
        values.bag.error(
            .malformedNumber, "đơn vị '\(written.value)' khác đơn vị '\(printedUnit)' ghi sau điểm số",
            at: written.location)
    }
    if definition.score == nil, definition.rank == nil {
        values.bag.error(
            .missingField,
            "một kết quả cần ít nhất điểm ('score', ví dụ score: 45,38 hoặc score: 45,38/80) hoặc thứ hạng ('rank', ví dụ rank: 3/63)",
            at: definition.location)
    }
    let (rankField, outOfInRank) = splitRank(definition.rank)
    let rank = values.rank(rankField, written: definition.rank)
    var outOf = values.rank(outOfInRank, written: definition.rank)
    if let writtenOutOf = definition.outOf {
        let separate = values.integer(writtenOutOf, name: "tổng số", range: 1...1000)
        if let separate, let outOf, separate != outOf {
            values.bag.error(
                .malformedNumber,
                "tổng số \(separate) ('out-of') khác tổng số \(outOf) ghi trong thứ hạng; chỉ cần viết một chỗ, ví dụ rank: 3/63",
                at: writtenOutOf.location)
        }
        outOf = outOf ?? separate
    }
    if let rank, let outOf, rank > outOf, let field = definition.rank {
        values.bag.error(.malformedNumber, "thứ hạng \(rank) lớn hơn tổng số \(outOf)", at: field.location)
    }
    if let score, let index, score.doubleValue > index.totalScale.upperBound || score.value < 0,
        let field = definition.score
    {
        values.bag.error(
            .scoreAboveMax,
            "điểm \(score.vietnamese) nằm ngoài thang của \(index.acronym) (0–\(Int(index.totalScale.upperBound)))",
            at: field.location)
    } else if let score, let scale, score > scale, let field = definition.score {
        values.bag.error(
            .scoreAboveMax, "điểm \(score.vietnamese) lớn hơn thang điểm \(scale.vietnamese) ghi sau dấu '/'",
            at: field.location)
    }
    guard let locality, let index, let year, score != nil || rank != nil else { return nil }
    if definition.score != nil, score == nil { return nil }
    var result = IndexResult(
        locality: LocalityID(locality), index: index, year: year, score: score, rank: rank, outOf: outOf,
        group: definition.group?.value, change: definition.change?.value, source: definition.source?.value,
        unit: unit)
    result.scale = scale
    if let change = definition.change?.value {
        (result.scoreChange, result.rankChange) = PrintedFigures.change(change)
    }
    return result
}

/// "45,38/80" → ("45,38", "80"); "45,38" → ("45,38", nil).
private func splitScale(_ field: Located<String>?) -> (Located<String>?, Located<String>?) {
    guard let field, let slash = field.value.firstIndex(of: "/") else { return (field, nil) }
    let left = field.value[..<slash].trimmingCharacters(in: .whitespaces)
    let right = field.value[field.value.index(after: slash)...].trimmingCharacters(in: .whitespaces)
    return (Located(left, at: field.location), Located(right, at: field.location))
}

/// "3/63" → ("3", "63"); "3" → ("3", nil).
private func splitRank(_ field: Located<String>?) -> (Located<String>?, Located<String>?) {
    splitScale(field)
}

extension ValueParser {
    /// A rank or a count of localities: a whole number 1–1000, written "3" or "3/63".
    mutating func rank(_ field: Located<String>?, written: Located<String>?) -> Int? {
        guard let field else { return nil }
        guard let value = Int(field.value), (1...1000).contains(value) else {
            bag.error(
                .malformedNumber,
                "thứ hạng '\((written ?? field).value.prefix(60))' không đọc được; viết thứ hạng là số nguyên, có thể kèm tổng số sau dấu '/': rank: 3 hoặc rank: 3/63",
                at: field.location)
            return nil
        }
        return value
    }
}

/// "86,50%" → ("86,50", "%"); "84,24 điểm" → ("84,24", "điểm"); "38,97" → ("38,97", nil).
private func splitUnit(_ field: Located<String>?) -> (Located<String>?, String?) {
    guard let field else { return (nil, nil) }
    let text = field.value
    guard let end = text.firstIndex(where: { !($0.isNumber || $0 == "," || $0 == "." || $0 == "-") }),
        end != text.startIndex
    else { return (field, nil) }
    let unit = text[end...].trimmingCharacters(in: .whitespaces)
    guard !unit.isEmpty, !unit.contains(where: \.isNumber) else { return (field, nil) }
    return (Located(String(text[..<end]).trimmingCharacters(in: .whitespaces), at: field.location), unit)
}
