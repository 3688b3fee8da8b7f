"""More of pywin32's ``pythoncom``: record classes, type library files, call contexts.

``pythoncom`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

from .. import com
from ._com_more_names import GetRecordFromGuids
from .pywintypes import clsid_text

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "com_record", "LoadTypeLib", "RegisterTypeLib", "CoGetCallContext",
]  # fmt: skip


class com_record:  # noqa: N801 - pywin32's name
    """pywin32's record type: a subclass names its record (TLBID, MJVER, MNVER, LCID, GUID).

    Making one needs its type library registered, and none is here: creating one fails with
    GetRecordFromGuids' error (TYPE_E_LIBNOTREGISTERED).
    """

    __slots__ = ()

    def __new__(cls, *args: object) -> Self:
        GetRecordFromGuids(cls.TLBID, cls.MJVER, cls.MNVER, cls.LCID, cls.GUID)  # type: ignore[attr-defined]
        return super().__new__(cls)  # pragma: no cover - it has raised


com_record.__module__ = "pythoncom"


def LoadTypeLib(libFileName: str, /) -> Any:  # noqa: ANN401
    """Load a type library file: a system library by its file's name (see the core)."""
    from ._typeinfo_faces import PyITypeLib

    return PyITypeLib(com.load_type_library(libFileName))


def RegisterTypeLib(typelib: object, fullPath: str, lcid: object = None, /) -> NoReturn:
    """Register a loaded type library: there are none (LoadTypeLib fails first)."""
    raise TypeError(f"{typelib!r} is not a valid interface object in this context")


def CoGetCallContext(riid: object, /) -> NoReturn:
    """The context of the COM call being served: see ``com.call_context``."""
    com.call_context(clsid_text(riid))
