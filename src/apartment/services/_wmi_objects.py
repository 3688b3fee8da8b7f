r"""WMI's scripting objects for one class or instance: SWbemObject and what hangs from it.

* :class:`WbemObject` (SWbemObject): an instance (its property values), a class (every value
  NULL, ``Path_.IsClass`` true) or a method's parameters (class ``__PARAMETERS``). Each
  property reads (and puts) by its name; ``Properties_``, ``Methods_``, ``Qualifiers_``,
  ``Path_``, ``Derivation_``, ``Security_``; ``GetObjectText_`` (MOF text), ``ExecMethod_``,
  ``SpawnInstance_`` and ``Instances_`` (of a class); each method of the class by its name
  (its return is ``ReturnValue``). ``Put_`` and ``Delete_`` are WBEM_E_PROVIDER_NOT_CAPABLE:
  every class here is read from the system, not written.
* :class:`PropertySet`/:class:`Property` (SWbemPropertySet/SWbemProperty): ``Item(name)``
  (the default), ``Count``, enumeration in name order; ``Name``, ``Value`` (the default; a put
  changes this object's copy only), ``CIMType``, ``IsArray``, ``IsLocal``, ``Origin``,
  ``Qualifiers_`` (``CIMTYPE``, and ``key`` on a key).
* :class:`MethodSet`/:class:`Method`: ``Name``, ``Origin``, ``InParameters`` and
  ``OutParameters`` (new ``__PARAMETERS`` objects; None when a method has no in parameters).
* :class:`ObjectPath` (SWbemObjectPath): ``Path``, ``RelPath``, ``Class``, ``Namespace``,
  ``Server``, ``DisplayName``, ``IsClass``, ``IsSingleton``, ``ParentNamespace``.

Win32_Process's methods: ``Terminate(Reason)`` kills the process (SIGKILL, as
TerminateProcess; 0, or 2 when Linux refuses); ``Create(CommandLine, CurrentDirectory,
ProcessStartupInformation)`` starts one (the command line split as a POSIX shell splits it,
the program found in PATH; a thread reaps it): out ``ProcessId`` and ``ReturnValue`` (0, 9
when the program or folder is not there, 21 for an empty command); ``GetOwner()`` the owner's
``User`` and ``Domain`` (the computer's name).

Each object's state is under its own lock: any thread of the apartment may call it.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import threading
from typing import TYPE_CHECKING, Any, ClassVar

from ..com import COMException, new_enum, unwrap, wrap
from ._wmi_classes import (
    CIM_TYPES,
    MethodDef,
    PropDef,
    WmiClass,
    read_path,
    rel_path,
    scripting_value,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "WBEM_E_FAILED",
    "WBEM_E_INVALID_CLASS",
    "WBEM_E_INVALID_METHOD",
    "WBEM_E_INVALID_NAMESPACE",
    "WBEM_E_INVALID_OBJECT_PATH",
    "WBEM_E_INVALID_PARAMETER",
    "WBEM_E_INVALID_QUERY",
    "WBEM_E_LOCAL_CREDENTIALS",
    "WBEM_E_NOT_FOUND",
    "WBEM_E_NOT_SUPPORTED",
    "WBEM_E_PROVIDER_NOT_CAPABLE",
    "Context",
    "ObjectSet",
    "Security",
    "WbemObject",
    "instances",
    "parameters",
    "wbem_error",
]

WBEM_E_FAILED = -2147217407  # 0x80041001
WBEM_E_NOT_FOUND = -2147217406  # 0x80041002
WBEM_E_INVALID_PARAMETER = -2147217400  # 0x80041008
WBEM_E_NOT_SUPPORTED = -2147217396  # 0x8004100C
WBEM_E_INVALID_NAMESPACE = -2147217394  # 0x8004100E
WBEM_E_INVALID_CLASS = -2147217392  # 0x80041010
WBEM_E_INVALID_QUERY = -2147217385  # 0x80041017
WBEM_E_INVALID_OBJECT_PATH = -2147217350  # 0x8004103A
WBEM_E_INVALID_METHOD = -2147217363  # 0x8004102D
WBEM_E_PROVIDER_NOT_CAPABLE = -2147217372  # 0x80041024
WBEM_E_LOCAL_CREDENTIALS = -2147217308  # 0x80041064

_TEXTS = {  # wbemdisp's descriptions, trailing space and all, as pywin32 shows them
    WBEM_E_FAILED: "Generic failure ",
    WBEM_E_NOT_FOUND: "Not found ",
    WBEM_E_INVALID_PARAMETER: "Invalid parameter ",
    WBEM_E_NOT_SUPPORTED: "Not supported ",
    WBEM_E_INVALID_NAMESPACE: "Invalid namespace ",
    WBEM_E_INVALID_CLASS: "Invalid class ",
    WBEM_E_INVALID_QUERY: "Invalid query ",
    WBEM_E_INVALID_OBJECT_PATH: "Invalid object path ",
    WBEM_E_INVALID_METHOD: "Invalid method ",
    WBEM_E_PROVIDER_NOT_CAPABLE: "Provider is not capable of the attempted operation ",
    WBEM_E_LOCAL_CREDENTIALS: "User credentials cannot be used for local connections ",
}


def wbem_error(code: int, source: str) -> COMException:
    """WMI's error ``code`` as its scripting objects raise it (DISP_E_EXCEPTION's excepinfo)."""
    return COMException(scode=code, source=source, desc=_TEXTS.get(code, "Generic failure "))


class Security:
    """SWbemSecurity: the impersonation and authentication levels (kept, not enforced)."""

    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemSecurity")

    _dispid_to_get_: ClassVar[dict[int, str]] = {
        1: "ImpersonationLevel", 2: "AuthenticationLevel", 3: "Privileges",
    }  # fmt: skip
    _dispid_to_put_: ClassVar[dict[int, str]] = {1: "ImpersonationLevel", 2: "AuthenticationLevel"}
    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = [
        "ImpersonationLevel",
        "AuthenticationLevel",
        "Privileges",
    ]
    _readonly_attrs_: ClassVar[list[str]] = ["Privileges"]

    def __init__(self, impersonation: int = 3, authentication: int = 6) -> None:
        self.ImpersonationLevel = impersonation  # wbemImpersonationLevelImpersonate
        self.AuthenticationLevel = authentication  # wbemAuthenticationLevelPktPrivacy

    @property
    def privileges(self) -> Any:  # noqa: ANN401 - WMI's name
        """SWbemPrivilegeSet: empty (Linux has no Windows privileges to enable)."""
        return wrap(_Collection([]))

    # Automation's names
    Privileges = privileges


class Context:
    """Where objects come from: the server's name, the namespace and the security settings."""

    def __init__(self, server: str, namespace: str, security: Security) -> None:
        self.server = server
        self.namespace = namespace
        self.security = security


class _Collection:
    """A read-only collection: Count, Item(name) (the default) and enumeration."""

    _public_methods_: ClassVar[list[str]] = ["Item"]
    _public_attrs_: ClassVar[list[str]] = ["Count"]
    _readonly_attrs_: ClassVar[list[str]] = ["Count"]
    _dispid_to_func_: ClassVar[dict[int, str]] = {0: "Item"}
    _dispid_to_get_: ClassVar[dict[int, str]] = {1: "Count"}
    _source: ClassVar[str] = "SWbemObjectEx"

    def __init__(self, items: list[tuple[str, Any]]) -> None:
        self._items = items

    @property
    def count(self) -> int:
        return len(self._items)

    def item(self, name: object, flags: int = 0) -> Any:  # noqa: ANN401
        for key, value in self._items:
            if key.lower() == str(name).lower():
                return value() if callable(value) else value
        raise wbem_error(WBEM_E_NOT_FOUND, self._source)

    def _NewEnum(self) -> Any:  # noqa: N802, ANN401
        return new_enum([value() if callable(value) else value for _, value in self._items])

    # Automation's names
    Count = count
    Item = item


class _Qualifier:
    """SWbemQualifier: Name and Value (the default)."""

    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemQualifier")

    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = [
        "Name", "Value", "IsLocal", "PropagatesToInstance", "PropagatesToSubclass", "IsAmended",
        "IsOverridable",
    ]  # fmt: skip
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        0: "Value", 1: "Name", 2: "IsLocal", 3: "PropagatesToSubclass", 4: "PropagatesToInstance",
        5: "IsOverridable", 6: "IsAmended",
    }  # fmt: skip
    IsLocal = True
    PropagatesToInstance = True
    PropagatesToSubclass = True
    IsAmended = False
    IsOverridable = True

    def __init__(self, name: str, value: object) -> None:
        self.Name = name
        self.Value = value


def _qualifiers(pairs: list[tuple[str, object]]) -> Any:  # noqa: ANN401
    return wrap(_Collection([(name, wrap(_Qualifier(name, value))) for name, value in pairs]))


class Property:
    """SWbemProperty of one object: reads and puts the object's value."""

    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemProperty")

    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = ["Value", "Name", "IsLocal", "Origin", "CIMType",
                                           "Qualifiers_", "IsArray"]  # fmt: skip
    _readonly_attrs_: ClassVar[list[str]] = ["Name", "IsLocal", "Origin", "CIMType",
                                             "Qualifiers_", "IsArray"]  # fmt: skip
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        0: "Value", 1: "Name", 2: "IsLocal", 3: "Origin", 4: "CIMType", 5: "Qualifiers_",
        6: "IsArray",
    }  # fmt: skip
    _dispid_to_put_: ClassVar[dict[int, str]] = {0: "Value"}
    IsLocal = True

    def __init__(self, owner: WbemObject, prop: PropDef) -> None:
        self._owner = owner
        self._prop = prop
        self.Name = prop.name
        self.Origin = owner.wmi_class.name
        self.CIMType = CIM_TYPES.get(prop.base, 8)
        self.IsArray = prop.is_array

    @property
    def value(self) -> Any:  # noqa: ANN401
        return self._owner.get_value(self._prop)

    @value.setter
    def value(self, value: object) -> None:
        self._owner.set_value(self._prop, value)

    @property
    def qualifiers(self) -> Any:  # noqa: ANN401
        pairs: list[tuple[str, object]] = [("CIMTYPE", self._prop.cim.replace("[]", "") +
                                            ("[]" if self._prop.is_array else ""))]  # fmt: skip
        if self._prop.key:
            pairs.append(("key", True))
        return _qualifiers(pairs)

    # Automation's names
    Value = value
    Qualifiers_ = qualifiers


class _Method:
    """SWbemMethod: the name, where it is declared and its parameters."""

    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemMethod")

    _dispid_to_get_: ClassVar[dict[int, str]] = {
        1: "Name", 2: "Origin", 3: "InParameters", 4: "OutParameters", 5: "Qualifiers_",
    }  # fmt: skip
    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = ["Name", "Origin", "InParameters", "OutParameters",
                                           "Qualifiers_"]  # fmt: skip
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_

    def __init__(self, wmi_class: WmiClass, method: MethodDef, context: Context) -> None:
        self._method = method
        self._context = context
        self.Name = method.name
        self.Origin = wmi_class.name

    @property
    def in_parameters(self) -> Any:  # noqa: ANN401
        if not self._method.ins:
            return None
        return parameters(self._method.ins, self._context)

    @property
    def out_parameters(self) -> Any:  # noqa: ANN401
        return parameters(self._method.outs, self._context)

    @property
    def qualifiers(self) -> Any:  # noqa: ANN401
        return _qualifiers([("Static", True)] if self._method.static else [])

    # Automation's names
    InParameters = in_parameters
    OutParameters = out_parameters
    Qualifiers_ = qualifiers


class ObjectPath:
    """SWbemObjectPath of an object (read only here)."""

    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemObjectPath")

    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = [
        "Path", "RelPath", "Server", "Namespace", "ParentNamespace", "DisplayName", "Class",
        "IsClass", "IsSingleton", "Security_", "Locale", "Authority",
    ]  # fmt: skip
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        0: "Path", 1: "RelPath", 2: "Server", 3: "Namespace", 4: "ParentNamespace",
        5: "DisplayName", 6: "Class", 7: "IsClass", 9: "IsSingleton", 12: "Security_",
        13: "Locale", 14: "Authority",
    }  # fmt: skip
    Locale = ""
    Authority = ""

    def __init__(self, context: Context, class_name: str, relpath: str, *, is_class: bool) -> None:
        self._context = context
        self.Class = class_name
        self.RelPath = relpath
        self.IsClass = is_class
        self.IsSingleton = relpath.endswith("=@")
        self.Server = context.server if relpath else ""
        self.Namespace = context.namespace if relpath else ""
        self.ParentNamespace = context.namespace.rpartition("\\")[0] if relpath else ""
        self.Path = f"\\\\{context.server}\\{context.namespace}:{relpath}" if relpath else ""

    @property
    def display_name(self) -> str:
        levels = {1: "anonymous", 2: "identify", 3: "impersonate", 4: "delegate"}
        level = levels.get(self._context.security.ImpersonationLevel, "impersonate")
        return f"WINMGMTS:{{authenticationLevel=pktPrivacy,impersonationLevel={level}}}!{self.Path}"

    @property
    def security(self) -> Any:  # noqa: ANN401
        return wrap(self._context.security)

    # Automation's names
    DisplayName = display_name
    Security_ = security


def parameters(props: tuple[PropDef, ...], context: Context) -> Any:  # noqa: ANN401
    """A new ``__PARAMETERS`` object with ``props``, every value NULL."""
    holder = WmiClass("__PARAMETERS", (), props, list)
    return wrap(WbemObject(holder, context, {}, is_class=False))


_OBJECT_ATTRS = ["Properties_", "Methods_", "Path_", "Derivation_", "Qualifiers_", "Security_",
                 "SystemProperties_"]  # fmt: skip
_OBJECT_METHODS = ["GetObjectText_", "ExecMethod_", "Put_", "Delete_", "SpawnInstance_",
                   "Instances_", "Subclasses_", "Associators_", "References_", "Clone_",
                   "CompareTo_", "SpawnDerivedClass_"]  # fmt: skip


class WbemObject:
    """SWbemObject: an instance, a class or a method's parameters (see the module)."""

    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemObject")

    _dispid_to_func_: ClassVar[dict[int, str]] = {
        1: "Put_", 3: "Delete_", 5: "Instances_", 7: "Subclasses_", 9: "Associators_",
        11: "References_", 13: "ExecMethod_", 15: "Clone_", 16: "GetObjectText_",
        17: "SpawnDerivedClass_", 18: "SpawnInstance_", 19: "CompareTo_",
    }  # fmt: skip
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        20: "Qualifiers_", 21: "Properties_", 22: "Methods_", 23: "Derivation_", 24: "Path_",
        25: "Security_",
    }  # fmt: skip
    _public_methods_: list[str]
    _public_attrs_: list[str]
    _readonly_attrs_: list[str]
    wmi_class: WmiClass
    _context: Context
    _lock: threading.Lock
    _is_class: bool
    _props: tuple[PropDef, ...]
    _by_name: dict[str, PropDef]
    _values: dict[str, Any]

    def __init__(
        self,
        wmi_class: WmiClass,
        context: Context,
        values: dict[str, Any] | None,
        *,
        is_class: bool,
        selected: tuple[str, ...] | None = None,
    ) -> None:
        object.__setattr__(self, "wmi_class", wmi_class)
        object.__setattr__(self, "_context", context)
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_is_class", is_class)
        props = wmi_class.props
        if selected is not None:  # a SELECT's list: those only (the keys too for __PATH)
            wanted = {name.lower() for name in selected}
            keys = bool(wanted & {"__path", "__relpath"})
            props = tuple(p for p in props if p.name.lower() in wanted or (keys and p.key))
        object.__setattr__(self, "_props", props)
        object.__setattr__(self, "_by_name", {p.name.lower(): p for p in props})
        object.__setattr__(self, "_values", {k.lower(): v for k, v in (values or {}).items()})
        names = [p.name for p in props]
        object.__setattr__(self, "_public_attrs_", names + _OBJECT_ATTRS)
        object.__setattr__(self, "_readonly_attrs_", list(_OBJECT_ATTRS))
        methods = [m.name for m in wmi_class.methods]
        object.__setattr__(self, "_public_methods_", _OBJECT_METHODS + methods)

    # what the scripting names read

    def get_value(self, prop: PropDef) -> Any:  # noqa: ANN401
        """``prop``'s value as scripting shows it."""
        with self._lock:
            value = self._values.get(prop.name.lower())
        return scripting_value(prop, value)

    def set_value(self, prop: PropDef, value: object) -> None:
        """Put ``prop``'s value in this object's copy (Put_ would write it: refused here)."""
        if isinstance(value, list):
            value = tuple(value)
        with self._lock:
            self._values[prop.name.lower()] = value

    def raw_values(self) -> dict[str, Any]:
        """The values (by lower-cased name) as the source gave them."""
        with self._lock:
            return dict(self._values)

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401
        prop = self._by_name.get(name.lower())
        if prop is not None:
            return self.get_value(prop)
        method = self.wmi_class.method(name)
        if method is not None:
            return lambda *args: self._call(method, args)
        raise AttributeError(name)

    def __setattr__(self, name: str, value: object) -> None:
        prop = self._by_name.get(name.lower())
        if prop is None:
            raise AttributeError(f"SWbemObject has no property {name!r}")
        self.set_value(prop, value)

    @property
    def properties(self) -> Any:  # noqa: ANN401
        return wrap(
            _PropertySet([(p.name, lambda p=p: wrap(Property(self, p))) for p in self._props])
        )

    @property
    def methods(self) -> Any:  # noqa: ANN401
        cls, context = self.wmi_class, self._context
        return wrap(
            _MethodSet([(m.name, lambda m=m: wrap(_Method(cls, m, context))) for m in cls.methods])
        )

    @property
    def qualifiers(self) -> Any:  # noqa: ANN401
        if self.wmi_class.name.startswith("__"):
            return _qualifiers([])
        return _qualifiers([("dynamic", True), ("provider", "CIMWin32"), ("Locale", 1033),
                            ("UUID", "{8502C4DC-5FBB-11D2-AAC1-006008C78BC7}")])  # fmt: skip

    @property
    def path(self) -> Any:  # noqa: ANN401
        return wrap(ObjectPath(self._context, self.wmi_class.name, self.relpath,
                               is_class=self._is_class))  # fmt: skip

    @property
    def relpath(self) -> str:
        """``Class.Key="v"``; the class's name for a class; ``""`` for parameters.

        A query's answer that lacks a key property has none either (WMI's ``__RELPATH`` is
        then NULL).
        """
        if self.wmi_class.name.startswith("__"):
            return ""
        if not self._is_class and any(key.name.lower() not in self._by_name
                                      for key in self.wmi_class.keys):  # fmt: skip
            return ""
        if self._is_class:
            return self.wmi_class.name
        return rel_path(self.wmi_class, self.raw_values())

    @property
    def derivation(self) -> list[str]:
        """The superclasses, nearest first (a list: the client reads a SAFEARRAY's tuple)."""
        return list(self.wmi_class.derivation)

    @property
    def security(self) -> Any:  # noqa: ANN401
        return wrap(self._context.security)

    @property
    def system_properties(self) -> Any:  # noqa: ANN401
        return wrap(_PropertySet([]))

    def get_object_text(self, flags: int = 0) -> str:
        """The object in MOF, as WMI writes it (an instance's NULL properties left out)."""
        lines = []
        if self._is_class:
            base = f" : {self.wmi_class.derivation[0]}" if self.wmi_class.derivation else ""
            lines.append(f"\nclass {self.wmi_class.name}{base}\n{{")
            for prop in self._props:
                key = "[key] " if prop.key else ""
                suffix = "[]" if prop.is_array else ""
                lines.append(f"\t{key}{prop.base} {prop.name}{suffix};")
        else:
            lines.append(f"\ninstance of {self.wmi_class.name}\n{{")
            for prop in self._props:
                value = self.get_value(prop)
                if value is not None:
                    lines.append(f"\t{prop.name} = {_mof(value)};")
        lines.append("};\n")
        return "\n".join(lines)

    def _call(self, method: MethodDef, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        values = dict(zip((p.name.lower() for p in method.ins), args, strict=False))
        out = self._run(method, values)
        return out.get("returnvalue")

    def exec_method(
        self, name: str, in_parameters: object = None, flags: int = 0, context: object = None
    ) -> Any:  # noqa: ANN401
        """Run the method ``name`` with ``in_parameters`` (a ``__PARAMETERS`` object)."""
        method = self.wmi_class.method(name)
        if method is None:
            raise wbem_error(WBEM_E_INVALID_METHOD, "SWbemObjectEx")
        values: dict[str, Any] = {}
        if in_parameters is not None:
            try:
                given = unwrap(in_parameters)  # type: ignore[arg-type]
            except (ValueError, TypeError, AttributeError):
                raise wbem_error(WBEM_E_INVALID_PARAMETER, "SWbemObjectEx") from None
            if isinstance(given, WbemObject):
                values = given.raw_values()
        out = self._run(method, values)
        result = parameters(method.outs, self._context)
        target = unwrap(result)
        assert isinstance(target, WbemObject)
        for prop in method.outs:
            target.set_value(prop, out.get(prop.name.lower()))
        return result

    def _run(self, method: MethodDef, values: dict[str, Any]) -> dict[str, Any]:
        if self._is_class and not method.static:
            raise wbem_error(WBEM_E_INVALID_METHOD, "SWbemObjectEx")  # an instance's method
        runner = _METHODS.get((self.wmi_class.name, method.name))
        if runner is None:
            raise wbem_error(WBEM_E_NOT_SUPPORTED, "SWbemObjectEx")
        return runner(self, values)

    def put(self, flags: int = 0, context: object = None) -> Any:  # noqa: ANN401
        raise wbem_error(WBEM_E_PROVIDER_NOT_CAPABLE, "SWbemObjectEx")

    Delete_ = put

    def spawn_instance(self, flags: int = 0) -> Any:  # noqa: ANN401
        """A new instance of this class, every value NULL (never written: Put_ refuses)."""
        return wrap(WbemObject(self.wmi_class, self._context, {}, is_class=False))

    def clone(self) -> Any:  # noqa: ANN401
        return wrap(
            WbemObject(self.wmi_class, self._context, self.raw_values(), is_class=self._is_class)
        )

    def instances(self, flags: int = 16, context: object = None) -> Any:  # noqa: ANN401
        """The class's instances (an SWbemObjectSet)."""
        return wrap(ObjectSet(self._context, lambda: instances(self.wmi_class, self._context)))

    def subclasses(self, *args: object) -> Any:  # noqa: ANN401
        return wrap(ObjectSet(self._context, list))

    def _unsupported(self, *args: object) -> Any:  # noqa: ANN401
        raise wbem_error(WBEM_E_NOT_SUPPORTED, "SWbemObjectEx")

    Associators_ = References_ = CompareTo_ = SpawnDerivedClass_ = _unsupported

    # Automation's names
    Properties_ = properties
    Methods_ = methods
    Qualifiers_ = qualifiers
    Path_ = path
    Derivation_ = derivation
    Security_ = security
    SystemProperties_ = system_properties
    GetObjectText_ = get_object_text
    ExecMethod_ = exec_method
    Put_ = put
    SpawnInstance_ = spawn_instance
    Clone_ = clone
    Instances_ = instances
    Subclasses_ = subclasses


class _PropertySet(_Collection):
    _source = "SWbemPropertySet"
    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemPropertySet")


class _MethodSet(_Collection):
    _source = "SWbemMethodSet"
    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemMethodSet")


def _mof(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (tuple, list)):
        return "{" + ", ".join(_mof(v) for v in value) + "}"
    if isinstance(value, (int, float)):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def instances(wmi_class: WmiClass, context: Context,
              selected: tuple[str, ...] | None = None) -> list[WbemObject]:  # fmt: skip
    """Every instance of ``wmi_class`` the system has now."""
    return [WbemObject(wmi_class, context, values, is_class=False, selected=selected)
            for values in wmi_class.source()]  # fmt: skip


def _reap(child: subprocess.Popen[bytes]) -> None:
    child.wait()


def _create(target: WbemObject, values: dict[str, Any]) -> dict[str, Any]:
    command = values.get("commandline")
    folder = values.get("currentdirectory") or None
    if not command or not str(command).strip():
        return {"returnvalue": 21, "processid": None}
    try:
        words = shlex.split(str(command))
        child = subprocess.Popen(
            words, cwd=folder, stdin=subprocess.DEVNULL, start_new_session=True
        )
    except (FileNotFoundError, NotADirectoryError):
        return {"returnvalue": 9, "processid": None}
    except PermissionError:
        return {"returnvalue": 2, "processid": None}
    except (OSError, ValueError):
        return {"returnvalue": 8, "processid": None}
    threading.Thread(target=_reap, args=(child,), name="wmi-reaper", daemon=True).start()
    return {"returnvalue": 0, "processid": child.pid}


def _terminate(target: WbemObject, values: dict[str, Any]) -> dict[str, Any]:
    pid = int(target.raw_values().get("processid") or 0)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        raise wbem_error(WBEM_E_NOT_FOUND, "SWbemObjectEx") from None
    except PermissionError:
        return {"returnvalue": 2}
    return {"returnvalue": 0}


def _owner(target: WbemObject, values: dict[str, Any]) -> dict[str, Any]:
    import pwd

    from ..kernel import computer_name

    pid = int(target.raw_values().get("processid") or 0)
    try:
        uid = os.stat(f"/proc/{pid}").st_uid
    except OSError:
        raise wbem_error(WBEM_E_NOT_FOUND, "SWbemObjectEx") from None
    try:
        user = pwd.getpwuid(uid).pw_name
    except KeyError:
        user = str(uid)
    return {"returnvalue": 0, "user": user, "domain": computer_name()}


_METHODS = {
    ("Win32_Process", "Create"): _create,
    ("Win32_Process", "Terminate"): _terminate,
    ("Win32_Process", "GetOwner"): _owner,
}


class ObjectSet:
    """SWbemObjectSet: the instances a query or InstancesOf answered (read when first used)."""

    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemObjectSet")

    _dispid_to_func_: ClassVar[dict[int, str]] = {0: "Item", 5: "ItemIndex"}
    _dispid_to_get_: ClassVar[dict[int, str]] = {1: "Count", 4: "Security_"}
    _public_methods_: ClassVar[list[str]] = ["Item", "ItemIndex"]
    _public_attrs_: ClassVar[list[str]] = ["Count", "Security_"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_

    def __init__(self, context: Context, produce: Callable[[], list[WbemObject]]) -> None:
        self._context = context
        self._produce: Callable[[], list[WbemObject]] | None = produce
        self._lock = threading.Lock()
        self._objects: list[WbemObject] = []

    def objects(self) -> list[WbemObject]:
        """The instances, read now if not yet (a query's deferred error is raised here)."""
        with self._lock:
            if self._produce is not None:
                self._objects = self._produce()
                self._produce = None
            return self._objects

    @property
    def count(self) -> int:
        return len(self.objects())

    def item(self, path: str, flags: int = 0) -> Any:  # noqa: ANN401
        """The instance whose relative path is ``path`` (WBEM_E_NOT_FOUND if none)."""
        wanted = _normal_path(str(path))
        for found in self.objects():
            if _normal_path(found.relpath) == wanted:
                return wrap(found)
        raise wbem_error(WBEM_E_NOT_FOUND, "SWbemObjectSet")

    def item_index(self, index: int) -> Any:  # noqa: ANN401
        """The ``index``-th instance (WBEM_E_NOT_FOUND past the end... as wbemdisp says)."""
        objects = self.objects()
        if not 0 <= int(index) < len(objects):
            raise wbem_error(WBEM_E_NOT_FOUND, "SWbemObjectSet")
        return wrap(objects[int(index)])

    def _NewEnum(self) -> Any:  # noqa: N802, ANN401
        return new_enum([wrap(found) for found in self.objects()])

    @property
    def security(self) -> Any:  # noqa: ANN401
        return wrap(self._context.security)

    # Automation's names
    Count = count
    Item = item
    ItemIndex = item_index
    Security_ = security


def _normal_path(path: str) -> str:
    try:
        name, keys = read_path(path.rpartition(":")[2] if "\\" in path else path)
    except ValueError:
        return path.lower()
    return name.lower() + repr(sorted((keys or {}).items())).lower()
