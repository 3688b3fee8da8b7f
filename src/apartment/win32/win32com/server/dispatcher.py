"""pywin32's ``win32com.server.dispatcher``: dispatchers, which stand in front of a policy.

A dispatcher answers every COM call by handing it to its policy (``self.policy``); the base
one prints the traceback of an unexpected exception (to ``win32com.logger`` when set), the
trace ones also print a line for each call, in pywin32's words. ``pythoncom.WrapObject``
takes one where it takes a policy. Nothing here is COM's logic: each method is one call to
the policy, plus what pywin32 prints.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any, NoReturn

from apartment.win32 import win32com

from ..util import IIDToInterfaceName
from .exception import IsCOMServerException

__all__ = [
    "DispatcherBase",
    "DispatcherTrace",
    "DispatcherWin32trace",
    "DispatcherOutputDebugString",
    "DefaultDebugDispatcher",
]


class DispatcherBase:
    """Hands every call to the policy; prints the traceback of an unexpected exception."""

    def __init__(self, policyClass: Any, object: Any) -> None:  # noqa: ANN401
        self.policy = policyClass(object)
        self.logger = getattr(win32com, "logger", None)

    def _QueryInterface_(self, iid: object) -> Any:  # noqa: ANN401
        try:
            return self.policy._QueryInterface_(iid)
        except BaseException:
            self._HandleException_()

    def _Invoke_(self, dispid: Any, lcid: int, wFlags: int, args: Any) -> Any:  # noqa: ANN401
        try:
            return self.policy._Invoke_(dispid, lcid, wFlags, args)
        except BaseException:
            self._HandleException_()

    def _GetIDsOfNames_(self, names: Any, lcid: int) -> Any:  # noqa: ANN401
        try:
            return self.policy._GetIDsOfNames_(names, lcid)
        except BaseException:
            self._HandleException_()

    def _GetTypeInfo_(self, index: int, lcid: int) -> Any:  # noqa: ANN401
        try:
            return self.policy._GetTypeInfo_(index, lcid)
        except BaseException:
            self._HandleException_()

    def _GetTypeInfoCount_(self) -> Any:  # noqa: ANN401
        try:
            return self.policy._GetTypeInfoCount_()
        except BaseException:
            self._HandleException_()

    def _GetDispID_(self, name: str, fdex: int) -> Any:  # noqa: ANN401
        try:
            return self.policy._GetDispID_(name, fdex)
        except BaseException:
            self._HandleException_()

    def _InvokeEx_(
        self, dispid: Any, lcid: int, wFlags: int, args: Any, kwargs: Any, serviceProvider: Any,  # noqa: ANN401
    ) -> Any:  # noqa: ANN401  # fmt: skip
        try:
            return self.policy._InvokeEx_(dispid, lcid, wFlags, args, kwargs, serviceProvider)
        except BaseException:
            self._HandleException_()

    def _GetMemberName_(self, dispid: int) -> Any:  # noqa: ANN401
        try:
            return self.policy._GetMemberName_(dispid)
        except BaseException:
            self._HandleException_()

    def _GetNextDispID_(self, fdex: int, flags: int) -> Any:  # noqa: ANN401
        try:
            return self.policy._GetNextDispID_(fdex, flags)
        except BaseException:
            self._HandleException_()

    def _HandleException_(self) -> NoReturn:
        """Print (or log) an unexpected exception, then raise it for the framework."""
        if not IsCOMServerException():
            if self.logger is not None:
                self.logger.exception("pythoncom server error")
            else:
                traceback.print_exc()
        raise

    def _trace_(self, *args: Any) -> None:  # noqa: ANN401
        if self.logger is not None:
            self.logger.debug(" ".join(map(str, args)))
        else:
            for arg in args[:-1]:
                print(arg, end=" ")
            print(args[-1])


class DispatcherTrace(DispatcherBase):
    """A dispatcher that prints a line for each COM call, as pywin32's does."""

    def _QueryInterface_(self, iid: object) -> Any:  # noqa: ANN401
        rc = DispatcherBase._QueryInterface_(self, iid)
        if not rc:
            self._trace_(
                f"in {self.policy._obj_!r}._QueryInterface_ with unsupported IID "
                f"{IIDToInterfaceName(iid)!s} ({iid})"
            )
        return rc

    def _GetIDsOfNames_(self, names: Any, lcid: int) -> Any:  # noqa: ANN401
        self._trace_(f"in _GetIDsOfNames_ with '{names}' and '{lcid:d}'\n")
        return DispatcherBase._GetIDsOfNames_(self, names, lcid)

    def _GetTypeInfo_(self, index: int, lcid: int) -> Any:  # noqa: ANN401
        self._trace_(f"in _GetTypeInfo_ with index={index:d}, lcid={lcid:d}\n")
        return DispatcherBase._GetTypeInfo_(self, index, lcid)

    def _GetTypeInfoCount_(self) -> Any:  # noqa: ANN401
        self._trace_("in _GetTypeInfoCount_\n")
        return DispatcherBase._GetTypeInfoCount_(self)

    def _Invoke_(self, dispid: Any, lcid: int, wFlags: int, args: Any) -> Any:  # noqa: ANN401
        self._trace_("in _Invoke_ with", dispid, lcid, wFlags, args)
        return DispatcherBase._Invoke_(self, dispid, lcid, wFlags, args)

    def _GetDispID_(self, name: str, fdex: int) -> Any:  # noqa: ANN401
        self._trace_("in _GetDispID_ with", name, fdex)
        return DispatcherBase._GetDispID_(self, name, fdex)

    def _InvokeEx_(
        self, dispid: Any, lcid: int, wFlags: int, args: Any, kwargs: Any, serviceProvider: Any,  # noqa: ANN401
    ) -> Any:  # noqa: ANN401  # fmt: skip
        self._trace_(
            f"in {self.policy._obj_!r}._InvokeEx_-{dispid}{args!r} "
            f"[{wFlags:x},{lcid},{serviceProvider!r}]"
        )
        return DispatcherBase._InvokeEx_(self, dispid, lcid, wFlags, args, kwargs, serviceProvider)

    def _GetMemberName_(self, dispid: int) -> Any:  # noqa: ANN401
        self._trace_("in _GetMemberName_ with", dispid)
        return DispatcherBase._GetMemberName_(self, dispid)

    def _GetNextDispID_(self, fdex: int, flags: int) -> Any:  # noqa: ANN401
        self._trace_("in _GetNextDispID_ with", fdex, flags)
        return DispatcherBase._GetNextDispID_(self, fdex, flags)


class DispatcherWin32trace(DispatcherTrace):
    """pywin32's win32trace dispatcher; there is no win32trace collector here: it prints."""

    def __init__(self, policyClass: Any, object: Any) -> None:  # noqa: ANN401
        DispatcherTrace.__init__(self, policyClass, object)
        self._trace_(f"Object with win32trace dispatcher created (object={object!r})")


class DispatcherOutputDebugString(DispatcherTrace):
    """pywin32's OutputDebugString dispatcher; with no debugger to write to, it writes stderr."""

    def _trace_(self, *args: Any) -> None:  # noqa: ANN401
        sys.stderr.write(" ".join(str(arg) for arg in args) + "\n")


DefaultDebugDispatcher: type[DispatcherTrace] = DispatcherTrace
"""pywin32 picks DispatcherWin32trace when win32trace is installed; it is not here."""
