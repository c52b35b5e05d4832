/// What a clerk is told about a file the walk found but will not open, in one wording for
/// every folder plansite reads (the content, the templates).
extension FileTree.SpecialKind {
    /// The message for a file of this kind inside `folder` ("thư mục nội dung", "thư mục mẫu").
    public func explanation(in folder: String) -> String {
        switch self {
        case .symbolicLink:
            return
                "đây là một liên kết (symbolic link) chứ không phải tệp thật; plansite không đi theo liên kết — hãy chép tệp thật vào đây thay cho liên kết"
        case .tooDeep:
            return
                "thư mục này nằm quá sâu (hơn \(FileTree.maximumDepth) cấp thư mục lồng nhau) nên plansite không đọc bên trong — hãy xóa nó hoặc chuyển ra khỏi \(folder)"
        default:
            let what =
                switch self {
                case .fifo: "một ống dẫn có tên (FIFO)"
                case .socket: "một socket"
                case .characterDevice: "một thiết bị ký tự"
                case .blockDevice: "một thiết bị khối"
                default: "một loại tệp đặc biệt"
                }
            return
                "đây không phải tệp thường mà là \(what); plansite không mở tệp này — hãy xóa nó hoặc chuyển ra khỏi \(folder)"
        }
    }
}
