"""pywin32's window procedures: a callable or a dict, called the way pywin32 calls them.

Shared by ``win32gui``'s classes (RegisterClass) and its subclassing (SetWindowLong with
GWL_WNDPROC), which is why it is a module of its own.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING, Any

from .. import messages

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["PyWndProc"]


class PyWndProc:
    """Calls a pywin32-style window procedure (a callable or a dict) the way pywin32 does.

    The dict, the printed exception and the 0 for a result that is not an int are pywin32's
    conventions (its C++ window procedure), not Windows'; the message layer calls this like
    any window procedure.

    pywin32 attaches a class's Python procedure to the class when CreateWindow returns its
    first window, so everything that first window gets while it is being created (WM_NCCREATE,
    WM_CREATE, WM_SIZE, WM_MOVE, and what showing it sends) goes to DefWindowProc; the
    class's later windows get it all (seen on the real pywin32). ``attached`` is that state.

    A dialog class's procedure (``WNDCLASS.SetDialogProc``) leaves what it does not handle to
    the dialog manager (DefDlgProc, which calls the dialog procedure a DialogBoxIndirect or
    CreateDialogIndirect call gave), not to DefWindowProc: ``dialog`` is that.
    """

    __slots__ = ("attached", "default", "target")

    def __init__(
        self,
        target: Callable[..., object] | dict[int, Callable[..., object]],
        dialog: bool = False,
    ) -> None:
        self.target = target
        self.attached = False
        self.default = messages.def_dialog_proc if dialog else messages.def_window_proc

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:  # noqa: ANN401
        if not self.attached:
            return self.default(hwnd, msg, wparam, lparam)
        target = self.target
        fn = target.get(msg) if isinstance(target, dict) else target
        if fn is None:
            return self.default(hwnd, msg, wparam, lparam)
        try:
            result = fn(hwnd, msg, wparam, lparam)
        except Exception:
            print("Python WNDPROC handler failed", file=sys.stderr)
            traceback.print_exc()
            return 0
        if result is None:
            return 0
        if not isinstance(result, int):
            print("WNDPROC return value cannot be converted to LRESULT", file=sys.stderr)
            return 0
        return result
