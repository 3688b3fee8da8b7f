"""Type information objects (ITypeLib, ITypeInfo) built from a description (:mod:`._typedesc`).

A :class:`TypeLibrary` answers what Windows' ITypeLib answers: its types by index or GUID,
their kinds, its documentation and attributes (TLIBATTR). A :class:`TypeInfo` answers
ITypeInfo: the type's attributes (TYPEATTR), its functions (FUNCDESC) and variables
(VARDESC), member names and DISPIDs, documentation, its implemented interfaces and the types
they refer to. Both are immutable once built and any thread may use them (they cross
apartments as themselves, as Windows' type information is free-threaded).

Shapes are Windows': a type description (TYPEDESC) is a VARTYPE, ``(VT_PTR, inner)`` or
``(VT_USERDEFINED, href)``; an element (ELEMDESC) is ``(typedesc, PARAMFLAGs, default)``.
A dispatch interface lists IUnknown's and IDispatch's functions first (restricted, DISPIDs
0x60000000...), as the dispatch view of a dual interface does; its one implemented type is
IDispatch, found in the standard OLE library (stdole2: IUnknown, IDispatch, GUID...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from ..errors import (
    DISP_E_UNKNOWNNAME,
    E_INVALIDARG,
    ComError,
)
from ._iids import iid_text
from ._proxy import make_agile
from ._typedesc import (
    PARAMFLAG_FHASDEFAULT,
    PARAMFLAG_FOUT,
    UI2,
    UI4,
    UINT,
    VARIANT,
    VOID,
    VT_PTR,
    VT_USERDEFINED,
    CoClass,
    Enum,
    F,
    Interface,
    Library,
    P,
    Record,
    TypeSpec,
    ptr,
)

if TYPE_CHECKING:
    from ._typedesc import TypeDescription

__all__ = [
    "TKIND_ENUM", "TKIND_RECORD", "TKIND_DISPATCH", "TKIND_COCLASS",
    "FUNC_DISPATCH", "CC_STDCALL", "VAR_CONST",
    "TypeAttr", "FuncDesc", "VarDesc", "LibAttr", "TypeInfo", "TypeLibrary", "stdole_library",
]  # fmt: skip

TKIND_ENUM, TKIND_RECORD, TKIND_INTERFACE, TKIND_DISPATCH, TKIND_COCLASS = 0, 1, 3, 4, 5
_DEFAULT_SOURCE = 3  # IMPLTYPEFLAG_FDEFAULT | IMPLTYPEFLAG_FSOURCE
FUNC_DISPATCH = 4
CC_STDCALL = 4
VAR_CONST = 2
MEMBERID_NIL = -1
TYPE_E_ELEMENTNOTFOUND = -2147319765  # 0x8002802B
_FUNCFLAG_FRESTRICTED = 1
_SYSKIND_WIN64 = 3
_GUID_NULL = "{00000000-0000-0000-0000-000000000000}"
_FIRST_CONST_ID = 0x40000000  # what MIDL numbers an enumeration's constants from
_HAS_DEFAULT = PARAMFLAG_FHASDEFAULT
_POINTER = 8  # bytes: an interface's instance, and one vtable slot
_INT = 4

Element: TypeAlias = tuple[Any, int, object]  # (typedesc, PARAMFLAGs, default)


@dataclass(frozen=True, slots=True)
class TypeAttr:
    """A type's attributes (TYPEATTR): its GUID, kind, counts, sizes, flags, version."""

    guid: str
    kind: int
    func_count: int
    var_count: int
    impl_count: int
    instance_size: int
    vtable_size: int
    alignment: int
    flags: int
    version: tuple[int, int]
    lcid: int = 0
    constructor: int = MEMBERID_NIL
    destructor: int = MEMBERID_NIL
    alias: object = None


@dataclass(frozen=True, slots=True)
class FuncDesc:
    """A function (FUNCDESC): DISPID, parameters and return as ELEMDESCs, kinds, flags."""

    memid: int
    params: tuple[Element, ...]
    returns: Element
    invkind: int
    funckind: int
    callconv: int
    opt_count: int
    vtable_offset: int
    flags: int
    scodes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class VarDesc:
    """A variable (VARDESC): an enumeration's constant, with its value."""

    memid: int
    value: object
    element: Element
    flags: int
    kind: int


@dataclass(frozen=True, slots=True)
class LibAttr:
    """A library's attributes (TLIBATTR): LIBID, locale, system kind, version, flags."""

    libid: str
    lcid: int
    syskind: int
    version: tuple[int, int]
    flags: int


def _std_functions() -> tuple[F, ...]:
    """IUnknown's and IDispatch's functions as a dual interface's dispatch view lists them."""
    riid = ptr("GUID")
    out = PARAMFLAG_FOUT
    restricted = _FUNCFLAG_FRESTRICTED
    return (
        F(0x60000000, "QueryInterface", 1,
          (P("riid", riid), P("ppvObj", ptr(ptr(VOID)), out)), VOID, restricted),
        F(0x60000001, "AddRef", 1, (), UI4, restricted),
        F(0x60000002, "Release", 1, (), UI4, restricted),
        F(0x60010000, "GetTypeInfoCount", 1, (P("pctinfo", ptr(UINT), out),), VOID, restricted),
        F(0x60010001, "GetTypeInfo", 1,
          (P("itinfo", UINT), P("lcid", UI4), P("pptinfo", ptr(ptr(VOID)), out)), VOID,
          restricted),
        F(0x60010002, "GetIDsOfNames", 1,
          (P("riid", riid), P("rgszNames", ptr(ptr(16))), P("cNames", UINT), P("lcid", UI4),
           P("rgdispid", ptr(3), out)), VOID, restricted),
        F(0x60010003, "Invoke", 1,
          (P("dispidMember", 3), P("riid", riid), P("lcid", UI4), P("wFlags", UI2),
           P("pdispparams", ptr("DISPPARAMS")), P("pvarResult", ptr(VARIANT), out),
           P("pexcepinfo", ptr("EXCEPINFO"), out), P("puArgErr", ptr(UINT), out)), VOID,
          restricted),
    )  # fmt: skip


_STD_FUNCTIONS = _std_functions()

_STDOLE = Library(
    "stdole",
    "{00020430-0000-0000-C000-000000000046}",
    (2, 0),
    doc="OLE Automation",
    path=r"C:\Windows\System32\stdole2.tlb",
    types=(
        Record("GUID"),
        Record("DISPPARAMS"),
        Record("EXCEPINFO"),
        Interface("IUnknown", "{00000000-0000-0000-C000-000000000046}", flags=0x10),
        Interface("IDispatch", "{00020400-0000-0000-C000-000000000046}", flags=0x1000),
    ),
)


def _error(hresult: int, text: str) -> ComError:
    return ComError.from_hresult(hresult, text)


@make_agile
class TypeInfo:
    """One type of a library (ITypeInfo): an interface, enumeration, record or coclass."""

    __slots__ = ("_desc", "_funcs", "_index", "_library", "_names", "name")

    def __init__(self, library: TypeLibrary, index: int, desc: TypeDescription) -> None:
        self._library = library
        self._index = index
        self._desc = desc
        self.name = desc.name
        self._funcs: tuple[F, ...] = ()
        self._names: dict[str, int] = {}

    def _complete(self) -> None:
        """Gather a dispatch interface's functions (its bases' too) once all types exist."""
        desc = self._desc
        if not isinstance(desc, Interface) or self._library.odd:
            return
        chain: list[tuple[F, ...]] = []
        current: Interface | None = desc
        while current is not None:
            chain.append(current.funcs)
            base = self._library._described(current.base) if current.base else None
            current = base if isinstance(base, Interface) else None
        self._funcs = _STD_FUNCTIONS + tuple(f for funcs in reversed(chain) for f in funcs)
        for func in self._funcs:
            self._names.setdefault(func.name.upper(), func.memid)

    def __repr__(self) -> str:
        return f"<TypeInfo {self.name} of {self._library.name}>"

    def interface_iids(self) -> frozenset[str]:
        """A dispatch interface's IID and its bases' (what its object answers QI for)."""
        iids: set[str] = set()
        current: TypeDescription | None = self._desc
        while isinstance(current, Interface):
            iids.add(iid_text(current.iid))
            current = self._library._described(current.base) if current.base else None
        return frozenset(iids)

    def attributes(self) -> TypeAttr:
        """TYPEATTR (GetTypeAttr)."""
        desc = self._desc
        if isinstance(desc, Interface):
            return TypeAttr(
                iid_text(desc.iid), TKIND_DISPATCH, len(self._funcs), 0, 1, _POINTER,
                len(_STD_FUNCTIONS) * _POINTER, _POINTER, desc.flags, (0, 0),
            )  # fmt: skip
        if isinstance(desc, Enum):
            return TypeAttr(
                _GUID_NULL, TKIND_ENUM, 0, len(desc.values), 0, _INT, 0, _INT, 0, (0, 0)
            )
        if isinstance(desc, CoClass):
            return TypeAttr(
                iid_text(desc.clsid), TKIND_COCLASS, 0, 0, len(desc.interfaces), _POINTER, 0,
                _INT, desc.flags, desc.version,
            )  # fmt: skip
        return TypeAttr(_GUID_NULL, TKIND_RECORD, 0, 0, 0, 0, 0, _INT, 0, (0, 0))

    @property
    def kind(self) -> int:
        """The TYPEKIND of this type."""
        return self.attributes().kind

    def function(self, index: int) -> FuncDesc:
        """FUNCDESC number ``index`` (GetFuncDesc); TYPE_E_ELEMENTNOTFOUND past the end."""
        func = self._at(self._funcs, index)
        params = tuple(
            (self._typedesc(p.type), p.flags, p.default if p.flags & _HAS_DEFAULT else None)
            for p in func.params
        )
        returns = (self._typedesc(func.returns), 0, None)
        return FuncDesc(
            func.memid, params, returns, func.invkind, FUNC_DISPATCH, CC_STDCALL, func.opt,
            index * _POINTER, func.flags,
        )  # fmt: skip

    def variable(self, index: int) -> VarDesc:
        """VARDESC number ``index`` (GetVarDesc): an enumeration's constant."""
        values = self._desc.values if isinstance(self._desc, Enum) else ()
        _name, value = self._at(values, index)
        return VarDesc(_FIRST_CONST_ID + index, value, (22, 0, None), 0, VAR_CONST)

    @staticmethod
    def _at(items: tuple[Any, ...], index: int) -> Any:  # noqa: ANN401
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(f"an int is required, not {type(index).__name__}")
        if not 0 <= index < len(items):
            raise _error(TYPE_E_ELEMENTNOTFOUND, f"element {index} not found")
        return items[index]

    def names(self, memid: int) -> tuple[str, ...]:
        """A member's name, then its parameters' names (GetNames)."""
        for func in self._funcs:
            if func.memid == memid:
                return (func.name, *(p.name for p in func.params if p.name is not None))
        if isinstance(self._desc, Enum) and 0 <= memid - _FIRST_CONST_ID < len(self._desc.values):
            return (self._desc.values[memid - _FIRST_CONST_ID][0],)
        raise _error(TYPE_E_ELEMENTNOTFOUND, f"no member {memid} in {self.name}")

    def documentation(self, memid: int) -> tuple[str, str | None, int, str | None]:
        """Name, doc string, help context and help file of a member or, for -1, of the type."""
        if memid == MEMBERID_NIL:
            return (self.name, self._desc.doc, 0, None)
        for func in self._funcs:
            if func.memid == memid:
                return (func.name, func.doc, func.context, None)
        return (self.names(memid)[0], None, 0, None)

    def ids_of_names(self, *names: str) -> list[int]:
        """The DISPID of a member, then of its named parameters (GetIDsOfNames).

        Raises:
            ComError: DISP_E_UNKNOWNNAME for a member or parameter the type lacks.
        """
        memid = self._names.get(names[0].upper()) if names else None
        if memid is None:
            raise _error(DISP_E_UNKNOWNNAME, f"{self.name} has no member {names[:1]}")
        ids = [memid]
        params = [p.name.upper() for p in self._member(memid).params if p.name]
        for name in names[1:]:
            try:
                ids.append(params.index(name.upper()))
            except ValueError:
                raise _error(DISP_E_UNKNOWNNAME, f"no parameter {name!r}") from None
        return ids

    def _member(self, memid: int) -> F:
        return next(f for f in self._funcs if f.memid == memid)

    def ref_type_of_impl_type(self, index: int) -> int:
        """The href of implemented interface ``index`` (GetRefTypeOfImplType)."""
        desc = self._desc
        if isinstance(desc, Interface):
            self._at(("IDispatch",), index)
            return stdole_library()._href("IDispatch")
        if isinstance(desc, CoClass):
            name, _flags = self._at(desc.interfaces, index)
            return self._library._href(name)
        raise _error(TYPE_E_ELEMENTNOTFOUND, f"{self.name} implements no interfaces")

    def impl_type_flags(self, index: int) -> int:
        """IMPLTYPEFLAGs of implemented interface ``index`` (GetImplTypeFlags)."""
        desc = self._desc
        if isinstance(desc, CoClass):
            return int(self._at(desc.interfaces, index)[1])
        if isinstance(desc, Interface):
            self._at(("IDispatch",), index)
            return 0
        raise _error(TYPE_E_ELEMENTNOTFOUND, f"{self.name} implements no interfaces")

    def ref_type_info(self, href: int) -> TypeInfo:
        """The type an href names (GetRefTypeInfo); E_INVALIDARG (Windows: the same) if none."""
        library = stdole_library() if href & 1 else self._library
        return library._by_href(href)

    def has_default_events(self) -> bool:
        """Whether a class of this type's library implements it and has default events.

        The class lists this interface and a source interface flagged default
        (IMPLTYPEFLAG_FDEFAULT | IMPLTYPEFLAG_FSOURCE): what pywin32's makepy calls the
        class's ``default_source``, which its DispatchWithEvents needs.
        """
        iid = self.attributes().guid
        library = self._library
        for index in range(len(library)):
            if library.type_info_kind(index) != TKIND_COCLASS:
                continue
            coclass = library.type_info(index)
            faces = range(coclass.attributes().impl_count)
            implements = any(
                coclass.ref_type_info(coclass.ref_type_of_impl_type(k)).attributes().guid == iid
                for k in faces
            )
            if implements and any(
                coclass.impl_type_flags(k) & _DEFAULT_SOURCE == _DEFAULT_SOURCE for k in faces
            ):
                return True
        return False

    def containing_library(self) -> tuple[TypeLibrary, int]:
        """The library this type is in and its index there (GetContainingTypeLib)."""
        return self._library, self._index

    def _typedesc(self, spec: TypeSpec) -> object:
        """A TYPEDESC: a VARTYPE, (VT_PTR, inner) or (VT_USERDEFINED, href)."""
        if isinstance(spec, int):
            return spec
        if isinstance(spec, str):
            library = self._library
            if library._described(spec) is None:
                library = stdole_library()
            return (VT_USERDEFINED, library._href(spec))
        return (VT_PTR, self._typedesc(spec[1]))


@make_agile
class TypeLibrary:
    """A type library (ITypeLib) described by a :class:`~._typedesc.Library`."""

    __slots__ = ("_by_guid", "_by_name", "_desc", "_infos", "name", "odd")

    def __init__(self, desc: Library, *, odd: bool = False) -> None:
        self._desc = desc
        self.name = desc.name
        self.odd = odd  # its hrefs are odd numbers: the standard library's
        self._infos = tuple(TypeInfo(self, i, t) for i, t in enumerate(desc.types))
        self._by_name = {info.name: info for info in self._infos}
        self._by_guid: dict[str, TypeInfo] = {}
        for info in self._infos:
            info._complete()
            guid = info.attributes().guid
            if guid != _GUID_NULL:
                self._by_guid.setdefault(guid, info)

    def __repr__(self) -> str:
        return f"<TypeLibrary {self.name} {self._desc.version[0]}.{self._desc.version[1]}>"

    @property
    def description(self) -> Library:
        """What the library was built from."""
        return self._desc

    def _described(self, name: str) -> TypeDescription | None:
        info = self._by_name.get(name)
        return info._desc if info is not None else None

    def _href(self, name: str) -> int:
        return self._by_name[name]._index * 4 + (1 if self.odd else 0)

    def _by_href(self, href: int) -> TypeInfo:
        index, rest = divmod(href, 4)
        if rest != (1 if self.odd else 0) or not 0 <= index < len(self._infos):
            raise _error(E_INVALIDARG, f"{href} refers to no type of {self.name}")
        return self._infos[index]

    def __len__(self) -> int:
        return len(self._infos)

    def type_info(self, index: int) -> TypeInfo:
        """Type number ``index`` (GetTypeInfo); TYPE_E_ELEMENTNOTFOUND past the end."""
        return TypeInfo._at(self._infos, index)  # type: ignore[no-any-return]

    def type_info_kind(self, index: int) -> int:
        """The TYPEKIND of type number ``index`` (GetTypeInfoType)."""
        return self.type_info(index).kind

    def type_info_of_guid(self, guid: object) -> TypeInfo:
        """The type with this GUID (GetTypeInfoOfGuid); TYPE_E_ELEMENTNOTFOUND if none."""
        text = iid_text(guid)
        try:
            return self._by_guid[text]
        except KeyError:
            raise _error(TYPE_E_ELEMENTNOTFOUND, f"{self.name} has no type {text}") from None

    def type_info_by_name(self, name: str) -> TypeInfo | None:
        """The type called ``name`` (case-insensitive), or None (ITypeLib::FindName's use)."""
        wanted = name.upper()
        return next((info for info in self._infos if info.name.upper() == wanted), None)

    def bind_constant(self, name: str) -> tuple[TypeInfo, int] | None:
        """The enumeration constant called ``name`` (case-insensitive), or None.

        What ITypeComp::Bind of the library finds for a constant's name: the library's
        enumerations put their constants in its global scope. Returns (its enumeration,
        its index there, for :meth:`TypeInfo.variable`).
        """
        wanted = name.upper()
        for info in self._infos:
            if isinstance(info._desc, Enum):
                for index, (constant, _value) in enumerate(info._desc.values):
                    if constant.upper() == wanted:
                        return info, index
        return None

    def documentation(self, index: int) -> tuple[str, str | None, int, str | None]:
        """Name, doc string, help context and help file of the library (-1) or a type."""
        if index == -1:
            return (self.name, self._desc.doc, 0, None)
        return self.type_info(index).documentation(MEMBERID_NIL)

    def attributes(self) -> LibAttr:
        """TLIBATTR (GetLibAttr)."""
        desc = self._desc
        return LibAttr(iid_text(desc.libid), desc.lcid, _SYSKIND_WIN64, desc.version, desc.flags)


_STDOLE_LIBRARY: list[TypeLibrary] = []


def stdole_library() -> TypeLibrary:
    if not _STDOLE_LIBRARY:  # built at import below; the list only breaks the cycle
        raise RuntimeError("stdole is built at import")
    return _STDOLE_LIBRARY[0]


_STDOLE_LIBRARY.append(TypeLibrary(_STDOLE, odd=True))
