"""PySTARTUPINFO: pywin32's STARTUPINFO structure, its fields checked as pywin32 checks them.

``win32process.STARTUPINFO()`` makes one for CreateProcess; ``GetStartupInfo()`` fills one
from the core's :class:`~apartment.kernel.StartupInfo`. The DWORD fields take a C long
(OverflowError beyond 32 signed bits), ``wShowWindow`` an unsigned short (a larger value is
truncated with a RuntimeWarning, as pywin32 does), the standard handles a PyHANDLE, an int
or None (0), the strings a str or None.
"""

from __future__ import annotations

import operator
import warnings
from typing import Any, ClassVar

from ..kernel import StartupInfo
from ._handles import handle_value

__all__ = ["PySTARTUPINFO", "startup_info_of", "from_startup_info", "std_handles_of"]

_DWORDS = (
    "dwX", "dwY", "dwXSize", "dwYSize", "dwXCountChars", "dwYCountChars", "dwFillAttribute",
    "dwFlags",
)  # fmt: skip
_HANDLES = ("hStdInput", "hStdOutput", "hStdError")
_STRINGS = ("lpDesktop", "lpTitle")


def _c_long(value: object) -> int:
    number = operator.index(value)  # type: ignore[arg-type]
    if not -(2**31) <= number < 2**31:
        raise OverflowError("Python int too large to convert to C long")
    return number


def _unsigned_short(value: object) -> int:
    number = operator.index(value)  # type: ignore[arg-type]
    if not 0 <= number <= 0xFFFF:
        warnings.warn("Truncation of value to unsigned short", RuntimeWarning, stacklevel=3)
    return number & 0xFFFF


def _handle(value: object) -> object:
    if value is None:
        return 0
    handle_value(value)  # TypeError for anything but a PyHANDLE or an int
    return value


def _text(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(
            f"Objects of type '{type(value).__name__}' can not be converted to Unicode."
        )
    return value


class PySTARTUPINFO:
    """The STARTUPINFO structure (pywin32's PySTARTUPINFO); every field starts at 0 or None."""

    __slots__ = ("_fields",)
    _fields: dict[str, Any]
    _CONVERT: ClassVar[dict[str, Any]] = {
        **dict.fromkeys(_DWORDS, _c_long),
        "wShowWindow": _unsigned_short,
        **dict.fromkeys(_HANDLES, _handle),
        **dict.fromkeys(_STRINGS, _text),
    }

    def __init__(self) -> None:
        fields: dict[str, object] = dict.fromkeys((*_DWORDS, "wShowWindow", *_HANDLES), 0)
        fields.update(dict.fromkeys(_STRINGS))
        object.__setattr__(self, "_fields", fields)

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - each field has its own type
        fields = object.__getattribute__(self, "_fields")
        try:
            return fields[name]
        except KeyError:
            raise AttributeError(f"'PySTARTUPINFO' object has no attribute '{name}'") from None

    def __setattr__(self, name: str, value: object) -> None:
        convert = self._CONVERT.get(name)
        if convert is None:
            raise AttributeError(f"'PySTARTUPINFO' object has no attribute '{name}'")
        self._fields[name] = convert(value)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self._fields})

    def __repr__(self) -> str:
        return f"<PySTARTUPINFO object at {id(self):#018x}>"


def startup_info_of(si: PySTARTUPINFO) -> StartupInfo:
    """The core's StartupInfo for a PySTARTUPINFO (DWORDs read unsigned)."""
    f = si._fields
    return StartupInfo(
        flags=f["dwFlags"] & 0xFFFFFFFF,
        show_window=f["wShowWindow"],
        x=f["dwX"] & 0xFFFFFFFF,
        y=f["dwY"] & 0xFFFFFFFF,
        width=f["dwXSize"] & 0xFFFFFFFF,
        height=f["dwYSize"] & 0xFFFFFFFF,
        columns=f["dwXCountChars"] & 0xFFFFFFFF,
        rows=f["dwYCountChars"] & 0xFFFFFFFF,
        fill_attribute=f["dwFillAttribute"] & 0xFFFFFFFF,
        title=f["lpTitle"],
        desktop=f["lpDesktop"],
    )


def std_handles_of(si: PySTARTUPINFO) -> tuple[int, int, int]:
    """The values of the three standard handles a PySTARTUPINFO names."""
    return tuple(handle_value(si._fields[name]) for name in _HANDLES)  # type: ignore[return-value]


def from_startup_info(info: StartupInfo, std: tuple[int, int, int]) -> PySTARTUPINFO:
    """A PySTARTUPINFO holding the core's StartupInfo and standard handle values."""
    si = PySTARTUPINFO()
    si._fields.update(
        dwFlags=_signed(info.flags), wShowWindow=info.show_window, dwX=_signed(info.x),
        dwY=_signed(info.y), dwXSize=_signed(info.width), dwYSize=_signed(info.height),
        dwXCountChars=_signed(info.columns), dwYCountChars=_signed(info.rows),
        dwFillAttribute=_signed(info.fill_attribute), lpTitle=info.title,
        lpDesktop=info.desktop, hStdInput=std[0], hStdOutput=std[1], hStdError=std[2],
    )  # fmt: skip
    return si


def _signed(value: int) -> int:
    """A DWORD as pywin32 gives it back: through a C long."""
    return value - 2**32 if value >= 2**31 else value
