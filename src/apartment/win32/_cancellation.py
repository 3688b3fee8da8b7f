"""pywin32's call cancellation names (CoGetCancelObject and PyICancelMethodCalls, ...).

``pythoncom`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

import operator
from typing import Any

from .. import com
from ..errors import CO_E_CANCEL_DISABLED, E_NOINTERFACE, ComError
from ._adapt import dword
from ._interfaces import PyIUnknown

__all__ = [
    "CoEnableCallCancellation", "CoDisableCallCancellation", "CoGetCancelObject",
    "PyICancelMethodCalls",
]  # fmt: skip


class PyICancelMethodCalls(PyIUnknown, com.CancelPointer):
    """pywin32's PyICancelMethodCalls."""

    __slots__ = ()

    def Cancel(self, Seconds: int, /) -> None:
        self.cancel(float(dword(Seconds)))

    def TestCancel(self) -> int:
        return self.test()


def CoEnableCallCancellation() -> None:
    com.enable_call_cancellation()


def CoDisableCallCancellation() -> None:
    if not com.disable_call_cancellation():
        raise ComError.from_hresult(
            CO_E_CANCEL_DISABLED, "call cancellation stays enabled: more enables than disables"
        )


def CoGetCancelObject(riid: object, ThreadID: int = 0, /) -> Any:  # noqa: ANN401
    if com.iid_text(riid) not in (com.IID_ICANCELMETHODCALLS, com.IID_IUNKNOWN):
        raise ComError.from_hresult(E_NOINTERFACE, "a cancel object is an ICancelMethodCalls")
    return com.cancel_object(operator.index(ThreadID))


com.set_interface_class(com.IID_ICANCELMETHODCALLS, PyICancelMethodCalls)
