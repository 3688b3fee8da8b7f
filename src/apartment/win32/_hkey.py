"""pywin32's PyHKEY: a registry key's handle (shared by ``win32api`` and ``pywintypes``)."""

from __future__ import annotations

from ._handles import PyHANDLE

__all__ = ["PyHKEY"]


class PyHKEY(PyHANDLE):
    """An open registry key's handle (pywin32's PyHKEY: a PyHANDLE that closes with RegCloseKey)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<PyHKEY:{self.handle}>"
