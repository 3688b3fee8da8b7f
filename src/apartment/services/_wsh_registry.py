r"""WScript.Shell's RegRead, RegWrite and RegDelete on this user's registry.

A name is ``ROOT\key\...\value``, or ``ROOT\key\`` (ending with a backslash) for the key's
default value (RegWrite makes the key; RegDelete deletes it). Roots: ``HKCU``/
``HKEY_CURRENT_USER``, ``HKLM``/``HKEY_LOCAL_MACHINE``, ``HKU``/``HKEY_USERS``,
``HKCR``/``HKEY_CLASSES_ROOT``. RegRead answers a REG_SZ as a str, REG_EXPAND_SZ expanded,
REG_DWORD an int, REG_BINARY an array of byte values, REG_MULTI_SZ an array of str. RegWrite
takes the type ``REG_SZ`` (the default), ``REG_EXPAND_SZ``, ``REG_DWORD`` or ``REG_BINARY``
(an int, written as its four bytes, as wshom does); another is E_INVALIDARG. A name not
there is HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND), 0x80070002, as Windows answers it; a
refusal (HKLM without elevation) is the registry's error as an HRESULT.
"""

from __future__ import annotations

import struct

from .. import registry
from ..com import COMException
from ..errors import Win32Error
from ._wsh_exec import expand

__all__ = ["reg_delete", "reg_read", "reg_write"]

_E_INVALIDARG = -2147024809
_FILE_NOT_FOUND = -2147024894
_TYPE_MISMATCH = -2147352571  # DISP_E_TYPEMISMATCH
_ROOTS = {
    "HKCU": registry.HKEY_CURRENT_USER, "HKEY_CURRENT_USER": registry.HKEY_CURRENT_USER,
    "HKLM": registry.HKEY_LOCAL_MACHINE, "HKEY_LOCAL_MACHINE": registry.HKEY_LOCAL_MACHINE,
    "HKU": registry.HKEY_USERS, "HKEY_USERS": registry.HKEY_USERS,
    "HKCR": registry.HKEY_CLASSES_ROOT, "HKEY_CLASSES_ROOT": registry.HKEY_CLASSES_ROOT,
}  # fmt: skip
_TYPES = {"REG_SZ": 1, "REG_EXPAND_SZ": 2, "REG_BINARY": 3, "REG_DWORD": 4}


def _failed(error: Win32Error) -> COMException:
    code = error.winerror & 0xFFFF
    return COMException(scode=(0x80070000 | code) - (1 << 32), desc=str(error))


def _split(name: object) -> tuple[registry.Key, str, str | None]:
    """The root key, the key's path under it, the value's name (None: the default value)."""
    text = str(name)
    root, _, rest = text.partition("\\")
    handle = _ROOTS.get(root.upper())
    if handle is None:
        raise COMException(scode=_FILE_NOT_FOUND, desc=f"no registry root {root!r}")
    if text.endswith("\\"):
        return registry.key_of_handle(handle), rest.rstrip("\\"), None
    path, _, value = rest.rpartition("\\")
    return registry.key_of_handle(handle), path, value


def reg_read(name: object) -> object:
    """The value ``name`` names (see the module docstring)."""
    root, path, value = _split(name)
    try:
        key = registry.open_key(root, path or None)
        try:
            data, kind = key.query_value(value)
        finally:
            key.close()
    except Win32Error as error:
        raise _failed(error) from None
    if kind == 2:
        return expand(str(data))
    # arrays go back as lists: a tuple a server returns is (result, *out values)
    if kind == 3 and isinstance(data, (bytes, bytearray)):
        return list(data)
    if kind == 7 and isinstance(data, (list, tuple)):
        return list(data)
    return data


def reg_write(name: object, value: object, kind: object = "REG_SZ") -> None:
    """Write ``value`` as ``kind`` under ``name``, making the key as needed."""
    code = _TYPES.get(str(kind).upper())
    if code is None:
        raise COMException(scode=_E_INVALIDARG, desc=f"no value type {kind!r}")
    data: object
    if code in (1, 2):
        data = "" if value is None else str(value)
    else:
        try:
            number = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise COMException(scode=_TYPE_MISMATCH, desc="a number is needed") from None
        data = number & 0xFFFFFFFF if code == 4 else struct.pack("<I", number & 0xFFFFFFFF)
    root, path, value_name = _split(name)
    try:
        key, _ = registry.create_key(root, path or None)
        try:
            key.set_value(value_name, code, data)
        finally:
            key.close()
    except Win32Error as error:
        raise _failed(error) from None


def reg_delete(name: object) -> None:
    """Delete the value ``name`` names, or the key if it ends with a backslash."""
    root, path, value = _split(name)
    try:
        if value is None:
            registry.delete_key(root, path)
            return
        key = registry.open_key(root, path or None)
        try:
            key.delete_value(value)
        finally:
            key.close()
    except Win32Error as error:
        raise _failed(error) from None
