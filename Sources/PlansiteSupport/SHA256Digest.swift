import CLibCrypto
import Foundation

/// SHA-256 through the system's libcrypto (one call, no streaming needed: files are in
/// memory). In PlansiteSupport so that the loader (a plan's signed original) and the
/// exports (the open-data manifest) use one function.
public enum SHA256Digest {
    public static func hex(of data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        data.withUnsafeBytes { bytes in
            _ = SHA256(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &digest)
        }
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
