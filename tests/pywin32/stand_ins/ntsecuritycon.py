"""Our stand-in for pywin32's ``ntsecuritycon``: the access rights its file tests name.

pywin32's module is a list of constants from winnt.h; the tests we run take one of them.
"""

from __future__ import annotations

__all__ = ["FILE_LIST_DIRECTORY", "FILE_READ_DATA", "FILE_WRITE_DATA"]

FILE_READ_DATA = 0x0001
FILE_LIST_DIRECTORY = 0x0001
FILE_WRITE_DATA = 0x0002
