"""pywin32's PyITypeLib, PyITypeInfo and PyITypeComp over the core's type information.

The core's :class:`apartment.com.TypeLibrary` and :class:`apartment.com.TypeInfo` answer;
these classes give their answers pywin32's shapes: TYPEATTR, FUNCDESC and VARDESC records
(:mod:`._pythoncom_types`), IIDs as PyIID, tuples where pywin32 gives tuples.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any

from ._type_records import PyFUNCDESC, PyTYPEATTR, PyVARDESC
from .pywintypes import IID

if TYPE_CHECKING:
    from ..com import TypeInfo, TypeLibrary

__all__ = ["PyITypeComp", "PyITypeInfo", "PyITypeLib", "type_info_of", "type_library_of"]

_DESCKIND_NONE = 0
_DESCKIND_VARDESC = 2


def _name(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError(f"Objects of type '{type(name).__name__}' can not be converted to Unicode.")
    return name


class PyITypeInfo:
    """pywin32's PyITypeInfo: one type of a type library."""

    __slots__ = ("_info",)

    def __init__(self, info: TypeInfo) -> None:
        self._info = info

    def __repr__(self) -> str:
        return f"<PyITypeInfo at 0x{id(self):016X} with obj at 0x{id(self._info):016X}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PyITypeInfo) and other._info is self._info

    def __hash__(self) -> int:
        return id(self._info)

    def GetTypeAttr(self) -> PyTYPEATTR:
        attr = self._info.attributes()
        record = PyTYPEATTR()
        fields = {
            "iid": IID(attr.guid), "lcid": attr.lcid, "memidConstructor": attr.constructor,
            "memidDestructor": attr.destructor, "cbSizeInstance": attr.instance_size,
            "typekind": attr.kind, "cFuncs": attr.func_count, "cVars": attr.var_count,
            "cImplTypes": attr.impl_count, "cbSizeVft": attr.vtable_size,
            "cbAlignment": attr.alignment, "wTypeFlags": attr.flags,
            "wMajorVerNum": attr.version[0], "wMinorVerNum": attr.version[1],
            "tdescAlias": attr.alias, "idldescType": (0, 0),
        }  # fmt: skip
        for name, value in fields.items():
            setattr(record, name, value)
        return record

    def GetFuncDesc(self, index: int, /) -> PyFUNCDESC:
        desc = self._info.function(operator.index(index))
        record = PyFUNCDESC()
        record.memid = desc.memid
        record.scodeArray = desc.scodes
        record.args = desc.params
        record.funckind = desc.funckind
        record.invkind = desc.invkind
        record.callconv = desc.callconv
        record.cParamsOpt = desc.opt_count
        record.oVft = desc.vtable_offset
        record.rettype = desc.returns
        record.wFuncFlags = desc.flags
        return record

    def GetVarDesc(self, index: int, /) -> PyVARDESC:
        desc = self._info.variable(operator.index(index))
        record = PyVARDESC()
        fields = {
            "memid": desc.memid, "value": desc.value, "elemdescVar": desc.element,
            "wVarFlags": desc.flags, "varkind": desc.kind,
        }  # fmt: skip
        for name, value in fields.items():
            setattr(record, name, value)
        return record

    def GetNames(self, memid: int, /) -> tuple[str, ...]:
        return self._info.names(operator.index(memid))

    def GetDocumentation(self, memid: int, /) -> tuple[str, str | None, int, str | None]:
        return self._info.documentation(operator.index(memid))

    def GetIDsOfNames(self, *names: object) -> int | tuple[int, ...]:
        ids = self._info.ids_of_names(*(_name(name) for name in names))
        return ids[0] if len(ids) == 1 else tuple(ids)

    def GetRefTypeOfImplType(self, index: int, /) -> int:
        return self._info.ref_type_of_impl_type(operator.index(index))

    def GetRefTypeInfo(self, href: int, /) -> PyITypeInfo:
        return PyITypeInfo(self._info.ref_type_info(operator.index(href)))

    def GetImplTypeFlags(self, index: int, /) -> int:
        return self._info.impl_type_flags(operator.index(index))

    def GetContainingTypeLib(self) -> tuple[PyITypeLib, int]:
        library, index = self._info.containing_library()
        return PyITypeLib(library), index

    def GetTypeComp(self) -> PyITypeComp:
        return PyITypeComp(self._info.containing_library()[0], self._info)


class PyITypeLib:
    """pywin32's PyITypeLib: a type library."""

    __slots__ = ("_library",)

    def __init__(self, library: TypeLibrary) -> None:
        self._library = library

    def __repr__(self) -> str:
        return f"<PyITypeLib at 0x{id(self):016X} with obj at 0x{id(self._library):016X}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PyITypeLib) and other._library is self._library

    def __hash__(self) -> int:
        return id(self._library)

    def GetTypeInfoCount(self) -> int:
        return len(self._library)

    def GetTypeInfo(self, index: int, /) -> PyITypeInfo:
        return PyITypeInfo(self._library.type_info(operator.index(index)))

    def GetTypeInfoType(self, index: int, /) -> int:
        return self._library.type_info_kind(operator.index(index))

    def GetTypeInfoOfGuid(self, iid: object, /) -> PyITypeInfo:
        return PyITypeInfo(self._library.type_info_of_guid(iid))

    def GetDocumentation(self, index: int, /) -> tuple[str, str | None, int, str | None]:
        return self._library.documentation(operator.index(index))

    def GetLibAttr(self) -> tuple[Any, int, int, int, int, int]:
        attr = self._library.attributes()
        return (IID(attr.libid), attr.lcid, attr.syskind, *attr.version, attr.flags)

    def GetTypeComp(self) -> PyITypeComp:
        return PyITypeComp(self._library, None)


class PyITypeComp:
    """pywin32's PyITypeComp: names bound to a library's types (what ITypeComp::BindType finds)."""

    __slots__ = ("_info", "_library")

    def __init__(self, library: TypeLibrary, info: TypeInfo | None) -> None:
        self._library = library
        self._info = info

    def __repr__(self) -> str:
        return f"<PyITypeComp at 0x{id(self):016X} with obj at 0x{id(self._library):016X}>"

    def Bind(self, name: str, flags: int = 0, /) -> tuple[int, PyVARDESC | None]:
        """What ``name`` binds to in the library: an enumeration constant, or nothing.

        Returns (DESCKIND_VARDESC, its VARDESC) or (DESCKIND_NONE, None). A type's own
        functions and variables are not bound (no ITypeComp of a type here).
        """
        operator.index(flags)
        found = self._library.bind_constant(_name(name))
        if found is None:
            return (_DESCKIND_NONE, None)
        info, index = found
        return (_DESCKIND_VARDESC, PyITypeInfo(info).GetVarDesc(index))

    def BindType(self, name: str, /) -> tuple[PyITypeInfo | None, None]:
        """The library's type called ``name`` (with no ITypeComp of its own), or None."""
        info = self._library.type_info_by_name(_name(name))
        return (None if info is None else PyITypeInfo(info), None)


for _face in (PyITypeInfo, PyITypeLib, PyITypeComp):
    _face.__module__ = "pythoncom"


def type_info_of(info: TypeInfo) -> PyITypeInfo:
    """The core's type information as pywin32's object."""
    return PyITypeInfo(info)


def type_library_of(library: TypeLibrary) -> PyITypeLib:
    """The core's type library as pywin32's object."""
    return PyITypeLib(library)
