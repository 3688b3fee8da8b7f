"""OLE drag and drop: drop targets registered on windows, and the drag loop of a source.

A window accepts drops once its thread registers an IDropTarget for it
(:func:`register_drag_drop`, RegisterDragDrop); the registration holds the target until
:func:`revoke_drag_drop`. Windows requires OLE (OleInitialize, not only CoInitialize) on the
registering thread and reports its absence as E_OUTOFMEMORY, as its documentation says.

:func:`do_drag_drop` (DoDragDrop) runs the source's side of a drag: it asks the IDropSource
whether to go on (``QueryContinueDrag(escape_pressed, key_state)``) until it answers
DRAGDROP_S_DROP or DRAGDROP_S_CANCEL, giving it feedback between. Windows reads the mouse and
keyboard for the key state and finds the drop target under the cursor; this library has no
pointing device, so no key or button is ever down and the cursor is over no target: a drop
therefore lands nowhere, which Windows reports as DRAGDROP_S_CANCEL with DROPEFFECT_NONE.
"""

from __future__ import annotations

import threading

from .. import messages
from .._fork import OUTER, hold_across_fork
from ..errors import E_INVALIDARG, E_OUTOFMEMORY, ComError
from ._faces import set_interface_class
from ._iids import IID_IDATAOBJECT, IID_IDROPSOURCE, IID_IDROPTARGET
from ._ole_clipboard import ole_initialized
from ._pointer import InterfacePointer

__all__ = [
    "DRAGDROP_E_ALREADYREGISTERED",
    "DRAGDROP_E_INVALIDHWND",
    "DRAGDROP_E_NOTREGISTERED",
    "DRAGDROP_S_CANCEL",
    "DRAGDROP_S_DROP",
    "DRAGDROP_S_USEDEFAULTCURSORS",
    "DROPEFFECT_NONE",
    "DropSourcePointer",
    "DropTargetPointer",
    "IID_IDROPSOURCE",
    "IID_IDROPTARGET",
    "do_drag_drop",
    "drop_target",
    "register_drag_drop",
    "revoke_drag_drop",
]

DRAGDROP_E_NOTREGISTERED = -2147221248  # 0x80040100
DRAGDROP_E_ALREADYREGISTERED = -2147221247  # 0x80040101
DRAGDROP_E_INVALIDHWND = -2147221246  # 0x80040102
DRAGDROP_S_DROP = 0x00040100
DRAGDROP_S_CANCEL = 0x00040101
DRAGDROP_S_USEDEFAULTCURSORS = 0x00040102
DROPEFFECT_NONE = 0


class DropTargetPointer(InterfacePointer):
    """An IDropTarget pointer: a window's receiver of drops."""

    __slots__ = ()

    def drag_enter(
        self, data: InterfacePointer, key_state: int, point: tuple[int, int], effect: int
    ) -> int:
        """The drag entered the window: the effect a drop would have."""
        return int(self._call("DragEnter", data, key_state, point, effect) or 0)

    def drag_over(self, key_state: int, point: tuple[int, int], effect: int) -> int:
        """The drag moved over the window: the effect a drop would have."""
        return int(self._call("DragOver", key_state, point, effect) or 0)

    def drag_leave(self) -> None:
        """The drag left the window."""
        self._call("DragLeave")

    def drop(
        self, data: InterfacePointer, key_state: int, point: tuple[int, int], effect: int
    ) -> int:
        """The data was dropped on the window: the effect the drop had."""
        return int(self._call("Drop", data, key_state, point, effect) or 0)


class DropSourcePointer(InterfacePointer):
    """An IDropSource pointer: the source of a drag, asked whether to go on."""

    __slots__ = ()

    def query_continue_drag(self, escape_pressed: bool, key_state: int) -> int:
        """S_OK to go on, DRAGDROP_S_DROP to drop, DRAGDROP_S_CANCEL to give up."""
        answer = self._call("QueryContinueDrag", int(escape_pressed), key_state)  # a BOOL
        return int(answer or 0)

    def give_feedback(self, effect: int) -> int:
        """Show the effect a drop would have (DRAGDROP_S_USEDEFAULTCURSORS: the default)."""
        return int(self._call("GiveFeedback", effect) or 0)


set_interface_class(IID_IDROPTARGET, DropTargetPointer)
set_interface_class(IID_IDROPSOURCE, DropSourcePointer)

_lock = threading.Lock()
hold_across_fork(_lock, OUTER)
_targets: dict[int, InterfacePointer] = {}  # by window handle


def _window(hwnd: int) -> int:
    if not messages.is_window(hwnd):
        raise ComError.from_hresult(DRAGDROP_E_INVALIDHWND, f"{hwnd:#x} is no window")
    return hwnd


def register_drag_drop(hwnd: int, target: InterfacePointer) -> None:
    """Make ``target`` (an IDropTarget) the drop target of the window ``hwnd``.

    Runs on the registering thread, which must have OLE initialized.

    Raises:
        ComError: E_OUTOFMEMORY (OLE not initialized on this thread), E_INVALIDARG (no
            target), DRAGDROP_E_INVALIDHWND (no such window), E_NOINTERFACE (``target`` is
            no IDropTarget), DRAGDROP_E_ALREADYREGISTERED (the window has a target).
    """
    if not ole_initialized():
        raise ComError.from_hresult(
            E_OUTOFMEMORY, "RegisterDragDrop needs OleInitialize on this thread"
        )
    if target is None:
        raise ComError.from_hresult(E_INVALIDARG, "RegisterDragDrop needs a drop target")
    _window(hwnd)
    drop = target.query_interface(IID_IDROPTARGET)
    with _lock:
        if hwnd in _targets:
            raise ComError.from_hresult(
                DRAGDROP_E_ALREADYREGISTERED, f"window {hwnd:#x} has a drop target already"
            )
        _targets[hwnd] = drop


def revoke_drag_drop(hwnd: int) -> None:
    """Let go of the drop target of the window ``hwnd`` (RevokeDragDrop).

    Raises:
        ComError: DRAGDROP_E_INVALIDHWND (no such window), DRAGDROP_E_NOTREGISTERED (the
            window has no drop target).
    """
    _window(hwnd)
    with _lock:
        target = _targets.pop(hwnd, None)
    if target is None:
        raise ComError.from_hresult(
            DRAGDROP_E_NOTREGISTERED, f"window {hwnd:#x} has no drop target"
        )


def drop_target(hwnd: int) -> InterfacePointer | None:
    """The drop target registered for the window ``hwnd``, or None."""
    with _lock:
        return _targets.get(hwnd)


def do_drag_drop(
    data: InterfacePointer, source: InterfacePointer, ok_effects: int
) -> tuple[int, int]:
    """Run a drag of ``data`` from ``source`` (an IDropSource) until it drops or cancels.

    Runs the source's methods on the calling thread's apartment rules (a call into its own);
    sent messages and COM calls are serviced between its answers.

    Returns:
        ``(result, effect)``: DRAGDROP_S_CANCEL and DROPEFFECT_NONE, since the cursor is over
        no drop target here (see the module docstring).

    Raises:
        ComError: E_INVALIDARG (no data or no source), E_NOINTERFACE (``data`` is no
            IDataObject, or ``source`` no IDropSource), or what the source's
            QueryContinueDrag raises (its failure ends the drag).
    """
    if data is None or source is None:
        raise ComError.from_hresult(E_INVALIDARG, "DoDragDrop needs a data object and a source")
    data.query_interface(IID_IDATAOBJECT)
    drop_source: DropSourcePointer = source.query_interface(IID_IDROPSOURCE)  # type: ignore[assignment]
    while True:
        answer = drop_source.query_continue_drag(False, 0)
        if answer in (DRAGDROP_S_DROP, DRAGDROP_S_CANCEL):
            return DRAGDROP_S_CANCEL, DROPEFFECT_NONE  # a drop over no target is a cancel
        drop_source.give_feedback(DROPEFFECT_NONE)
        messages.pump_waiting_messages(0, 0)
