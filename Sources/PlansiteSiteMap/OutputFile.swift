import Foundation

/// One file of the portal, ready to write.
public struct OutputFile: Sendable {
    public let path: String
    public let data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}
