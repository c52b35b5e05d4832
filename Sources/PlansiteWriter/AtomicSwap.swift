import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a complete staging folder takes the place of the output.
public enum SwapMethod: Sendable {
    /// One atomic exchange of the two folders where the system has it (`renameat2` with
    /// `RENAME_EXCHANGE` on Linux, `renamex_np` with `RENAME_SWAP` on macOS), else two renames.
    case automatic
    /// Two renames: the output is moved aside, then the staging folder moved in. For systems
    /// without an exchange, and for the tests of the recovery this needs.
    case twoRenames
}

enum AtomicSwap {
    #if canImport(Glibc)
        private typealias RenameAt2 =
            @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        /// glibc's `renameat2` (2.28 and later), looked up at run time: the Swift overlay of
        /// Glibc does not declare it.
        private static let renameat2: RenameAt2? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        }()
        private static let renameExchange: UInt32 = 1 << 1
    #endif

    /// Exchanges two existing paths in one step; false (with `errno` set) when the system or
    /// the file system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if canImport(Glibc)
            guard let renameat2 else {
                errno = ENOSYS
                return false
            }
            return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #elseif canImport(Darwin)
            return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
            errno = ENOSYS
            return false
        #endif
    }

    enum Installed {
        /// The output was absent: nothing to delete.
        case fresh
        /// The previous output is now at this path, to delete.
        case retired(String)
    }

    /// Puts the complete tree at `staging` in the place of `output`. With an exchange the output
    /// path names a complete site at every instant: the old one, then the new one. With two
    /// renames there is a moment without an output, when the old site is at `retired`;
    /// `OutputWriter.cleanUp` puts it back if the build is killed then.
    static func install(staging: String, output: String, retired: String, method: SwapMethod) throws -> Installed {
        if PosixTree.kind(output) == nil {
            guard rename(staging, output) == 0 else { throw OutputWriter.WriteError.cannotSwap(errno) }
            return .fresh
        }
        if method == .automatic {
            if exchange(staging, output) { return .retired(staging) }
            // Not supported here (an old kernel, a network file system): two renames instead.
            guard errno == ENOSYS || errno == EINVAL || errno == ENOTSUP || errno == EOPNOTSUPP else {
                throw OutputWriter.WriteError.cannotSwap(errno)
            }
        }
        guard rename(output, retired) == 0 else { throw OutputWriter.WriteError.cannotSwap(errno) }
        guard rename(staging, output) == 0 else {
            let code = errno
            rename(retired, output)
            throw OutputWriter.WriteError.cannotSwap(code)
        }
        return .retired(retired)
    }
}
