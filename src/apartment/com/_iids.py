"""Interface identifiers: the IIDs of the interfaces this layer knows, and reading an IID.

The values are Windows' (the SDK's headers; pywin32 exports the same as ``pythoncom.IID_*``).
An IID is kept as its canonical braced, upper-case string. :data:`GATEWAY_IIDS` are the
interfaces a Python COM server can implement by listing them in ``_com_interfaces_`` (the
ones the layer has a method table for); IUnknown, IDispatch and IDispatchEx every Python
server implements anyway.
"""

from __future__ import annotations

import uuid

from ._class_entry import normalize_clsid
from ._faces import FACES

__all__ = [
    "IID_NULL",
    "IID_IUNKNOWN",
    "IID_IDISPATCH",
    "IID_IDISPATCHEX",
    "IID_ISTREAM",
    "IID_ISEQUENTIALSTREAM",
    "IID_IENUMVARIANT",
    "IID_ICONNECTIONPOINTCONTAINER",
    "IID_ICONNECTIONPOINT",
    "IID_IENUMCONNECTIONS",
    "IID_IENUMCONNECTIONPOINTS",
    "IID_IPROPERTYBAG",
    "IID_IERRORLOG",
    "IID_IPERSIST",
    "IID_IPERSISTSTREAM",
    "IID_IPERSISTSTREAMINIT",
    "IID_IPERSISTPROPERTYBAG",
    "IID_IPERSISTSTORAGE",
    "IID_IEXTERNALCONNECTION",
    "IID_IGLOBALINTERFACETABLE",
    "IID_IPROVIDECLASSINFO",
    "IID_ICLASSFACTORY",
    "IID_IMONIKER",
    "IID_IBINDCTX",
    "IID_IRUNNINGOBJECTTABLE",
    "IID_IENUMMONIKER",
    "IID_IPARSEDISPLAYNAME",
    "IID_IOLEITEMCONTAINER",
    "IID_IDATAOBJECT",
    "IID_IENUMFORMATETC",
    "DISPATCH_IIDS",
    "GATEWAY_IIDS",
    "DERIVED_IIDS",
    "iid_text",
    "new_guid",
    "serves_interface",
]

IID_NULL = "{00000000-0000-0000-0000-000000000000}"
IID_IUNKNOWN = "{00000000-0000-0000-C000-000000000046}"
IID_IDISPATCH = "{00020400-0000-0000-C000-000000000046}"
IID_IDISPATCHEX = "{A6EF9860-C720-11D0-9337-00A0C90DCAA9}"
IID_ISTREAM = "{0000000C-0000-0000-C000-000000000046}"
IID_ISEQUENTIALSTREAM = "{0C733A30-2A1C-11CE-ADE5-00AA0044773D}"
IID_IENUMVARIANT = "{00020404-0000-0000-C000-000000000046}"
IID_ICONNECTIONPOINTCONTAINER = "{B196B284-BAB4-101A-B69C-00AA00341D07}"
IID_ICONNECTIONPOINT = "{B196B286-BAB4-101A-B69C-00AA00341D07}"
IID_IENUMCONNECTIONS = "{B196B287-BAB4-101A-B69C-00AA00341D07}"
IID_IENUMCONNECTIONPOINTS = "{B196B285-BAB4-101A-B69C-00AA00341D07}"
IID_IPROPERTYBAG = "{55272A00-42CB-11CE-8135-00AA004BB851}"
IID_IERRORLOG = "{3127CA40-446E-11CE-8135-00AA004BB851}"
IID_IPERSIST = "{0000010C-0000-0000-C000-000000000046}"
IID_IPERSISTSTREAM = "{00000109-0000-0000-C000-000000000046}"
IID_IPERSISTSTREAMINIT = "{7FD52380-4E07-101B-AE2D-08002B2EC713}"
IID_IPERSISTPROPERTYBAG = "{37D84F60-42CB-11CE-8135-00AA004BB851}"
IID_IPERSISTSTORAGE = "{0000010A-0000-0000-C000-000000000046}"
IID_IEXTERNALCONNECTION = "{00000019-0000-0000-C000-000000000046}"
IID_IGLOBALINTERFACETABLE = "{00000146-0000-0000-C000-000000000046}"
IID_IPROVIDECLASSINFO = "{B196B283-BAB4-101A-B69C-00AA00341D07}"
IID_ICLASSFACTORY = "{00000001-0000-0000-C000-000000000046}"
IID_IMONIKER = "{0000000F-0000-0000-C000-000000000046}"
IID_IBINDCTX = "{0000000E-0000-0000-C000-000000000046}"
IID_IRUNNINGOBJECTTABLE = "{00000010-0000-0000-C000-000000000046}"
IID_IENUMMONIKER = "{00000102-0000-0000-C000-000000000046}"
IID_IPARSEDISPLAYNAME = "{0000011A-0000-0000-C000-000000000046}"
IID_IOLEITEMCONTAINER = "{0000011C-0000-0000-C000-000000000046}"
IID_IDATAOBJECT = "{0000010E-0000-0000-C000-000000000046}"
IID_IENUMFORMATETC = "{00000103-0000-0000-C000-000000000046}"
IID_IDROPSOURCE = "{00000121-0000-0000-C000-000000000046}"
IID_IDROPTARGET = "{00000122-0000-0000-C000-000000000046}"

DISPATCH_IIDS = frozenset({IID_IUNKNOWN, IID_IDISPATCH, IID_IDISPATCHEX})
"""What every Python COM server answers QueryInterface for, whatever it lists."""

GATEWAY_IIDS = frozenset(
    {
        IID_ISTREAM,
        IID_ISEQUENTIALSTREAM,
        IID_IENUMVARIANT,
        IID_ICONNECTIONPOINTCONTAINER,
        IID_ICONNECTIONPOINT,
        IID_IPROPERTYBAG,
        IID_IERRORLOG,
        IID_IPERSIST,
        IID_IPERSISTSTREAM,
        IID_IPERSISTSTREAMINIT,
        IID_IPERSISTPROPERTYBAG,
        IID_IPERSISTSTORAGE,
        IID_IEXTERNALCONNECTION,
        IID_IPARSEDISPLAYNAME,
        IID_IOLEITEMCONTAINER,
        IID_IDATAOBJECT,
        IID_IENUMFORMATETC,
        IID_IDROPSOURCE,
        IID_IDROPTARGET,
    }
)
"""The other interfaces a Python server can implement (name them in ``_com_interfaces_``)."""

DERIVED_IIDS = {
    IID_IPERSIST: (
        IID_IPERSISTSTREAM, IID_IPERSISTSTREAMINIT, IID_IPERSISTPROPERTYBAG, IID_IPERSISTSTORAGE,
    ),
    IID_ISEQUENTIALSTREAM: (IID_ISTREAM,),
}  # fmt: skip
"""The interfaces derived from a base interface: an object implementing one implements it."""


def iid_text(value: object) -> str:
    """Read an IID: a braced GUID string, a :class:`uuid.UUID`, or an IID object (``str()``).

    Raises:
        TypeError: ``value`` is none of those (pywin32's message).
        ClassStringError: the string is not a braced GUID (CO_E_CLASSSTRING).
    """
    if isinstance(value, (str, uuid.UUID)):
        return normalize_clsid(value)
    if isinstance(value, FACES.iid_type):
        return normalize_clsid(str(value))  # an IID object (pywintypes.IID)
    raise TypeError("Only strings and iids can be converted to a CLSID.")


def new_guid() -> str:
    """A new, random GUID (version 4), braced and upper-case as IIDs are (CoCreateGuid)."""
    return "{" + str(uuid.uuid4()).upper() + "}"


def serves_interface(iid: str) -> bool:
    """Whether a Python COM server can implement the interface ``iid`` (a canonical IID).

    pywin32 calls this having a *gateway* registered for it (IsGatewayRegistered).
    """
    return iid in DISPATCH_IIDS or iid in GATEWAY_IIDS
