r"""Which serial ports there are, and opening one (CreateFile's ``COMn``).

A name ``COMn`` (also ``\\.\COMn`` and ``COMn:``, any case) is a port; which tty it is, is
the setting ``APARTMENT_COMPORTS``: ``COM1=/dev/ttyS0;COM3=/dev/ttyUSB0`` (``;`` or ``,``
between entries). A port not named there does not exist (ERROR_FILE_NOT_FOUND), as on a
Windows machine without it. See :mod:`._comm` for the port itself.
"""

from __future__ import annotations

import fcntl
import os
import re
import termios

from ..errors import ERROR_ACCESS_DENIED, ERROR_FILE_NOT_FOUND, Win32Error
from ._comm import CommPort
from ._commstate import raw_mode
from ._file import os_error
from ._filemodes import FILE_FLAG_OVERLAPPED, map_file_access

__all__ = ["comm_port_name", "open_comm_port"]

_NAME = re.compile(r"(?:\\\\\.\\)?(COM[1-9][0-9]*):?", re.IGNORECASE)


def comm_port_name(path: str) -> str | None:
    r"""``COMn`` when ``path`` names a serial port (``COM3``, ``\\\\.\\COM3``, ``com3:``)."""
    found = _NAME.fullmatch(path)
    return None if found is None else found.group(1).upper()


def _devices() -> dict[str, str]:
    mapped: dict[str, str] = {}
    for entry in re.split(r"[;,]", os.environ.get("APARTMENT_COMPORTS", "")):
        name, _, device = entry.partition("=")
        if device.strip() and comm_port_name(name.strip()):
            mapped[name.strip().upper()] = device.strip()
    return mapped


def open_comm_port(path: str, access: int, flags: int) -> CommPort:
    """Open the serial port ``path`` names (CreateFile): exclusively, in raw mode.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for a port APARTMENT_COMPORTS does not map (or a
            device that is not a tty), ERROR_ACCESS_DENIED while another handle has it.
    """
    name = comm_port_name(path) or path
    device = _devices().get(name)
    if device is None:
        raise Win32Error.from_code(
            ERROR_FILE_NOT_FOUND,
            f"{name} is no port here: map it to a tty, APARTMENT_COMPORTS={name}=/dev/ttyS0",
        )
    try:
        fd = os.open(device, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise os_error(exc, f"opening {name} ({device})") from None
    try:
        if not os.isatty(fd):
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{name}: {device} is not a tty")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise Win32Error.from_code(
                ERROR_ACCESS_DENIED, f"{name} is open already (a port has one opener)"
            ) from None
        termios.tcsetattr(fd, termios.TCSANOW, raw_mode(termios.tcgetattr(fd)))
    except BaseException:
        os.close(fd)
        raise
    return CommPort(name, fd, map_file_access(access), bool(flags & FILE_FLAG_OVERLAPPED))
