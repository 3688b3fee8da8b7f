r"""The WMI classes of ``root\cimv2`` known here: their properties' CIM types, keys, methods.

Each :class:`WmiClass` names its properties with WMI's CIM type names (``string``,
``uint32``, ``uint64``, ``datetime``, ``boolean``, ``string[]``...), its key properties, its
methods with their in and out parameters, its superclasses (``Derivation_``) and the source
of its instances (:mod:`._wmi_sources`). :func:`scripting_value` turns a source's Python value
into what WMI's scripting objects give: 8-, 16- and 32-bit integers as int, 64-bit integers
(``uint64``, ``sint64``) as decimal strings (as wbemdisp gives them: Automation has no
unsigned 64-bit type), a ``datetime`` as a CIM datetime string
``yyyymmddHHMMSS.mmmmmmsUUU`` (sUUU the offset from UTC in minutes), arrays as lists (a
SAFEARRAY: the client reads a tuple; a tuple returned would be read as out parameters).

Object paths: :func:`rel_path` writes ``Class.Key="value"`` (several keys joined by ``,``
in name order; numbers unquoted; ``\`` and ``"`` escaped with ``\``), :func:`read_path`
reads one (``'`` or ``"`` quotes, ``Class="value"`` for a class with one key,
``Class=@`` for a singleton). Constant data: any thread may read it.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import _wmi_sources as sources

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CIM_TYPES",
    "CLASSES",
    "MethodDef",
    "PropDef",
    "WmiClass",
    "cim_datetime",
    "find_class",
    "read_path",
    "rel_path",
    "scripting_value",
]

CIM_TYPES = {
    "sint16": 2, "sint32": 3, "real32": 4, "real64": 5, "string": 8, "boolean": 11,
    "object": 13, "sint8": 16, "uint8": 17, "uint16": 18, "uint32": 19, "sint64": 20,
    "uint64": 21, "datetime": 101, "reference": 102, "char16": 103,
}  # fmt: skip  # wbemCimtype*


@dataclass(frozen=True)
class PropDef:
    """A property: its name, CIM type name (``[]`` at the end for an array), key or not."""

    name: str
    cim: str
    key: bool = False

    @property
    def base(self) -> str:
        """The CIM type without ``[]``."""
        return self.cim.removesuffix("[]")

    @property
    def is_array(self) -> bool:
        return self.cim.endswith("[]")


@dataclass(frozen=True)
class MethodDef:
    """A method: its in and out parameters (``ReturnValue`` among the outs)."""

    name: str
    ins: tuple[PropDef, ...] = ()
    outs: tuple[PropDef, ...] = (PropDef("ReturnValue", "uint32"),)
    static: bool = False


@dataclass(frozen=True)
class WmiClass:
    r"""A class of root\\cimv2 and where its instances come from."""

    name: str
    derivation: tuple[str, ...]
    props: tuple[PropDef, ...]
    source: Callable[[], list[dict[str, Any]]]
    methods: tuple[MethodDef, ...] = ()
    by_name: dict[str, PropDef] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {p.name.lower(): p for p in self.props})

    @property
    def keys(self) -> tuple[PropDef, ...]:
        return tuple(sorted((p for p in self.props if p.key), key=lambda p: p.name.lower()))

    def method(self, name: str) -> MethodDef | None:
        for method in self.methods:
            if method.name.lower() == str(name).lower():
                return method
        return None


def _props(text: str, keys: str) -> tuple[PropDef, ...]:
    """``"Name:string Count:uint32 ..."`` -> the properties, ``keys`` naming the key ones."""
    found = []
    for word in text.split():
        name, cim = word.split(":")
        found.append(PropDef(name, cim, name in keys.split()))
    return tuple(sorted(found, key=lambda p: p.name.lower()))


_MANAGED = ("CIM_LogicalElement", "CIM_ManagedSystemElement")
_SETTING = ("CIM_Setting",)

CLASSES: dict[str, WmiClass] = {
    c.name.lower(): c
    for c in (
        WmiClass(
            "Win32_Process",
            ("CIM_Process", *_MANAGED),
            _props(
                "Caption:string CommandLine:string CreationClassName:string "
                "CreationDate:datetime CSCreationClassName:string CSName:string "
                "Description:string ExecutablePath:string Handle:string KernelModeTime:uint64 "
                "Name:string OSName:string ParentProcessId:uint32 Priority:uint32 "
                "ProcessId:uint32 SessionId:uint32 ThreadCount:uint32 UserModeTime:uint64 "
                "VirtualSize:uint64 WorkingSetSize:uint64",
                "Handle",
            ),
            sources.processes,
            (
                MethodDef(
                    "Create",
                    (
                        PropDef("CommandLine", "string"),
                        PropDef("CurrentDirectory", "string"),
                        PropDef("ProcessStartupInformation", "object"),
                    ),
                    (PropDef("ProcessId", "uint32"), PropDef("ReturnValue", "uint32")),
                    static=True,
                ),
                MethodDef("Terminate", (PropDef("Reason", "uint32"),)),
                MethodDef(
                    "GetOwner",
                    (),
                    (
                        PropDef("Domain", "string"),
                        PropDef("ReturnValue", "uint32"),
                        PropDef("User", "string"),
                    ),
                ),
            ),
        ),
        WmiClass(
            "Win32_OperatingSystem",
            ("CIM_OperatingSystem", *_MANAGED),
            _props(
                "BootDevice:string BuildNumber:string Caption:string CodeSet:string "
                "CountryCode:string CSName:string CurrentTimeZone:sint16 "
                "FreePhysicalMemory:uint64 FreeVirtualMemory:uint64 LastBootUpTime:datetime "
                "LocalDateTime:datetime Manufacturer:string Name:string "
                "NumberOfProcesses:uint32 NumberOfUsers:uint32 OSArchitecture:string "
                "OSType:uint16 ProductType:uint32 SystemDirectory:string "
                "TotalVirtualMemorySize:uint64 TotalVisibleMemorySize:uint64 Version:string "
                "WindowsDirectory:string",
                "Name",
            ),
            sources.operating_system,
        ),
        WmiClass(
            "Win32_ComputerSystem",
            ("CIM_UnitaryComputerSystem", "CIM_ComputerSystem", "CIM_System", *_MANAGED),
            _props(
                "Caption:string DNSHostName:string Domain:string Manufacturer:string "
                "Model:string Name:string NumberOfLogicalProcessors:uint32 "
                "NumberOfProcessors:uint32 PartOfDomain:boolean SystemType:string "
                "TotalPhysicalMemory:uint64 UserName:string Workgroup:string",
                "Name",
            ),
            sources.computer_system,
        ),
        WmiClass(
            "Win32_Processor",
            ("CIM_Processor", "CIM_LogicalDevice", *_MANAGED),
            _props(
                "AddressWidth:uint16 Architecture:uint16 Caption:string "
                "CurrentClockSpeed:uint32 DataWidth:uint16 DeviceID:string Family:uint16 "
                "LoadPercentage:uint16 Manufacturer:string MaxClockSpeed:uint32 Name:string "
                "NumberOfCores:uint32 NumberOfLogicalProcessors:uint32 ProcessorId:string "
                "SocketDesignation:string",
                "DeviceID",
            ),
            sources.processors,
        ),
        WmiClass(
            "Win32_LogicalDisk",
            ("CIM_LogicalDisk", "CIM_StorageExtent", "CIM_LogicalDevice", *_MANAGED),
            _props(
                "Caption:string Description:string DeviceID:string DriveType:uint32 "
                "FileSystem:string FreeSpace:uint64 MediaType:uint32 Name:string "
                "ProviderName:string Size:uint64 VolumeName:string VolumeSerialNumber:string",
                "DeviceID",
            ),
            sources.logical_disks,
        ),
        WmiClass(
            "Win32_Service",
            ("Win32_BaseService", "CIM_Service", *_MANAGED),
            _props(
                "AcceptPause:boolean AcceptStop:boolean Caption:string Description:string "
                "DisplayName:string ExitCode:uint32 Name:string PathName:string "
                "ProcessId:uint32 ServiceType:string Started:boolean StartMode:string "
                "StartName:string State:string Status:string",
                "Name",
            ),
            sources.services,
        ),
        WmiClass(
            "Win32_NetworkAdapterConfiguration",
            _SETTING,
            _props(
                "Caption:string DefaultIPGateway:string[] Description:string "
                "DHCPEnabled:boolean DNSHostName:string Index:uint32 InterfaceIndex:uint32 "
                "IPAddress:string[] IPEnabled:boolean IPSubnet:string[] MACAddress:string "
                "ServiceName:string SettingID:string",
                "Index",
            ),
            sources.network_adapters,
        ),
        WmiClass(
            "Win32_Environment",
            ("CIM_SystemResource", *_MANAGED),
            _props(
                "Caption:string Description:string Name:string Status:string "
                "SystemVariable:boolean UserName:string VariableValue:string",
                "Name UserName",
            ),
            sources.environment,
        ),
    )
}


def find_class(name: object) -> WmiClass | None:
    """The class ``name`` (any case), or None."""
    return CLASSES.get(str(name).lower())


def cim_datetime(when: _dt.datetime) -> str:
    """``when`` as CIM writes a datetime: ``yyyymmddHHMMSS.mmmmmmsUUU``."""
    if when.tzinfo is None:
        when = when.astimezone()
    offset = int((when.utcoffset() or _dt.timedelta()).total_seconds() // 60)
    return when.strftime("%Y%m%d%H%M%S.%f") + ("-" if offset < 0 else "+") + f"{abs(offset):03d}"


def scripting_value(prop: PropDef, value: object) -> Any:  # noqa: ANN401 - a VARIANT's value
    """A source's ``value`` of ``prop`` as WMI's scripting objects give it (see the module)."""
    if value is None:
        return None
    if prop.is_array:
        return [scripting_value(PropDef(prop.name, prop.base), v) for v in value]  # type: ignore[attr-defined]
    if prop.base in ("uint64", "sint64"):
        return str(int(value))  # type: ignore[call-overload]
    if prop.base == "datetime" and isinstance(value, _dt.datetime):
        return cim_datetime(value)
    if prop.base == "boolean":
        return bool(value)
    if prop.base.startswith(("uint", "sint")):
        return int(value)  # type: ignore[call-overload]
    return value


def _quote(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def rel_path(wmi_class: WmiClass, values: dict[str, Any]) -> str:
    """The relative path of an instance whose properties are ``values`` (by lower name)."""
    keys = wmi_class.keys
    parts = []
    for prop in keys:
        value = values.get(prop.name.lower())
        if prop.base.startswith(("uint", "sint")) and prop.base not in ("uint64", "sint64"):
            value = int(value) if value is not None else 0
        parts.append(f"{prop.name}={_quote(value)}")
    return f"{wmi_class.name}." + ",".join(parts) if parts else f"{wmi_class.name}=@"


_PAIR = re.compile(
    r"""\s*(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*)?=\s*
        (?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>(?:[^'\\]|\\.)*)'|(?P<bare>[^,]*?))\s*(?:,|$)""",
    re.VERBOSE,
)


def read_path(path: str) -> tuple[str, dict[str, str] | None]:
    """``Class`` -> (class, None); ``Class.K=v,...`` or ``Class=v`` -> (class, {key: value}).

    A key without a name (``Class="v"``) is keyed ``""``; ``Class=@`` gives ``{}``.

    Raises:
        ValueError: not an object path.
    """
    text = str(path).strip()
    match = re.match(r"[A-Za-z_][A-Za-z0-9_]*", text)
    if match is None:
        raise ValueError(f"no class in {path!r}")
    name, rest = match.group(0), text[match.end() :]
    if not rest:
        return name, None
    if rest.replace(" ", "") == "=@":
        return name, {}
    if rest.startswith("."):
        rest = rest[1:]
    elif not rest.startswith("="):
        raise ValueError(f"cannot read {rest!r} in {path!r}")
    found: dict[str, str] = {}
    position = 0
    while position < len(rest):
        pair = _PAIR.match(rest, position)
        if pair is None or pair.end() == position:
            raise ValueError(f"cannot read {rest[position:]!r} in {path!r}")
        raw = pair.group("dq") if pair.group("dq") is not None else pair.group("sq")
        value = re.sub(r"\\(.)", r"\1", raw) if raw is not None else pair.group("bare")
        found[(pair.group("name") or "").lower()] = value
        position = pair.end()
    return name, found
