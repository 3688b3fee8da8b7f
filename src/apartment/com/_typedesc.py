"""Type library descriptions: what a type library says, written as Python values.

A type library (what MIDL compiles from IDL) describes a COM library's interfaces, their
methods and properties with DISPIDs and argument types, its enumerations' constants and its
classes (coclasses) with their default and source interfaces. No type library file is read
here: the libraries of the system classes this package ships (:mod:`._system_classes`) are
described with the values below (:mod:`._typelib_scrrun` and its siblings), and
:mod:`._typeinfo` answers ITypeLib/ITypeInfo questions from them.

Types are written as a VARTYPE (``BSTR``, ``I4``...), the name of a type of the same library
(an enumeration or an interface: VT_USERDEFINED), or ``ptr(type)`` (VT_PTR).
Only dispatch interfaces (TKIND_DISPATCH, the view of a dual interface that IDispatch
callers see) are described: each starts with IUnknown's and IDispatch's seven functions
(added by :mod:`._typeinfo`), then its base interface's (``base``), then its own.

Every value here is immutable: descriptions are shared by all threads without locks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

__all__ = [
    "BOOL", "BSTR", "DATE", "DISPATCH", "GET", "HRESULT", "I1", "I2", "I4", "INT", "METHOD",
    "PUT", "PUTREF", "UI1", "UI2", "UI4", "UINT", "UNKNOWN", "VARIANT", "VOID",
    "PARAMFLAG_FIN", "PARAMFLAG_FOUT", "PARAMFLAG_FOPT", "PARAMFLAG_FHASDEFAULT",
    "PARAMFLAG_FRETVAL", "VT_PTR", "VT_USERDEFINED",
    "CoClass", "Enum", "F", "Interface", "Library", "P", "Record", "TypeSpec", "ptr",
]  # fmt: skip

# VARTYPEs a description uses
I2, I4, DATE, BSTR, DISPATCH, BOOL, VARIANT, UNKNOWN = 2, 3, 7, 8, 9, 11, 12, 13
I1, UI1, UI2, UI4, INT, UINT, VOID, HRESULT = 16, 17, 18, 19, 22, 23, 24, 25
VT_PTR = 26
VT_USERDEFINED = 29
# INVOKEKIND: how a function is called
METHOD, GET, PUT, PUTREF = 1, 2, 4, 8
PARAMFLAG_FIN, PARAMFLAG_FOUT, PARAMFLAG_FRETVAL = 1, 2, 8
PARAMFLAG_FOPT, PARAMFLAG_FHASDEFAULT = 16, 32

TypeSpec: TypeAlias = "int | str | tuple[int, TypeSpec]"


def ptr(target: TypeSpec) -> tuple[int, TypeSpec]:
    """A pointer to ``target`` (VT_PTR)."""
    return (VT_PTR, target)


@dataclass(frozen=True, slots=True)
class P:
    """A parameter: its name (None for a property put's value), type, PARAMFLAGs, default."""

    name: str | None
    type: TypeSpec
    flags: int = PARAMFLAG_FIN
    default: object = None


@dataclass(frozen=True, slots=True)
class F:
    """A function of a dispatch interface: a method, or one accessor of a property.

    ``memid`` is its DISPID; a property has one F per accessor (GET, PUT, PUTREF), all with
    the same DISPID and name. ``flags`` are FUNCFLAGs (64: hidden; 1: restricted), ``opt``
    the count of optional VARIANT parameters (cParamsOpt).
    """

    memid: int
    name: str
    invkind: int
    params: tuple[P, ...] = ()
    returns: TypeSpec = VOID
    flags: int = 0
    opt: int = 0
    doc: str | None = None
    context: int = 0


@dataclass(frozen=True, slots=True)
class Interface:
    """A dispatch interface (TKIND_DISPATCH): IID, TYPEFLAGs, base, own functions."""

    name: str
    iid: str
    flags: int = 0x1040  # TYPEFLAG_FDISPATCHABLE | TYPEFLAG_FDUAL
    base: str | None = None
    funcs: tuple[F, ...] = ()
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class Enum:
    """An enumeration (TKIND_ENUM): its constants as (name, value), in order."""

    name: str
    values: tuple[tuple[str, int], ...]
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """A structure (TKIND_RECORD) known by name only (stdole's GUID, DISPPARAMS...)."""

    name: str
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class CoClass:
    """A creatable class (TKIND_COCLASS): CLSID, its interfaces as (name, IMPLTYPEFLAGs).

    IMPLTYPEFLAGs: 1 default, 2 source, 4 restricted; the default interface is the one
    flagged 1 and not 2, the default source the one flagged 1 and 2.
    """

    name: str
    clsid: str
    interfaces: tuple[tuple[str, int], ...]
    flags: int = 2  # TYPEFLAG_FCANCREATE
    version: tuple[int, int] = (0, 0)
    doc: str | None = None


TypeDescription: TypeAlias = "Interface | Enum | Record | CoClass"


@dataclass(frozen=True, slots=True)
class Library:
    """A type library: name, LIBID, (major, minor) version, its types in order.

    ``path`` is where Windows keeps it (QueryPathOfRegTypeLib's answer); ``flags`` are
    LIBFLAGs (8: has disk image).
    """

    name: str
    libid: str
    version: tuple[int, int]
    types: tuple[TypeDescription, ...] = ()
    doc: str | None = None
    flags: int = 8
    lcid: int = 0
    path: str = ""
