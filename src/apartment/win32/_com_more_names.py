"""More of pywin32's ``pythoncom``: ``Nothing``, ``internal_error``, ``CoTreatAsClass``...

``pythoncom`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

from typing import Any, NoReturn

from .. import com
from ..errors import ComError
from ._cancellation import *  # noqa: F403 - its names are this module's
from ._cancellation import __all__ as _cancellation_names
from ._com_constants import *  # noqa: F403 - its names are this module's
from ._com_constants import __all__ as _constant_names
from ._context import *  # noqa: F403 - its names are this module's
from ._context import __all__ as _context_names
from ._interfaces import interface_pointer
from ._propstorage import *  # noqa: F403 - its names are this module's
from ._propstorage import __all__ as _propstorage_names
from ._unavailable import unavailable_com as _unavailable_com
from .pywintypes import IID, PyIID, clsid_text

__all__ = [
    "Nothing", "RecordClasses", "internal_error", "ProgIDFromCLSID", *_constant_names,
    "CoCreateFreeThreadedMarshaler", "WriteClassStm", "ReadClassStm", "OleSaveToStream",
    "OleLoadFromStream", "CoGetObject",
    "LoadRegTypeLib", "QueryPathOfRegTypeLib", "GetRecordFromGuids", "CoTreatAsClass",
    "CreateTypeLib", "CreateTypeLib2",
    *_propstorage_names, *_cancellation_names, *_context_names,
]  # fmt: skip

Nothing = com.NOTHING
RecordClasses: dict[object, type] = {}  # pywin32's record classes by GUID: none here


class internal_error(Exception):  # noqa: N801 - pywin32's name
    """pywin32's error for a failure inside pythoncom itself (never raised here)."""


internal_error.__module__ = "pythoncom"


def CoTreatAsClass(clsidold: object, clsidnew: object = None, /) -> None:
    """Make ``clsidnew`` stand in for ``clsidold``: creating the old class creates the new one.

    Omitted, None or CLSID_NULL removes the emulation. Each is a CLSID, a PyIID or a ProgID
    (as pywin32 reads IIDs); the rules are :func:`apartment.com.treat_as_class`'s.
    """
    old = com.clsid_from_progid(clsid_text(clsidold))
    new = None if clsidnew is None else com.clsid_from_progid(clsid_text(clsidnew))
    com.treat_as_class(old, new)


# Writing type libraries (ICreateTypeLib) has no implementation here (_unavailable's rule).
CreateTypeLib = _unavailable_com("CreateTypeLib", "type library writers")
CreateTypeLib2 = _unavailable_com("CreateTypeLib2", "type library writers")


def ProgIDFromCLSID(clsid: object, /) -> str:
    """The ProgID registered for a class (its version-dependent one, when registered)."""
    return com.progid_from_clsid(clsid_text(clsid))


def CoCreateFreeThreadedMarshaler(unk: object, /) -> Any:  # noqa: ANN401
    """A free-threaded marshaler for ``unk``: answer IID_IMarshal with it to be agile."""
    if unk is None:
        raise TypeError("None is not a valid interface object in this context")
    return com.free_threaded_marshaler(interface_pointer(unk))


def _stream(value: object) -> Any:  # noqa: ANN401
    return interface_pointer(value).query_interface(com.IID_ISTREAM)


def WriteClassStm(Stm: object, clsid: object, /) -> None:
    com.write_class(_stream(Stm), clsid_text(clsid))


def ReadClassStm(Stm: object, /) -> PyIID:
    return IID(com.read_class(_stream(Stm)))


def OleSaveToStream(persist: object, stream: object, /) -> None:
    saved = interface_pointer(persist).query_interface(com.IID_IPERSISTSTREAM)
    com.save_to_stream(saved, _stream(stream))  # type: ignore[arg-type]


def OleLoadFromStream(stream: object, iid: object, /) -> Any:  # noqa: ANN401
    return com.load_from_stream(_stream(stream), iid)


def CoGetObject(name: object, bindOpts: object = None, iid: object = None, /) -> Any:  # noqa: ANN401
    """The object a display name names (MkParseDisplayName, then BindToObject).

    pywin32's argument order (name, bindOpts, iid), whatever its stubs say; bindOpts must be
    None.
    """
    if not isinstance(name, str):
        raise TypeError(f"Objects of type '{type(name).__name__}' can not be converted to Unicode.")
    if bindOpts is not None:
        raise ValueError("BindOptions must be None")
    return com.get_object(name, com.IID_IUNKNOWN if iid is None else iid)


def LoadRegTypeLib(iid: object, versionMajor: int, versionMinor: int, lcid: int, /) -> Any:  # noqa: ANN401
    """A registered type library (the system classes' only; TYPE_E_LIBNOTREGISTERED else)."""
    from ._typeinfo_faces import PyITypeLib

    return PyITypeLib(com.find_type_library(iid, versionMajor, versionMinor, lcid))


def QueryPathOfRegTypeLib(iid: object, versionMajor: int, versionMinor: int, lcid: int, /) -> str:
    """The path of a registered type library (TYPE_E_LIBNOTREGISTERED for others)."""
    return com.type_library_path(iid, versionMajor, versionMinor, lcid)


_TYPE_E_WRONGTYPEKIND = -2147319766  # 0x8002802A


def GetRecordFromGuids(
    iid: object, verMajor: int, verMinor: int, lcid: int, infoIID: object, data: object = None, /
) -> NoReturn:
    """A record of a registered type library: the system libraries describe none.

    An unregistered library is TYPE_E_LIBNOTREGISTERED; a type the library lacks
    TYPE_E_ELEMENTNOTFOUND; a type that is no record TYPE_E_WRONGTYPEKIND.
    """
    com.iid_text(infoIID)
    library = com.find_type_library(iid, verMajor, verMinor, lcid)
    library.type_info_of_guid(infoIID)
    raise ComError.from_hresult(_TYPE_E_WRONGTYPEKIND, "that type is no record")
