import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What .xlsx and .docx readers share: parts of an Office package inflated within a bound, and
/// XML handed to `XMLParser` only when it can be parsed safely.
public enum OfficePackage {
    public enum PartError: Error, Equatable {
        /// More than the limit, as declared or as actually inflated (a declared size may lie).
        case tooLarge(bytes: UInt64)
        /// The part does not inflate (a broken or truncated package).
        case corrupt
    }

    /// The bytes of `entry`, at most `limit` of them, checked against its CRC.
    public static func extract(_ entry: Entry, from archive: Archive, limit: Int) throws(PartError) -> Data {
        guard entry.uncompressedSize <= UInt64(limit) else { throw .tooLarge(bytes: entry.uncompressedSize) }
        var data = Data()
        var exceeded: UInt64?
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else {
                    exceeded = UInt64(data.count + chunk.count)
                    throw CancellationError()
                }
                data.append(chunk)
            }
        } catch {
            if let exceeded { throw .tooLarge(bytes: exceeded) }
            throw .corrupt
        }
        return data
    }

    /// Runs `delegate` over `data` with external entities off; nil (nothing parsed) when `data`
    /// is not UTF-8: FoundationXML on Linux traps on an element or attribute name that is not
    /// (it force-unwraps the C string), and Office writes UTF-8.
    public static func parser(for data: Data, delegate: XMLParserDelegate) -> XMLParser? {
        guard String(data: data, encoding: .utf8) != nil else { return nil }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        return parser
    }
}
