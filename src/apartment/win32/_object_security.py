"""pywin32's ``win32security`` functions that read and set the security of objects.

``win32security`` re-exports every name here. Each translates pywin32's descriptor (a
PySECURITY_DESCRIPTOR, or its parts) to the kernel's :class:`apartment.kernel.Descriptor`
and back, and makes one kernel call: files (``apartment.kernel.file_security``) and kernel
objects (``apartment.kernel.object_security``) keep their descriptors there, under
Windows' rules (the SACL takes SeSecurityPrivilege, the owner SeRestorePrivilege to be
another than the caller's).
"""

from __future__ import annotations

import operator

from .. import kernel, registry
from ..errors import ERROR_INVALID_PARAMETER, ERROR_INVALID_SID, ERROR_NOT_SUPPORTED, Win32Error
from ._adapt import api, dword
from ._buffers import text_arg
from ._handles import PyHANDLE, handle_value, lookup
from ._security import (
    PyACL,
    PySECURITY_ATTRIBUTES,
    PySECURITY_DESCRIPTOR,
    PySID,
    sid_from_string,
    sid_to_string,
)

__all__ = [
    "GetFileSecurity", "SetFileSecurity", "GetKernelObjectSecurity", "SetKernelObjectSecurity",
    "GetSecurityInfo", "SetSecurityInfo", "GetNamedSecurityInfo", "SetNamedSecurityInfo",
    "MapGenericMask", "GetUserObjectSecurity", "SetUserObjectSecurity", "GetBinarySid",
    "SECURITY_NULL_SID_AUTHORITY", "SECURITY_WORLD_SID_AUTHORITY", "SECURITY_LOCAL_SID_AUTHORITY",
    "SECURITY_CREATOR_SID_AUTHORITY", "SECURITY_NON_UNIQUE_AUTHORITY", "SECURITY_NT_AUTHORITY",
    "SECURITY_RESOURCE_MANAGER_AUTHORITY", "STYPE_DISKTREE", "STYPE_PRINTQ", "STYPE_DEVICE",
    "STYPE_IPC", "STYPE_TEMPORARY", "STYPE_SPECIAL", "UNICODE",
    "ACCESS_ALLOWED_OBJECT_ACE_TYPE",
]  # fmt: skip

# SE_OBJECT_TYPE
SE_UNKNOWN_OBJECT_TYPE, SE_FILE_OBJECT, SE_SERVICE, SE_PRINTER, SE_REGISTRY_KEY = 0, 1, 2, 3, 4
SE_LMSHARE, SE_KERNEL_OBJECT, SE_WINDOW_OBJECT, SE_DS_OBJECT, SE_DS_OBJECT_ALL = 5, 6, 7, 8, 9
SE_PROVIDER_DEFINED_OBJECT, SE_WMIGUID_OBJECT, SE_REGISTRY_WOW64_32KEY = 10, 11, 12
# SECURITY_INFORMATION bits beyond the four parts
LABEL_SECURITY_INFORMATION = 0x10
PROTECTED_DACL_SECURITY_INFORMATION = -0x80000000  # pywin32 gives the signed value
PROTECTED_SACL_SECURITY_INFORMATION = 0x40000000
UNPROTECTED_DACL_SECURITY_INFORMATION = 0x20000000
UNPROTECTED_SACL_SECURITY_INFORMATION = 0x10000000
# control bits
SE_DACL_AUTO_INHERITED = 0x0400
SE_SACL_AUTO_INHERITED = 0x0800
SE_DACL_PROTECTED = 0x1000
SE_SACL_PROTECTED = 0x2000
SE_SELF_RELATIVE = 0x8000
# object ACE types, and the mandatory label's policy
ACCESS_ALLOWED_OBJECT_ACE_TYPE = 5
ACCESS_DENIED_OBJECT_ACE_TYPE = 6
SYSTEM_AUDIT_OBJECT_ACE_TYPE = 7
SYSTEM_MANDATORY_LABEL_NO_WRITE_UP = 0x1
SYSTEM_MANDATORY_LABEL_NO_READ_UP = 0x2
SYSTEM_MANDATORY_LABEL_NO_EXECUTE_UP = 0x4
SYSTEM_MANDATORY_LABEL_VALID_MASK = 0x7
# TRUSTEE_FORM, TRUSTEE_TYPE and the unused ACCESS_MODE
TRUSTEE_IS_SID, TRUSTEE_IS_NAME, TRUSTEE_BAD_FORM = 0, 1, 2
TRUSTEE_IS_OBJECTS_AND_SID, TRUSTEE_IS_OBJECTS_AND_NAME = 3, 4
TRUSTEE_IS_UNKNOWN, TRUSTEE_IS_USER, TRUSTEE_IS_GROUP, TRUSTEE_IS_DOMAIN = 0, 1, 2, 3
TRUSTEE_IS_ALIAS, TRUSTEE_IS_WELL_KNOWN_GROUP, TRUSTEE_IS_DELETED = 4, 5, 6
TRUSTEE_IS_INVALID, TRUSTEE_IS_COMPUTER = 7, 8
NOT_USED_ACCESS = 0
# SID authorities (as ntsecuritycon's), share types (STYPE_*), and pywin32's UNICODE flag
SECURITY_NULL_SID_AUTHORITY = 0
SECURITY_WORLD_SID_AUTHORITY = 1
SECURITY_LOCAL_SID_AUTHORITY = 2
SECURITY_CREATOR_SID_AUTHORITY = 3
SECURITY_NON_UNIQUE_AUTHORITY = 4
SECURITY_NT_AUTHORITY = 5
SECURITY_RESOURCE_MANAGER_AUTHORITY = 9
STYPE_DISKTREE, STYPE_PRINTQ, STYPE_DEVICE, STYPE_IPC = 0, 1, 2, 3
STYPE_TEMPORARY = 0x40000000
STYPE_SPECIAL = -2147483648  # 0x80000000, as pywin32 gives it (a C long)
UNICODE = 1

_OWNER, _GROUP, _DACL, _SACL = 0x1, 0x2, 0x4, 0x8
_READ_CONTROL, _WRITE_DAC, _WRITE_OWNER = 0x20000, 0x40000, 0x80000
_DACL_PRESENT, _SACL_PRESENT = 0x4, 0x10
_DEFAULT_FILE_INFORMATION = _OWNER | _GROUP | _DACL
_BY_HANDLE = _BY_NAME = (SE_FILE_OBJECT, SE_KERNEL_OBJECT, SE_REGISTRY_KEY)


def _aces(acl: PyACL | None) -> tuple[kernel.Ace, ...] | None:
    if acl is None:
        return None
    return tuple(kernel.Ace(k, f, m, sid_to_string(s)) for k, f, m, s in acl._aces)


def _acl(aces: tuple[kernel.Ace, ...] | None) -> PyACL | None:
    if aces is None:
        return None
    acl = PyACL(8)  # as long as its entries need, as a descriptor Windows gives
    for ace in aces:
        acl._add(ace.kind, ace.flags, ace.mask, sid_from_string(ace.sid))
    return acl


def _sid_text(sid: PySID | None) -> str | None:
    return None if sid is None else sid_to_string(sid)


def _to_core(sd: object) -> kernel.Descriptor:
    if not isinstance(sd, PySECURITY_DESCRIPTOR):
        raise TypeError("The object is not a PySECURITY_DESCRIPTOR object")
    return kernel.Descriptor(
        _sid_text(sd._owner), _sid_text(sd._group), _aces(sd._dacl), _aces(sd._sacl), sd._control
    )


def _from_core(descriptor: kernel.Descriptor) -> PySECURITY_DESCRIPTOR:
    sd = PySECURITY_DESCRIPTOR()
    sd._owner = None if descriptor.owner is None else sid_from_string(descriptor.owner)
    sd._group = None if descriptor.group is None else sid_from_string(descriptor.group)
    sd._dacl, sd._sacl = _acl(descriptor.dacl), _acl(descriptor.sacl)
    sd._control = descriptor.control
    return sd


def _parts(
    information: int, owner: object, group: object, dacl: object, sacl: object
) -> kernel.Descriptor:
    """The descriptor Set(Named)SecurityInfo's separate parts make (a None list: a NULL one)."""
    for sid in (owner, group):
        if sid is not None and not isinstance(sid, PySID):
            raise TypeError("The object is not a PySID object")
    for acl in (dacl, sacl):
        if acl is not None and not isinstance(acl, PyACL):
            raise TypeError("The object is not a PyACL object")
    control = (_DACL_PRESENT if information & _DACL else 0) | (
        _SACL_PRESENT if information & _SACL and sacl is not None else 0
    )
    return kernel.Descriptor(
        _sid_text(owner),  # type: ignore[arg-type]
        _sid_text(group),  # type: ignore[arg-type]
        _aces(dacl),  # type: ignore[arg-type]
        _aces(sacl),  # type: ignore[arg-type]
        control,
    )


def _token() -> kernel.Token:
    return kernel.effective_token(kernel.current_thread())


def _reading(information: int) -> int:
    """The handle rights reading these parts takes (READ_CONTROL, ACCESS_SYSTEM_SECURITY)."""
    rights = _READ_CONTROL if information & (_OWNER | _GROUP | _DACL) else 0
    return rights | (kernel.ACCESS_SYSTEM_SECURITY if information & _SACL else 0)


def _writing(information: int) -> int:
    """The handle rights setting these parts takes (WRITE_OWNER, WRITE_DAC...)."""
    rights = _WRITE_OWNER if information & (_OWNER | _GROUP) else 0
    rights |= _WRITE_DAC if information & _DACL else 0
    return rights | (kernel.ACCESS_SYSTEM_SECURITY if information & _SACL else 0)


@api("GetFileSecurity")
def GetFileSecurity(
    filename: str, info: int = _DEFAULT_FILE_INFORMATION, /
) -> PySECURITY_DESCRIPTOR:
    """The parts ``info`` names of a file's or directory's descriptor (owner, mode bits...)."""
    return _from_core(kernel.file_security(text_arg(filename), dword(info), _token()))


@api("SetFileSecurity")
def SetFileSecurity(filename: str, info: int, security: object, /) -> None:
    """Set the parts ``info`` names; a DACL sets the mode bits (``kernel.set_file_security``)."""
    kernel.set_file_security(text_arg(filename), dword(info), _to_core(security), _token())


def _handle_security(handle: object, info: int) -> PySECURITY_DESCRIPTOR:
    information = dword(info)
    obj = lookup(handle, object, _reading(information))
    return _from_core(kernel.security_of(obj, information, _token()))


@api("GetKernelObjectSecurity")
def GetKernelObjectSecurity(handle: object, info: int, /) -> PySECURITY_DESCRIPTOR:
    """The descriptor of the object a handle opens (the SACL: ACCESS_SYSTEM_SECURITY)."""
    return _handle_security(handle, info)


@api("GetUserObjectSecurity")
def GetUserObjectSecurity(handle: object, info: int, /) -> PySECURITY_DESCRIPTOR:
    """As GetKernelObjectSecurity (user32 asks the same object manager)."""
    return _handle_security(handle, info)


@api("SetUserObjectSecurity")
def SetUserObjectSecurity(handle: object, info: int, security: object, /) -> None:
    """As SetKernelObjectSecurity (user32 asks the same object manager)."""
    _set_handle_security(handle, info, security)


@api("SetKernelObjectSecurity")
def SetKernelObjectSecurity(handle: object, info: int, security: object, /) -> None:
    """Set parts of the descriptor of the object a handle opens (WRITE_DAC, WRITE_OWNER...)."""
    _set_handle_security(handle, info, security)


def _set_handle_security(handle: object, info: int, security: object) -> None:
    information = dword(info)
    given = _to_core(security)
    obj = lookup(handle, object, _writing(information))
    kernel.set_security_of(obj, information, given, _token())


def _object_type(value: object, *supported: int) -> int:
    kind = operator.index(value)  # type: ignore[arg-type]
    if kind not in supported:
        raise Win32Error.from_code(
            ERROR_NOT_SUPPORTED if 0 < kind <= SE_REGISTRY_WOW64_32KEY else ERROR_INVALID_PARAMETER,
            f"SE_OBJECT_TYPE {kind} is not one whose security is kept here",
        )
    return kind


@api("GetSecurityInfo")
def GetSecurityInfo(handle: object, ObjectType: int, SecurityInfo: int, /) -> PySECURITY_DESCRIPTOR:
    """The descriptor of the object a handle opens (a file, kernel object or registry key)."""
    if _object_type(ObjectType, *_BY_HANDLE) == SE_REGISTRY_KEY:
        return key_security(handle, SecurityInfo)
    return _handle_security(handle, SecurityInfo)


@api("SetSecurityInfo")
def SetSecurityInfo(
    handle: object, ObjectType: int, SecurityInfo: int, Owner: object, Group: object,
    Dacl: object, Sacl: object, /,
) -> None:  # fmt: skip
    """Set the parts of a descriptor given separately; a None DACL is a NULL DACL."""
    kind = _object_type(ObjectType, *_BY_HANDLE)
    information = dword(SecurityInfo)
    given = _parts(information, Owner, Group, Dacl, Sacl)
    if kind == SE_REGISTRY_KEY:
        _set_key_security(handle, information, given)
        return
    obj = lookup(handle, object, _writing(information))
    kernel.set_security_of(obj, information, given, _token())


def key_security(handle: object, info: int) -> PySECURITY_DESCRIPTOR:
    """The descriptor of the registry key a handle opens (RegGetKeySecurity's work)."""
    information = dword(info)
    key = registry.key_of_handle(handle_value(handle), _reading(information))
    return _from_core(registry.key_security(key, information, _token()))


def set_key_security(handle: object, info: int, security: object) -> None:
    """Set parts of the descriptor of the key a handle opens (RegSetKeySecurity's work)."""
    _set_key_security(handle, dword(info), _to_core(security))


def _set_key_security(handle: object, information: int, given: kernel.Descriptor) -> None:
    key = registry.key_of_handle(handle_value(handle), _writing(information))
    registry.set_key_security(key, information, given, _token())


@api("GetNamedSecurityInfo")
def GetNamedSecurityInfo(
    ObjectName: str, ObjectType: int, SecurityInfo: int, /
) -> PySECURITY_DESCRIPTOR:
    """The descriptor of a file, a key (named from ``CURRENT_USER``) or a named object."""
    name, information = text_arg(ObjectName), dword(SecurityInfo)
    kind = _object_type(ObjectType, *_BY_NAME)
    if kind == SE_REGISTRY_KEY:
        key = registry.key_by_name(name)
        return _from_core(registry.key_security(key, information, _token()))
    if kind == SE_KERNEL_OBJECT:
        return _from_core(kernel.named_security(name, information, _token()))
    return _from_core(kernel.file_security(name, information, _token()))


@api("SetNamedSecurityInfo")
def SetNamedSecurityInfo(
    ObjectName: str, ObjectType: int, SecurityInfo: int, Owner: object, Group: object,
    Dacl: object, Sacl: object, /,
) -> None:  # fmt: skip
    """Set the parts of a file's or key's descriptor given separately (a None DACL: NULL)."""
    kind = _object_type(ObjectType, *_BY_NAME)
    name, information = text_arg(ObjectName), dword(SecurityInfo)
    given = _parts(information, Owner, Group, Dacl, Sacl)
    if kind == SE_REGISTRY_KEY:
        registry.set_key_security(registry.key_by_name(name), information, given, _token())
    elif kind == SE_KERNEL_OBJECT:
        kernel.set_named_security(name, information, given, _token())
    else:
        kernel.set_file_security(name, information, given, _token())


@api("GetBinarySid")
def GetBinarySid(SID: str, /) -> PySID:
    """The PySID a string SID (``S-1-5-32-544``) names."""
    if not isinstance(SID, str):
        raise TypeError("SID must be a string")
    try:
        return sid_from_string(SID)
    except ValueError:
        raise Win32Error.from_code(ERROR_INVALID_SID, f"{SID!r} is not a string SID") from None


@api("MapGenericMask")
def MapGenericMask(AccessMask: int, GenericMapping: object, /) -> int:
    """``AccessMask`` with GENERIC_* replaced by a (read, write, execute, all) mapping's rights."""
    mask = dword(AccessMask)
    if not isinstance(GenericMapping, tuple) or len(GenericMapping) != 4:
        raise TypeError("The GENERIC_MAPPING must be a tuple of 4 integers")
    mapping = kernel.GenericMapping(*(dword(part) for part in GenericMapping))
    return kernel.map_generic_mask(mask, mapping)


def give_created_descriptor(handle: PyHANDLE, attributes: object, *, existed: bool) -> None:
    """Give a new object the descriptor of the SECURITY_ATTRIBUTES it was created with.

    Create* call this; an object that existed keeps its own, as on Windows.
    """
    if existed or not isinstance(attributes, PySECURITY_ATTRIBUTES):
        return
    sd = attributes.SECURITY_DESCRIPTOR
    if sd is None or not (sd._owner or sd._group or sd._control & (_DACL_PRESENT | _SACL_PRESENT)):
        return
    kernel.give_descriptor(lookup(handle, object), _to_core(sd), _token())
