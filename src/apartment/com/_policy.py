"""Policies: how a Python object answers COM calls (pywin32's server policies).

A :class:`Policy` stands between a Python object and COM: the gateway asks it for DISPIDs,
has it invoke members, and asks it which interfaces the object implements. Two are here:

* :class:`DispatchPolicy` (pywin32's DesignatedWrapPolicy, its default): the object names
  what it exposes. ``_public_methods_`` are callable through DISPATCH_METHOD;
  ``_public_attrs_`` readable through PROPERTYGET and writable through PROPERTYPUT unless
  listed in ``_readonly_attrs_``; ``_dispid_to_func_/_get_/_put_`` give DISPIDs of its own
  choosing. Names are matched without regard to case. Reserved DISPIDs: ``_value_`` is
  DISPID_VALUE (0) to get and DISPID_PROPERTYPUT (-3) to put, ``_NewEnum`` is -4,
  ``_Evaluate`` -5; then attributes, then methods, take the next unused ids from 1000 on, in
  list order (a name in both lists shares one id).
* :class:`DynamicPolicy`: the object's ``_dynamic_(name, lcid, flags, args)`` answers every
  call by name; a new name gets the next DISPID from 1001 on.

Any policy honours ``_com_interfaces_`` (the IIDs, besides IDispatch, the object implements)
and ``_query_interface_(iid)`` (asked about any other IID: true to implement it, an
interface pointer to stand in for it). A subclass of :class:`Policy` can answer calls in its
own way; :func:`~._dispatch.wrap` takes a policy object as it is.

Every method runs in the object's apartment.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Any

from ..errors import (
    DISP_E_MEMBERNOTFOUND,
    DISP_E_UNKNOWNNAME,
    E_INVALIDARG,
    E_NOTIMPL,
    E_UNEXPECTED,
    S_FALSE,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._faces import FACES
from ._iids import (
    IID_ICONNECTIONPOINT,
    IID_ICONNECTIONPOINTCONTAINER,
    IID_IDISPATCH,
    IID_IENUMVARIANT,
    IID_IERRORLOG,
    IID_IEXTERNALCONNECTION,
    IID_IPERSIST,
    IID_IPERSISTFILE,
    IID_IPERSISTPROPERTYBAG,
    IID_IPERSISTSTORAGE,
    IID_IPERSISTSTREAM,
    IID_IPERSISTSTREAMINIT,
    IID_IPROPERTYBAG,
    IID_ISHELLLINKA,
    IID_ISHELLLINKW,
    IID_ISTREAM,
    IID_IUNKNOWN,
    iid_text,
)
from ._server_errors import COMException

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "DISPATCH_METHOD",
    "DISPATCH_PROPERTYGET",
    "DISPATCH_PROPERTYPUT",
    "DISPATCH_PROPERTYPUTREF",
    "DISPID_VALUE",
    "DISPID_UNKNOWN",
    "DISPID_STARTENUM",
    "DISPID_PROPERTYPUT",
    "DISPID_NEWENUM",
    "DISPID_EVALUATE",
    "DISPID_CONSTRUCTOR",
    "DISPID_DESTRUCTOR",
    "DISPID_COLLECT",
    "Policy",
    "DispatchPolicy",
    "DynamicPolicy",
]

DISPATCH_METHOD = 1
DISPATCH_PROPERTYGET = 2
DISPATCH_PROPERTYPUT = 4
DISPATCH_PROPERTYPUTREF = 8
DISPID_UNKNOWN = -1
DISPID_STARTENUM = -1
DISPID_VALUE = 0
DISPID_PROPERTYPUT = -3
DISPID_NEWENUM = -4
DISPID_EVALUATE = -5
DISPID_CONSTRUCTOR = -6
DISPID_DESTRUCTOR = -7
DISPID_COLLECT = -8
FIRST_DISPID = 1000

_INTERFACE_NAMES = {
    "IUnknown": IID_IUNKNOWN,
    "IDispatch": IID_IDISPATCH,
    "IStream": IID_ISTREAM,
    "IEnumVARIANT": IID_IENUMVARIANT,
    "IConnectionPoint": IID_ICONNECTIONPOINT,
    "IConnectionPointContainer": IID_ICONNECTIONPOINTCONTAINER,
    "IPropertyBag": IID_IPROPERTYBAG,
    "IErrorLog": IID_IERRORLOG,
    "IPersist": IID_IPERSIST,
    "IPersistStream": IID_IPERSISTSTREAM,
    "IPersistStreamInit": IID_IPERSISTSTREAMINIT,
    "IPersistPropertyBag": IID_IPERSISTPROPERTYBAG,
    "IPersistStorage": IID_IPERSISTSTORAGE,
    "IPersistFile": IID_IPERSISTFILE,
    "IShellLink": IID_ISHELLLINKA,
    "IShellLinkW": IID_ISHELLLINKW,
    "IExternalConnection": IID_IEXTERNALCONNECTION,
}


def _interface_iid(value: object) -> str:
    """An entry of ``_com_interfaces_``: an IID, or an interface name ("IStream")."""
    if isinstance(value, str) and not value.startswith("{"):
        try:
            return _INTERFACE_NAMES[value]
        except KeyError:
            raise ValueError(f"{value!r} names no interface this layer knows") from None
    return iid_text(value)


class Policy:
    """How a Python object answers COM calls: the base of every policy.

    ``obj`` is the object; ``names`` maps lower-case member names to DISPIDs;
    ``interfaces`` holds the IIDs of ``_com_interfaces_``. A subclass implements
    :meth:`invoke` and, unless ``names`` serves, :meth:`get_ids_of_names`.
    """

    def __init__(self, obj: object) -> None:
        self.obj = obj
        self.names: dict[str, int] = {}
        self.interfaces = frozenset(_interface_iid(i) for i in getattr(obj, "_com_interfaces_", ()))
        self._query = getattr(obj, "_query_interface_", None)

    @property
    def target(self) -> object:
        """What answers the calls: the policy itself (a face's adapter gives what it adapts)."""
        return self

    def query_interface(self, iid: str) -> Any:  # noqa: ANN401
        """Tell whether the object implements ``iid``: true, false, or a pointer for it."""
        if iid in self.interfaces:
            return True
        query = self._query
        return None if query is None else query(FACES.iid(iid))

    def get_ids_of_names(self, names: Sequence[str]) -> list[int]:
        """Return the DISPID of a member name; a named argument is unknown (GetIDsOfNames).

        Raises:
            ComError: DISP_E_UNKNOWNNAME for an unknown name, or for more than one name.
        """
        if len(names) != 1:
            unknown = names[1] if names else ""
            raise COMException(scode=DISP_E_UNKNOWNNAME, desc=f"no argument named {unknown!r}")
        return [self.get_dispid(names[0])]

    def get_dispid(self, name: str, flags: int = 0) -> int:
        """Return the DISPID of ``name`` (IDispatchEx::GetDispID)."""
        dispid = self.names.get(name.lower())
        if dispid is None:
            raise COMException(scode=DISP_E_UNKNOWNNAME)
        return dispid

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """Call, get or put the member ``dispid`` (or named so) as ``flags`` say (Invoke)."""
        raise COMException(scode=E_NOTIMPL)

    def invoke_ex(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """IDispatchEx::InvokeEx, and the methods of other interfaces (by name)."""
        return self.invoke(dispid, flags, args)

    def get_next_dispid(self, flags: int, dispid: int) -> int:
        """Return the DISPID after ``dispid`` in order (DISPID_STARTENUM: the first).

        Raises:
            ComError: S_FALSE after the last one; E_UNEXPECTED for an unknown ``dispid``.
        """
        ids = sorted(set(self.names.values()) - {DISPID_STARTENUM})
        if dispid == DISPID_STARTENUM:
            if not ids:
                raise COMException(scode=S_FALSE)
            return ids[0]
        if dispid not in ids:
            raise COMException(scode=E_UNEXPECTED)
        position = ids.index(dispid) + 1
        if position == len(ids):
            raise COMException(scode=S_FALSE)
        return ids[position]

    def get_member_name(self, dispid: int) -> str:
        """Return the name of the member ``dispid`` (IDispatchEx::GetMemberName)."""
        raise COMException(scode=E_NOTIMPL)


class DispatchPolicy(Policy):
    """IDispatch by the object's ``_public_*_`` attributes (pywin32's DesignatedWrapPolicy).

    Raises:
        ValueError: the object names no ``_public_methods_`` (nor ``_typelib_guid_``).
    """

    def __init__(self, obj: object) -> None:
        if not hasattr(obj, "_public_methods_") and not hasattr(obj, "_typelib_guid_"):
            raise ValueError(
                "Object does not support DesignatedWrapPolicy, as it does not have either "
                "_public_methods_ or _typelib_guid_ attributes."
            )
        super().__init__(obj)
        self.methods: dict[int, str] = dict(getattr(obj, "_dispid_to_func_", {}))
        self.getters: dict[int, str] = dict(getattr(obj, "_dispid_to_get_", {}))
        self.putters: dict[int, str] = dict(getattr(obj, "_dispid_to_put_", {}))
        names = self.names
        for table in (self.methods, self.getters, self.putters):
            for dispid, name in table.items():
                names[name.lower()] = dispid
        if hasattr(obj, "_value_"):
            self.getters[DISPID_VALUE] = "_value_"
            self.putters[DISPID_PROPERTYPUT] = "_value_"
        for name, dispid in (("_NewEnum", DISPID_NEWENUM), ("_Evaluate", DISPID_EVALUATE)):
            if hasattr(obj, name):
                names[name.lower()] = dispid
                self.methods[dispid] = name
        readonly = getattr(obj, "_readonly_attrs_", ())
        last = FIRST_DISPID - 1
        for name in getattr(obj, "_public_attrs_", ()):
            dispid, last = self._allocate(name, last)
            self.getters[dispid] = name
            if name not in readonly:
                self.putters[dispid] = name
        for name in getattr(obj, "_public_methods_", ()):
            dispid, last = self._allocate(name, last)
            self.methods[dispid] = name

    def _allocate(self, name: str, last: int) -> tuple[int, int]:
        """The DISPID of ``name``: its own if known, else the next unused one after ``last``."""
        key = name.lower()
        dispid = self.names.get(key)
        if dispid is None:
            dispid = last + 1
            while dispid in self.methods or dispid in self.getters or dispid in self.putters:
                dispid += 1
            self.names[key] = last = dispid
        return dispid, last

    def get_member_name(self, dispid: int) -> str:
        """Return the member name of ``dispid``; DISP_E_MEMBERNOTFOUND for an unknown one."""
        for table in (self.methods, self.getters, self.putters):
            name = table.get(dispid)
            if name is not None:
                return name
        raise COMException(scode=DISP_E_MEMBERNOTFOUND)

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """Call, get or put the member ``dispid`` as ``flags`` say, with ``args``.

        Raises:
            ComError: DISP_E_MEMBERNOTFOUND for an unknown id or a kind the member lacks,
                E_INVALIDARG for flags that name no kind.
        """
        if isinstance(dispid, str):
            found = self.names.get(dispid.lower())
            if found is None:
                raise COMException(scode=DISP_E_MEMBERNOTFOUND, desc="Member not found")
            dispid = found
        if flags & DISPATCH_METHOD:
            name = self.methods.get(dispid)
            if name is not None:
                try:
                    method = getattr(self.obj, name)
                except AttributeError:
                    raise COMException(scode=DISP_E_MEMBERNOTFOUND) from None
                return method(*args)
            if not flags & DISPATCH_PROPERTYGET:
                raise COMException(scode=DISP_E_MEMBERNOTFOUND)
        if flags & DISPATCH_PROPERTYGET:
            name = self.getters.get(dispid)
            if name is None:
                raise COMException(scode=DISP_E_MEMBERNOTFOUND)
            value = getattr(self.obj, name)
            return value(*args) if isinstance(value, types.MethodType) else value
        if flags & (DISPATCH_PROPERTYPUT | DISPATCH_PROPERTYPUTREF):
            name = self.putters.get(dispid)
            if name is None:
                raise COMException(scode=DISP_E_MEMBERNOTFOUND)
            setter = getattr(self.obj, "Set" + name, None)
            getter = getattr(self.obj, name, None)
            if isinstance(setter, types.MethodType) and isinstance(getter, types.MethodType):
                setter(*args)  # a get method with a Set<name> method: a property pair
            else:
                setattr(self.obj, name, args[0])
            return None
        raise COMException(scode=E_INVALIDARG, desc="invalid wFlags")


class DynamicPolicy(Policy):
    """Every call by name to the object's ``_dynamic_(name, lcid, flags, args)``.

    DISPID_VALUE is the name ``_value_`` and DISPID_NEWENUM ``_NewEnum``; any other name
    asked for gets the next DISPID from 1001 on (keeping the case it was first asked with).

    Raises:
        ValueError: the object has no ``_dynamic_``.
    """

    def __init__(self, obj: object) -> None:
        super().__init__(obj)
        if not hasattr(obj, "_dynamic_"):
            raise ValueError("Object does not support Dynamic COM Policy")
        self._last = FIRST_DISPID
        self._dispid_names: dict[int, str] = {DISPID_VALUE: "_value_", DISPID_NEWENUM: "_NewEnum"}

    def get_dispid(self, name: str, flags: int = 0) -> int:
        """Return the DISPID of ``name``, giving it the next one if it is new."""
        key = name.lower()
        with KERNEL_LOCK:  # MTA threads may ask at once; a lock of its own would need forks
            dispid = self.names.get(key)
            if dispid is None:
                self._last += 1
                dispid = self.names[key] = self._last
                self._dispid_names[dispid] = name
        return dispid

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """Call ``_dynamic_`` with the member's name.

        Raises:
            ComError: DISP_E_MEMBERNOTFOUND for a DISPID never handed out.
        """
        if isinstance(dispid, str):
            found = self.names.get(dispid.lower())
            if found is None:
                raise COMException(scode=DISP_E_MEMBERNOTFOUND, desc="Member not found")
            dispid = found
        name = self._dispid_names.get(dispid)
        if name is None:
            raise COMException(scode=DISP_E_MEMBERNOTFOUND, desc="Member not found")
        return self.obj._dynamic_(name, 0, flags, args)  # type: ignore[attr-defined]
