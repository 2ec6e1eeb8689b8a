/**
 * Node's file errors in Vietnamese. Node answers in English ("EISDIR: illegal operation on a
 * directory"); people get what happened to which file and what to do, and never the English.
 */

export type FileAction = "read" | "write";

export function describeFsError(err: unknown, path: string, action: FileAction): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const verb = action === "read" ? "đọc" : "ghi";
  switch (code) {
    case "ENOENT":
      return action === "read"
        ? `Không tìm thấy tệp "${path}". Hãy kiểm tra lại tên và đường dẫn tệp.`
        : `Không ghi được tệp "${path}": thư mục chứa tệp không tồn tại. Hãy tạo thư mục trước hoặc chọn chỗ khác.`;
    case "ENOTDIR":
      return `Không ${verb} được tệp "${path}": một phần của đường dẫn là tệp, không phải thư mục.`;
    case "EISDIR":
      return `"${path}" là một thư mục, không phải tệp. Hãy ghi cả tên tệp.`;
    case "EACCES":
    case "EPERM":
      return `Không ${verb} được tệp "${path}": không có quyền. Hãy chọn tệp hoặc thư mục khác, hoặc xin quyền truy cập.`;
    case "EROFS":
      return `Không ghi được tệp "${path}": ổ đĩa chỉ cho đọc. Hãy chọn chỗ khác.`;
    case "ENOSPC":
    case "EDQUOT":
      return `Không ghi được tệp "${path}": ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc chọn ổ khác.`;
    case "ENAMETOOLONG":
      return `Không ${verb} được tệp "${path}": tên hoặc đường dẫn quá dài.`;
    case "ELOOP":
      return `Không ${verb} được tệp "${path}": liên kết tượng trưng trỏ vòng quanh.`;
    case "EMFILE":
    case "ENFILE":
      return `Không ${verb} được tệp "${path}": máy đang mở quá nhiều tệp. Hãy thử lại sau.`;
    case "EBUSY":
    case "ETXTBSY":
      return `Không ${verb} được tệp "${path}": tệp đang được chương trình khác dùng. Hãy đóng chương trình đó rồi thử lại.`;
    case "ERR_FS_FILE_TOO_LARGE":
      return `Tệp "${path}" quá lớn, chương trình không đọc.`;
    default:
      return `Không ${verb} được tệp "${path}" (lỗi hệ thống${code ? ` ${code}` : ""}). Hãy kiểm tra tệp và thử lại.`;
  }
}
