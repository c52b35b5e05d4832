/// `du-lieu/schema/ke-hoach.schema.json`: JSON Schema (draft 2020-12) of `ke-hoach.json`.
enum PlanJSONSchema {
    static let text = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Kế hoạch (plansite)",
          "description": "Một văn bản kế hoạch cải thiện Chỉ số CCHC (PAR INDEX), PAPI, SIPAS: thông tin văn bản, nhiệm vụ của văn bản và các phụ lục với cây tiêu chí và nhiệm vụ, tình trạng thực hiện từng nhiệm vụ tính đến ngày số liệu của cổng. Đường dẫn (url) tính từ thư mục gốc của cổng.",
          "type": "object",
          "required": ["formatVersion", "slug", "url", "kind", "reference", "issuer", "header", "locality", "place", "date", "title", "addressees", "recipients", "indices", "year", "results", "body", "tasks", "appendices", "counts", "progress", "reportsCSV"],
          "additionalProperties": false,
          "properties": {
            "$schema": { "type": "string" },
            "formatVersion": { "const": 3 },
            "slug": { "$ref": "#/$defs/slug" },
            "url": { "type": "string" },
            "kind": { "enum": ["kế hoạch", "công văn", "chỉ thị", "quyết định", "thông báo", "báo cáo"] },
            "number": { "type": "string" },
            "reference": { "type": "string", "minLength": 1 },
            "issuer": { "type": "string", "minLength": 1 },
            "header": { "type": "array", "items": { "type": "string" } },
            "locality": {
              "type": "object",
              "required": ["id", "name"],
              "additionalProperties": false,
              "properties": { "id": { "$ref": "#/$defs/slug" }, "name": { "type": "string" } }
            },
            "place": { "type": "string" },
            "date": { "$ref": "#/$defs/date", "description": "Ngày văn bản như in: ngày hoặc tháng có thể để trống." },
            "title": { "type": "string", "minLength": 1 },
            "addressees": { "type": "array", "items": { "type": "string" } },
            "recipients": { "type": "array", "items": { "type": "string" } },
            "signer": {
              "type": "object",
              "required": ["authority"],
              "additionalProperties": false,
              "properties": {
                "authority": { "type": "array", "items": { "type": "string" } },
                "title": { "type": "string" },
                "name": { "type": "string" }
              }
            },
            "indices": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/index" } },
            "year": { "type": "integer" },
            "results": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["index", "year", "unit"],
                "additionalProperties": false,
                "properties": {
                  "index": { "$ref": "#/$defs/index" },
                  "year": { "type": "integer" },
                  "score": { "$ref": "#/$defs/quantity", "description": "absent when the document prints a rank without a score" },
                  "scale": { "$ref": "#/$defs/quantity", "description": "the scale printed after the score: 45,38/80" },
                  "scoreChange": { "$ref": "#/$defs/quantity", "description": "the change in score read from change (tăng 2,68 điểm: 2.68)" },
                  "rankChange": { "type": "integer", "description": "places gained, negative for places lost, read from change" },
                  "unit": { "type": "string", "minLength": 1, "description": "the unit the document gives the score in, as written (điểm, %)" },
                  "rank": { "type": "integer" },
                  "outOf": { "type": "integer" },
                  "group": { "type": "string" },
                  "change": { "type": "string" },
                  "source": { "type": "string" }
                }
              }
            },
            "targets": {
              "type": "array",
              "description": "Mục tiêu của kế hoạch cho một chỉ số và một năm.",
              "items": {
                "type": "object",
                "required": ["index", "year", "text"],
                "additionalProperties": false,
                "properties": {
                  "index": { "$ref": "#/$defs/index" },
                  "year": { "type": "integer" },
                  "text": { "type": "string", "description": "the target as the document words it" },
                  "score": { "$ref": "#/$defs/targetFigure" },
                  "rank": { "$ref": "#/$defs/targetFigure" }
                }
              }
            },
            "original": {
              "type": "object",
              "description": "Văn bản gốc đã ký (PDF) trong cổng.",
              "required": ["path", "bytes", "sha256", "mediaType"],
              "additionalProperties": false,
              "properties": {
                "path": { "type": "string", "description": "relative to the portal's root" },
                "bytes": { "type": "integer", "minimum": 0 },
                "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
                "mediaType": { "const": "application/pdf" }
              }
            },
            "body": { "type": "string", "description": "Nội dung văn bản, Markdown." },
            "tasks": { "type": "array", "items": { "$ref": "#/$defs/task" } },
            "tasksCSV": { "type": "string", "description": "Tệp CSV các nhiệm vụ của văn bản, cùng thư mục." },
            "appendices": { "type": "array", "items": { "$ref": "#/$defs/appendix" } },
            "counts": {
              "type": "object",
              "required": ["tasks", "planTasks", "criteria"],
              "additionalProperties": false,
              "properties": {
                "tasks": { "type": "integer", "minimum": 0 },
                "planTasks": { "type": "integer", "minimum": 0 },
                "criteria": { "type": "integer", "minimum": 0 }
              }
            },
            "progress": {
              "type": "object",
              "description": "Số nhiệm vụ theo tình trạng, tính đến ngày số liệu của cổng (asOf). finished: số nhiệm vụ hoàn thành (không áp dụng không phải hoàn thành); percentFinished: phần trăm hoàn thành trên số nhiệm vụ trừ các nhiệm vụ không áp dụng, làm tròn xuống. Báo cáo ví dụ minh họa (example) không bao giờ được tính.",
              "required": ["asOf", "counts", "total", "finished", "percentFinished"],
              "additionalProperties": false,
              "properties": {
                "asOf": { "$ref": "#/$defs/isoDate" },
                "counts": {
                  "type": "object",
                  "description": "Mọi tình trạng, kể cả tình trạng không có nhiệm vụ nào (0).",
                  "required": ["overdue", "due-soon", "not-reported", "not-started", "on-track", "done", "not-applicable"],
                  "additionalProperties": false,
                  "properties": {
                    "overdue": { "type": "integer", "minimum": 0 },
                    "due-soon": { "type": "integer", "minimum": 0 },
                    "not-reported": { "type": "integer", "minimum": 0 },
                    "not-started": { "type": "integer", "minimum": 0 },
                    "on-track": { "type": "integer", "minimum": 0 },
                    "done": { "type": "integer", "minimum": 0 },
                    "not-applicable": { "type": "integer", "minimum": 0 }
                  }
                },
                "total": { "type": "integer", "minimum": 0 },
                "finished": { "type": "integer", "minimum": 0 },
                "percentFinished": { "type": "integer", "minimum": 0, "maximum": 100 }
              }
            },
            "reportsCSV": { "type": "string", "description": "Tệp CSV các báo cáo tiến độ của kế hoạch, cùng thư mục." }
          },
          "$defs": {
            "slug": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
            "index": { "enum": ["par-index", "papi", "sipas"] },
            "isoDate": { "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            "date": {
              "type": "object",
              "description": "Một ngày: cách viết dd/mm/yyyy (text), dạng ISO 8601 và các thành phần.",
              "required": ["text", "iso", "year"],
              "additionalProperties": false,
              "properties": {
                "text": { "type": "string" },
                "iso": { "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" },
                "year": { "type": "integer" },
                "month": { "type": "integer", "minimum": 1, "maximum": 12 },
                "day": { "type": "integer", "minimum": 1, "maximum": 31 }
              }
            },
            "quantity": {
              "type": "object",
              "description": "Một số như ghi trong văn bản: giá trị (số JSON) và cách hiển thị tiếng Việt (dấu phẩy thập phân).",
              "required": ["value", "text"],
              "additionalProperties": false,
              "properties": { "value": { "type": "number" }, "text": { "type": "string" } }
            },
            "targetFigure": {
              "type": "object",
              "description": "Một con số của mục tiêu: trên 83 %, tăng ít nhất 3 bậc.",
              "required": ["comparison", "value"],
              "additionalProperties": false,
              "properties": {
                "comparison": { "enum": ["trên", "ít nhất", "dưới", "tối đa", "đạt"] },
                "value": { "$ref": "#/$defs/quantity" },
                "unit": { "type": "string" },
                "change": { "enum": ["tăng", "giảm"], "description": "present when the target is a change" }
              }
            },
            "department": {
              "type": "object",
              "required": ["id", "name", "displayName", "isRole"],
              "additionalProperties": false,
              "properties": {
                "id": { "$ref": "#/$defs/slug" },
                "name": { "type": "string" },
                "displayName": { "type": "string" },
                "isRole": { "type": "boolean" }
              }
            },
            "time": {
              "type": "object",
              "required": ["kind", "text"],
              "additionalProperties": false,
              "properties": {
                "kind": { "enum": ["ongoing", "yearly", "quarterly", "deadline", "before-event", "text"] },
                "text": { "type": "string" },
                "deadline": { "$ref": "#/$defs/isoDate" },
                "event": { "type": "string" }
              },
              "if": { "properties": { "kind": { "const": "deadline" } } },
              "then": { "required": ["deadline"] },
              "else": { "not": { "required": ["deadline"] } }
            },
            "task": {
              "type": "object",
              "required": ["anchor", "url", "reference", "lead", "cooperating", "monitoring", "progress"],
              "additionalProperties": false,
              "properties": {
                "anchor": { "type": "string", "pattern": "^[a-z0-9-]+$" },
                "url": { "type": "string" },
                "code": { "type": "string" },
                "reference": { "type": "string", "minLength": 1, "description": "Cách báo cáo tiến độ gọi nhiệm vụ: III.1.a, PL1/2.2.1." },
                "text": { "type": "string", "description": "Markdown." },
                "plainText": { "type": "string", "description": "Văn bản thuần, một dòng." },
                "note": { "type": "string" },
                "lead": { "type": "array", "items": { "$ref": "#/$defs/department" } },
                "cooperating": { "type": "array", "items": { "$ref": "#/$defs/department" } },
                "monitoring": { "type": "array", "items": { "$ref": "#/$defs/department" } },
                "time": { "$ref": "#/$defs/time" },
                "progress": { "$ref": "#/$defs/progress" }
              },
              "anyOf": [
                { "properties": { "lead": { "minItems": 1 } } },
                { "properties": { "cooperating": { "minItems": 1 } } },
                { "properties": { "monitoring": { "minItems": 1 } } }
              ]
            },
            "period": {
              "type": "object",
              "description": "Một kỳ báo cáo: quý, 6 tháng hoặc năm; due là hạn nộp báo cáo của kỳ (ngày báo cáo của tháng cuối kỳ).",
              "required": ["slug", "text", "start", "end", "due"],
              "additionalProperties": false,
              "properties": {
                "slug": { "type": "string", "pattern": "^[0-9]{4}(-(q[1-4]|h[12]))?$" },
                "text": { "type": "string" },
                "start": { "$ref": "#/$defs/isoDate" },
                "end": { "$ref": "#/$defs/isoDate" },
                "due": { "$ref": "#/$defs/isoDate" }
              }
            },
            "report": {
              "type": "object",
              "description": "Một dòng báo cáo tiến độ của một đơn vị cho một kỳ.",
              "required": ["period", "department", "date", "status", "statusText", "evidence", "example"],
              "additionalProperties": false,
              "properties": {
                "period": { "$ref": "#/$defs/period" },
                "department": { "$ref": "#/$defs/department" },
                "date": { "$ref": "#/$defs/date" },
                "document": { "type": "string" },
                "status": { "enum": ["not-started", "in-progress", "done", "not-applicable"] },
                "statusText": { "type": "string" },
                "percent": { "type": "number", "minimum": 0, "maximum": 100 },
                "note": { "type": "string", "description": "Markdown." },
                "evidence": { "type": "array", "items": { "type": "string" } },
                "example": { "type": "boolean", "description": "Ví dụ minh họa, không phải kết quả chính thức." }
              }
            },
            "progress": {
              "type": "object",
              "description": "Tình trạng nhiệm vụ tính đến ngày số liệu của cổng, theo các báo cáo ghi ngày không muộn hơn ngày đó. due: với nhiệm vụ quá hạn là hạn đầu tiên bị lỡ, còn lại là hạn tiếp theo. missedPeriods: các kỳ của nhiệm vụ định kỳ đã quá hạn mà chưa có báo cáo.",
              "required": ["status", "statusText", "missedPeriods", "reports"],
              "additionalProperties": false,
              "properties": {
                "status": { "enum": ["overdue", "due-soon", "not-reported", "not-started", "on-track", "done", "not-applicable"] },
                "statusText": { "type": "string" },
                "due": { "$ref": "#/$defs/date" },
                "missedPeriods": { "type": "array", "items": { "$ref": "#/$defs/period" } },
                "reports": { "type": "array", "items": { "$ref": "#/$defs/report" } }
              }
            },
            "criterion": {
              "type": "object",
              "required": ["anchor", "url", "title", "depth", "tasks", "children"],
              "additionalProperties": false,
              "properties": {
                "anchor": { "type": "string", "pattern": "^[a-z0-9-]+$" },
                "url": { "type": "string" },
                "code": { "type": "string" },
                "title": { "type": "string" },
                "depth": { "type": "integer", "minimum": 0 },
                "description": { "type": "string", "description": "Markdown." },
                "max": { "$ref": "#/$defs/quantity" },
                "last": { "$ref": "#/$defs/quantity" },
                "target": { "$ref": "#/$defs/quantity" },
                "tasks": { "type": "array", "items": { "$ref": "#/$defs/task" } },
                "children": { "type": "array", "items": { "$ref": "#/$defs/criterion" } }
              }
            },
            "appendix": {
              "type": "object",
              "required": ["number", "anchor", "url", "index", "indexName", "title", "columns", "csv", "lineCount", "criteria"],
              "additionalProperties": false,
              "properties": {
                "number": { "type": "integer", "minimum": 1 },
                "anchor": { "type": "string" },
                "url": { "type": "string" },
                "index": { "$ref": "#/$defs/index" },
                "indexName": { "type": "string" },
                "title": { "type": "string" },
                "reference": { "type": "string" },
                "columns": {
                  "type": "object",
                  "required": ["criterion", "max", "last", "target", "task", "lead", "cooperating", "monitoring", "time"],
                  "additionalProperties": { "type": "string" }
                },
                "csv": { "type": "string", "pattern": "^phu-luc-[0-9]+\\.csv$" },
                "lineCount": { "type": "integer", "minimum": 0 },
                "criteria": { "type": "array", "items": { "$ref": "#/$defs/criterion" } }
              }
            }
          }
        }

        """#
}
