"""A compound file as a little file system: nested storages, streams, a walk, a copy, renames.

Source: the structured-storage examples of pywin32 users (``pythoncom.StgCreateDocfile``,
``stg.CreateStorage``/``CreateStream``, ``stream.Write``, ``stg.EnumElements()`` yielding
``STATSTG`` tuples, a recursive dump that opens each child with ``OpenStorage``/``OpenStream``,
``CopyTo`` into a second file, ``RenameElement``, ``DestroyElement``, ``SetClass`` and
``ReadClassStg``), rewritten as one program: the tree is built, walked, copied, changed in the
copy and walked again; the errors of opening a missing element (STG_E_FILENOTFOUND), creating
one that exists (STG_E_FILEALREADYEXISTS) and writing a stream opened to read
(STG_E_ACCESSDENIED).
"""

import os
import tempfile

import pythoncom
import pywintypes
from win32com import storagecon

RW = storagecon.STGM_READWRITE | storagecon.STGM_SHARE_EXCLUSIVE
CREATE = RW | storagecon.STGM_CREATE
READ = storagecon.STGM_READ | storagecon.STGM_SHARE_EXCLUSIVE
KINDS = {storagecon.STGTY_STORAGE: "storage", storagecon.STGTY_STREAM: "stream"}
CLSID_REPORT = pywintypes.IID("{EB2CD768-0DAE-42C4-B27C-CB96CA361171}")


def walk(stg, indent=""):
    for stat in sorted(stg.EnumElements(), key=lambda s: s[0]):
        name, kind, size = stat[0], stat[1], stat[2]
        if kind == storagecon.STGTY_STORAGE:
            print(f"{indent}{name}/ ({KINDS[kind]})")
            walk(stg.OpenStorage(name, None, READ, None, 0), indent + "  ")
        else:
            stream = stg.OpenStream(name, None, READ, 0)
            print(f"{indent}{name} ({KINDS[kind]}, {size} bytes): {stream.Read(size)!r}")


def build(path):
    root = pythoncom.StgCreateDocfile(path, CREATE, 0)
    root.SetClass(CLSID_REPORT)
    stream = root.CreateStream("Contents", CREATE, 0, 0)
    stream.Write(b"title=Report")
    chapters = root.CreateStorage("Chapters", CREATE, 0, 0)
    for number, text in ((1, b"It begins."), (2, b"It goes on.")):
        chapter = chapters.CreateStream(f"Chapter{number}", CREATE, 0, 0)
        chapter.Write(text)
        chapter = None
    images = chapters.CreateStorage("Images", CREATE, 0, 0)
    images.CreateStream("cover.png", CREATE, 0, 0).Write(b"\x89PNG")
    images = chapters = stream = None
    root.Commit(storagecon.STGC_DEFAULT)
    return root


def main():
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "report.stg")
    root = build(path)
    root = None
    print("is storage:", pythoncom.StgIsStorageFile(path))
    root = pythoncom.StgOpenStorage(path, None, READ, None, 0)
    print("class:", pythoncom.ReadClassStg(root) == CLSID_REPORT)
    walk(root)
    copy_path = os.path.join(folder, "copy.stg")
    copy = pythoncom.StgCreateDocfile(copy_path, CREATE, 0)
    root.CopyTo(None, None, copy)
    root = None
    copy.RenameElement("Contents", "Summary")
    chapters = copy.OpenStorage("Chapters", None, RW, None, 0)
    chapters.DestroyElement("Chapter1")
    chapters = None
    try:
        copy.OpenStream("Contents", None, READ, 0)
    except pythoncom.com_error as error:
        print("renamed away:", error.hresult)
    try:
        copy.CreateStorage("Chapters", RW, 0, 0)
    except pythoncom.com_error as error:
        print("exists:", error.hresult)
    summary = copy.OpenStream("Summary", None, READ, 0)
    try:
        summary.Write(b"x")
    except pythoncom.com_error as error:
        print("read-only stream:", error.hresult)
    summary = None
    copy.Commit(storagecon.STGC_DEFAULT)
    copy = None
    print("copy:")
    walk(pythoncom.StgOpenStorage(copy_path, None, READ, None, 0), "  ")
    print("done")


if __name__ == "__main__":
    main()
