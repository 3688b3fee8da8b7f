"""What kind of handle is this, and how big is the file: GetFileType, sizes, SearchPath.

Source: public GitHub helpers that tell a redirected stdout from a console or a file
(``win32file.GetFileType(handle)`` compared with ``FILE_TYPE_DISK``/``FILE_TYPE_PIPE``/
``FILE_TYPE_CHAR``) and size helpers (``win32file.GetFileSize``, ``GetCompressedFileSize``,
``GetFileAttributesEx`` giving ``(attributes, created, accessed, written, size)``), plus
``win32api.SearchPath(folder, name, ext)`` to find a file by its base name, which gives the
path and the offset of its file part; rewritten with those calls. A missing file's
SearchPath error is 2 (ERROR_FILE_NOT_FOUND).
"""

import os
import tempfile

import pywintypes
import win32api
import win32con
import win32file
import win32pipe

TYPES = {
    win32file.FILE_TYPE_DISK: "disk",
    win32file.FILE_TYPE_PIPE: "pipe",
    win32file.FILE_TYPE_CHAR: "char",
    win32file.FILE_TYPE_UNKNOWN: "unknown",
}


def main():
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "sample.dat")
    with open(path, "wb") as f:
        f.write(b"x" * 70000)
    handle = win32file.CreateFile(
        path, win32con.GENERIC_READ, win32con.FILE_SHARE_READ, None, win32con.OPEN_EXISTING, 0, None
    )
    print("file:", TYPES[win32file.GetFileType(handle)])
    print("size:", win32file.GetFileSize(handle))
    print("compressed size:", win32file.GetCompressedFileSize(path))
    attrs, created, accessed, written, size = win32file.GetFileAttributesEx(path)
    print("attributes archive:", bool(attrs & win32con.FILE_ATTRIBUTE_ARCHIVE), "size:", size)
    print("written is a time:", isinstance(written, pywintypes.TimeType))
    handle.Close()
    read, write = win32pipe.CreatePipe(None, 0)
    print("pipe:", TYPES[win32file.GetFileType(read)], TYPES[win32file.GetFileType(write)])
    read.Close()
    write.Close()
    found, file_part = win32api.SearchPath(folder, "sample", ".dat")
    print("search found:", os.path.normcase(found) == os.path.normcase(path), found[file_part:])
    found, file_part = win32api.SearchPath(folder, "sample.dat")
    print("search without ext:", found[file_part:])
    try:
        win32api.SearchPath(folder, "absent", ".dat")
    except pywintypes.error as error:
        print("absent:", error.winerror, error.funcname)
    try:
        win32file.GetFileAttributesEx(os.path.join(folder, "absent.dat"))
    except pywintypes.error as error:
        print("attributes of absent:", error.winerror, error.funcname)
    os.remove(path)
    os.rmdir(folder)


main()
