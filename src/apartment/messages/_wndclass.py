"""Window classes: registered by name, found by name (any case) or atom.

A class is process-wide and names the window procedure its windows start with, and its
CS_* style. The table changes under the kernel lock.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, TypeAlias, final

from ..errors import (
    ClassAlreadyExistsError,
    ClassDoesNotExistError,
    ClassHasWindowsError,
    ClassNotFoundError,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._window_table import WINDOWS

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "WindowClass",
    "WindowProc",
    "add_system_classes",
    "ensure_system_class",
    "find_class",
    "lookup_class",
    "register_class",
    "unregister_class",
]

WindowProc: TypeAlias = "Callable[[int, int, Any, Any], int | None]"
"""A window procedure: ``proc(hwnd, msg, wparam, lparam)`` returns the message's result."""


@final
class WindowClass:
    """A registered window class: a name, the window procedure its windows use, its style."""

    __slots__ = ("atom", "name", "proc", "style")

    def __init__(self, name: str, proc: WindowProc, style: int, atom: int) -> None:
        self.name = name
        self.proc = proc
        self.style = style
        self.atom = atom

    def __repr__(self) -> str:
        return f"<WindowClass {self.name!r} atom={self.atom:#x}>"


_classes: dict[str, WindowClass] = {}
_atoms = itertools.count(0xC000)
# The system's classes (Edit, Button, Static, the dialog class...) exist in every Windows
# process; here each is registered the first time a window of it is made. Filled at import.
_system_makers: dict[str, Callable[[], None]] = {}


def add_system_classes(names: tuple[str, ...], maker: Callable[[], None]) -> None:
    """Name system classes that ``maker`` registers on first use (called at import time)."""
    for name in names:
        _system_makers[name.lower()] = maker


def ensure_system_class(class_name: object) -> None:
    """Register ``class_name`` if it is a system class not made yet; kernel lock not held.

    CreateWindow("Edit", ...) works in any Windows process without a RegisterClass: the
    system registered it (a window of it answers WM_SETTEXT and WM_GETTEXT as any does).
    """
    if isinstance(class_name, str):
        maker = _system_makers.get(class_name.lower())
        if maker is not None:
            maker()


def register_class(name: str, proc: WindowProc, *, style: int = 0) -> WindowClass:
    """Register a window class whose windows run ``proc`` (RegisterClass).

    Class names are compared without regard to case, as atoms are. ``style`` holds the
    class's CS_* flags.

    Raises:
        ClassAlreadyExistsError: a class of that name is registered.
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"a window class name must be a non-empty str, not {name!r}")
    if not callable(proc):
        raise TypeError(f"a window procedure must be callable, not {proc!r}")
    if isinstance(style, bool) or not isinstance(style, int):
        raise TypeError(f"a class style is an int of CS_* flags, not {style!r}")
    with KERNEL_LOCK:
        if name.lower() in _classes:
            raise ClassAlreadyExistsError(f"a window class named {name!r} is already registered")
        wclass = WindowClass(name, proc, style & 0xFFFFFFFF, next(_atoms))
        _classes[name.lower()] = wclass
        return wclass


def unregister_class(name: str | int) -> None:
    """Forget a window class, by name or atom (UnregisterClass).

    A class goes only once every window made of it is destroyed, whichever thread owns them,
    as Windows refuses it before (its windows would be left with no class).

    Raises:
        ClassDoesNotExistError: no such class.
        ClassHasWindowsError: a window of the class is alive; destroy it first.
    """
    with KERNEL_LOCK:
        wclass = lookup_class(name)
        if wclass is not None:
            live = next((w for w in WINDOWS.values() if w.wclass is wclass), None)
            if live is not None:
                raise ClassHasWindowsError(
                    f"window {live.hwnd:#x} of class {wclass.name!r} is alive; destroy it before"
                    " unregistering the class"
                )
            del _classes[wclass.name.lower()]
            return
    raise ClassDoesNotExistError(f"no window class {name!r} is registered")


def lookup_class(class_name: object) -> WindowClass | None:
    """The class of that name (any case) or atom; kernel lock held."""
    if isinstance(class_name, str):
        return _classes.get(class_name.lower())
    return next((wclass for wclass in _classes.values() if wclass.atom == class_name), None)


def find_class(class_name: object) -> WindowClass:
    """Return the class of that name or atom; kernel lock held.

    Raises:
        ClassNotFoundError: no such class (anything but a name or an atom names none).
    """
    wclass = lookup_class(class_name)
    if wclass is not None:
        return wclass
    raise ClassNotFoundError(f"no window class {class_name!r} is registered; register it first")
