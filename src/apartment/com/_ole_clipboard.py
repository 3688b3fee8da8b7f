"""OLE's clipboard: a data object on the Win32 clipboard, rendered when a format is read.

Windows' rules (ole32's, as Wine's tests check them on Windows):

* :func:`ole_initialize` joins an STA as CoInitialize does (RPC_E_CHANGED_MODE in the MTA,
  S_FALSE for a repeat) and counts OLE's own initializations; the OLE clipboard functions
  need one on the calling thread (OleSetClipboard: CO_E_NOTINITIALIZED, even after
  CoInitialize; OleFlushClipboard: E_FAIL); OleGetClipboard works on any thread. The last
  :func:`ole_uninitialize` destroys the thread's clipboard window, which renders what it
  offers first (WM_RENDERALLFORMATS) and lets its data object go.
* :func:`ole_set_clipboard` opens the clipboard with the calling thread's hidden clipboard
  window (CLIPBRD_E_CANT_OPEN while another thread holds it open), empties it (its previous
  owner lets its data go) and offers every format the data object's EnumFormatEtc(DATADIR_GET)
  lists, for delayed rendering; the window owns the clipboard and keeps a reference to the
  object. None only empties it.
* A read of a format sends the window WM_RENDERFORMAT; it runs, on its thread, the object's
  GetData (TYMED_HGLOBAL, else TYMED_ISTREAM) and puts the bytes on the clipboard.
* :func:`ole_flush_clipboard` renders every format and releases the object; the data stays.
  With nothing set it succeeds and does nothing.
* :func:`ole_is_current_clipboard` tells whether an object is the one on the clipboard.
* :func:`ole_get_clipboard` gives an IDataObject over whatever is on the clipboard
  (:mod:`._clipboard_snapshot`).

Each STA thread has its own clipboard window (class CLIPBRDWNDCLASS). An owner in another
process cannot tell this process's windows it lost the clipboard: this process lets the data
object go at its next set, flush or uninitialization instead.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any, final

from .. import messages
from .._fork import OUTER, hold_across_fork
from ..errors import (
    CLIPBRD_E_CANT_OPEN,
    E_FAIL,
    S_FALSE,
    S_OK,
    AccessDeniedError,
    ComError,
    NotInitializedError,
    Win32Error,
)
from ..kernel.lowlevel import add_exit_hook
from ._clipboard_snapshot import ClipboardSnapshot
from ._data_object import DataObjectPointer
from ._iids import IID_IDATAOBJECT
from ._lifecycle import initialize, uninitialize
from ._medium import DATADIR_GET, TYMED_HGLOBAL, TYMED_ISTREAM, FormatEtc
from ._typed import interface_arg

if TYPE_CHECKING:
    from ..kernel import ThreadHandle

__all__ = [
    "ole_initialize",
    "ole_uninitialize",
    "ole_initialized",
    "ole_set_clipboard",
    "ole_get_clipboard",
    "ole_flush_clipboard",
    "ole_is_current_clipboard",
    "CLIPBOARD_WINDOW_CLASS",
]

CLIPBOARD_WINDOW_CLASS = "CLIPBRDWNDCLASS"
_STREAM_CHUNK = 1 << 20


@final
class _OleThread:
    """One thread's OLE state: its initializations, its clipboard window, what it offers."""

    __slots__ = ("count", "formats", "source", "window")

    def __init__(self) -> None:
        self.count = 0
        self.window: messages.Window | None = None
        self.source: DataObjectPointer | None = None
        self.formats: dict[int, FormatEtc] = {}  # format -> the FORMATETC it was offered as


@final
class _Registry:
    """The process's OLE threads, by native thread id and by clipboard window (under lock)."""

    __slots__ = ("by_thread", "by_window", "class_registered", "lock")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.by_thread: dict[int, _OleThread] = {}
        self.by_window: dict[int, _OleThread] = {}
        self.class_registered = False


_registry = _Registry()


def _mine() -> _OleThread:
    """The calling thread's OLE state.

    Raises:
        NotInitializedError: the thread has not called :func:`ole_initialize`.
    """
    with _registry.lock:
        state = _registry.by_thread.get(threading.get_native_id())
    if state is None or not state.count:
        raise NotInitializedError("call ole_initialize (OleInitialize) on this thread first")
    return state


def _window(state: _OleThread) -> int:
    """The handle of the thread's clipboard window, created on first use."""
    if state.window is not None and not state.window.destroyed:
        return state.window.hwnd
    with _registry.lock:
        if not _registry.class_registered:
            messages.register_class(CLIPBOARD_WINDOW_CLASS, _clipboard_window_proc)
            _registry.class_registered = True
    window = messages.create_window(
        CLIPBOARD_WINDOW_CLASS, "ClipboardWindow", parent=messages.HWND_MESSAGE
    )
    with _registry.lock:
        state.window = window
        _registry.by_window[window.hwnd] = state
    return window.hwnd


def _let_go(state: _OleThread) -> None:
    """Release the data object the thread offers (its last reference, if it holds it)."""
    with _registry.lock:
        state.source = None
        state.formats = {}


# -- rendering (the clipboard window's procedure, on its thread) -----------------------------


def _data_of(source: DataObjectPointer, fmt: FormatEtc) -> bytes | None:
    """The bytes of ``fmt``'s data, asked of ``source`` in memory or as a stream."""
    cf, _, aspect, index, tymed = fmt
    for medium_kind in (TYMED_HGLOBAL, TYMED_ISTREAM):
        if not tymed & medium_kind:
            continue
        try:
            medium = source.get_data((cf, None, aspect, index, medium_kind))
        except ComError:
            continue
        if medium.tymed == TYMED_HGLOBAL:
            return bytes(medium.data)
        if medium.tymed == TYMED_ISTREAM:
            stream = medium.data
            stream.seek(0, 0)
            chunks = []
            while chunk := stream.read(_STREAM_CHUNK):
                chunks.append(chunk)
            return b"".join(chunks)
    return None


def _render(state: _OleThread, formats: list[int]) -> None:
    """Put the data of ``formats`` on the clipboard (opened by the caller)."""
    with _registry.lock:
        source, offered = state.source, dict(state.formats)
    if source is None:
        return
    for cf in formats:
        fmt = offered.get(cf)
        if fmt is None:
            continue
        data = _data_of(source, fmt)
        if data:
            with contextlib.suppress(Win32Error):
                messages.set_clipboard_data(cf, data)


def _render_all(hwnd: int, state: _OleThread) -> None:
    """Render every format offered, with the clipboard opened by the window (if it can)."""
    try:
        messages.open_clipboard(hwnd)
    except AccessDeniedError:
        return
    try:
        if messages.clipboard_owner() == hwnd:
            _render(state, list(state.formats))
    finally:
        messages.close_clipboard()


def _clipboard_window_proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:  # noqa: ANN401
    """OLE's clipboard window: render on demand, let the data object go when emptied."""
    with _registry.lock:
        state = _registry.by_window.get(hwnd)
    if state is not None:
        if msg == messages.WM_RENDERFORMAT:
            _render(state, [int(wparam)])
            return 0
        if msg == messages.WM_RENDERALLFORMATS:
            _render_all(hwnd, state)
            return 0
        if msg == messages.WM_DESTROYCLIPBOARD:
            _let_go(state)
            return 0
    return messages.def_window_proc(hwnd, msg, wparam, lparam)


# -- the API ---------------------------------------------------------------------------------


def ole_initialize() -> int:
    """Initialize OLE on the calling thread (OleInitialize): join an STA; S_OK or S_FALSE.

    S_FALSE when OLE is already initialized on the thread; each call is balanced by an
    :func:`ole_uninitialize`.

    Raises:
        ChangedModeError: the thread is in the MTA (RPC_E_CHANGED_MODE).
    """
    initialize(False)
    me = threading.get_native_id()
    with _registry.lock:
        state = _registry.by_thread.setdefault(me, _OleThread())
        state.count += 1
        return S_OK if state.count == 1 else S_FALSE


def ole_initialized() -> bool:
    """Whether the calling thread has OLE initialized (an :func:`ole_initialize` not undone)."""
    with _registry.lock:
        state = _registry.by_thread.get(threading.get_native_id())
    return state is not None and state.count > 0


def ole_uninitialize() -> None:
    """Take back one :func:`ole_initialize` (OleUninitialize); extra calls do nothing.

    The last one destroys the thread's clipboard window (its data rendered first), then
    leaves the apartment as CoUninitialize does.
    """
    me = threading.get_native_id()
    with _registry.lock:
        state = _registry.by_thread.get(me)
        if state is None or not state.count:
            return
        state.count -= 1
        last = not state.count
        window = state.window if last else None
    if last:
        if window is not None and not window.destroyed:
            window.destroy()  # an owner renders all first (the Win32 clipboard's rule)
        _forget(me)
    uninitialize()


def _forget(tid: int) -> None:
    with _registry.lock:
        state = _registry.by_thread.pop(tid, None)
        if state is None:
            return
        if state.window is not None:
            _registry.by_window.pop(state.window.hwnd, None)
        state.window, state.source, state.formats = None, None, {}


def _offer(source: DataObjectPointer) -> dict[int, FormatEtc]:
    """The formats ``source`` gives (EnumFormatEtc(DATADIR_GET)), the first of each kept."""
    offered: dict[int, FormatEtc] = {}
    for fmt in source.enum_format_etc(DATADIR_GET):
        offered.setdefault(fmt[0], fmt)
    return offered


def ole_set_clipboard(data_object: object) -> None:
    """Put ``data_object`` (an IDataObject, or None to empty it) on the clipboard.

    See the module's rules.

    Raises:
        NotInitializedError: OLE is not initialized on the calling thread.
        NoInterfaceError: the object is no IDataObject.
        ComError: CLIPBRD_E_CANT_OPEN while another thread has the clipboard open; the
            error of the object's EnumFormatEtc (then the clipboard is left empty).
    """
    state = _mine()
    source = interface_arg(data_object, IID_IDATAOBJECT, none_ok=True)
    hwnd = _window(state)
    try:
        messages.open_clipboard(hwnd)
    except AccessDeniedError as error:
        raise ComError.from_hresult(CLIPBRD_E_CANT_OPEN, str(error)) from None
    try:
        messages.empty_clipboard()  # the previous owner (maybe this window) lets go
        _let_go(state)
        if source is not None:
            assert isinstance(source, DataObjectPointer)
            offered = _offer(source)
            with _registry.lock:
                state.source, state.formats = source, offered
            for cf in offered:
                messages.set_clipboard_data(cf, None)
    except BaseException:
        _let_go(state)
        with contextlib.suppress(Win32Error):
            messages.empty_clipboard()
        raise
    finally:
        messages.close_clipboard()


def ole_get_clipboard() -> DataObjectPointer:
    """Return an IDataObject over the clipboard's contents (OleGetClipboard); any thread."""
    return ClipboardSnapshot().pointer()


def ole_is_current_clipboard(data_object: object) -> bool:
    """Tell whether ``data_object`` is the data object on the clipboard (OleIsCurrentClipboard).

    None is not.
    """
    if data_object is None:
        return False
    owner = messages.clipboard_owner()
    with _registry.lock:
        state = _registry.by_window.get(owner)
        source = None if state is None else state.source
    return source is not None and source == data_object


def ole_flush_clipboard() -> None:
    """Render every format of the calling thread's data object, then release it.

    Raises:
        ComError: E_FAIL when OLE is not initialized on the calling thread;
            CLIPBRD_E_CANT_OPEN while another thread has the clipboard open.
    """
    try:
        state = _mine()
    except NotInitializedError as error:
        raise ComError.from_hresult(E_FAIL, str(error)) from None
    if state.source is None or state.window is None:
        return
    hwnd = state.window.hwnd
    try:
        messages.open_clipboard(hwnd)
    except AccessDeniedError as error:
        raise ComError.from_hresult(CLIPBRD_E_CANT_OPEN, str(error)) from None
    try:
        if messages.clipboard_owner() == hwnd:
            _render(state, list(state.formats))
    finally:
        _let_go(state)
        messages.close_clipboard()


def _thread_ended(thread: ThreadHandle) -> None:
    """A thread ends: forget its OLE state (its windows go with it)."""
    _forget(thread.native_id)


add_exit_hook(_thread_ended)
