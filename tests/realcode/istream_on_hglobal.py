"""Bytes kept in COM streams and a compound file: CreateStreamOnHGlobal and StgCreateDocfile.

Source: public GitHub scripts that serialize through ``IStream`` (search
"pythoncom.CreateStreamOnHGlobal Write Seek STREAM_SEEK_SET Read", "StgCreateDocfile
CreateStream STGM_CREATE STGM_READWRITE STGM_SHARE_EXCLUSIVE"), rewritten with their calls and
their order: a stream on global memory written, ``Seek`` back, ``Read``, ``Stat`` for the size,
``SetSize``; then a docfile in a temp folder with a stream and a sub-storage, ``Commit``,
reopened with ``StgOpenStorage`` and listed with ``EnumElements``.
"""

import os
import tempfile

import pythoncom
import pywintypes
import win32com.storagecon as sc


def main():
    stream = pythoncom.CreateStreamOnHGlobal()
    print("write returns:", stream.Write(b"hello, stream"))
    print("seek to 7:", stream.Seek(7, pythoncom.STREAM_SEEK_SET))
    print("read:", stream.Read(100))
    print("seek end:", stream.Seek(0, pythoncom.STREAM_SEEK_END))
    stat = stream.Stat()
    print("stat size:", stat[2], "type:", stat[1])
    stream.SetSize(5)
    stream.Seek(0, pythoncom.STREAM_SEEK_SET)
    print("after SetSize(5):", stream.Read(100))
    print("read at end:", stream.Read(10))

    path = os.path.join(tempfile.mkdtemp(), "doc.stg")
    mode = sc.STGM_CREATE | sc.STGM_READWRITE | sc.STGM_SHARE_EXCLUSIVE
    stg = pythoncom.StgCreateDocfile(path, mode, 0)
    s1 = stg.CreateStream("Contents", mode, 0, 0)
    s1.Write(b"x" * 1000)
    s1 = None
    sub = stg.CreateStorage("Sub", mode, 0, 0)
    sub.CreateStream("Inner", mode, 0, 0).Write(b"inner")
    sub.Commit(0)
    sub = None
    stg.Commit(0)
    stg = None
    print("docfile check:", pythoncom.StgIsStorageFile(path))
    stg = pythoncom.StgOpenStorage(path, None, sc.STGM_READ | sc.STGM_SHARE_EXCLUSIVE, None, 0)
    names = sorted((e[0], e[1], e[2]) for e in stg.EnumElements(0, None, 0))
    print("elements:", names)
    s1 = stg.OpenStream("Contents", None, sc.STGM_READ | sc.STGM_SHARE_EXCLUSIVE, 0)
    print("contents length:", len(s1.Read(5000)))
    try:
        stg.OpenStream("Missing", None, sc.STGM_READ | sc.STGM_SHARE_EXCLUSIVE, 0)
    except pywintypes.com_error as exc:
        print("missing stream:", exc.hresult)
    inner = stg.OpenStorage("Sub", None, sc.STGM_READ | sc.STGM_SHARE_EXCLUSIVE, None, 0)
    print(
        "inner:",
        inner.OpenStream("Inner", None, sc.STGM_READ | sc.STGM_SHARE_EXCLUSIVE, 0).Read(100),
    )


main()
