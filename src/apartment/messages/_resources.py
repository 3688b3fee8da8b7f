"""Cursors and icons a window class names: the system's stock ones (LoadCursor, LoadIcon).

Nothing is drawn here, so a cursor or an icon is only a handle a window class keeps. The
system's stock cursors (IDC_*) and icons (IDI_*) each have one handle, the same for every
caller, as Windows shares them. The program's module (GetModuleHandle(NULL): the Python
interpreter, python.exe on Windows) has its icon as resource 1, as python.exe has, shared as
well. Other resources of a module do not exist here, and asking for one fails as for a
missing resource.
"""

from __future__ import annotations

from typing import Final

from ..errors import ERROR_RESOURCE_TYPE_NOT_FOUND, Win32Error
from ..kernel import PROGRAM_MODULE

__all__ = ["find_resource", "load_cursor", "load_icon"]

# winuser.h's MAKEINTRESOURCE numbers of the stock cursors and icons.
_STOCK_CURSORS: Final = frozenset(
    {32512, 32513, 32514, 32515, 32516, 32640, 32641, 32642, 32643, 32644, 32645, 32646,
     32648, 32649, 32650, 32651, 32671, 32672}
)  # fmt: skip
_STOCK_ICONS: Final = frozenset({32512, 32513, 32514, 32515, 32516, 32517, 32518})
_PROGRAM_ICONS: Final = frozenset({1})  # python.exe's icon (PC/pycon.ico), its only one
_PROGRAM_OFFSET: Final = 0x1_0000  # the program's resources after the stock ones

# The handles: distinct from each other and from window handles (which start at 0x10000).
_CURSOR_BASE: Final = 0x0001_0000_0000
_ICON_BASE: Final = 0x0002_0000_0000


def _resource(
    instance: int,
    resource: int | str,
    stock: frozenset[int],
    base: int,
    program: frozenset[int] = frozenset(),
) -> int:
    if not isinstance(resource, (int, str)) or isinstance(resource, bool):
        raise TypeError("a resource is a MAKEINTRESOURCE number (0-65535) or a name")
    if isinstance(resource, int) and not 0 <= resource <= 0xFFFF:
        raise ValueError(f"a resource number is 0 to 65535, not {resource}")
    if instance == 0 and isinstance(resource, int) and resource in stock:
        return base + resource
    if instance == PROGRAM_MODULE and isinstance(resource, int) and resource in program:
        return base + _PROGRAM_OFFSET + resource
    where = "the system" if instance == 0 else f"module {instance:#x}"
    raise Win32Error.from_code(
        ERROR_RESOURCE_TYPE_NOT_FOUND, f"{where} has no resource {resource!r} of that type"
    )


def load_cursor(instance: int, resource: int | str) -> int:
    """Return the handle of a stock cursor (``instance`` 0, ``resource`` an IDC_* number).

    Raises:
        Win32Error: ERROR_RESOURCE_TYPE_NOT_FOUND for any other cursor.
    """
    return _resource(instance, resource, _STOCK_CURSORS, _CURSOR_BASE)


def load_icon(instance: int, resource: int | str) -> int:
    """Return the handle of a stock icon, or of the program's icon.

    A stock icon: ``instance`` 0, ``resource`` an IDI_* number; the program's icon:
    ``instance`` the program's module, ``resource`` 1.

    Raises:
        Win32Error: ERROR_RESOURCE_TYPE_NOT_FOUND for any other icon.
    """
    return _resource(instance, resource, _STOCK_ICONS, _ICON_BASE, _PROGRAM_ICONS)


def find_resource(instance: int, resource: int | str, resource_type: int | str) -> int:
    """Find a module's resource (FindResource): none exists here (see the module docstring).

    Raises:
        TypeError, ValueError: ``resource`` is no resource id.
        Win32Error: ERROR_RESOURCE_TYPE_NOT_FOUND, as for a module without that type.
    """
    return _resource(instance, resource, frozenset(), 0)
