"""pywin32's security structures: SECURITY_ATTRIBUTES, SECURITY_DESCRIPTOR, SID and ACL.

Programs build these to pass to Create* and CreateProcess; only ``bInheritHandle`` has an
effect here. Owners, groups and access lists are kept and read back as given, and SDDL text
converts both ways, but no access is checked against them: on Linux what crosses processes is
guarded by the user's own runtime directory (0700), so another user gets nothing, and any
process of the user gets everything (``docs/differences-from-windows.md``).
"""

from __future__ import annotations

import re
import struct
from typing import Any

from .. import kernel
from ..errors import ERROR_INVALID_PARAMETER, ERROR_REVISION_MISMATCH, Win32Error

__all__ = [
    "PySECURITY_ATTRIBUTES",
    "PySECURITY_DESCRIPTOR",
    "PySID",
    "PyACL",
    "sid_from_string",
    "sid_to_string",
    "well_known_sid",
    "WELL_KNOWN_SID_TYPES",
    "inherits",
]

SDDL_REVISION_1 = 1
ACL_REVISION = 2
ACL_REVISION_DS = 4
SUCCESSFUL_ACCESS_ACE_FLAG = 0x40
FAILED_ACCESS_ACE_FLAG = 0x80
ACCESS_ALLOWED_ACE_TYPE = 0
ACCESS_DENIED_ACE_TYPE = 1
SYSTEM_AUDIT_ACE_TYPE = 2
SE_DACL_PRESENT = 0x0004
SE_DACL_DEFAULTED = 0x0008
SE_SACL_PRESENT = 0x0010
SE_SACL_DEFAULTED = 0x0020
SE_OWNER_DEFAULTED = 0x0001
SE_GROUP_DEFAULTED = 0x0002
OWNER_SECURITY_INFORMATION = 1
GROUP_SECURITY_INFORMATION = 2
DACL_SECURITY_INFORMATION = 4
SACL_SECURITY_INFORMATION = 8


class PySID(bytearray):
    """A security identifier, kept as Windows lays it out, so that ``memoryview(sid)`` works.

    The bytes: revision 1, the sub-authority count, the 6-byte authority (big-endian), then
    each sub-authority (32-bit, little-endian). Equal SIDs compare equal; like pywin32's, a
    SID is not hashable (it can change) and equals nothing but a SID.
    """

    __slots__ = ()

    def __init__(self, buffer: object = None, /) -> None:
        if buffer is None:
            super().__init__(b"\x01\x00" + bytes(6))
        elif isinstance(buffer, int) and not isinstance(buffer, bool):
            super().__init__(max(buffer, 8))
            self[0] = 1
        else:
            super().__init__(memoryview(buffer).tobytes())  # type: ignore[arg-type]

    def Initialize(self, identifierAuthority: tuple[int, ...], numSubauthorities: int, /) -> None:
        if len(identifierAuthority) != 6:
            raise ValueError("The identifier authority must be a tuple of 6 integers")
        count = int(numSubauthorities)
        self[:] = bytes((1, count & 0xFF, *(int(part) & 0xFF for part in identifierAuthority)))
        self.extend(bytes(4 * count))

    def IsValid(self) -> bool:
        return len(self) >= 8 and self[0] == 1 and self[1] <= 15 and len(self) >= 8 + 4 * self[1]

    def SetSubAuthority(self, index: int, val: int, /) -> None:
        at = 8 + 4 * self._index(index)
        self[at : at + 4] = (int(val) & 0xFFFFFFFF).to_bytes(4, "little")

    def GetSubAuthority(self, index: int, /) -> int:
        at = 8 + 4 * self._index(index)
        return int.from_bytes(self[at : at + 4], "little")

    def _index(self, index: int) -> int:
        count = self[1]
        if not -count <= index < count:
            raise IndexError("sub-authority index out of range")
        return index % count

    def GetSubAuthorityCount(self) -> int:
        return self[1]

    def GetSidIdentifierAuthority(self) -> tuple[int, ...]:
        return tuple(self[2:8])

    def GetLength(self) -> int:
        return 8 + 4 * self[1]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PySID):
            return NotImplemented
        return bytearray.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        if not isinstance(other, PySID):
            return NotImplemented
        return bytearray.__ne__(self, other)

    def _unordered(self, other: object) -> bool:
        return NotImplemented  # type: ignore[no-any-return]  # pywin32's SIDs have no order

    __lt__ = __le__ = __gt__ = __ge__ = _unordered
    __hash__ = None  # type: ignore[assignment,unused-ignore]

    def __str__(self) -> str:
        return f"PySID:{sid_to_string(self)}"

    def __repr__(self) -> str:
        return f"<PySID object at {id(self):#018x}>"


def sid_from_string(text: str) -> PySID:
    """Parse ``S-1-5-32-544`` (ConvertStringSidToSid)."""
    match = re.fullmatch(r"[Ss]-1-(\d+)((?:-\d+)*)", text)
    if match is None:
        raise ValueError(f"{text!r} is not a string SID")
    authority = int(match.group(1))
    sid = PySID()
    subs = [int(part) for part in match.group(2).split("-")[1:]]
    sid.Initialize(tuple(authority.to_bytes(6, "big")), len(subs))
    for index, value in enumerate(subs):
        sid.SetSubAuthority(index, value)
    return sid


def sid_to_string(sid: PySID) -> str:
    """Write ``S-1-...`` (ConvertSidToStringSid)."""
    authority = int.from_bytes(bytes(sid.GetSidIdentifierAuthority()), "big")
    subs = "".join(f"-{sid.GetSubAuthority(i)}" for i in range(sid.GetSubAuthorityCount()))
    return f"S-1-{authority}{subs}"


# WELL_KNOWN_SID_TYPE: the SID of each kind (Windows' values), the domain's relative ones apart.
_WELL_KNOWN_NAMES = (
    "WinNullSid", "WinWorldSid", "WinLocalSid", "WinCreatorOwnerSid", "WinCreatorGroupSid",
    "WinCreatorOwnerServerSid", "WinCreatorGroupServerSid", "WinNtAuthoritySid", "WinDialupSid",
    "WinNetworkSid", "WinBatchSid", "WinInteractiveSid", "WinServiceSid", "WinAnonymousSid",
    "WinProxySid", "WinEnterpriseControllersSid", "WinSelfSid", "WinAuthenticatedUserSid",
    "WinRestrictedCodeSid", "WinTerminalServerSid", "WinRemoteLogonIdSid", "WinLogonIdsSid",
    "WinLocalSystemSid", "WinLocalServiceSid", "WinNetworkServiceSid", "WinBuiltinDomainSid",
    "WinBuiltinAdministratorsSid", "WinBuiltinUsersSid", "WinBuiltinGuestsSid",
    "WinBuiltinPowerUsersSid", "WinBuiltinAccountOperatorsSid", "WinBuiltinSystemOperatorsSid",
    "WinBuiltinPrintOperatorsSid", "WinBuiltinBackupOperatorsSid", "WinBuiltinReplicatorSid",
    "WinBuiltinPreWindows2000CompatibleAccessSid", "WinBuiltinRemoteDesktopUsersSid",
    "WinBuiltinNetworkConfigurationOperatorsSid", "WinAccountAdministratorSid",
    "WinAccountGuestSid", "WinAccountKrbtgtSid", "WinAccountDomainAdminsSid",
    "WinAccountDomainUsersSid", "WinAccountDomainGuestsSid", "WinAccountComputersSid",
    "WinAccountControllersSid", "WinAccountCertAdminsSid", "WinAccountSchemaAdminsSid",
    "WinAccountEnterpriseAdminsSid", "WinAccountPolicyAdminsSid",
    "WinAccountRasAndIasServersSid", "WinNTLMAuthenticationSid", "WinDigestAuthenticationSid",
    "WinSChannelAuthenticationSid", "WinThisOrganizationSid", "WinOtherOrganizationSid",
    "WinBuiltinIncomingForestTrustBuildersSid", "WinBuiltinPerfMonitoringUsersSid",
    "WinBuiltinPerfLoggingUsersSid", "WinBuiltinAuthorizationAccessSid",
    "WinBuiltinTerminalServerLicenseServersSid", "WinBuiltinDCOMUsersSid",
    "WinBuiltinIUsersSid", "WinIUserSid", "WinBuiltinCryptoOperatorsSid",
    "WinUntrustedLabelSid", "WinLowLabelSid", "WinMediumLabelSid", "WinHighLabelSid",
    "WinSystemLabelSid", "WinWriteRestrictedCodeSid", "WinCreatorOwnerRightsSid",
    "WinCacheablePrincipalsGroupSid", "WinNonCacheablePrincipalsGroupSid",
    "WinEnterpriseReadonlyControllersSid", "WinAccountReadonlyControllersSid",
    "WinBuiltinEventLogReadersGroup",
)  # fmt: skip
WELL_KNOWN_SID_TYPES = {name: value for value, name in enumerate(_WELL_KNOWN_NAMES)}
_BUILTIN = "S-1-5-32-"
_WELL_KNOWN = {
    0: "S-1-0-0", 1: "S-1-1-0", 2: "S-1-2-0", 3: "S-1-3-0", 4: "S-1-3-1", 5: "S-1-3-2",
    6: "S-1-3-3", 7: "S-1-5", 8: "S-1-5-1", 9: "S-1-5-2", 10: "S-1-5-3", 11: "S-1-5-4",
    12: "S-1-5-6", 13: "S-1-5-7", 14: "S-1-5-8", 15: "S-1-5-9", 16: "S-1-5-10", 17: "S-1-5-11",
    18: "S-1-5-12", 19: "S-1-5-13", 20: "S-1-5-14", 22: "S-1-5-18", 23: "S-1-5-19",
    24: "S-1-5-20", 25: "S-1-5-32",
    **{kind: f"{_BUILTIN}{rid}" for kind, rid in zip(
        range(26, 38), (544, 545, 546, 547, 548, 549, 550, 551, 552, 554, 555, 556), strict=True
    )},
    51: "S-1-5-64-10", 52: "S-1-5-64-21", 53: "S-1-5-64-14", 54: "S-1-5-15",
    55: "S-1-5-1000",
    **{kind: f"{_BUILTIN}{rid}" for kind, rid in zip(
        range(56, 63), (557, 558, 559, 560, 561, 562, 568), strict=True
    )},
    63: "S-1-5-17", 64: f"{_BUILTIN}569", 65: "S-1-16-0", 66: "S-1-16-4096",
    67: "S-1-16-8192", 68: "S-1-16-12288", 69: "S-1-16-16384", 70: "S-1-5-33",
    71: "S-1-3-4", 76: f"{_BUILTIN}573",
}  # fmt: skip
# The kinds relative to an account domain: the RID appended to the domain's SID.
_DOMAIN_RIDS = {
    38: 500, 39: 501, 40: 502, 41: 512, 42: 513, 43: 514, 44: 515, 45: 516, 46: 517,
    47: 518, 48: 519, 49: 520, 50: 553, 72: 571, 73: 572, 74: 498, 75: 521,
}  # fmt: skip


def well_known_sid(kind: int, domain: PySID | None = None) -> PySID:
    """The SID of a well-known kind (CreateWellKnownSid); a domain's kinds need its SID.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for a kind Windows does not know, or a domain
            kind without the domain's SID.
    """
    text = _WELL_KNOWN.get(int(kind))
    if text is not None:
        return sid_from_string(text)
    rid = _DOMAIN_RIDS.get(int(kind))
    if rid is None or domain is None:
        raise Win32Error.from_code(
            ERROR_INVALID_PARAMETER,
            f"well-known SID kind {kind}"
            + (" needs the domain's SID" if rid is not None else " is not one Windows knows"),
        )
    return sid_from_string(f"{sid_to_string(domain)}-{rid}")


def _mask(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("an access mask must be an int")
    return value


class PyACL:
    """An access-control list: entries ``(ace type, flags, mask, sid)``, kept in order.

    An entry's revision must be one Windows knows (up to ACL_REVISION_DS) or the call fails
    with ERROR_REVISION_MISMATCH; the list takes the highest revision of its entries.
    """

    __slots__ = ("_aces", "_revision", "_size")

    def __init__(self, bufSize: int = 64, aclrev: int = ACL_REVISION, /) -> None:
        self._aces: list[tuple[int, int, int, PySID]] = []
        self._revision = aclrev
        self._size = max(int(bufSize), 8)  # pywin32's: the buffer's, grown as entries need

    def Initialize(self) -> None:
        self._aces = []

    def IsValid(self) -> int:
        return 1  # pywin32 hands back IsValidAcl's BOOL as an int

    def _add(self, kind: int, flags: int, mask: int, sid: object, revision: int = 0) -> None:
        if not isinstance(sid, PySID):
            raise TypeError("The object is not a PySID object")
        if revision > ACL_REVISION_DS:
            raise Win32Error.from_code(ERROR_REVISION_MISMATCH, f"ACE revision {revision}")
        self._revision = max(self._revision, revision)
        self._aces.append((kind, int(flags), int(mask) & 0xFFFFFFFF, sid))
        self._size = max(self._size, self._needed())

    def _needed(self) -> int:
        return 8 + sum(8 + sid.GetLength() for *_, sid in self._aces)

    def AddAccessAllowedAce(self, *args: object) -> None:
        """``(access, sid)`` or ``(revision, access, sid)``, as pywin32 takes it."""
        revision = _revision(args[0]) if len(args) == 3 else 0
        self._add(ACCESS_ALLOWED_ACE_TYPE, 0, _mask(args[-2]), args[-1], revision)

    def AddAccessAllowedAceEx(self, revision: int, flags: int, mask: int, sid: object, /) -> None:
        self._add(ACCESS_ALLOWED_ACE_TYPE, flags, _mask(mask), sid, _revision(revision))

    def AddAccessDeniedAce(self, *args: object) -> None:
        """``(access, sid)`` or ``(revision, access, sid)``, as pywin32 takes it."""
        revision = _revision(args[0]) if len(args) == 3 else 0
        self._add(ACCESS_DENIED_ACE_TYPE, 0, _mask(args[-2]), args[-1], revision)

    def AddAccessDeniedAceEx(self, revision: int, flags: int, mask: int, sid: object, /) -> None:
        self._add(ACCESS_DENIED_ACE_TYPE, flags, _mask(mask), sid, _revision(revision))

    def AddAuditAccessAce(
        self, dwAceRevision: int, dwAccessMask: int, sid: object, bAuditSuccess: int,
        bAuditFailure: int, /,
    ) -> None:  # fmt: skip
        """A SYSTEM_AUDIT entry: log successful and/or failed uses of ``dwAccessMask``."""
        flags = (SUCCESSFUL_ACCESS_ACE_FLAG if bAuditSuccess else 0) | (
            FAILED_ACCESS_ACE_FLAG if bAuditFailure else 0
        )
        self._add(SYSTEM_AUDIT_ACE_TYPE, flags, _mask(dwAccessMask), sid, _revision(dwAceRevision))

    def GetAceCount(self) -> int:
        return len(self._aces)

    def GetAce(self, index: int, /) -> tuple[tuple[int, int], int, PySID]:
        """``((type, flags), mask, sid)``; the mask is signed, as pywin32 gives it."""
        if not isinstance(index, int):
            raise TypeError(f"'{type(index).__name__}' object cannot be interpreted as an integer")
        if not 0 <= index < len(self._aces):
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no entry {index}")
        kind, flags, mask, sid = self._aces[index]
        return (kind, flags), mask - (mask >> 31 << 32), sid

    def DeleteAce(self, index: int, /) -> None:
        del self._aces[index]

    def GetAclRevision(self) -> int:
        return self._revision

    def GetAclSize(self) -> int:
        """The ACL's size in bytes: what it was made with (64), or more once entries need it."""
        return self._size

    def SetEntriesInAcl(self, obexpl_list: object, /) -> PyACL:
        """A new ACL: this one with EXPLICIT_ACCESS dicts applied (``kernel.set_entries``)."""
        if isinstance(obexpl_list, (str, bytes, dict)):
            raise TypeError("obexpl_list must be a sequence of EXPLICIT_ACCESS dicts")
        entries = [_explicit_entry(entry) for entry in obexpl_list]  # type: ignore[attr-defined]
        aces = tuple(kernel.Ace(k, f, m, sid_to_string(s)) for k, f, m, s in self._aces)
        acl = PyACL(64, self._revision)
        for ace in kernel.set_entries(aces, entries):
            acl._aces.append((ace.kind, ace.flags, ace.mask, sid_from_string(ace.sid)))
        return acl

    def GetExplicitEntriesFromAcl(self) -> list[dict[str, object]]:
        """EXPLICIT_ACCESS dicts of the ACL's own entries (``kernel.explicit_entries``)."""
        aces = tuple(kernel.Ace(k, f, m, sid_to_string(s)) for k, f, m, s in self._aces)
        return [
            {
                "AccessPermissions": entry.mask - (entry.mask >> 31 << 32),
                "AccessMode": entry.mode,
                "Inheritance": entry.inheritance,
                "Trustee": {
                    "MultipleTrustee": None,
                    "MultipleTrusteeOperation": 0,
                    "TrusteeForm": _TRUSTEE_IS_SID,
                    "TrusteeType": _TRUSTEE_IS_UNKNOWN,
                    "Identifier": sid_from_string(entry.sid),
                },
            }
            for entry in kernel.explicit_entries(aces)
        ]

    def __repr__(self) -> str:
        return f"<PyACL object at {id(self):#018x}>"


_TRUSTEE_IS_SID, _TRUSTEE_IS_NAME, _TRUSTEE_IS_UNKNOWN = 0, 1, 0


def _explicit_entry(value: object) -> kernel.ExplicitEntry:
    """Read an EXPLICIT_ACCESS dict (its trustee a SID, or a name looked up)."""
    if not isinstance(value, dict):
        raise TypeError("an EXPLICIT_ACCESS must be a dict")
    try:
        trustee = value["Trustee"]
        identifier = trustee["Identifier"]
        form = trustee.get("TrusteeForm", _TRUSTEE_IS_SID)
        mode, mask = int(value["AccessMode"]), int(value["AccessPermissions"]) & 0xFFFFFFFF
        inheritance = int(value.get("Inheritance", 0))
    except (KeyError, TypeError, AttributeError):
        raise TypeError(
            "an EXPLICIT_ACCESS needs Trustee (with Identifier), AccessMode, AccessPermissions"
        ) from None
    if form == _TRUSTEE_IS_NAME:
        if not isinstance(identifier, str):
            raise TypeError("a TRUSTEE_IS_NAME trustee's Identifier must be a string")
        if identifier.upper() == "CURRENT_USER":
            sid = kernel.current_user_sid()
        else:
            sid = kernel.lookup_account(identifier).sid
    elif isinstance(identifier, PySID):
        sid = sid_to_string(identifier)
    else:
        raise TypeError("a TRUSTEE_IS_SID trustee's Identifier must be a PySID")
    return kernel.ExplicitEntry(mode, mask, inheritance, sid)


def _revision(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("an ACE revision must be an int")
    return value


class PySECURITY_DESCRIPTOR:  # noqa: N801 - pywin32's type name
    """A security descriptor: owner, group, DACL and SACL, and its control bits.

    As pywin32's, it is self-relative: ``bytes(sd)`` (and, on Python 3.12 and later,
    ``memoryview(sd)``: the buffer protocol) gives its bytes as Windows lays them out, and
    ``SECURITY_DESCRIPTOR(data)`` reads such bytes back (ValueError for others); a size given
    instead is ignored.
    """

    __slots__ = ("_control", "_dacl", "_group", "_owner", "_sacl")

    def __init__(self, data: object = 0, /) -> None:
        self.Initialize()
        if isinstance(data, (bytes, bytearray, memoryview)):
            self._read(bytes(data))
        elif isinstance(data, bool) or not isinstance(data, int):
            raise TypeError("SECURITY_DESCRIPTOR takes a size or the bytes of a descriptor")

    def Initialize(self) -> None:
        self._owner: PySID | None = None
        self._group: PySID | None = None
        self._dacl: PyACL | None = None
        self._sacl: PyACL | None = None
        self._control = 0

    def _read(self, raw: bytes) -> None:
        try:
            found, _ = kernel.descriptor_from_bytes(raw)
        except Win32Error:
            raise ValueError("Data is not a valid security descriptor") from None
        self._owner = None if found.owner is None else sid_from_string(found.owner)
        self._group = None if found.group is None else sid_from_string(found.group)
        (sacl_at, dacl_at) = struct.unpack_from("<II", raw, 12)
        self._sacl = _acl_read(found.sacl, raw, sacl_at)
        self._dacl = _acl_read(found.dacl, raw, dacl_at)
        self._control = found.control

    def _bytes(self) -> bytes:
        descriptor = kernel.Descriptor(
            None if self._owner is None else sid_to_string(self._owner),
            None if self._group is None else sid_to_string(self._group),
            _core_aces(self._dacl),
            _core_aces(self._sacl),
            self._control,
        )
        return kernel.descriptor_bytes(
            descriptor,
            sacl_size=None if self._sacl is None else self._sacl._size,
            dacl_size=None if self._dacl is None else self._dacl._size,
        )

    def __bytes__(self) -> bytes:
        return self._bytes()

    def __buffer__(self, flags: int, /) -> memoryview:
        """The descriptor's bytes, read-only, as pywin32's buffer gives them (Python 3.12+)."""
        return memoryview(self._bytes())

    def IsValid(self) -> int:
        return 1  # pywin32 hands back IsValidSecurityDescriptor's BOOL as an int

    def IsSelfRelative(self) -> int:
        return 1  # an int too, as pywin32 gives it

    def GetLength(self) -> int:
        """The length of its self-relative bytes (GetSecurityDescriptorLength)."""
        return len(self._bytes())

    def SetSecurityDescriptorDacl(
        self, bDaclPresent: int, pDacl: object, bDaclDefaulted: int, /
    ) -> None:
        self._dacl = _acl_or_none(pDacl)
        self._control = _flag(self._control, SE_DACL_PRESENT, bDaclPresent)
        self._control = _flag(self._control, SE_DACL_DEFAULTED, bDaclDefaulted)

    SetDacl = SetSecurityDescriptorDacl

    def GetSecurityDescriptorDacl(self) -> PyACL | None:
        return self._dacl

    def SetSecurityDescriptorSacl(
        self, bSaclPresent: int, pSacl: object, bSaclDefaulted: int, /
    ) -> None:
        self._sacl = _acl_or_none(pSacl)
        self._control = _flag(self._control, SE_SACL_PRESENT, bSaclPresent)
        self._control = _flag(self._control, SE_SACL_DEFAULTED, bSaclDefaulted)

    def GetSecurityDescriptorSacl(self) -> PyACL | None:
        return self._sacl

    def SetSecurityDescriptorOwner(self, sid: object, bOwnerDefaulted: int, /) -> None:
        self._owner = _sid_or_none(sid)
        self._control = _flag(self._control, SE_OWNER_DEFAULTED, bOwnerDefaulted)

    def GetSecurityDescriptorOwner(self) -> PySID | None:
        return self._owner

    def SetSecurityDescriptorGroup(self, sid: object, bGroupDefaulted: int, /) -> None:
        self._group = _sid_or_none(sid)
        self._control = _flag(self._control, SE_GROUP_DEFAULTED, bGroupDefaulted)

    def GetSecurityDescriptorGroup(self) -> PySID | None:
        return self._group

    def GetSecurityDescriptorControl(self) -> tuple[int, int]:
        """``(control, revision)``; the control has SE_SELF_RELATIVE, as pywin32's does."""
        return self._control | _SE_SELF_RELATIVE, 1

    def SetSecurityDescriptorControl(
        self, ControlBitsOfInterest: int, ControlBitsToSet: int, /
    ) -> None:
        self._control = (self._control & ~ControlBitsOfInterest) | (
            ControlBitsToSet & ControlBitsOfInterest
        )

    def __repr__(self) -> str:
        return f"<PySECURITY_DESCRIPTOR object at {id(self):#018x}>"


_SE_SELF_RELATIVE = 0x8000


def _core_aces(acl: PyACL | None) -> tuple[kernel.Ace, ...] | None:
    if acl is None:
        return None
    return tuple(kernel.Ace(k, f, m, sid_to_string(s)) for k, f, m, s in acl._aces)


def _acl_read(aces: tuple[kernel.Ace, ...] | None, raw: bytes, at: int) -> PyACL | None:
    """The ACL at ``raw[at:]`` (its entries read as ``aces``), with its size as recorded."""
    if aces is None:
        return None
    acl = PyACL(struct.unpack_from("<H", raw, at + 2)[0])
    for ace in aces:
        acl._add(ace.kind, ace.flags, ace.mask, sid_from_string(ace.sid))
    return acl


def _flag(control: int, bit: int, on: object) -> int:
    return control | bit if on else control & ~bit


def _acl_or_none(acl: object) -> PyACL | None:
    if acl is None or isinstance(acl, PyACL):
        return acl
    raise TypeError("The object is not a PyACL object")


def _sid_or_none(sid: object) -> PySID | None:
    if sid is None or isinstance(sid, PySID):
        return sid
    raise TypeError("The object is not a PySID object")


class PySECURITY_ATTRIBUTES:  # noqa: N801 - pywin32's type name
    """SECURITY_ATTRIBUTES: ``bInheritHandle`` and a descriptor.

    ``bInheritHandle`` is 1 by default, as pywin32 makes it; the descriptor's methods are the
    structure's too, as in pywin32.
    """

    __slots__ = ("SECURITY_DESCRIPTOR", "bInheritHandle")

    def __init__(self) -> None:
        self.bInheritHandle = 1
        self.SECURITY_DESCRIPTOR: PySECURITY_DESCRIPTOR | None = PySECURITY_DESCRIPTOR()

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - the descriptor's methods
        descriptor = object.__getattribute__(self, "SECURITY_DESCRIPTOR")
        return getattr(descriptor, name)

    def __repr__(self) -> str:
        return f"<PySECURITY_ATTRIBUTES object at {id(self):#018x}>"


def inherits(attributes: object) -> bool:
    """Read a SECURITY_ATTRIBUTES argument (None or one): is the handle inheritable?"""
    if attributes is None:
        return False
    if not isinstance(attributes, PySECURITY_ATTRIBUTES):
        raise TypeError("The object is not a PySECURITY_ATTRIBUTES object")
    return bool(attributes.bInheritHandle)
