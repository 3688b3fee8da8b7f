"""IDataObject and IEnumFORMATETC: data offered in formats, the pointers and their rules.

:class:`DataObjectPointer` and :class:`FormatEnumeratorPointer` are the core's pointer
classes of the two interfaces; a Python COM server implements them with methods of the COM
names (``GetData``, ``EnumFormatEtc``, ``Next``...) and ``_com_interfaces_`` listing the IID.
FORMATETCs travel as tuples (:func:`~._medium.format_etc`), data as
:class:`~._medium.StorageMedium` objects. What the server returns is checked in its
apartment (:data:`~._returns.RETURNS`): a medium from GetData, FORMATETC tuples from Next.
"""

from __future__ import annotations

import operator
from typing import Any

from ._faces import set_interface_class
from ._iids import IID_IDATAOBJECT, IID_IENUMFORMATETC, IID_IUNKNOWN
from ._medium import DATADIR_GET, FormatEtc, StorageMedium, format_etc
from ._pointer import InterfacePointer
from ._returns import RETURNS
from ._typed import _face_result, interface_arg

__all__ = ["DataObjectPointer", "FormatEnumeratorPointer"]


def _dword(value: object) -> int:
    number = operator.index(value)  # type: ignore[arg-type]
    if not -(2**31) <= number < 2**32:
        raise OverflowError(f"{number} does not fit in a DWORD")
    return number & 0xFFFFFFFF


class DataObjectPointer(InterfacePointer):
    """An IDataObject pointer: data in formats, got as storage mediums."""

    __slots__ = ()

    def get_data(self, fmt: object) -> StorageMedium:
        """Return the data in the format and medium ``fmt`` (a FORMATETC) describes."""
        medium: StorageMedium = self._call("GetData", format_etc(fmt), returns="medium")
        return medium

    def get_data_here(self, fmt: object) -> StorageMedium:
        """GetDataHere: the data, into a medium the caller provides (here an empty one)."""
        medium: StorageMedium = self._call("GetDataHere", format_etc(fmt), returns="medium")
        return medium

    def query_get_data(self, fmt: object) -> None:
        """Check that GetData of ``fmt`` would succeed (the error it would fail with)."""
        self._call("QueryGetData", format_etc(fmt))

    def get_canonical_format_etc(self, fmt: object) -> FormatEtc:
        """Return the FORMATETC that gives the same data as ``fmt``."""
        result: FormatEtc = self._call(
            "GetCanonicalFormatEtc", format_etc(fmt), returns="formatetc"
        )
        return result

    def set_data(self, fmt: object, medium: StorageMedium, release: bool) -> None:
        """Give the object data in ``medium`` for the format ``fmt``."""
        if not isinstance(medium, StorageMedium):
            raise TypeError(f"Object must be a PySTGMEDIUM (not a '{type(medium).__name__}')")
        self._call("SetData", format_etc(fmt), medium, int(bool(release)))

    def enum_format_etc(self, direction: int = DATADIR_GET) -> FormatEnumeratorPointer:
        """Return an enumerator of the formats the object gives (DATADIR_GET) or takes."""
        found = self._call("EnumFormatEtc", _dword(direction))
        return _face_result(found, IID_IENUMFORMATETC)  # type: ignore[return-value]

    def dadvise(self, fmt: object, flags: int, sink: object) -> int:
        """Ask to be told of changes of ``fmt``'s data; return the connection's cookie."""
        sink_pointer = interface_arg(sink, IID_IUNKNOWN, none_ok=True)
        return int(self._call("DAdvise", format_etc(fmt), _dword(flags), sink_pointer))

    def dunadvise(self, connection: int) -> None:
        """End the advise connection ``connection``."""
        self._call("DUnadvise", _dword(connection))

    def enum_dadvise(self) -> InterfacePointer:
        """Return an enumerator of the advise connections."""
        return _face_result(self._call("EnumDAdvise"), IID_IUNKNOWN)


class FormatEnumeratorPointer(InterfacePointer):
    """An IEnumFORMATETC pointer; iterating it calls Next(1)."""

    __slots__ = ()

    def fetch(self, count: int = 1) -> list[FormatEtc]:
        """Return the next ``count`` FORMATETCs (fewer at the end)."""
        count = operator.index(count)
        return list(self._call("Next", count, returns="formatetcs"))

    def skip(self, count: int) -> None:
        """Skip ``count`` items."""
        self._call("Skip", operator.index(count))

    def reset(self) -> None:
        """Go back to the first item."""
        self._call("Reset")

    def clone(self) -> FormatEnumeratorPointer:
        """Return an enumerator at the same place."""
        return _face_result(self._call("Clone"), IID_IENUMFORMATETC)  # type: ignore[return-value]

    def __iter__(self) -> FormatEnumeratorPointer:
        return self

    def __next__(self) -> FormatEtc:
        items = self.fetch(1)
        if not items:
            raise StopIteration
        return items[0]


def _medium(result: Any, args: tuple[Any, ...]) -> StorageMedium:  # noqa: ANN401
    """GetData's medium: a StorageMedium (the server hands it over)."""
    if not isinstance(result, StorageMedium):
        raise TypeError(f"GetData must return a PySTGMEDIUM, not '{type(result).__name__}'")
    return result


def _formatetcs(result: Any, args: tuple[Any, ...]) -> list[FormatEtc]:  # noqa: ANN401
    """IEnumFORMATETC::Next's items: FORMATETC tuples, no more than asked for."""
    if isinstance(result, (str, bytes)) or not hasattr(result, "__len__"):
        raise TypeError("Next() did not return a sequence of objects")
    return [format_etc(item) for item in list(result)[: max(args[0], 0)]]


def _formatetc(result: Any, args: tuple[Any, ...]) -> FormatEtc:  # noqa: ANN401
    return format_etc(result)


RETURNS.update({"medium": _medium, "formatetcs": _formatetcs, "formatetc": _formatetc})
set_interface_class(IID_IDATAOBJECT, DataObjectPointer)
set_interface_class(IID_IENUMFORMATETC, FormatEnumeratorPointer)
