"""What early binding (makepy) learns from a type library: the plan of its generated code.

A client that knows an object's type information calls it "early bound": each method with
its DISPID and the VARIANT types of its arguments, each property through its accessor, the
default member and the enumerator as the language's own call and iteration, the
enumerations' values as named constants. :func:`plan_library` reads a
:class:`~._typeinfo.TypeLibrary` into that plan; the facade renders it as pywin32's
generated module (``win32com.client.gencache``).

The rules (what each member becomes):

* a function is a method; a property getter without parameters a readable property, a
  putter with only its value a writable one; a getter with parameters (``Item(Key)``) a
  method, a putter with parameters the method ``Set<Name>`` (or ``<Name>`` with no getter);
* restricted functions (IUnknown's and IDispatch's) are left out; DISPID_NEWENUM (-4) makes
  the object iterable, DISPID_VALUE (0) its default (call) member, ``Count`` its length;
* an argument's type is its VARTYPE, with VT_BYREF for a pointer (a VARIANT* is
  VT_BYREF|VT_VARIANT), VT_I4 for an enumeration, VT_DISPATCH for an interface; a result
  that is an interface names that interface's IID, so the client wraps it in its class.

Plans are immutable; any thread may build and read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._typedesc import DISPATCH, I4, UNKNOWN, VARIANT, VT_PTR, VT_USERDEFINED
from ._typeinfo import TKIND_COCLASS, TKIND_DISPATCH, TKIND_ENUM, TypeInfo, TypeLibrary

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["CoClassPlan", "InterfacePlan", "LibraryPlan", "MemberPlan", "plan_library"]

_VT_BYREF = 0x4000
_FUNCFLAG_FRESTRICTED = 1
_IMPLTYPEFLAG_FDEFAULT, _IMPLTYPEFLAG_FSOURCE = 1, 2
_DISPID_VALUE = 0
_DISPID_NEWENUM = -4
_METHOD, _GET, _PUT, _PUTREF = 1, 2, 4, 8
_PARAMFLAG_FIN, _PARAMFLAG_FOPT, _PARAMFLAG_FHASDEFAULT = 1, 16, 32


@dataclass(frozen=True, slots=True)
class MemberPlan:
    """One member as the generated class calls it.

    ``arg_types`` are (VARTYPE, PARAMFLAGs) pairs (a third item: the default), ``params``
    the parameters' names (None for an unnamed one) with their defaults (``optional``: the
    argument may be left out; ``default``: what is sent then, when the library says).
    ``result_iid`` names the interface of an object result.
    """

    name: str
    memid: int
    invkind: int
    result: tuple[int, int]
    arg_types: tuple[tuple[Any, ...], ...]
    params: tuple[tuple[str | None, bool, bool, object], ...]  # name, optional, has default, value
    result_iid: str | None
    doc: str | None


@dataclass(frozen=True, slots=True)
class InterfacePlan:
    """A dispatch interface: its methods, readable and writable properties, special members."""

    name: str
    iid: str
    coclass_clsid: str | None
    methods: tuple[MemberPlan, ...]
    gets: tuple[MemberPlan, ...]
    puts: tuple[MemberPlan, ...]
    default: MemberPlan | None
    enumerable: bool
    count: MemberPlan | None
    doc: str | None


@dataclass(frozen=True, slots=True)
class CoClassPlan:
    """A creatable class: its default interface and events (source) interface, if any."""

    name: str
    clsid: str
    interfaces: tuple[str, ...]
    sources: tuple[str, ...]
    default: str | None
    default_source: str | None
    doc: str | None


@dataclass(frozen=True, slots=True)
class LibraryPlan:
    """A type library's plan: its identity, constants, interfaces and classes."""

    name: str
    libid: str
    version: tuple[int, int]
    lcid: int
    flags: int
    doc: str | None
    constants: tuple[tuple[str, int, str], ...]  # name, value, enumeration
    interfaces: tuple[InterfacePlan, ...]
    coclasses: tuple[CoClassPlan, ...]


def _vartype(info: TypeInfo, typedesc: Any) -> tuple[int, str | None]:  # noqa: ANN401
    """A TYPEDESC as the VARTYPE a call passes, and the IID of an interface it points to."""
    if isinstance(typedesc, int):
        return typedesc, None
    kind, inner = typedesc
    if kind == VT_USERDEFINED:
        target = info.ref_type_info(inner)
        attr = target.attributes()
        if attr.kind == TKIND_ENUM:
            return I4, None
        if attr.kind == TKIND_DISPATCH:
            return DISPATCH, attr.guid
        return UNKNOWN, None
    if kind == VT_PTR:
        if isinstance(inner, tuple) and inner[0] == VT_USERDEFINED:
            vt, iid = _vartype(info, inner)
            if vt in (DISPATCH, UNKNOWN):
                return vt, iid  # an interface pointer is passed as itself
            return vt | _VT_BYREF, None
        vt, _ = _vartype(info, inner)
        return vt | _VT_BYREF, None
    return VARIANT, None


def _member(info: TypeInfo, index: int, name: str) -> MemberPlan:
    desc = info.function(index)
    names = info.names(desc.memid)[1:]
    arg_types: list[tuple[Any, ...]] = []
    params: list[tuple[str | None, bool, bool, object]] = []
    for position, (typedesc, flags, default) in enumerate(desc.params):
        vt, _ = _vartype(info, typedesc)
        has_default = bool(flags & _PARAMFLAG_FHASDEFAULT)
        arg_types.append((vt, flags, default) if has_default else (vt, flags))
        pname = names[position] if position < len(names) else None  # a put's value: unnamed
        optional = bool(flags & (_PARAMFLAG_FOPT | _PARAMFLAG_FHASDEFAULT))
        params.append((pname, optional, has_default, default))
    ret_vt, result_iid = _vartype(info, desc.returns[0])
    return MemberPlan(
        name, desc.memid, desc.invkind, (ret_vt, 0), tuple(arg_types), tuple(params),
        result_iid, info.documentation(desc.memid)[1],
    )  # fmt: skip


def _ins_and_optionals(arg_types: tuple[tuple[Any, ...], ...]) -> tuple[int, int]:
    """How many parameters are inputs, and how many of them [optional] (makepy's count).

    A parameter with no flags counts as an input; one with a default value but no
    PARAMFLAG_FOPT is not optional here, as makepy counts.
    """
    ins = optional = 0
    for _vt, flags, *_default in arg_types:
        if not flags or flags & _PARAMFLAG_FIN:
            ins += 1
        if flags & _PARAMFLAG_FOPT:
            optional += 1
    return ins, optional


def _interface(info: TypeInfo, coclass_of: dict[str, str]) -> InterfacePlan:
    attr = info.attributes()
    by_memid: dict[int, dict[int, int]] = {}
    order: list[int] = []
    enumerable = False
    for index in range(attr.func_count):
        desc = info.function(index)
        if desc.memid == _DISPID_NEWENUM:
            enumerable = True
            continue
        if desc.flags & _FUNCFLAG_FRESTRICTED:
            continue
        if desc.memid not in by_memid:
            by_memid[desc.memid] = {}
            order.append(desc.memid)
        by_memid[desc.memid][desc.invkind] = index
    methods: list[MemberPlan] = []
    gets: list[MemberPlan] = []
    puts: list[MemberPlan] = []
    default: MemberPlan | None = None
    count: MemberPlan | None = None
    for memid in order:
        kinds = by_memid[memid]
        name = info.names(memid)[0]
        if _METHOD in kinds:
            plan = _member(info, kinds[_METHOD], name)
            methods.append(plan)
            if memid == _DISPID_VALUE:
                default = plan
        if _GET in kinds:
            plan = _member(info, kinds[_GET], name)
            ins, optional = _ins_and_optionals(plan.arg_types)
            if not ins:
                gets.append(plan)
            elif ins == optional:  # read bare as a property, and with arguments by Get<name>
                gets.append(plan)
                methods.append(_renamed(plan, "Get" + name))
            else:  # a property that needs arguments is a method (Get<name> beside a method)
                methods.append(_renamed(plan, "Get" + name) if _METHOD in kinds else plan)
            if memid == _DISPID_VALUE:
                default = plan
            if name.upper() == "COUNT" and not plan.arg_types:
                count = plan
        for kind in (_PUT, _PUTREF):
            if kind in kinds and not (kind == _PUTREF and _PUT in kinds):  # the put suffices
                plan = _member(info, kinds[kind], name)
                if len(plan.arg_types) > 1:
                    setter = ("Set" if kind == _PUT else "SetRef") + name if _GET in kinds else name
                    methods.append(_renamed(plan, setter))
                else:
                    puts.append(plan)
    return InterfacePlan(
        info.name, attr.guid, coclass_of.get(info.name), tuple(methods), tuple(gets),
        tuple(puts), default, enumerable, count, info.documentation(-1)[1],
    )  # fmt: skip


def _renamed(plan: MemberPlan, name: str) -> MemberPlan:
    return MemberPlan(
        name, plan.memid, plan.invkind, plan.result, plan.arg_types, plan.params,
        plan.result_iid, plan.doc,
    )  # fmt: skip


def _coclass(info: TypeInfo) -> CoClassPlan:
    attr = info.attributes()
    interfaces: list[str] = []
    sources: list[str] = []
    default = default_source = None
    for index in range(attr.impl_count):
        flags = info.impl_type_flags(index)
        name = info.ref_type_info(info.ref_type_of_impl_type(index)).name
        if flags & _IMPLTYPEFLAG_FSOURCE:
            sources.append(name)
            if flags & _IMPLTYPEFLAG_FDEFAULT:
                default_source = name
        else:
            interfaces.append(name)
            if flags & _IMPLTYPEFLAG_FDEFAULT:
                default = name
    return CoClassPlan(
        info.name, attr.guid, tuple(interfaces), tuple(sources), default, default_source,
        info.documentation(-1)[1],
    )  # fmt: skip


def _infos(library: TypeLibrary) -> Iterable[TypeInfo]:
    return (library.type_info(index) for index in range(len(library)))


def plan_library(library: TypeLibrary) -> LibraryPlan:
    """The plan of ``library``'s generated code (see the module docstring)."""
    coclasses = [_coclass(info) for info in _infos(library) if info.kind == TKIND_COCLASS]
    coclass_of: dict[str, str] = {}
    for coclass in coclasses:  # an interface's class: the first that has it as its default
        if coclass.default is not None:
            coclass_of.setdefault(coclass.default, coclass.clsid)
    constants: list[tuple[str, int, str]] = []
    interfaces: list[InterfacePlan] = []
    for info in _infos(library):
        kind = info.kind
        if kind == TKIND_ENUM:
            for index in range(info.attributes().var_count):
                var = info.variable(index)
                constants.append((info.names(var.memid)[0], int(var.value), info.name))  # type: ignore[call-overload]
        elif kind == TKIND_DISPATCH:
            interfaces.append(_interface(info, coclass_of))
    attr = library.attributes()
    return LibraryPlan(
        library.name, attr.libid, attr.version, attr.lcid, attr.flags,
        library.documentation(-1)[1], tuple(constants), tuple(interfaces), tuple(coclasses),
    )  # fmt: skip
