"""A stand-in for the C runtime's ``msvcrt``: descriptors and handles, nothing else.

Linux has no ``msvcrt``; ``python -m apartment run`` (and the facade in a child) maps the
name here so that pywin32 programs that pass a handle to ``open``-style code, or a file's
descriptor to CreateProcess, run. Only the two conversions are here:

* ``open_osfhandle(handle, flags)`` hands a file handle's descriptor over (the descriptor
  then owns it). ``flags`` (``os.O_RDONLY``, ``O_APPEND``, ``O_TEXT``...) are accepted and
  not used: the descriptor keeps the mode it was opened with, and Linux has no text mode.
* ``get_osfhandle(fd)`` gives a descriptor's handle (made on first use).

As the C runtime's, both raise ``OSError(EBADF)`` for a bad handle or descriptor, and the
handle must be an int (a PyHANDLE is refused with TypeError, as CPython's msvcrt does).
"""

from __future__ import annotations

import errno
import operator

from .. import kernel
from ..errors import InvalidHandleError

__all__ = ["open_osfhandle", "get_osfhandle"]


def _bad_descriptor() -> OSError:
    return OSError(errno.EBADF, "Bad file descriptor")


def open_osfhandle(handle: int, flags: int, /) -> int:
    """Return a descriptor for a file handle; the descriptor owns the handle from then on."""
    if not isinstance(handle, int):  # CPython's msvcrt takes an int and nothing else
        raise TypeError("an integer is required")
    operator.index(flags)
    try:
        return kernel.descriptor_of_handle(handle)
    except InvalidHandleError:
        raise _bad_descriptor() from None


def get_osfhandle(fd: int, /) -> int:
    """Return the handle of descriptor ``fd``."""
    try:
        return kernel.handle_of_descriptor(operator.index(fd))
    except OSError:
        raise _bad_descriptor() from None
