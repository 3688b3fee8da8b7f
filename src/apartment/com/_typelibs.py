"""Registered type libraries: the class registry holds none.

On Windows a type library is registered under HKEY_CLASSES_ROOT (its TypeLib key) by its LIBID,
version and locale; LoadRegTypeLib, QueryPathOfRegTypeLib and GetRecordFromGuids look it up
there and fail with TYPE_E_LIBNOTREGISTERED when it is not. The class registry of this
library keeps classes only (Python servers have no type libraries, and no type library file
can be read here), so every such lookup fails that way, naming why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from ..errors import E_INVALIDARG, TYPE_E_CANTLOADLIBRARY, TYPE_E_LIBNOTREGISTERED, ComError
from ._iids import iid_text

if TYPE_CHECKING:
    from ._pointer import InterfacePointer

__all__ = [
    "IID_ITYPEINFO",
    "find_type_library",
    "load_type_library",
    "record_from_type_info",
    "unregister_type_library",
]

IID_ITYPEINFO = "{00020401-0000-0000-C000-000000000046}"


def _check_numbers(*values: object) -> None:
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"an int is required, not {type(value).__name__}")


def find_type_library(libid: object, major: int, minor: int, lcid: int) -> NoReturn:
    """Look up a registered type library (LoadRegTypeLib, QueryPathOfRegTypeLib).

    Raises:
        ComError: TYPE_E_LIBNOTREGISTERED, always: no type library is registered here.
        TypeError: ``libid`` is not an IID; a version or locale that is no int.
        ClassStringError: a malformed LIBID string (CO_E_CLASSSTRING).
    """
    text = iid_text(libid)
    _check_numbers(major, minor, lcid)
    raise ComError.from_hresult(
        TYPE_E_LIBNOTREGISTERED,
        f"type library {text} {major}.{minor} (locale {lcid}) is not registered: the class "
        "registry of apartment holds no type libraries",
    )


def load_type_library(path: str) -> NoReturn:
    """Load a type library file (LoadTypeLib): no type library format is read here.

    Raises:
        ComError: TYPE_E_CANTLOADLIBRARY, for any path (a missing file too, as Windows).
        TypeError: ``path`` is not a str.
    """
    if not isinstance(path, str):
        raise TypeError(f"a type library's path is a str, not {type(path).__name__}")
    raise ComError.from_hresult(
        TYPE_E_CANTLOADLIBRARY, f"cannot load {path!r}: no type library file is read here"
    )


def unregister_type_library(
    libid: object, major: int, minor: int, lcid: int, syskind: int
) -> NoReturn:
    """Remove a type library's registration (UnRegisterTypeLib).

    Windows deletes the library's TypeLib key and its interfaces' keys; a library that is not
    registered (no such key) is E_INVALIDARG, which is what every call here meets.

    Raises:
        ComError: E_INVALIDARG, always: no type library is registered here.
        TypeError: ``libid`` is not an IID; a version, locale or system kind that is no int.
    """
    text = iid_text(libid)
    _check_numbers(major, minor, lcid, syskind)
    raise ComError.from_hresult(
        E_INVALIDARG,
        f"type library {text} {major}.{minor} (locale {lcid}) is not registered: the class "
        "registry of apartment holds no type libraries",
    )


def record_from_type_info(info: InterfacePointer) -> NoReturn:
    """The record type an ITypeInfo describes (GetRecordInfoFromTypeInfo).

    Only type information (ITypeInfo) describes a record, and no object here gives one out:
    what ``info`` is asked for ITypeInfo answers E_NOINTERFACE (or whatever its own
    QueryInterface raises).

    Raises:
        ComError: E_NOINTERFACE: ``info`` is no ITypeInfo.
    """
    info.query_interface(IID_ITYPEINFO)
    raise ComError.from_hresult(  # pragma: no cover - nothing here answers ITypeInfo
        TYPE_E_CANTLOADLIBRARY, "no type information can be read here"
    )
