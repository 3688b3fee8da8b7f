r"""WMI's scripting API (wbemdisp.dll) over Linux: the ``winmgmts:`` moniker and SWbemLocator.

Programs written for Windows read the system through WMI without registering anything, so
both entry points are system classes (:mod:`apartment.com._system_classes`):

* ``GetObject("winmgmts:...")``: the ProgID ``WinMgMts`` (SWbemParseDN) reads the whole
  display name: ``winmgmts:`` then optional security settings in braces (``{impersonationLevel
  =impersonate}``, ``!`` after them optional), an optional ``\\server\namespace`` (or
  ``//server/namespace``, or ``root\...`` alone), and an optional ``:ObjectPath``. Without an
  object path the moniker binds to the namespace's SWbemServices; with one, to that class or
  instance (what ``SWbemServices.Get`` answers).
* ``Dispatch("WbemScripting.SWbemLocator").ConnectServer(server, namespace, user, ...)``.

The server is this computer when it is ``.``, ``""``, ``localhost``, ``127.0.0.1``/``::1``
or this computer's name (any case, with or without its domain); another is
0x800706BA, RPC_S_SERVER_UNAVAILABLE (the error WMI gives for a computer that does not
answer). One namespace is known, ``root\cimv2`` (the default); another is
WBEM_E_INVALID_NAMESPACE. A user name for this computer is WBEM_E_LOCAL_CREDENTIALS.

SWbemServices (:class:`Services`): ``Get(path)``, ``InstancesOf(class)``,
``ExecQuery(wql)`` (the subset :mod:`._wmi_query` reads), ``ExecMethod(path, method,
in_parameters)``, ``SubclassesOf()`` (the classes known), ``Security_``.
``ExecNotificationQuery``, ``AssociatorsOf``, ``ReferencesTo`` and the ``*Async`` calls are
WBEM_E_NOT_SUPPORTED: nothing here delivers WMI events or associations. With
wbemFlagReturnImmediately (16, the default of ``ExecQuery`` and ``InstancesOf``) a query's
errors come when its set is first read (``Count``, ``ItemIndex``, enumeration), as on
Windows; with flags 0 they come from the call.

SWbemObjectSet (:class:`ObjectSet`): ``Count``, ``Item(relpath)``, ``ItemIndex(i)``,
enumeration; the instances are read from the system once, when the set is first read.
Errors are WMI's HRESULTs in DISP_E_EXCEPTION's excepinfo, with wbemdisp's source and
description (``(0, 'SWbemServicesEx', 'Invalid query ', None, 0, -2147217385)``), as
pywin32 shows them. Every object keeps its state under a lock: threading model Apartment,
as wbemdisp registers it, and any thread of the apartment may call.
"""

from __future__ import annotations

import re
import socket
from typing import TYPE_CHECKING, Any, ClassVar

from ..com import IID_IPARSEDISPLAYNAME, COMException, pointer_moniker, wrap
from ._wmi_classes import CLASSES, WmiClass, find_class, read_path, scripting_value
from ._wmi_objects import (
    WBEM_E_INVALID_CLASS,
    WBEM_E_INVALID_NAMESPACE,
    WBEM_E_INVALID_OBJECT_PATH,
    WBEM_E_INVALID_QUERY,
    WBEM_E_LOCAL_CREDENTIALS,
    WBEM_E_NOT_FOUND,
    WBEM_E_NOT_SUPPORTED,
    WBEM_E_PROVIDER_NOT_CAPABLE,
    Context,
    ObjectSet,
    Security,
    WbemObject,
    instances,
    wbem_error,
)
from ._wmi_query import Comparison, Logical, QueryError, matches, parse

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "LOCATOR_CLSID",
    "LOCATOR_PROGID",
    "PARSER_CLSID",
    "PARSER_PROGID",
    "Locator",
    "ObjectSet",
    "Parser",
    "Services",
]

PARSER_CLSID = "{172BDDF8-CEEA-11D1-8B05-00600806D9B6}"  # CLSID_SWbemParseDN (wbemdisp.h)
PARSER_PROGID = "WinMgMts"
LOCATOR_CLSID = "{76A64158-CB41-11D1-8B02-00600806D9B6}"  # CLSID_SWbemLocator
LOCATOR_PROGID = "WbemScripting.SWbemLocator"
_DEFAULT_NAMESPACE = "root\\cimv2"
_RPC_S_SERVER_UNAVAILABLE = -2147023174  # 0x800706BA
_RETURN_IMMEDIATELY = 0x10  # wbemFlagReturnImmediately
_WBEM_E_INVALID_QUERY_TYPE = -2147217358  # 0x80041032
_LEVELS = {"anonymous": 1, "identify": 2, "impersonate": 3, "delegate": 4}


class Services:
    r"""SWbemServices of ``root\cimv2`` on this computer (see the module)."""

    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemServices")

    _dispid_to_func_: ClassVar[dict[int, str]] = {
        1: "Get", 2: "GetAsync", 3: "Delete", 4: "DeleteAsync", 5: "InstancesOf",
        6: "InstancesOfAsync", 7: "SubclassesOf", 8: "SubclassesOfAsync", 9: "ExecQuery",
        10: "ExecQueryAsync", 11: "AssociatorsOf", 12: "AssociatorsOfAsync", 13: "ReferencesTo",
        14: "ReferencesToAsync", 15: "ExecNotificationQuery", 16: "ExecNotificationQueryAsync",
        17: "ExecMethod", 18: "ExecMethodAsync",
    }  # fmt: skip  # wbemdisp's DISPIDs (its type library, read under Wine)
    _dispid_to_get_: ClassVar[dict[int, str]] = {19: "Security_"}
    _public_methods_: ClassVar[list[str]] = list(_dispid_to_func_.values())
    _public_attrs_: ClassVar[list[str]] = ["Security_"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_

    def __init__(self, context: Context) -> None:
        self._context = context

    @property
    def security(self) -> Any:  # noqa: ANN401
        return wrap(self._context.security)

    def get(self, path: str) -> WbemObject:
        """The class or instance ``path`` names (relative, or full on this namespace)."""
        text = str(path).strip()
        if not text:
            raise wbem_error(WBEM_E_INVALID_OBJECT_PATH, "SWbemServicesEx")
        if text.startswith(("\\\\", "//")):
            text = text.split(":", 1)[1] if ":" in text else ""
        try:
            name, keys = read_path(text)
        except ValueError:
            raise wbem_error(WBEM_E_INVALID_OBJECT_PATH, "SWbemServicesEx") from None
        wmi_class = find_class(name)
        if wmi_class is None:
            raise wbem_error(WBEM_E_NOT_FOUND, "SWbemServicesEx")
        if keys is None:
            return WbemObject(wmi_class, self._context, None, is_class=True)
        wanted = _wanted_keys(wmi_class, keys)
        for values in wmi_class.source():
            lower = {k.lower(): v for k, v in values.items()}
            if all(str(lower.get(k)).lower() == v.lower() for k, v in wanted.items()):
                return WbemObject(wmi_class, self._context, values, is_class=False)
        raise wbem_error(WBEM_E_NOT_FOUND, "SWbemServicesEx")

    def get_object(self, path: str = "", flags: int = 0, context: object = None) -> Any:  # noqa: ANN401
        """SWbemServices.Get: a class or an instance by its path."""
        return wrap(self.get(path))

    def instances_of(self, name: str, flags: int = 16, context: object = None) -> Any:  # noqa: ANN401
        """The instances of class ``name`` (WBEM_E_INVALID_CLASS for a class not here)."""

        def produce() -> list[WbemObject]:
            wmi_class = find_class(name)
            if wmi_class is None:
                raise wbem_error(WBEM_E_INVALID_CLASS, "SWbemObjectSet")
            return instances(wmi_class, self._context)

        return self._set(produce, flags, "SWbemServicesEx")

    def exec_query(
        self, query: str, language: str = "WQL", flags: int = 16, context: object = None
    ) -> Any:  # noqa: ANN401
        """The instances a WQL SELECT answers (WBEM_E_INVALID_QUERY, _INVALID_CLASS...)."""
        if isinstance(language, str) and language.upper() != "WQL":  # (an int: not given)
            raise wbem_error(_WBEM_E_INVALID_QUERY_TYPE, "SWbemServicesEx")

        def produce() -> list[WbemObject]:
            return self._query(str(query))

        return self._set(produce, flags, "SWbemServicesEx")

    def _set(self, produce: Callable[[], list[WbemObject]], flags: int, source: str) -> Any:  # noqa: ANN401
        if not isinstance(flags, int):  # an optional argument not given (VT_ERROR's Missing)
            flags = _RETURN_IMMEDIATELY
        if flags & _RETURN_IMMEDIATELY:
            return wrap(ObjectSet(self._context, produce))
        try:
            found = produce()
        except COMException as error:
            raise wbem_error(error.scode or WBEM_E_INVALID_QUERY, source) from None
        return wrap(ObjectSet(self._context, lambda: found))

    def _query(self, text: str) -> list[WbemObject]:
        try:
            query = parse(text)
        except QueryError as error:
            code = WBEM_E_NOT_SUPPORTED if error.unsupported else WBEM_E_INVALID_QUERY
            raise wbem_error(code, "SWbemObjectSet") from None
        wmi_class = find_class(query.class_name)
        if wmi_class is None:
            raise wbem_error(WBEM_E_INVALID_CLASS, "SWbemObjectSet")
        names = set(wmi_class.by_name)
        system = {"__path", "__relpath", "__class", "__server", "__namespace", "__genus"}
        if any(name.lower() not in names | system for name in query.properties or ()):
            raise wbem_error(WBEM_E_INVALID_QUERY, "SWbemObjectSet")
        if query.where is not None:
            _check_names(query.where, names)
        found = []
        try:
            for values in wmi_class.source():
                lower = {k.lower(): v for k, v in values.items()}
                typed = {k: _comparable(wmi_class, k, v) for k, v in lower.items()}
                if matches(query.where, typed):
                    found.append(WbemObject(wmi_class, self._context, values, is_class=False,
                                            selected=query.properties))  # fmt: skip
        except QueryError:
            raise wbem_error(WBEM_E_INVALID_QUERY, "SWbemObjectSet") from None
        return found

    def exec_method(
        self, path: str, method: str, in_parameters: object = None, flags: int = 0,
        context: object = None,
    ) -> Any:  # noqa: ANN401  # fmt: skip
        """Run ``method`` of the object ``path`` (a class's path for a static method)."""
        return self.get(path).ExecMethod_(method, in_parameters)

    def subclasses_of(self, superclass: str = "", flags: int = 16, context: object = None) -> Any:  # noqa: ANN401
        """The classes known here (for ``superclass`` ``""``); a known class has none here."""
        if superclass and find_class(superclass) is None:
            raise wbem_error(WBEM_E_NOT_FOUND, "SWbemServicesEx")
        found = [] if superclass else [WbemObject(c, self._context, None, is_class=True)
                                       for c in CLASSES.values()]  # fmt: skip
        return wrap(ObjectSet(self._context, lambda: found))

    def delete(self, *args: object) -> Any:  # noqa: ANN401
        raise wbem_error(WBEM_E_PROVIDER_NOT_CAPABLE, "SWbemServicesEx")

    def _unsupported(self, *args: object) -> Any:  # noqa: ANN401
        raise wbem_error(WBEM_E_NOT_SUPPORTED, "SWbemServicesEx")

    ExecNotificationQuery = AssociatorsOf = ReferencesTo = _unsupported
    ExecQueryAsync = InstancesOfAsync = GetAsync = SubclassesOfAsync = _unsupported
    ExecNotificationQueryAsync = ExecMethodAsync = AssociatorsOfAsync = _unsupported
    ReferencesToAsync = DeleteAsync = _unsupported

    # Automation's names
    Security_ = security
    Get = get_object
    InstancesOf = instances_of
    ExecQuery = exec_query
    ExecMethod = exec_method
    SubclassesOf = subclasses_of
    Delete = delete


def _comparable(wmi_class: WmiClass, key: str, value: object) -> object:
    """A value as WQL compares it: a datetime as its CIM string, the rest as the source's."""
    prop = wmi_class.by_name.get(key)
    if prop is not None and prop.base == "datetime" and value is not None:
        return scripting_value(prop, value)
    return value


def _check_names(condition: Comparison | Logical, names: set[str]) -> None:
    """A condition on a property the class lacks is WBEM_E_INVALID_QUERY."""
    if isinstance(condition, Comparison):
        if condition.name.lower() not in names:
            raise wbem_error(WBEM_E_INVALID_QUERY, "SWbemObjectSet")
        return
    for side in (condition.left, condition.right):
        if side is not None:
            _check_names(side, names)


def _wanted_keys(wmi_class: WmiClass, keys: dict[str, str]) -> dict[str, str]:
    """The path's keys by lower-cased property name (``""``: the class's only key)."""
    wanted = {}
    for name, value in keys.items():
        if not name:
            if len(wmi_class.keys) != 1:
                raise wbem_error(WBEM_E_INVALID_OBJECT_PATH, "SWbemServicesEx")
            name = wmi_class.keys[0].name.lower()
        prop = wmi_class.by_name.get(name)
        if prop is None or not prop.key:
            raise wbem_error(WBEM_E_INVALID_OBJECT_PATH, "SWbemServicesEx")
        wanted[name] = value
    if set(wanted) != {p.name.lower() for p in wmi_class.keys}:
        raise wbem_error(WBEM_E_INVALID_OBJECT_PATH, "SWbemServicesEx")
    return wanted


def _this_computer(server: str) -> bool:
    from ..kernel import computer_name

    name = server.strip().lower()
    if name in ("", ".", "localhost", "127.0.0.1", "::1"):
        return True
    host = socket.gethostname().lower()
    return name in (computer_name().lower(), host, host.split(".")[0], socket.getfqdn().lower())


def _namespace(text: str) -> str:
    r"""A namespace's canonical spelling (``root\cimv2``), or WBEM_E_INVALID_NAMESPACE."""
    name = text.replace("/", "\\").strip("\\") or _DEFAULT_NAMESPACE
    if name.lower() != _DEFAULT_NAMESPACE:
        raise wbem_error(WBEM_E_INVALID_NAMESPACE, "SWbemLocator")
    return _DEFAULT_NAMESPACE


def connect(server: str, namespace: str, security: Security | None = None) -> Context:
    """The context of a connection to ``namespace`` on ``server`` (see the module)."""
    from ..kernel import computer_name

    if not _this_computer(server):
        raise COMException(scode=_RPC_S_SERVER_UNAVAILABLE, source="SWbemLocator",
                           desc="The RPC server is unavailable. ")  # fmt: skip
    return Context(computer_name(), _namespace(namespace), security or Security())


class Locator:
    r"""SWbemLocator: ConnectServer to this computer's root\cimv2."""

    _type_info_ = ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), "ISWbemLocator")

    _reg_clsid_ = LOCATOR_CLSID
    _reg_progid_ = LOCATOR_PROGID
    _dispid_to_func_: ClassVar[dict[int, str]] = {1: "ConnectServer"}
    _dispid_to_get_: ClassVar[dict[int, str]] = {2: "Security_"}
    _public_methods_: ClassVar[list[str]] = ["ConnectServer"]
    _public_attrs_: ClassVar[list[str]] = ["Security_"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_

    def __init__(self) -> None:
        self._security = Security()

    @property
    def security(self) -> Any:  # noqa: ANN401
        return wrap(self._security)

    def connect_server(
        self, server: str = ".", namespace: str = "", user: str = "", password: str = "",
        locale: str = "", authority: str = "", flags: int = 0, context: object = None,
    ) -> Any:  # noqa: ANN401  # fmt: skip
        r"""An SWbemServices of ``namespace`` (``root\cimv2`` if empty) on ``server``."""
        server = "" if server is None else str(server)
        if user and _this_computer(server):
            raise wbem_error(WBEM_E_LOCAL_CREDENTIALS, "SWbemLocator")
        security = Security(self._security.ImpersonationLevel, self._security.AuthenticationLevel)
        return wrap(
            Services(connect(server, "" if namespace is None else str(namespace), security))
        )

    # Automation's names
    Security_ = security
    ConnectServer = connect_server


_MONIKER = re.compile(
    r"""^winmgmts:\s*
        (?:\{(?P<security>[^}]*)\}\s*!?)?
        (?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)


def bind_display_name(name: str) -> Any:  # noqa: ANN401
    """What ``winmgmts:...`` names: an SWbemServices, or the class or instance it names."""
    match = _MONIKER.match(name.strip())
    if match is None:
        raise COMException(scode=-2147221020, desc=f"cannot read {name!r}")  # MK_E_SYNTAX
    security = Security()
    for setting in (match.group("security") or "").split(","):
        key, _, value = setting.partition("=")
        if key.strip().lower() == "impersonationlevel" and value.strip().lower() in _LEVELS:
            security.ImpersonationLevel = _LEVELS[value.strip().lower()]
    rest = match.group("rest").strip().lstrip("!")
    server, namespace, path = ".", "", ""
    if rest.startswith(("\\\\", "//")):
        body = rest[2:].replace("/", "\\")
        server, _, rest = body.partition("\\")
        namespace, _, path = rest.partition(":")
    elif re.match(r"root(?:[\\/:]|$)", rest, re.IGNORECASE):
        namespace, _, path = rest.partition(":")
    else:
        path = rest
    context = connect(server, namespace, security)
    services = Services(context)
    if not path.strip():
        return wrap(services)
    return wrap(services.get(path))


class Parser:
    """WinMgMts (SWbemParseDN): reads a ``winmgmts:`` display name into a pointer moniker."""

    _reg_clsid_ = PARSER_CLSID
    _reg_progid_ = PARSER_PROGID
    _public_methods_: ClassVar[list[str]] = ["ParseDisplayName"]
    _com_interfaces_: ClassVar[list[str]] = [IID_IPARSEDISPLAYNAME]

    def parse_display_name(self, context: object, name: str) -> tuple[Any, int]:
        """The whole name: the connection is made (and its errors raised) here, as WMI's.

        A failure is WMI's HRESULT itself (Windows' pywin32 shows it bare, ``(-2147217394,
        'OLE error 0x8004100e', None, None)``; a Python server's error carries its
        excepinfo beside it, here with wbemdisp's description).
        """
        return pointer_moniker(bind_display_name(str(name))), len(name)

    # Automation's names
    ParseDisplayName = parse_display_name
