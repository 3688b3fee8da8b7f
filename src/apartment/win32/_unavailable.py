"""Names of pywin32 that stand for features Linux lacks: they exist, and calling one fails.

A program that imports such a name must still import (``from win32com.shell.shell import
SHGetDesktopFolder`` at the top of a script that never reaches the call), and a call must
fail the way pywin32 fails on a Windows that lacks the feature, so the program's ``except``
clauses see what they would there:

* a Win32 function (``win32inet``'s URL cache...) raises ``pywintypes.error`` with
  ERROR_NOT_SUPPORTED (50) and the function's name, as a missing service does on Windows;
* a shell or COM function raises ``pythoncom.com_error`` with E_NOTIMPL, as pywin32's shell
  module does for an entry point it cannot find in shell32.

docs/differences-from-windows.md lists the rule ("Names without a feature behind them").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from ..errors import E_NOTIMPL as _E_NOTIMPL
from ..errors import ERROR_NOT_SUPPORTED, ComError, Win32Error

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["unavailable_com", "unavailable_win32"]


def unavailable_win32(name: str, what: str) -> Callable[..., NoReturn]:
    """A function ``name`` that raises ``error(ERROR_NOT_SUPPORTED, name, ...)``.

    ``what`` (the feature, plural) goes into the error's detail.
    """

    def unavailable(*args: object, **kwargs: object) -> NoReturn:
        raise Win32Error.from_code(ERROR_NOT_SUPPORTED, f"{what} are not available on Linux", name)

    unavailable.__name__ = unavailable.__qualname__ = name
    unavailable.__doc__ = f"Not available: {what} (pywintypes.error ERROR_NOT_SUPPORTED)."
    return unavailable


def unavailable_com(name: str, what: str) -> Callable[..., NoReturn]:
    """A function ``name`` that raises ``com_error(E_NOTIMPL)``.

    ``what`` (the feature, plural) goes into the error's detail.
    """

    def unavailable(*args: object, **kwargs: object) -> NoReturn:
        raise ComError.from_hresult(_E_NOTIMPL, f"{name}: {what} are not available on Linux")

    unavailable.__name__ = unavailable.__qualname__ = name
    unavailable.__doc__ = f"Not available: {what} (pythoncom.com_error E_NOTIMPL)."
    return unavailable
