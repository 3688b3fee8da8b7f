"""The data object OleGetClipboard gives: an IDataObject over the Win32 clipboard's contents.

It reads whatever is on the clipboard, whoever put it there (a Win32 program's
SetClipboardData, a data object of OleSetClipboard, rendered on demand), opening the
clipboard for each call, as Windows' does. Its rules (Windows', as Wine's tests check them):

* GetData: an index other than -1, a format not on the clipboard, or delayed data its owner
  did not render give DV_E_FORMATETC; a medium the format cannot come in DV_E_TYMED; a
  clipboard another thread holds open CLIPBRD_E_CANT_OPEN. Memory formats come as
  TYMED_HGLOBAL (or an IStream over a copy), GDI formats as their handle.
* QueryGetData: an aspect other than DVASPECT_CONTENT or an index other than -1 give
  DV_E_FORMATETC; a format not there DV_E_CLIPFORMAT.
* EnumFormatEtc lists the clipboard's formats (DATADIR_GET only: else E_NOTIMPL).
* SetData and the advise connections are E_NOTIMPL; GetDataHere into an empty medium E_FAIL.

The object and its enumerators are agile: any apartment may use their pointers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, final

from .. import messages
from ..errors import (
    CLIPBRD_E_CANT_OPEN,
    DV_E_CLIPFORMAT,
    DV_E_FORMATETC,
    DV_E_TYMED,
    E_FAIL,
    E_NOTIMPL,
    AccessDeniedError,
    ComError,
    NoInterfaceError,
)
from ._apartment import neutral
from ._enum_moniker import SequenceEnumerator
from ._iids import IID_IDATAOBJECT, IID_IENUMFORMATETC, IID_IUNKNOWN
from ._medium import (
    DATADIR_GET,
    DVASPECT_CONTENT,
    TYMED_ENHMF,
    TYMED_GDI,
    TYMED_HGLOBAL,
    TYMED_ISTREAM,
    TYMED_MFPICT,
    FormatEtc,
    StorageMedium,
)
from ._pointer import make_pointer
from ._proxy import make_agile
from ._stream import memory_stream

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._data_object import DataObjectPointer, FormatEnumeratorPointer

__all__ = ["ClipboardSnapshot", "FormatEnumerator", "tymeds_of"]

_GDI_TYMEDS = {
    messages.CF_BITMAP: TYMED_GDI,
    messages.CF_PALETTE: TYMED_GDI,
    messages.CF_METAFILEPICT: TYMED_MFPICT,
    messages.CF_ENHMETAFILE: TYMED_ENHMF,
}


def tymeds_of(fmt: int) -> int:
    """The mediums a clipboard format comes in: a GDI kind, or memory (HGLOBAL, IStream)."""
    return _GDI_TYMEDS.get(fmt, TYMED_HGLOBAL | TYMED_ISTREAM)


def _fail(hresult: int, text: str) -> ComError:
    return ComError.from_hresult(hresult, text)


@final
class FormatEnumerator(SequenceEnumerator):
    """An IEnumFORMATETC over a list of FORMATETCs (a native, agile object)."""

    __slots__ = ()
    IID = IID_IENUMFORMATETC
    WHAT = "format"
    RESULT = list

    def pointer(self) -> FormatEnumeratorPointer:
        """An IEnumFORMATETC pointer to this enumerator, valid in every apartment."""
        return super().pointer()  # type: ignore[return-value]


@final
class ClipboardSnapshot:
    """The IDataObject of OleGetClipboard (see the module docstring)."""

    __slots__ = ("__weakref__",)

    def resolve(self, iid: str) -> None:
        """QueryInterface: IDataObject and IUnknown."""
        if iid not in (IID_IUNKNOWN, IID_IDATAOBJECT):
            raise NoInterfaceError(f"the clipboard's data object does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run an IDataObject method by its COM name."""
        found = _METHODS.get(method)
        if found is None:
            raise _fail(E_NOTIMPL, f"the clipboard's data object does not implement {method}")
        return found(self, *args)

    def pointer(self) -> DataObjectPointer:
        """An IDataObject pointer to this object, valid in every apartment."""
        return make_pointer(self, neutral(), IID_IDATAOBJECT)  # type: ignore[return-value]

    # -- IDataObject -------------------------------------------------------------------------

    def get_data(self, fmt: FormatEtc) -> StorageMedium:
        """GetData (the module's rules)."""
        cf, _, _, index, tymed = fmt
        with _opened():
            if index != -1 or not messages.is_clipboard_format_available(cf):
                raise _fail(DV_E_FORMATETC, f"format {cf} is not on the clipboard")
            mask = tymed & tymeds_of(cf)
            if not mask:
                raise _fail(DV_E_TYMED, f"format {cf} does not come in the mediums {tymed:#x}")
            if cf in _GDI_TYMEDS:
                handle = messages.clipboard_data_handle(cf)
                data: object = handle or None
            else:
                data = messages.clipboard_data(cf)
            if data is None:
                raise _fail(DV_E_FORMATETC, f"format {cf} has no data: its owner rendered none")
        medium = StorageMedium()
        if mask & TYMED_HGLOBAL:
            medium.set(TYMED_HGLOBAL, data)
        elif mask & TYMED_ISTREAM:
            medium.set(TYMED_ISTREAM, memory_stream(data))  # type: ignore[arg-type]
        else:
            medium.set(mask, data)
        return medium

    def get_data_here(self, fmt: FormatEtc) -> StorageMedium:
        """GetDataHere: into the caller's medium; an empty one (pywin32's) fails (E_FAIL)."""
        raise _fail(E_FAIL, "GetDataHere needs a medium to render into; this one is empty")

    def query_get_data(self, fmt: FormatEtc) -> None:
        """QueryGetData (the module's rules)."""
        cf, _, aspect, index, _ = fmt
        if aspect != DVASPECT_CONTENT or index != -1:
            raise _fail(DV_E_FORMATETC, "the clipboard has only DVASPECT_CONTENT, index -1")
        if not messages.is_clipboard_format_available(cf):
            raise _fail(DV_E_CLIPFORMAT, f"format {cf} is not on the clipboard")

    def get_canonical_format_etc(self, fmt: FormatEtc) -> FormatEtc:
        """GetCanonicalFormatEtc: every format is its own (Windows: DATA_S_SAMEFORMATETC)."""
        return fmt

    def set_data(self, fmt: FormatEtc, medium: object, release: int) -> None:
        """SetData: the clipboard's data object takes no data (E_NOTIMPL)."""
        raise _fail(E_NOTIMPL, "the clipboard's data object takes no data")

    def enum_format_etc(self, direction: int) -> FormatEnumeratorPointer:
        """EnumFormatEtc: the clipboard's formats, each as DVASPECT_CONTENT, index -1."""
        if direction != DATADIR_GET:
            raise _fail(E_NOTIMPL, "the clipboard's data object enumerates only DATADIR_GET")
        with _opened():
            formats = messages.clipboard_formats()
        items = [(cf, None, DVASPECT_CONTENT, -1, tymeds_of(cf)) for cf in formats]
        return FormatEnumerator(items).pointer()

    def dadvise(self, fmt: FormatEtc, flags: int, sink: object) -> int:
        """DAdvise: the clipboard gives no advise connections (E_NOTIMPL)."""
        raise _fail(E_NOTIMPL, "the clipboard does not advise")

    def dunadvise(self, connection: int) -> None:
        """DUnadvise: the clipboard gives no advise connections (E_NOTIMPL)."""
        raise _fail(E_NOTIMPL, "the clipboard does not advise")

    def enum_dadvise(self) -> None:
        """EnumDAdvise: the clipboard gives no advise connections (E_NOTIMPL)."""
        raise _fail(E_NOTIMPL, "the clipboard does not advise")


class _opened:  # noqa: N801 - a context manager used as a function
    """Have the clipboard open (no window) for a block; CLIPBRD_E_CANT_OPEN if held."""

    def __enter__(self) -> None:
        try:
            messages.open_clipboard(0)
        except AccessDeniedError as error:
            raise _fail(CLIPBRD_E_CANT_OPEN, str(error)) from None

    def __exit__(self, *exc: object) -> None:
        messages.close_clipboard()


_METHODS: dict[str, Callable[..., Any]] = {
    "GetData": ClipboardSnapshot.get_data,
    "GetDataHere": ClipboardSnapshot.get_data_here,
    "QueryGetData": ClipboardSnapshot.query_get_data,
    "GetCanonicalFormatEtc": ClipboardSnapshot.get_canonical_format_etc,
    "SetData": ClipboardSnapshot.set_data,
    "EnumFormatEtc": ClipboardSnapshot.enum_format_etc,
    "DAdvise": ClipboardSnapshot.dadvise,
    "DUnadvise": ClipboardSnapshot.dunadvise,
    "EnumDAdvise": ClipboardSnapshot.enum_dadvise,
}
make_agile(ClipboardSnapshot)
make_agile(FormatEnumerator)
