"""The COM half of the exception tree: ``ComError`` (pythoncom.com_error) and its named kinds.

Exported by :mod:`apartment.errors`, whose module name the classes carry (tracebacks and
pickles say ``apartment.errors``); see there for the whole tree.
"""

from __future__ import annotations

from typing import ClassVar

from ._codes import (
    CO_E_CANCEL_DISABLED,
    CO_E_CLASSSTRING,
    CO_E_NOT_SUPPORTED,
    CO_E_NOTINITIALIZED,
    CO_E_OBJNOTCONNECTED,
    CO_E_SERVER_EXEC_FAILURE,
    E_INVALIDARG,
    E_NOINTERFACE,
    REGDB_E_CLASSNOTREG,
    RPC_E_CALL_CANCELED,
    RPC_E_CALL_COMPLETE,
    RPC_E_CALL_REJECTED,
    RPC_E_CANTCALLOUT_ININPUTSYNCCALL,
    RPC_E_CHANGED_MODE,
    RPC_E_DISCONNECTED,
    RPC_E_TIMEOUT,
    RPC_E_WRONG_THREAD,
    RPC_S_CALL_FAILED,
    RPC_S_SERVER_UNAVAILABLE,
    STG_E_READFAULT,
)
from ._error_notes import name_as_pywin32, notes_of, reduce_error, set_notes
from ._texts import hresult_from_win32, hresult_message, signed_hresult

__all__ = [
    "ComError",
    "NotInitializedError",
    "ChangedModeError",
    "WrongThreadError",
    "DisconnectedError",
    "ObjectNotConnectedError",
    "CantCallOutError",
    "InvalidArgumentError",
    "NoInterfaceError",
    "ClassStringError",
    "ClassNotRegisteredError",
    "StreamReadError",
    "CallTimeoutError",
    "CallRejectedError",
    "CallCanceledError",
    "CallCompleteError",
    "CancelDisabledError",
    "ComNotSupportedError",
    "ServerUnavailableError",
    "CallFailedError",
    "ServerExecError",
]


class ComError(Exception):
    """A COM call failed: ``args == (hresult, strerror, excepinfo, argerror)``.

    ``hresult`` is the signed 32-bit value, as pywin32 gives it (RPC_E_WRONG_THREAD is
    -2147417842). ``excepinfo`` is ``(wCode, source, description, helpFile, helpContext, scode)``
    when the server raised, else None. Its ``__name__`` is pywin32's, ``com_error``; ``str()``
    is that of ``args``; ``detail`` is a note, as :class:`Win32Error`'s.
    """

    hresult_code: ClassVar[int] = 0
    _by_hresult: ClassVar[dict[int, type[ComError]]] = {}

    hresult: int
    strerror: str | None
    excepinfo: tuple[int, str | None, str | None, str | None, int, int] | None
    argerror: int | None
    detail: str
    __notes__ = property(notes_of, set_notes)
    __reduce__ = reduce_error
    __str__ = Exception.__str__  # args, as pywin32's (before an OSError base's, in subclasses)

    def __init__(self, *args: object, detail: str = "") -> None:
        super().__init__(*args)
        hresult, strerror, excepinfo, argerror = (*args, None, None, None, None)[:4]
        self.hresult = hresult  # type: ignore[assignment]
        self.strerror = strerror  # type: ignore[assignment]
        self.excepinfo = excepinfo  # type: ignore[assignment]
        self.argerror = argerror  # type: ignore[assignment]
        self.detail = detail

    def __init_subclass__(cls, hresult: int = 0, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if hresult:
            cls.hresult_code = hresult
            ComError._by_hresult[hresult] = cls

    @classmethod
    def from_hresult(
        cls,
        hresult: int,
        detail: str = "",
        excepinfo: tuple[int, str | None, str | None, str | None, int, int] | None = None,
    ) -> ComError:
        """Build the named subclass for ``hresult`` (or a plain ComError) with Windows' text."""
        hresult = signed_hresult(hresult)
        kind = ComError._by_hresult.get(hresult)
        if kind is None or excepinfo is not None:
            return ComError(hresult, hresult_message(hresult), excepinfo, None, detail=detail)
        return kind(detail)

    def plain(self) -> ComError:
        """This error as pywin32 raises it: ``com_error`` itself, for the facade to re-raise.

        pywin32 raises no subclass of ``com_error``: a named subclass of the core's comes back
        as a plain ComError with the same ``args`` (its detail kept); any other is itself.
        """
        if not isinstance(self, _CodedComError):
            return self
        return ComError(*self.args, detail=self.detail)


class _CodedComError(ComError):
    """A ComError whose HRESULT is fixed by its class; the core builds it from a detail text."""

    def __init__(self, detail: str | int = "", *args: object) -> None:
        if isinstance(detail, int):  # rebuilt from args (pickle, copy)
            super().__init__(detail, *args)
        else:
            code = self.hresult_code
            super().__init__(code, hresult_message(code), None, None, detail=detail)


class NotInitializedError(_CodedComError, RuntimeError, hresult=CO_E_NOTINITIALIZED):
    """COM was used on a thread in no apartment (CO_E_NOTINITIALIZED)."""


class ChangedModeError(_CodedComError, RuntimeError, hresult=RPC_E_CHANGED_MODE):
    """The thread is already in the other kind of apartment (RPC_E_CHANGED_MODE)."""


class WrongThreadError(_CodedComError, RuntimeError, hresult=RPC_E_WRONG_THREAD):
    """An object or proxy was used from an apartment it does not belong to (RPC_E_WRONG_THREAD)."""


class DisconnectedError(_CodedComError, RuntimeError, hresult=RPC_E_DISCONNECTED):
    """The object's apartment has ended, or it was disconnected (RPC_E_DISCONNECTED)."""


class ObjectNotConnectedError(_CodedComError, RuntimeError, hresult=CO_E_OBJNOTCONNECTED):
    """The proxy's apartment has ended, or marshal data was used twice (CO_E_OBJNOTCONNECTED)."""


class CantCallOutError(_CodedComError, RuntimeError, hresult=RPC_E_CANTCALLOUT_ININPUTSYNCCALL):
    """A COM call was made while handling a message sent from another thread.

    Windows refuses it with RPC_E_CANTCALLOUT_ININPUTSYNCCALL.
    """


class InvalidArgumentError(_CodedComError, ValueError, hresult=E_INVALIDARG):
    """A bad argument, such as an unknown GIT cookie (E_INVALIDARG)."""


class NoInterfaceError(_CodedComError, TypeError, hresult=E_NOINTERFACE):
    """The object does not support the interface asked for (E_NOINTERFACE)."""


class ClassStringError(_CodedComError, ValueError, hresult=CO_E_CLASSSTRING):
    """An unknown ProgID or a malformed CLSID string (CO_E_CLASSSTRING)."""


class ClassNotRegisteredError(_CodedComError, LookupError, hresult=REGDB_E_CLASSNOTREG):
    """The CLSID is not registered (REGDB_E_CLASSNOTREG)."""


class StreamReadError(_CodedComError, RuntimeError, hresult=STG_E_READFAULT):
    """A marshal stream was read past its end: it was used already (STG_E_READFAULT)."""


class CallTimeoutError(_CodedComError, TimeoutError, hresult=RPC_E_TIMEOUT):
    """A call into another apartment got no reply within its bound (RPC_E_TIMEOUT)."""


class CallRejectedError(_CodedComError, RuntimeError, hresult=RPC_E_CALL_REJECTED):
    """The callee's message filter refused the call and the caller gave up."""


class CallCanceledError(_CodedComError, RuntimeError, hresult=RPC_E_CALL_CANCELED):
    """The call was cancelled (cancel_call, or the caller's message filter)."""


class CallCompleteError(_CodedComError, RuntimeError, hresult=RPC_E_CALL_COMPLETE):
    """A cancel came too late: the call had completed (RPC_E_CALL_COMPLETE)."""


class CancelDisabledError(_CodedComError, RuntimeError, hresult=CO_E_CANCEL_DISABLED):
    """A cancel for a thread that has not enabled call cancellation (CO_E_CANCEL_DISABLED)."""


class ComNotSupportedError(_CodedComError, RuntimeError, hresult=CO_E_NOT_SUPPORTED):
    """The operation is not supported here, e.g. a message filter outside an STA."""


class ServerUnavailableError(
    _CodedComError, ConnectionError, hresult=hresult_from_win32(RPC_S_SERVER_UNAVAILABLE)
):
    """The object's server process is gone; the call was not sent (0x800706BA).

    HRESULT_FROM_WIN32(RPC_S_SERVER_UNAVAILABLE): what a call through a proxy to a local
    server that has exited gives (semantics.md §7.7).
    """


class CallFailedError(
    _CodedComError, ConnectionError, hresult=hresult_from_win32(RPC_S_CALL_FAILED)
):
    """The server process died while it had the call (0x800706BE); it may have run.

    HRESULT_FROM_WIN32(RPC_S_CALL_FAILED): what the callers in flight get when a local
    server is killed (semantics.md §7.7).
    """


class ServerExecError(_CodedComError, RuntimeError, hresult=CO_E_SERVER_EXEC_FAILURE):
    """A local server could not be started, or did not register its class in time.

    CO_E_SERVER_EXEC_FAILURE; ``detail`` holds what the server wrote to its standard error.
    """


for _kind in (_CodedComError, *(globals()[_name] for _name in __all__)):
    _kind.__module__ = "apartment.errors"  # where users import them from


def _rebuild_com_error(args: tuple[object, ...]) -> ComError:
    """A pickled ComError back (it prints as pywintypes.com_error, which may not be importable)."""
    return ComError(*args)


name_as_pywin32(ComError, "com_error", _rebuild_com_error)  # prints as pywintypes.com_error
