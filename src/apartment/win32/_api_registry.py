"""win32api's registry names: ``HKEY_CURRENT_USER`` over :mod:`apartment.registry`.

Re-exported by :mod:`.win32api`. Keys are PyHKEY handles with their access; values keep
pywin32's shapes (REG_DWORD read back signed, an empty binary value as None).
"""

from __future__ import annotations

import datetime as _dt
import operator
from typing import TYPE_CHECKING

from .. import kernel, registry
from ..errors import ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, Win32Error
from . import _object_security
from ._adapt import api, as_bool, dword, long_param, stamped, text
from ._buffers import text_arg
from ._handles import PyHANDLE, handle_value, lookup
from ._hkey import PyHKEY as PyHKEY
from ._security import PySECURITY_ATTRIBUTES
from ._timeconv import file_time
from .pywintypes import TimeType

if TYPE_CHECKING:
    from ._security import PySECURITY_DESCRIPTOR

__all__ = [
    "PyHKEY", "RegOpenKey", "RegOpenKeyEx", "RegCreateKey", "RegCreateKeyEx", "RegCloseKey",
    "RegSetValueEx", "RegSetValue", "RegQueryValueEx", "RegQueryValue", "RegEnumValue",
    "RegEnumKey", "RegDeleteValue", "RegDeleteKey", "RegQueryInfoKey", "RegQueryInfoKeyW",
    "RegNotifyChangeKeyValue",
    "REG_NOTIFY_CHANGE_NAME", "REG_NOTIFY_CHANGE_ATTRIBUTES", "REG_NOTIFY_CHANGE_LAST_SET",
    "REG_NOTIFY_CHANGE_SECURITY", "REG_NOTIFY_THREAD_AGNOSTIC",
    "RegEnumKeyEx", "RegEnumKeyExW", "RegOpenCurrentUser", "RegConnectRegistry", "RegFlushKey",
    "RegDeleteTree", "RegCopyTree", "RegDeleteKeyEx", "RegOpenKeyTransacted", "RegSaveKey",
    "RegSaveKeyEx", "RegRestoreKey",
    "RegLoadKey",
    "RegUnLoadKey",
    "RegGetKeySecurity", "RegSetKeySecurity", "RegOverridePredefKey",
]  # fmt: skip


def _signed(value: int, bits: int) -> int:
    return value - 2**bits if value >= 2 ** (bits - 1) else value


REG_NOTIFY_CHANGE_NAME = registry.REG_NOTIFY_CHANGE_NAME
REG_NOTIFY_CHANGE_ATTRIBUTES = registry.REG_NOTIFY_CHANGE_ATTRIBUTES
REG_NOTIFY_CHANGE_LAST_SET = registry.REG_NOTIFY_CHANGE_LAST_SET
REG_NOTIFY_CHANGE_SECURITY = registry.REG_NOTIFY_CHANGE_SECURITY
REG_NOTIFY_THREAD_AGNOSTIC = registry.REG_NOTIFY_THREAD_AGNOSTIC


def _key(hkey: object, access: int = 0) -> registry.Key:
    if hkey is None:  # pywin32 takes None as a NULL handle: ERROR_INVALID_HANDLE
        hkey = 0
    if not isinstance(hkey, (PyHANDLE, int)) or isinstance(hkey, bool):
        raise TypeError("The object is not a PyHANDLE object")
    return registry.key_of_handle(_signed(handle_value(hkey) & 0xFFFFFFFFFFFFFFFF, 64), access)


def _is_predefined(key: int) -> bool:
    """Whether ``key`` is a predefined (pseudo) HKEY: 0x8xxxxxxx, signed or not.

    Windows' RegCloseKey closes nothing in that range and succeeds, HKEY_CURRENT_USER's
    neighbours that name no root included.
    """
    value = key & 0xFFFFFFFFFFFFFFFF
    if value >> 32 == 0xFFFFFFFF:  # sign-extended, as winreg and signed constants give it
        value &= 0xFFFFFFFF
    return value >> 28 == 0x8


def _index(value: object) -> int:
    """An enumeration index as pywin32 reads one: a DWORD, OverflowError past 32 bits."""
    number = value if type(value) is int else operator.index(value)  # type: ignore[arg-type]
    if not -(2**31) <= number < 2**32:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return number & 0xFFFFFFFF


def _value_type(value: object) -> int:
    """A REG_* type as pywin32 reads one: a C int (-1 is stored as 0xFFFFFFFF and read back
    as -1), OverflowError outside 32 signed bits."""  # noqa: D205, D209
    return long_param(value) & 0xFFFFFFFF


def _in(key: registry.Key, transaction: object) -> registry.Key:
    """``key``, seen through ``transaction`` unless that is None (or 0, a NULL handle)."""
    if transaction is None or handle_value(transaction) == 0:
        return key
    return registry.transacted_key(key, lookup(transaction, kernel.Transaction, _ENLIST))


_ENLIST = 0x4  # TRANSACTION_ENLIST


def _opened(key: registry.Key, access: int) -> PyHKEY:
    return PyHKEY(kernel.handles.insert(key, access))


@api("RegOpenKeyEx")
def RegOpenKeyEx(
    key: object, subKey: str | None, reserved: int = 0, sam: int = registry.KEY_READ, /
) -> PyHKEY:
    if subKey is None and handle_value(key) & 0xFFFFFFFF == registry.HKEY_CURRENT_USER:
        return PyHKEY(handle_value(key))  # pywin32 gives the predefined handle back
    return _opened(registry.open_key(_key(key), subKey), dword(sam))


@api("RegOpenKeyEx")
def RegOpenKey(
    key: object, subKey: str | None, reserved: int = 0, sam: int = registry.KEY_READ, /
) -> PyHKEY:
    return RegOpenKeyEx(key, subKey, reserved, sam)


@api("RegCreateKey")
def RegCreateKey(key: object, subKey: str | None, /) -> PyHKEY:
    return _opened(registry.create_key(_key(key), subKey)[0], registry.KEY_ALL_ACCESS)


@api("RegCreateKeyEx")
def RegCreateKeyEx(
    Key: object,
    SubKey: str,
    samDesired: int = registry.KEY_ALL_ACCESS,
    Class: str | None = None,  # pywin32's order: Class before Options
    Options: int = 0,
    SecurityAttributes: object = None,
    Transaction: object = None,
) -> tuple[PyHKEY, int]:
    """(the key, REG_CREATED_NEW_KEY (1) or REG_OPENED_EXISTING_KEY (2)); with a
    ``Transaction``, RegCreateKeyTransacted: the key is created in it."""  # noqa: D205, D209
    if SecurityAttributes is not None and not isinstance(SecurityAttributes, PySECURITY_ATTRIBUTES):
        raise TypeError("SecurityAttributes must be a PySECURITY_ATTRIBUTES object or None")
    opened, made = registry.create_key(_in(_key(Key), Transaction), SubKey)
    return _opened(opened, dword(samDesired)), 1 if made else 2


@api("RegCloseKey")
def RegCloseKey(key: object, /) -> None:
    """Close an HKEY; a predefined key (HKEY_CURRENT_USER...) is left open: success."""
    if isinstance(key, PyHANDLE):
        if _is_predefined(handle_value(key)):
            key.Detach()  # pywin32 forgets the value it "closed"
            return
        key.Close()
        return
    if isinstance(key, int) and _is_predefined(key):
        return
    _key(key)
    kernel.handles.close(handle_value(key))


@api("RegSetValueEx")
def RegSetValueEx(
    key: object, valueName: str | None, reserved: object, type: int, value: object, /
) -> None:
    kind = _value_type(type)
    _key(key, registry.KEY_SET_VALUE).set_value(valueName, kind, _registry_value(kind, value))


def _registry_value(kind: int, value: object) -> object:
    """The core's value for pywin32's Python one: pywin32's conversions and their errors."""
    if value is None:  # pywin32 stores an empty value of the type
        return {registry.REG_DWORD: 0, registry.REG_QWORD: 0, registry.REG_SZ: "",
                registry.REG_EXPAND_SZ: ""}.get(kind, b"")  # fmt: skip
    if kind in (registry.REG_DWORD, registry.REG_QWORD):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if kind == registry.REG_QWORD:
            if value < 0:
                raise OverflowError("can't convert negative int to unsigned")
            return value
        if not -(2**31) <= value < 2**32:
            raise OverflowError("Python int too large to convert to C unsigned long")
        return value & 0xFFFFFFFF  # pywin32 takes a signed or unsigned long
    if kind in (registry.REG_SZ, registry.REG_EXPAND_SZ):
        return text(value)
    if kind == registry.REG_MULTI_SZ:  # any sequence of str (a str is one of its characters)
        if not isinstance(value, (str, list, tuple, bytes, bytearray)):
            raise TypeError(
                f"Objects of type '{value.__class__.__name__}' can not be converted to Unicode."
            )
        return [text(item).partition("\0")[0] for item in value]  # pywin32 copies C strings
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)  # any other type is its bytes, REG_DWORD_BIG_ENDIAN included
    raise TypeError(f"a bytes-like object is required, not '{value.__class__.__name__}'")


@api("RegSetValue")
def RegSetValue(key: object, subKey: str | None, type: int, value: str, /) -> None:
    """Set the default value of ``subKey`` (created if needed); only REG_SZ, as Windows."""
    if dword(type) != registry.REG_SZ:
        raise TypeError("Type must be win32con.REG_SZ")
    target = registry.create_key(_key(key), subKey)[0] if subKey else _key(key)
    target.set_value(None, registry.REG_SZ, value)


def _out(data: object, kind: int) -> object:
    """pywin32's shapes: REG_DWORD signed, empty binary None, a multi-string up to the first
    empty string after its first string (pywin32 reads no further), one of no bytes []."""  # noqa: D205, D209
    if kind == registry.REG_DWORD and isinstance(data, int):
        return _signed(data, 32)
    if kind == registry.REG_MULTI_SZ and data == b"":
        return []
    if kind == registry.REG_MULTI_SZ and isinstance(data, list) and data:
        end = next((i for i, string in enumerate(data) if i and not string), len(data))
        return data[:end]
    if data == b"":
        return None
    return data


@api("RegQueryValueEx")
def RegQueryValueEx(key: object, valueName: str | None, /) -> tuple[object, int]:
    if valueName is not None:
        text(valueName)
    data, kind = _key(key, registry.KEY_QUERY_VALUE).query_value(valueName)
    return _out(data, kind), _signed(kind, 32)


@api("RegQueryValue")
def RegQueryValue(key: object, subKey: str | None, /) -> str:
    """The default value of ``subKey`` as a str; '' when it is not set."""
    target = registry.open_key(_key(key), subKey) if subKey else _key(key)
    try:
        data, _ = target.query_value(None)
    except Win32Error as exc:
        if exc.winerror != ERROR_FILE_NOT_FOUND:
            raise
        return ""
    return str(data)


@api("PyRegEnumValue")
def RegEnumValue(key: object, index: int, /) -> tuple[str, object, int]:
    name, data, kind = _key(key, registry.KEY_QUERY_VALUE).value_at(_index(index))
    return name, _out(data, kind), _signed(kind, 32)


def RegEnumKey(key: object, index: int, /) -> str:
    """The name of subkey ``index``. pywin32 asks RegQueryInfoKey first (for the longest
    name), so a bad, deleted or unreadable key fails with that function's name."""  # noqa: D205, D209
    position = _index(index)
    try:
        _key(key, registry.KEY_QUERY_VALUE).info()
    except Win32Error as error:
        raise stamped(error, "RegQueryInfoKey") from None
    try:
        return _key(key, registry.KEY_ENUMERATE_SUB_KEYS).subkey_at(position)
    except Win32Error as error:
        raise stamped(error, "RegEnumKey") from None


@api("RegDeleteValue")
def RegDeleteValue(key: object, value: str | None, /) -> None:
    _key(key, registry.KEY_SET_VALUE).delete_value(value)


@api("RegDeleteKey")
def RegDeleteKey(key: object, subKey: str, /) -> None:
    """Delete ``subKey`` (no subkeys of its own); '' deletes ``key`` itself, as Windows."""
    registry.delete_key(_key(key), text(subKey))


@api("RegQueryInfoKey")
def RegQueryInfoKey(key: object, /) -> tuple[int, int, int]:
    """(subkeys, values, last write as a FILETIME: 100 ns since 1601)."""
    info = _key(key, registry.KEY_QUERY_VALUE).info()
    return info.subkeys, info.values, int(info.last_write * 10**7) + 116444736000000000


@api("RegQueryInfoKeyW")
def RegQueryInfoKeyW(Key: object, /) -> dict[str, object]:
    """RegQueryInfoKey's whole answer, by name: the longest subkey and value names in
    characters, the longest data in bytes; no classes, no security descriptor's size."""  # noqa: D205, D209
    info = _key(Key, registry.KEY_QUERY_VALUE).info()
    return {
        "Class": "",
        "Reserved": None,
        "SubKeys": info.subkeys,
        "MaxSubKeyLen": info.longest_subkey,
        "MaxClassLen": 0,
        "Values": info.values,
        "MaxValueNameLen": info.longest_value_name,
        "MaxValueLen": info.longest_value,
        "cbSecurityDescriptor": 0,
        "LastWriteTime": _time(info.last_write),
    }


@api("RegNotifyChangeKeyValue")
def RegNotifyChangeKeyValue(
    key: object, bWatchSubTree: int, dwNotifyFilter: int, hKey: object, fAsynchronous: int, /
) -> None:
    """Watch a key: set the event ``hKey`` at its next change, or (not asynchronous) wait for it."""
    watched = _key(key, registry.KEY_NOTIFY)
    subtree, changes = as_bool(bWatchSubTree), dword(dwNotifyFilter)
    if not as_bool(fAsynchronous):
        watched.wait_for_change(subtree=subtree, changes=changes)
        return
    if hKey is None:
        raise Win32Error.from_code(ERROR_INVALID_HANDLE, "an asynchronous watch needs an event")
    watched.notify(lookup(hKey, kernel.Event), subtree=subtree, changes=changes)


# -- trees, the current user's root, other computers, hive files ------------------------------


@api("RegEnumKeyEx")
def RegEnumKeyEx(Key: object, /) -> tuple[tuple[str, int, str, object], ...]:
    """Every subkey as ``(name, 0, class '', last write as a pywintypes time)``."""
    key = _key(Key, registry.KEY_ENUMERATE_SUB_KEYS)
    return tuple(
        (name, 0, "", _time(written)) for name, written in registry.subkeys_with_times(key)
    )


@api("RegEnumKeyExW")
def RegEnumKeyExW(Key: object, /) -> tuple[tuple[str, int, str, object], ...]:
    return RegEnumKeyEx(Key)


def _time(seconds: float) -> object:
    when = _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc)
    return file_time(when, TimeType)


@api("RegOpenCurrentUser")
def RegOpenCurrentUser(samDesired: int = registry.KEY_ALL_ACCESS, /) -> PyHKEY:
    """A new handle to the current user's root key, with the access asked for."""
    return _opened(registry.open_key(_key(registry.HKEY_CURRENT_USER), None), dword(samDesired))


@api("RegConnectRegistry")
def RegConnectRegistry(computerName: str | None, key: object, /) -> PyHKEY:
    """A predefined key of this computer's registry (53 for another computer)."""
    return PyHKEY(registry.connect_registry(computerName, handle_value(key)))


@api("RegFlushKey")
def RegFlushKey(key: object, /) -> None:
    """Nothing to do: every change is committed when made."""
    _key(key)


@api("RegDeleteTree")
def RegDeleteTree(Key: object, SubKey: str | None, /) -> None:
    """Delete a subkey and everything below it (None: the key's own subkeys and values)."""
    registry.delete_tree(_key(Key), SubKey)


@api("RegCopyTree")
def RegCopyTree(KeySrc: object, SubKey: str | None, KeyDest: object, /) -> None:
    """Copy a key's values and subkeys into another key."""
    registry.copy_tree(_key(KeySrc, registry.KEY_READ), SubKey, _key(KeyDest))


@api("RegDeleteKeyEx")
def RegDeleteKeyEx(
    Key: object, SubKey: str, samDesired: int = 0, Transaction: object = None
) -> None:
    """RegDeleteKey: a 64-bit process's registry has one view; with a ``Transaction``,
    RegDeleteKeyTransacted: the key is deleted when it commits."""  # noqa: D205, D209
    dword(samDesired)
    registry.delete_key(_in(_key(Key), Transaction), SubKey)


@api("RegOpenKeyTransacted")
def RegOpenKeyTransacted(
    Key: object, SubKey: str | None, samDesired: int, Transaction: object, Options: int = 0
) -> PyHKEY:
    """Open a key in a transaction: what changes through it waits for the commit."""
    dword(Options)
    return _opened(registry.open_key(_in(_key(Key), Transaction), SubKey), dword(samDesired))


@api("RegSaveKey")
def RegSaveKey(key: object, filename: str, sa: object = None, /) -> None:
    """Save a key's values and subkeys to a new file: 1314 without SeBackupPrivilege
    enabled, 183 when the file exists (a file of this library's own, not a "regf" hive)."""  # noqa: D205, D209
    registry.save_key(_key(key), text_arg(filename))


@api("RegSaveKeyEx")
def RegSaveKeyEx(Key: object, File: str, Flags: int, SecurityAttributes: object = None) -> None:
    """RegSaveKey; the REG_*_FORMAT and REG_NO_COMPRESSION flags choose nothing here."""
    dword(Flags)
    registry.save_key(_key(Key), text_arg(File))


@api("RegRestoreKey")
def RegRestoreKey(Key: object, File: str, Flags: int = 0, /) -> None:
    """Replace a key's values and subkeys by a saved file's: 1314 without SeRestorePrivilege
    enabled, 2 for no file, 1015 for a file RegSaveKey did not write here."""  # noqa: D205, D209
    dword(Flags)
    registry.restore_key(_key(Key), text_arg(File))


@api("RegLoadKey")
def RegLoadKey(key: object, subKey: str, filename: str, /) -> None:
    """1314 without SeRestorePrivilege enabled; 50 with it (no hive files here)."""
    registry.load_key(_key(key), subKey, filename)


@api("RegUnLoadKey")
def RegUnLoadKey(key: object, subKey: str, /) -> None:
    """1314 without SeRestorePrivilege enabled; 50 with it (no hive files here)."""
    registry.unload_key(_key(key), subKey)


@api("RegGetKeySecurity")
def RegGetKeySecurity(key: object, security_info: int, /) -> PySECURITY_DESCRIPTOR:
    """The parts ``security_info`` names of a key's descriptor (see win32security)."""
    return _object_security.key_security(key, security_info)


@api("RegSetKeySecurity")
def RegSetKeySecurity(key: object, security_info: int, sd: object, /) -> None:
    """Set the parts ``security_info`` names of a key's descriptor."""
    _object_security.set_key_security(key, security_info, sd)


@api("RegOverridePredefKey")
def RegOverridePredefKey(Key: object, NewKey: object) -> None:
    """Make predefined ``Key`` (HKEY_CURRENT_USER...) name open key ``NewKey`` in this
    process; None restores it. ``NewKey`` may be closed afterwards."""  # noqa: D205, D209
    if not isinstance(Key, (PyHANDLE, int)) or isinstance(Key, bool):
        raise TypeError("The object is not a PyHANDLE object")
    value = _signed(handle_value(Key) & 0xFFFFFFFFFFFFFFFF, 64)
    registry.override_predefined(value, None if NewKey is None else _key(NewKey))
