import Foundation
import PlansiteModel
import Testing

/// The typed ids stand for the content's strings: encoded, printed and sorted as those
/// strings, so that the build cache and the JSON exports read as they did with plain strings.
@Suite struct IdentifierTests {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func anIDEncodesAsItsPlainStringAlsoAsADictionaryKey() throws {
        let roles: [DepartmentID: Int] = ["so-noi-vu": 2, "so-tu-phap": 1]
        #expect(try Self.json(roles) == (try Self.json(["so-noi-vu": 2, "so-tu-phap": 1])))
        #expect(try Self.json([PlanID("2024-par-index")]) == #"["2024-par-index"]"#)
        #expect(try Self.json(["locality": LocalityID("dak-nong")]) == #"{"locality":"dak-nong"}"#)
    }

    @Test func anIDDecodesFromWhatItEncodes() throws {
        let roles: [DepartmentID: [PlanID]] = ["so-noi-vu": ["2024-a", "2023-b"], "ubnd-tinh": []]
        let data = try JSONEncoder().encode(roles)
        #expect(try JSONDecoder().decode([DepartmentID: [PlanID]].self, from: data) == roles)
        #expect(try JSONDecoder().decode([String: [String]].self, from: data)["so-noi-vu"] == ["2024-a", "2023-b"])
    }

    @Test func anIDPrintsAndSortsAsItsString() {
        let raw = ["so-y-te", "So-Noi-vu", "dak-nong-so-tai-chinh", "sở-nội-vụ", ""]
        #expect(raw.map(DepartmentID.init).sorted().map(\.rawValue) == raw.sorted())
        #expect("\(PlanID("2024-par-index"))" == "2024-par-index")
        #expect(LocalityID("dak-nong") == "dak-nong")
    }
}
