"""Storage mediums and format descriptions: the values OLE data transfer passes around.

* A FORMATETC is the tuple ``(format, None, aspect, index, tymed)``: a clipboard format, no
  target device (none is modelled), a DVASPECT_* value, -1 for "all of it" and TYMED_*
  flags naming the mediums the data may come in. :func:`format_etc` reads one.
* A :class:`StorageMedium` (STGMEDIUM) holds data in one medium: bytes in a global memory
  block (TYMED_HGLOBAL), a file name (TYMED_FILE), an IStream or IStorage pointer, or a GDI,
  metafile or enhanced metafile handle. It owns its block, freed when it is set again or
  collected (ReleaseStgMedium). Crossing apartments it is copied: the block by value, an
  interface pointer marshalled.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any

from ..messages import alloc_global, free_global, global_data
from ._iids import IID_ISTREAM, IID_IUNKNOWN
from ._proxy import marshal_value
from ._typed import interface_arg

if TYPE_CHECKING:
    from ._apartment import Apartment

__all__ = [
    "TYMED_NULL", "TYMED_HGLOBAL", "TYMED_FILE", "TYMED_ISTREAM", "TYMED_ISTORAGE",
    "TYMED_GDI", "TYMED_MFPICT", "TYMED_ENHMF",
    "DVASPECT_CONTENT", "DVASPECT_THUMBNAIL", "DVASPECT_ICON", "DVASPECT_DOCPRINT",
    "DATADIR_GET", "DATADIR_SET",
    "FormatEtc", "StorageMedium", "format_etc",
]  # fmt: skip

TYMED_NULL = 0
TYMED_HGLOBAL = 1
TYMED_FILE = 2
TYMED_ISTREAM = 4
TYMED_ISTORAGE = 8
TYMED_GDI = 16
TYMED_MFPICT = 32
TYMED_ENHMF = 64
DVASPECT_CONTENT = 1
DVASPECT_THUMBNAIL = 2
DVASPECT_ICON = 4
DVASPECT_DOCPRINT = 8
DATADIR_GET = 1
DATADIR_SET = 2

FormatEtc = tuple[int, None, int, int, int]
_HANDLES = (TYMED_GDI, TYMED_MFPICT, TYMED_ENHMF)
_INT_MIN, _INT_END = -(2**31), 2**31


def _int(value: object, what: str) -> int:
    """A C int, as PyArg_ParseTuple's "i" reads one."""
    if isinstance(value, float) or not hasattr(value, "__index__"):
        raise TypeError(f"{what} must be an integer, not {type(value).__name__}")
    number = operator.index(value)
    if not _INT_MIN <= number < _INT_END:
        raise OverflowError(f"{what} {number} does not fit in a C int")
    return number


def format_etc(value: object) -> FormatEtc:
    """Read a FORMATETC tuple ``(format, td, aspect, index, tymed)``.

    Raises:
        TypeError: not a tuple of five, or a member of the wrong type.
        ValueError: ``td`` is not None (target devices are not modelled, nor in pywin32).
    """
    if not isinstance(value, tuple) or len(value) != 5:
        raise TypeError(f"a FORMATETC is a tuple of 5 items, not {value!r}")
    fmt, td, aspect, index, tymed = value
    fmt, aspect, index, tymed = (
        _int(fmt, "the format"), _int(aspect, "the aspect"), _int(index, "the index"),
        _int(tymed, "the tymed"),
    )  # fmt: skip
    if td is not None:
        raise ValueError("td must be None")
    return (fmt & 0xFFFF, None, aspect & 0xFFFFFFFF, index, tymed & 0xFFFFFFFF)


class StorageMedium:
    """A STGMEDIUM: data in one medium (``tymed``); empty (TYMED_NULL) when new."""

    __slots__ = ("__weakref__", "_block", "_tymed", "_value")

    def __init__(self) -> None:
        self._tymed = TYMED_NULL
        self._block = 0  # the global memory block of TYMED_HGLOBAL data
        self._value: Any = None  # a file name, an interface pointer, a handle

    def __repr__(self) -> str:
        return f"<{type(self).__name__} tymed={self._tymed}>"

    def __del__(self) -> None:
        self._release()

    def _release(self) -> None:
        block, self._block = self._block, 0
        self._tymed, self._value = TYMED_NULL, None
        if block:
            free_global(block)

    def set(self, tymed: int, data: object) -> None:
        """Hold ``data`` in the medium ``tymed``, releasing what was held.

        TYMED_HGLOBAL takes a bytes-like object (kept as it is) or a str (kept as UTF-16
        with its terminating NUL, as text formats expect); TYMED_FILE a file name;
        TYMED_ISTREAM / TYMED_ISTORAGE an interface pointer; the others an integer handle.

        Raises:
            ValueError: an unknown ``tymed``.
            TypeError: ``data`` does not suit the medium.
        """
        tymed = _int(tymed, "tymed")
        self._release()
        if tymed == TYMED_HGLOBAL:
            if isinstance(data, str):
                raw = (data + "\0").encode("utf-16-le", "surrogatepass")
            else:
                try:
                    raw = bytes(memoryview(data))  # type: ignore[arg-type]
                except TypeError:
                    raise TypeError(
                        f"tymed value of {tymed} requires a string/unicode/buffer"
                    ) from None
            self._block = alloc_global(raw)
        elif tymed == TYMED_FILE:
            if not isinstance(data, str):
                raise TypeError(f"a file name must be a str, not {type(data).__name__}")
            self._value = data
        elif tymed == TYMED_ISTREAM:
            self._value = interface_arg(data, IID_ISTREAM)
        elif tymed == TYMED_ISTORAGE:
            self._value = interface_arg(data, IID_IUNKNOWN)  # IStorage has no pointer class
        elif tymed in _HANDLES:
            if isinstance(data, bool) or not isinstance(data, int):
                raise TypeError(f"tymed value of {tymed} requires an integer handle")
            self._value = data
        else:
            raise ValueError(f"Unknown tymed value '{tymed}'")
        self._tymed = tymed

    @property
    def tymed(self) -> int:
        """The medium the data is in (TYMED_*); TYMED_NULL when empty."""
        return self._tymed

    @property
    def data(self) -> Any:  # noqa: ANN401
        """The data: bytes (HGLOBAL), a file name, an interface pointer or a handle.

        Raises:
            ValueError: the medium is empty.
        """
        if self._tymed == TYMED_NULL:
            raise ValueError("This STGMEDIUM has no data")
        if self._tymed == TYMED_HGLOBAL:
            return global_data(self._block)
        return self._value

    @property
    def data_handle(self) -> int:
        """The data as an integer: the block's handle for HGLOBAL, else a handle or an id.

        Raises:
            ValueError: the medium is empty.
        """
        if self._tymed == TYMED_NULL:
            raise ValueError("This STGMEDIUM has no data")
        if self._tymed == TYMED_HGLOBAL:
            return self._block
        if self._tymed in _HANDLES:
            return int(self._value)
        return id(self._value)

    def copy(self) -> StorageMedium:
        """A medium of the same class holding a copy of the data (the block copied)."""
        twin = type(self)()
        if self._tymed == TYMED_HGLOBAL:
            twin._block = alloc_global(global_data(self._block))
        else:
            twin._value = self._value
        twin._tymed = self._tymed
        return twin

    def __apartment_marshal__(self, source: Apartment, dest: Apartment) -> StorageMedium:
        """Cross apartments by value: the block copied, an interface pointer marshalled."""
        twin = self.copy()
        if twin._tymed in (TYMED_ISTREAM, TYMED_ISTORAGE):
            twin._value = marshal_value(self._value, source, dest)
        return twin
