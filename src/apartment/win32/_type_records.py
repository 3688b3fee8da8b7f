"""pywin32's type description records: PyTYPEATTR, PyFUNCDESC and PyVARDESC.

Kept apart from :mod:`._pythoncom_types` (which re-exports them) so that the type
information objects (:mod:`._typeinfo_faces`) can make them without an import cycle.
"""

from __future__ import annotations

__all__ = ["PyFUNCDESC", "PyTYPEATTR", "PyVARDESC"]


class _Record:
    """A record that is also a sequence of its fields, in :attr:`_ORDER` (as pywin32's)."""

    __slots__ = ()
    _ORDER: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self._ORDER)

    def __getitem__(self, index: int) -> object:
        return getattr(self, self._ORDER[index])


_DESCKIND_FUNCDESC = 1  # DESCKIND_FUNCDESC: what a FUNCDESC record says it is
_DESCKIND_VARDESC = 2


class PyTYPEATTR(_Record):
    """The attributes of a type (TYPEATTR): its GUID, kind, member counts, sizes, versions."""

    __slots__ = (
        "cFuncs", "cImplTypes", "cVars", "cbAlignment", "cbSizeInstance", "cbSizeVft",
        "idldescType", "iid", "lcid", "memidConstructor", "memidDestructor", "tdescAlias",
        "typekind", "wMajorVerNum", "wMinorVerNum", "wTypeFlags",
    )  # fmt: skip
    _ORDER = (
        "iid", "lcid", "memidConstructor", "memidDestructor", "cbSizeInstance", "typekind",
        "cFuncs", "cVars", "cImplTypes", "cbSizeVft", "cbAlignment", "wTypeFlags",
        "wMajorVerNum", "wMinorVerNum", "tdescAlias", "idldescType",
    )  # fmt: skip

    def __init__(self) -> None:
        for name in self.__slots__:
            setattr(self, name, 0)
        self.idldescType = self.iid = self.tdescAlias = None


class PyFUNCDESC(_Record):
    """A function of a type (FUNCDESC): its member id, arguments, kind and return type."""

    __slots__ = (
        "args", "cParamsOpt", "callconv", "funckind", "invkind", "memid", "oVft", "rettype",
        "scodeArray", "wFuncFlags",
    )  # fmt: skip

    _ORDER = (
        "memid", "scodeArray", "args", "funckind", "invkind", "callconv", "cParamsOpt", "oVft",
        "rettype", "wFuncFlags",
    )  # fmt: skip
    desckind = _DESCKIND_FUNCDESC

    def __init__(self) -> None:
        self.memid = self.funckind = self.invkind = self.callconv = 0
        self.cParamsOpt = self.oVft = self.wFuncFlags = 0
        self.args: object = None
        self.rettype: object = None
        self.scodeArray: object = None

    def __repr__(self) -> str:
        def shown(value: object) -> str:
            return "<NULL>" if value is None else repr(value)

        return (
            f"PyFUNCDESC(memid={self.memid}, scodeArray={shown(self.scodeArray)}, "
            f"args={shown(self.args)}, funckind={self.funckind}, invkind={self.invkind}, "
            f"callconv={self.callconv}, cParamsOpt={self.cParamsOpt}, oVft={self.oVft}, "
            f"rettype={shown(self.rettype)}, wFuncFlags={self.wFuncFlags})"
        )


class PyVARDESC(_Record):
    """A variable or constant of a type (VARDESC): its member id, value, type and kind."""

    __slots__ = ("elemdescVar", "memid", "value", "varkind", "wVarFlags")

    _ORDER = ("memid", "value", "elemdescVar", "wVarFlags", "varkind")
    desckind = _DESCKIND_VARDESC

    def __init__(self) -> None:
        self.memid = self.varkind = self.wVarFlags = 0
        self.value = self.elemdescVar = None

    def __repr__(self) -> str:
        value = "<NULL>" if self.value is None else repr(self.value)
        element = "<NULL>" if self.elemdescVar is None else repr(self.elemdescVar)
        return (
            f"PyVARDESC(memid={self.memid}, value={value}, elemdescVar={element}, "
            f"wVarFlags={self.wVarFlags}, varkind={self.varkind})"
        )


for _record in (PyTYPEATTR, PyFUNCDESC, PyVARDESC):
    _record.__module__ = "pythoncom"
