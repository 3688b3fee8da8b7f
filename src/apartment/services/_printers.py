"""The print spooler: running, with no printer installed.

Windows' spooler lists the printers, opens them by name and knows the default one. Linux
prints through CUPS, which the library does not drive: here the spooler has no printer, so
listings are empty, a printer's name is unknown (ERROR_INVALID_PRINTER_NAME), there is no
default printer (ERROR_FILE_NOT_FOUND, as Windows reports it) and no printer handle is ever
valid (ERROR_INVALID_HANDLE). See ``docs/differences-from-windows.md``.
"""

from __future__ import annotations

from typing import NoReturn

from ..errors import ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, Win32Error

__all__ = [
    "PrintServer",
    "printers",
    "default_printer",
    "open_printer",
    "no_printer_handle",
    "ERROR_INVALID_PRINTER_NAME",
]

ERROR_INVALID_PRINTER_NAME = 1801


class PrintServer:
    """The local print server, which OpenPrinter(None) opens: it has no printer, form or job."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<PrintServer (local, no printer)>"


def printers() -> list[str]:
    """Return the names of the installed printers: none."""
    return []


def default_printer() -> NoReturn:
    """Return the default printer's name.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, always: no printer is installed.
    """
    raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, "there is no default printer")


def open_printer(name: str) -> NoReturn:
    """Open printer ``name``.

    Raises:
        Win32Error: ERROR_INVALID_PRINTER_NAME, always: no printer is installed.
    """
    raise Win32Error.from_code(ERROR_INVALID_PRINTER_NAME, f"there is no printer {name!r}")


def no_printer_handle(handle: int) -> NoReturn:
    """A printer's handle or a printer DC: none is valid, as none was opened.

    Raises:
        Win32Error: ERROR_INVALID_HANDLE, always.
    """
    raise Win32Error.from_code(ERROR_INVALID_HANDLE, f"{handle} is no printer's handle")
