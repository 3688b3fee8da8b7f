"""The exceptions of every layer, shaped like the errors pywin32 raises.

One tree serves the Pythonic API and the pywin32 facade alike: ``pywintypes.error`` *is*
:class:`Win32Error` and ``pythoncom.com_error`` *is* :class:`ComError`, so nothing is translated
on the way out. Each named subclass also derives from the builtin a Python user would catch::

    Exception
     +-- Win32Error (winerror, funcname, strerror)            = pywintypes.error
     |    +-- one subclass per code, in the table below
     +-- ComError (hresult, strerror, excepinfo, argerror)    = pythoncom.com_error

    Win32Error subclass       Windows code                  also a
    ------------------------  ----------------------------  ------------------
    NameNotFoundError         ERROR_FILE_NOT_FOUND (2)      LookupError
    AccessDeniedError         ERROR_ACCESS_DENIED (5)       RuntimeError
    InvalidHandleError        ERROR_INVALID_HANDLE (6)      ValueError
    ThreadTerminatedError     ERROR_GEN_FAILURE (31)        RuntimeError
    NotSupportedError         ERROR_NOT_SUPPORTED (50)      RuntimeError
    InvalidParameterError     ERROR_INVALID_PARAMETER (87)  ValueError
    SuspendCountExceededError ERROR_SIGNAL_REFUSED (156)    RuntimeError
    NotOwnerError             ERROR_NOT_OWNER (288)         RuntimeError
    TooManyPostsError         ERROR_TOO_MANY_POSTS (298)    ValueError
    InvalidWindowHandleError  ERROR_INVALID_WINDOW_HANDLE   ValueError
                              (1400)
    ClassNotFoundError        ERROR_CANNOT_FIND_WND_CLASS   LookupError
                              (1407)
    WindowOfOtherThreadError  ERROR_WINDOW_OF_OTHER_THREAD  RuntimeError
                              (1408)
    ClassAlreadyExistsError   ERROR_CLASS_ALREADY_EXISTS    ValueError
                              (1410)
    ClassDoesNotExistError    ERROR_CLASS_DOES_NOT_EXIST    LookupError
                              (1411)
    InvalidThreadIdError      ERROR_INVALID_THREAD_ID       ValueError
                              (1444)
    MessageTimeoutError       ERROR_TIMEOUT (1460)          RuntimeError
    NotEnoughQuotaError       ERROR_NOT_ENOUGH_QUOTA        RuntimeError
                              (1816)

The core raises these with an empty ``funcname``; the facade stamps the Win32 function name in,
as pywin32 reports it. ``strerror`` is the Windows system message for the code; ``detail`` says,
for a human, what went wrong and how to fix it, and is shown by ``str()``.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "Win32Error",
    "NameNotFoundError",
    "AccessDeniedError",
    "InvalidHandleError",
    "ThreadTerminatedError",
    "NotSupportedError",
    "InvalidParameterError",
    "SuspendCountExceededError",
    "NotOwnerError",
    "TooManyPostsError",
    "InvalidWindowHandleError",
    "ClassNotFoundError",
    "WindowOfOtherThreadError",
    "ClassAlreadyExistsError",
    "ClassDoesNotExistError",
    "InvalidThreadIdError",
    "MessageTimeoutError",
    "NotEnoughQuotaError",
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
    "system_message",
    "hresult_message",
    "signed_hresult",
]

# The Windows system messages (FormatMessage, en-US) for the codes this library raises.
_MESSAGES: dict[int, str] = {
    0: "The operation completed successfully.",
    2: "The system cannot find the file specified.",
    5: "Access is denied.",
    6: "The handle is invalid.",
    8: "Not enough memory resources are available to process this command.",
    31: "A device attached to the system is not functioning.",
    50: "The request is not supported.",
    87: "The parameter is incorrect.",
    156: "The recipient process has refused the signal.",
    183: "Cannot create a file when that file already exists.",
    258: "The wait operation timed out.",
    288: "Attempt to release mutex not owned by caller.",
    298: "Too many posts were made to a semaphore.",
    1400: "Invalid window handle.",
    1407: "Cannot find window class.",
    1408: "Invalid window; it belongs to other thread.",
    1410: "Class already exists.",
    1411: "Class does not exist.",
    1444: "Invalid thread identifier.",
    1460: "This operation returned because the timeout period expired.",
    1816: "Not enough quota is available to process this command.",
}


def system_message(code: int) -> str:
    """Return the Windows system message for a Win32 error code, as FormatMessage gives it."""
    return _MESSAGES.get(code, "No error message is available")


class _WindowsError(Exception):
    """What both error kinds share: a ``detail`` for humans beside pywin32's ``args``."""

    detail: str

    def __str__(self) -> str:
        text = str(self.args)
        return f"{text}: {self.detail}" if self.detail else text

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), self.args, self.__dict__)


class Win32Error(_WindowsError):
    """A Win32 call failed: ``args == (winerror, funcname, strerror)``, as pywintypes.error has.

    Attributes:
        winerror: the Win32 error code (``GetLastError()``).
        funcname: the Win32 function that failed; empty when raised by the core.
        strerror: the Windows system message for ``winerror``.
        detail: what happened and how to fix it, for humans; not part of ``args``.
    """

    code: ClassVar[int] = 0
    _by_code: ClassVar[dict[int, type[Win32Error]]] = {}

    winerror: int
    funcname: str
    strerror: str

    def __init__(self, *args: object, detail: str = "") -> None:
        super().__init__(*args)
        # Missing arguments read as None, as pywintypes.error's attributes do.
        winerror, funcname, strerror = (*args, None, None, None)[:3]
        self.winerror = winerror  # type: ignore[assignment]
        self.funcname = funcname  # type: ignore[assignment]
        self.strerror = strerror  # type: ignore[assignment]
        self.detail = detail

    def __init_subclass__(cls, code: int = 0, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if code:
            cls.code = code
            Win32Error._by_code[code] = cls

    @classmethod
    def from_code(cls, code: int, detail: str = "", funcname: str = "") -> Win32Error:
        """Build the named subclass for ``code`` (or a plain Win32Error) with Windows' message."""
        kind = Win32Error._by_code.get(code)
        if kind is None:
            return Win32Error(code, funcname, system_message(code), detail=detail)
        error = kind(detail)
        return error.with_funcname(funcname) if funcname else error

    def with_funcname(self, funcname: str) -> Win32Error:
        """Stamp the Win32 function name in, as the facade does before re-raising."""
        self.funcname = funcname
        self.args = (self.winerror, funcname, self.strerror)
        return self


class _CodedError(Win32Error):
    """A Win32Error whose code is fixed by its class; the core builds it from a detail text."""

    def __init__(self, detail: str | int = "", *args: object, funcname: str = "") -> None:
        if isinstance(detail, int):  # rebuilt from args (pickle, copy): (winerror, funcname, ...)
            super().__init__(detail, *args)
        else:
            super().__init__(self.code, funcname, system_message(self.code), detail=detail)


class NameNotFoundError(_CodedError, LookupError, code=2):
    """No kernel object has that name (ERROR_FILE_NOT_FOUND)."""


class AccessDeniedError(_CodedError, RuntimeError, code=5):
    """The handle lacks the access right the operation needs (ERROR_ACCESS_DENIED)."""


class InvalidHandleError(_CodedError, ValueError, code=6):
    """A handle is closed, unknown, or names an object of the wrong type (ERROR_INVALID_HANDLE)."""


class ThreadTerminatedError(_CodedError, RuntimeError, code=31):
    """The target thread has already ended (ERROR_GEN_FAILURE, as QueueUserAPC reports it)."""


class NotSupportedError(_CodedError, RuntimeError, code=50):
    """The operation is not supported on this platform or object (ERROR_NOT_SUPPORTED)."""


class InvalidParameterError(_CodedError, ValueError, code=87):
    """An argument is out of range or inconsistent (ERROR_INVALID_PARAMETER)."""


class SuspendCountExceededError(_CodedError, RuntimeError, code=156):
    """A thread's suspend count would pass 127 (ERROR_SIGNAL_REFUSED)."""


class NotOwnerError(_CodedError, RuntimeError, code=288):
    """Released a mutex the calling thread does not own (ERROR_NOT_OWNER)."""


class TooManyPostsError(_CodedError, ValueError, code=298):
    """Released a semaphore past its maximum count (ERROR_TOO_MANY_POSTS)."""


class InvalidWindowHandleError(_CodedError, ValueError, code=1400):
    """The window does not exist, or has been destroyed (ERROR_INVALID_WINDOW_HANDLE)."""


class ClassNotFoundError(_CodedError, LookupError, code=1407):
    """CreateWindow was given a class nobody registered (ERROR_CANNOT_FIND_WND_CLASS)."""


class WindowOfOtherThreadError(_CodedError, RuntimeError, code=1408):
    """The window belongs to another thread (ERROR_WINDOW_OF_OTHER_THREAD)."""


class ClassAlreadyExistsError(_CodedError, ValueError, code=1410):
    """A window class of that name is already registered (ERROR_CLASS_ALREADY_EXISTS)."""


class ClassDoesNotExistError(_CodedError, LookupError, code=1411):
    """No window class of that name is registered (ERROR_CLASS_DOES_NOT_EXIST)."""


class InvalidThreadIdError(_CodedError, ValueError, code=1444):
    """No such thread, or it has no message queue (ERROR_INVALID_THREAD_ID)."""


class MessageTimeoutError(_CodedError, RuntimeError, code=1460):
    """A sent message was not answered in time (ERROR_TIMEOUT)."""


class NotEnoughQuotaError(_CodedError, RuntimeError, code=1816):
    """The queue already holds 10,000 posted messages (ERROR_NOT_ENOUGH_QUOTA)."""


_HRESULT_MESSAGES: dict[int, str] = {
    -2147467263: "Not implemented",
    -2147467262: "No such interface supported",
    -2147467259: "Unspecified error",
    -2147418113: "Catastrophic failure",
    -2147024809: "The parameter is incorrect.",
    -2147221232: "Class does not support aggregation (or class object is remote)",
    -2147221231: "ClassFactory cannot supply requested class",
    -2147221164: "Class not registered",
    -2147221021: "Operation unavailable",
    -2147221008: "CoInitialize has not been called.",
    -2147221005: "Invalid class string",
    -2147221000: "DLL for class not found",
    -2147220997: "Object is not registered",
    -2147220995: "Object is not connected to server",
    -2146959355: "Server execution failed",
    -2147417851: "The server threw an exception.",
    -2147417850: "Cannot change thread mode after it is set.",
    -2147417848: "The object invoked has disconnected from its clients.",
    -2147417843: (
        "An outgoing call cannot be made since the application is dispatching an "
        "input-synchronous call."
    ),
    -2147417842: (
        "The application called an interface that was marshalled for a different thread."
    ),
    -2147417835: "The message filter indicated that the application is busy.",
    -2147417824: "There are no synchronization objects to wait on.",
    -2147352573: "Member not found.",
    -2147352571: "Type mismatch.",
    -2147352570: "Unknown name.",
    -2147352567: "Exception occurred.",
    -2147352562: "Invalid number of parameters.",
    -2147287010: "A disk error occurred during a read operation.",
    -2147023174: "The RPC server is unavailable.",
    -2147023170: "The remote procedure call failed.",
}


def hresult_message(hresult: int) -> str:
    """Return Windows' message for an HRESULT (signed), as FormatMessage gives it."""
    if hresult == 0:
        return "The operation completed successfully."
    return _HRESULT_MESSAGES.get(hresult, "Unknown error")


def signed_hresult(value: int) -> int:
    """Read an HRESULT as the signed 32-bit int pywin32 uses (0x8001010E -> -2147417842)."""
    value &= 0xFFFFFFFF
    return value - 0x100000000 if value & 0x80000000 else value


class ComError(_WindowsError):
    """A COM call failed: ``args == (hresult, strerror, excepinfo, argerror)``.

    ``hresult`` is the signed 32-bit value, as pywin32 gives it (RPC_E_WRONG_THREAD is
    -2147417842). ``excepinfo`` is ``(wCode, source, description, helpFile, helpContext, scode)``
    when the server raised, else None.
    """

    hresult_code: ClassVar[int] = 0
    _by_hresult: ClassVar[dict[int, type[ComError]]] = {}

    hresult: int
    strerror: str | None
    excepinfo: tuple[int, str | None, str | None, str | None, int, int] | None
    argerror: int | None

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


class _CodedComError(ComError):
    """A ComError whose HRESULT is fixed by its class; the core builds it from a detail text."""

    def __init__(self, detail: str | int = "", *args: object) -> None:
        if isinstance(detail, int):  # rebuilt from args (pickle, copy)
            super().__init__(detail, *args)
        else:
            code = self.hresult_code
            super().__init__(code, hresult_message(code), None, None, detail=detail)


class NotInitializedError(_CodedComError, RuntimeError, hresult=-2147221008):
    """COM was used on a thread in no apartment (CO_E_NOTINITIALIZED)."""


class ChangedModeError(_CodedComError, RuntimeError, hresult=-2147417850):
    """The thread is already in the other kind of apartment (RPC_E_CHANGED_MODE)."""


class WrongThreadError(_CodedComError, RuntimeError, hresult=-2147417842):
    """An object or proxy was used from an apartment it does not belong to (RPC_E_WRONG_THREAD)."""


class DisconnectedError(_CodedComError, RuntimeError, hresult=-2147417848):
    """The object's apartment has ended, or it was disconnected (RPC_E_DISCONNECTED)."""


class ObjectNotConnectedError(_CodedComError, RuntimeError, hresult=-2147220995):
    """The proxy's apartment has ended, or marshal data was used twice (CO_E_OBJNOTCONNECTED)."""


class CantCallOutError(_CodedComError, RuntimeError, hresult=-2147417843):
    """A COM call was made while handling a message sent from another thread.

    Windows refuses it with RPC_E_CANTCALLOUT_ININPUTSYNCCALL.
    """


class InvalidArgumentError(_CodedComError, ValueError, hresult=-2147024809):
    """A bad argument, such as an unknown GIT cookie (E_INVALIDARG)."""


class NoInterfaceError(_CodedComError, TypeError, hresult=-2147467262):
    """The object does not support the interface asked for (E_NOINTERFACE)."""


class ClassStringError(_CodedComError, ValueError, hresult=-2147221005):
    """An unknown ProgID or a malformed CLSID string (CO_E_CLASSSTRING)."""


class ClassNotRegisteredError(_CodedComError, LookupError, hresult=-2147221164):
    """The CLSID is not registered (REGDB_E_CLASSNOTREG)."""


class StreamReadError(_CodedComError, RuntimeError, hresult=-2147287010):
    """A marshal stream was read past its end: it was used already (STG_E_READFAULT)."""
