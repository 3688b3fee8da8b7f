"""pywin32's OLE drag and drop, LRESULT objects, OleLoad, CoSetCancelObject, URL monikers.

``pythoncom`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

import operator
from typing import Any

from .. import com
from ._adapt import dword
from ._interfaces import PyIUnknown, com_object
from ._monikers import _string

__all__ = [
    "RegisterDragDrop", "RevokeDragDrop", "DoDragDrop", "ObjectFromLresult", "OleLoad",
    "CoSetCancelObject", "CreateURLMonikerEx",
]  # fmt: skip


class PyIDropTarget(PyIUnknown, com.DropTargetPointer):
    """pywin32's PyIDropTarget: a window's receiver of drops."""

    __slots__ = ()

    def DragEnter(self, pDataObj: object, grfKeyState: int, pt: Any, pdwEffect: int, /) -> int:  # noqa: ANN401
        return self.drag_enter(com_object(pDataObj), dword(grfKeyState), pt, dword(pdwEffect))

    def DragOver(self, grfKeyState: int, pt: Any, pdwEffect: int, /) -> int:  # noqa: ANN401
        return self.drag_over(dword(grfKeyState), pt, dword(pdwEffect))

    def DragLeave(self) -> None:
        self.drag_leave()

    def Drop(self, pDataObj: object, grfKeyState: int, pt: Any, dwEffect: int, /) -> int:  # noqa: ANN401
        return self.drop(com_object(pDataObj), dword(grfKeyState), pt, dword(dwEffect))


class PyIDropSource(PyIUnknown, com.DropSourcePointer):
    """pywin32's PyIDropSource: the source of a drag (its answers' success codes are dropped)."""

    __slots__ = ()

    def QueryContinueDrag(self, fEscapePressed: int, grfKeyState: int, /) -> None:
        self.query_continue_drag(bool(fEscapePressed), dword(grfKeyState))

    def GiveFeedback(self, dwEffect: int, /) -> None:
        self.give_feedback(dword(dwEffect))


com.set_interface_class(com.IID_IDROPTARGET, PyIDropTarget)
com.set_interface_class(com.IID_IDROPSOURCE, PyIDropSource)


def RegisterDragDrop(hwnd: int, dropTarget: object, /) -> None:
    target = com_object(dropTarget)
    com.register_drag_drop(operator.index(hwnd), target)


def RevokeDragDrop(hwnd: int, /) -> None:
    com.revoke_drag_drop(operator.index(hwnd))


def DoDragDrop(dataObject: object, dropSource: object, effects: int, /) -> int:
    """Run a drag from ``dropSource``; the effect of the drop (see ``com.do_drag_drop``)."""
    data, source = com_object(dataObject), com_object(dropSource)
    _result, effect = com.do_drag_drop(data, source, dword(effects))
    return effect


def ObjectFromLresult(lresult: int, iid: object, wparam: int, /) -> Any:  # noqa: ANN401
    return com.object_from_lresult(operator.index(lresult), iid, operator.index(wparam))


def OleLoad(storage: object, iid: object, site: object, /) -> Any:  # noqa: ANN401
    """The object ``storage`` holds, loaded from it (``site``: an IOleClientSite or None)."""
    stored = com_object(storage)
    if site is not None:
        com_object(site)
    return com.load_from_storage(stored.query_interface(com.IID_ISTORAGE), iid)  # type: ignore[arg-type]


def CoSetCancelObject(obj: object, /) -> None:
    com.set_cancel_object(None if obj is None else com_object(obj))


def CreateURLMonikerEx(context: object, URL: object, flags: int = 1, /) -> Any:  # noqa: ANN401
    """A URL moniker (``context``: a moniker ``URL`` is relative to, or None)."""
    url = _string(URL)
    return com.url_moniker(None if context is None else com_object(context), url, dword(flags))
