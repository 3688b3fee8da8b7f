"""Hive files (saving a key to a file, restoring, loading, unloading) and other machines.

Windows asks for SeBackupPrivilege (saving) or SeRestorePrivilege (restoring, loading,
unloading) enabled in the caller's token, and fails with ERROR_PRIVILEGE_NOT_HELD without it,
as here. With the privilege, the call is ERROR_NOT_SUPPORTED: the user registry is one SQLite
file, with no hive format to write or read (docs/differences-from-windows.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import kernel
from ..errors import ERROR_BAD_NETPATH, NotSupportedError, Win32Error

if TYPE_CHECKING:
    from ._keys import Key

__all__ = ["save_key", "restore_key", "load_key", "unload_key", "connect_registry"]


def _refuse(privilege: str, doing: str) -> None:
    kernel.require_privilege(privilege)
    raise NotSupportedError(f"{doing}: the registry here has no hive files")


def save_key(key: Key, path: str) -> None:
    """Save ``key`` and its subtree to a hive file (RegSaveKey): SeBackupPrivilege, then 50."""
    _refuse("SeBackupPrivilege", f"saving {key.path} to {path!r}")


def restore_key(key: Key, path: str) -> None:
    """Read a hive file over ``key`` (RegRestoreKey): SeRestorePrivilege, then 50."""
    _refuse("SeRestorePrivilege", f"restoring {key.path} from {path!r}")


def load_key(key: Key, subkey: str, path: str) -> None:
    """Load a hive file as ``subkey`` of ``key`` (RegLoadKey): SeRestorePrivilege, then 50."""
    _refuse("SeRestorePrivilege", f"loading {path!r} as {key.path}\\{subkey}")


def unload_key(key: Key, subkey: str) -> None:
    """Unload a loaded hive (RegUnLoadKey): SeRestorePrivilege, then 50."""
    _refuse("SeRestorePrivilege", f"unloading {key.path}\\{subkey}")


def connect_registry(computer: str | None, predefined: int) -> int:
    """The predefined key ``predefined`` of ``computer``'s registry (RegConnectRegistry).

    Only this computer's: None, "", or its name (the NetBIOS or the host name, with or
    without two leading backslashes, any case). The predefined handle comes back as it is.

    Raises:
        TypeError: ``computer`` is not a str or None.
        Win32Error: ERROR_BAD_NETPATH for another computer.
    """
    if computer is None or computer == "":
        return predefined
    if not isinstance(computer, str):
        raise TypeError(f"a computer's name is a str or None, not {type(computer).__name__}")
    names = kernel.host_names()
    local = {names.netbios.casefold(), names.host.casefold(), names.fully_qualified.casefold()}
    if computer.removeprefix("\\\\").casefold() not in local:
        raise Win32Error.from_code(ERROR_BAD_NETPATH, f"{computer!r} is not this computer")
    return predefined
