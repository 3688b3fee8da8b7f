"""How a Python COM server's errors reach its client, and where unexpected ones are told.

A server method that raises :class:`COMException` returns that HRESULT, as it asks. Anything
else it raises is *unexpected*: a bug in the server. The client then gets E_FAIL (or
DISP_E_EXCEPTION) with the traceback as the description, and the error is told through
:data:`REPORTS` (printed to stderr by default), because the client may not be Python.

Two calling conventions, two shapes of error (pywin32's, ``PyGatewayBase.cpp``):

* **IDispatch::Invoke** (:func:`dispatch_error`): a COMException whose scode is a DISP_E_*
  code returns that code bare; any other COMException returns DISP_E_EXCEPTION with an
  excepinfo ``(0, source, description, helpfile, helpcontext, scode)``; an unexpected
  exception returns DISP_E_EXCEPTION with source "Python COM Server Internal Error",
  description "Unexpected Python Error: <traceback>" and scode E_FAIL (E_OUTOFMEMORY for
  MemoryError), or the excepinfo a ``ComError`` it raised carries.
* **Any other interface's method** (:func:`native_error`): the scode itself is the HRESULT,
  with the same excepinfo beside it.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

from ..errors import (
    DISP_E_EXCEPTION,
    E_FAIL,
    E_OUTOFMEMORY,
    S_FALSE,
    ComError,
    hresult_from_win32,
    hresult_message,
    signed_hresult,
)

__all__ = ["COMException", "ServerReports", "REPORTS", "dispatch_error", "native_error"]

_FACILITY_DISPATCH = 2
_INTERNAL = "Python COM Server Internal Error"

ExcepInfo = tuple[int, Any, Any, Any, int, int]


class COMException(ComError):  # noqa: N818 - pywin32's name
    """An exception a Python COM server raises to return a specific HRESULT to its client.

    Shaped like pywin32's ``win32com.server.exception.COMException``: ``scode`` (or
    ``hresult``) is the HRESULT, a small one (-32768..32767 but 0 and 1) being a Win32 error
    code, which becomes its HRESULT; ``description`` (or ``desc``) defaults to the system
    text for the scode. Without a scode, ``scode`` is None: the client sees E_FAIL.
    """

    def __init__(
        self,
        description: str | None = None,
        scode: int | None = None,
        source: str | None = None,
        helpfile: str | None = None,
        helpContext: int | None = None,  # noqa: N803 - pywin32's name
        desc: str | None = None,
        hresult: int | None = None,
    ) -> None:
        code = scode or hresult
        if code and code != S_FALSE and -32768 <= code < 32768:  # a Win32 error code
            code = hresult_from_win32(code & 0xFFFF)
        if code:
            code = signed_hresult(code)
        text = description or desc
        if code == S_FALSE and not text:
            text = "S_FALSE"
        elif code and not text:
            text = hresult_message(code)
        self.scode = code
        self.description = text
        self.source = source
        self.helpfile = helpfile
        self.helpcontext = helpContext
        super().__init__(code, text, None, -1)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(scode={self.scode!r}, desc={self.description!r})"


class ServerReports:
    """Where the gateway tells what a server did wrong; replace it with :func:`set_reports`.

    Both methods run on the thread that ran the server's method, right after it.
    """

    def unexpected(self, method: str | None, error: BaseException) -> None:
        """A server raised something else than COMException (``method``: None for Invoke)."""
        where = "invoking a COM method" if method is None else f"in COM method {method!r}"
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        sys.stderr.write(f"Unexpected Python exception {where}:\n\n{text}")

    def extra_results(self, supplied: int, settable: int = 0) -> None:
        """A server returned more values than its result and by-reference arguments take.

        ``supplied`` values came back; the result and ``settable`` arguments took their part.
        """
        sys.stderr.write(
            f"COM warning: a method returned a tuple of {supplied} values; its first is the "
            f"result, the next {settable} fill its by-reference arguments and the rest were "
            "dropped (return a list for an array)\n"
        )


class _Reports:
    __slots__ = ("current",)

    def __init__(self) -> None:
        self.current = ServerReports()


REPORTS = _Reports()


def set_reports(reports: ServerReports) -> ServerReports:
    """Make ``reports`` tell the servers' unexpected errors; return the previous one."""
    previous, REPORTS.current = REPORTS.current, reports
    return previous


def _description(text: object) -> object:
    """An excepinfo string, as pywin32 reads it (a non-string is no description)."""
    return text if text is None or isinstance(text, str) else "<Bad String Object>"


def _internal(error: BaseException) -> ExcepInfo:
    """The excepinfo of an unexpected error: the traceback is the description."""
    scode = E_OUTOFMEMORY if isinstance(error, MemoryError) else E_FAIL
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return (0, _INTERNAL, f"Unexpected Python Error: {text}", None, 0, scode)


def _carried(error: ComError) -> ExcepInfo | None:
    """The excepinfo a ComError raised by the server carries, if it is a well-formed one."""
    info: Any = error.excepinfo
    if isinstance(info, tuple) and len(info) == 6:
        return info
    return None


def dispatch_error(error: BaseException) -> ComError:
    """Turn what a server raised under IDispatch::Invoke into the client's ComError."""
    if isinstance(error, COMException):
        scode = error.scode or 0
        if (scode >> 16) & 0x1FFF == _FACILITY_DISPATCH:  # a DISP_E_* code comes bare
            return ComError(scode, hresult_message(scode), None, None)
        info: Any = (
            0, error.source, _description(error.description), error.helpfile,
            error.helpcontext or 0, scode,
        )  # fmt: skip
        return ComError.from_hresult(DISP_E_EXCEPTION, excepinfo=info)
    REPORTS.current.unexpected(None, error)
    carried = _carried(error) if isinstance(error, ComError) else None
    if carried is not None:
        code, source, text, helpfile, context, scode = carried
        info = (int(code) & 0xFFFF, source, text, helpfile, context, scode)
        return ComError.from_hresult(DISP_E_EXCEPTION, excepinfo=info)
    internal: Any = _internal(error)
    return ComError.from_hresult(DISP_E_EXCEPTION, excepinfo=internal)


def native_error(error: BaseException, method: str) -> ComError:
    """Turn what a server raised in an interface method (not Invoke) into the client's error."""
    if isinstance(error, COMException):
        scode = error.scode or E_FAIL
        info = (
            0, error.source, _description(error.description), error.helpfile,
            error.helpcontext or 0, scode,
        )  # fmt: skip
        return ComError(scode, hresult_message(scode), info, None)
    REPORTS.current.unexpected(method, error)
    carried = _carried(error) if isinstance(error, ComError) else None
    info = carried if carried is not None else _internal(error)
    scode = signed_hresult(int(info[5]))
    return ComError(scode, hresult_message(scode), (0, *info[1:5], scode), None)
