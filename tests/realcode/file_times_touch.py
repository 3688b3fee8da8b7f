"""A "touch" that sets a file's creation, access and write times through win32file.

Source: public GitHub scripts that fix photo and backup timestamps (search "win32file.SetFileTime
pywintypes.Time CreateFile GENERIC_WRITE FILE_FLAG_BACKUP_SEMANTICS"), rewritten with their calls
and their order: ``CreateFile(path, GENERIC_READ | GENERIC_WRITE, 0, None, OPEN_EXISTING,
FILE_ATTRIBUTE_NORMAL, None)``, ``GetFileTime`` as three ``PyTime`` values,
``SetFileTime(handle, created, accessed, written)`` with ``pywintypes.Time`` of timestamps,
``None`` to leave one alone, the handle closed, then ``os.stat`` and ``GetFileAttributesEx`` to
check, and ``SetFileTime`` on a handle opened for reading only.

Wine differs: it lets SetFileTime change the times through a handle opened with
GENERIC_READ only; Windows refuses with ERROR_ACCESS_DENIED (5) (FILE_WRITE_ATTRIBUTES is
missing), as we do.
"""

import datetime
import os
import tempfile

import pywintypes
import win32con
import win32file

EPOCH_2001 = 978307200  # 2001-01-01 00:00:00 UTC


def main():
    path = os.path.join(tempfile.mkdtemp(), "photo.jpg")
    with open(path, "wb") as f:
        f.write(b"\xff\xd8data")
    handle = win32file.CreateFile(
        path,
        win32file.GENERIC_READ | win32file.GENERIC_WRITE,
        0,
        None,
        win32file.OPEN_EXISTING,
        win32file.FILE_ATTRIBUTE_NORMAL,
        None,
    )
    created, accessed, written = win32file.GetFileTime(handle)
    print("types:", type(created).__name__, isinstance(written, datetime.datetime))
    print("aware:", written.tzinfo is not None)
    new_time = pywintypes.Time(EPOCH_2001)
    win32file.SetFileTime(handle, new_time, None, new_time)
    c2, a2, w2 = win32file.GetFileTime(handle)
    print("write time set:", int(w2.timestamp()) == EPOCH_2001)
    print("access left alone:", abs(a2.timestamp() - accessed.timestamp()) < 5)
    handle.Close()
    st = os.stat(path)
    print("os.stat mtime:", int(st.st_mtime) == EPOCH_2001)
    attrs = win32file.GetFileAttributesEx(path)
    print("attributes ex shape:", len(attrs), attrs[0] & win32con.FILE_ATTRIBUTE_DIRECTORY)
    print("write time from attributes:", int(attrs[3].timestamp()) == EPOCH_2001)
    later = datetime.datetime(2010, 6, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)
    handle = win32file.CreateFile(
        path, win32file.GENERIC_WRITE, 0, None, win32file.OPEN_EXISTING, 0, None
    )
    win32file.SetFileTime(handle, None, None, later)
    handle.Close()
    print("aware datetime accepted:", int(os.stat(path).st_mtime) == int(later.timestamp()))
    reader = win32file.CreateFile(
        path,
        win32file.GENERIC_READ,
        win32file.FILE_SHARE_READ,
        None,
        win32file.OPEN_EXISTING,
        0,
        None,
    )
    try:
        win32file.SetFileTime(reader, None, None, new_time)
    except pywintypes.error as exc:
        print("read-only handle:", exc.winerror, exc.funcname)
    reader.Close()


main()
