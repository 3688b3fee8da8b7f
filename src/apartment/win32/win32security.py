"""pywin32's ``win32security``: the security structures programs pass, and their conversions.

Only ``SECURITY_ATTRIBUTES.bInheritHandle`` has an effect (on Create*, CreateProcess's
handles). Descriptors, owners and access lists are kept and converted to and from SDDL, but
never enforced: what crosses processes lives in the user's own runtime directory (0700), so
no other user reaches it and every process of the user does (see
``docs/differences-from-windows.md``).
"""

from __future__ import annotations

from .. import kernel
from . import _security
from ._adapt import api
from ._buffers import text_arg
from ._security import ACCESS_ALLOWED_ACE_TYPE as ACCESS_ALLOWED_ACE_TYPE
from ._security import ACCESS_DENIED_ACE_TYPE as ACCESS_DENIED_ACE_TYPE
from ._security import ACL_REVISION as ACL_REVISION
from ._security import ACL_REVISION_DS as ACL_REVISION_DS
from ._security import DACL_SECURITY_INFORMATION as DACL_SECURITY_INFORMATION
from ._security import FAILED_ACCESS_ACE_FLAG as FAILED_ACCESS_ACE_FLAG
from ._security import GROUP_SECURITY_INFORMATION as GROUP_SECURITY_INFORMATION
from ._security import OWNER_SECURITY_INFORMATION as OWNER_SECURITY_INFORMATION
from ._security import SACL_SECURITY_INFORMATION as SACL_SECURITY_INFORMATION
from ._security import SDDL_REVISION_1 as SDDL_REVISION_1
from ._security import SE_DACL_DEFAULTED as SE_DACL_DEFAULTED
from ._security import SE_DACL_PRESENT as SE_DACL_PRESENT
from ._security import SE_GROUP_DEFAULTED as SE_GROUP_DEFAULTED
from ._security import SE_OWNER_DEFAULTED as SE_OWNER_DEFAULTED
from ._security import SE_SACL_DEFAULTED as SE_SACL_DEFAULTED
from ._security import SE_SACL_PRESENT as SE_SACL_PRESENT
from ._security import SUCCESSFUL_ACCESS_ACE_FLAG as SUCCESSFUL_ACCESS_ACE_FLAG
from ._security import SYSTEM_AUDIT_ACE_TYPE as SYSTEM_AUDIT_ACE_TYPE
from ._security import PySECURITY_DESCRIPTOR, PySID
from .pywintypes import ACL as ACL
from .pywintypes import SECURITY_ATTRIBUTES as SECURITY_ATTRIBUTES
from .pywintypes import SECURITY_DESCRIPTOR as SECURITY_DESCRIPTOR
from .pywintypes import SID as SID
from .pywintypes import error as error

__all__ = [
    "error", "SECURITY_ATTRIBUTES", "SECURITY_DESCRIPTOR", "SID", "ACL",
    "ConvertStringSidToSid", "ConvertSidToStringSid", "CreateWellKnownSid",
    "ConvertStringSecurityDescriptorToSecurityDescriptor",
    "ConvertSecurityDescriptorToStringSecurityDescriptor",
    "LookupAccountName", "LookupAccountSid", "DsBind", "DsGetDcName", "DsCrackNames",
    "TranslateName",
]  # fmt: skip

TOKEN_QUERY = 0x0008
TokenUser = 1
WinNullSid = 0
WinWorldSid = 1
WinLocalSid = 2
WinCreatorOwnerSid = 3
WinCreatorGroupSid = 4
WinAuthenticatedUserSid = 17
WinLocalSystemSid = 22
WinBuiltinAdministratorsSid = 26
WinBuiltinUsersSid = 27
SidTypeUser = int(kernel.AccountKind.USER)
SidTypeGroup = int(kernel.AccountKind.GROUP)
SidTypeDomain = int(kernel.AccountKind.DOMAIN)
SidTypeAlias = int(kernel.AccountKind.ALIAS)
SidTypeWellKnownGroup = int(kernel.AccountKind.WELL_KNOWN_GROUP)
SidTypeDeletedAccount = int(kernel.AccountKind.DELETED_ACCOUNT)
SidTypeInvalid = int(kernel.AccountKind.INVALID)
SidTypeUnknown = int(kernel.AccountKind.UNKNOWN)
SidTypeComputer = int(kernel.AccountKind.COMPUTER)


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string")
    return value


@api("ConvertStringSidToSid")
def ConvertStringSidToSid(StringSid: str, /) -> PySID:
    return _security.sid_from_string(_text(StringSid, "StringSid"))


@api("ConvertSidToStringSid")
def ConvertSidToStringSid(Sid: object, /) -> str:
    if not isinstance(Sid, PySID):
        raise TypeError("The object is not a PySID object")
    return _security.sid_to_string(Sid)


@api("CreateWellKnownSid")
def CreateWellKnownSid(WellKnownSidType: int, DomainSid: object = None, /) -> PySID:
    return _security.well_known_sid(WellKnownSidType)


@api("ConvertStringSecurityDescriptorToSecurityDescriptor")
def ConvertStringSecurityDescriptorToSecurityDescriptor(
    StringSecurityDescriptor: str, StringSDRevision: int, /
) -> PySECURITY_DESCRIPTOR:
    return _security.sd_from_sddl(_text(StringSecurityDescriptor, "StringSecurityDescriptor"))


@api("ConvertSecurityDescriptorToStringSecurityDescriptor")
def ConvertSecurityDescriptorToStringSecurityDescriptor(
    SecurityDescriptor: object, RequestedStringSDRevision: int, SecurityInformation: int, /
) -> str:
    if not isinstance(SecurityDescriptor, PySECURITY_DESCRIPTOR):
        raise TypeError("The object is not a PySECURITY_DESCRIPTOR object")
    return _security.sd_to_sddl(SecurityDescriptor, int(SecurityInformation))


def _system_name(value: object) -> str | None:
    return None if value is None else text_arg(value)


@api("LookupAccountName")
def LookupAccountName(systemName: str | None, accountName: str, /) -> tuple[PySID, str, int]:
    """(SID, domain, SidType*) of an account; ERROR_NONE_MAPPED for a name no account has."""
    account = kernel.lookup_account(text_arg(accountName), computer=_system_name(systemName))
    return _security.sid_from_string(account.sid), account.domain, int(account.kind)


@api("LookupAccountSid")
def LookupAccountSid(systemName: str | None, sid: object, /) -> tuple[str, str, int]:
    """(name, domain, SidType*) of the account a SID names; ERROR_NONE_MAPPED for none."""
    if not isinstance(sid, PySID):
        raise TypeError("The object is not a PySID object")
    account = kernel.lookup_sid(_security.sid_to_string(sid), computer=_system_name(systemName))
    return account.name, account.domain, int(account.kind)


@api("DsBind")
def DsBind(DomainController: str | None = None, DnsDomainName: str | None = None, /) -> object:
    """The computer is in no domain: ERROR_NO_SUCH_DOMAIN, as on a workgroup machine."""
    kernel.bind_directory()


@api("DsGetDcName")
def DsGetDcName(*args: object, **kwargs: object) -> dict[str, object]:
    """The computer is in no domain: ERROR_NO_SUCH_DOMAIN (no domain controller to find)."""
    kernel.bind_directory()


@api("DsCrackNames")
def DsCrackNames(
    hds: object, flags: int, formatOffered: int, formatDesired: int, names: object, /
) -> list[tuple[int, str, str]]:
    """The computer is in no domain: ERROR_NO_SUCH_DOMAIN."""
    kernel.bind_directory()


@api("TranslateName")
def TranslateName(
    accountName: str, accountNameFormat: int, accountNameFormatDesired: int, numChars: int = 1024, /
) -> str:
    """The computer is in no domain: ERROR_NO_SUCH_DOMAIN."""
    kernel.bind_directory()
