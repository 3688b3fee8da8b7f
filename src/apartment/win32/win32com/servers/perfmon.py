"""pywin32's ``win32com.servers.perfmon``: the Python.PerfmonQuery COM server.

One method, ``Query(object, counter, instance=None, machine=None)``: a counter's value now
(:func:`win32pdhutil.GetPerformanceAttributes`). A counter PDH cannot read is a COM
exception with PDH's message; a wrong argument type DISP_E_TYPEMISMATCH, as pywin32's.
Run it, or ``python -m apartment register`` it, to register.
"""

from __future__ import annotations

from typing import ClassVar

from apartment.win32 import win32pdhutil
from apartment.win32.win32com.server.exception import COMException
from apartment.win32.win32com.server.register import UseCommandLine

__all__ = ["PerfMonQuery"]

_DISP_E_TYPEMISMATCH = -2147352571


class PerfMonQuery:
    """Performance counters through COM (a rudimentary Performance Monitor)."""

    _reg_verprogid_ = "Python.PerfmonQuery.1"
    _reg_progid_ = "Python.PerfmonQuery"
    _reg_desc_ = "Python Performance Monitor query object"
    _reg_clsid_ = "{64cef7a0-8ece-11d1-a65a-00aa00125a98}"
    _reg_class_spec_ = "apartment.win32.win32com.servers.perfmon.PerfMonQuery"
    _public_methods_: ClassVar[list[str]] = ["Query"]

    def Query(
        self, object: str, counter: str, instance: str | None = None, machine: str | None = None
    ) -> object:
        """The value of ``object``'s ``counter`` (of ``instance``) on ``machine`` now."""
        try:
            return win32pdhutil.GetPerformanceAttributes(object, counter, instance, machine=machine)
        except win32pdhutil.error as exc:
            raise COMException(desc=exc.strerror) from None
        except TypeError as exc:
            raise COMException(desc=str(exc), scode=_DISP_E_TYPEMISMATCH) from None


if __name__ == "__main__":
    print("Registering COM server...")
    UseCommandLine(PerfMonQuery)
