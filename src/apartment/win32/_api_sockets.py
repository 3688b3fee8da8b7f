"""win32file's Winsock extensions: WSAEventSelect, AcceptEx, ConnectEx, WSASend/WSARecv...

Each function reads pywin32's arguments and calls one core function of :mod:`apartment.kernel`.
A socket argument is what pywin32 takes (its PySocket_AsSOCKET): an object whose ``fileno``
is called, or the number itself; here that number is the socket's descriptor. A
``socket.socket`` passed in is adopted (:func:`apartment.kernel.adopt_socket`): from then on
its own methods raise Winsock's codes and re-enable WSAEventSelect's events, as on Windows.

pywin32's shapes are kept: WSASend and WSARecv return ``(rc, bytes)``, AcceptEx and
TransmitFile ``rc``, ConnectEx ``(rc, bytes sent)``, with ``rc`` 0 or ERROR_IO_PENDING;
WSAEnumNetworkEvents returns ``{FD_X: error code}``.
"""

from __future__ import annotations

from .. import kernel, messages
from ..errors import (
    ERROR_INVALID_PARAMETER,
    WSAEINVAL,
    WSAENOTSOCK,
    InvalidHandleError,
    Win32Error,
)
from ..kernel import FD_ACCEPT as FD_ACCEPT
from ..kernel import FD_ADDRESS_LIST_CHANGE as FD_ADDRESS_LIST_CHANGE
from ..kernel import FD_CLOSE as FD_CLOSE
from ..kernel import FD_CONNECT as FD_CONNECT
from ..kernel import FD_GROUP_QOS as FD_GROUP_QOS
from ..kernel import FD_OOB as FD_OOB
from ..kernel import FD_QOS as FD_QOS
from ..kernel import FD_READ as FD_READ
from ..kernel import FD_ROUTING_INTERFACE_CHANGE as FD_ROUTING_INTERFACE_CHANGE
from ..kernel import FD_WRITE as FD_WRITE
from ..kernel import Event, File
from ._adapt import api
from ._handles import handle_value, is_open, lookup
from .pywintypes import overlapped_arg

__all__ = [
    "WSAEventSelect", "WSAAsyncSelect", "WSAEnumNetworkEvents", "AcceptEx", "GetAcceptExSockaddrs",
    "CalculateSocketEndPointSize", "ConnectEx", "WSASend", "WSARecv", "TransmitFile",
    "cancel_io", "get_osfhandle",
    "FD_READ", "FD_WRITE", "FD_OOB", "FD_ACCEPT", "FD_CONNECT", "FD_CLOSE", "FD_QOS",
    "FD_GROUP_QOS", "FD_ROUTING_INTERFACE_CHANGE", "FD_ADDRESS_LIST_CHANGE",
    "SO_UPDATE_ACCEPT_CONTEXT", "SO_UPDATE_CONNECT_CONTEXT", "SO_CONNECT_TIME",
    "TF_DISCONNECT", "TF_REUSE_SOCKET", "TF_WRITE_BEHIND", "TF_USE_DEFAULT_WORKER",
    "TF_USE_SYSTEM_THREAD", "TF_USE_KERNEL_APC",
]  # fmt: skip

SO_UPDATE_ACCEPT_CONTEXT = 0x700B
SO_UPDATE_CONNECT_CONTEXT = 0x7010
SO_CONNECT_TIME = 0x700C
TF_DISCONNECT = 0x01
TF_REUSE_SOCKET = 0x02
TF_WRITE_BEHIND = 0x04
TF_USE_DEFAULT_WORKER = 0x00
TF_USE_SYSTEM_THREAD = 0x10
TF_USE_KERNEL_APC = 0x20

_NOT_A_SOCKET = "Expected a socket object or numeric socket handle"


def _socket(value: object) -> int:
    """pywin32's socket argument: ``obj.fileno()`` (or ``obj.fileno``), else ``obj`` itself."""
    fileno = getattr(value, "fileno", None)
    number = value if fileno is None else fileno() if callable(fileno) else fileno
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(_NOT_A_SOCKET)
    kernel.watch_socket(value)
    return number


def _int_arg(value: object) -> int:
    return _int(value)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"an integer is required, not '{type(value).__name__}'")
    return value


def _writable(buffer: object) -> memoryview:
    """A buffer the call writes into: a str is a TypeError, bytes a BufferError (pywin32's)."""
    try:
        view = memoryview(buffer)  # type: ignore[arg-type]
    except TypeError:
        view = None
    if view is None:
        raise TypeError("a writable buffer object is required (use win32file.AllocateReadBuffer)")
    if view.readonly:  # pywin32 asks for a writable buffer: bytes refuse it so
        raise BufferError("Object is not writable.")
    return view


def _readable(buffer: object) -> memoryview:
    if buffer is None:
        return memoryview(b"")
    try:
        return memoryview(buffer)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(buffer).__name__}'") from None


@api("WSAEventSelect")
def WSAEventSelect(socket: object, hEvent: object, networkEvents: int, /) -> None:
    """Have ``hEvent`` set when one of the FD_* ``networkEvents`` happens on the socket.

    The socket becomes non-blocking; 0 cancels the selection.
    """
    fd = _socket(socket)
    mask = _int(networkEvents)
    value = handle_value(hEvent)
    try:
        event = lookup(value, Event) if value else None
    except InvalidHandleError:
        raise Win32Error.from_code(WSAEINVAL, "the handle is no event") from None
    kernel.select_events(fd, event, mask)


@api("WSAAsyncSelect")
def WSAAsyncSelect(socket: object, hwnd: object, _int: int, lEvent: int, /) -> None:
    """Post message ``_int`` to ``hwnd`` for each FD_* event of ``lEvent`` on the socket.

    ``wParam`` is the socket, ``lParam`` WSAMAKESELECTREPLY(event, error); the window's
    thread handles it when it pumps. 0 cancels; WSAEventSelect replaces it.
    """
    fd = _socket(socket)
    messages.select_socket_messages(fd, handle_value(hwnd), _int_arg(_int), _int_arg(lEvent))


@api("WSAEnumNetworkEvents")
def WSAEnumNetworkEvents(s: object, hEvent: object = None, /) -> dict[int, int]:
    """The network events recorded since the last call, ``{FD_X: error}``; resets ``hEvent``.

    A handle that is no event fails with WSAENOTSOCK, as Windows answers (pywin32's own test
    pins it).
    """
    fd = _socket(s)
    event = None
    if hEvent is not None:
        value = handle_value(hEvent)
        try:
            event = lookup(value, Event) if value else None
        except InvalidHandleError:
            raise Win32Error.from_code(WSAENOTSOCK, "the handle is no event") from None
    return kernel.take_events(fd, event)


@api("AcceptEx")
def AcceptEx(sListening: object, sAccepting: object, buffer: object, ol: object, /) -> int:
    """Accept a connection into ``sAccepting``: 0 or ERROR_IO_PENDING (see the core)."""
    listening = _socket(sListening)
    accepting = _socket(sAccepting)
    core = overlapped_arg(ol)
    view = _writable(buffer)
    if core is None:  # Winsock's parameter check, as the real pywin32 reports it
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "AcceptEx needs an OVERLAPPED")
    return kernel.accept_into(listening, accepting, view, core).status


@api("GetAcceptExSockaddrs")
def GetAcceptExSockaddrs(sAccepting: object, buffer: object, /) -> tuple[int, object, object]:
    """``(family, local, remote)`` from AcceptEx's buffer; IPv4 ones are ``(b"ip", port)``."""
    return kernel.accept_addresses(_socket(sAccepting), _readable(buffer))


@api("getsockopt")
def CalculateSocketEndPointSize(socket: object, /) -> int:
    """The smallest buffer AcceptEx takes for this socket (no room for data)."""
    return kernel.endpoint_size(_socket(socket))


@api("ConnectEx")
def ConnectEx(
    s: object, name: object, Overlapped: object, SendBuffer: object = None
) -> tuple[int, int]:
    """Connect the bound socket to ``name`` (host, port) and send ``SendBuffer``: (rc, sent)."""
    fd = _socket(s)
    payload = _readable(SendBuffer)
    if not isinstance(name, tuple) or len(name) != 2:
        raise TypeError("getaddrinfo() argument must be a (host, port) tuple")
    core = overlapped_arg(Overlapped)
    if core is None:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "ConnectEx needs an OVERLAPPED")
    result = kernel.connect_overlapped(fd, (name[0], name[1]), core, payload)
    return result.status, result.transferred


@api("WSASend")
def WSASend(s: object, buffer: object, ol: object, dwFlags: int = 0, /) -> tuple[int, int]:
    """Send the buffer: ``(0 | ERROR_IO_PENDING, bytes sent)``."""
    fd = _socket(s)
    core = overlapped_arg(ol)
    data = _readable(buffer)
    return tuple(kernel.socket_send(fd, data, core, _int(dwFlags)))  # type: ignore[return-value]


@api("WSARecv")
def WSARecv(s: object, buffer: object, ol: object, dwFlags: int = 0, /) -> tuple[int, int]:
    """Receive into the buffer: ``(0 | ERROR_IO_PENDING, bytes received)``."""
    fd = _socket(s)
    core = overlapped_arg(ol)
    view = _writable(buffer)
    return tuple(kernel.socket_recv(fd, view, core, _int(dwFlags)))  # type: ignore[return-value]


@api("TransmitFile")
def TransmitFile(
    Socket: object,
    File: object,
    NumberOfBytesToWrite: int,
    NumberOfBytesPerSend: int,
    Overlapped: object,
    Flags: int,
    Head: object = None,
    Tail: object = None,
) -> int:
    """Send ``Head``, the file, then ``Tail``: 0 or ERROR_IO_PENDING.

    NumberOfBytesPerSend and Flags are read and not used (the data goes out as the socket
    takes it).
    """
    fd = _socket(Socket)
    count, _ = _int(NumberOfBytesToWrite), _int(NumberOfBytesPerSend)
    _int(Flags)
    core = overlapped_arg(Overlapped)
    file = lookup(File, _FILE)
    head, tail = _readable(Head), _readable(Tail)
    return kernel.transmit_file(fd, file, count, core, head, tail).status


_FILE = File


def socket_descriptor(handle: object) -> int | None:
    """The socket a bare int names where a file handle may go, or None.

    On Windows a socket is a handle: programs hand ``sock.fileno()`` to CancelIo or
    CreateIoCompletionPort where a file's handle goes. Here descriptors and handle values are
    two sets of ints that can meet (handle 40 and descriptor 40 both open), so a bare int that
    is an open socket descriptor is taken as the socket; a PyHANDLE is always a handle.
    """
    if type(handle) is int and kernel.is_socket(handle):
        return handle
    return None


def file_or_socket(handle: object) -> File | int:
    """The file a handle argument names, or the socket descriptor it names.

    See socket_descriptor; a value that is no open handle but an open socket is the socket too.

    Raises:
        InvalidHandleError: neither.
    """
    fd = socket_descriptor(handle)
    if fd is not None:
        return fd
    value = handle_value(handle)
    try:
        return lookup(value, _FILE)
    except InvalidHandleError:
        if is_open(value) or not kernel.is_socket(value):
            raise
        return value


def cancel_io(handle: object) -> None:
    """CancelIo: a file handle's operations, or a socket's (given as its descriptor)."""
    named = file_or_socket(handle)
    if isinstance(named, int):
        kernel.cancel_socket_io(named)
        return
    named.cancel_io()
    if named.name.startswith("socket:"):  # a socket's handle (get_osfhandle)
        kernel.cancel_socket_io(named.descriptor())


def get_osfhandle(fd: int, /) -> int:
    """The handle of a C runtime descriptor (``_get_osfhandle``); OSError(EBADF) if none."""
    import errno

    try:
        return kernel.handle_of_descriptor(_int(fd))
    except OSError:
        raise OSError(errno.EBADF, "Bad file descriptor") from None
