"""Hive files (saving a key to a file, restoring, loading, unloading) and other machines.

Windows asks for SeBackupPrivilege (saving) or SeRestorePrivilege (restoring, loading,
unloading) enabled in the caller's token, and fails with ERROR_PRIVILEGE_NOT_HELD without it,
as here. A saved key is a file of this library's own (a magic line, then msgpack: a format that
cannot execute code), which restoring reads back; Windows' "regf" hive files are not read
(ERROR_REGISTRY_CORRUPT). Loading and unloading hives are ERROR_NOT_SUPPORTED
(docs/differences-from-windows.md).
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

import msgpack

from .. import kernel
from ..errors import (
    ERROR_ALREADY_EXISTS,
    ERROR_BAD_NETPATH,
    ERROR_REGISTRY_CORRUPT,
    NotSupportedError,
    Win32Error,
)
from ..kernel.lowlevel import os_error
from ._trees import read_tree, replace_tree

if TYPE_CHECKING:
    from ._keys import Key
    from ._trees import Tree

__all__ = ["save_key", "restore_key", "load_key", "unload_key", "connect_registry"]


def _refuse(privilege: str, doing: str) -> None:
    kernel.require_privilege(privilege)
    raise NotSupportedError(f"{doing}: the registry here has no hive files")


_MAGIC = b"apartment registry key 1\n"
_MAX_DEPTH = 512  # Windows' limit on the levels of a key's path
_MAX_FILE = 1 << 30


def save_key(key: Key, path: str) -> None:
    """Save ``key``'s values and subkeys to a new file (RegSaveKey, RegSaveKeyEx).

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD without SeBackupPrivilege enabled,
            ERROR_ALREADY_EXISTS when ``path`` exists (as on Windows), ERROR_PATH_NOT_FOUND.
    """
    kernel.require_privilege("SeBackupPrivilege")
    data = _MAGIC + msgpack.packb(read_tree(key), use_bin_type=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        raise Win32Error.from_code(ERROR_ALREADY_EXISTS, f"{path!r} exists") from None
    except OSError as exc:
        raise os_error(exc, f"saving {key.path} to {path!r}") from None
    with os.fdopen(fd, "wb") as file:
        file.write(data)


def restore_key(key: Key, path: str) -> None:
    """Replace ``key``'s values and subkeys by those a saved file holds (RegRestoreKey).

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD without SeRestorePrivilege enabled,
            ERROR_FILE_NOT_FOUND, ERROR_REGISTRY_CORRUPT for a file that is not a saved key
            (Windows' own hive files included); the key is left as it was.
    """
    kernel.require_privilege("SeRestorePrivilege")
    try:
        with open(path, "rb") as file:
            data = file.read(_MAX_FILE + 1)
    except OSError as exc:
        raise os_error(exc, f"restoring {key.path} from {path!r}") from None
    replace_tree(key, _parse(data, path))


def _parse(data: bytes, path: str) -> Tree:
    tree: object = None
    if data.startswith(_MAGIC) and len(data) <= _MAX_FILE:
        with contextlib.suppress(
            ValueError, msgpack.ExtraData, msgpack.FormatError, msgpack.StackError
        ):
            tree = msgpack.unpackb(data[len(_MAGIC) :], raw=False, use_list=True)
    if not _is_tree(tree, 0):
        raise Win32Error.from_code(
            ERROR_REGISTRY_CORRUPT, f"{path!r} is not a key saved by RegSaveKey here"
        )
    return _as_tree(tree)  # type: ignore[arg-type]  # (its shape is checked)


def _is_tree(tree: object, depth: int) -> bool:
    """Whether ``tree`` has the shape of a saved key: [[values], [[name, key, tree]...]].

    Walked with a list, not recursion: a file's nesting must not reach Python's limit.
    """
    pending = [(tree, depth)]
    while pending:
        node, level = pending.pop()
        if level > _MAX_DEPTH or not isinstance(node, list) or len(node) != 2:
            return False
        values, children = node
        if not isinstance(values, list) or not isinstance(children, list):
            return False
        if not all(_is_value(value) for value in values):
            return False
        for child in children:
            if not (isinstance(child, list) and len(child) == 3):
                return False
            if not (isinstance(child[0], str) and isinstance(child[1], str)):
                return False
            pending.append((child[2], level + 1))
    return True


def _is_value(value: object) -> bool:
    if not (isinstance(value, list) and len(value) == 4):
        return False
    name, name_key, kind, data = value
    return (
        isinstance(name, str)
        and isinstance(name_key, str)
        and isinstance(kind, int)
        and 0 <= kind < 2**32
        and isinstance(data, bytes)
    )


def _as_tree(tree: list[list[list[object]]]) -> Tree:
    values, children = tree
    return (
        [(str(n), str(k), int(t), bytes(d)) for n, k, t, d in values],  # type: ignore[call-overload]
        [(str(n), str(k), _as_tree(sub)) for n, k, sub in children],  # type: ignore[arg-type]
    )


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
