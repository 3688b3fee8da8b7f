r"""WScript.Shell's Environment and SpecialFolders collections.

``Environment(kind)`` (WshEnvironment): "Process" is this process's environment (a change is
seen by the programs it starts); "User" is ``HKCU\Environment`` and "System"
``HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment`` and "Volatile"
``HKCU\Volatile Environment`` in the registry, as on Windows (a change there reaches no
running process). ``Item(name)`` (the default) reads ``""`` for a name not there; putting it
sets; ``Count()`` (a method, as wshom's) and ``length``, ``Remove(name)``, and enumeration
of ``NAME=value`` strings. Another kind is E_INVALIDARG. Without an argument it is "System",
as on Windows.

``SpecialFolders(name)`` names the shell's folders (Desktop, MyDocuments, AppData, StartMenu,
Programs, Startup, Templates, Fonts, AllUsers*...) as :mod:`apartment.services._folders`
places them on Linux (``~/Desktop``, ``~/.config``...); a name with no place here (Favorites,
Recent, SendTo, NetHood, PrintHood) or unknown is ``""``, as Windows answers an unknown one.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, ClassVar

from ..com import COMException, new_enum
from ..errors import DISP_E_PARAMNOTOPTIONAL, ComError, Win32Error

if TYPE_CHECKING:
    from ..registry import Key

__all__ = ["Environment", "SpecialFolders", "special_folder"]

_E_INVALIDARG = -2147024809
_MISSING = object()
_KEYS = {
    "USER": ("HKEY_CURRENT_USER", "Environment"),
    "SYSTEM": (
        "HKEY_LOCAL_MACHINE",
        "SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment",
    ),
    "VOLATILE": ("HKEY_CURRENT_USER", "Volatile Environment"),
}
_FOLDERS = {  # SpecialFolders' names and their CSIDLs
    "allusersdesktop": 0x19, "allusersstartmenu": 0x16, "allusersprograms": 0x17,
    "allusersstartup": 0x18, "desktop": 0x10, "favorites": 0x06, "fonts": 0x14,
    "mydocuments": 0x05, "nethood": 0x13, "printhood": 0x1B, "programs": 0x02,
    "recent": 0x08, "sendto": 0x09, "startmenu": 0x0B, "startup": 0x07, "templates": 0x15,
    "appdata": 0x1A,
}  # fmt: skip
_ORDER = [
    "AllUsersDesktop", "AllUsersStartMenu", "AllUsersPrograms", "AllUsersStartup", "Desktop",
    "Favorites", "Fonts", "MyDocuments", "NetHood", "PrintHood", "Programs", "Recent",
    "SendTo", "StartMenu", "Startup", "Templates",
]  # fmt: skip
_lock = threading.Lock()  # os.environ's changes, made by calls from any thread


def special_folder(name: str) -> str:
    """The path of the special folder ``name`` (``""`` for one with no place here)."""
    from ._folders import folder_path

    csidl = _FOLDERS.get(str(name).lower())
    if csidl is None:
        return ""
    try:
        return folder_path(csidl | 0x4000)  # CSIDL_FLAG_DONT_VERIFY
    except (ComError, Win32Error):
        return ""


class _Registry:
    """The values of one registry key, as environment variables."""

    def __init__(self, root: str, path: str) -> None:
        self._root, self._path = root, path

    def _key(self, *, create: bool) -> Key:
        from .. import registry

        base = registry.key_of_handle(getattr(registry, self._root))
        if create:
            return registry.create_key(base, self._path)[0]
        return registry.open_key(base, self._path)

    def items(self) -> list[tuple[str, str]]:
        try:
            key = self._key(create=False)
        except Win32Error:
            return []
        found = []
        try:
            index = 0
            while True:
                try:
                    name, data, _ = key.value_at(index)
                except Win32Error:
                    break
                found.append((name, str(data)))
                index += 1
        finally:
            key.close()
        return found

    def set(self, name: str, value: str) -> None:
        key = self._key(create=True)
        try:
            key.set_value(name, 1, value)  # REG_SZ
        finally:
            key.close()

    def remove(self, name: str) -> None:
        try:
            key = self._key(create=False)
        except Win32Error:
            return
        try:
            key.delete_value(name)
        except Win32Error:
            pass
        finally:
            key.close()


class Environment:
    """WshEnvironment: one kind of environment's variables."""

    _type_info_ = ("{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}", (1, 0), "IWshEnvironment")

    _public_methods_: ClassVar[list[str]] = ["Item", "Count", "Remove"]
    _public_attrs_: ClassVar[list[str]] = ["Item", "length"]
    _readonly_attrs_: ClassVar[list[str]] = ["length"]
    _dispid_to_get_: ClassVar[dict[int, str]] = {0: "Item", 2: "length"}
    _dispid_to_put_: ClassVar[dict[int, str]] = {0: "Item"}
    _dispid_to_func_: ClassVar[dict[int, str]] = {0: "Item", 1: "Count", 1001: "Remove"}

    def __init__(self, kind: object = "System") -> None:
        name = str(kind).upper() if isinstance(kind, str) else None
        if name != "PROCESS" and name not in _KEYS:
            raise COMException(scode=_E_INVALIDARG, desc=f"no environment {kind!r}")
        self._registry = None if name == "PROCESS" else _Registry(*_KEYS[name])

    def _items(self) -> list[tuple[str, str]]:
        if self._registry is None:
            with _lock:
                return list(os.environ.items())
        return self._registry.items()

    def item(self, name: object = _MISSING) -> str:
        """The variable ``name``'s value, ``""`` if it is not there."""
        if name is _MISSING:
            raise COMException(scode=DISP_E_PARAMNOTOPTIONAL)
        wanted = str(name).upper()
        for key, value in self._items():
            if key.upper() == wanted:
                return value
        return ""

    def set_item(self, name: object, value: object) -> None:
        """Set the variable ``name`` (Item's put)."""
        if self._registry is None:
            with _lock:
                os.environ[str(name)] = str(value)
        else:
            self._registry.set(str(name), str(value))

    def count(self) -> int:
        """How many variables there are (a method, as in wshom's type library)."""
        return len(self._items())

    @property
    def length(self) -> int:
        """How many variables there are (a property)."""
        return len(self._items())

    def remove(self, name: object) -> None:
        """Remove the variable ``name`` (nothing if it is not there)."""
        if self._registry is None:
            with _lock:
                for key in [k for k in os.environ if k.upper() == str(name).upper()]:
                    del os.environ[key]
        else:
            self._registry.remove(str(name))

    def _NewEnum(self) -> object:  # noqa: N802
        return new_enum([f"{key}={value}" for key, value in self._items()])

    # Automation's names
    Item = item
    SetItem = set_item
    Count = count
    Remove = remove


class SpecialFolders:
    """WshCollection of the special folders: Item(name), Count, enumeration of paths."""

    _type_info_ = ("{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}", (1, 0), "IWshCollection")

    _public_methods_: ClassVar[list[str]] = ["Item", "Count"]
    _public_attrs_: ClassVar[list[str]] = ["Item", "length"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _dispid_to_get_: ClassVar[dict[int, str]] = {0: "Item", 2: "length"}
    _dispid_to_func_: ClassVar[dict[int, str]] = {0: "Item", 1: "Count"}
    length = len(_ORDER)

    def count(self) -> int:
        """How many folders there are (a method, as in wshom's type library)."""
        return len(_ORDER)

    def item(self, name: object = _MISSING) -> str:
        """The path of the folder ``name`` (an index from 0 too)."""
        if name is _MISSING:
            raise COMException(scode=DISP_E_PARAMNOTOPTIONAL)
        if isinstance(name, int) and not isinstance(name, bool):
            if not 0 <= name < len(_ORDER):
                raise COMException(scode=_E_INVALIDARG)
            name = _ORDER[name]
        return special_folder(str(name))

    def _NewEnum(self) -> object:  # noqa: N802
        return new_enum([special_folder(name) for name in _ORDER])

    # Automation's names
    Count = count
    Item = item
