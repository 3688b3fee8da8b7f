"""Contract: a file's property sets (StgOpenStorageEx with STGFMT_FILE), property set names,
class IDs in streams (WriteClassStm, ReadClassStm, OleSaveToStream, OleLoadFromStream) and the
free-threaded marshaler, as pywin32 gives them."""

from __future__ import annotations

import os
import tempfile
import threading
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32com.client
import winerror
from win32com import storagecon
from win32com.server.util import unwrap, wrap

from ._wine import ON_THE_ORACLE, wine_differs

RW = storagecon.STGM_READWRITE | storagecon.STGM_SHARE_EXCLUSIVE
READ = storagecon.STGM_READ | storagecon.STGM_SHARE_EXCLUSIVE
CREATE = RW | storagecon.STGM_CREATE


@pytest.fixture
def plain_file() -> str:
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "plain.txt")
    with open(path, "w") as file:
        file.write("body")
    return path


def _sets(path: str, mode: int = RW) -> Any:
    return pythoncom.StgOpenStorageEx(
        path, mode, storagecon.STGFMT_FILE, 0, pythoncom.IID_IPropertySetStorage
    )


def test_storagecon_values() -> None:
    assert (storagecon.STGFMT_FILE, storagecon.STGFMT_DOCFILE, storagecon.STGFMT_ANY) == (3, 5, 4)
    assert (storagecon.PIDSI_AUTHOR, storagecon.PIDSI_COMMENTS, storagecon.PIDSI_TITLE) == (4, 6, 2)
    assert (storagecon.STGM_SHARE_EXCLUSIVE, storagecon.STGM_CREATE) == (0x10, 0x1000)


@wine_differs("Wine has no NTFS property sets: StgOpenStorageEx(STGFMT_FILE) fails there")
def test_a_files_property_sets_are_written_and_read_back(plain_file: str) -> None:
    sets = _sets(plain_file)
    assert type(sets).__name__ == "PyIPropertySetStorage"
    summary = sets.Create(pythoncom.FMTID_SummaryInformation, pythoncom.IID_NULL, 0, CREATE)
    assert type(summary).__name__ == "PyIPropertyStorage"
    summary.WriteMultiple((storagecon.PIDSI_TITLE, storagecon.PIDSI_AUTHOR, 10), ("t", "me", 5))
    assert summary.ReadMultiple((2, 4, 10, 99)) == ("t", "me", 5, None)
    assert sorted(summary) == [(None, 2, pythoncom.VT_BSTR), (None, 4, pythoncom.VT_BSTR),
                               (None, 10, pythoncom.VT_I4)]  # fmt: skip
    stat = summary.Stat()
    assert stat[0] == pythoncom.FMTID_SummaryInformation
    assert len(stat) == 6
    summary = None
    sets = None
    again = _sets(plain_file, READ)
    fmtids = [stat[0] for stat in again]
    assert fmtids == [pythoncom.FMTID_SummaryInformation]
    reread = again.Open(pythoncom.FMTID_SummaryInformation, READ)
    assert reread.ReadMultiple((4,)) == ("me",)
    error = _error_of(reread.WriteMultiple, (4,), ("you",))
    assert error == winerror.STG_E_ACCESSDENIED
    with open(plain_file) as file:
        assert file.read() == "body"


@wine_differs("Wine has no NTFS property sets: StgOpenStorageEx(STGFMT_FILE) fails there")
def test_named_user_defined_properties_live_in_the_document_summary(plain_file: str) -> None:
    sets = _sets(plain_file)
    user = sets.Create(pythoncom.FMTID_UserDefinedProperties, pythoncom.IID_NULL, 0, CREATE)
    user.WriteMultiple((3, 4), ("hey", "bubba"))
    user.WritePropertyNames((3, 4), ("property3", "property4"))
    assert user.ReadPropertyNames((3, 4, 5)) == ("property3", "property4", None)
    user = None
    assert [stat[0] for stat in sets] == [pythoncom.FMTID_DocSummaryInformation]
    user = sets.Open(pythoncom.FMTID_UserDefinedProperties, READ)
    assert sorted(user) == [
        ("property3", 3, pythoncom.VT_BSTR),
        ("property4", 4, pythoncom.VT_BSTR),
    ]


@wine_differs("Wine has no NTFS property sets: StgOpenStorageEx(STGFMT_FILE) fails there")
def test_property_set_errors(plain_file: str) -> None:
    sets = _sets(plain_file)
    assert _error_of(sets.Open, pythoncom.FMTID_SummaryInformation, READ) == (
        winerror.STG_E_FILENOTFOUND
    )
    assert _error_of(
        sets.Create, pythoncom.IID_IDispatch, pythoncom.IID_NULL, 0, storagecon.STGM_READWRITE
    ) == (winerror.STG_E_INVALIDFLAG)
    sets.Create(pythoncom.IID_IDispatch, pythoncom.IID_NULL, 0, CREATE)
    assert _error_of(sets.Create, pythoncom.IID_IDispatch, pythoncom.IID_NULL, 0, RW) == (
        winerror.STG_E_FILEALREADYEXISTS
    )
    sets.Delete(pythoncom.IID_IDispatch)
    assert _error_of(sets.Delete, pythoncom.IID_IDispatch) == winerror.STG_E_FILENOTFOUND
    missing = os.path.join(os.path.dirname(plain_file), "missing")
    assert _error_of(_sets, missing) == winerror.STG_E_FILENOTFOUND


def _error_of(fn: Any, *args: Any) -> int:
    with pytest.raises(pythoncom.com_error) as caught:
        fn(*args)
    hresult: int = caught.value.hresult
    return hresult


def test_property_set_stream_names() -> None:
    assert pythoncom.FmtIdToPropStgName(pythoncom.FMTID_SummaryInformation) == (
        "\x05SummaryInformation"
    )
    assert pythoncom.FmtIdToPropStgName(pythoncom.FMTID_UserDefinedProperties) == (
        "\x05DocumentSummaryInformation"
    )
    name = pythoncom.FmtIdToPropStgName(pythoncom.IID_IDispatch)
    assert name == "\x05AabeaaaaAaaaaadaAaaaaaaaGc"
    assert pythoncom.PropStgNameToFmtId(name) == pythoncom.IID_IDispatch
    assert pythoncom.PropStgNameToFmtId("\x05DocumentSummaryInformation") == (
        pythoncom.FMTID_DocSummaryInformation
    )
    assert _error_of(pythoncom.PropStgNameToFmtId, "abc") == winerror.STG_E_INVALIDNAME


def test_a_class_id_in_a_stream() -> None:
    stream = pythoncom.CreateStreamOnHGlobal()
    pythoncom.WriteClassStm(stream, pythoncom.IID_IDispatch)
    assert stream.Seek(0, pythoncom.STREAM_SEEK_CUR) == 16
    stream.Seek(0, pythoncom.STREAM_SEEK_SET)
    assert pythoncom.ReadClassStm(stream) == pythoncom.IID_IDispatch
    assert _error_of(pythoncom.ReadClassStm, stream) == winerror.STG_E_READFAULT


SAVED_CLSID = "{6C1B3F0A-5C1E-4E55-9B8F-19A19C0C0E09}"


class Saved:
    _public_methods_ = ["GetClassID", "Save", "Load", "IsDirty", "GetSizeMax"]
    _com_interfaces_ = [pythoncom.IID_IPersistStream]

    def GetClassID(self) -> Any:  # noqa: N802
        return pywintypes.IID(SAVED_CLSID)

    def Save(self, stream: Any, clear_dirty: Any) -> None:  # noqa: N802
        stream.Write(b"state")

    def Load(self, stream: Any) -> None:  # noqa: N802
        pass

    def IsDirty(self) -> int:  # noqa: N802
        return 0

    def GetSizeMax(self) -> int:  # noqa: N802
        return 5


def test_ole_save_to_stream_writes_the_class_then_the_object() -> None:
    stream = pythoncom.CreateStreamOnHGlobal()
    pythoncom.OleSaveToStream(wrap(Saved(), pythoncom.IID_IPersistStream), stream)
    stream.Seek(0, pythoncom.STREAM_SEEK_SET)
    assert pythoncom.ReadClassStm(stream) == pywintypes.IID(
        "{6C1B3F0A-5C1E-4E55-9B8F-19A19C0C0E09}"
    )
    assert stream.Read(100) == b"state"
    stream.Seek(0, pythoncom.STREAM_SEEK_SET)
    # The class is not registered: OleLoadFromStream cannot create it.
    assert _error_of(pythoncom.OleLoadFromStream, stream, pythoncom.IID_IUnknown) == (
        winerror.REGDB_E_CLASSNOTREG
    )
    empty = pythoncom.CreateStreamOnHGlobal()
    assert _error_of(pythoncom.OleLoadFromStream, empty, pythoncom.IID_IUnknown) == (
        winerror.STG_E_READFAULT
    )


class Agile:
    _public_methods_ = ["Thread"]

    def __init__(self, free_threaded: bool) -> None:
        self.free_threaded = free_threaded
        self.ftm: Any = None

    def _query_interface_(self, iid: Any) -> Any:
        if self.free_threaded and iid == pythoncom.IID_IMarshal:
            return self.ftm
        return 0

    def Thread(self) -> int:  # noqa: N802
        return int(win32api.GetCurrentThreadId())


def test_the_free_threaded_marshaler_is_an_unknown() -> None:
    ob = wrap(Agile(False))
    ftm = pythoncom.CoCreateFreeThreadedMarshaler(ob)
    assert type(ftm).__name__ == "PyIUnknown"
    with pytest.raises(TypeError):
        ftm.QueryInterface(pythoncom.IID_IMarshal)  # pywin32 has no PyIMarshal
    with pytest.raises(TypeError, match="None is not a valid interface object"):
        pythoncom.CoCreateFreeThreadedMarshaler(None)


@pytest.mark.skipif(
    ON_THE_ORACLE,
    reason="a pywin32 server aggregating the FTM makes Wine's process fault (read of -1)",
)
@pytest.mark.parametrize("free_threaded", [True, False])
def test_an_object_aggregating_the_ftm_is_itself_in_every_apartment(free_threaded: bool) -> None:
    impl = Agile(free_threaded)
    ob = wrap(impl, useDispatcher=False)
    impl.ftm = pythoncom.CoCreateFreeThreadedMarshaler(ob)
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, ob)
    seen: dict[str, Any] = {}

    def other() -> None:
        pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
        try:
            pointer = pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
            client = win32com.client.Dispatch(pointer)
            seen["ran_here"] = client.Thread() == win32api.GetCurrentThreadId()
            try:
                seen["itself"] = unwrap(pointer) is impl
            except ValueError:
                seen["itself"] = False
        finally:
            pythoncom.CoUninitialize()

    thread = threading.Thread(target=other)
    thread.start()
    while thread.is_alive():  # the STA serves the call of a proxy
        pythoncom.PumpWaitingMessages()
        thread.join(0.01)
    assert seen == {"ran_here": free_threaded, "itself": free_threaded}


def test_storage_file_tests(plain_file: str) -> None:
    assert pythoncom.StgIsStorageFile(plain_file) == 0
    missing = os.path.join(os.path.dirname(plain_file), "missing")
    assert _error_of(pythoncom.StgIsStorageFile, missing) == winerror.STG_E_FILENOTFOUND


@wine_differs("Wine's GetClassFile looks at a missing file's extension: MK_E_INVALIDEXTENSION")
def test_the_class_of_a_missing_file(plain_file: str) -> None:
    missing = os.path.join(os.path.dirname(plain_file), "missing")
    assert _error_of(pythoncom.GetClassFile, missing) == winerror.MK_E_CANTOPENFILE


@wine_differs("Wine has no NTFS property sets: StgOpenStorageEx(STGFMT_FILE) fails there")
def test_create_storage_ex_makes_a_file_with_property_sets(plain_file: str) -> None:
    path = os.path.join(os.path.dirname(plain_file), "new.props")
    sets = pythoncom.StgCreateStorageEx(
        path, RW, storagecon.STGFMT_FILE, 0, pythoncom.IID_IPropertySetStorage
    )
    assert type(sets).__name__ == "PyIPropertySetStorage"
    assert os.path.exists(path)
    sets = None
    again = _error_of(
        pythoncom.StgCreateStorageEx,
        path, RW, storagecon.STGFMT_FILE, 0, pythoncom.IID_IPropertySetStorage,
    )  # fmt: skip
    assert again == winerror.STG_E_FILEALREADYEXISTS


def test_a_memory_ilockbytes() -> None:
    lock_bytes = pythoncom.CreateILockBytesOnHGlobal(None, True)
    assert type(lock_bytes).__name__ == "PyILockBytes"
    assert lock_bytes.WriteAt(3, b"abc") == 3
    assert lock_bytes.ReadAt(3, 3) == b"abc"  # what the gap before holds is not defined
    assert _error_of(lock_bytes.ReadAt, 0, 10) == winerror.STG_E_READFAULT  # it ends first
    lock_bytes.SetSize(4)
    assert lock_bytes.ReadAt(3, 1) == b"a"
    with pytest.raises(TypeError):
        lock_bytes.Stat()  # pywin32 wants the flags
    stat = lock_bytes.Stat(0)  # STATFLAG_DEFAULT
    assert (stat[0], stat[1], stat[2]) == (None, storagecon.STGTY_LOCKBYTES, 4)
    lock_bytes.Flush()
    assert _error_of(lock_bytes.LockRegion, 0, 1, storagecon.LOCK_EXCLUSIVE) == (
        winerror.STG_E_INVALIDFUNCTION
    )
