"""A stand-in for WMI's scripting objects, for pywin32's testWMI: the processes, from /proc.

On Windows ``GetObject("WinMgMts:")`` parses the display name with the class registered for
the ProgID ``WinMgMts`` (wbemdisp.dll's SWbemParseDN), whose IParseDisplayName answers a
moniker that binds to SWbemServices. ``InstancesOf("Win32_Process")`` answers an
SWbemObjectSet (``Count``, ``_NewEnum``) of SWbemObjects whose ``Properties_(name).Value``
reads a property (and ``object.Name`` reads it too). Here one class is known, Win32_Process,
with ``Caption`` and ``Name`` (the program's name, /proc's ``comm``), ``ProcessId``,
``ParentProcessId`` and ``CommandLine``; another class is WBEM_E_INVALID_CLASS, and a
property no class has WBEM_E_NOT_FOUND, as WMI answers them.

No other module is imported but ``apartment.com``: ``python -m apartment register`` imports
this file alone.
"""

from __future__ import annotations

import os
from typing import Any, ClassVar

from apartment import com

__all__ = ["WBEM_E_INVALID_CLASS", "WBEM_E_NOT_FOUND", "Parser", "Services", "processes"]

WBEM_E_NOT_FOUND = -2147217406  # 0x80041002
WBEM_E_INVALID_CLASS = -2147217392  # 0x80041010


def processes() -> list[dict[str, Any]]:
    """Win32_Process's properties of each process /proc shows (one that ends meanwhile not)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/comm", encoding="utf-8", errors="replace") as file:
                name = file.read().strip()
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as file:
                parent = int(file.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as file:
                command = file.read().rstrip(b"\0").replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        found.append(
            {
                "Caption": name,
                "Name": name,
                "ProcessId": int(entry),
                "ParentProcessId": parent,
                "CommandLine": command or None,
            }
        )
    return found


class Property:
    """SWbemProperty: Name and Value (the default member)."""

    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = ["Name", "Value"]
    _readonly_attrs_: ClassVar[list[str]] = ["Name", "Value"]
    _dispid_to_get_: ClassVar[dict[int, str]] = {0: "Value"}

    def __init__(self, name: str, value: object) -> None:
        self.Name = name
        self.Value = value


class Instance:
    """SWbemObject: ``Properties_(name)``, and each property by its name."""

    _public_methods_: ClassVar[list[str]] = ["Properties_"]

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values
        self._public_attrs_ = list(values)
        self._readonly_attrs_ = list(values)
        for key, value in values.items():
            setattr(self, key, value)

    def Properties_(self, name: str) -> Any:  # noqa: N802 - WMI's name
        """The property ``name`` (WBEM_E_NOT_FOUND for one the class lacks)."""
        for key, value in self._values.items():
            if key.lower() == str(name).lower():
                return com.wrap(Property(key, value))
        raise com.COMException(scode=WBEM_E_NOT_FOUND, desc=f"no property {name!r}")


class ObjectSet:
    """SWbemObjectSet: Count and _NewEnum over the instances."""

    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = ["Count"]
    _readonly_attrs_: ClassVar[list[str]] = ["Count"]

    def __init__(self, instances: list[dict[str, Any]]) -> None:
        self._instances = instances
        self.Count = len(instances)

    def _NewEnum(self) -> Any:  # noqa: N802 - Automation's name
        return com.new_enum([com.wrap(Instance(values)) for values in self._instances])


class Services:
    """SWbemServices of root\\cimv2: InstancesOf(class)."""

    _public_methods_: ClassVar[list[str]] = ["InstancesOf"]

    def InstancesOf(self, name: str, flags: int = 0x10, context: object = None) -> Any:  # noqa: N802
        """The instances of the class ``name`` (Win32_Process only)."""
        if str(name).lower() != "win32_process":
            raise com.COMException(scode=WBEM_E_INVALID_CLASS, desc=f"no class {name!r} here")
        return com.wrap(ObjectSet(processes()))


class Parser:
    """WinMgMts: reads ``winmgmts:...`` display names into a moniker of SWbemServices."""

    _reg_clsid_ = "{172BDDF8-CEEA-11D1-8B05-00600806D9B6}"  # CLSID_SWbemParseDN (wbemdisp.h)
    _reg_progid_ = "WinMgMts"
    _reg_desc_ = "WMI's moniker parser (a stand-in for tests)"
    _reg_threading_ = "Apartment"
    _public_methods_: ClassVar[list[str]] = ["ParseDisplayName"]
    _com_interfaces_: ClassVar[list[str]] = [com.IID_IPARSEDISPLAYNAME]

    def ParseDisplayName(self, context: object, name: str) -> tuple[Any, int]:  # noqa: N802
        """The whole name (the namespace and the security settings are not read)."""
        return com.pointer_moniker(com.wrap(Services())), len(name)
