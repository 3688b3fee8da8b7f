"""pywin32's ``win32pipe`` over the kernel's pipes: named pipes, anonymous pipes, transactions.

Each function converts pywin32's arguments, calls one core function or one method of the
:class:`~apartment.kernel.PipeEnd` behind the handle, and converts the result. pywin32's
shapes are kept: ConnectNamedPipe returns 0, ERROR_PIPE_CONNECTED or ERROR_IO_PENDING;
TransactNamedPipe returns ``(rc, data)`` as ReadFile does; GetNamedPipeInfo returns a list.
"""

from __future__ import annotations

import operator

from .. import kernel
from ..kernel import FILE_FLAG_FIRST_PIPE_INSTANCE as FILE_FLAG_FIRST_PIPE_INSTANCE
from ..kernel import NMPWAIT_NOWAIT as NMPWAIT_NOWAIT
from ..kernel import NMPWAIT_USE_DEFAULT_WAIT as NMPWAIT_USE_DEFAULT_WAIT
from ..kernel import PIPE_ACCEPT_REMOTE_CLIENTS as PIPE_ACCEPT_REMOTE_CLIENTS
from ..kernel import PIPE_ACCESS_DUPLEX as PIPE_ACCESS_DUPLEX
from ..kernel import PIPE_ACCESS_INBOUND as PIPE_ACCESS_INBOUND
from ..kernel import PIPE_ACCESS_OUTBOUND as PIPE_ACCESS_OUTBOUND
from ..kernel import PIPE_NOWAIT as PIPE_NOWAIT
from ..kernel import PIPE_READMODE_BYTE as PIPE_READMODE_BYTE
from ..kernel import PIPE_READMODE_MESSAGE as PIPE_READMODE_MESSAGE
from ..kernel import PIPE_REJECT_REMOTE_CLIENTS as PIPE_REJECT_REMOTE_CLIENTS
from ..kernel import PIPE_TYPE_BYTE as PIPE_TYPE_BYTE
from ..kernel import PIPE_TYPE_MESSAGE as PIPE_TYPE_MESSAGE
from ..kernel import PIPE_UNLIMITED_INSTANCES as PIPE_UNLIMITED_INSTANCES
from ..kernel import PIPE_WAIT as PIPE_WAIT
from ..kernel import HostPipe, PipeEnd
from ._adapt import api, c_long, dword
from ._buffers import data_arg, read_buffer, text_arg
from ._handles import PyHANDLE, lookup, new_handle
from ._object_security import give_created_descriptor
from ._security import inherits
from .pywintypes import error, overlapped_arg
from .win32file import GetOverlappedResult as GetOverlappedResult

__all__ = [
    "error",
    "CreateNamedPipe", "ConnectNamedPipe", "DisconnectNamedPipe", "TransactNamedPipe",
    "CallNamedPipe", "PeekNamedPipe", "WaitNamedPipe", "SetNamedPipeHandleState",
    "GetNamedPipeHandleState", "GetNamedPipeInfo", "GetNamedPipeClientProcessId",
    "GetNamedPipeServerProcessId", "GetOverlappedResult", "CreatePipe", "FdCreatePipe",
    "GetNamedPipeClientSessionId", "GetNamedPipeServerSessionId", "popen", "popen2", "popen3",
    "popen4",
]  # fmt: skip

_FILE_READ_DATA = 0x0001  # the right FSCTL_PIPE_PEEK needs (ReadFile's too)

NMPWAIT_WAIT_FOREVER = -1  # 0xFFFFFFFF through a C long, as pywin32 has it
UNICODE = 1


@api("CreateNamedPipe")
def CreateNamedPipe(
    pipeName: str,
    openMode: int,
    pipeMode: int,
    nMaxInstances: int,
    nOutBufferSize: int,
    nInBufferSize: int,
    nDefaultTimeOut: int,
    sa: object,
    /,
) -> PyHANDLE:
    """Create an instance of a named pipe; it listens at once with ``sa``'s descriptor."""
    # pywin32 parses the six numbers as C longs: 2**31 is an OverflowError, -1 is 0xFFFFFFFF
    end = kernel.create_named_pipe(
        text_arg(pipeName),
        *(
            c_long(number) & 0xFFFFFFFF
            for number in (
                openMode,
                pipeMode,
                nMaxInstances,
                nOutBufferSize,
                nInBufferSize,
                nDefaultTimeOut,
            )
        ),
    )
    handle = new_handle(end, end.access)
    if sa is not None:  # its descriptor is the new pipe's (win32security)
        give_created_descriptor(handle, sa, existed=False)
    return handle


@api("ConnectNamedPipe")
def ConnectNamedPipe(hPipe: object, overlapped: object = None, /) -> int:
    """Wait for a client: 0, or ERROR_PIPE_CONNECTED / ERROR_IO_PENDING (returned)."""
    return lookup(hPipe, PipeEnd).connect(overlapped_arg(overlapped))


@api("DisconnectNamedPipe")
def DisconnectNamedPipe(hFile: object, /) -> None:
    lookup(hFile, PipeEnd).disconnect()


@api("TransactNamedPipe")
def TransactNamedPipe(
    pipeHandle: object, writeData: object, buffer: object, overlapped: object = None, /
) -> tuple[int, object]:
    """Write a message and read the reply: ``(rc, data)`` as ReadFile returns it."""
    end = lookup(pipeHandle, PipeEnd)
    core = overlapped_arg(overlapped)
    data = data_arg(writeData)
    target, view = read_buffer(buffer)
    status, count = end.transact(data, view, core)
    if core is not None:
        return status, target
    return status, bytes(view[:count])


@api("CallNamedPipe")
def CallNamedPipe(pipeName: str, data: object, bufSize: int, timeOut: int, /) -> bytes:
    """Connect, transact once in message mode, close; the reply's bytes."""
    payload = bytes(data_arg(data))
    return kernel.call_named_pipe(
        text_arg(pipeName), payload, int.__index__(bufSize), dword(timeOut)
    )


@api("PeekNamedPipe")
def PeekNamedPipe(hPipe: object, size: int, /) -> tuple[bytes, int, int]:
    """``(data, bytes available, bytes left in this message)``, reading nothing.

    A pipe the program did not make with this library (a child's output from ``subprocess``,
    by ``msvcrt.get_osfhandle``) is peeked at too, as an anonymous pipe.
    """
    # FSCTL_PIPE_PEEK needs FILE_READ_DATA: an anonymous pipe's write end is ERROR_ACCESS_DENIED
    pipe: PipeEnd | HostPipe = lookup(hPipe, (PipeEnd, HostPipe), _FILE_READ_DATA)  # type: ignore[assignment]
    return pipe.peek(int.__index__(size))


@api("WaitNamedPipe")
def WaitNamedPipe(pipeName: str, timeout: int, /) -> None:
    """Wait until an instance listens (NMPWAIT_USE_DEFAULT_WAIT, NMPWAIT_WAIT_FOREVER, or ms)."""
    kernel.wait_named_pipe(text_arg(pipeName), dword(timeout))


def _optional_int(value: object, what: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int):
        raise TypeError(f"{what} param must be None or an integer (got {type(value).__name__})")
    return value


@api("SetNamedPipeHandleState")
def SetNamedPipeHandleState(
    hPipe: object, Mode: object, MaxCollectionCount: object, CollectDataTimeout: object, /
) -> None:
    """Set the read mode and wait mode; the collection settings (remote pipes) are not used.

    With all three None nothing is asked of the handle, so Windows succeeds on any handle.
    """
    mode = _optional_int(Mode, "mode")
    count = _optional_int(MaxCollectionCount, "maxCollectionCount")
    timeout = _optional_int(CollectDataTimeout, "collectDataTimeout")
    if mode is None and count is None and timeout is None:
        return
    end = lookup(hPipe, PipeEnd)
    if mode is not None:
        end.set_mode(mode & 0xFFFFFFFF)


@api("GetNamedPipeHandleState")
def GetNamedPipeHandleState(
    hPipe: object, bGetCollectionData: int = 0, bGetUserName: int = 0, /
) -> tuple[int, int, int | None, int | None, str]:
    """``(state, instances, maxCollectionCount, collectDataTimeout, userName)``."""
    end = lookup(hPipe, PipeEnd)
    end.check_query()
    collect = 0 if bGetCollectionData else None
    return end.mode(), end.instances(), collect, collect, ""


@api("GetNamedPipeInfo")
def GetNamedPipeInfo(hNamedPipe: object, /) -> list[int]:
    """``[flags, outBufferSize, inBufferSize, maxInstances]`` (a list, as pywin32 gives it)."""
    return list(lookup(hNamedPipe, PipeEnd).info())


@api("GetNamedPipeClientProcessId")
def GetNamedPipeClientProcessId(hPipe: object, /) -> int:
    return lookup(hPipe, PipeEnd).client_pid


@api("GetNamedPipeServerProcessId")
def GetNamedPipeServerProcessId(hPipe: object, /) -> int:
    return lookup(hPipe, PipeEnd).server_pid


@api("CreatePipe")
def CreatePipe(sa: object, nSize: int, /) -> tuple[PyHANDLE, PyHANDLE]:
    """Create an anonymous pipe: ``(read handle, write handle)``, inheritable if ``sa`` says so."""
    read_end, write_end = kernel.create_pipe(dword(nSize))
    inherit = inherits(sa)
    return (
        new_handle(read_end, read_end.access, inherit=inherit),
        new_handle(write_end, write_end.access, inherit=inherit),
    )


_O_TEXT = 0x4000  # the C runtime's modes (fcntl.h on Windows)
_O_BINARY = 0x8000


@api("CreatePipe")
def FdCreatePipe(sa: object, nSize: int, mode: int, /) -> tuple[int, int]:
    """Create an anonymous pipe as two descriptors: ``(read fd, write fd)``.

    ``mode`` is the C runtime's O_TEXT (0x4000) or O_BINARY (0x8000); Linux has no text
    mode, so both are binary. The descriptors are inheritable when ``sa`` says so.
    """
    if operator.index(mode) not in (_O_TEXT, _O_BINARY):  # pywin32's own check
        raise ValueError("mode must be O_TEXT or O_BINARY")
    return kernel.create_pipe_descriptors(dword(nSize), inheritable=inherits(sa))


@api("GetNamedPipeClientSessionId")
def GetNamedPipeClientSessionId(hPipe: object, /) -> int:
    return kernel.session_id(lookup(hPipe, PipeEnd).client_pid)


@api("GetNamedPipeServerSessionId")
def GetNamedPipeServerSessionId(hPipe: object, /) -> int:
    return kernel.session_id(lookup(hPipe, PipeEnd).server_pid)


def popen(cmdstring: str, mode: str, /) -> None:
    """pywin32 312 has it for Python 2 only: it raises NotImplementedError."""
    raise NotImplementedError("not available in py3k")


def popen2(*args: object) -> None:
    """pywin32 312 has it for Python 2 only: it raises NotImplementedError."""
    raise NotImplementedError("not available in py3k")


popen3 = popen4 = popen2

# pywin32's constants too: `from win32pipe import *` gives them (pipeTestService uses it).
__all__ += [
    "FILE_FLAG_FIRST_PIPE_INSTANCE", "NMPWAIT_NOWAIT", "NMPWAIT_USE_DEFAULT_WAIT",
    "NMPWAIT_WAIT_FOREVER", "PIPE_ACCEPT_REMOTE_CLIENTS", "PIPE_ACCESS_DUPLEX",
    "PIPE_ACCESS_INBOUND", "PIPE_ACCESS_OUTBOUND", "PIPE_NOWAIT", "PIPE_READMODE_BYTE",
    "PIPE_READMODE_MESSAGE", "PIPE_REJECT_REMOTE_CLIENTS", "PIPE_TYPE_BYTE", "PIPE_TYPE_MESSAGE",
    "PIPE_UNLIMITED_INSTANCES", "PIPE_WAIT", "UNICODE",
]  # fmt: skip
