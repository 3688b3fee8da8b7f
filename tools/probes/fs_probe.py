"""Differential probe: file system calls of win32file and win32api (session 29).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/fs_probe.py 'Z:\\tmp\\x'
    .venv/bin/python -m apartment run tools/probes/fs_probe.py /tmp/x

The argument is an empty or missing temp dir (made, filled, emptied). GetFileAttributes(Ex),
SetFileAttributes, FindFilesW/FindFilesIterator/win32api.FindFiles with wildcards,
GetFullPathName, GetLongPathName/GetShortPathName, CopyFile/MoveFile(Ex)/DeleteFile errors
(2, 3, 5, 80, 183), CreateDirectory (183, 3), RemoveDirectory (145, 267, 2), disk space,
drive types, volume information, GetTempPath/GetTempFileName, SearchPath, file times and
GetFileInformationByHandle(Ex). Paths print relative to the dir as <T>, with '/'.
One line per question; errors as (type, winerror, funcname), never message texts.
"""

import datetime
import os
import sys

import pywintypes
import win32api
import win32con
import win32file

T = sys.argv[1]
SEP = "\\" if "\\" in T else "/"


def p(*parts):
    return SEP.join((T,) + parts)


def norm(r):
    if isinstance(r, datetime.datetime):
        return "<time>"
    if type(r).__name__ in ("PyHANDLE", "PyHKEY") or repr(r).startswith("<PyHANDLE"):
        return "<handle>"
    if isinstance(r, tuple):
        return "(" + ", ".join(norm(x) for x in r) + ("," if len(r) == 1 else "") + ")"
    if isinstance(r, list):
        return "[" + ", ".join(norm(x) for x in r) + "]"
    if isinstance(r, dict):
        return "{" + ", ".join(f"{k!r}: {norm(v)}" for k, v in sorted(r.items())) + "}"
    if isinstance(r, str):
        s = r
        for base in (T, T.replace("\\", "/"), T.lower(), T.upper()):
            s = s.replace(base, "<T>")
        return ascii(s.replace("\\", "/"))
    return ascii(r)


def outcome(fn):
    try:
        return norm(fn())
    except pywintypes.error as e:
        return f"!! error {e.winerror} {e.funcname}"
    except Exception as e:
        return f"!! {type(e).__name__}"


def show(label, fn):
    print(label, "->", outcome(fn))


def write(path, data=b"data"):
    h = win32file.CreateFile(path, win32con.GENERIC_WRITE, 0, None, win32con.CREATE_ALWAYS, 0, None)
    win32file.WriteFile(h, data)
    h.Close()


def wipe(path):
    if not os.path.isdir(path):
        return
    for name in os.listdir(path):
        full = os.path.join(path, name)
        try:
            win32api.SetFileAttributes(full, win32con.FILE_ATTRIBUTE_NORMAL)
        except pywintypes.error:
            pass
        if os.path.isdir(full):
            wipe(full)
            os.rmdir(full)
        else:
            os.remove(full)


wipe(T)
os.makedirs(T, exist_ok=True)
write(p("a.txt"), b"hello")
write(p("b.txt"), b"")
write(p("c.dat"), b"x" * 5000)
win32file.CreateDirectory(p("sub"), None)
write(p("sub", "inner.txt"))
win32file.CreateDirectory(p("empty"), None)

# --- attributes ------------------------------------------------------------------------------
A = win32con.FILE_ATTRIBUTE_READONLY | win32con.FILE_ATTRIBUTE_HIDDEN
for name in ("a.txt", "b.txt", "sub", "empty", "missing", "missing/x", "a.txt/x", "", "."):
    target = p(*name.split("/")) if name else ""
    show(f"win32file.GetFileAttributes {name!r}", lambda t=target: win32file.GetFileAttributes(t))
    show(f"win32api.GetFileAttributes {name!r}", lambda t=target: win32api.GetFileAttributes(t))
show("GetFileAttributes None", lambda: win32file.GetFileAttributes(None))
show("GetFileAttributes int", lambda: win32file.GetFileAttributes(5))
show("GetFileAttributes bytes", lambda: win32file.GetFileAttributes(p("a.txt").encode()))
for name in ("a.txt", "sub", "missing", "b.txt"):
    show(f"GetFileAttributesEx {name}", lambda n=name: win32file.GetFileAttributesEx(p(n)))
show("GetFileAttributesEx level 0", lambda: win32file.GetFileAttributesEx(p("a.txt"), 0))
show("GetFileAttributesEx level 1", lambda: win32file.GetFileAttributesEx(p("a.txt"), 1))
show("GetFileAttributesEx times", lambda: [type(x).__name__ for x in win32file.GetFileAttributesEx(p("a.txt"))[1:4]])
show("GetFileAttributesExW", lambda: win32file.GetFileAttributesExW(p("c.dat")))
for attrs in (win32con.FILE_ATTRIBUTE_READONLY, win32con.FILE_ATTRIBUTE_HIDDEN, win32con.FILE_ATTRIBUTE_SYSTEM, win32con.FILE_ATTRIBUTE_ARCHIVE, A, 0, win32con.FILE_ATTRIBUTE_NORMAL, win32con.FILE_ATTRIBUTE_DIRECTORY, win32con.FILE_ATTRIBUTE_TEMPORARY, 0x80000000, -1):
    show(f"SetFileAttributes b.txt {attrs:#x}", lambda a=attrs: win32api.SetFileAttributes(p("b.txt"), a))
    show(f"  -> {attrs:#x}", lambda: win32api.GetFileAttributes(p("b.txt")))
show("SetFileAttributes missing", lambda: win32api.SetFileAttributes(p("missing"), 0))
show("SetFileAttributes dir readonly", lambda: win32api.SetFileAttributes(p("empty"), win32con.FILE_ATTRIBUTE_READONLY))
show("  dir attrs", lambda: win32api.GetFileAttributes(p("empty")))
show("SetFileAttributes dir normal", lambda: win32api.SetFileAttributes(p("empty"), win32con.FILE_ATTRIBUTE_NORMAL))
show("  dir attrs", lambda: win32api.GetFileAttributes(p("empty")))
show("win32file.SetFileAttributesW", lambda: win32file.SetFileAttributesW(p("b.txt"), win32con.FILE_ATTRIBUTE_NORMAL))

# --- readonly files --------------------------------------------------------------------------
write(p("ro.txt"))
win32api.SetFileAttributes(p("ro.txt"), win32con.FILE_ATTRIBUTE_READONLY)
show("DeleteFile readonly", lambda: win32file.DeleteFile(p("ro.txt")))
show("open readonly for write", lambda: win32file.CreateFile(p("ro.txt"), win32con.GENERIC_WRITE, 0, None, win32con.OPEN_EXISTING, 0, None))
show("CopyFile onto readonly", lambda: win32api.CopyFile(p("a.txt"), p("ro.txt"), 0))
show("MoveFileEx onto readonly REPLACE", lambda: win32file.MoveFileEx(p("b.txt"), p("ro.txt"), win32con.MOVEFILE_REPLACE_EXISTING))
show("MoveFile readonly away", lambda: win32file.MoveFile(p("ro.txt"), p("ro2.txt")))
show("  ro2 attrs", lambda: win32api.GetFileAttributes(p("ro2.txt")))
win32api.SetFileAttributes(p("ro2.txt"), 0)
show("DeleteFile after clearing", lambda: win32file.DeleteFile(p("ro2.txt")))

# --- find ------------------------------------------------------------------------------------
def names(found):
    return sorted(f[8] for f in found)


for pattern in ("*", "*.*", "*.txt", "?.txt", "a*", "*.TXT", "A.TXT", "a.txt", "missing", "*.none", "sub", "sub/*", "sub\\*", "s?b", "*.", "a.txt*", "a.tx?", "empty/*", "missing/*", "a.txt/*", "", "<>"):
    spec = p(*pattern.split("/")) if pattern else ""
    show(f"FindFilesW {pattern!r}", lambda s=spec: names(win32file.FindFilesW(s)))
    show(f"win32api.FindFiles {pattern!r}", lambda s=spec: names(win32api.FindFiles(s)))
    show(f"FindFilesIterator {pattern!r}", lambda s=spec: sorted(f[8] for f in win32file.FindFilesIterator(s)))
show("FindFilesW entry shape", lambda: [type(x).__name__ for x in win32file.FindFilesW(p("a.txt"))[0]])
show("FindFilesW entry", lambda: [x for i, x in enumerate(win32file.FindFilesW(p("c.dat"))[0]) if i not in (1, 2, 3)])
show("FindFilesW dir entry", lambda: [x for i, x in enumerate(win32file.FindFilesW(p("sub"))[0]) if i not in (1, 2, 3)])
show("win32api.FindFiles entry", lambda: [x for i, x in enumerate(win32api.FindFiles(p("a.txt"))[0]) if i not in (1, 2, 3)])
show("FindFilesW None", lambda: win32file.FindFilesW(None))
show("FindFilesW int", lambda: win32file.FindFilesW(5))
show("FindFilesIterator is iterator", lambda: iter(win32file.FindFilesIterator(p("*"))) is not None)
show("FindFilesIterator next missing", lambda: next(win32file.FindFilesIterator(p("missing"))))

# --- paths -----------------------------------------------------------------------------------
for rel in ("a.txt", "sub/../a.txt", "sub/./inner.txt", "missing/x", "sub/", "x.", "x ", "*.txt"):
    show(f"GetFullPathName {rel!r}", lambda r=rel: win32api.GetFullPathName(p(*r.split("/"))))
    show(f"win32file.GetFullPathName {rel!r}", lambda r=rel: win32file.GetFullPathName(p(*r.split("/"))))
show("GetFullPathName ''", lambda: win32api.GetFullPathName(""))
show("GetFullPathName None", lambda: win32api.GetFullPathName(None))
show("GetFullPathName '.' == cwd", lambda: win32api.GetFullPathName(".").rstrip("\\/").lower() == os.getcwd().rstrip("\\/").lower())
show("GetFullPathName 'rel' == cwd/rel", lambda: win32api.GetFullPathName("rel").lower() == os.path.join(os.getcwd(), "rel").lower())
for rel in ("a.txt", "sub", "missing", "sub/inner.txt", "A.TXT"):
    show(f"GetLongPathName {rel!r}", lambda r=rel: win32api.GetLongPathName(p(*r.split("/"))))
    show(f"GetShortPathName is str {rel!r}", lambda r=rel: type(win32api.GetShortPathName(p(*r.split("/")))).__name__)
show("GetLongPathName ''", lambda: win32api.GetLongPathName(""))
show("GetLongPathNameW", lambda: win32file.GetLongPathName(p("a.txt")) if hasattr(win32file, "GetLongPathName") else "n/a")
show("GetShortPathName None", lambda: win32api.GetShortPathName(None))

# --- copy, move, delete ------------------------------------------------------------------------
show("CopyFile missing", lambda: win32api.CopyFile(p("missing"), p("x"), 0))
show("CopyFile into missing dir", lambda: win32api.CopyFile(p("a.txt"), p("nodir", "x"), 0))
show("CopyFile fail if exists", lambda: win32api.CopyFile(p("a.txt"), p("b.txt"), 1))
show("CopyFile overwrite", lambda: win32api.CopyFile(p("a.txt"), p("b.txt"), 0))
show("  b.txt size", lambda: win32file.GetFileAttributesEx(p("b.txt"))[4])
show("CopyFile 2 args", lambda: win32api.CopyFile(p("a.txt"), p("copy2.txt")))
show("CopyFile onto itself", lambda: win32api.CopyFile(p("a.txt"), p("a.txt"), 0))
show("CopyFile a dir", lambda: win32api.CopyFile(p("sub"), p("subcopy"), 0))
show("CopyFile onto a dir", lambda: win32api.CopyFile(p("a.txt"), p("empty"), 0))
show("win32file.CopyFile", lambda: win32file.CopyFile(p("a.txt"), p("copy3.txt"), True))
show("win32file.CopyFile again", lambda: win32file.CopyFile(p("a.txt"), p("copy3.txt"), True))
show("CopyFile None", lambda: win32api.CopyFile(None, p("x"), 0))
show("CopyFile locked source", lambda: (lambda h: (win32api.CopyFile(p("c.dat"), p("copy4.txt"), 0), h.Close()))(win32file.CreateFile(p("c.dat"), win32con.GENERIC_READ, 0, None, win32con.OPEN_EXISTING, 0, None)))
show("MoveFile missing", lambda: win32file.MoveFile(p("missing"), p("x")))
show("MoveFile onto existing", lambda: win32file.MoveFile(p("copy2.txt"), p("b.txt")))
show("MoveFile into missing dir", lambda: win32file.MoveFile(p("copy2.txt"), p("nodir", "x")))
show("MoveFile rename", lambda: win32file.MoveFile(p("copy2.txt"), p("moved.txt")))
show("MoveFile dir", lambda: win32file.MoveFile(p("empty"), p("empty2")))
show("MoveFile dir back", lambda: win32file.MoveFile(p("empty2"), p("empty")))
show("MoveFile file onto dir", lambda: win32file.MoveFile(p("moved.txt"), p("empty")))
show("MoveFile case only", lambda: win32file.MoveFile(p("moved.txt"), p("MOVED.txt")))
show("  case kept", lambda: names(win32file.FindFilesW(p("moved.txt"))))
show("win32api.MoveFile", lambda: win32api.MoveFile(p("MOVED.txt"), p("moved.txt")))
show("MoveFileEx 0 onto existing", lambda: win32file.MoveFileEx(p("moved.txt"), p("b.txt"), 0))
show("MoveFileEx REPLACE", lambda: win32file.MoveFileEx(p("moved.txt"), p("b.txt"), win32con.MOVEFILE_REPLACE_EXISTING))
show("MoveFileEx REPLACE missing", lambda: win32file.MoveFileEx(p("moved.txt"), p("b.txt"), win32con.MOVEFILE_REPLACE_EXISTING))
show("MoveFileEx REPLACE onto dir", lambda: win32file.MoveFileEx(p("b.txt"), p("empty"), win32con.MOVEFILE_REPLACE_EXISTING))
show("MoveFileEx COPY_ALLOWED", lambda: win32file.MoveFileEx(p("b.txt"), p("b2.txt"), win32con.MOVEFILE_COPY_ALLOWED))
show("MoveFileEx WRITE_THROUGH", lambda: win32file.MoveFileEx(p("b2.txt"), p("b.txt"), win32con.MOVEFILE_WRITE_THROUGH))
show("MoveFileEx None dest", lambda: win32file.MoveFileEx(p("copy3.txt"), None, 0))
show("MoveFileEx bad flags", lambda: win32file.MoveFileEx(p("b.txt"), p("b3.txt"), 0x1000))
show("win32api.MoveFileEx", lambda: win32api.MoveFileEx(p("b.txt"), p("b4.txt"), 0))
show("DeleteFile missing", lambda: win32file.DeleteFile(p("missing")))
show("DeleteFile missing dir", lambda: win32file.DeleteFile(p("nodir", "x")))
show("DeleteFile a dir", lambda: win32file.DeleteFile(p("empty")))
show("DeleteFile ''", lambda: win32file.DeleteFile(""))
show("DeleteFile None", lambda: win32file.DeleteFile(None))
show("win32api.DeleteFile", lambda: win32api.DeleteFile(p("b4.txt")))
show("win32api.DeleteFile again", lambda: win32api.DeleteFile(p("b4.txt")))
show("DeleteFile open file", lambda: (lambda h: (win32file.DeleteFile(p("c.dat")), h.Close()))(win32file.CreateFile(p("c.dat"), win32con.GENERIC_READ, win32con.FILE_SHARE_READ, None, win32con.OPEN_EXISTING, 0, None)))
show("DeleteFile open file shared delete", lambda: (lambda h: (win32file.DeleteFile(p("copy4.txt")), h.Close()))(win32file.CreateFile(p("copy4.txt"), win32con.GENERIC_READ, win32con.FILE_SHARE_READ | win32con.FILE_SHARE_DELETE, None, win32con.OPEN_EXISTING, 0, None)))

# --- directories -----------------------------------------------------------------------------
show("CreateDirectory existing", lambda: win32file.CreateDirectory(p("sub"), None))
show("CreateDirectory over a file", lambda: win32file.CreateDirectory(p("a.txt"), None))
show("CreateDirectory missing parent", lambda: win32file.CreateDirectory(p("nodir", "x"), None))
show("CreateDirectory new", lambda: win32file.CreateDirectory(p("new"), None))
show("CreateDirectory 1 arg", lambda: win32file.CreateDirectory(p("new1")))
show("win32api.CreateDirectory", lambda: win32api.CreateDirectory(p("new2"), None) if hasattr(win32api, "CreateDirectory") else "n/a")
show("CreateDirectoryW", lambda: win32file.CreateDirectoryW(p("new3"), None))
show("CreateDirectoryEx", lambda: win32file.CreateDirectoryEx(p("sub"), p("new4"), None))
show("CreateDirectory trailing sep", lambda: win32file.CreateDirectory(p("new5") + SEP, None))
show("CreateDirectory None", lambda: win32file.CreateDirectory(None, None))
show("RemoveDirectory non-empty", lambda: win32file.RemoveDirectory(p("sub")))
show("RemoveDirectory a file", lambda: win32file.RemoveDirectory(p("a.txt")))
show("RemoveDirectory missing", lambda: win32file.RemoveDirectory(p("missing")))
show("RemoveDirectory missing parent", lambda: win32file.RemoveDirectory(p("nodir", "x")))
show("RemoveDirectory new", lambda: win32file.RemoveDirectory(p("new")))
show("RemoveDirectory new again", lambda: win32file.RemoveDirectory(p("new")))
show("RemoveDirectory 2 args", lambda: win32file.RemoveDirectory(p("new1"), None))
show("win32api.RemoveDirectory", lambda: win32api.RemoveDirectory(p("new3")) if hasattr(win32api, "RemoveDirectory") else "n/a")
win32api.SetFileAttributes(p("new5"), win32con.FILE_ATTRIBUTE_READONLY)
show("RemoveDirectory readonly dir", lambda: win32file.RemoveDirectory(p("new5")))

# --- volumes and space -------------------------------------------------------------------------
ROOT = T[:3] if SEP == "\\" else "/"
show("GetDiskFreeSpace shape", lambda: [type(x).__name__ for x in win32api.GetDiskFreeSpace(ROOT)])
show("GetDiskFreeSpace None shape", lambda: len(win32api.GetDiskFreeSpace()))
show("GetDiskFreeSpace dir", lambda: len(win32api.GetDiskFreeSpace(T + SEP)))
show("GetDiskFreeSpace missing", lambda: win32api.GetDiskFreeSpace(p("missing") + SEP))
show("GetDiskFreeSpace file", lambda: win32api.GetDiskFreeSpace(p("a.txt")))
show("GetDiskFreeSpaceEx shape", lambda: [type(x).__name__ for x in win32api.GetDiskFreeSpaceEx(ROOT)])
show("GetDiskFreeSpaceEx ordered", lambda: (lambda r: r[0] <= r[2] and r[1] <= r[1])(win32api.GetDiskFreeSpaceEx(ROOT)))
show("GetDiskFreeSpaceEx dir", lambda: len(win32api.GetDiskFreeSpaceEx(T)))
show("GetDiskFreeSpaceEx missing", lambda: win32api.GetDiskFreeSpaceEx(p("missing")))
show("GetDiskFreeSpaceEx file", lambda: len(win32api.GetDiskFreeSpaceEx(p("a.txt"))))
show("win32file.GetDiskFreeSpaceEx", lambda: len(win32file.GetDiskFreeSpaceEx(ROOT)) if hasattr(win32file, "GetDiskFreeSpaceEx") else "n/a")
show("GetDriveType root", lambda: win32file.GetDriveType(ROOT))
show("GetDriveType dir", lambda: win32file.GetDriveType(T))
show("GetDriveType dir sep", lambda: win32file.GetDriveType(T + SEP))
show("GetDriveType missing", lambda: win32file.GetDriveType(p("missing") + SEP))
show("GetDriveType None", lambda: win32file.GetDriveType(None))
show("GetDriveType ''", lambda: win32file.GetDriveType(""))
show("win32api GetDriveType", lambda: win32api.GetDriveType(ROOT) if hasattr(win32api, "GetDriveType") else "n/a")
show("GetVolumeInformation shape", lambda: [type(x).__name__ for x in win32api.GetVolumeInformation(ROOT)])
show("GetVolumeInformation maxlen", lambda: win32api.GetVolumeInformation(ROOT)[2])
show("GetVolumeInformation dir", lambda: win32api.GetVolumeInformation(T + SEP))
show("GetVolumeInformation missing", lambda: win32api.GetVolumeInformation(p("missing") + SEP))
show("GetVolumeInformation None", lambda: win32api.GetVolumeInformation(None))
show("GetLogicalDrives type", lambda: type(win32api.GetLogicalDrives()).__name__)
show("GetLogicalDriveStrings type", lambda: type(win32api.GetLogicalDriveStrings()).__name__)

# --- temp files and search -------------------------------------------------------------------
show("GetTempPath ends with sep", lambda: win32api.GetTempPath()[-1] in "\\/")
show("GetTempPath is a dir", lambda: os.path.isdir(win32api.GetTempPath()))
show("GetTempFileName 0", lambda: (lambda r: (os.path.basename(r[0])[:3], len(os.path.basename(r[0])), r[1] != 0, os.path.exists(r[0])))(win32api.GetTempFileName(T, "pre")))
show("GetTempFileName 0x1234", lambda: win32api.GetTempFileName(T, "pre", 0x1234))
show("  exists", lambda: os.path.exists(p("pre1234.tmp")))
show("GetTempFileName 0x12345 (low 16 bits)", lambda: win32api.GetTempFileName(T, "pre", 0x12345))
show("GetTempFileName long prefix", lambda: win32api.GetTempFileName(T, "prefix", 0xAB))
show("GetTempFileName '' prefix", lambda: win32api.GetTempFileName(T, "", 0xAC))
show("GetTempFileName missing dir", lambda: win32api.GetTempFileName(p("missing"), "pre", 0))
show("GetTempFileName missing dir unique", lambda: win32api.GetTempFileName(p("missing"), "pre", 5))
show("GetTempFileName 2 args shape", lambda: [type(x).__name__ for x in win32api.GetTempFileName(T, "q")])
show("GetTempFileName None prefix", lambda: win32api.GetTempFileName(T, None, 0xAD))
show("win32file.GetTempFileName", lambda: win32file.GetTempFileName(T, "w", 0xAE) if hasattr(win32file, "GetTempFileName") else "n/a")
show("SearchPath dir a.txt", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(T, "a.txt")))
show("SearchPath dir a + .txt", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(T, "a", ".txt")))
show("SearchPath dir a.txt + .dat", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(T, "a.txt", ".dat")))
show("SearchPath dir missing", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(T, "missing")))
show("SearchPath dir sub", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(T, "sub")))
show("SearchPath dir sub/inner", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(T, "sub" + SEP + "inner.txt")))
show("SearchPath absolute", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(None, p("a.txt"))))
show("SearchPath absolute missing", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(None, p("missing"))))
show("SearchPath None name", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(T, None)))
show("SearchPath multi-dir path", lambda: (lambda r: (norm(r[0]), r[0][r[1]:]))(win32api.SearchPath(p("nodir") + ";" + p("sub"), "inner.txt")))

# --- file times and information ------------------------------------------------------------------
h = win32file.CreateFile(p("a.txt"), win32con.GENERIC_READ | win32con.GENERIC_WRITE, 0, None, win32con.OPEN_EXISTING, 0, None)
show("GetFileTime shape", lambda: [type(x).__name__ for x in win32file.GetFileTime(h)])
t0 = pywintypes.Time(datetime.datetime(2001, 2, 3, 4, 5, 6, tzinfo=datetime.timezone.utc))
t1 = pywintypes.Time(datetime.datetime(2011, 12, 13, 14, 15, 16, 700000, tzinfo=datetime.timezone.utc))
show("SetFileTime all", lambda: win32file.SetFileTime(h, t0, t1, t1))
show("  GetFileTime", lambda: [str(x) for x in win32file.GetFileTime(h)[1:]])
show("SetFileTime None, None, t0", lambda: win32file.SetFileTime(h, None, None, t0))
show("  GetFileTime write", lambda: str(win32file.GetFileTime(h)[2]))
show("SetFileTime naive datetime", lambda: win32file.SetFileTime(h, None, None, datetime.datetime(2005, 1, 1)))
show("  GetFileTime write", lambda: str(win32file.GetFileTime(h)[2]))
show("SetFileTime int", lambda: win32file.SetFileTime(h, None, None, 5))
show("SetFileTime str", lambda: win32file.SetFileTime(h, None, None, "x"))
show("SetFileTime UTCTimes False", lambda: win32file.SetFileTime(h, None, None, t1, False))
show("SetFileTime UTCTimes True", lambda: win32file.SetFileTime(h, None, None, t1, True))
show("  GetFileTime write", lambda: str(win32file.GetFileTime(h)[2]))
show("SetFileTime 1 arg", lambda: win32file.SetFileTime(h))
show("GetFileAttributesEx write time", lambda: str(win32file.GetFileAttributesEx(p("a.txt"))[3]))
show("FindFilesW write time", lambda: str(win32file.FindFilesW(p("a.txt"))[0][3]))
info = win32file.GetFileInformationByHandle(h)
show("GetFileInformationByHandle shape", lambda: [type(x).__name__ for x in info])
show("GetFileInformationByHandle attrs size links", lambda: (info[0], info[5], info[6], info[7]))
show("GetFileInformationByHandle index", lambda: info[8] * 2**32 + info[9] != 0)
for cls in range(0, 26):
    show(f"GetFileInformationByHandleEx {cls}", lambda c=cls: sorted(win32file.GetFileInformationByHandleEx(h, c)) if isinstance(win32file.GetFileInformationByHandleEx(h, c), dict) else type(win32file.GetFileInformationByHandleEx(h, c)).__name__)
show("GetFileInformationByHandleEx standard", lambda: {k: v for k, v in win32file.GetFileInformationByHandleEx(h, win32file.FileStandardInfo).items() if k != "AllocationSize"})
show("GetFileInformationByHandleEx name", lambda: win32file.GetFileInformationByHandleEx(h, win32file.FileNameInfo)[-5:])
show("GetFileInformationByHandleEx basic", lambda: win32file.GetFileInformationByHandleEx(h, win32file.FileBasicInfo)["FileAttributes"])
h.Close()
show("GetFileTime closed", lambda: win32file.GetFileTime(h))
show("SetFileTime closed", lambda: win32file.SetFileTime(h, None, None, t0))
show("GetFileInformationByHandle closed", lambda: win32file.GetFileInformationByHandle(h))
show("GetFileInformationByHandleEx closed", lambda: win32file.GetFileInformationByHandleEx(h, 0))
show("GetFileInformationByHandle None", lambda: win32file.GetFileInformationByHandle(None))
show("GetFileTime int 0", lambda: win32file.GetFileTime(0))
hr = win32file.CreateFile(p("a.txt"), win32con.GENERIC_READ, win32con.FILE_SHARE_READ, None, win32con.OPEN_EXISTING, 0, None)
show("SetFileTime read-only handle", lambda: win32file.SetFileTime(hr, None, None, t0))
show("GetFileInformationByHandle read handle", lambda: win32file.GetFileInformationByHandle(hr)[5:8])
hr.Close()
hd = win32file.CreateFile(p("sub"), win32con.GENERIC_READ, win32con.FILE_SHARE_READ, None, win32con.OPEN_EXISTING, win32con.FILE_FLAG_BACKUP_SEMANTICS, None)
show("GetFileInformationByHandle dir", lambda: (lambda i: (i[0], i[5], i[6]))(win32file.GetFileInformationByHandle(hd)))
show("GetFileTime dir shape", lambda: len(win32file.GetFileTime(hd)))
show("GetFileInformationByHandleEx dir standard", lambda: win32file.GetFileInformationByHandleEx(hd, win32file.FileStandardInfo)["Directory"])
hd.Close()
show("CreateFile dir without backup semantics", lambda: win32file.CreateFile(p("sub"), win32con.GENERIC_READ, 0, None, win32con.OPEN_EXISTING, 0, None))

wipe(T)
os.rmdir(T)
