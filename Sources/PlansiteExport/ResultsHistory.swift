import Foundation
import PlansiteModel
import PlansiteSiteMap

/// `du-lieu/ket-qua-chi-so.csv` and `.json`: the results history of the portal — every
/// result of every index and locality, from results.yaml and from the plans that quote them —
/// with its JSON Schema `du-lieu/schema/ket-qua-chi-so.schema.json`. Rows by index (PAR INDEX,
/// PAPI, SIPAS), then locality in Vietnamese dictionary order, then year. docs/exports.md.
enum ResultsHistory {
    static let formatVersion = 1

    static let csvHeader = [
        "Mã chỉ số", "Chỉ số", "Mã địa phương", "Địa phương", "Năm", "Điểm", "Đơn vị", "Kết quả như ghi",
        "Thứ hạng", "Trên tổng số", "Nhóm", "Thay đổi", "Thay đổi điểm", "Thay đổi bậc", "Nguồn", "Lấy từ",
        "Liên kết",
    ]

    /// The results in the order of the files: index, locality name (Vietnamese order), year.
    static func ordered(_ results: [IndexResult], localities: [LocalityID: Locality]) -> [IndexResult] {
        let keyed = results.map { result in
            (result, VietnameseCollation.key(localities[result.locality]?.name ?? result.locality.rawValue))
        }
        return keyed.sorted { a, b in
            if a.0.index != b.0.index { return a.0.index < b.0.index }
            if a.1 != b.1 { return a.1 < b.1 }
            if a.0.locality != b.0.locality { return a.0.locality < b.0.locality }
            return a.0.year < b.0.year
        }.map(\.0)
    }

    /// "results.yaml", or the slug of the plan that quotes the figure.
    static func origin(_ result: IndexResult) -> String { result.plan?.rawValue ?? SiteMap.resultsFileOrigin }

    static func csv(_ results: [IndexResult], localities: [LocalityID: Locality]) -> Data {
        let rows = ordered(results, localities: localities).map { result -> [String] in
            [
                result.index.rawValue, result.index.acronym, result.locality.rawValue,
                localities[result.locality]?.name ?? result.locality.rawValue, String(result.year),
                PlanCSV.number(result.score), result.unit, result.scoreText, result.rank.map(String.init) ?? "",
                result.outOf.map(String.init) ?? "", result.group ?? "", result.change ?? "",
                PlanCSV.number(result.scoreChange), result.rankChange.map(String.init) ?? "", result.source ?? "",
                origin(result), result.plan.map(SiteMap.plan) ?? "",
            ]
        }
        return CSV.file(header: csvHeader, rows: rows)
    }

    struct Document: Encodable {
        let schema = SiteMap.resultsSchema
        let formatVersion = ResultsHistory.formatVersion
        let title = "Kết quả Chỉ số CCHC (PAR INDEX), PAPI, SIPAS qua các năm"
        let description =
            "Mọi kết quả chỉ số cổng công bố, của mọi địa phương: từ results.yaml và từ các kế hoạch trích dẫn "
            + "(origin: results.yaml hoặc mã kế hoạch). Số như văn bản ghi; đường dẫn tính từ thư mục gốc của cổng."
        let results: [Row]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case formatVersion, title, description, results
        }
    }

    struct Row: Encodable {
        let index: String
        let indexName: String
        let locality: PlanJSON.LocalityValue
        let year: Int
        let score: PlanJSON.QuantityValue?
        let scale: PlanJSON.QuantityValue?
        let unit: String
        let scoreText: String
        let rank: Int?
        let outOf: Int?
        let group: String?
        let change: String?
        let scoreChange: PlanJSON.QuantityValue?
        let rankChange: Int?
        let source: String?
        let origin: String
        let plan: String?
    }

    static func json(_ results: [IndexResult], localities: [LocalityID: Locality]) -> Data {
        let rows = ordered(results, localities: localities).map { result in
            Row(
                index: result.index.rawValue, indexName: result.index.acronym,
                locality: PlanJSON.LocalityValue(
                    id: result.locality, name: localities[result.locality]?.name ?? result.locality.rawValue),
                year: result.year, score: result.score.map(PlanJSON.QuantityValue.init),
                scale: result.scale.map(PlanJSON.QuantityValue.init), unit: result.unit, scoreText: result.scoreText,
                rank: result.rank, outOf: result.outOf, group: result.group, change: result.change,
                scoreChange: result.scoreChange.map(PlanJSON.QuantityValue.init), rankChange: result.rankChange,
                source: result.source, origin: origin(result), plan: result.plan.map(SiteMap.plan))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(results: rows))) ?? Data()
        return data + Data("\n".utf8)
    }

    static let schema = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Kết quả chỉ số qua các năm (plansite)",
          "description": "Mọi kết quả Chỉ số CCHC (PAR INDEX), PAPI, SIPAS mà cổng công bố, mỗi địa phương, mỗi năm một mục; origin cho biết số liệu lấy từ results.yaml hay từ kế hoạch nào trích dẫn.",
          "type": "object",
          "required": ["$schema", "formatVersion", "title", "description", "results"],
          "additionalProperties": false,
          "properties": {
            "$schema": { "type": "string" },
            "formatVersion": { "const": 1 },
            "title": { "type": "string" },
            "description": { "type": "string" },
            "results": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["index", "indexName", "locality", "year", "unit", "scoreText", "origin"],
                "additionalProperties": false,
                "properties": {
                  "index": { "enum": ["par-index", "papi", "sipas"] },
                  "indexName": { "enum": ["PAR INDEX", "PAPI", "SIPAS"] },
                  "locality": {
                    "type": "object",
                    "required": ["id", "name"],
                    "additionalProperties": false,
                    "properties": { "id": { "type": "string", "minLength": 1 }, "name": { "type": "string" } }
                  },
                  "year": { "type": "integer" },
                  "score": { "$ref": "#/$defs/quantity", "description": "absent when the document prints a rank without a score" },
                  "scale": { "$ref": "#/$defs/quantity", "description": "the scale printed after the score: 45,38/80" },
                  "unit": { "type": "string", "minLength": 1, "description": "the unit as written (điểm, %), or the index's usual one" },
                  "scoreText": { "type": "string", "description": "the score with its unit as a document prints it; empty without a score" },
                  "rank": { "type": "integer" },
                  "outOf": { "type": "integer" },
                  "group": { "type": "string" },
                  "change": { "type": "string", "description": "the change as the document words it" },
                  "scoreChange": { "$ref": "#/$defs/quantity", "description": "the change in score read from change" },
                  "rankChange": { "type": "integer", "description": "places gained, negative for places lost" },
                  "source": { "type": "string" },
                  "origin": { "type": "string", "minLength": 1, "description": "results.yaml, or the slug of the plan that quotes the figure" },
                  "plan": { "type": "string", "description": "the quoting plan's page, from the portal's root" }
                }
              }
            }
          },
          "$defs": {
            "quantity": {
              "type": "object",
              "required": ["value", "text"],
              "additionalProperties": false,
              "properties": { "value": { "type": "number" }, "text": { "type": "string" } }
            }
          }
        }

        """#
}

extension Exports {
    /// `du-lieu/ket-qua-chi-so.csv`, `du-lieu/ket-qua-chi-so.json` and its schema
    /// `du-lieu/schema/ket-qua-chi-so.schema.json`: the site's whole results history
    /// (`Site.results`: results.yaml and every plan's quotes, merged), with where each figure
    /// comes from. Names of localities from `localities`.
    public static func resultsHistory(_ results: [IndexResult], localities: [Locality]) -> [OutputFile] {
        let byID = Dictionary(localities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return [
            OutputFile(path: SiteMap.resultsCSV, data: ResultsHistory.csv(results, localities: byID)),
            OutputFile(path: SiteMap.resultsJSON, data: ResultsHistory.json(results, localities: byID)),
            OutputFile(path: SiteMap.resultsSchema, data: Data(ResultsHistory.schema.utf8)),
        ]
    }
}
