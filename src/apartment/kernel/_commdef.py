"""BuildCommDCB: a device-control string applied to a serial port's settings.

The string is the ``mode`` command's: either keywords (``baud=9600 parity=n data=8 stop=1
to=off xon=off odsr=off octs=off dtr=on rts=on idsr=off``) or the old positional form
(``COM1: 9600,n,8,1``, a trailing ``x`` for XON/XOFF, ``p`` for hardware handshaking).
Settings the string does not name keep their values. Anything else: ERROR_INVALID_PARAMETER.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..errors import ERROR_INVALID_PARAMETER, Win32Error

if TYPE_CHECKING:
    from ._commstate import CommState

__all__ = ["build_comm_state"]

_PARITY = {"n": 0, "o": 1, "e": 2, "m": 3, "s": 4}
_STOP = {"1": 0, "1.5": 1, "2": 2}
_SWITCH = {"on": 1, "off": 0}
_DTR = {"off": 0, "on": 1, "hs": 2}
_RTS = {"off": 0, "on": 1, "hs": 2, "tg": 3}


def _bad(text: str) -> Win32Error:
    return Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{text!r} is no device-control string")


def build_comm_state(text: str, state: CommState) -> CommState:
    """``state`` with the settings ``text`` names (BuildCommDCB).

    Raises:
        TypeError: ``text`` is not a str.
        Win32Error: ERROR_INVALID_PARAMETER for a string the mode command would refuse.
    """
    if not isinstance(text, str):
        raise TypeError(f"a device-control string is a str, not {type(text).__name__}")
    changes: dict[str, int] = {}
    body = text.strip()
    if ":" in body.split("=")[0]:  # "COM1: ..." names the port first
        body = body.split(":", 1)[1].strip()
    try:
        if "=" in body:
            _keywords(body, changes)
        elif body:
            _positional(body, changes)
        else:
            raise _bad(text)
    except (KeyError, ValueError):
        raise _bad(text) from None
    return dataclasses.replace(state, **changes)


def _keywords(body: str, changes: dict[str, int]) -> None:
    for word in body.lower().split():
        key, _, value = word.partition("=")
        if key == "baud":
            changes["BaudRate"] = int(value)
        elif key == "parity":
            changes["Parity"] = _PARITY[value]
            changes["fParity"] = int(value != "n")
        elif key == "data":
            if int(value) not in range(5, 9):
                raise ValueError(value)
            changes["ByteSize"] = int(value)
        elif key == "stop":
            changes["StopBits"] = _STOP[value]
        elif key == "xon":
            changes["fOutX"] = changes["fInX"] = _SWITCH[value]
        elif key == "odsr":
            changes["fOutxDsrFlow"] = _SWITCH[value]
        elif key == "octs":
            changes["fOutxCtsFlow"] = _SWITCH[value]
        elif key == "idsr":
            changes["fDsrSensitivity"] = _SWITCH[value]
        elif key == "dtr":
            changes["fDtrControl"] = _DTR[value]
        elif key == "rts":
            changes["fRtsControl"] = _RTS[value]
        elif key == "to":
            _SWITCH[value]  # a write timeout: COMMTIMEOUTS', not the DCB's
        else:
            raise KeyError(key)


def _positional(body: str, changes: dict[str, int]) -> None:
    fields = [field.strip().lower() for field in body.split(",")]
    if len(fields) > 5:
        raise ValueError(body)
    fields += [""] * (5 - len(fields))
    baud, parity, data, stop, handshake = fields
    if baud:
        changes["BaudRate"] = int(baud)
    if parity:
        changes["Parity"] = _PARITY[parity]
        changes["fParity"] = int(parity != "n")
    if data:
        if int(data) not in range(5, 9):
            raise ValueError(data)
        changes["ByteSize"] = int(data)
    if stop:
        changes["StopBits"] = _STOP[stop]
    if handshake == "x":
        changes["fOutX"] = changes["fInX"] = 1
    elif handshake == "p":
        changes["fOutxCtsFlow"] = changes["fOutxDsrFlow"] = 1
        changes["fDtrControl"], changes["fRtsControl"] = 2, 2
    elif handshake:
        raise ValueError(handshake)
