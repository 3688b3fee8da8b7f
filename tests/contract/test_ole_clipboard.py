"""Contract: OLE's clipboard (OleSetClipboard...), IDataObject, IEnumFORMATETC and STGMEDIUM.

MS: OleInitialize, OleSetClipboard, OleGetClipboard, OleFlushClipboard, OleIsCurrentClipboard,
IDataObject, FORMATETC, STGMEDIUM; Wine's dlls/ole32/tests/clipboard.c (test_set_clipboard,
test_flushed_getdata, test_nonole_clipboard, test_getdatahere), which pass on Windows; and
pywin32's PySTGMEDIUM (a bytes or str put in an HGLOBAL gets its terminating NUL).
"""

import contextlib
import gc
import threading
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
import pythoncom
import win32clipboard as cb
import win32gui
import winerror
from win32com.server.exception import COMException
from win32com.server.util import NewEnum, wrap

from ._com import com_error_of, run_pumping
from ._wine import wine_differs

CF_TEXT, CF_BITMAP, CF_DIB, CF_OEMTEXT, CF_UNICODETEXT, CF_HDROP, CF_LOCALE = 1, 2, 8, 7, 13, 15, 16
CONTENT, HGLOBAL, ISTREAM, GDI = 1, 1, 4, 16
IID_DATA = pythoncom.IID_IDataObject


def fe(cf: int, aspect: int = CONTENT, index: int = -1, tymed: int = HGLOBAL) -> tuple[Any, ...]:
    return (cf, None, aspect, index, tymed)


class DataObject:
    """A Python IDataObject offering CF_TEXT and CF_UNICODETEXT in memory."""

    _com_interfaces_ = [pythoncom.IID_IDataObject]
    _public_methods_ = ["GetData", "QueryGetData", "EnumFormatEtc", "GetDataHere", "SetData"]

    def __init__(self, text: bytes = b"Hello from Python", enum_error: int = 0) -> None:
        self.text = text
        self.enum_error = enum_error
        self.calls: list[tuple[int, int]] = []
        self.formats = [fe(CF_TEXT), fe(CF_UNICODETEXT)]

    def GetData(self, fmt: Any) -> Any:  # noqa: N802
        cf, _, _, _, tymed = fmt
        self.calls.append((cf, tymed))
        medium = pythoncom.STGMEDIUM()
        if cf == CF_TEXT and tymed & HGLOBAL:
            medium.set(pythoncom.TYMED_HGLOBAL, self.text)
        elif cf == CF_UNICODETEXT and tymed & HGLOBAL:
            medium.set(pythoncom.TYMED_HGLOBAL, self.text.decode("latin-1"))
        else:
            raise COMException(hresult=winerror.DV_E_FORMATETC)
        return medium

    def QueryGetData(self, fmt: Any) -> None:  # noqa: N802
        if fmt[0] not in (CF_TEXT, CF_UNICODETEXT):
            raise COMException(hresult=winerror.DV_E_FORMATETC)

    def EnumFormatEtc(self, direction: int) -> Any:  # noqa: N802
        if self.enum_error:
            raise COMException(hresult=self.enum_error)
        return NewEnum(self.formats, iid=pythoncom.IID_IEnumFORMATETC)

    def GetDataHere(self, fmt: Any) -> Any:  # noqa: N802
        raise COMException(hresult=winerror.E_NOTIMPL)

    def SetData(self, fmt: Any, medium: Any, release: int) -> None:  # noqa: N802
        self.text = medium.data


def wrapped(obj: object) -> Any:
    return wrap(obj, iid=pythoncom.IID_IDataObject, useDispatcher=0)


def _empty() -> None:
    cb.OpenClipboard()
    cb.EmptyClipboard()
    cb.CloseClipboard()


@pytest.fixture(autouse=True)
def ole() -> Iterator[None]:
    """Each test runs with OLE initialized and starts and ends with the clipboard empty."""
    pythoncom.OleInitialize()
    _empty()
    yield
    with contextlib.suppress(pythoncom.com_error):
        pythoncom.OleSetClipboard(None)
    _empty()


def _win32_text() -> None:
    cb.OpenClipboard()
    cb.EmptyClipboard()
    cb.SetClipboardData(CF_TEXT, b"Hello again!")
    cb.SetClipboardData(cb.RegisterClipboardFormat("Contract Fmt"), b"mine")
    cb.CloseClipboard()


def _code(fn: Any, *args: Any) -> int:
    code: int = com_error_of(fn, *args).hresult
    return code


# -- STGMEDIUM -------------------------------------------------------------------------------


def test_stgmedium_is_empty_until_set() -> None:
    medium = pythoncom.STGMEDIUM()
    assert type(medium).__name__ == "PySTGMEDIUM"
    assert medium.tymed == pythoncom.TYMED_NULL == 0
    with pytest.raises(ValueError, match="no data"):
        medium.data  # noqa: B018
    with pytest.raises(ValueError, match="no data"):
        medium.data_handle  # noqa: B018
    with pytest.raises(TypeError):
        pythoncom.STGMEDIUM(1)


def test_stgmedium_hglobal_keeps_bytes_with_a_nul_and_str_as_utf16() -> None:
    medium = pythoncom.STGMEDIUM()
    medium.set(pythoncom.TYMED_HGLOBAL, b"abc")
    assert (medium.tymed, medium.data) == (1, b"abc\0")
    assert isinstance(medium.data_handle, int) and medium.data_handle
    medium.set(pythoncom.TYMED_HGLOBAL, "ab")
    assert medium.data == b"a\0b\0\0\0"
    medium.set(pythoncom.TYMED_HGLOBAL, bytearray(b"xy"))
    assert medium.data == b"xy"
    medium.set(pythoncom.TYMED_HGLOBAL, b"")
    assert medium.data == b"\0"


def test_stgmedium_other_mediums() -> None:
    medium = pythoncom.STGMEDIUM()
    medium.set(pythoncom.TYMED_FILE, "c:\\x.txt")
    assert (medium.tymed, medium.data) == (2, "c:\\x.txt")
    medium.set(pythoncom.TYMED_GDI, 5)
    assert (medium.tymed, medium.data) == (16, 5)
    stream = pythoncom.CreateStreamOnHGlobal()
    medium.set(pythoncom.TYMED_ISTREAM, stream)
    assert type(medium.data).__name__ == "PyIStream"


def test_stgmedium_bad_input() -> None:
    medium = pythoncom.STGMEDIUM()
    medium.set(pythoncom.TYMED_HGLOBAL, b"x")
    with pytest.raises(TypeError, match="requires a string/unicode/buffer"):
        medium.set(pythoncom.TYMED_HGLOBAL, 5)
    assert medium.tymed == 0  # the old data went first
    with pytest.raises(ValueError, match="Unknown tymed value '99'"):
        medium.set(99, b"x")
    with pytest.raises(ValueError, match="Unknown tymed value '0'"):
        medium.set(0, b"x")
    with pytest.raises(TypeError, match="None is not a valid interface object"):
        medium.set(pythoncom.TYMED_ISTREAM, None)
    with pytest.raises(TypeError):
        medium.set(1)
    with pytest.raises(AttributeError):
        medium.tymed = 1


def test_constants() -> None:
    tymeds = ("NULL", "HGLOBAL", "FILE", "ISTREAM", "ISTORAGE", "GDI", "MFPICT", "ENHMF")
    assert [getattr(pythoncom, f"TYMED_{n}") for n in tymeds] == [0, 1, 2, 4, 8, 16, 32, 64]
    aspects = ("CONTENT", "THUMBNAIL", "ICON", "DOCPRINT")
    assert [getattr(pythoncom, f"DVASPECT_{n}") for n in aspects] == [1, 2, 4, 8]
    assert (pythoncom.DATADIR_GET, pythoncom.DATADIR_SET) == (1, 2)
    assert str(pythoncom.IID_IDataObject) == "{0000010E-0000-0000-C000-000000000046}"
    assert str(pythoncom.IID_IEnumFORMATETC) == "{00000103-0000-0000-C000-000000000046}"
    assert pythoncom.TypeIIDs[pythoncom.IID_IDataObject].__name__ == "PyIDataObject"
    assert pythoncom.TypeIIDs[pythoncom.IID_IEnumFORMATETC].__name__ == "PyIEnumFORMATETC"
    assert (winerror.CLIPBRD_E_CANT_OPEN, winerror.DV_E_FORMATETC) == (-2147221040, -2147221404)
    assert (winerror.DV_E_TYMED, winerror.DV_E_CLIPFORMAT) == (-2147221399, -2147221398)
    assert (winerror.OLE_E_NOTRUNNING, winerror.DATA_S_SAMEFORMATETC) == (-2147221499, 0x40130)


# -- OleInitialize and the functions' bad input ----------------------------------------------


def _on_thread(body: Any) -> Any:
    box: list[Any] = []
    thread = threading.Thread(target=lambda: box.append(body()))
    thread.start()
    thread.join(30)
    return box[0]


def test_ole_initialize_needs_an_sta() -> None:
    def in_mta() -> int:
        pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
        try:
            return _code(pythoncom.OleInitialize)
        finally:
            pythoncom.CoUninitialize()

    assert _on_thread(in_mta) == winerror.RPC_E_CHANGED_MODE
    with pytest.raises(TypeError):
        pythoncom.OleInitialize(0)


def test_set_clipboard_needs_ole_initialize() -> None:
    def uninitialized() -> tuple[int, int]:
        first = _code(pythoncom.OleSetClipboard, None)
        pythoncom.CoInitialize()  # COM alone is not OLE
        try:
            return first, _code(pythoncom.OleSetClipboard, None)
        finally:
            pythoncom.CoUninitialize()

    assert _on_thread(uninitialized) == (winerror.CO_E_NOTINITIALIZED,) * 2
    assert _on_thread(lambda: _code(pythoncom.OleFlushClipboard)) == winerror.E_FAIL
    # the clipboard's data object can be had anywhere
    assert _on_thread(lambda: type(pythoncom.OleGetClipboard()).__name__) == "PyIDataObject"


def test_functions_bad_input() -> None:
    with pytest.raises(TypeError, match="None is not a valid interface object"):
        pythoncom.OleIsCurrentClipboard(None)
    with pytest.raises(ValueError, match="not a COM object"):
        pythoncom.OleIsCurrentClipboard(5)
    with pytest.raises(ValueError, match="not a COM object"):
        pythoncom.OleSetClipboard(5)
    assert pythoncom.OleFlushClipboard() is None  # nothing set: nothing to do


# -- OleGetClipboard over Win32 data ---------------------------------------------------------


def test_get_clipboard_reads_win32_data() -> None:
    _win32_text()
    do = pythoncom.OleGetClipboard()
    assert type(do).__name__ == "PyIDataObject"
    assert not pythoncom.OleIsCurrentClipboard(do)
    medium = do.GetData(fe(CF_TEXT))
    assert (medium.tymed, medium.data) == (HGLOBAL, b"Hello again!\0")
    assert do.GetData(fe(CF_TEXT, tymed=HGLOBAL | ISTREAM)).tymed == HGLOBAL
    stream = do.GetData(fe(CF_TEXT, tymed=ISTREAM)).data
    assert type(stream).__name__ == "PyIStream"
    assert stream.Read(100) == b"Hello again!\0"
    unicode = do.GetData(fe(CF_UNICODETEXT)).data  # synthesized
    assert unicode == "Hello again!\0".encode("utf-16-le")
    assert do.GetData(fe(cb.RegisterClipboardFormat("Contract Fmt"))).data == b"mine"
    assert do.GetData(fe(CF_TEXT, aspect=4)).data == b"Hello again!\0"  # the aspect is not read


def test_get_clipboard_getdata_errors() -> None:
    _win32_text()
    do = pythoncom.OleGetClipboard()
    assert _code(do.GetData, fe(CF_TEXT, tymed=GDI)) == winerror.DV_E_TYMED
    assert _code(do.GetData, fe(CF_TEXT, tymed=0)) == winerror.DV_E_TYMED
    assert _code(do.GetData, fe(CF_TEXT, index=0)) == winerror.DV_E_FORMATETC
    assert _code(do.GetData, fe(CF_HDROP)) == winerror.DV_E_FORMATETC
    assert _code(do.GetData, fe(0)) == winerror.DV_E_FORMATETC
    with pytest.raises(ValueError, match="td must be None"):
        do.GetData((CF_TEXT, 5, CONTENT, -1, HGLOBAL))
    with pytest.raises(TypeError):
        do.GetData((CF_TEXT, None, CONTENT, -1))
    with pytest.raises(SystemError):
        do.GetData([CF_TEXT, None, CONTENT, -1, HGLOBAL])
    with pytest.raises(TypeError):
        do.GetData(("a", None, CONTENT, -1, HGLOBAL))


def test_get_clipboard_other_methods() -> None:
    _win32_text()
    do = pythoncom.OleGetClipboard()
    assert do.QueryGetData(fe(CF_TEXT)) is None
    assert do.QueryGetData(fe(CF_TEXT, tymed=GDI)) is None  # the medium is not checked
    assert _code(do.QueryGetData, fe(CF_TEXT, index=0)) == winerror.DV_E_FORMATETC
    assert _code(do.QueryGetData, fe(CF_TEXT, aspect=4)) == winerror.DV_E_FORMATETC
    assert _code(do.QueryGetData, fe(0)) == winerror.DV_E_CLIPFORMAT
    assert do.GetCanonicalFormatEtc(fe(CF_TEXT)) == fe(CF_TEXT)
    medium = pythoncom.STGMEDIUM()
    medium.set(pythoncom.TYMED_HGLOBAL, b"x")
    assert _code(do.SetData, fe(CF_TEXT), medium, 0) == winerror.E_NOTIMPL
    assert _code(do.GetDataHere, fe(CF_TEXT)) == winerror.E_FAIL
    assert _code(do.DAdvise, fe(CF_TEXT), 0, None) == winerror.E_NOTIMPL
    assert _code(do.DUnadvise, 1) == winerror.E_NOTIMPL
    assert _code(do.EnumDAdvise) == winerror.E_NOTIMPL
    assert _code(do.QueryInterface, pythoncom.IID_IDispatch) == winerror.E_NOINTERFACE
    assert type(do.QueryInterface(pythoncom.IID_IDataObject)).__name__ == "PyIDataObject"


def test_get_clipboard_enumerates_formats() -> None:
    _win32_text()
    do = pythoncom.OleGetClipboard()
    listed = list(do.EnumFormatEtc())
    assert fe(CF_TEXT, tymed=HGLOBAL | ISTREAM) in listed
    assert fe(CF_UNICODETEXT, tymed=HGLOBAL | ISTREAM) in listed  # synthesized
    assert _code(do.EnumFormatEtc, pythoncom.DATADIR_SET) == winerror.E_NOTIMPL
    enum = do.EnumFormatEtc(pythoncom.DATADIR_GET)
    assert type(enum).__name__ == "PyIEnumFORMATETC"
    assert enum.Next(2) == listed[:2]
    assert enum.Next() == listed[2:3]
    clone = enum.Clone()
    assert type(clone).__name__ == "PyIEnumFORMATETC"
    enum.Skip(100)
    assert enum.Next(5) == []
    assert clone.Next(1) == listed[3:4]
    enum.Reset()
    assert enum.Next(0) == []
    assert enum.Next(1) == listed[:1]


@wine_differs("Wine gives formats it does not know (CF_DIB) TYMED_NULL")
def test_get_clipboard_memory_formats_come_in_memory() -> None:
    cb.OpenClipboard()
    cb.EmptyClipboard()
    cb.SetClipboardData(CF_DIB, b"\0" * 60)
    cb.CloseClipboard()
    listed = list(pythoncom.OleGetClipboard().EnumFormatEtc())
    assert fe(CF_DIB, tymed=HGLOBAL | ISTREAM) in listed


# -- OleSetClipboard with a Python data object -----------------------------------------------


def test_set_clipboard_offers_formats_rendered_on_demand() -> None:
    obj = DataObject()
    do = wrapped(obj)
    pythoncom.OleSetClipboard(do)
    assert pythoncom.OleIsCurrentClipboard(do)
    owner = cb.GetClipboardOwner()
    assert win32gui.GetClassName(owner) == "CLIPBRDWNDCLASS"
    assert cb.IsClipboardFormatAvailable(CF_TEXT)
    assert cb.IsClipboardFormatAvailable(CF_UNICODETEXT)
    assert obj.calls == []  # nothing rendered yet
    cb.OpenClipboard()
    try:
        assert cb.GetClipboardData(CF_TEXT) == b"Hello from Python"
        assert cb.GetClipboardData(CF_UNICODETEXT) == "Hello from Python"
    finally:
        cb.CloseClipboard()
    assert (CF_TEXT, HGLOBAL) in obj.calls


def test_set_clipboard_none_releases_the_object() -> None:
    obj = DataObject()
    alive = weakref.ref(obj)
    do = wrapped(obj)
    pythoncom.OleSetClipboard(do)
    del obj, do
    assert alive() is not None  # the clipboard holds it
    pythoncom.OleSetClipboard(None)
    assert alive() is None
    assert not cb.IsClipboardFormatAvailable(CF_TEXT)


def test_set_clipboard_replaces_and_releases_the_previous_object() -> None:
    first = DataObject(b"first")
    alive = weakref.ref(first)
    pythoncom.OleSetClipboard(wrapped(first))
    del first
    second = wrapped(DataObject(b"second"))
    pythoncom.OleSetClipboard(second)
    assert alive() is None
    assert pythoncom.OleIsCurrentClipboard(second)
    with pytest.raises(TypeError):
        pythoncom.OleIsCurrentClipboard(None)


def test_flush_renders_everything_and_releases_the_object() -> None:
    obj = DataObject()
    alive = weakref.ref(obj)
    do = wrapped(obj)
    pythoncom.OleSetClipboard(do)
    del obj
    pythoncom.OleFlushClipboard()
    assert not pythoncom.OleIsCurrentClipboard(do)
    del do
    assert alive() is None
    cb.OpenClipboard()
    try:
        assert cb.GetClipboardData(CF_TEXT) == b"Hello from Python"
    finally:
        cb.CloseClipboard()
    assert pythoncom.OleFlushClipboard() is None  # again: nothing to do


def test_set_clipboard_fails_with_enum_format_etc_error() -> None:
    obj = DataObject(enum_error=winerror.E_OUTOFMEMORY)
    alive = weakref.ref(obj)
    do = wrapped(obj)
    assert _code(pythoncom.OleSetClipboard, do) == winerror.E_OUTOFMEMORY
    assert not pythoncom.OleIsCurrentClipboard(do)
    del obj, do
    gc.collect()  # the server's error holds its frames until collected (here, a cycle)
    assert alive() is None


def test_set_clipboard_takes_an_object_through_another_interface() -> None:
    obj = DataObject()
    dispatch = wrap(obj)  # IDispatch: OleSetClipboard asks it for IDataObject
    pythoncom.OleSetClipboard(dispatch)
    assert cb.IsClipboardFormatAvailable(CF_UNICODETEXT)


def test_get_clipboard_of_own_object_and_from_another_thread() -> None:
    pythoncom.OleSetClipboard(wrapped(DataObject(b"shared")))

    def reader() -> bytes:  # the owner's thread pumps meanwhile: it renders
        pythoncom.OleInitialize()
        data = pythoncom.OleGetClipboard().GetData(fe(CF_TEXT))
        result: bytes = data.data
        return result

    assert run_pumping(reader) == b"shared\0"
    assert pythoncom.OleGetClipboard().GetData(fe(CF_UNICODETEXT)).data == "shared\0".encode(
        "utf-16-le"
    )


def test_data_object_calls_cross_apartments() -> None:
    obj = DataObject(b"crossing")
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(IID_DATA, wrapped(obj))

    def client() -> tuple[Any, ...]:
        do = pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDataObject)
        medium = do.GetData(fe(CF_TEXT))
        listed = list(do.EnumFormatEtc())
        failed = _code(do.GetData, fe(CF_HDROP))
        queried = do.QueryGetData(fe(CF_TEXT))
        return type(do).__name__, medium.tymed, medium.data, listed, failed, queried

    name, tymed, data, listed, failed, queried = run_pumping(client)
    assert (name, tymed, data) == ("PyIDataObject", HGLOBAL, b"crossing\0")
    assert listed == [fe(CF_TEXT), fe(CF_UNICODETEXT)]
    assert (failed, queried) == (winerror.DV_E_FORMATETC, None)


@wine_differs("Wine's proxy of IDataObject::SetData is a stub (E_NOTIMPL)")
def test_set_data_carries_a_medium_across_apartments() -> None:
    obj = DataObject()
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(IID_DATA, wrapped(obj))

    def client() -> None:
        do = pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDataObject)
        sent = pythoncom.STGMEDIUM()
        sent.set(pythoncom.TYMED_HGLOBAL, bytearray(b"set"))
        do.SetData(fe(CF_TEXT), sent, 0)

    run_pumping(client)
    assert obj.text == b"set"
