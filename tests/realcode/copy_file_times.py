"""Copy a file's (and a folder's) creation, access and write times onto another.

Source: the use case named on Project Nayuki's "Windows timestamp accessor library" page ("a
tool to copy timestamps from one file to another") as pywin32 scripts do it: ``CreateFile``
of the source for reading, ``GetFileTime`` as three times, ``CreateFile`` of the target with
``GENERIC_WRITE`` (folders with ``FILE_FLAG_BACKUP_SEMANTICS``), ``SetFileTime`` with the
three, then ``GetFileAttributesEx`` and ``os.stat`` to check. Rewritten with those calls.
"""

import datetime
import os
import tempfile

import win32con
import win32file

UTC = datetime.timezone.utc


def open_for(path, access, folder=False):
    flags = win32file.FILE_FLAG_BACKUP_SEMANTICS if folder else win32file.FILE_ATTRIBUTE_NORMAL
    return win32file.CreateFile(
        path,
        access,
        win32file.FILE_SHARE_READ | win32file.FILE_SHARE_WRITE,
        None,
        win32file.OPEN_EXISTING,
        flags,
        None,
    )


def copy_times(source, target, folder=False):
    src = open_for(source, win32file.GENERIC_READ, folder)
    try:
        created, accessed, written = win32file.GetFileTime(src)
    finally:
        src.Close()
    dst = open_for(target, win32file.GENERIC_WRITE, folder)
    try:
        win32file.SetFileTime(dst, created, accessed, written)
    finally:
        dst.Close()
    return created, accessed, written


root = tempfile.mkdtemp()
source = os.path.join(root, "original.txt")
target = os.path.join(root, "copy.txt")
for path in (source, target):
    with open(path, "w") as f:
        f.write("same words")
stamp = datetime.datetime(2015, 3, 14, 15, 9, 26, 535000, tzinfo=UTC)
h = open_for(source, win32file.GENERIC_WRITE)
win32file.SetFileTime(
    h, stamp, stamp + datetime.timedelta(days=2), stamp + datetime.timedelta(days=1)
)
h.Close()

created, accessed, written = copy_times(source, target)
print("copied:", written, "|", written.tzinfo)
attrs = win32file.GetFileAttributesEx(target)
print("target write time:", attrs[3], attrs[3] == written)
print("target access time:", attrs[2] == accessed, attrs[2] - attrs[3])
print("os.stat mtime:", datetime.datetime.fromtimestamp(os.stat(target).st_mtime, UTC))
print("same as source:", win32file.GetFileAttributesEx(source)[3] == attrs[3])

folder_a = os.path.join(root, "a")
folder_b = os.path.join(root, "b")
os.mkdir(folder_a)
os.mkdir(folder_b)
h = open_for(folder_a, win32file.GENERIC_WRITE, folder=True)
win32file.SetFileTime(h, None, None, datetime.datetime(2001, 9, 9, 1, 46, 40, tzinfo=UTC))
h.Close()
copy_times(folder_a, folder_b, folder=True)
info = win32file.GetFileAttributesEx(folder_b)
print("folder:", bool(info[0] & win32con.FILE_ATTRIBUTE_DIRECTORY), info[3], info[3].timestamp())
