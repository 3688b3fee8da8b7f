"""Contract: compound files (StgCreateDocfile, StgOpenStorage, PyIStorage) and their modes.

A round trip (storages, streams and the class ID written, the file released, opened again and
read) and the refusals of STGM modes, names and access, with Windows' STG_E_* HRESULTs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import pywintypes
import winerror
from win32com import storagecon as sc

from ._com import com_error_of
from ._wine import wine_differs

if TYPE_CHECKING:
    from pathlib import Path

RW = sc.STGM_READWRITE | sc.STGM_SHARE_EXCLUSIVE
READ = sc.STGM_READ | sc.STGM_SHARE_EXCLUSIVE
CLSID = "{11111111-2222-3333-4444-555555555555}"


@pytest.fixture
def path(tmp_path: Path) -> str:
    return str(tmp_path / "doc.stg")


def make(path: str) -> None:
    stg = pythoncom.StgCreateDocfile(path, RW | sc.STGM_CREATE, 0)
    stream = stg.CreateStream("Contents", RW, 0, 0)
    assert stream.Write(b"hello") == 5
    sub = stg.CreateStorage("Sub", RW, 0, 0)
    inner = sub.CreateStream("Inner", RW, 0, 0)
    inner.Write(b"deep")
    pythoncom.WriteClassStg(stg, CLSID)
    stg.Commit(0)


@wine_differs(
    "Wine's IStorage::Stat leaves the storage's times zero at times, which pywin32 cannot "
    "convert (FileTimeToSystemTime, 87); Windows fills them (one oracle run of two)",
    strict=False,
)
def test_a_compound_file_round_trip(path: str) -> None:
    make(path)
    assert pythoncom.StgIsStorageFile(path)
    stg = pythoncom.StgOpenStorage(path, None, READ, None, 0)
    assert pythoncom.ReadClassStg(stg) == pywintypes.IID(CLSID)
    elements = sorted((e[0], e[1], e[2]) for e in stg.EnumElements())
    assert elements == [("Contents", sc.STGTY_STREAM, 5), ("Sub", sc.STGTY_STORAGE, 0)]
    stream = stg.OpenStream("contents", None, READ, 0)  # names ignore case
    assert stream.Read(100) == b"hello"
    sub = stg.OpenStorage("Sub", None, READ, None, 0)
    assert sub.OpenStream("Inner", None, READ, 0).Read(10) == b"deep"
    assert stg.Stat()[1] == sc.STGTY_STORAGE
    del stream, sub, stg  # Windows keeps an open compound file locked (STG_E_SHAREVIOLATION)
    assert pythoncom.GetClassFile(path) == pywintypes.IID(CLSID)


def test_elements_are_renamed_and_destroyed(path: str) -> None:
    make(path)
    stg = pythoncom.StgOpenStorage(path, None, RW, None, 0)
    stg.RenameElement("Contents", "Renamed")
    stg.DestroyElement("Sub")
    stg.Commit(0)
    del stg
    stg = pythoncom.StgOpenStorage(path, None, READ, None, 0)
    assert [e[0] for e in stg.EnumElements()] == ["Renamed"]
    assert com_error_of(stg.DestroyElement, "Renamed").hresult == winerror.STG_E_ACCESSDENIED


def test_stgm_create_replaces_an_element(path: str) -> None:
    stg = pythoncom.StgCreateDocfile(path, RW | sc.STGM_CREATE, 0)
    stg.CreateStream("S", RW, 0, 0).Write(b"old")
    error = com_error_of(stg.CreateStream, "S", RW, 0, 0)
    assert error.hresult == winerror.STG_E_FILEALREADYEXISTS
    assert stg.CreateStream("S", RW | sc.STGM_CREATE, 0, 0).Read(10) == b""


@pytest.mark.parametrize(
    ("mode", "hresult"),
    [
        (sc.STGM_READWRITE | sc.STGM_CREATE, winerror.STG_E_INVALIDFLAG),  # not exclusive
        (sc.STGM_READWRITE | sc.STGM_SHARE_DENY_WRITE | sc.STGM_CREATE, winerror.STG_E_INVALIDFLAG),
        (READ | sc.STGM_CREATE, winerror.STG_E_INVALIDFLAG),  # no write access
    ],
    ids=["share-deny-none", "share-deny-write", "read-only"],
)
def test_a_direct_compound_file_is_created_exclusive_and_writable(
    path: str, mode: int, hresult: int
) -> None:
    assert com_error_of(pythoncom.StgCreateDocfile, path, mode, 0).hresult == hresult


def test_an_existing_file_is_kept_without_stgm_create(path: str) -> None:
    make(path)
    error = com_error_of(pythoncom.StgCreateDocfile, path, RW, 0)
    assert error.hresult == winerror.STG_E_FILEALREADYEXISTS


def test_a_transacted_compound_file_may_share(path: str) -> None:
    mode = sc.STGM_TRANSACTED | sc.STGM_SHARE_DENY_WRITE | sc.STGM_READWRITE | sc.STGM_CREATE
    stg = pythoncom.StgCreateDocfile(path, mode, 0)
    stg.CreateStream("S", RW, 0, 0).Write(b"kept")
    stg.Commit(0)
    del stg
    stg = pythoncom.StgOpenStorage(path, None, READ, None, 0)
    assert stg.OpenStream("S", None, READ, 0).Read(10) == b"kept"


def test_elements_are_opened_exclusive(path: str) -> None:
    make(path)
    stg = pythoncom.StgOpenStorage(path, None, RW, None, 0)
    error = com_error_of(stg.OpenStream, "Contents", None, sc.STGM_READ, 0)
    assert error.hresult == winerror.STG_E_INVALIDFLAG
    error = com_error_of(stg.CreateStream, "New", sc.STGM_READWRITE, 0, 0)
    assert error.hresult == winerror.STG_E_INVALIDFLAG


def test_missing_elements_and_bad_names(path: str) -> None:
    make(path)
    stg = pythoncom.StgOpenStorage(path, None, RW, None, 0)
    error = com_error_of(stg.OpenStream, "Nope", None, READ, 0)
    assert error.hresult == winerror.STG_E_FILENOTFOUND
    error = com_error_of(stg.OpenStorage, "Contents", None, READ, None, 0)  # a stream
    assert error.hresult == winerror.STG_E_FILENOTFOUND
    assert com_error_of(stg.DestroyElement, "Nope").hresult == winerror.STG_E_FILENOTFOUND
    error = com_error_of(stg.CreateStream, "x" * 32, RW, 0, 0)  # 31 characters at most
    assert error.hresult == winerror.STG_E_INVALIDNAME


def test_a_read_only_storage_refuses_writing(path: str) -> None:
    make(path)
    stg = pythoncom.StgOpenStorage(path, None, READ, None, 0)
    error = com_error_of(stg.CreateStream, "New", RW, 0, 0)
    assert error.hresult == winerror.STG_E_ACCESSDENIED
    stream = stg.OpenStream("Contents", None, READ, 0)
    assert com_error_of(stream.Write, b"x").hresult == winerror.STG_E_ACCESSDENIED


def test_opening_a_missing_file_fails(tmp_path: Path) -> None:
    error = com_error_of(pythoncom.StgOpenStorage, str(tmp_path / "none.stg"), None, READ, None, 0)
    assert error.hresult == winerror.STG_E_FILENOTFOUND


def test_storage_objects_are_istorage(path: str) -> None:
    stg: Any = pythoncom.StgCreateDocfile(path, RW | sc.STGM_CREATE, 0)
    assert stg.QueryInterface(pythoncom.IID_IStorage) is not None
    assert type(stg).__name__ == "PyIStorage"


def test_a_compound_file_in_an_ilockbytes(path: str) -> None:
    lock_bytes = pythoncom.CreateILockBytesOnHGlobal(None, True)
    stg = pythoncom.StgCreateDocfileOnILockBytes(lock_bytes, RW | sc.STGM_CREATE, 0)
    stg.CreateStream("S", RW, 0, 0).Write(b"in memory")
    stg.Commit(0)
    del stg
    again = pythoncom.StgOpenStorageOnILockBytes(lock_bytes, None, READ, None, 0)
    assert again.OpenStream("S", None, READ, 0).Read(20) == b"in memory"
    error = com_error_of(
        pythoncom.StgCreateDocfileOnILockBytes,
        pythoncom.CreateILockBytesOnHGlobal(None, True),
        sc.STGM_READWRITE | sc.STGM_CREATE,
        0,
    )
    assert error.hresult == winerror.STG_E_INVALIDFLAG
