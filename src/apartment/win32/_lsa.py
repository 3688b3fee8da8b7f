"""pywin32's ``win32security`` LSA functions: the local policy, account rights, secrets.

``win32security`` re-exports every name here. Each converts its arguments and makes one call
of the kernel's LSA (``apartment.kernel.open_policy``, ``account_rights``...), which keeps
the rights, secrets and audit policy per user and says what a standard user may do. The
computer is in a workgroup: its account domain is itself, it has no DNS domain.
"""

from __future__ import annotations

import operator

from .. import kernel
from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ._adapt import api, as_bool, dword
from ._buffers import text_arg
from ._handles import PyHANDLE, lookup, new_handle
from ._security import PySID, sid_from_string, sid_to_string
from .pywintypes import IID, Time

__all__ = [
    "LsaOpenPolicy", "GetPolicyHandle", "LsaClose", "LsaQueryInformationPolicy",
    "LsaSetInformationPolicy", "LsaAddAccountRights", "LsaRemoveAccountRights",
    "LsaEnumerateAccountRights", "LsaEnumerateAccountsWithUserRight", "LsaStorePrivateData",
    "LsaRetrievePrivateData", "LsaEnumerateLogonSessions", "LsaGetLogonSessionData",
    "LsaRegisterPolicyChangeNotification", "LsaUnregisterPolicyChangeNotification",
    "POLICY_ALL_ACCESS", "POLICY_AUDIT_EVENT_FAILURE", "POLICY_AUDIT_EVENT_NONE",
    "POLICY_AUDIT_EVENT_SUCCESS", "POLICY_AUDIT_EVENT_UNCHANGED", "POLICY_AUDIT_LOG_ADMIN",
    "POLICY_CREATE_ACCOUNT", "POLICY_CREATE_PRIVILEGE", "POLICY_CREATE_SECRET", "POLICY_EXECUTE",
    "POLICY_GET_PRIVATE_INFORMATION", "POLICY_LOOKUP_NAMES", "POLICY_NOTIFICATION", "POLICY_READ",
    "POLICY_SERVER_ADMIN", "POLICY_SET_AUDIT_REQUIREMENTS", "POLICY_SET_DEFAULT_QUOTA_LIMITS",
    "POLICY_TRUST_ADMIN", "POLICY_VIEW_AUDIT_INFORMATION", "POLICY_VIEW_LOCAL_INFORMATION",
    "POLICY_WRITE", "AuditCategoryAccountLogon", "AuditCategoryAccountManagement",
    "AuditCategoryDetailedTracking", "AuditCategoryDirectoryServiceAccess", "AuditCategoryLogon",
    "AuditCategoryObjectAccess", "AuditCategoryPolicyChange", "AuditCategoryPrivilegeUse",
    "AuditCategorySystem", "PolicyAccountDomainInformation", "PolicyAuditEventsInformation",
    "PolicyAuditFullQueryInformation", "PolicyAuditFullSetInformation",
    "PolicyAuditLogInformation", "PolicyDefaultQuotaInformation", "PolicyDnsDomainInformation",
    "PolicyLsaServerRoleInformation", "PolicyModificationInformation",
    "PolicyNotifyAccountDomainInformation", "PolicyNotifyAuditEventsInformation",
    "PolicyNotifyDnsDomainInformation", "PolicyNotifyDomainEfsInformation",
    "PolicyNotifyServerRoleInformation", "PolicyPdAccountInformation",
    "PolicyPrimaryDomainInformation", "PolicyReplicaSourceInformation", "PolicyServerDisabled",
    "PolicyServerEnabled", "PolicyServerRoleBackup", "PolicyServerRolePrimary",
    "TrustedControllersInformation", "TrustedDomainAuthInformation",
    "TrustedDomainAuthInformationInternal", "TrustedDomainFullInformation",
    "TrustedDomainFullInformation2Internal", "TrustedDomainFullInformationInternal",
    "TrustedDomainInformationBasic", "TrustedDomainInformationEx",
    "TrustedDomainInformationEx2Internal", "TrustedDomainNameInformation",
    "TrustedPasswordInformation", "TrustedPosixOffsetInformation",
    "PolicyNotifyDomainKerberosTicketInformation",
]  # fmt: skip

# Policy access rights
POLICY_VIEW_LOCAL_INFORMATION = 0x1
POLICY_VIEW_AUDIT_INFORMATION = 0x2
POLICY_GET_PRIVATE_INFORMATION = 0x4
POLICY_TRUST_ADMIN = 0x8
POLICY_CREATE_ACCOUNT = 0x10
POLICY_CREATE_SECRET = 0x20
POLICY_CREATE_PRIVILEGE = 0x40
POLICY_SET_DEFAULT_QUOTA_LIMITS = 0x80
POLICY_SET_AUDIT_REQUIREMENTS = 0x100
POLICY_AUDIT_LOG_ADMIN = 0x200
POLICY_SERVER_ADMIN = 0x400
POLICY_LOOKUP_NAMES = 0x800
POLICY_NOTIFICATION = 0x1000
POLICY_ALL_ACCESS = kernel.POLICY_ALL_ACCESS
POLICY_READ = 0x20006
POLICY_WRITE = 0x207F8
POLICY_EXECUTE = 0x20801
# POLICY_INFORMATION_CLASS
PolicyAuditLogInformation, PolicyAuditEventsInformation = 1, 2
PolicyPrimaryDomainInformation, PolicyPdAccountInformation = 3, 4
PolicyAccountDomainInformation, PolicyLsaServerRoleInformation = 5, 6
PolicyReplicaSourceInformation, PolicyDefaultQuotaInformation = 7, 8
PolicyModificationInformation, PolicyAuditFullSetInformation = 9, 10
PolicyAuditFullQueryInformation, PolicyDnsDomainInformation = 11, 12
# POLICY_LSA_SERVER_ROLE, POLICY_SERVER_ENABLE_STATE
PolicyServerRoleBackup, PolicyServerRolePrimary = 2, 3
PolicyServerEnabled, PolicyServerDisabled = 2, 3
# POLICY_AUDIT_EVENT_TYPE and the options of each
AuditCategorySystem, AuditCategoryLogon, AuditCategoryObjectAccess = 0, 1, 2
AuditCategoryPrivilegeUse, AuditCategoryDetailedTracking, AuditCategoryPolicyChange = 3, 4, 5
AuditCategoryAccountManagement, AuditCategoryDirectoryServiceAccess = 6, 7
AuditCategoryAccountLogon = 8
POLICY_AUDIT_EVENT_UNCHANGED, POLICY_AUDIT_EVENT_SUCCESS = 0, 1
POLICY_AUDIT_EVENT_FAILURE, POLICY_AUDIT_EVENT_NONE = 2, 4
# POLICY_NOTIFICATION_INFORMATION_CLASS
PolicyNotifyAuditEventsInformation, PolicyNotifyAccountDomainInformation = 1, 2
PolicyNotifyServerRoleInformation, PolicyNotifyDnsDomainInformation = 3, 4
PolicyNotifyDomainEfsInformation, PolicyNotifyDomainKerberosTicketInformation = 5, 6
PolicyNotifyMachineAccountPasswordInformation = 7
# TRUSTED_INFORMATION_CLASS
TrustedDomainNameInformation, TrustedControllersInformation = 1, 2
TrustedPosixOffsetInformation, TrustedPasswordInformation = 3, 4
TrustedDomainInformationBasic, TrustedDomainInformationEx = 5, 6
TrustedDomainAuthInformation, TrustedDomainFullInformation = 7, 8
TrustedDomainAuthInformationInternal, TrustedDomainFullInformationInternal = 9, 10
TrustedDomainInformationEx2Internal, TrustedDomainFullInformation2Internal = 11, 12

_EVENT_MODIFY_STATE = 0x2
_WORKGROUP = "WORKGROUP"
_NO_GUID = "{00000000-0000-0000-0000-000000000000}"


def _policy(handle: object, access: int) -> kernel.LsaPolicy:
    return lookup(handle, kernel.LsaPolicy, access, pseudo=False)


def _sid(value: object) -> str:
    if not isinstance(value, PySID):
        raise TypeError("The object is not a PySID object")
    return sid_to_string(value)


def _rights(value: object) -> list[str]:
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise TypeError("UserRights must be a sequence of strings")
    return [text_arg(right) for right in value]


def _open(system_name: object, access_mask: int) -> PyHANDLE:
    computer = None if system_name is None else text_arg(system_name)
    token = kernel.effective_token(kernel.current_thread())
    policy, granted = kernel.open_policy(computer, dword(access_mask), token)
    return new_handle(policy, granted)


@api("LsaOpenPolicy")
def LsaOpenPolicy(system_name: str | None, access_mask: int, /) -> PyHANDLE:
    """A handle to the local computer's policy, with the rights asked for."""
    return _open(system_name, access_mask)


@api("LsaOpenPolicy")
def GetPolicyHandle(systemName: str | None, accessMask: int, /) -> PyHANDLE:
    """pywin32's older name of LsaOpenPolicy."""
    return _open(systemName, accessMask)


@api("LsaClose")
def LsaClose(PolicyHandle: object, /) -> None:
    """Close a policy handle."""
    _policy(PolicyHandle, 0)
    if isinstance(PolicyHandle, PyHANDLE):
        PolicyHandle.Close()
    else:
        kernel.handles.close(operator.index(PolicyHandle))  # type: ignore[arg-type]


@api("LsaQueryInformationPolicy")
def LsaQueryInformationPolicy(PolicyHandle: object, InformationClass: int, /) -> object:
    """One POLICY_INFORMATION_CLASS of the local policy, in pywin32's shape."""
    kind = operator.index(InformationClass)
    if kind == PolicyAuditEventsInformation:
        _policy(PolicyHandle, POLICY_VIEW_AUDIT_INFORMATION)
        mode, options = kernel.audit_policy()
        return mode, options
    _policy(PolicyHandle, POLICY_VIEW_LOCAL_INFORMATION)
    if kind == PolicyAccountDomainInformation:
        name, sid = kernel.machine_domain()
        return name, sid_from_string(sid)
    if kind == PolicyPrimaryDomainInformation:
        return _WORKGROUP, None
    if kind == PolicyDnsDomainInformation:
        return _WORKGROUP, "", "", IID(_NO_GUID), None
    if kind == PolicyLsaServerRoleInformation:
        return PolicyServerRolePrimary
    raise Win32Error.from_code(
        ERROR_INVALID_PARAMETER, f"policy information class {kind} is not kept here"
    )


@api("LsaSetInformationPolicy")
def LsaSetInformationPolicy(
    PolicyHandle: object, InformationClass: int, Information: object, /
) -> None:
    """Set the audit policy: ``(auditing on, options of each category)``."""
    kind = operator.index(InformationClass)
    if kind != PolicyAuditEventsInformation:
        raise Win32Error.from_code(
            ERROR_INVALID_PARAMETER, f"policy information class {kind} cannot be set here"
        )
    _policy(PolicyHandle, POLICY_SET_AUDIT_REQUIREMENTS)
    try:
        mode, options = Information  # type: ignore[misc]
        values = [dword(option) for option in options]  # type: ignore[has-type]
    except (TypeError, ValueError):
        raise TypeError("Information must be (int, sequence of ints)") from None
    kernel.set_audit_policy(as_bool(mode), values)  # type: ignore[has-type]


@api("LsaAddAccountRights")
def LsaAddAccountRights(PolicyHandle: object, AccountSid: object, UserRights: object) -> None:
    """Give an account privileges or logon rights."""
    _policy(PolicyHandle, POLICY_LOOKUP_NAMES | POLICY_CREATE_ACCOUNT)
    kernel.add_account_rights(_sid(AccountSid), _rights(UserRights))


@api("LsaRemoveAccountRights")
def LsaRemoveAccountRights(
    PolicyHandle: object, AccountSid: object, AllRights: object, UserRights: object
) -> None:
    """Take privileges or logon rights from an account (all of them with ``AllRights``)."""
    _policy(PolicyHandle, POLICY_LOOKUP_NAMES)
    kernel.remove_account_rights(
        _sid(AccountSid), _rights(UserRights), all_rights=as_bool(AllRights)
    )


@api("LsaEnumerateAccountRights")
def LsaEnumerateAccountRights(PolicyHandle: object, AccountSid: object, /) -> list[str]:
    """The rights an account holds itself; ERROR_FILE_NOT_FOUND for one that holds none."""
    _policy(PolicyHandle, POLICY_LOOKUP_NAMES)
    return kernel.account_rights(_sid(AccountSid))


@api("LsaEnumerateAccountsWithUserRight")
def LsaEnumerateAccountsWithUserRight(
    PolicyHandle: object, UserRight: object, /
) -> tuple[PySID, ...]:
    """The SIDs of the accounts that hold a right."""
    _policy(PolicyHandle, POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION)
    return tuple(sid_from_string(sid) for sid in kernel.accounts_with_right(text_arg(UserRight)))


@api("LsaStorePrivateData")
def LsaStorePrivateData(PolicyHandle: object, KeyName: str, PrivateData: object, /) -> None:
    """Keep private data under a name in the user's LSA store; None deletes it."""
    _policy(PolicyHandle, POLICY_CREATE_SECRET)
    value = None if PrivateData is None else text_arg(PrivateData)
    kernel.store_secret(text_arg(KeyName), value)


@api("LsaRetrievePrivateData")
def LsaRetrievePrivateData(PolicyHandle: object, KeyName: str, /) -> str:
    """The private data kept under a name; ERROR_FILE_NOT_FOUND for none."""
    _policy(PolicyHandle, POLICY_GET_PRIVATE_INFORMATION)
    return kernel.retrieve_secret(text_arg(KeyName))


@api("LsaRegisterPolicyChangeNotification")
def LsaRegisterPolicyChangeNotification(
    InformationClass: int, NotificationEventHandle: object, /
) -> None:
    """Set an event when a part of the policy changes (by any process of the user)."""
    event = lookup(NotificationEventHandle, kernel.Event, _EVENT_MODIFY_STATE)
    kernel.watch_policy(_notify_class(InformationClass), event)


@api("LsaUnregisterPolicyChangeNotification")
def LsaUnregisterPolicyChangeNotification(
    InformationClass: int, NotificationEventHandle: object, /
) -> None:
    """Stop setting the event."""
    event = lookup(NotificationEventHandle, kernel.Event)
    kernel.unwatch_policy(_notify_class(InformationClass), event)


def _notify_class(value: object) -> int:
    kind = operator.index(value)  # type: ignore[arg-type]
    if (
        not PolicyNotifyAuditEventsInformation
        <= kind
        <= PolicyNotifyMachineAccountPasswordInformation
    ):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no notification class {kind}")
    return kind


@api("LsaEnumerateLogonSessions")
def LsaEnumerateLogonSessions() -> tuple[int, ...]:
    """The LUIDs of the logon sessions: the user's own."""
    return kernel.logon_sessions()


@api("LsaGetLogonSessionData")
def LsaGetLogonSessionData(LogonId: object, /) -> dict[str, object]:
    """What a logon session is: its user, domain, type, SID, time..."""
    session = kernel.logon_session(operator.index(LogonId))  # type: ignore[arg-type]
    return {
        "UserName": session.user_name,
        "LogonDomain": session.logon_domain,
        "AuthenticationPackage": session.authentication_package,
        "LogonType": session.logon_type,
        "Session": session.session,
        "Sid": sid_from_string(session.sid),
        "LogonTime": Time(session.logon_time),
        "LogonServer": session.logon_server,
        "DnsDomainName": session.dns_domain_name,
        "Upn": session.upn,
        "LogonId": session.logon_id,
    }
