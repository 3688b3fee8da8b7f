"""Constants of pywin32's ``win32security``: privilege names, logon types, ACE inheritance.

The values are Windows' (winnt.h, accctrl.h); ``win32security`` re-exports them all.
"""

from __future__ import annotations

__all__: list[str] = []  # constants only: win32security names each one

# privilege and account-right names (SE_*_NAME)
SE_ASSIGNPRIMARYTOKEN_NAME = "SeAssignPrimaryTokenPrivilege"
SE_AUDIT_NAME = "SeAuditPrivilege"
SE_BACKUP_NAME = "SeBackupPrivilege"
SE_BATCH_LOGON_NAME = "SeBatchLogonRight"
SE_CHANGE_NOTIFY_NAME = "SeChangeNotifyPrivilege"
SE_CREATE_GLOBAL_NAME = "SeCreateGlobalPrivilege"
SE_CREATE_PAGEFILE_NAME = "SeCreatePagefilePrivilege"
SE_CREATE_PERMANENT_NAME = "SeCreatePermanentPrivilege"
SE_CREATE_SYMBOLIC_LINK_NAME = "SeCreateSymbolicLinkPrivilege"
SE_CREATE_TOKEN_NAME = "SeCreateTokenPrivilege"
SE_DEBUG_NAME = "SeDebugPrivilege"
SE_DENY_BATCH_LOGON_NAME = "SeDenyBatchLogonRight"
SE_DENY_INTERACTIVE_LOGON_NAME = "SeDenyInteractiveLogonRight"
SE_DENY_NETWORK_LOGON_NAME = "SeDenyNetworkLogonRight"
SE_DENY_REMOTE_INTERACTIVE_LOGON_NAME = "SeDenyRemoteInteractiveLogonRight"
SE_DENY_SERVICE_LOGON_NAME = "SeDenyServiceLogonRight"
SE_ENABLE_DELEGATION_NAME = "SeEnableDelegationPrivilege"
SE_IMPERSONATE_NAME = "SeImpersonatePrivilege"
SE_INCREASE_QUOTA_NAME = "SeIncreaseQuotaPrivilege"
SE_INC_BASE_PRIORITY_NAME = "SeIncreaseBasePriorityPrivilege"
SE_INC_WORKING_SET_NAME = "SeIncreaseWorkingSetPrivilege"
SE_INTERACTIVE_LOGON_NAME = "SeInteractiveLogonRight"
SE_LOAD_DRIVER_NAME = "SeLoadDriverPrivilege"
SE_LOCK_MEMORY_NAME = "SeLockMemoryPrivilege"
SE_MACHINE_ACCOUNT_NAME = "SeMachineAccountPrivilege"
SE_MANAGE_VOLUME_NAME = "SeManageVolumePrivilege"
SE_NETWORK_LOGON_NAME = "SeNetworkLogonRight"
SE_PROF_SINGLE_PROCESS_NAME = "SeProfileSingleProcessPrivilege"
SE_RELABEL_NAME = "SeRelabelPrivilege"
SE_REMOTE_INTERACTIVE_LOGON_NAME = "SeRemoteInteractiveLogonRight"
SE_REMOTE_SHUTDOWN_NAME = "SeRemoteShutdownPrivilege"
SE_RESTORE_NAME = "SeRestorePrivilege"
SE_SECURITY_NAME = "SeSecurityPrivilege"
SE_SERVICE_LOGON_NAME = "SeServiceLogonRight"
SE_SHUTDOWN_NAME = "SeShutdownPrivilege"
SE_SYNC_AGENT_NAME = "SeSyncAgentPrivilege"
SE_SYSTEMTIME_NAME = "SeSystemtimePrivilege"
SE_SYSTEM_ENVIRONMENT_NAME = "SeSystemEnvironmentPrivilege"
SE_SYSTEM_PROFILE_NAME = "SeSystemProfilePrivilege"
SE_TAKE_OWNERSHIP_NAME = "SeTakeOwnershipPrivilege"
SE_TCB_NAME = "SeTcbPrivilege"
SE_TIME_ZONE_NAME = "SeTimeZonePrivilege"
SE_TRUSTED_CREDMAN_ACCESS_NAME = "SeTrustedCredManAccessPrivilege"
SE_UNDOCK_NAME = "SeUndockPrivilege"
SE_UNSOLICITED_INPUT_NAME = "SeUnsolicitedInputPrivilege"
# privilege attributes, logon types and providers, ACE flags, access modes
CONTAINER_INHERIT_ACE = 2
DENY_ACCESS = 3
GRANT_ACCESS = 1
INHERIT_ONLY_ACE = 8
INHERITED_ACE = 0x10
LOGON32_PROVIDER_DEFAULT = 0
LOGON32_PROVIDER_WINNT35 = 1
LOGON32_LOGON_INTERACTIVE = 2
LOGON32_PROVIDER_WINNT40 = 2
LOGON32_LOGON_NETWORK = 3
LOGON32_PROVIDER_WINNT50 = 3
LOGON32_LOGON_BATCH = 4
LOGON32_LOGON_SERVICE = 5
LOGON32_LOGON_UNLOCK = 7
LOGON32_LOGON_NETWORK_CLEARTEXT = 8
LOGON32_LOGON_NEW_CREDENTIALS = 9
NO_INHERITANCE = 0
NO_PROPAGATE_INHERIT_ACE = 4
OBJECT_INHERIT_ACE = 1
REVOKE_ACCESS = 4
SE_PRIVILEGE_USED_FOR_ACCESS = -0x80000000  # pywin32 gives this flag as a negative C long
SE_PRIVILEGE_ENABLED_BY_DEFAULT = 1
SE_PRIVILEGE_ENABLED = 2
SE_PRIVILEGE_REMOVED = 4
SET_ACCESS = 2
SET_AUDIT_SUCCESS = 5
SET_AUDIT_FAILURE = 6
SUB_OBJECTS_ONLY_INHERIT = 1
SUB_CONTAINERS_ONLY_INHERIT = 2
SUB_CONTAINERS_AND_OBJECTS_INHERIT = 3
TOKEN_MANDATORY_POLICY_OFF = 0
TOKEN_MANDATORY_POLICY_NO_WRITE_UP = 1
TOKEN_MANDATORY_POLICY_NEW_PROCESS_MIN = 2
TOKEN_MANDATORY_POLICY_VALID_MASK = 3
