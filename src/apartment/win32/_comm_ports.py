"""win32file's serial-port names: DCB, COMSTAT, GetCommState... over ``kernel.CommPort``.

``CreateFile("COM1")`` opens the tty ``APARTMENT_COMPORTS`` maps COM1 to (see
:mod:`apartment.kernel._comm`); these take its handle. win32file re-exports them.
"""

from __future__ import annotations

import dataclasses

from .. import kernel
from ..errors import ERROR_IO_PENDING
from ._adapt import api, dword
from ._handles import lookup
from .pywintypes import overlapped_arg

__all__ = [
    "DCB",
    "GetCommState", "SetCommState", "SetupComm", "PurgeComm", "GetCommTimeouts",
    "SetCommTimeouts", "ClearCommError", "EscapeCommFunction", "GetCommMask", "SetCommMask",
    "WaitCommEvent", "GetCommModemStatus",
    "EV_RXCHAR", "EV_RXFLAG", "EV_TXEMPTY", "EV_CTS", "EV_DSR", "EV_RLSD", "EV_BREAK",
    "EV_ERR", "EV_RING", "EV_PERR", "EV_RX80FULL", "EV_EVENT1", "EV_EVENT2",
    "PURGE_TXABORT", "PURGE_RXABORT", "PURGE_TXCLEAR", "PURGE_RXCLEAR",
    "SETXOFF", "SETXON", "SETRTS", "CLRRTS", "SETDTR", "CLRDTR", "SETBREAK", "CLRBREAK",
    "NOPARITY", "ODDPARITY", "EVENPARITY", "MARKPARITY", "SPACEPARITY",
    "ONESTOPBIT", "ONE5STOPBITS", "TWOSTOPBITS",
    "DTR_CONTROL_DISABLE", "DTR_CONTROL_ENABLE", "DTR_CONTROL_HANDSHAKE",
    "RTS_CONTROL_DISABLE", "RTS_CONTROL_ENABLE", "RTS_CONTROL_HANDSHAKE", "RTS_CONTROL_TOGGLE",
    "CBR_110", "CBR_300", "CBR_600", "CBR_1200", "CBR_2400", "CBR_4800", "CBR_9600",
    "CBR_14400", "CBR_19200", "CBR_38400", "CBR_56000", "CBR_57600", "CBR_115200",
    "CBR_128000", "CBR_256000",
    "BuildCommDCB", "SetCommBreak", "ClearCommBreak", "TransmitCommChar",
]  # fmt: skip

EV_RXCHAR, EV_RXFLAG, EV_TXEMPTY, EV_CTS, EV_DSR, EV_RLSD = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20
EV_BREAK, EV_ERR, EV_RING, EV_PERR, EV_RX80FULL = 0x40, 0x80, 0x100, 0x200, 0x400
EV_EVENT1, EV_EVENT2 = 0x800, 0x1000
PURGE_TXABORT, PURGE_RXABORT, PURGE_TXCLEAR, PURGE_RXCLEAR = 0x1, 0x2, 0x4, 0x8
SETXOFF, SETXON, SETRTS, CLRRTS, SETDTR, CLRDTR, SETBREAK, CLRBREAK = 1, 2, 3, 4, 5, 6, 8, 9
NOPARITY, ODDPARITY, EVENPARITY, MARKPARITY, SPACEPARITY = 0, 1, 2, 3, 4
ONESTOPBIT, ONE5STOPBITS, TWOSTOPBITS = 0, 1, 2
DTR_CONTROL_DISABLE, DTR_CONTROL_ENABLE, DTR_CONTROL_HANDSHAKE = 0, 1, 2
RTS_CONTROL_DISABLE, RTS_CONTROL_ENABLE, RTS_CONTROL_HANDSHAKE, RTS_CONTROL_TOGGLE = 0, 1, 2, 3
CBR_110, CBR_300, CBR_600, CBR_1200, CBR_2400, CBR_4800 = 110, 300, 600, 1200, 2400, 4800
CBR_9600, CBR_14400, CBR_19200, CBR_38400, CBR_56000 = 9600, 14400, 19200, 38400, 56000
CBR_57600, CBR_115200, CBR_128000, CBR_256000 = 57600, 115200, 128000, 256000

_FIELDS = tuple(field.name for field in dataclasses.fields(kernel.CommState))
_CHARS = frozenset({"XonChar", "XoffChar", "ErrorChar", "EofChar", "EvtChar"})


def _char_property(name: str) -> property:
    def get(self: object) -> str:
        return str(getattr(self, f"_{name}"))

    def put(self: object, value: object) -> None:
        if not (isinstance(value, str) and len(value) == 1):
            raise TypeError("bad argument type for built-in operation")
        setattr(self, f"_{name}", value)

    return property(get, put, doc=f"DCB.{name}: a str of one character")


class PyDCB:
    """A DCB (win32file.DCB()): a port's settings, attribute by attribute, Windows' names.

    The characters (XonChar, XoffChar, ErrorChar, EofChar, EvtChar) are str of one
    character, as pywin32 gives them; an int there is refused (TypeError), as pywin32 does.
    """

    __slots__ = ("fDummy2", "wReserved", "wReserved1", *(f"_{name}" for name in _CHARS),
                 *(name for name in _FIELDS if name not in _CHARS))  # fmt: skip
    BaudRate: int
    fBinary: int
    fParity: int
    fOutxCtsFlow: int
    fOutxDsrFlow: int
    fDtrControl: int
    fDsrSensitivity: int
    fTXContinueOnXoff: int
    fOutX: int
    fInX: int
    fErrorChar: int
    fNull: int
    fRtsControl: int
    fAbortOnError: int
    XonLim: int
    XoffLim: int
    ByteSize: int
    Parity: int
    StopBits: int

    XonChar = _char_property("XonChar")
    XoffChar = _char_property("XoffChar")
    ErrorChar = _char_property("ErrorChar")
    EofChar = _char_property("EofChar")
    EvtChar = _char_property("EvtChar")

    def __init__(self) -> None:
        self.fDummy2 = self.wReserved = self.wReserved1 = 0
        for name in _FIELDS:
            setattr(self, name, "\0" if name in _CHARS else 0)

    def __repr__(self) -> str:
        return f"<PyDCB object at {id(self):#018x}>"

    def _core(self) -> kernel.CommState:
        values = {name: _int(getattr(self, name), name) for name in _FIELDS}
        return kernel.CommState(**values)

    @classmethod
    def _of(cls, state: kernel.CommState) -> PyDCB:
        made = cls()
        for name in _FIELDS:
            value = getattr(state, name)
            setattr(made, name, chr(value) if name in _CHARS else value)
        return made


def _int(value: object, name: str) -> int:
    if isinstance(value, str) and len(value) == 1:
        return ord(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"DCB.{name} is an int, not {type(value).__name__}")
    return value


def DCB() -> PyDCB:
    """A new DCB, all zeros, to fill in (or take GetCommState's)."""
    return PyDCB()


class PyCOMSTAT:
    """ClearCommError's COMSTAT: the bytes in the input and output queues, and the holds."""

    __slots__ = (
        "cbInQue",
        "cbOutQue",
        "fCtsHold",
        "fDsrHold",
        "fEof",
        "fReserved",
        "fRlsdHold",
        "fTxim",
        "fXoffHold",
        "fXoffSent",
    )  # fmt: skip

    def __init__(self) -> None:
        self.cbInQue = self.cbOutQue = 0
        self.fCtsHold = self.fDsrHold = self.fRlsdHold = self.fXoffHold = self.fXoffSent = 0
        self.fEof = self.fTxim = self.fReserved = 0

    def __repr__(self) -> str:
        return f"<PyCOMSTAT object at {id(self):#018x}>"


def _port(handle: object) -> kernel.CommPort:
    return lookup(handle, kernel.CommPort)


@api("GetCommState")
def GetCommState(handle: object, /) -> PyDCB:
    """The port's settings as a DCB."""
    return PyDCB._of(_port(handle).state())


@api("SetCommState")
def SetCommState(handle: object, dcb: object, /) -> None:
    """Configure the port from a DCB (ERROR_INVALID_PARAMETER for what it cannot take)."""
    if not isinstance(dcb, PyDCB):
        raise TypeError("The object is not a PyDCB object")
    _port(handle).set_state(dcb._core())


@api("SetupComm")
def SetupComm(handle: object, dwInQueue: int, dwOutQueue: int, /) -> None:
    """Ask for input and output queue sizes (the tty's own queues serve)."""
    _port(handle).setup(dword(dwInQueue), dword(dwOutQueue))


@api("PurgeComm")
def PurgeComm(handle: object, action: int, /) -> None:
    """End pending reads (PURGE_RXABORT) and empty the queues (PURGE_*CLEAR)."""
    _port(handle).purge(dword(action))


@api("GetCommTimeouts")
def GetCommTimeouts(handle: object, /) -> tuple[int, int, int, int, int]:
    """COMMTIMEOUTS as a tuple of five ints, in milliseconds."""
    return _port(handle).timeouts()


@api("SetCommTimeouts")
def SetCommTimeouts(handle: object, timeouts: tuple[int, int, int, int, int], /) -> None:
    """Set COMMTIMEOUTS from a tuple of five ints (0xFFFFFFFF is MAXDWORD)."""
    values = tuple(dword(value) for value in timeouts)
    if len(values) != 5:
        raise TypeError("COMMTIMEOUTS is a tuple of five ints")
    _port(handle).set_timeouts(values)


@api("ClearCommError")
def ClearCommError(handle: object, /) -> tuple[int, PyCOMSTAT]:
    """``(errors, COMSTAT)``: no line errors are reported; the queues' byte counts are."""
    status = _port(handle).status()
    comstat = PyCOMSTAT()
    comstat.cbInQue, comstat.cbOutQue = status.in_queue, status.out_queue
    return 0, comstat


@api("EscapeCommFunction")
def EscapeCommFunction(handle: object, func: int, /) -> None:
    """Set or clear DTR, RTS or a break; act as if XOFF or XON was received."""
    _port(handle).escape(dword(func))


@api("GetCommMask")
def GetCommMask(handle: object, /) -> int:
    """The events WaitCommEvent waits for."""
    return _port(handle).mask()


@api("SetCommMask")
def SetCommMask(handle: object, val: int, /) -> None:
    """Set the events to wait for (EV_*); a pending WaitCommEvent ends with no event."""
    _port(handle).set_mask(dword(val))


@api("WaitCommEvent")
def WaitCommEvent(handle: object, overlapped: object = None, /) -> tuple[int, int]:
    """``(0, events)``; with an OVERLAPPED, ``(ERROR_IO_PENDING, 0)`` while none happened.

    The events of a pending wait are its byte count when it completes (GetOverlappedResult).
    """
    core = overlapped_arg(overlapped)
    events = _port(handle).wait_event(core)
    if core is not None and not events:
        return ERROR_IO_PENDING, 0
    return 0, events


@api("GetCommModemStatus")
def GetCommModemStatus(handle: object, /) -> int:
    """MS_CTS_ON, MS_DSR_ON, MS_RING_ON and MS_RLSD_ON as the lines are (0 on a pty)."""
    return _port(handle).modem_status()


@api("BuildCommDCB")
def BuildCommDCB(_def: str, dcb: object, /) -> PyDCB:
    """``dcb`` with the settings a device-control string names (``"baud=9600 parity=n..."``
    or ``"9600,n,8,1"``); a new DCB, ``dcb`` itself is not changed."""  # noqa: D205, D209
    if not isinstance(dcb, PyDCB):
        raise TypeError("The object is not a PyDCB object")
    return PyDCB._of(kernel.build_comm_state(_def, dcb._core()))


@api("SetCommBreak")
def SetCommBreak(handle: object, /) -> None:
    """Hold the line in the break state until ClearCommBreak."""
    _port(handle).escape(SETBREAK)


@api("ClearCommBreak")
def ClearCommBreak(handle: object, /) -> None:
    """End the break state SetCommBreak began."""
    _port(handle).escape(CLRBREAK)


@api("TransmitCommChar")
def TransmitCommChar(handle: object, cChar: bytes, /) -> None:
    """Send one byte ahead of the output queue (here: written at once)."""
    if not isinstance(cChar, bytes) or len(cChar) != 1:
        raise TypeError(
            "TransmitCommChar() argument 2 must be a byte string of length 1, "
            f"not {type(cChar).__name__}"
        )
    _port(handle).write(cChar)
