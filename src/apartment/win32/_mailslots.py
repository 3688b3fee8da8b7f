r"""win32file's mailslots: CreateMailslot, GetMailslotInfo, SetMailslotInfo.

The core's mailslots (``apartment.kernel``: a Unix datagram socket per name in the user's
runtime directory); clients open ``\\.\mailslot\NAME`` with CreateFile and write with
WriteFile, the server reads with ReadFile. win32file star-imports this module.
"""

from __future__ import annotations

from .. import kernel
from ._adapt import api, dword
from ._buffers import text_arg
from ._handles import PyHANDLE, lookup, new_handle
from ._security import inherits

__all__ = ["CreateMailslot", "GetMailslotInfo", "SetMailslotInfo"]


def _signed(value: int) -> int:
    return value - 2**32 if value >= 2**31 else value


@api("CreateMailslot")
def CreateMailslot(
    Name: object, MaxMessageSize: int, ReadTimeout: int, SecurityAttributes: object, /
) -> PyHANDLE:
    r"""Make the server end of ``\\.\mailslot\NAME``: its reader (timeout in ms, -1 forever)."""
    slot = kernel.create_mailslot(text_arg(Name), dword(MaxMessageSize), dword(ReadTimeout))
    return new_handle(slot, inherit=inherits(SecurityAttributes))


@api("GetMailslotInfo")
def GetMailslotInfo(Mailslot: object, /) -> list[int]:
    """``[max message size, next size (-1: none), message count, read timeout (-1: forever)]``."""
    max_size, following, count, timeout = lookup(Mailslot, kernel.Mailslot).info()
    return [max_size, _signed(following), count, _signed(timeout)]


@api("SetMailslotInfo")
def SetMailslotInfo(Mailslot: object, ReadTimeout: int, /) -> None:
    lookup(Mailslot, kernel.Mailslot).set_read_timeout(dword(ReadTimeout))
