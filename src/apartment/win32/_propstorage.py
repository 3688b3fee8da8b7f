"""pywin32's property set objects (PyIPropertySetStorage, PyIPropertyStorage, enumerators).

With ``pythoncom``'s StgOpenStorageEx, FmtIdToPropStgName and PropStgNameToFmtId.

``pythoncom`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

import operator
from typing import Any

from .. import com
from ._adapt import dword
from ._interfaces import PyIUnknown
from .pywintypes import IID, PyIID, clsid_text

__all__ = [
    "PyIPropertySetStorage", "PyIPropertyStorage", "PyIEnumSTATPROPSTG",
    "PyIEnumSTATPROPSETSTG", "StgOpenStorageEx", "FmtIdToPropStgName", "PropStgNameToFmtId",
    "StgCreateStorageEx", "StgIsStorageFile", "GetClassFile", "CreateILockBytesOnHGlobal",
    "PyILockBytes",
]  # fmt: skip


def _name(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(
            f"Objects of type '{type(value).__name__}' can not be converted to Unicode."
        )
    return value


def _sequence(value: object, what: str) -> list[Any]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise TypeError(f"{what} must be a sequence")
    found: list[Any] = list(value)  # type: ignore[call-overload]
    return found


class _Enumerator(PyIUnknown, com.StatEnumeratorPointer):
    __slots__ = ()

    def Next(self, num: int = 1, /) -> tuple[Any, ...]:
        return self.fetch(dword(num))

    def Skip(self, num: int = 1, /) -> None:
        self.skip(dword(num))

    def Reset(self) -> None:
        self.reset()

    def Clone(self) -> Any:  # noqa: ANN401
        return self.clone()


class PyIEnumSTATPROPSTG(_Enumerator):
    """pywin32's PyIEnumSTATPROPSTG: (name, propid, vt) of each property."""

    __slots__ = ()


class PyIEnumSTATPROPSETSTG(_Enumerator):
    """pywin32's PyIEnumSTATPROPSETSTG: (fmtid, clsid, flags, mtime, ctime, atime)."""

    __slots__ = ()


class PyIPropertyStorage(PyIUnknown, com.PropertyStoragePointer):
    """pywin32's PyIPropertyStorage; iterating it enumerates the properties."""

    __slots__ = ()

    def ReadMultiple(self, props: object, /) -> tuple[Any, ...]:
        return self.read_multiple(_sequence(props, "props"))

    def WriteMultiple(self, props: object, values: object, propidNameFirst: int = 2, /) -> None:
        self.write_multiple(_sequence(props, "props"), _sequence(values, "values"), propidNameFirst)

    def DeleteMultiple(self, props: object, /) -> None:
        self.delete_multiple(_sequence(props, "props"))

    def ReadPropertyNames(self, props: object, /) -> tuple[str | None, ...]:
        return self.read_property_names(_sequence(props, "props"))

    def WritePropertyNames(self, props: object, names: object, /) -> None:
        self.write_property_names(_sequence(props, "props"), _sequence(names, "names"))

    def DeletePropertyNames(self, props: object, /) -> None:
        self.delete_property_names(_sequence(props, "props"))

    def Commit(self, CommitFlags: int, /) -> None:
        self.commit(dword(CommitFlags))

    def Revert(self) -> None:
        self.revert()

    def Enum(self) -> Any:  # noqa: ANN401
        return self.enum()

    def SetClass(self, clsid: object, /) -> None:
        self.set_class(clsid)

    def Stat(self) -> tuple[Any, ...]:
        return self.stat()


class PyIPropertySetStorage(PyIUnknown, com.PropertySetStoragePointer):
    """pywin32's PyIPropertySetStorage; iterating it enumerates the sets."""

    __slots__ = ()

    def Create(self, fmtid: object, clsid: object, Flags: int, Mode: int, /) -> Any:  # noqa: ANN401
        """pywin32 reads ``clsid`` as an IID: None is a TypeError (pass ``IID_NULL``)."""
        return self.create(fmtid, clsid_text(clsid), dword(Flags), dword(Mode))

    def Open(self, fmtid: object, Mode: int, /) -> Any:  # noqa: ANN401
        return self.open(fmtid, dword(Mode))

    def Delete(self, fmtid: object, /) -> None:
        self.delete(fmtid)

    def Enum(self) -> Any:  # noqa: ANN401
        return self.enum()


class PyILockBytes(PyIUnknown, com.LockBytesPointer):
    """pywin32's PyILockBytes."""

    __slots__ = ()

    def ReadAt(self, ulOffset: int, cb: int, /) -> bytes:
        return self.read_at(ulOffset, dword(cb))

    def WriteAt(self, ulOffset: int, data: Any, /) -> int:  # noqa: ANN401
        return self.write_at(ulOffset, data)

    def Flush(self) -> None:
        self.flush()

    def SetSize(self, cb: int, /) -> None:
        self.set_size(cb)

    def LockRegion(self, libOffset: int, cb: int, dwLockType: int, /) -> None:
        self.lock_region(libOffset, cb, dword(dwLockType))

    def UnlockRegion(self, libOffset: int, cb: int, dwLockType: int, /) -> None:
        self.unlock_region(libOffset, cb, dword(dwLockType))

    def Stat(self, grfStatFlag: int, /) -> tuple[Any, ...]:
        return self.stat(dword(grfStatFlag))


def CreateILockBytesOnHGlobal(hGlobal: object = None, DeleteOnRelease: object = True, /) -> Any:  # noqa: ANN401
    """A new, empty memory ILockBytes; there are no HGLOBALs here to build one on."""
    if hGlobal is not None:
        raise TypeError("hGlobal must be None: apartment has no global memory handles")
    return com.memory_lock_bytes()


def StgOpenStorageEx(
    Name: object, Mode: int, stgfmt: int, Attrs: int, riid: object, StgOptions: object = None, /
) -> Any:  # noqa: ANN401
    """Open a file's property sets (STGFMT_FILE); a compound file is refused (see the core)."""
    operator.index(Attrs)
    return com.open_storage_ex(_name(Name), dword(Mode), dword(stgfmt), com.iid_text(riid))


def StgCreateStorageEx(
    Name: object,
    Mode: int,
    stgfmt: int,
    Attrs: int,
    riid: object,
    StgOptions: object = None,
    SecurityDescriptor: object = None,
    /,
) -> Any:  # noqa: ANN401
    """Create a file with property sets (STGFMT_FILE); a compound file is refused (E_NOTIMPL)."""
    operator.index(Attrs)
    return com.create_storage_ex(_name(Name), dword(Mode), dword(stgfmt), com.iid_text(riid))


def StgIsStorageFile(name: object, /) -> int:
    """1 for a compound file, else 0."""
    return int(com.is_storage_file(name))  # type: ignore[arg-type]


def GetClassFile(fileName: object, /) -> PyIID:
    name = _name(fileName)
    if name is None:
        raise TypeError("None is not a valid string in this context")
    return IID(com.class_of_file(name))


def FmtIdToPropStgName(fmtid: object, /) -> str:
    return com.fmtid_to_name(com.iid_text(fmtid))


def PropStgNameToFmtId(Name: object, /) -> PyIID:
    name = _name(Name)
    if name is None:
        raise TypeError("None is not a valid string in this context")
    return IID(com.name_to_fmtid(name))


for _iid, _cls in (
    (com.IID_ILOCKBYTES, PyILockBytes),
    (com.IID_IPROPERTYSETSTORAGE, PyIPropertySetStorage),
    (com.IID_IPROPERTYSTORAGE, PyIPropertyStorage),
    (com.IID_IENUMSTATPROPSTG, PyIEnumSTATPROPSTG),
    (com.IID_IENUMSTATPROPSETSTG, PyIEnumSTATPROPSETSTG),
):
    com.set_interface_class(_iid, _cls)
