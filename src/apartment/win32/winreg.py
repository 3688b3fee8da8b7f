"""The standard library's ``winreg`` (CPython's, on Windows) over :mod:`apartment.registry`.

Programs written for Windows mix pywin32 with ``winreg``; Linux has no ``winreg``, so
``python -m apartment run`` (and the facade in its children) maps the name here
(:data:`apartment.win32.RUNTIME_MODULES`). Names, signatures, value shapes and errors are
CPython's, which differ from win32api's Reg* functions in places:

* keys are :class:`HKEYType` objects (``winreg.PyHKEY``), not pywin32's PyHKEY; they compare
  by identity, close on ``Close()``, on leaving a ``with`` block and when collected;
  ``HKEY_*`` constants are ints as 64-bit CPython gives them (``0xFFFFFFFF80000001``);
* values: REG_DWORD and REG_QWORD read back unsigned, an empty binary value as None,
  REG_MULTI_SZ as a list of str; any type but the string, list and int ones is bytes;
* a failure is an :class:`OSError` whose ``winerror`` is the Windows code and whose class
  follows the errno CPython derives from it: FileNotFoundError for 2 (ERROR_FILE_NOT_FOUND),
  PermissionError for 5 (ERROR_ACCESS_DENIED), a plain OSError for 259 (ERROR_NO_MORE_ITEMS,
  the end of EnumKey and EnumValue). Its ``str()`` says ``[WinError N] message``, as on
  Windows, and it prints as that builtin class (a subclass of it, named as it);
* there is no WOW64 here: a 64-bit process's view, where registry reflection does not exist
  (QueryReflectionKey: True, "disabled"; Disable/EnableReflectionKey do nothing).

Which hives exist is the core's business: HKEY_CURRENT_USER is modelled; another predefined
key gives whatever :func:`apartment.registry.key_of_handle` answers for it. Every function
may be called from any thread.
"""

from __future__ import annotations

import errno as _errno
import functools
import operator
import threading
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from .. import com as _com  # noqa: F401 - loaded: HKEY_CLASSES_ROOT shows its classes
from .. import kernel, registry
from .._fork import OUTER, hold_across_fork
from ..errors import ERROR_FILE_NOT_FOUND, ERROR_INVALID_DATA, Win32Error, system_message
from ..kernel import handles

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import TracebackType

    from typing_extensions import Self

__all__ = [
    "HKEY_CLASSES_ROOT", "HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE", "HKEY_USERS",
    "HKEY_PERFORMANCE_DATA", "HKEY_CURRENT_CONFIG", "HKEY_DYN_DATA",
    "KEY_QUERY_VALUE", "KEY_SET_VALUE", "KEY_CREATE_SUB_KEY", "KEY_ENUMERATE_SUB_KEYS",
    "KEY_NOTIFY", "KEY_CREATE_LINK", "KEY_READ", "KEY_WRITE", "KEY_EXECUTE", "KEY_ALL_ACCESS",
    "KEY_WOW64_64KEY", "KEY_WOW64_32KEY",
    "REG_OPTION_RESERVED", "REG_OPTION_NON_VOLATILE", "REG_OPTION_VOLATILE",
    "REG_OPTION_CREATE_LINK", "REG_OPTION_BACKUP_RESTORE", "REG_OPTION_OPEN_LINK",
    "REG_LEGAL_OPTION", "REG_CREATED_NEW_KEY", "REG_OPENED_EXISTING_KEY",
    "REG_WHOLE_HIVE_VOLATILE", "REG_REFRESH_HIVE", "REG_NO_LAZY_FLUSH",
    "REG_NOTIFY_CHANGE_NAME", "REG_NOTIFY_CHANGE_ATTRIBUTES", "REG_NOTIFY_CHANGE_LAST_SET",
    "REG_NOTIFY_CHANGE_SECURITY", "REG_LEGAL_CHANGE_FILTER",
    "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_LITTLE_ENDIAN",
    "REG_DWORD_BIG_ENDIAN", "REG_QWORD", "REG_QWORD_LITTLE_ENDIAN", "REG_LINK", "REG_MULTI_SZ",
    "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTOR", "REG_RESOURCE_REQUIREMENTS_LIST",
    "HKEYType", "error",
    "CloseKey", "ConnectRegistry", "CreateKey", "CreateKeyEx", "DeleteKey", "DeleteKeyEx",
    "DeleteValue", "DisableReflectionKey", "EnableReflectionKey", "EnumKey", "EnumValue",
    "ExpandEnvironmentStrings", "FlushKey", "LoadKey", "OpenKey", "OpenKeyEx", "QueryInfoKey",
    "QueryReflectionKey", "QueryValue", "QueryValueEx", "SaveKey", "SetValue", "SetValueEx",
]  # fmt: skip

F = TypeVar("F", bound="Callable[..., Any]")

error = OSError

# The predefined keys, as 64-bit CPython gives them: the sign-extended handle, unsigned.
HKEY_CLASSES_ROOT = 0xFFFFFFFF80000000
HKEY_CURRENT_USER = 0xFFFFFFFF80000001
HKEY_LOCAL_MACHINE = 0xFFFFFFFF80000002
HKEY_USERS = 0xFFFFFFFF80000003
HKEY_PERFORMANCE_DATA = 0xFFFFFFFF80000004
HKEY_CURRENT_CONFIG = 0xFFFFFFFF80000005
HKEY_DYN_DATA = 0xFFFFFFFF80000006

KEY_QUERY_VALUE = registry.KEY_QUERY_VALUE
KEY_SET_VALUE = registry.KEY_SET_VALUE
KEY_CREATE_SUB_KEY = registry.KEY_CREATE_SUB_KEY
KEY_ENUMERATE_SUB_KEYS = registry.KEY_ENUMERATE_SUB_KEYS
KEY_NOTIFY = registry.KEY_NOTIFY
KEY_CREATE_LINK = 0x20
KEY_READ = registry.KEY_READ
KEY_WRITE = registry.KEY_WRITE
KEY_EXECUTE = registry.KEY_READ  # the same mask on Windows
KEY_ALL_ACCESS = registry.KEY_ALL_ACCESS
KEY_WOW64_64KEY = 0x100
KEY_WOW64_32KEY = 0x200

REG_OPTION_RESERVED = 0
REG_OPTION_NON_VOLATILE = 0
REG_OPTION_VOLATILE = 1
REG_OPTION_CREATE_LINK = 2
REG_OPTION_BACKUP_RESTORE = 4
REG_OPTION_OPEN_LINK = 8
REG_LEGAL_OPTION = 0x1F  # the options above and REG_OPTION_DONT_VIRTUALIZE (0x10)
REG_CREATED_NEW_KEY = 1
REG_OPENED_EXISTING_KEY = 2
REG_WHOLE_HIVE_VOLATILE = 1
REG_REFRESH_HIVE = 2
REG_NO_LAZY_FLUSH = 4
REG_NOTIFY_CHANGE_NAME = registry.REG_NOTIFY_CHANGE_NAME
REG_NOTIFY_CHANGE_ATTRIBUTES = registry.REG_NOTIFY_CHANGE_ATTRIBUTES
REG_NOTIFY_CHANGE_LAST_SET = registry.REG_NOTIFY_CHANGE_LAST_SET
REG_NOTIFY_CHANGE_SECURITY = registry.REG_NOTIFY_CHANGE_SECURITY
REG_LEGAL_CHANGE_FILTER = 0x1000000F  # the four above and REG_NOTIFY_THREAD_AGNOSTIC

REG_NONE = registry.REG_NONE
REG_SZ = registry.REG_SZ
REG_EXPAND_SZ = registry.REG_EXPAND_SZ
REG_BINARY = registry.REG_BINARY
REG_DWORD = registry.REG_DWORD
REG_DWORD_LITTLE_ENDIAN = registry.REG_DWORD
REG_DWORD_BIG_ENDIAN = registry.REG_DWORD_BIG_ENDIAN
REG_LINK = registry.REG_LINK
REG_MULTI_SZ = registry.REG_MULTI_SZ
REG_RESOURCE_LIST = 8
REG_FULL_RESOURCE_DESCRIPTOR = 9
REG_RESOURCE_REQUIREMENTS_LIST = 10
REG_QWORD = registry.REG_QWORD
REG_QWORD_LITTLE_ENDIAN = registry.REG_QWORD

_FILETIME_EPOCH = 116444736000000000  # 1970-01-01 in 100 ns intervals since 1601
_CANNOT_CONVERT = "Could not convert the data to the specified type."

# -- errors: the OSError CPython raises for a Windows code ------------------------------------

# The errno CPython on Windows derives from a Windows code (its winerror_to_errno), for the
# codes other than EINVAL's; the errno picks the OSError subclass.
_ERRNO_OF: dict[int, int] = {
    **dict.fromkeys((2, 3, 15, 18, 53, 67, 161, 206), _errno.ENOENT),
    **dict.fromkeys((5, 16, *range(19, 35), 35, 36, 65, 82, 83, 108, 132, 158, 167), _errno.EACCES),
    **dict.fromkeys((80, 183), _errno.EEXIST),
    **dict.fromkeys((6, 114, 130), _errno.EBADF),
    **dict.fromkeys((7, 8, 9, 1816), _errno.ENOMEM),
    **dict.fromkeys((89, 164, 215), _errno.EAGAIN),
    **dict.fromkeys((109, 232), _errno.EPIPE),
    **dict.fromkeys((128, 129), _errno.ECHILD),
    4: _errno.EMFILE,
    10: _errno.E2BIG,
    17: _errno.EXDEV,
    112: _errno.ENOSPC,
    145: _errno.ENOTEMPTY,
    258: _errno.ETIMEDOUT,
    267: _errno.ENOTDIR,
    1113: _errno.EILSEQ,
}


def _os_error(code: int) -> OSError:
    """The OSError CPython's winreg raises for Windows error ``code``, ``winerror`` set."""
    message = system_message(code).rstrip(". \r\n")  # CPython drops the final period
    errno = _ERRNO_OF.get(code, _errno.EINVAL)
    kind = _windows_kind(type(OSError(errno, message)))
    failure = kind(errno, message, None, code, None)
    failure.winerror = code  # type: ignore[attr-defined]  # Windows' own attribute
    return failure


_KINDS: dict[type[OSError], type[OSError]] = {}
_KINDS_LOCK = threading.Lock()


def _windows_kind(base: type[OSError]) -> type[OSError]:
    """``base`` as it prints on Windows: ``str()`` says ``[WinError N]``, its name is ``base``'s.

    A subclass (so ``except FileNotFoundError`` and ``isinstance`` hold) that calls itself
    ``builtins.<base>`` for tracebacks and ``type(e)``, and pickles as its code's error.
    """
    with _KINDS_LOCK:
        kind = _KINDS.get(base)
        if kind is None:
            kind = _KINDS[base] = type(
                base.__name__,
                (base,),
                {
                    "__module__": "builtins",
                    "__qualname__": base.__qualname__,
                    "__str__": _windows_str,
                    "__reduce__": _windows_reduce,
                },
            )
        return kind


def _windows_str(self: OSError) -> str:
    return f"[WinError {getattr(self, 'winerror', self.errno)}] {self.strerror}"


def _windows_reduce(self: OSError) -> tuple[object, ...]:
    return (_os_error, (getattr(self, "winerror", self.errno),))


def _api(fn: F) -> F:
    """Raise the core's Win32Error as CPython's winreg does: an OSError with ``winerror``."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        try:
            return fn(*args, **kwargs)
        except Win32Error as failure:
            raise _os_error(int(failure.winerror)) from None

    return wrapper  # type: ignore[return-value]


# -- the key object ----------------------------------------------------------------------------

_lock = threading.Lock()  # Close/Detach take the value and zero it as one step (a leaf lock)
hold_across_fork(_lock, OUTER)


def _predefined(value: int) -> bool:
    """Whether ``value`` is a predefined key (HKEY_*), which is never closed."""
    return value >> 32 in (0, 0xFFFFFFFF) and 0x80000000 <= value & 0xFFFFFFFF < 0x80000100


def _bad_operand(self: HKEYType, *other: object) -> NoReturn:
    raise TypeError("bad operand type")


class HKEYType:
    """An open registry key (CPython's ``winreg.PyHKEY``); made by the functions only.

    ``int(key)`` is the handle, ``key.handle`` the same as a C int, ``bool(key)`` whether it
    is open. Equality and hash are by identity, arithmetic raises TypeError, as CPython's.
    The handle closes on :meth:`Close`, at the end of a ``with`` block, and when the object is
    collected.
    """

    __slots__ = ("__weakref__", "_value")
    _value: int

    def __new__(cls, *args: object, **kwargs: object) -> Self:
        """Refuse: as CPython's, the type cannot be instantiated (the functions make keys)."""
        raise TypeError("cannot create 'winreg.PyHKEY' instances")

    @classmethod
    def _owning(cls, value: int) -> HKEYType:
        key = object.__new__(cls)
        key._value = value
        return key

    @property
    def handle(self) -> int:
        """The handle's value as a C int (CPython's member is one)."""
        low = self._value & 0xFFFFFFFF
        return low - 2**32 if low >= 2**31 else low

    def __int__(self) -> int:
        return self._value

    def __bool__(self) -> bool:
        return self._value != 0

    def __str__(self) -> str:
        return f"<PyHKEY:0x{self._value:016X}>"

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _bad_operand
    __mod__ = __divmod__ = __pow__ = __neg__ = __pos__ = __abs__ = __invert__ = _bad_operand
    __lshift__ = __rshift__ = __and__ = __xor__ = __or__ = __float__ = _bad_operand

    def _take(self) -> int:
        with _lock:
            value, self._value = self._value, 0
        return value

    @_api
    def Close(self) -> None:
        """Close the handle; a closed one stays closed and raises nothing."""
        _close(self._take())

    def Detach(self) -> int:
        """Return the handle and forget it without closing it (0 if already detached)."""
        return self._take()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
        /,
    ) -> None:
        self.Close()

    def __del__(self) -> None:
        # Nothing else can see the object now; the kernel defers the close when the garbage
        # collector runs this, and errors are swallowed, as CPython's finalizer ignores them.
        value = getattr(self, "_value", 0)
        if value and not _predefined(value) and handles is not None:  # (gone at exit)
            handles.close_dropped(value)


HKEYType.__name__ = HKEYType.__qualname__ = "PyHKEY"
HKEYType.__module__ = "winreg"


def _close(value: int) -> None:
    if value and not _predefined(value):
        registry.key_of_handle(_signed(value))
        handles.close(value)


# -- arguments ---------------------------------------------------------------------------------


def _signed(value: int) -> int:
    value &= 0xFFFFFFFFFFFFFFFF
    return value - 2**64 if value >= 2**63 else value


def _hkey(key: object, *, none_ok: bool = False) -> int:
    """A key argument's handle: an HKEYType or an int (None only where CPython takes it)."""
    if key is None:
        if none_ok:
            return 0
        raise TypeError("None is not a valid HKEY in this context")
    if isinstance(key, HKEYType):
        return key._value
    if isinstance(key, int):
        if not -(2**63) <= key < 2**64:
            raise OverflowError("Python int too large to convert to C pointer")
        return key & 0xFFFFFFFFFFFFFFFF
    raise TypeError("The object is not a PyHKEY object")


def _key(key: object, access: int = 0) -> registry.Key:
    """The core's key for a key argument, checked for ``access``."""
    return registry.key_of_handle(_signed(_hkey(key)), access)


def _text(value: object, argument: str) -> str | None:
    """A str-or-None argument; ``argument`` names it in the TypeError, as CPython does."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{argument} must be str or None, not {type(value).__name__}")


def _str(value: object, argument: str) -> str:
    """A str argument (None refused); ``argument`` names it in the TypeError."""
    if isinstance(value, str):
        return value
    name = "None" if value is None else type(value).__name__
    raise TypeError(f"{argument} must be str, not {name}")


def _int(value: object) -> int:
    """A C int argument: TypeError for what is not an int, OverflowError beyond 32 bits."""
    number = operator.index(value)  # type: ignore[arg-type]
    if not -(2**31) <= number < 2**31:
        raise OverflowError("signed integer is greater than maximum")
    return number


def _dword(value: object) -> int:
    number = operator.index(value)  # type: ignore[arg-type]
    if not 0 <= number < 2**32:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return number


def _opened(key: registry.Key, access: int) -> HKEYType:
    return HKEYType._owning(handles.insert(key, access & 0xFFFFFFFF))


def _open(key: object, sub_key: str | None, access: int, *, create: bool) -> HKEYType:
    value = _hkey(key)
    if not sub_key and _predefined(value):
        registry.key_of_handle(_signed(value))  # a predefined key comes back as it is
        return HKEYType._owning(value)
    parent = registry.key_of_handle(_signed(value))
    if create:
        return _opened(registry.create_key(parent, sub_key)[0], access)
    return _opened(registry.open_key(parent, sub_key), access)


# -- values --------------------------------------------------------------------------------


def _to_registry(kind: int, value: object) -> object:
    """``value`` as the core stores it for type ``kind``, converted as CPython converts it."""
    if kind in (REG_DWORD, REG_QWORD):
        if value is None:
            return 0
        if not isinstance(value, int):
            raise ValueError(_CANNOT_CONVERT)
        if kind == REG_DWORD and not 0 <= value < 2**32:
            raise OverflowError(
                "can't convert negative value to unsigned int"
                if value < 0
                else "Python int too large to convert to C unsigned long"
            )
        if not 0 <= value < 2**64:
            raise OverflowError(
                "can't convert negative int to unsigned" if value < 0 else "int too big to convert"
            )
        return value
    if kind in (REG_SZ, REG_EXPAND_SZ):
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValueError(_CANNOT_CONVERT)
        return value
    if kind == REG_MULTI_SZ:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError(_CANNOT_CONVERT)
        return list(value)
    if value is None:
        data = b""
    else:
        try:
            data = bytes(memoryview(value))  # type: ignore[arg-type]
        except TypeError:
            raise TypeError(
                f"Objects of type '{type(value).__name__}' can not be used as binary "
                "registry values"
            ) from None
    return data


def _from_registry(kind: int, data: object) -> object:
    """The core's value as CPython gives it: a string up to its first NUL, bytes for the
    binary types (REG_DWORD_BIG_ENDIAN too), None when empty (a multi-string of no bytes
    too)."""  # noqa: D205, D209
    if kind in (REG_SZ, REG_EXPAND_SZ) and isinstance(data, str):
        return data.split("\0", 1)[0]
    if isinstance(data, bytes) and kind not in (REG_SZ, REG_EXPAND_SZ):
        return data or None
    return data


# -- the functions ---------------------------------------------------------------------------


@_api
def CloseKey(hkey: object, /) -> None:
    """Close a key (an HKEYType, an int handle; None does nothing)."""
    if isinstance(hkey, HKEYType):
        hkey.Close()
        return
    _close(_hkey(hkey, none_ok=True))


@_api
def ConnectRegistry(computer_name: object, key: object, /) -> HKEYType:
    """A predefined key of this computer (None, or its name); another computer: 53."""
    name = _text(computer_name, "ConnectRegistry() argument 1")
    return HKEYType._owning(registry.connect_registry(name, _hkey(key)))


@_api
def CreateKey(key: object, sub_key: object, /) -> HKEYType:
    """Open ``sub_key`` of ``key``, created if needed, with all access."""
    name = _text(sub_key, "CreateKey() argument 2")
    return _open(key, name, KEY_ALL_ACCESS, create=True)


@_api
def CreateKeyEx(
    key: object, sub_key: object, reserved: object = 0, access: object = KEY_WRITE
) -> HKEYType:
    """Open ``sub_key`` of ``key``, created if needed, with ``access``."""
    name = _text(sub_key, "CreateKeyEx() argument 'sub_key'")
    _int(reserved)
    return _open(key, name, _int(access), create=True)


@_api
def DeleteKey(key: object, sub_key: object, /) -> None:
    """Delete a key without subkeys, with its values (5 if it has subkeys)."""
    name = _str(sub_key, "DeleteKey() argument 2")
    registry.delete_key(_key(key), name)


@_api
def DeleteKeyEx(
    key: object, sub_key: object, access: object = KEY_WOW64_64KEY, reserved: object = 0
) -> None:
    """DeleteKey: a 64-bit process has one view of the registry, whatever ``access`` says."""
    name = _str(sub_key, "DeleteKeyEx() argument 'sub_key'")
    _int(access)
    _int(reserved)
    registry.delete_key(_key(key), name)


@_api
def DeleteValue(key: object, value: object, /) -> None:
    """Remove a named value (None or '': the default value)."""
    name = _text(value, "DeleteValue() argument 2")
    _key(key, KEY_SET_VALUE).delete_value(name)


@_api
def EnumKey(key: object, index: object, /) -> str:
    """The name of subkey number ``index``; OSError 259 past the last."""
    number = _int(index)
    return _key(key, KEY_ENUMERATE_SUB_KEYS).subkey_at(number)


@_api
def EnumValue(key: object, index: object, /) -> tuple[str, object, int]:
    """Value number ``index`` as (name, data, type); OSError 259 past the last."""
    number = _int(index)
    name, data, kind = _key(key, KEY_QUERY_VALUE).value_at(number)
    return name, _from_registry(kind, data), kind


def ExpandEnvironmentStrings(string: object, /) -> str:
    """Replace each ``%NAME%`` of a set variable by its value; others stay as they are."""
    text = _str(string, "ExpandEnvironmentStrings() argument")
    return kernel.expand_environment(text)


@_api
def FlushKey(key: object, /) -> None:
    """Nothing to write: every change is committed when it is made."""
    _key(key)


@_api
def LoadKey(key: object, sub_key: object, file_name: object, /) -> None:
    """Load a hive file as a subkey: 1314 without SeRestorePrivilege, else as the core."""
    name = _str(sub_key, "LoadKey() argument 2")
    path = _str(file_name, "LoadKey() argument 3")
    registry.load_key(_key(key), name, path)


@_api
def OpenKey(
    key: object, sub_key: object, reserved: object = 0, access: object = KEY_READ
) -> HKEYType:
    """Open an existing key with ``access`` (FileNotFoundError if there is none)."""
    name = _text(sub_key, "OpenKey() argument 'sub_key'")
    _int(reserved)
    return _open(key, name, _int(access), create=False)


@_api
def OpenKeyEx(
    key: object, sub_key: object, reserved: object = 0, access: object = KEY_READ
) -> HKEYType:
    """OpenKey, by its other name."""
    name = _text(sub_key, "OpenKeyEx() argument 'sub_key'")
    _int(reserved)
    return _open(key, name, _int(access), create=False)


@_api
def QueryInfoKey(key: object, /) -> tuple[int, int, int]:
    """(subkeys, values, last write in 100 ns intervals since 1601)."""
    info = _key(key, KEY_QUERY_VALUE).info()
    return info.subkeys, info.values, int(info.last_write * 10**7) + _FILETIME_EPOCH


@_api
def QueryValue(key: object, sub_key: object, /) -> str:
    """The default value of ``sub_key`` (or of ``key``): '' if unset, 13 if not a REG_SZ."""
    name = _text(sub_key, "QueryValue() argument 2")
    target = registry.open_key(_key(key), name) if name else _key(key, KEY_QUERY_VALUE)
    try:
        data, kind = target.query_value(None)
    except Win32Error as failure:
        if failure.winerror != ERROR_FILE_NOT_FOUND:
            raise
        return ""
    if kind != REG_SZ:
        raise Win32Error.from_code(ERROR_INVALID_DATA, "the default value is not a REG_SZ")
    return str(data)


@_api
def QueryValueEx(key: object, name: object, /) -> tuple[object, int]:
    """A value's (data, type); FileNotFoundError if it is not set."""
    value_name = _text(name, "QueryValueEx() argument 2")
    data, kind = _key(key, KEY_QUERY_VALUE).query_value(value_name)
    return _from_registry(kind, data), kind


@_api
def SaveKey(key: object, file_name: object, /) -> None:
    """Save a key and its subkeys to a new file: 1314 without SeBackupPrivilege."""
    path = _str(file_name, "SaveKey() argument 2")
    registry.save_key(_key(key), path)


@_api
def SetValue(key: object, sub_key: object, type: object, value: object, /) -> None:
    """Set the default value of ``sub_key`` (created if needed) to a str; REG_SZ only."""
    name = _text(sub_key, "SetValue() argument 2")
    kind = _dword(type)
    if not isinstance(value, str):
        raise TypeError(f"SetValue() argument 4 must be str, not {value.__class__.__name__}")
    if kind != REG_SZ:
        raise TypeError("type must be winreg.REG_SZ")
    target = registry.create_key(_key(key), name)[0] if name else _key(key, KEY_SET_VALUE)
    target.set_value(None, REG_SZ, value)


@_api
def SetValueEx(
    key: object, value_name: object, reserved: object, type: object, value: object, /
) -> None:
    """Store ``value`` as a value of type ``type`` (``reserved`` is ignored)."""
    name = _text(value_name, "SetValueEx() argument 2")
    kind = _dword(type)
    data = _to_registry(kind, value)
    _key(key, KEY_SET_VALUE).set_value(name, kind, data)


@_api
def DisableReflectionKey(key: object, /) -> None:
    """Nothing to disable: a 64-bit process's registry is not reflected (Windows 7 on)."""
    _key(key)


@_api
def EnableReflectionKey(key: object, /) -> None:
    """Nothing to enable: a 64-bit process's registry is not reflected (Windows 7 on)."""
    _key(key)


@_api
def QueryReflectionKey(key: object, /) -> bool:
    """True: reflection is disabled, as for every key since Windows 7."""
    _key(key)
    return True
