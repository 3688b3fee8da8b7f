"""Contract: the local security authority (win32security's Lsa* functions).

The policy of the local computer (its account domain is the computer itself, in a
workgroup), the rights accounts hold (an account holding none: ERROR_FILE_NOT_FOUND, an
unknown right: ERROR_NO_SUCH_PRIVILEGE), private data, and the logon sessions. These tests
run as an administrator, who may open the policy with every right.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import pywintypes
import win32api
import win32event
import win32security
import winerror

from ._wine import ON_THE_ORACLE, wine_differs

ADMINISTRATORS = "S-1-5-32-544"
NOBODY = "S-1-5-21-1-2-3-4444"


def failure(call: Any, *args: Any) -> tuple[int, str]:
    """(winerror, funcname) of the pywintypes.error a call raises."""
    with pytest.raises(pywintypes.error) as info:
        call(*args)
    return info.value.winerror, info.value.funcname


def text(sid: Any) -> str:
    return str(win32security.ConvertSidToStringSid(sid))


@pytest.fixture
def policy() -> Any:
    handle = win32security.LsaOpenPolicy(None, win32security.POLICY_ALL_ACCESS)
    yield handle
    win32security.LsaClose(handle)


def test_the_account_domain_is_the_computer(policy: Any) -> None:
    name, sid = win32security.LsaQueryInformationPolicy(
        policy, win32security.PolicyAccountDomainInformation
    )
    assert name.upper() == win32api.GetComputerName().upper()
    assert text(sid) == text(win32security.LookupAccountName(None, name)[0])


def test_a_workgroup_computer_has_no_primary_domain_sid(policy: Any) -> None:
    _, sid = win32security.LsaQueryInformationPolicy(
        policy, win32security.PolicyPrimaryDomainInformation
    )
    assert sid is None


@wine_differs("Wine's LSA keeps no account rights")
def test_administrators_hold_the_backup_privilege(policy: Any) -> None:
    rights = win32security.LsaEnumerateAccountRights(
        policy, win32security.ConvertStringSidToSid(ADMINISTRATORS)
    )
    assert "SeBackupPrivilege" in rights
    holders = win32security.LsaEnumerateAccountsWithUserRight(policy, "SeBackupPrivilege")
    assert ADMINISTRATORS in [text(sid) for sid in holders]


def test_an_account_holding_no_rights_is_not_found(policy: Any) -> None:
    nobody = win32security.ConvertStringSidToSid(NOBODY)
    assert failure(win32security.LsaEnumerateAccountRights, policy, nobody) == (
        winerror.ERROR_FILE_NOT_FOUND,
        "LsaEnumerateAccountRights",
    )


@wine_differs("Wine's LSA keeps no account rights")
def test_rights_are_added_and_removed(policy: Any) -> None:
    nobody = win32security.ConvertStringSidToSid(NOBODY)
    win32security.LsaAddAccountRights(policy, nobody, ("SeBatchLogonRight",))
    try:
        assert win32security.LsaEnumerateAccountRights(policy, nobody) == ["SeBatchLogonRight"]
    finally:
        win32security.LsaRemoveAccountRights(policy, nobody, 0, ("SeBatchLogonRight",))
    assert failure(win32security.LsaEnumerateAccountRights, policy, nobody)[0] == (
        winerror.ERROR_FILE_NOT_FOUND
    )


@wine_differs("Wine's LSA accepts any right's name")
def test_an_unknown_right_is_no_such_privilege(policy: Any) -> None:
    nobody = win32security.ConvertStringSidToSid(NOBODY)
    assert failure(win32security.LsaAddAccountRights, policy, nobody, ("SeNoSuchRight",)) == (
        winerror.ERROR_NO_SUCH_PRIVILEGE,
        "LsaAddAccountRights",
    )


@wine_differs("Wine's LsaStorePrivateData stores nothing (STATUS_OBJECT_NAME_NOT_FOUND)")
def test_private_data_is_stored_retrieved_and_deleted(policy: Any) -> None:
    name = f"apartment-test-{os.getpid()}"
    win32security.LsaStorePrivateData(policy, name, "secret value")
    assert win32security.LsaRetrievePrivateData(policy, name) == "secret value"
    win32security.LsaStorePrivateData(policy, name, None)
    assert failure(win32security.LsaRetrievePrivateData, policy, name) == (
        winerror.ERROR_FILE_NOT_FOUND,
        "LsaRetrievePrivateData",
    )


@wine_differs("Wine's LsaOpenPolicy of another computer fails with ERROR_NOACCESS")
def test_another_computers_policy_is_unreachable() -> None:
    assert failure(
        win32security.LsaOpenPolicy, "no-such-computer", win32security.POLICY_ALL_ACCESS
    ) == (winerror.RPC_S_SERVER_UNAVAILABLE, "LsaOpenPolicy")


@wine_differs("Wine's LsaEnumerateLogonSessions lists no session")
def test_the_users_logon_session() -> None:
    sessions = win32security.LsaEnumerateLogonSessions()
    assert sessions
    names = []
    for luid in sessions:
        with_data = win32security.LsaGetLogonSessionData(luid)
        names.append(with_data["UserName"].upper())
    assert win32api.GetUserName().upper() in names


def test_bad_arguments_are_type_errors(policy: Any) -> None:
    with pytest.raises(TypeError):
        win32security.LsaEnumerateAccountRights(policy, "S-1-1-0")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("POLICY_ALL_ACCESS", 0xF0FFF),
        ("POLICY_READ", 0x20006),
        ("POLICY_WRITE", 0x207F8),
        ("POLICY_EXECUTE", 0x20801),
        ("POLICY_LOOKUP_NAMES", 0x800),
        ("PolicyAccountDomainInformation", 5),
        ("PolicyDnsDomainInformation", 12),
        ("PolicyServerRolePrimary", 3),
        ("AuditCategoryAccountLogon", 8),
        ("POLICY_AUDIT_EVENT_NONE", 4),
        ("PolicyNotifyMachineAccountPasswordInformation", 7),
        ("TrustedDomainFullInformation2Internal", 12),
    ],
)
def test_the_constants_have_windows_values(name: str, value: int) -> None:
    assert getattr(win32security, name) == value


@pytest.mark.skipif(
    ON_THE_ORACLE, reason="Wine lacks LsaRegisterPolicyChangeNotification: it aborts"
)
def test_a_change_of_the_audit_policy_sets_the_registered_event(policy: Any) -> None:
    event = win32event.CreateEvent(None, 1, 0, None)
    kind = win32security.PolicyNotifyAuditEventsInformation
    win32security.LsaRegisterPolicyChangeNotification(kind, event)
    try:
        mode, options = win32security.LsaQueryInformationPolicy(
            policy, win32security.PolicyAuditEventsInformation
        )
        win32security.LsaSetInformationPolicy(
            policy, win32security.PolicyAuditEventsInformation, (mode, options)
        )
        assert win32event.WaitForSingleObject(event, 5000) == win32event.WAIT_OBJECT_0
    finally:
        win32security.LsaUnregisterPolicyChangeNotification(kind, event)
        event.Close()
