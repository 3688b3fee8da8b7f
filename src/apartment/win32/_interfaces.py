"""pythoncom's interface types (``PyIUnknown``, ``PyIDispatch``, ``PyIStream``...).

Each is the core's pointer class of its IID with pywin32's method names and argument
conventions on top; importing this module makes them the classes of every pointer the core
hands out (``apartment.com.set_interface_class``), including the arguments a Python COM
server receives, as pywin32's servers expect. ``TYPE_IIDS`` is ``pythoncom.TypeIIDs``.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import com
from ..com import (
    ConnectionPointContainerPointer,
    ConnectionPointPointer,
    DispatchExPointer,
    DispatchPointer,
    EnumVariantPointer,
    ErrorLogPointer,
    ExternalConnectionPointer,
    InterfacePointer,
    PersistPointer,
    PersistPropertyBagPointer,
    PersistStoragePointer,
    PersistStreamPointer,
    PropertyBagPointer,
    StreamPointer,
)
from ..errors import E_NOTIMPL, E_POINTER, ComError
from ._adapt import dword
from ._com_door import guard_methods
from ._typed_invoke import invoke_types, pywin32_argerror

__all__ = [
    "PyIUnknown",
    "PyIDispatch",
    "PyIDispatchEx",
    "PyIStream",
    "PyIEnumVARIANT",
    "PyIConnectionPointContainer",
    "PyIConnectionPoint",
    "PyIPropertyBag",
    "PyIErrorLog",
    "PyIPersist",
    "PyIPersistStream",
    "PyIPersistStreamInit",
    "PyIPersistPropertyBag",
    "PyIPersistStorage",
    "PyIExternalConnection",
    "TYPE_IIDS",
    "com_object",
    "interface_pointer",
]


def interface_pointer(value: object, *, name_type: bool = True) -> InterfacePointer:
    """Read an argument that must be an interface object itself (pywin32's ValueError).

    Most of pywin32's functions name the type they got; ``UnwrapObject`` does not
    (``name_type=False``), and says only "argument is not a COM object".
    """
    if not isinstance(value, InterfacePointer):
        detail = f" (got type={type(value).__name__})" if name_type else ""
        raise ValueError(f"argument is not a COM object{detail}")
    return value


def com_object(value: object) -> InterfacePointer:
    """Read an argument that must be a COM object: a PyI* object, or one with ``_oleobj_``."""
    if isinstance(value, InterfacePointer):
        return value
    if value is None:
        raise TypeError("None is not a valid interface object in this context")
    inner = getattr(value, "_oleobj_", None)  # pywin32 takes any object that has one
    if isinstance(inner, InterfacePointer):
        return inner
    raise TypeError("The Python instance can not be converted to a COM object")


class PyIUnknown(InterfacePointer):
    """pywin32's PyIUnknown: any interface pointer; QueryInterface gives the others."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:  # noqa: ANN401
        """Every interface class's pywin32 methods raise pywin32's classes (``_com_door``)."""
        super().__init_subclass__(**kwargs)
        guard_methods(cls)

    def __repr__(self) -> str:
        # pywin32's shape, which tests parse: "obj" is the COM object's address, here its
        # identity (the same for all its interfaces, as IUnknown's is)
        return f"<{type(self).__name__} at 0x{id(self):016X} with obj at 0x{self.object_id:016X}>"

    def QueryInterface(self, iid: object, useIID: object = None, /) -> Any:  # noqa: ANN401
        return self.query_interface(iid, useIID)


guard_methods(PyIUnknown)  # its subclasses are guarded as they are made


class PyIDispatch(PyIUnknown, DispatchPointer):
    """pywin32's PyIDispatch."""

    __slots__ = ()

    def GetIDsOfNames(self, *names: Any) -> int | tuple[int, ...]:  # noqa: ANN401
        if names and isinstance(names[0], int):  # (lcid, name, ...)
            names = names[1:]
        if not names:  # pywin32 needs a name after the optional lcid
            raise TypeError("GetIDsOfNames needs at least one name")
        for name in names:
            if not isinstance(name, str):
                raise TypeError(
                    f"Objects of type '{type(name).__name__}' can not be converted to Unicode."
                )
        ids = self.ids_of_names(*names)
        return ids[0] if len(ids) == 1 else tuple(ids)

    def Invoke(self, dispid: int, lcid: int, flags: int, bResultWanted: int, *args: Any) -> Any:  # noqa: ANN401
        try:
            if not bResultWanted:
                self.invoke_without_result(operator.index(dispid), operator.index(flags), *args)
                return None
            return self.invoke(operator.index(dispid), operator.index(flags), *args)
        except ComError as error:
            raise pywin32_argerror(error, len(args)) from None

    def InvokeTypes(
        self, dispid: int, lcid: int, flags: int, resultType: object, argTypes: object,
        *args: Any,  # noqa: ANN401
    ) -> Any:  # noqa: ANN401  # fmt: skip
        # pythoncom.Missing ends the arguments given (makepy's optional ones); an [out] one
        # is sent all the same, by reference, and its value returned
        return invoke_types(
            self, operator.index(dispid), operator.index(flags), resultType, argTypes, args
        )

    def GetTypeInfoCount(self) -> int:
        return self.type_info_count()  # 0 for a Python server without a type library

    def GetTypeInfo(self, index: int = 0, lcid: int = 0, /) -> Any:  # noqa: ANN401
        from ._typeinfo_faces import PyITypeInfo  # it imports this module's neighbours

        return PyITypeInfo(self.type_info(operator.index(index)))


class PyIDispatchEx(PyIDispatch, DispatchExPointer):
    """pywin32's PyIDispatchEx."""

    __slots__ = ()

    def GetDispID(self, name: str, fdex: int, /) -> int:
        return self.get_dispid(name, operator.index(fdex))

    def GetNextDispID(self, fdex: int, dispid: int, /) -> int:
        return self.get_next_dispid(operator.index(fdex), operator.index(dispid))

    def GetMemberName(self, dispid: int, /) -> str:
        return self.get_member_name(operator.index(dispid))

    def InvokeEx(
        self, dispid: int, lcid: int, flags: int, args: Any, types: object = None,  # noqa: ANN401
        returnDesc: object = -1, serviceProvider: object = None, /,
    ) -> Any:  # noqa: ANN401  # fmt: skip
        return self.invoke_ex(operator.index(dispid), operator.index(flags), *tuple(args))

    def DeleteMemberByName(self, name: str, fdex: int, /) -> None:
        raise ComError.from_hresult(E_NOTIMPL)

    def DeleteMemberByDispID(self, dispid: int, /) -> None:
        raise ComError.from_hresult(E_NOTIMPL)

    def GetMemberProperties(self, dispid: int, fdex: int, /) -> int:
        raise ComError.from_hresult(E_NOTIMPL)

    def GetNameSpaceParent(self) -> Any:  # noqa: ANN401
        raise ComError.from_hresult(E_NOTIMPL)


class PyIStream(PyIUnknown, StreamPointer):
    """pywin32's PyIStream."""

    __slots__ = ()

    def Read(self, numBytes: int, /) -> bytes:
        if operator.index(numBytes) == 0:  # pywin32 refuses 0, and reads -1 as 0xFFFFFFFF
            raise TypeError("The numBytes param must be greater than zero")
        return self.read(dword(numBytes))

    def Write(self, data: Any, /) -> int:  # noqa: ANN401
        return self.write(data)

    def Seek(self, offset: int, origin: int, /) -> int:
        return self.seek(offset, origin)

    def SetSize(self, newSize: int, /) -> None:
        self.set_size(newSize)

    def CopyTo(self, stream: object, cb: int, /) -> int:
        return self.copy_to(interface_pointer(stream), cb)

    def Commit(self, flags: int, /) -> None:
        self.commit(flags)

    def Revert(self) -> None:
        self.revert()

    def LockRegion(self, offset: int, cb: int, lockType: int, /) -> None:
        self.lock_region(offset, cb, lockType)

    def UnlockRegion(self, offset: int, cb: int, lockType: int, /) -> None:
        self.unlock_region(offset, cb, lockType)

    def Stat(self, grfStatFlag: int = 0, /) -> tuple[Any, ...]:
        return self.stat(grfStatFlag)

    def Clone(self) -> Any:  # noqa: ANN401
        return self.clone()


class PyIEnumVARIANT(PyIUnknown, EnumVariantPointer):
    """pywin32's PyIEnumVARIANT; iterating it calls Next(1) (it is not reset first)."""

    __slots__ = ()

    def Next(self, count: int = 1, /) -> tuple[Any, ...]:
        return self.fetch(count)

    def Skip(self, count: int, /) -> None:
        self.skip(count)

    def Reset(self) -> None:
        self.reset()

    def Clone(self) -> Any:  # noqa: ANN401
        return self.clone()


class PyIConnectionPointContainer(PyIUnknown, ConnectionPointContainerPointer):
    """pywin32's PyIConnectionPointContainer."""

    __slots__ = ()

    def EnumConnectionPoints(self) -> Any:  # noqa: ANN401
        return self.enum_connection_points()

    def FindConnectionPoint(self, iid: object, /) -> Any:  # noqa: ANN401
        return self.find_connection_point(iid)


class PyIConnectionPoint(PyIUnknown, ConnectionPointPointer):
    """pywin32's PyIConnectionPoint."""

    __slots__ = ()

    def GetConnectionInterface(self) -> Any:  # noqa: ANN401
        return self.get_connection_interface()

    def GetConnectionPointContainer(self) -> Any:  # noqa: ANN401
        return self.get_connection_point_container()

    def Advise(self, unk: object, /) -> int:
        return self.advise(com_object(unk))

    def Unadvise(self, cookie: int, /) -> None:
        self.unadvise(cookie)

    def EnumConnections(self) -> Any:  # noqa: ANN401
        return self.enum_connections()


class PyIPropertyBag(PyIUnknown, PropertyBagPointer):
    """pywin32's PyIPropertyBag."""

    __slots__ = ()

    def Read(self, propName: str, propType: int = 0, errorLog: object = None, /) -> Any:  # noqa: ANN401
        log = None if errorLog is None else interface_pointer(errorLog)
        return self.read(propName, propType, log)

    def Write(self, propName: str, value: object, /) -> None:
        self.write(propName, value)


_INT_MIN, _INT_END = -(2**31), 2**31


def _fits(value: object, code: str) -> bool:
    """Whether ``value`` is what a PyArg_ParseTuple format letter takes: "i" an int, "z" a str."""
    if code == "z":
        return value is None or isinstance(value, str)
    return isinstance(value, int) and _INT_MIN <= value < _INT_END


def _excepinfo(exc: object) -> tuple[Any, ...]:
    """pywin32's reading of an error for IErrorLog: a com_error whose excepinfo is 'izzzii'."""
    if exc is None:
        raise ComError.from_hresult(E_POINTER, "no error was given")
    if not isinstance(exc, ComError):
        raise TypeError(f"Must be a COM exception object (not '{type(exc).__name__}')")
    info: Any = exc.args[2] if len(exc.args) > 2 else None
    if not (isinstance(info, tuple) and len(info) == 6 and all(map(_fits, info, "izzzii"))):
        raise TypeError("The inner excepinfo tuple must be of format 'izzzii'")
    return info


class PyIErrorLog(PyIUnknown, ErrorLogPointer):
    """pywin32's PyIErrorLog."""

    __slots__ = ()

    def AddError(self, propName: str, excepInfo: object, /) -> None:
        self.add_error(propName, _excepinfo(excepInfo))


class PyIPersist(PyIUnknown, PersistPointer):
    """pywin32's PyIPersist."""

    __slots__ = ()

    def GetClassID(self) -> Any:  # noqa: ANN401
        return self.get_class_id()


class PyIPersistStream(PyIPersist, PersistStreamPointer):
    """pywin32's PyIPersistStream."""

    __slots__ = ()

    def IsDirty(self) -> bool:
        return self.is_dirty()

    def Load(self, stream: object, /) -> None:
        self.load(interface_pointer(stream))

    def Save(self, stream: object, bClearDirty: int, /) -> None:
        self.save(interface_pointer(stream), bool(bClearDirty))

    def GetSizeMax(self) -> int:
        return self.get_size_max()


class PyIPersistStreamInit(PyIPersistStream):
    """pywin32's PyIPersistStreamInit."""

    __slots__ = ()

    def InitNew(self) -> None:
        self.init_new()


class PyIPersistPropertyBag(PyIPersist, PersistPropertyBagPointer):
    """pywin32's PyIPersistPropertyBag."""

    __slots__ = ()

    def InitNew(self) -> None:
        self.init_new()

    def Load(self, bag: object, log: object = None, /) -> None:
        self.load(interface_pointer(bag), None if log is None else interface_pointer(log))

    def Save(self, bag: object, clearDirty: int, saveAllProperties: int, /) -> None:
        self.save(interface_pointer(bag), bool(clearDirty), bool(saveAllProperties))


class PyIPersistStorage(PyIPersist, PersistStoragePointer):
    """pywin32's PyIPersistStorage, without the methods that take an IStorage (none here)."""

    __slots__ = ()

    def IsDirty(self) -> bool:
        return self.is_dirty()

    def HandsOffStorage(self) -> None:
        self.hands_off_storage()


class PyIExternalConnection(PyIUnknown, ExternalConnectionPointer):
    """pywin32's PyIExternalConnection."""

    __slots__ = ()

    def AddConnection(self, extconn: int, reserved: int = 0, /) -> int:
        return self.add_connection(dword(extconn), dword(reserved))

    def ReleaseConnection(self, extconn: int, reserved: int, fLastReleaseCloses: int, /) -> int:
        return self.release_connection(dword(extconn), dword(reserved), bool(fLastReleaseCloses))


TYPE_IIDS: dict[str, type[InterfacePointer]] = {
    com.IID_IUNKNOWN: PyIUnknown,
    com.IID_IDISPATCH: PyIDispatch,
    com.IID_IDISPATCHEX: PyIDispatchEx,
    com.IID_ISTREAM: PyIStream,
    com.IID_IENUMVARIANT: PyIEnumVARIANT,
    com.IID_ICONNECTIONPOINTCONTAINER: PyIConnectionPointContainer,
    com.IID_ICONNECTIONPOINT: PyIConnectionPoint,
    com.IID_IPROPERTYBAG: PyIPropertyBag,
    com.IID_IERRORLOG: PyIErrorLog,
    com.IID_IPERSIST: PyIPersist,
    com.IID_IPERSISTSTREAM: PyIPersistStream,
    com.IID_IPERSISTSTREAMINIT: PyIPersistStreamInit,
    com.IID_IPERSISTPROPERTYBAG: PyIPersistPropertyBag,
    com.IID_IPERSISTSTORAGE: PyIPersistStorage,
    com.IID_IEXTERNALCONNECTION: PyIExternalConnection,
}

com.set_interface_class(None, PyIUnknown)
for _iid, _cls in TYPE_IIDS.items():
    com.set_interface_class(_iid, _cls)
