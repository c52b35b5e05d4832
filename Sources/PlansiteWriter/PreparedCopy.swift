import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The staging folder of the next update, made ahead of it by a builder that stays running
/// (`serve`): a copy of the output in which every file is a hard link to the output's, as
/// `OutputWriter.update` makes, but made while nothing waits for it, so that the update starts
/// writing at once. It is used only while it still copies the output in place: it holds a link
/// to the output's portal marker, which every build writes anew, so the output still has that
/// very file (same device and inode, which cannot be reused while the copy links it) exactly
/// when no build has swapped in a site since. Otherwise it is deleted and the update copies the
/// output again. Its name is a staging folder's (`.NAME.staged-*`): a build of another process
/// removes it as a leftover, and one killed with it leaves nothing the next build keeps.
public struct PreparedCopy: Sendable, Equatable {
    /// The folder's name beside the output.
    public let name: String
    let path: String
    let token: String
    let marker: FileIdentity
    /// The copy's regular files, as a walk of it lists them (`PosixTree.LinkCopy.files`).
    let files: [String]
}

/// A file's device and inode.
struct FileIdentity: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

extension OutputWriter {
    /// Copies the output, every file hard-linked, into a staging folder for the next
    /// `update(prepared:)`. Nil when there is no built output to copy, or the copy fails (the
    /// update then copies as usual). The caller holds the output's lock.
    public func prepareCopy() -> PreparedCopy? {
        guard let marker = FileIdentity(output.path + "/" + PortalMarker.fileName) else { return nil }
        let token = Self.token()
        let name = ".\(output.lastPathComponent).staged-\(token)"
        let path = output.deletingLastPathComponent().path + "/" + name
        let copy = PosixTree.linkCopy(from: output.path, to: path)
        guard copy.failed == nil, FileIdentity(path + "/" + PortalMarker.fileName) == marker else {
            PosixTree.remove(path)
            return nil
        }
        return PreparedCopy(name: name, path: path, token: token, marker: marker, files: copy.files)
    }

    /// Whether a prepared copy is still a copy of the output in place.
    public func isCurrent(_ copy: PreparedCopy) -> Bool {
        FileIdentity(output.path + "/" + PortalMarker.fileName) == copy.marker
            && FileIdentity(copy.path + "/" + PortalMarker.fileName) == copy.marker
    }

    /// Deletes a prepared copy that will not be used (the caller holds the output's lock).
    public func discard(_ copy: PreparedCopy) { PosixTree.remove(copy.path) }

    /// Deletes a previous site an update handed over instead of deleting it (`retire`), once
    /// the new one is shown. The caller holds the output's lock.
    public func removeRetired(_ name: String) {
        guard isLeftover(name) else { return }
        PosixTree.remove(output.deletingLastPathComponent().path + "/" + name)
    }
}
