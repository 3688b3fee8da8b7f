"""makepy's generated module, written from the core's plan of a type library.

:func:`module_source` renders an :class:`apartment.com.LibraryPlan` (what early binding
learns from a type library: :mod:`apartment.com._makepy`) as the Python module pywin32's
makepy would generate for it: a ``constants`` class, one ``DispatchBaseClass`` subclass per
dispatch interface (methods through ``_ApplyTypes_`` with their declared argument types,
properties through ``_prop_map_get_``/``_prop_map_put_``, the default member as
``__call__``, ``_NewEnum`` as ``__iter__``, ``Count`` as ``__len__``), one
``CoClassBaseClass`` subclass per coclass, and ``CLSIDToClassMap``, registered with
``CLSIDToClass`` as the module loads. The module imports the facade by its own names, so it
loads with or without the pywin32 names installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .build import MakePublicAttributeName

if TYPE_CHECKING:
    from apartment.com import CoClassPlan, InterfacePlan, LibraryPlan, MemberPlan

__all__ = ["GENERATOR_VERSION", "module_source"]

GENERATOR_VERSION = "apartment-makepy 2"
"""Written into each module's first line: a module of another version is generated again."""

_HEADER = '''# {version}: generated from type library {libid} {major}.{minor} (do not edit)
"""{doc}"""

from apartment.win32 import pythoncom
from apartment.win32.pywintypes import IID
from apartment.win32.win32com.client import CLSIDToClass as _CLSIDToClass
from apartment.win32.win32com.client import CoClassBaseClass, DispatchBaseClass

makepy_version = {version!r}
CLSID = IID({libid!r})
MajorVersion = {major}
MinorVersion = {minor}
LibraryFlags = {flags}
LCID = {lcid:#x}
defaultNamedOptArg = pythoncom.Missing  # an optional argument left out is not sent
defaultNamedNotOptArg = pythoncom.Missing
defaultUnnamedArg = pythoncom.Missing
'''


def _names(member: MemberPlan) -> list[str]:
    """Python parameter names: the library's, ``argN`` for unnamed ones, never repeated."""
    names: list[str] = []
    for index, (name, _optional, _has_default, _value) in enumerate(member.params):
        text = MakePublicAttributeName(name) if name else f"arg{index}"
        while text in names or text == "self":
            text += "_"
        names.append(text)
    return names


def _signature(member: MemberPlan) -> str:
    parts = ["self"]
    for text, (_name, optional, has_default, value) in zip(
        _names(member), member.params, strict=True
    ):
        if has_default:
            parts.append(f"{text}={value!r}")
        else:
            parts.append(f"{text}={'defaultNamedOptArg' if optional else 'defaultNamedNotOptArg'}")
    return ", ".join(parts)


def _call(member: MemberPlan, user: str) -> str:
    args = "".join(f", {text}" for text in _names(member))
    return (
        f"self._ApplyTypes_({member.memid}, {member.invkind}, {member.result!r}, "
        f"{member.arg_types!r}, {user!r}, {member.result_iid!r}{args})"
    )


def _method(member: MemberPlan, name: str | None = None) -> list[str]:
    python_name = name or MakePublicAttributeName(member.name)
    lines = [f"    def {python_name}({_signature(member)}):"]
    if member.doc:
        lines.append(f"        {member.doc!r}")
    lines.append(f"        return {_call(member, member.name)}")
    lines.append("")
    return lines


def _apply_args(member: MemberPlan) -> str:
    return (
        f"({member.memid}, {member.invkind}, {member.result!r}, {member.arg_types!r}, "
        f"{member.name!r}, {member.result_iid!r})"
    )


def _interface(plan: InterfacePlan) -> list[str]:
    lines = [f"class {plan.name}(DispatchBaseClass):"]
    lines.append(f"    {(plan.doc or plan.name)!r}")
    lines.append(f"    CLSID = IID({plan.iid!r})")
    coclass = f"IID({plan.coclass_clsid!r})" if plan.coclass_clsid else None
    lines.append(f"    coclass_clsid = {coclass}")
    lines.append("")
    for member in sorted(plan.methods, key=lambda m: m.name):
        lines.extend(_method(member))
    lines.append("    _prop_map_get_ = {")
    for member in sorted(plan.gets, key=lambda m: m.name):
        lines.append(f"        {MakePublicAttributeName(member.name)!r}: {_apply_args(member)},")
    lines.append("    }")
    lines.append("    _prop_map_put_ = {")
    for member in sorted(plan.puts, key=lambda m: m.name):
        entry = f"(({member.memid}, LCID, {member.invkind}, 0), ())"
        lines.append(f"        {MakePublicAttributeName(member.name)!r}: {entry},")
    lines.append("    }")
    lines.append("")
    if plan.default is not None:
        lines.extend(_method(plan.default, "__call__"))
        lines.append("    def __str__(self, *args):")
        lines.append("        return str(self.__call__(*args))")
        lines.append("")
        lines.append("    def __int__(self, *args):")
        lines.append("        return int(self.__call__(*args))")
        lines.append("")
    if plan.enumerable:
        lines.append("    def __iter__(self):")
        lines.append('        "A Python iterator over the collection (its _NewEnum)."')
        lines.append("        return self._enumerator_()")
        lines.append("")
    if plan.count is not None:
        lines.append("    def __len__(self):")
        lines.append(f"        return self._ApplyTypes_(*{_apply_args(plan.count)})")
        lines.append("")
        lines.append("    def __bool__(self):")
        lines.append("        return True  # an empty collection is still an object")
        lines.append("")
    lines.append("")
    return lines


def _coclass(plan: CoClassPlan) -> list[str]:
    lines = [f"class {plan.name}(CoClassBaseClass):"]
    lines.append(f"    {(plan.doc or plan.name)!r}")
    lines.append(f"    CLSID = IID({plan.clsid!r})")
    lines.append(f"    coclass_sources = [{', '.join(plan.sources)}]")
    lines.append(f"    coclass_interfaces = [{', '.join(plan.interfaces)}]")
    if plan.default is not None:
        lines.append(f"    default_interface = {plan.default}")
    if plan.default_source is not None:
        lines.append(f"    default_source = {plan.default_source}")
    lines.append("")
    lines.append("")
    return lines


def module_source(plan: LibraryPlan) -> str:
    """The generated module of a type library's plan, as Python source text."""
    major, minor = plan.version
    doc = (plan.doc or plan.name).replace('"', "'")
    lines = [
        _HEADER.format(
            version=GENERATOR_VERSION,
            doc=doc,
            libid=plan.libid,
            major=major,
            minor=minor,
            flags=plan.flags,
            lcid=plan.lcid,
        ),
        "",
        "class constants:",
        f"    {f'Constants of {plan.name}'!r}",
    ]
    for name, value, enum in sorted(plan.constants, key=lambda c: (c[2], c[0])):
        lines.append(f"    {MakePublicAttributeName(name, True)} = {value}  # {enum}")
    lines += ["", ""]
    for interface in plan.interfaces:
        lines.extend(_interface(interface))
    for coclass in plan.coclasses:
        lines.extend(_coclass(coclass))
    classes = [(i.iid, i.name) for i in plan.interfaces]
    classes += [(c.clsid, c.name) for c in plan.coclasses]
    lines.append("RecordMap = {}")
    lines.append("CLSIDToClassMap = {")
    lines.extend(f"    {guid!r}: {name}," for guid, name in classes)
    lines.append("}")
    lines.append("CLSIDToPackageMap = {}")
    lines.append("VTablesToClassMap = {}")
    lines.append("NamesToIIDMap = {")
    lines.extend(f"    {i.name!r}: {i.iid!r}," for i in plan.interfaces)
    lines.append("}")
    lines.append("")
    lines.append("_CLSIDToClass.RegisterCLSIDsFromDict(CLSIDToClassMap)")
    return "\n".join(lines) + "\n"
