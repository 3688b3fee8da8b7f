"""Security descriptors of objects: who owns a kernel object, and what its access lists say.

Windows gives every securable object a descriptor: an owner, a primary group, a
discretionary access list (DACL: who may do what) and a system access list (SACL: what is
audited). Here a descriptor is a :class:`Descriptor` of :class:`Ace` entries naming SIDs as
text. Kernel objects (events, mutexes, semaphores, pipes, processes, threads, tokens...) get
the creating token's default descriptor the first time one is asked for, and keep what
:func:`set_object_security` gives them for their life, in this process.

Windows' rules for reading and writing one, which hold here (``docs/differences-from-windows.md``
says what does not):

* the SACL takes SeSecurityPrivilege, enabled in the caller's token (ERROR_PRIVILEGE_NOT_HELD);
* the owner may only be the caller's user or a group of its token that may own objects
  (SE_GROUP_OWNER), unless SeRestorePrivilege is enabled (ERROR_INVALID_OWNER);
* PROTECTED_/UNPROTECTED_ bits of the information set or clear the descriptor's
  SE_DACL_PROTECTED / SE_SACL_PROTECTED control bits with the list they come with.

The access lists are kept and read back; no access is checked against them (the user's own
runtime directory guards what crosses processes).
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, NamedTuple

from ..errors import (
    ERROR_INVALID_OWNER,
    ERROR_INVALID_PARAMETER,
    ERROR_PRIVILEGE_NOT_HELD,
    Win32Error,
)
from ._accounts import ADMINISTRATORS_SID

if TYPE_CHECKING:
    from ._token import Token

__all__ = [
    "Ace",
    "Descriptor",
    "GenericMapping",
    "map_generic_mask",
    "default_descriptor",
    "select_parts",
    "merge_parts",
    "check_parts_access",
    "object_security",
    "set_object_security",
    "give_descriptor",
    "ExplicitEntry",
    "set_entries",
    "explicit_entries",
    "OWNER_SECURITY_INFORMATION",
    "GROUP_SECURITY_INFORMATION",
    "DACL_SECURITY_INFORMATION",
    "SACL_SECURITY_INFORMATION",
    "LABEL_SECURITY_INFORMATION",
    "PROTECTED_DACL_SECURITY_INFORMATION",
    "PROTECTED_SACL_SECURITY_INFORMATION",
    "UNPROTECTED_DACL_SECURITY_INFORMATION",
    "UNPROTECTED_SACL_SECURITY_INFORMATION",
    "SE_DACL_PRESENT",
    "SE_SACL_PRESENT",
    "SE_DACL_PROTECTED",
    "SE_SACL_PROTECTED",
    "SE_SELF_RELATIVE",
    "READ_CONTROL",
    "WRITE_DAC",
    "WRITE_OWNER",
    "ACCESS_SYSTEM_SECURITY",
    "FILE_MAPPING",
    "EVENT_MAPPING",
    "MUTEX_MAPPING",
    "SEMAPHORE_MAPPING",
    "PROCESS_MAPPING",
    "THREAD_MAPPING",
    "KEY_MAPPING",
]

OWNER_SECURITY_INFORMATION = 0x1
GROUP_SECURITY_INFORMATION = 0x2
DACL_SECURITY_INFORMATION = 0x4
SACL_SECURITY_INFORMATION = 0x8
LABEL_SECURITY_INFORMATION = 0x10
PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000
PROTECTED_SACL_SECURITY_INFORMATION = 0x40000000
UNPROTECTED_DACL_SECURITY_INFORMATION = 0x20000000
UNPROTECTED_SACL_SECURITY_INFORMATION = 0x10000000

SE_OWNER_DEFAULTED = 0x0001
SE_GROUP_DEFAULTED = 0x0002
SE_DACL_PRESENT = 0x0004
SE_SACL_PRESENT = 0x0010
SE_DACL_PROTECTED = 0x1000
SE_SACL_PROTECTED = 0x2000
SE_SELF_RELATIVE = 0x8000

READ_CONTROL = 0x00020000
WRITE_DAC = 0x00040000
WRITE_OWNER = 0x00080000
ACCESS_SYSTEM_SECURITY = 0x01000000

_GENERIC_READ = 0x80000000
_GENERIC_WRITE = 0x40000000
_GENERIC_EXECUTE = 0x20000000
_GENERIC_ALL = 0x10000000
_SYSTEM_SID = "S-1-5-18"
_ACCESS_ALLOWED = 0


class Ace(NamedTuple):
    """One access-control entry: its ACE type, flags, access mask and the SID it names."""

    kind: int
    flags: int
    mask: int
    sid: str


class Descriptor(NamedTuple):
    """A security descriptor: its parts (None: absent) and its SE_* control bits.

    A DACL that is present but None (SE_DACL_PRESENT with ``dacl`` None) is Windows' NULL
    DACL, which grants everyone everything; an empty tuple is a DACL that grants nothing.
    """

    owner: str | None = None
    group: str | None = None
    dacl: tuple[Ace, ...] | None = None
    sacl: tuple[Ace, ...] | None = None
    control: int = 0


class GenericMapping(NamedTuple):
    """The rights GENERIC_READ, _WRITE, _EXECUTE and _ALL stand for on a kind of object."""

    read: int
    write: int
    execute: int
    all: int


# Windows' GENERIC_MAPPING of each kind of object (the values are Windows').
FILE_MAPPING = GenericMapping(0x120089, 0x120116, 0x1200A0, 0x1F01FF)
EVENT_MAPPING = GenericMapping(0x20001, 0x20002, 0x120000, 0x1F0003)
MUTEX_MAPPING = GenericMapping(0x20001, 0x20000, 0x120000, 0x1F0001)
SEMAPHORE_MAPPING = GenericMapping(0x20001, 0x20002, 0x120000, 0x1F0003)
PROCESS_MAPPING = GenericMapping(0x20410, 0x20BEA, 0x121000, 0x1FFFFF)
THREAD_MAPPING = GenericMapping(0x20048, 0x200B7, 0x121800, 0x1FFFFF)
KEY_MAPPING = GenericMapping(0x20019, 0x20006, 0x20019, 0xF003F)


def map_generic_mask(mask: int, mapping: GenericMapping) -> int:
    """Replace the GENERIC_* bits of ``mask`` by the rights ``mapping`` gives (MapGenericMask)."""
    mapped = mask & ~(_GENERIC_READ | _GENERIC_WRITE | _GENERIC_EXECUTE | _GENERIC_ALL)
    for bit, rights in (
        (_GENERIC_READ, mapping.read),
        (_GENERIC_WRITE, mapping.write),
        (_GENERIC_EXECUTE, mapping.execute),
        (_GENERIC_ALL, mapping.all),
    ):
        if mask & bit:
            mapped |= rights
    return mapped & 0xFFFFFFFF


def default_descriptor(token: Token, mapping: GenericMapping) -> Descriptor:
    r"""The descriptor an object created by ``token``'s user gets (its default DACL).

    As a Windows token's default DACL: full access for the token's owner (the user, or
    BUILTIN\\Administrators for an elevated administrator) and for SYSTEM.
    """
    dacl = (
        Ace(_ACCESS_ALLOWED, 0, mapping.all, token.owner),
        Ace(_ACCESS_ALLOWED, 0, mapping.all, _SYSTEM_SID),
    )
    return Descriptor(token.owner, token.primary_group, dacl, None, SE_DACL_PRESENT)


def select_parts(descriptor: Descriptor, information: int) -> Descriptor:
    """The parts of ``descriptor`` that ``information`` asks for, the others absent."""
    owner = descriptor.owner if information & OWNER_SECURITY_INFORMATION else None
    group = descriptor.group if information & GROUP_SECURITY_INFORMATION else None
    control = descriptor.control & ~(SE_OWNER_DEFAULTED | SE_GROUP_DEFAULTED)
    dacl = sacl = None
    if information & DACL_SECURITY_INFORMATION:
        dacl = descriptor.dacl
    else:
        control &= ~(SE_DACL_PRESENT | SE_DACL_PROTECTED)
    if information & SACL_SECURITY_INFORMATION:
        sacl = descriptor.sacl
    else:
        control &= ~(SE_SACL_PRESENT | SE_SACL_PROTECTED)
    return Descriptor(owner, group, dacl, sacl, control | SE_SELF_RELATIVE)


def _enabled(token: Token, privilege: str) -> bool:
    return token.privilege_enabled(privilege)


def check_parts_access(token: Token, information: int, *, setting: bool) -> None:
    """Check the privileges reading (or setting) the parts ``information`` names takes.

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD for the SACL without SeSecurityPrivilege enabled.
    """
    if information & SACL_SECURITY_INFORMATION and not _enabled(token, "SeSecurityPrivilege"):
        verb = "setting" if setting else "reading"
        raise Win32Error.from_code(
            ERROR_PRIVILEGE_NOT_HELD,
            f"{verb} a SACL takes SeSecurityPrivilege, enabled (AdjustTokenPrivileges); "
            "only an administrator's token holds it",
        )


def _check_owner(token: Token, owner: str) -> None:
    if owner == token.user or _enabled(token, "SeRestorePrivilege"):
        return
    if any(sid == owner and attrs & 0x8 for sid, attrs in token.groups):  # SE_GROUP_OWNER
        return
    if owner == ADMINISTRATORS_SID and token.elevated:
        return
    raise Win32Error.from_code(
        ERROR_INVALID_OWNER,
        f"{owner} may not own objects of this user: the owner must be the user or a group "
        "of its token that may own objects, unless SeRestorePrivilege is enabled",
    )


def merge_parts(
    current: Descriptor, information: int, given: Descriptor, token: Token
) -> Descriptor:
    """``current`` with the parts ``information`` names taken from ``given`` (Set*Security).

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD (a SACL without SeSecurityPrivilege),
            ERROR_INVALID_OWNER (an owner the token may not give), ERROR_INVALID_PARAMETER
            (an owner or group asked for and absent).
    """
    check_parts_access(token, information, setting=True)
    owner, group, dacl, sacl, control = current
    if information & OWNER_SECURITY_INFORMATION:
        if given.owner is None:
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "the descriptor has no owner")
        _check_owner(token, given.owner)
        owner = given.owner
    if information & GROUP_SECURITY_INFORMATION:
        if given.group is None:
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "the descriptor has no group")
        group = given.group
    if information & DACL_SECURITY_INFORMATION:
        dacl = given.dacl
        control = _present(control, SE_DACL_PRESENT, given.control & SE_DACL_PRESENT)
        protect = information & PROTECTED_DACL_SECURITY_INFORMATION or (
            given.control & SE_DACL_PROTECTED
            and not information & UNPROTECTED_DACL_SECURITY_INFORMATION
        )
        control = _present(control, SE_DACL_PROTECTED, protect)
    if information & SACL_SECURITY_INFORMATION:
        sacl = given.sacl
        control = _present(control, SE_SACL_PRESENT, given.control & SE_SACL_PRESENT)
        protect = information & PROTECTED_SACL_SECURITY_INFORMATION or (
            given.control & SE_SACL_PROTECTED
            and not information & UNPROTECTED_SACL_SECURITY_INFORMATION
        )
        control = _present(control, SE_SACL_PROTECTED, protect)
    return Descriptor(owner, group, dacl, sacl, control)


def _present(control: int, bit: int, on: object) -> int:
    return control | bit if on else control & ~bit


_lock = threading.Lock()
_descriptors: weakref.WeakKeyDictionary[object, Descriptor] = weakref.WeakKeyDictionary()


def _mapping_of(obj: object) -> GenericMapping:
    mapping: GenericMapping = getattr(type(obj), "generic_mapping", EVENT_MAPPING)
    return mapping


def object_security(obj: object, information: int, token: Token) -> Descriptor:
    """The parts ``information`` names of a kernel object's descriptor (GetKernelObjectSecurity).

    An object asked for the first time gets ``token``'s default descriptor (it is kept).

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD for the SACL without SeSecurityPrivilege.
    """
    check_parts_access(token, information, setting=False)
    return select_parts(_stored(obj, token), information)


def _stored(obj: object, token: Token) -> Descriptor:
    with _lock:
        descriptor = _descriptors.get(obj)
        if descriptor is None:
            descriptor = default_descriptor(token, _mapping_of(obj))
            _descriptors[obj] = descriptor
    return descriptor


def set_object_security(obj: object, information: int, given: Descriptor, token: Token) -> None:
    """Replace the parts ``information`` names of a kernel object's descriptor.

    Raises:
        Win32Error: as :func:`merge_parts`.
    """
    current = _stored(obj, token)
    merged = merge_parts(current, information, given, token)
    with _lock:
        _descriptors[obj] = merged


def give_descriptor(obj: object, given: Descriptor, token: Token) -> None:
    """Give a new object the descriptor its creator passed (SECURITY_ATTRIBUTES).

    The parts the creator left out are the token's defaults.
    """
    base = default_descriptor(token, _mapping_of(obj))
    descriptor = Descriptor(
        given.owner or base.owner,
        given.group or base.group,
        given.dacl if given.control & SE_DACL_PRESENT else base.dacl,
        given.sacl if given.control & SE_SACL_PRESENT else None,
        given.control | SE_DACL_PRESENT,
    )
    with _lock:
        _descriptors[obj] = descriptor


class ExplicitEntry(NamedTuple):
    """One EXPLICIT_ACCESS: what to do (an ACCESS_MODE) for a SID, its rights and inheritance."""

    mode: int
    mask: int
    inheritance: int
    sid: str


GRANT_ACCESS, SET_ACCESS, DENY_ACCESS, REVOKE_ACCESS = 1, 2, 3, 4
SET_AUDIT_SUCCESS, SET_AUDIT_FAILURE = 5, 6
_DENIED, _AUDIT = 1, 2
_SUCCESS_FLAG, _FAILURE_FLAG, _INHERITED = 0x40, 0x80, 0x10
_INHERIT_FLAGS = 0x1F  # VALID_INHERIT_FLAGS
_NEW_ACE = {
    GRANT_ACCESS: (_ACCESS_ALLOWED, 0),
    SET_ACCESS: (_ACCESS_ALLOWED, 0),
    DENY_ACCESS: (_DENIED, 0),
    SET_AUDIT_SUCCESS: (_AUDIT, _SUCCESS_FLAG),
    SET_AUDIT_FAILURE: (_AUDIT, _FAILURE_FLAG),
}


def set_entries(aces: tuple[Ace, ...], entries: list[ExplicitEntry]) -> tuple[Ace, ...]:
    """A new ACL: ``aces`` with ``entries`` applied (SetEntriesInAcl, as Wine applies them).

    The entries' ACEs come first, in order; then the old ACEs, but for those SET_ACCESS or
    REVOKE_ACCESS replace (every allowed one of the SID; REVOKE_ACCESS its denied ones too),
    and the allowed (GRANT_ACCESS) or denied (DENY_ACCESS) ones whose rights an entry of the
    same SID and inheritance takes over.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for an unknown access mode.
    """
    new: list[Ace] = []
    for entry in entries:
        if entry.mode == REVOKE_ACCESS:
            continue
        if entry.mode not in _NEW_ACE:
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no access mode {entry.mode}")
        kind, flags = _NEW_ACE[entry.mode]
        new.append(Ace(kind, flags | entry.inheritance, entry.mask, entry.sid.upper()))
    for ace in aces:
        if all(_keeps(ace, entry, new) for entry in entries if entry.sid.upper() == ace.sid):
            new.append(ace)
    return tuple(new)


_REPLACED = {
    (SET_ACCESS, _ACCESS_ALLOWED),
    (REVOKE_ACCESS, _ACCESS_ALLOWED),
    (REVOKE_ACCESS, _DENIED),
}
_MERGED = {(GRANT_ACCESS, _ACCESS_ALLOWED), (DENY_ACCESS, _DENIED)}


def _keeps(ace: Ace, entry: ExplicitEntry, new: list[Ace]) -> bool:
    """Whether an old ACE of the entry's SID stays; a merged one adds its rights to ``new``'s."""
    if (entry.mode, ace.kind) in _REPLACED:
        return False
    if (entry.mode, ace.kind) not in _MERGED or ace.flags & _INHERIT_FLAGS != entry.inheritance:
        return True
    for index, made in enumerate(new):
        if made.sid == ace.sid and made.kind == ace.kind:
            new[index] = made._replace(mask=made.mask | ace.mask)
            return False
    return True


def explicit_entries(aces: tuple[Ace, ...]) -> list[ExplicitEntry]:
    """The entries an ACL's own (not inherited) ACEs stand for (GetExplicitEntriesFromAcl)."""
    entries = []
    for ace in aces:
        if ace.flags & _INHERITED:
            continue
        if ace.kind == _ACCESS_ALLOWED:
            mode = GRANT_ACCESS
        elif ace.kind == _DENIED:
            mode = DENY_ACCESS
        elif ace.kind == _AUDIT:
            mode = SET_AUDIT_SUCCESS if ace.flags & _SUCCESS_FLAG else SET_AUDIT_FAILURE
        else:
            continue
        entries.append(ExplicitEntry(mode, ace.mask, ace.flags & _INHERIT_FLAGS, ace.sid))
    return entries
