"""pythoncom's OLE data transfer: PyIDataObject, PyIEnumFORMATETC, PySTGMEDIUM, the OLE clipboard.

Over ``apartment.com``'s data objects and OLE clipboard; ``pythoncom`` re-exports the names.
pywin32's quirks: a FORMATETC that is not a tuple is a SystemError (PyArg_ParseTuple's), a
``bytes`` put in an HGLOBAL gets a NUL after it (a bytearray does not), and interface
arguments that are not COM objects are ValueErrors.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import com
from ..com import (
    DATADIR_GET,
    DataObjectPointer,
    FormatEnumeratorPointer,
    StorageMedium,
)
from ._interfaces import TYPE_IIDS, PyIUnknown, interface_pointer

__all__ = [
    "PyIDataObject",
    "PyIEnumFORMATETC",
    "PySTGMEDIUM",
    "STGMEDIUM",
    "OleInitialize",
    "OleSetClipboard",
    "OleGetClipboard",
    "OleFlushClipboard",
    "OleIsCurrentClipboard",
    "TYMED_NULL",
    "TYMED_HGLOBAL",
    "TYMED_FILE",
    "TYMED_ISTREAM",
    "TYMED_ISTORAGE",
    "TYMED_GDI",
    "TYMED_MFPICT",
    "TYMED_ENHMF",
    "DVASPECT_CONTENT",
    "DVASPECT_THUMBNAIL",
    "DVASPECT_ICON",
    "DVASPECT_DOCPRINT",
    "DATADIR_GET",
    "DATADIR_SET",
]

TYMED_NULL = com.TYMED_NULL
TYMED_HGLOBAL = com.TYMED_HGLOBAL
TYMED_FILE = com.TYMED_FILE
TYMED_ISTREAM = com.TYMED_ISTREAM
TYMED_ISTORAGE = com.TYMED_ISTORAGE
TYMED_GDI = com.TYMED_GDI
TYMED_MFPICT = com.TYMED_MFPICT
TYMED_ENHMF = com.TYMED_ENHMF
DVASPECT_CONTENT = com.DVASPECT_CONTENT
DVASPECT_THUMBNAIL = com.DVASPECT_THUMBNAIL
DVASPECT_ICON = com.DVASPECT_ICON
DVASPECT_DOCPRINT = com.DVASPECT_DOCPRINT
DATADIR_SET = com.DATADIR_SET


def _fe(value: object) -> object:
    """A FORMATETC argument: PyArg_ParseTuple takes only a tuple (pywin32's SystemError)."""
    if not isinstance(value, tuple):
        raise SystemError("new style getargs format but argument is not a tuple")
    if len(value) != 5:
        raise TypeError(f"FORMATETC() takes exactly 5 arguments ({len(value)} given)")
    return value


class PySTGMEDIUM(StorageMedium):
    """pywin32's PySTGMEDIUM."""

    __slots__ = ()

    def set(self, tymed: int, data: object, /) -> None:
        if type(data) is bytes and operator.index(tymed) == TYMED_HGLOBAL:
            data += b"\0"  # pywin32 terminates bytes as it does str
        elif isinstance(data, bytes) and operator.index(tymed) == TYMED_FILE:
            data = data.decode()  # pywin32 takes a bytes file name too (the ANSI code page)
        super().set(tymed, data)


def STGMEDIUM() -> PySTGMEDIUM:
    return PySTGMEDIUM()


class PyIDataObject(PyIUnknown, DataObjectPointer):
    """pywin32's PyIDataObject."""

    __slots__ = ()

    def GetData(self, pformatetcIn: object, /) -> Any:  # noqa: ANN401
        return self.get_data(_fe(pformatetcIn))

    def GetDataHere(self, pformatetcIn: object, /) -> Any:  # noqa: ANN401
        return self.get_data_here(_fe(pformatetcIn))

    def QueryGetData(self, pformatetc: object, /) -> None:
        self.query_get_data(_fe(pformatetc))

    def GetCanonicalFormatEtc(self, pformatectIn: object, /) -> Any:  # noqa: ANN401
        return self.get_canonical_format_etc(_fe(pformatectIn))

    def SetData(self, pformatetc: object, pmedium: Any, fRelease: int, /) -> None:  # noqa: ANN401
        self.set_data(_fe(pformatetc), pmedium, bool(operator.index(fRelease)))

    def EnumFormatEtc(self, dwDirection: int = DATADIR_GET, /) -> Any:  # noqa: ANN401
        return self.enum_format_etc(dwDirection)

    def DAdvise(self, pformatetc: object, advf: int, pAdvSink: object, /) -> int:
        return self.dadvise(_fe(pformatetc), advf, pAdvSink)

    def DUnadvise(self, dwConnection: int, /) -> None:
        self.dunadvise(dwConnection)

    def EnumDAdvise(self) -> Any:  # noqa: ANN401
        return self.enum_dadvise()


class PyIEnumFORMATETC(PyIUnknown, FormatEnumeratorPointer):
    """pywin32's PyIEnumFORMATETC; iterating it calls Next(1)."""

    __slots__ = ()

    def Next(self, num: int = 1, /) -> list[Any]:
        return self.fetch(num)

    def Skip(self, num: int, /) -> None:
        self.skip(num)

    def Reset(self) -> None:
        self.reset()

    def Clone(self) -> Any:  # noqa: ANN401
        return self.clone()


def OleInitialize() -> None:
    com.ole_initialize()


def OleSetClipboard(dataObj: object, /) -> None:
    com.ole_set_clipboard(None if dataObj is None else interface_pointer(dataObj))


def OleGetClipboard() -> Any:  # noqa: ANN401
    return com.ole_get_clipboard()


def OleFlushClipboard() -> None:
    com.ole_flush_clipboard()


def OleIsCurrentClipboard(dataObj: object, /) -> bool:
    if dataObj is None:
        raise TypeError("None is not a valid interface object in this context")
    return com.ole_is_current_clipboard(interface_pointer(dataObj))


com.set_medium_class(PySTGMEDIUM)
for _iid, _cls in (
    (com.IID_IDATAOBJECT, PyIDataObject),
    (com.IID_IENUMFORMATETC, PyIEnumFORMATETC),
):
    TYPE_IIDS[_iid] = _cls
    com.set_interface_class(_iid, _cls)
