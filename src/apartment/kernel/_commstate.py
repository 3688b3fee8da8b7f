# ruff: noqa: N815 - the DCB's own field names (Windows'), as GetCommState gives them
"""A serial port's settings as Windows' DCB has them, read from and written to termios.

Windows describes a port by a DCB (baud rate, byte size, parity, stop bits, flow control,
the XON/XOFF characters); Linux by a tty's termios. :func:`state_of` reads one from the other
and :func:`apply_state` writes it back. What termios has no place for (fDsrSensitivity,
fTXContinueOnXoff, fErrorChar, fNull, fAbortOnError, the XON/XOFF limits, ErrorChar, EofChar,
EvtChar) is kept as given, per port, by the caller.
"""

from __future__ import annotations

import dataclasses
import termios
from typing import Any

from ..errors import ERROR_INVALID_PARAMETER, Win32Error

__all__ = [
    "CommState", "state_of", "apply_state", "raw_mode",
    "NOPARITY", "ODDPARITY", "EVENPARITY", "MARKPARITY", "SPACEPARITY",
    "ONESTOPBIT", "ONE5STOPBITS", "TWOSTOPBITS",
    "DTR_CONTROL_DISABLE", "DTR_CONTROL_ENABLE", "DTR_CONTROL_HANDSHAKE",
    "RTS_CONTROL_DISABLE", "RTS_CONTROL_ENABLE", "RTS_CONTROL_HANDSHAKE", "RTS_CONTROL_TOGGLE",
]  # fmt: skip

NOPARITY, ODDPARITY, EVENPARITY, MARKPARITY, SPACEPARITY = 0, 1, 2, 3, 4
ONESTOPBIT, ONE5STOPBITS, TWOSTOPBITS = 0, 1, 2
DTR_CONTROL_DISABLE, DTR_CONTROL_ENABLE, DTR_CONTROL_HANDSHAKE = 0, 1, 2
RTS_CONTROL_DISABLE, RTS_CONTROL_ENABLE, RTS_CONTROL_HANDSHAKE, RTS_CONTROL_TOGGLE = 0, 1, 2, 3
_CMSPAR = getattr(termios, "CMSPAR", 0o10000000000)  # Linux: mark or space parity
_SIZES = {5: termios.CS5, 6: termios.CS6, 7: termios.CS7, 8: termios.CS8}
_SPEEDS = {
    int(name[1:]): getattr(termios, name)
    for name in dir(termios)
    if name.startswith("B") and name[1:].isdigit()
}


@dataclasses.dataclass
class CommState:
    """A DCB's fields (GetCommState, SetCommState), with Windows' names and defaults."""

    BaudRate: int = 9600
    fBinary: int = 1
    fParity: int = 0
    fOutxCtsFlow: int = 0
    fOutxDsrFlow: int = 0
    fDtrControl: int = DTR_CONTROL_ENABLE
    fDsrSensitivity: int = 0
    fTXContinueOnXoff: int = 0
    fOutX: int = 0
    fInX: int = 0
    fErrorChar: int = 0
    fNull: int = 0
    fRtsControl: int = RTS_CONTROL_ENABLE
    fAbortOnError: int = 0
    XonLim: int = 2048
    XoffLim: int = 512
    ByteSize: int = 8
    Parity: int = NOPARITY
    StopBits: int = ONESTOPBIT
    XonChar: int = 0x11
    XoffChar: int = 0x13
    ErrorChar: int = 0
    EofChar: int = 0
    EvtChar: int = 0


def raw_mode(attributes: list[Any]) -> list[Any]:
    """``attributes`` (tcgetattr's) made raw, as a serial port is on Windows: no line
    editing, echo, translation or signals; 8 bits; the receiver on; modem lines ignored."""  # noqa: D205, D209
    iflag, oflag, cflag, lflag, ispeed, ospeed, cc = attributes
    iflag = int(iflag)
    iflag &= ~(
        termios.IGNBRK | termios.BRKINT | termios.PARMRK | termios.ISTRIP | termios.INLCR
        | termios.IGNCR | termios.ICRNL | termios.IXON | termios.IXOFF
    )  # fmt: skip
    oflag = int(oflag) & ~termios.OPOST
    lflag = int(lflag) & ~(
        termios.ECHO | termios.ECHONL | termios.ICANON | termios.ISIG | termios.IEXTEN
    )
    cflag = int(cflag) & ~(termios.CSIZE | termios.PARENB)
    cflag |= termios.CS8 | termios.CREAD | termios.CLOCAL
    chars = list(cc)
    chars[termios.VMIN], chars[termios.VTIME] = 0, 0
    return [iflag, oflag, cflag, lflag, ispeed, ospeed, chars]


def _char(value: Any) -> int:  # noqa: ANN401 - termios gives bytes or an int
    return value[0] if isinstance(value, bytes) else int(value)


def state_of(attributes: list[Any], kept: CommState) -> CommState:
    """The DCB that tcgetattr's ``attributes`` describe; ``kept`` gives what termios lacks."""
    iflag, _, cflag, _, ispeed, _, cc = attributes
    iflag, cflag = int(iflag), int(cflag)
    speed = next((rate for rate, code in _SPEEDS.items() if code == ispeed), kept.BaudRate)
    size = next((bits for bits, code in _SIZES.items() if code == cflag & termios.CSIZE), 8)
    if not cflag & termios.PARENB:
        parity = NOPARITY
    elif cflag & _CMSPAR:
        parity = MARKPARITY if cflag & termios.PARODD else SPACEPARITY
    else:
        parity = ODDPARITY if cflag & termios.PARODD else EVENPARITY
    stop = TWOSTOPBITS if cflag & termios.CSTOPB else ONESTOPBIT
    if stop == TWOSTOPBITS and kept.StopBits == ONE5STOPBITS:
        stop = ONE5STOPBITS  # 1.5 stop bits: Linux sends two
    hardware = bool(cflag & termios.CRTSCTS)
    chars = list(cc)
    return dataclasses.replace(
        kept,
        BaudRate=speed,
        ByteSize=size,
        Parity=parity,
        StopBits=stop,
        fParity=int(bool(iflag & termios.INPCK)),
        fOutxCtsFlow=int(hardware),
        fRtsControl=RTS_CONTROL_HANDSHAKE if hardware else kept.fRtsControl % 2,
        fOutX=int(bool(iflag & termios.IXON)),
        fInX=int(bool(iflag & termios.IXOFF)),
        XonChar=_char(chars[termios.VSTART]),
        XoffChar=_char(chars[termios.VSTOP]),
    )


def apply_state(attributes: list[Any], state: CommState) -> list[Any]:
    """Tcgetattr's ``attributes`` changed to say what ``state`` says.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER (87) for a byte size, parity, stop bits or baud
            rate the port cannot take, as SetCommState fails for one.
    """
    iflag, oflag, cflag, lflag, _, _, cc = attributes
    iflag, cflag = int(iflag), int(cflag)
    speed = _SPEEDS.get(state.BaudRate)
    size = _SIZES.get(state.ByteSize)
    if speed is None or size is None or state.Parity not in range(5):
        raise Win32Error.from_code(
            ERROR_INVALID_PARAMETER,
            f"a port cannot take {state.BaudRate} baud, {state.ByteSize} bits, parity "
            f"{state.Parity}",
        )
    if state.StopBits not in (ONESTOPBIT, ONE5STOPBITS, TWOSTOPBITS):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"stop bits {state.StopBits}")
    cflag &= ~(termios.CSIZE | termios.PARENB | termios.PARODD | _CMSPAR | termios.CSTOPB)
    cflag |= size
    cflag &= ~termios.CRTSCTS
    if state.Parity != NOPARITY:
        cflag |= termios.PARENB
        cflag |= termios.PARODD if state.Parity in (ODDPARITY, MARKPARITY) else 0
        cflag |= _CMSPAR if state.Parity in (MARKPARITY, SPACEPARITY) else 0
    if state.StopBits != ONESTOPBIT:
        cflag |= termios.CSTOPB
    if state.fOutxCtsFlow or state.fRtsControl == RTS_CONTROL_HANDSHAKE:
        cflag |= termios.CRTSCTS
    iflag &= ~(termios.IXON | termios.IXOFF | termios.INPCK)
    iflag |= termios.IXON if state.fOutX else 0
    iflag |= termios.IXOFF if state.fInX else 0
    iflag |= termios.INPCK if state.fParity else 0
    chars = list(cc)
    chars[termios.VSTART] = bytes((state.XonChar & 0xFF,))
    chars[termios.VSTOP] = bytes((state.XoffChar & 0xFF,))
    return [iflag, oflag, cflag, lflag, speed, speed, chars]
