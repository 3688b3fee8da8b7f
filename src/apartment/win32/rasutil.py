"""pywin32's ``rasutil``: a name for each RAS connection state, and a test dial.

A pure-Python module of pywin32, written here over :mod:`win32ras`: :data:`stateStrings`
names the RASCS_* states; :func:`test` dials an entry with :func:`TestCallback` printing
each state change (no entry exists here, so it returns ``(0, 623)`` and prints nothing).
"""

from __future__ import annotations

from . import win32ras

__all__ = ["TestCallback", "stateStrings", "test"]

stateStrings: dict[int, str] = {
    getattr(win32ras, name): name.removeprefix("RASCS_")
    for name in sorted(dir(win32ras))
    if name.startswith("RASCS_")
}
"""RASCS_* state -> its name without the prefix ("OpenPort", "Connected"...)."""


def TestCallback(hras: int, msg: int, state: int, error: int, exterror: int) -> None:
    """Print one RAS notification (RasDialFunc1's arguments), naming its state."""
    print("Callback called with ", hras, msg, stateStrings[state], error, exterror)


def test(rasName: str = "_ Divert Off") -> tuple[int, int]:  # noqa: PT028 (not a pytest test)
    """Dial the entry ``rasName`` with :func:`TestCallback`; return Dial's ``(handle, code)``."""
    return win32ras.Dial(None, None, (rasName,), TestCallback)
