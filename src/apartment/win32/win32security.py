"""pywin32's ``win32security``: the security structures programs pass, and their conversions.

Only ``SECURITY_ATTRIBUTES.bInheritHandle`` has an effect (on Create*, CreateProcess's
handles). Descriptors, owners and access lists are kept and converted to and from SDDL, but
never enforced: what crosses processes lives in the user's own runtime directory (0700), so
no other user reaches it and every process of the user does (see
``docs/differences-from-windows.md``).
"""

from __future__ import annotations

import operator

from .. import kernel
from . import _identity as _identity
from . import _lsa as _lsa
from . import _object_security as _object_security
from . import _sddl, _security
from . import _security_ds as _security_ds
from . import _security_sspi as _security_sspi
from . import _tokens as _tokens
from ._adapt import api
from ._buffers import text_arg
from ._identity import *  # noqa: F403 - the impersonation and logon functions are this module's
from ._lsa import *  # noqa: F403 - the LSA functions are this module's
from ._lsa import (
    PolicyNotifyMachineAccountPasswordInformation as PolicyNotifyMachineAccountPasswordInformation,
)
from ._object_security import *  # noqa: F403 - the object security functions are this module's
from ._object_security import (
    ACCESS_DENIED_OBJECT_ACE_TYPE as ACCESS_DENIED_OBJECT_ACE_TYPE,
)
from ._object_security import (
    LABEL_SECURITY_INFORMATION as LABEL_SECURITY_INFORMATION,
)
from ._object_security import (
    NOT_USED_ACCESS as NOT_USED_ACCESS,
)
from ._object_security import (
    PROTECTED_DACL_SECURITY_INFORMATION as PROTECTED_DACL_SECURITY_INFORMATION,
)
from ._object_security import (
    PROTECTED_SACL_SECURITY_INFORMATION as PROTECTED_SACL_SECURITY_INFORMATION,
)
from ._object_security import (
    SE_DACL_AUTO_INHERITED as SE_DACL_AUTO_INHERITED,
)
from ._object_security import (
    SE_DACL_PROTECTED as SE_DACL_PROTECTED,
)
from ._object_security import (
    SE_DS_OBJECT as SE_DS_OBJECT,
)
from ._object_security import (
    SE_DS_OBJECT_ALL as SE_DS_OBJECT_ALL,
)
from ._object_security import (
    SE_FILE_OBJECT as SE_FILE_OBJECT,
)
from ._object_security import (
    SE_KERNEL_OBJECT as SE_KERNEL_OBJECT,
)
from ._object_security import (
    SE_LMSHARE as SE_LMSHARE,
)
from ._object_security import (
    SE_PRINTER as SE_PRINTER,
)
from ._object_security import (
    SE_PROVIDER_DEFINED_OBJECT as SE_PROVIDER_DEFINED_OBJECT,
)
from ._object_security import (
    SE_REGISTRY_KEY as SE_REGISTRY_KEY,
)
from ._object_security import (
    SE_REGISTRY_WOW64_32KEY as SE_REGISTRY_WOW64_32KEY,
)
from ._object_security import (
    SE_SACL_AUTO_INHERITED as SE_SACL_AUTO_INHERITED,
)
from ._object_security import (
    SE_SACL_PROTECTED as SE_SACL_PROTECTED,
)
from ._object_security import (
    SE_SELF_RELATIVE as SE_SELF_RELATIVE,
)
from ._object_security import (
    SE_SERVICE as SE_SERVICE,
)
from ._object_security import (
    SE_UNKNOWN_OBJECT_TYPE as SE_UNKNOWN_OBJECT_TYPE,
)
from ._object_security import (
    SE_WINDOW_OBJECT as SE_WINDOW_OBJECT,
)
from ._object_security import (
    SE_WMIGUID_OBJECT as SE_WMIGUID_OBJECT,
)
from ._object_security import (
    SYSTEM_AUDIT_OBJECT_ACE_TYPE as SYSTEM_AUDIT_OBJECT_ACE_TYPE,
)
from ._object_security import (
    SYSTEM_MANDATORY_LABEL_NO_EXECUTE_UP as SYSTEM_MANDATORY_LABEL_NO_EXECUTE_UP,
)
from ._object_security import (
    SYSTEM_MANDATORY_LABEL_NO_READ_UP as SYSTEM_MANDATORY_LABEL_NO_READ_UP,
)
from ._object_security import (
    SYSTEM_MANDATORY_LABEL_NO_WRITE_UP as SYSTEM_MANDATORY_LABEL_NO_WRITE_UP,
)
from ._object_security import (
    SYSTEM_MANDATORY_LABEL_VALID_MASK as SYSTEM_MANDATORY_LABEL_VALID_MASK,
)
from ._object_security import (
    TRUSTEE_BAD_FORM as TRUSTEE_BAD_FORM,
)
from ._object_security import (
    TRUSTEE_IS_ALIAS as TRUSTEE_IS_ALIAS,
)
from ._object_security import (
    TRUSTEE_IS_COMPUTER as TRUSTEE_IS_COMPUTER,
)
from ._object_security import (
    TRUSTEE_IS_DELETED as TRUSTEE_IS_DELETED,
)
from ._object_security import (
    TRUSTEE_IS_DOMAIN as TRUSTEE_IS_DOMAIN,
)
from ._object_security import (
    TRUSTEE_IS_GROUP as TRUSTEE_IS_GROUP,
)
from ._object_security import (
    TRUSTEE_IS_INVALID as TRUSTEE_IS_INVALID,
)
from ._object_security import (
    TRUSTEE_IS_NAME as TRUSTEE_IS_NAME,
)
from ._object_security import (
    TRUSTEE_IS_OBJECTS_AND_NAME as TRUSTEE_IS_OBJECTS_AND_NAME,
)
from ._object_security import (
    TRUSTEE_IS_OBJECTS_AND_SID as TRUSTEE_IS_OBJECTS_AND_SID,
)
from ._object_security import (
    TRUSTEE_IS_SID as TRUSTEE_IS_SID,
)
from ._object_security import (
    TRUSTEE_IS_UNKNOWN as TRUSTEE_IS_UNKNOWN,
)
from ._object_security import (
    TRUSTEE_IS_USER as TRUSTEE_IS_USER,
)
from ._object_security import (
    TRUSTEE_IS_WELL_KNOWN_GROUP as TRUSTEE_IS_WELL_KNOWN_GROUP,
)
from ._object_security import (
    UNPROTECTED_DACL_SECURITY_INFORMATION as UNPROTECTED_DACL_SECURITY_INFORMATION,
)
from ._object_security import (
    UNPROTECTED_SACL_SECURITY_INFORMATION as UNPROTECTED_SACL_SECURITY_INFORMATION,
)
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
from ._security_constants import CONTAINER_INHERIT_ACE as CONTAINER_INHERIT_ACE
from ._security_constants import DENY_ACCESS as DENY_ACCESS
from ._security_constants import GRANT_ACCESS as GRANT_ACCESS
from ._security_constants import INHERIT_ONLY_ACE as INHERIT_ONLY_ACE
from ._security_constants import INHERITED_ACE as INHERITED_ACE
from ._security_constants import LOGON32_LOGON_BATCH as LOGON32_LOGON_BATCH
from ._security_constants import LOGON32_LOGON_INTERACTIVE as LOGON32_LOGON_INTERACTIVE
from ._security_constants import LOGON32_LOGON_NETWORK as LOGON32_LOGON_NETWORK
from ._security_constants import LOGON32_LOGON_NETWORK_CLEARTEXT as LOGON32_LOGON_NETWORK_CLEARTEXT
from ._security_constants import LOGON32_LOGON_NEW_CREDENTIALS as LOGON32_LOGON_NEW_CREDENTIALS
from ._security_constants import LOGON32_LOGON_SERVICE as LOGON32_LOGON_SERVICE
from ._security_constants import LOGON32_LOGON_UNLOCK as LOGON32_LOGON_UNLOCK
from ._security_constants import LOGON32_PROVIDER_DEFAULT as LOGON32_PROVIDER_DEFAULT
from ._security_constants import LOGON32_PROVIDER_WINNT35 as LOGON32_PROVIDER_WINNT35
from ._security_constants import LOGON32_PROVIDER_WINNT40 as LOGON32_PROVIDER_WINNT40
from ._security_constants import LOGON32_PROVIDER_WINNT50 as LOGON32_PROVIDER_WINNT50
from ._security_constants import NO_INHERITANCE as NO_INHERITANCE
from ._security_constants import NO_PROPAGATE_INHERIT_ACE as NO_PROPAGATE_INHERIT_ACE
from ._security_constants import OBJECT_INHERIT_ACE as OBJECT_INHERIT_ACE
from ._security_constants import REVOKE_ACCESS as REVOKE_ACCESS
from ._security_constants import SE_ASSIGNPRIMARYTOKEN_NAME as SE_ASSIGNPRIMARYTOKEN_NAME
from ._security_constants import SE_AUDIT_NAME as SE_AUDIT_NAME
from ._security_constants import SE_BACKUP_NAME as SE_BACKUP_NAME
from ._security_constants import SE_BATCH_LOGON_NAME as SE_BATCH_LOGON_NAME
from ._security_constants import SE_CHANGE_NOTIFY_NAME as SE_CHANGE_NOTIFY_NAME
from ._security_constants import SE_CREATE_GLOBAL_NAME as SE_CREATE_GLOBAL_NAME
from ._security_constants import SE_CREATE_PAGEFILE_NAME as SE_CREATE_PAGEFILE_NAME
from ._security_constants import SE_CREATE_PERMANENT_NAME as SE_CREATE_PERMANENT_NAME
from ._security_constants import SE_CREATE_SYMBOLIC_LINK_NAME as SE_CREATE_SYMBOLIC_LINK_NAME
from ._security_constants import SE_CREATE_TOKEN_NAME as SE_CREATE_TOKEN_NAME
from ._security_constants import SE_DEBUG_NAME as SE_DEBUG_NAME
from ._security_constants import SE_DENY_BATCH_LOGON_NAME as SE_DENY_BATCH_LOGON_NAME
from ._security_constants import SE_DENY_INTERACTIVE_LOGON_NAME as SE_DENY_INTERACTIVE_LOGON_NAME
from ._security_constants import SE_DENY_NETWORK_LOGON_NAME as SE_DENY_NETWORK_LOGON_NAME
from ._security_constants import (
    SE_DENY_REMOTE_INTERACTIVE_LOGON_NAME as SE_DENY_REMOTE_INTERACTIVE_LOGON_NAME,
)
from ._security_constants import SE_DENY_SERVICE_LOGON_NAME as SE_DENY_SERVICE_LOGON_NAME
from ._security_constants import SE_ENABLE_DELEGATION_NAME as SE_ENABLE_DELEGATION_NAME
from ._security_constants import SE_IMPERSONATE_NAME as SE_IMPERSONATE_NAME
from ._security_constants import SE_INC_BASE_PRIORITY_NAME as SE_INC_BASE_PRIORITY_NAME
from ._security_constants import SE_INC_WORKING_SET_NAME as SE_INC_WORKING_SET_NAME
from ._security_constants import SE_INCREASE_QUOTA_NAME as SE_INCREASE_QUOTA_NAME
from ._security_constants import SE_INTERACTIVE_LOGON_NAME as SE_INTERACTIVE_LOGON_NAME
from ._security_constants import SE_LOAD_DRIVER_NAME as SE_LOAD_DRIVER_NAME
from ._security_constants import SE_LOCK_MEMORY_NAME as SE_LOCK_MEMORY_NAME
from ._security_constants import SE_MACHINE_ACCOUNT_NAME as SE_MACHINE_ACCOUNT_NAME
from ._security_constants import SE_MANAGE_VOLUME_NAME as SE_MANAGE_VOLUME_NAME
from ._security_constants import SE_NETWORK_LOGON_NAME as SE_NETWORK_LOGON_NAME
from ._security_constants import SE_PRIVILEGE_ENABLED as SE_PRIVILEGE_ENABLED
from ._security_constants import SE_PRIVILEGE_ENABLED_BY_DEFAULT as SE_PRIVILEGE_ENABLED_BY_DEFAULT
from ._security_constants import SE_PRIVILEGE_REMOVED as SE_PRIVILEGE_REMOVED
from ._security_constants import SE_PRIVILEGE_USED_FOR_ACCESS as SE_PRIVILEGE_USED_FOR_ACCESS
from ._security_constants import SE_PROF_SINGLE_PROCESS_NAME as SE_PROF_SINGLE_PROCESS_NAME
from ._security_constants import SE_RELABEL_NAME as SE_RELABEL_NAME
from ._security_constants import (
    SE_REMOTE_INTERACTIVE_LOGON_NAME as SE_REMOTE_INTERACTIVE_LOGON_NAME,
)
from ._security_constants import SE_REMOTE_SHUTDOWN_NAME as SE_REMOTE_SHUTDOWN_NAME
from ._security_constants import SE_RESTORE_NAME as SE_RESTORE_NAME
from ._security_constants import SE_SECURITY_NAME as SE_SECURITY_NAME
from ._security_constants import SE_SERVICE_LOGON_NAME as SE_SERVICE_LOGON_NAME
from ._security_constants import SE_SHUTDOWN_NAME as SE_SHUTDOWN_NAME
from ._security_constants import SE_SYNC_AGENT_NAME as SE_SYNC_AGENT_NAME
from ._security_constants import SE_SYSTEM_ENVIRONMENT_NAME as SE_SYSTEM_ENVIRONMENT_NAME
from ._security_constants import SE_SYSTEM_PROFILE_NAME as SE_SYSTEM_PROFILE_NAME
from ._security_constants import SE_SYSTEMTIME_NAME as SE_SYSTEMTIME_NAME
from ._security_constants import SE_TAKE_OWNERSHIP_NAME as SE_TAKE_OWNERSHIP_NAME
from ._security_constants import SE_TCB_NAME as SE_TCB_NAME
from ._security_constants import SE_TIME_ZONE_NAME as SE_TIME_ZONE_NAME
from ._security_constants import SE_TRUSTED_CREDMAN_ACCESS_NAME as SE_TRUSTED_CREDMAN_ACCESS_NAME
from ._security_constants import SE_UNDOCK_NAME as SE_UNDOCK_NAME
from ._security_constants import SE_UNSOLICITED_INPUT_NAME as SE_UNSOLICITED_INPUT_NAME
from ._security_constants import SET_ACCESS as SET_ACCESS
from ._security_constants import SET_AUDIT_FAILURE as SET_AUDIT_FAILURE
from ._security_constants import SET_AUDIT_SUCCESS as SET_AUDIT_SUCCESS
from ._security_constants import (
    SUB_CONTAINERS_AND_OBJECTS_INHERIT as SUB_CONTAINERS_AND_OBJECTS_INHERIT,
)
from ._security_constants import SUB_CONTAINERS_ONLY_INHERIT as SUB_CONTAINERS_ONLY_INHERIT
from ._security_constants import SUB_OBJECTS_ONLY_INHERIT as SUB_OBJECTS_ONLY_INHERIT
from ._security_constants import (
    TOKEN_MANDATORY_POLICY_NEW_PROCESS_MIN as TOKEN_MANDATORY_POLICY_NEW_PROCESS_MIN,
)
from ._security_constants import (
    TOKEN_MANDATORY_POLICY_NO_WRITE_UP as TOKEN_MANDATORY_POLICY_NO_WRITE_UP,
)
from ._security_constants import TOKEN_MANDATORY_POLICY_OFF as TOKEN_MANDATORY_POLICY_OFF
from ._security_constants import (
    TOKEN_MANDATORY_POLICY_VALID_MASK as TOKEN_MANDATORY_POLICY_VALID_MASK,
)
from ._security_ds import *  # noqa: F403 - Ds* and LSA logon-process names (session 25)
from ._security_sspi import *  # noqa: F403 - the SSPI functions and types are this module's
from ._tokens import *  # noqa: F403 - the token and privilege functions are this module's
from ._tokens import TOKEN_ADJUST_DEFAULT as TOKEN_ADJUST_DEFAULT
from ._tokens import TOKEN_ADJUST_GROUPS as TOKEN_ADJUST_GROUPS
from ._tokens import TOKEN_ADJUST_PRIVILEGES as TOKEN_ADJUST_PRIVILEGES
from ._tokens import TOKEN_ADJUST_SESSIONID as TOKEN_ADJUST_SESSIONID
from ._tokens import TOKEN_ALL_ACCESS as TOKEN_ALL_ACCESS
from ._tokens import TOKEN_ASSIGN_PRIMARY as TOKEN_ASSIGN_PRIMARY
from ._tokens import TOKEN_DUPLICATE as TOKEN_DUPLICATE
from ._tokens import TOKEN_EXECUTE as TOKEN_EXECUTE
from ._tokens import TOKEN_IMPERSONATE as TOKEN_IMPERSONATE
from ._tokens import TOKEN_QUERY as TOKEN_QUERY
from ._tokens import TOKEN_QUERY_SOURCE as TOKEN_QUERY_SOURCE
from ._tokens import TOKEN_READ as TOKEN_READ
from ._tokens import TOKEN_WRITE as TOKEN_WRITE
from ._tokens import SecurityAnonymous as SecurityAnonymous
from ._tokens import SecurityDelegation as SecurityDelegation
from ._tokens import SecurityIdentification as SecurityIdentification
from ._tokens import SecurityImpersonation as SecurityImpersonation
from ._tokens import TokenAccessInformation as TokenAccessInformation
from ._tokens import TokenAuditPolicy as TokenAuditPolicy
from ._tokens import TokenDefaultDacl as TokenDefaultDacl
from ._tokens import TokenElevation as TokenElevation
from ._tokens import TokenElevationType as TokenElevationType
from ._tokens import TokenElevationTypeDefault as TokenElevationTypeDefault
from ._tokens import TokenElevationTypeFull as TokenElevationTypeFull
from ._tokens import TokenElevationTypeLimited as TokenElevationTypeLimited
from ._tokens import TokenGroups as TokenGroups
from ._tokens import TokenGroupsAndPrivileges as TokenGroupsAndPrivileges
from ._tokens import TokenHasRestrictions as TokenHasRestrictions
from ._tokens import TokenImpersonation as TokenImpersonation
from ._tokens import TokenImpersonationLevel as TokenImpersonationLevel
from ._tokens import TokenIntegrityLevel as TokenIntegrityLevel
from ._tokens import TokenLinkedToken as TokenLinkedToken
from ._tokens import TokenLogonSid as TokenLogonSid
from ._tokens import TokenMandatoryPolicy as TokenMandatoryPolicy
from ._tokens import TokenOrigin as TokenOrigin
from ._tokens import TokenOwner as TokenOwner
from ._tokens import TokenPrimary as TokenPrimary
from ._tokens import TokenPrimaryGroup as TokenPrimaryGroup
from ._tokens import TokenPrivileges as TokenPrivileges
from ._tokens import TokenRestrictedSids as TokenRestrictedSids
from ._tokens import TokenSandBoxInert as TokenSandBoxInert
from ._tokens import TokenSessionId as TokenSessionId
from ._tokens import TokenSessionReference as TokenSessionReference
from ._tokens import TokenSource as TokenSource
from ._tokens import TokenStatistics as TokenStatistics
from ._tokens import TokenType as TokenType
from ._tokens import TokenUIAccess as TokenUIAccess
from ._tokens import TokenUser as TokenUser
from ._tokens import TokenVirtualizationAllowed as TokenVirtualizationAllowed
from ._tokens import TokenVirtualizationEnabled as TokenVirtualizationEnabled
from ._well_known_sids import *  # noqa: F403 - WELL_KNOWN_SID_TYPE's names
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
    "TranslateName", *_tokens.__all__, *_object_security.__all__, *_identity.__all__, *_lsa.__all__,
    *_security_sspi.__all__,
    *_security_ds.__all__,
]  # fmt: skip

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
    """A SID from ``S-1-5-32-544`` or an SDDL alias (``BA``); ERROR_INVALID_SID otherwise."""
    return _sddl.sid_from_text(_text(StringSid, "StringSid"))


@api("ConvertSidToStringSid")
def ConvertSidToStringSid(Sid: object, /) -> str:
    if not isinstance(Sid, PySID):
        raise TypeError("The object is not a PySID object")
    return _security.sid_to_string(Sid)


@api("CreateWellKnownSid")
def CreateWellKnownSid(WellKnownSidType: int, DomainSid: object = None, /) -> PySID:
    if DomainSid is not None and not isinstance(DomainSid, PySID):
        raise TypeError("The object is not a PySID object")
    return _security.well_known_sid(operator.index(WellKnownSidType), DomainSid)


@api("ConvertStringSecurityDescriptorToSecurityDescriptor")
def ConvertStringSecurityDescriptorToSecurityDescriptor(
    StringSecurityDescriptor: str, StringSDRevision: int, /
) -> PySECURITY_DESCRIPTOR:
    return _sddl.sd_from_sddl(_text(StringSecurityDescriptor, "StringSecurityDescriptor"))


@api("ConvertSecurityDescriptorToStringSecurityDescriptor")
def ConvertSecurityDescriptorToStringSecurityDescriptor(
    SecurityDescriptor: object, RequestedStringSDRevision: int, SecurityInformation: int, /
) -> str:
    if not isinstance(SecurityDescriptor, PySECURITY_DESCRIPTOR):
        raise TypeError("The object is not a PySECURITY_DESCRIPTOR object")
    return _sddl.sd_to_sddl(SecurityDescriptor, int(SecurityInformation))


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
