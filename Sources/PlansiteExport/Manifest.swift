import Foundation
import PlansiteSiteMap
import PlansiteSupport

/// One file of the open data, as the manifest lists it.
public struct DataManifestEntry: Codable, Hashable, Sendable {
    public let path: String
    public let bytes: Int
    public let sha256: String
    public let mediaType: String

    public init(path: String, bytes: Int, sha256: String, mediaType: String) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.mediaType = mediaType
    }

    /// The entry of a file: its size, SHA-256 (lower-case hex) and media type.
    public init(file: OutputFile) {
        path = file.path
        bytes = file.data.count
        sha256 = SHA256Digest.hex(of: file.data)
        mediaType = DataManifestEntry.mediaType(of: file.path)
    }

    static func mediaType(of path: String) -> String {
        if path.hasSuffix(".schema.json") { return "application/schema+json" }
        if path.hasSuffix(".json") { return "application/json" }
        if path.hasSuffix(".csv") { return "text/csv; charset=utf-8; header=present" }
        if path.hasSuffix(".xlsx") { return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
        if path.hasSuffix(".pdf") { return "application/pdf" }
        return "application/octet-stream"
    }
}

enum DataManifest {
    struct Manifest: Encodable {
        let title = "Dữ liệu mở: kế hoạch cải thiện Chỉ số CCHC, PAPI, SIPAS"
        let description =
            "Mọi tệp dữ liệu mở của cổng, với kích thước (byte) và mã băm SHA-256. Đường dẫn tính từ thư mục gốc "
            + "của cổng. CSV: UTF-8 có BOM, phân cách bằng dấu phẩy, xuống dòng CRLF (RFC 4180)."
        let schema = SiteMap.schema
        let datasets = [SiteMap.allTasks, SiteMap.allCriteria]
        let files: [DataManifestEntry]
    }

    static func files(entries: [DataManifestEntry]) -> [OutputFile] {
        let schema = OutputFile(path: SiteMap.schema, data: Data(PlanJSONSchema.text.utf8))
        var byPath: [String: DataManifestEntry] = [:]
        for entry in entries where SiteMap.isOpenData(entry.path) { byPath[entry.path] = entry }
        byPath[schema.path] = DataManifestEntry(file: schema)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let manifest = Manifest(files: byPath.values.sorted { $0.path < $1.path })
        let data = ((try? encoder.encode(manifest)) ?? Data()) + Data("\n".utf8)
        return [OutputFile(path: SiteMap.manifest, data: data), schema]
    }
}
