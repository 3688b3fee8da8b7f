"""pywin32's structured storage: ``StgCreateDocfile``, ``StgOpenStorage``, ``PyIStorage``.

Compound files are the core's (``apartment.com.create_docfile``): this library's own format,
with Windows' modes and errors; a compound file Windows wrote cannot be opened (E_NOTIMPL).
"""

from __future__ import annotations

import operator
from typing import Any

from .. import com
from ._interfaces import PyIUnknown, interface_pointer
from ._propstorage import _Enumerator
from .pywintypes import IID, PyIID

__all__ = [
    "StgOpenStorage", "StgCreateDocfile", "ReadClassStg", "WriteClassStg", "PyIStorage",
    "PyIEnumSTATSTG", "StgCreateDocfileOnILockBytes", "StgOpenStorageOnILockBytes",
]  # fmt: skip


def _name(name: object) -> str | None:
    if name is not None and not isinstance(name, str):
        raise TypeError(f"Objects of type '{type(name).__name__}' can not be converted to Unicode.")
    return name


def StgOpenStorage(
    name: object, other: object, mode: int, snbExclude: object = None, reserved: int = 0, /
) -> Any:  # noqa: ANN401
    """Open a compound file (see ``com.open_storage``: its checks, then the file)."""
    path = _name(name)
    if other is not None:
        interface_pointer(other)  # pywin32's ValueError for anything but a COM object
    return com.open_storage(path, operator.index(mode), reserved)


def StgCreateDocfile(name: object, mode: int, reserved: int = 0, /) -> Any:  # noqa: ANN401
    """Create a compound file (None: a temporary one) and return its root storage."""
    return com.create_docfile(_name(name), operator.index(mode))


def _lock_bytes(lockBytes: object) -> com.LockBytesPointer:
    pointer = interface_pointer(lockBytes)
    if not isinstance(pointer, com.LockBytesPointer):
        pointer = pointer.query_interface(com.IID_ILOCKBYTES)
    assert isinstance(pointer, com.LockBytesPointer)
    return pointer


def StgCreateDocfileOnILockBytes(lockBytes: object, mode: int, reserved: int = 0, /) -> Any:  # noqa: ANN401
    """Create a compound file in an ILockBytes and return its root storage."""
    return com.create_docfile_on_lock_bytes(_lock_bytes(lockBytes), operator.index(mode))


def StgOpenStorageOnILockBytes(
    lockBytes: object, stgPriority: object, mode: int, snbExclude: object = None,
    reserved: int = 0, /,
) -> Any:  # noqa: ANN401  # fmt: skip
    """Open the compound file an ILockBytes holds."""
    return com.open_docfile_on_lock_bytes(_lock_bytes(lockBytes), operator.index(mode))


def _storage(stg: object) -> com.StoragePointer:
    pointer = interface_pointer(stg)
    if not isinstance(pointer, com.StoragePointer):
        pointer = pointer.query_interface(com.IID_ISTORAGE)
    assert isinstance(pointer, com.StoragePointer)
    return pointer


def ReadClassStg(storage: object, /) -> PyIID:
    """The class ID of a storage."""
    return IID(com.read_class_storage(_storage(storage)))


def WriteClassStg(storage: object, iid: object, /) -> None:
    """Set the class ID of a storage."""
    com.write_class_storage(_storage(storage), str(IID(iid)) if isinstance(iid, str) else iid)


class PyIStorage(PyIUnknown, com.StoragePointer):
    """pywin32's PyIStorage: the storages and streams of a compound file."""

    __slots__ = ()

    def CreateStream(
        self, pwcsName: str, grfMode: int, reserved1: int = 0, reserved2: int = 0, /
    ) -> Any:  # noqa: ANN401
        return self.create_stream(pwcsName, operator.index(grfMode))

    def OpenStream(
        self, pwcsName: str, reserved1: object, grfMode: int, reserved2: int = 0, /
    ) -> Any:  # noqa: ANN401
        return self.open_stream(pwcsName, operator.index(grfMode))

    def CreateStorage(
        self, pwcsName: str, grfMode: int, dwStgFmt: int = 0, reserved2: int = 0, /
    ) -> Any:  # noqa: ANN401
        return self.create_storage(pwcsName, operator.index(grfMode))

    def OpenStorage(
        self, pwcsName: str, pstgPriority: object, grfMode: int, snbExclude: object = None,
        reserved: int = 0, /,
    ) -> Any:  # noqa: ANN401  # fmt: skip
        return self.open_storage(pwcsName, operator.index(grfMode))

    def CopyTo(self, rgiidExclude: object, snbExclude: object, stgDest: object, /) -> None:
        """pywin32 takes a sequence of IIDs (or None) to leave out; ``snbExclude`` must be None."""
        if snbExclude is not None:
            raise TypeError("snbExclude must be None")
        excluded = () if rgiidExclude is None else tuple(IID(iid) for iid in rgiidExclude)  # type: ignore[attr-defined]
        self.copy_to(_storage(stgDest), excluded)

    def DestroyElement(self, pwcsName: str, /) -> None:
        self.destroy_element(pwcsName)

    def RenameElement(self, pwcsOldName: str, pwcsNewName: str, /) -> None:
        self.rename_element(pwcsOldName, pwcsNewName)

    def EnumElements(
        self, reserved1: int = 0, reserved2: object = None, reserved3: int = 0, /
    ) -> Any:  # noqa: ANN401
        return self.enum_elements()

    def Stat(self, grfStatFlag: int = 0, /) -> tuple[Any, ...]:
        return self.stat(operator.index(grfStatFlag))

    def SetClass(self, clsid: object, /) -> None:
        self.set_class(clsid)

    def SetStateBits(self, grfStateBits: int, grfMask: int, /) -> None:
        self.set_state_bits(operator.index(grfStateBits), operator.index(grfMask))

    def Commit(self, grfCommitFlags: int = 0, /) -> None:
        self.commit(operator.index(grfCommitFlags))

    def Revert(self) -> None:
        self.revert()


class PyIEnumSTATSTG(_Enumerator):
    """pywin32's PyIEnumSTATSTG: the STATSTG of each element; iterating it walks them."""

    __slots__ = ()


com.set_interface_class(com.IID_ISTORAGE, PyIStorage)
com.set_interface_class(com.IID_IENUMSTATSTG, PyIEnumSTATSTG)
