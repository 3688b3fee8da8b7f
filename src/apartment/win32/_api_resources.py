"""win32api's resource names: EnumResource*, LoadResource, LoadString, UpdateResource.

Re-exported by :mod:`.win32api`. The module is a Windows program or DLL that LoadLibraryEx
loaded as a data file (``kernel._peresources``); one core call each.
"""

from __future__ import annotations

import operator

from .. import kernel
from ..errors import ERROR_RESOURCE_TYPE_NOT_FOUND, Win32Error
from ._adapt import api
from ._buffers import text_arg
from ._handles import handle_value

__all__ = [
    "EnumResourceTypes", "EnumResourceNames", "EnumResourceLanguages", "LoadResource",
    "LoadString", "BeginUpdateResource", "UpdateResource", "EndUpdateResource",
]  # fmt: skip


def _resource_id(value: object) -> int | str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError("Resource id/name must be unicode or int in the range 0-65536")
    return value


@api("EnumResourceTypes")
def EnumResourceTypes(hmodule: object, /) -> list[int | str]:
    return kernel.resource_types(handle_value(hmodule))


@api("EnumResourceNames")
def EnumResourceNames(hmodule: object, resType: object, /) -> list[int | str]:
    """The names of a type's resources; [] for a type the module lacks.

    pywin32 ignores the enumeration's failure.
    """
    module, kind = handle_value(hmodule), _resource_id(resType)
    try:
        return kernel.resource_names(module, kind)
    except Win32Error as failure:
        if failure.winerror == ERROR_RESOURCE_TYPE_NOT_FOUND:
            return []
        raise


@api("EnumResourceLanguages")
def EnumResourceLanguages(hmodule: object, lpType: object, lpName: object, /) -> list[int]:
    return kernel.resource_languages(
        handle_value(hmodule), _resource_id(lpType), _resource_id(lpName)
    )


@api("LoadResource")
def LoadResource(handle: object, type: object, name: object, language: int = 0, /) -> bytes:
    """A resource's bytes (language 0: the first the file has)."""
    return kernel.load_resource(
        handle_value(handle), _resource_id(type), _resource_id(name), operator.index(language)
    )


@api("LoadString")
def LoadString(handle: object, stringId: int, numChars: int = 1024, /) -> str:
    """A string of the module's string tables, cut to ``numChars`` - 1 characters."""
    text = kernel.load_string(handle_value(handle), operator.index(stringId))
    return text[: max(operator.index(numChars) - 1, 0)]


@api("BeginUpdateResource")
def BeginUpdateResource(filename: str, delete: int, /) -> int:
    """Start changing a Windows program's resources (with ``delete``, from none)."""
    return kernel.begin_update_resource(text_arg(filename), bool(operator.index(delete)))


@api("UpdateResource")
def UpdateResource(
    handle: int, type: object, name: object, data: bytes | None, language: int = 0x400, /
) -> None:
    """Add or replace (``data``) or delete (None) a resource.

    The language LANG_USER_DEFAULT (0x400, the default) is the user's, 0x409.
    """
    lang = operator.index(language)
    kernel.update_resource(
        handle_value(handle), _resource_id(type), _resource_id(name),
        None if data is None else bytes(memoryview(data)),
        0x409 if lang == 0x400 else lang,
    )  # fmt: skip


@api("EndUpdateResource")
def EndUpdateResource(handle: int, discard: int, /) -> None:
    """Write the changes into the file, or drop them."""
    kernel.end_update_resource(handle_value(handle), bool(operator.index(discard)))
