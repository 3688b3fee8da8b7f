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
    ModuleNotLoadedError      ERROR_MOD_NOT_FOUND (126)     LookupError
    SuspendCountExceededError ERROR_SIGNAL_REFUSED (156)    RuntimeError
    NotOwnerError             ERROR_NOT_OWNER (288)         RuntimeError
    TooManyPostsError         ERROR_TOO_MANY_POSTS (298)    ValueError
    InvalidWindowHandleError  ERROR_INVALID_WINDOW_HANDLE   ValueError
                              (1400)
    TopLevelChildError        ERROR_TLW_WITH_WSCHILD        ValueError
                              (1406)
    ClassNotFoundError        ERROR_CANNOT_FIND_WND_CLASS   LookupError
                              (1407)
    WindowOfOtherThreadError  ERROR_WINDOW_OF_OTHER_THREAD  RuntimeError
                              (1408)
    ClassAlreadyExistsError   ERROR_CLASS_ALREADY_EXISTS    ValueError
                              (1410)
    ClassDoesNotExistError    ERROR_CLASS_DOES_NOT_EXIST    LookupError
                              (1411)
    ClassHasWindowsError      ERROR_CLASS_HAS_WINDOWS       RuntimeError
                              (1412)
    ClipboardNotOpenError     ERROR_CLIPBOARD_NOT_OPEN      RuntimeError
                              (1418)
    InvalidThreadIdError      ERROR_INVALID_THREAD_ID       ValueError
                              (1444)
    MessageSyncOnlyError      ERROR_MESSAGE_SYNC_ONLY       ValueError
                              (1159)
    MessageTimeoutError       ERROR_TIMEOUT (1460)          RuntimeError
    NotEnoughQuotaError       ERROR_NOT_ENOUGH_QUOTA        RuntimeError
                              (1816)
    SharingViolationError     ERROR_SHARING_VIOLATION (32)  RuntimeError
    LockViolationError        ERROR_LOCK_VIOLATION (33)     RuntimeError
    EndOfFileError            ERROR_HANDLE_EOF (38)         EOFError
    PipeEndedError            ERROR_BROKEN_PIPE (109)       RuntimeError
    PipeBusyError             ERROR_PIPE_BUSY (231)         RuntimeError
    PipeNotConnectedError     ERROR_PIPE_NOT_CONNECTED      RuntimeError
                              (233)
    OperationAbortedError     ERROR_OPERATION_ABORTED (995) RuntimeError
    IoIncompleteError         ERROR_IO_INCOMPLETE (996)     RuntimeError
    CreationRefusedError      ERROR_SUCCESS (0): Windows    RuntimeError
                              sets no code for it

The Win32 error codes and HRESULTs themselves (``ERROR_ACCESS_DENIED``, ``RPC_E_WRONG_THREAD``,
...) are exported here too, by their SDK names: this is their one home in the library.

The core raises these with an empty ``funcname``; the facade stamps the Win32 function name in,
as pywin32 reports it. ``strerror`` is the Windows system message for the code; ``detail`` says,
for a human, what went wrong and how to fix it: tracebacks show it as a note (PEP 678) under
the error, whose ``str()`` is that of its ``args``, as pywin32's. Both classes carry pywin32's
``__name__`` (``error``, ``com_error``) and derive from Exception alone, as pywin32's do.
"""

from __future__ import annotations

from typing import ClassVar

from . import _codes, _com_errors
from ._codes import *  # noqa: F403 - the codes are part of this module's API
from ._codes import (
    ERROR_ACCESS_DENIED,
    ERROR_BADDB,
    ERROR_BROKEN_PIPE,
    ERROR_CANNOT_FIND_WND_CLASS,
    ERROR_CLASS_ALREADY_EXISTS,
    ERROR_CLASS_DOES_NOT_EXIST,
    ERROR_CLASS_HAS_WINDOWS,
    ERROR_CLIPBOARD_NOT_OPEN,
    ERROR_FILE_NOT_FOUND,
    ERROR_GEN_FAILURE,
    ERROR_HANDLE_EOF,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    ERROR_INVALID_THREAD_ID,
    ERROR_INVALID_WINDOW_HANDLE,
    ERROR_IO_INCOMPLETE,
    ERROR_LOCK_VIOLATION,
    ERROR_MESSAGE_SYNC_ONLY,
    ERROR_MOD_NOT_FOUND,
    ERROR_NOT_ENOUGH_QUOTA,
    ERROR_NOT_OWNER,
    ERROR_NOT_SUPPORTED,
    ERROR_OPERATION_ABORTED,
    ERROR_PIPE_BUSY,
    ERROR_PIPE_NOT_CONNECTED,
    ERROR_SHARING_VIOLATION,
    ERROR_SIGNAL_REFUSED,
    ERROR_TIMEOUT,
    ERROR_TLW_WITH_WSCHILD,
    ERROR_TOO_MANY_POSTS,
    ERROR_WINDOW_OF_OTHER_THREAD,
    REGDB_E_READREGDB,
)

# the COM half of the tree, part of this module's API
from ._com_errors import CallCanceledError as CallCanceledError
from ._com_errors import CallCompleteError as CallCompleteError
from ._com_errors import CallFailedError as CallFailedError
from ._com_errors import CallRejectedError as CallRejectedError
from ._com_errors import CallTimeoutError as CallTimeoutError
from ._com_errors import CancelDisabledError as CancelDisabledError
from ._com_errors import CantCallOutError as CantCallOutError
from ._com_errors import ChangedModeError as ChangedModeError
from ._com_errors import ClassNotRegisteredError as ClassNotRegisteredError
from ._com_errors import ClassStringError as ClassStringError
from ._com_errors import ComError as ComError
from ._com_errors import ComNotSupportedError as ComNotSupportedError
from ._com_errors import DisconnectedError as DisconnectedError
from ._com_errors import InvalidArgumentError as InvalidArgumentError
from ._com_errors import NoInterfaceError as NoInterfaceError
from ._com_errors import NotInitializedError as NotInitializedError
from ._com_errors import ObjectNotConnectedError as ObjectNotConnectedError
from ._com_errors import ServerExecError as ServerExecError
from ._com_errors import ServerUnavailableError as ServerUnavailableError
from ._com_errors import StreamReadError as StreamReadError
from ._com_errors import WrongThreadError as WrongThreadError
from ._com_errors import _CodedComError
from ._error_notes import describe, name_as_pywin32, notes_of, reduce_error, set_notes
from ._hresult_parts import hresult_facility_name as hresult_facility_name
from ._hresult_parts import hresult_range_name as hresult_range_name
from ._hresult_parts import hresult_severity_name as hresult_severity_name
from ._texts import (
    format_message,
    hresult_from_win32,
    hresult_message,
    message_text,
    signed_hresult,
    system_message,
)

__all__ = [
    "Win32Error",
    "NameNotFoundError",
    "AccessDeniedError",
    "InvalidHandleError",
    "ThreadTerminatedError",
    "NotSupportedError",
    "InvalidParameterError",
    "ModuleNotLoadedError",
    "SuspendCountExceededError",
    "NotOwnerError",
    "TooManyPostsError",
    "InvalidWindowHandleError",
    "TopLevelChildError",
    "CreationRefusedError",
    "ClassNotFoundError",
    "WindowOfOtherThreadError",
    "ClassAlreadyExistsError",
    "ClassDoesNotExistError",
    "ClassHasWindowsError",
    "ClipboardNotOpenError",
    "InvalidThreadIdError",
    "MessageTimeoutError",
    "NotEnoughQuotaError",
    "MessageSyncOnlyError",
    "SharingViolationError",
    "LockViolationError",
    "EndOfFileError",
    "PipeEndedError",
    "PipeBusyError",
    "PipeNotConnectedError",
    "OperationAbortedError",
    "IoIncompleteError",
    *_com_errors.__all__,
    "RegistryError",
    "RegistryReadError",
    "RegistryWriteError",
    "describe",
    "system_message",
    "hresult_message",
    "hresult_severity_name",
    "hresult_facility_name",
    "hresult_range_name",
    "message_text",
    "format_message",
    "signed_hresult",
    "hresult_from_win32",
    *_codes.__all__,
]


class Win32Error(Exception):
    """A Win32 call failed: ``args == (winerror, funcname, strerror)``, as pywintypes.error has.

    Its ``__name__`` is pywin32's, ``error``; ``str()`` is that of ``args``, as pywin32's.

    Attributes:
        winerror: the Win32 error code (``GetLastError()``).
        funcname: the Win32 function that failed; empty when raised by the core.
        strerror: the Windows system message for ``winerror``.
        detail: what happened and how to fix it, for humans; not part of ``args``: tracebacks
            show it as a note (``__notes__``).
    """

    code: ClassVar[int] = 0
    _by_code: ClassVar[dict[int, type[Win32Error]]] = {}

    winerror: int
    funcname: str
    strerror: str
    detail: str
    __notes__ = property(notes_of, set_notes)
    __reduce__ = reduce_error
    __str__ = Exception.__str__  # args, as pywin32's (before an OSError base's, in subclasses)

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
        """This error as pywin32 raises it from ``funcname``, for the facade to re-raise.

        pywin32 raises ``pywintypes.error`` itself, never a subclass: a named subclass comes
        back as a plain Win32Error (its detail kept); a plain one is stamped in place.
        """
        if type(self) is Win32Error or not isinstance(self, _CodedError):
            self.funcname = funcname
            self.args = (self.winerror, funcname, self.strerror)
            return self
        return Win32Error(self.winerror, funcname, self.strerror, detail=self.detail)


def _rebuild_error(args: tuple[object, ...]) -> Win32Error:
    """A pickled Win32Error back (it prints as pywintypes.error, which may not be importable)."""
    return Win32Error(*args)


name_as_pywin32(Win32Error, "error", _rebuild_error)  # prints as pywintypes.error


class _CodedError(Win32Error):
    """A Win32Error whose code is fixed by its class; the core builds it from a detail text."""

    def __init__(self, detail: str | int = "", *args: object, funcname: str = "") -> None:
        if isinstance(detail, int):  # rebuilt from args (pickle, copy): (winerror, funcname, ...)
            super().__init__(detail, *args)
        else:
            super().__init__(self.code, funcname, system_message(self.code), detail=detail)


class NameNotFoundError(_CodedError, LookupError, code=ERROR_FILE_NOT_FOUND):
    """No kernel object has that name (ERROR_FILE_NOT_FOUND)."""


class AccessDeniedError(_CodedError, RuntimeError, code=ERROR_ACCESS_DENIED):
    """The handle lacks the access right the operation needs (ERROR_ACCESS_DENIED)."""


class InvalidHandleError(_CodedError, ValueError, code=ERROR_INVALID_HANDLE):
    """A handle is closed, unknown, or names an object of the wrong type (ERROR_INVALID_HANDLE)."""


class ThreadTerminatedError(_CodedError, RuntimeError, code=ERROR_GEN_FAILURE):
    """The target thread has already ended (ERROR_GEN_FAILURE, as QueueUserAPC reports it)."""


class NotSupportedError(_CodedError, RuntimeError, code=ERROR_NOT_SUPPORTED):
    """The operation is not supported on this platform or object (ERROR_NOT_SUPPORTED)."""


class InvalidParameterError(_CodedError, ValueError, code=ERROR_INVALID_PARAMETER):
    """An argument is out of range or inconsistent (ERROR_INVALID_PARAMETER)."""


class ModuleNotLoadedError(_CodedError, LookupError, code=ERROR_MOD_NOT_FOUND):
    """No module of that name is loaded in this process (ERROR_MOD_NOT_FOUND)."""


class SuspendCountExceededError(_CodedError, RuntimeError, code=ERROR_SIGNAL_REFUSED):
    """A thread's suspend count would pass 127 (ERROR_SIGNAL_REFUSED)."""


class NotOwnerError(_CodedError, RuntimeError, code=ERROR_NOT_OWNER):
    """Released a mutex the calling thread does not own (ERROR_NOT_OWNER)."""


class TooManyPostsError(_CodedError, ValueError, code=ERROR_TOO_MANY_POSTS):
    """Released a semaphore past its maximum count (ERROR_TOO_MANY_POSTS)."""


class InvalidWindowHandleError(_CodedError, ValueError, code=ERROR_INVALID_WINDOW_HANDLE):
    """The window does not exist, or has been destroyed (ERROR_INVALID_WINDOW_HANDLE)."""


class TopLevelChildError(_CodedError, ValueError, code=ERROR_TLW_WITH_WSCHILD):
    """A window with the WS_CHILD style was created without a parent (1406)."""


class CreationRefusedError(_CodedError, RuntimeError):
    """A window procedure refused its window's creation (WM_NCCREATE gave 0, WM_CREATE -1).

    CreateWindow returns NULL then without setting an error code, so ``winerror`` is
    ERROR_SUCCESS (0).
    """


class ClassNotFoundError(_CodedError, LookupError, code=ERROR_CANNOT_FIND_WND_CLASS):
    """CreateWindow was given a class nobody registered (ERROR_CANNOT_FIND_WND_CLASS)."""


class WindowOfOtherThreadError(_CodedError, RuntimeError, code=ERROR_WINDOW_OF_OTHER_THREAD):
    """The window belongs to another thread (ERROR_WINDOW_OF_OTHER_THREAD)."""


class ClassAlreadyExistsError(_CodedError, ValueError, code=ERROR_CLASS_ALREADY_EXISTS):
    """A window class of that name is already registered (ERROR_CLASS_ALREADY_EXISTS)."""


class ClassDoesNotExistError(_CodedError, LookupError, code=ERROR_CLASS_DOES_NOT_EXIST):
    """No window class of that name is registered (ERROR_CLASS_DOES_NOT_EXIST)."""


class ClassHasWindowsError(_CodedError, RuntimeError, code=ERROR_CLASS_HAS_WINDOWS):
    """UnregisterClass while windows of the class live (ERROR_CLASS_HAS_WINDOWS)."""


class ClipboardNotOpenError(_CodedError, RuntimeError, code=ERROR_CLIPBOARD_NOT_OPEN):
    """The calling thread does not have the clipboard open (ERROR_CLIPBOARD_NOT_OPEN)."""


class InvalidThreadIdError(_CodedError, ValueError, code=ERROR_INVALID_THREAD_ID):
    """No such thread, or it has no message queue (ERROR_INVALID_THREAD_ID)."""


class MessageTimeoutError(_CodedError, RuntimeError, code=ERROR_TIMEOUT):
    """A sent message was not answered in time (ERROR_TIMEOUT)."""


class MessageSyncOnlyError(_CodedError, ValueError, code=ERROR_MESSAGE_SYNC_ONLY):
    """A message whose parameters are pointers was posted; it can only be sent (1159)."""


class NotEnoughQuotaError(_CodedError, RuntimeError, code=ERROR_NOT_ENOUGH_QUOTA):
    """The queue already holds 10,000 posted messages (ERROR_NOT_ENOUGH_QUOTA)."""


class SharingViolationError(_CodedError, RuntimeError, code=ERROR_SHARING_VIOLATION):
    """Another handle's share mode forbids this open, or this one's forbids theirs (32)."""


class LockViolationError(_CodedError, RuntimeError, code=ERROR_LOCK_VIOLATION):
    """A byte range is locked by another handle (ERROR_LOCK_VIOLATION, 33)."""


class EndOfFileError(_CodedError, EOFError, code=ERROR_HANDLE_EOF):
    """An overlapped read started at or past the end of the file (ERROR_HANDLE_EOF, 38)."""


class PipeEndedError(_CodedError, RuntimeError, code=ERROR_BROKEN_PIPE):
    """The other end of the pipe was closed and no data is left (ERROR_BROKEN_PIPE, 109)."""


class PipeBusyError(_CodedError, RuntimeError, code=ERROR_PIPE_BUSY):
    """Every instance of the named pipe is busy, or unread data blocks a transaction (231)."""


class PipeNotConnectedError(_CodedError, RuntimeError, code=ERROR_PIPE_NOT_CONNECTED):
    """The server disconnected this pipe instance (ERROR_PIPE_NOT_CONNECTED, 233)."""


class OperationAbortedError(_CodedError, RuntimeError, code=ERROR_OPERATION_ABORTED):
    """The I/O was cancelled (CancelIo) or its handle closed (ERROR_OPERATION_ABORTED, 995)."""


class IoIncompleteError(_CodedError, RuntimeError, code=ERROR_IO_INCOMPLETE):
    """The overlapped operation has not completed yet (ERROR_IO_INCOMPLETE, 996)."""


class RegistryError(Exception):
    """The class registry file cannot be used; its two kinds are what Windows raises.

    Each kind is also a RuntimeError.

    A lookup (activation, a ProgID) fails like COM's: :class:`RegistryReadError`, a
    ``com_error`` with REGDB_E_READREGDB. A registration fails like the registry calls
    pywin32's RegisterClasses makes: :class:`RegistryWriteError`, a ``pywintypes.error`` with
    the Win32 code (ERROR_ACCESS_DENIED, ERROR_PATH_NOT_FOUND, ERROR_BADDB). Either names the
    file and the fix; neither ever writes to a file that is not a registry of ours.
    """


class RegistryReadError(RegistryError, _CodedComError, RuntimeError, hresult=REGDB_E_READREGDB):
    """The class registry cannot be read (REGDB_E_READREGDB): garbage, not ours, unreadable."""


class RegistryWriteError(RegistryError, Win32Error, RuntimeError):
    """The class registry cannot be written; ``winerror`` says why, as RegSetValue would."""

    def __init__(self, code: int | str = ERROR_BADDB, *args: object, detail: str = "") -> None:
        winerror = ERROR_BADDB if isinstance(code, str) else code
        if isinstance(code, str):  # RegistryWriteError("detail"): a damaged file
            detail = code
        if args:  # rebuilt from args (pickle, copy)
            super().__init__(winerror, *args, detail=detail)
        else:
            super().__init__(winerror, "", system_message(winerror), detail=detail)
