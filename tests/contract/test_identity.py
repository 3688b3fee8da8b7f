"""Contract: who a thread acts as (win32security impersonation, logons, restricted tokens).

A thread takes another identity with ImpersonateLoggedOnUser, ImpersonateAnonymousToken,
ImpersonateNamedPipeClient or SetThreadToken, seen by OpenThreadToken, until RevertToSelf.
Windows' rules: SetThreadToken takes an impersonation token (ERROR_BAD_TOKEN_TYPE); a
mandatory group cannot be disabled (ERROR_CANT_DISABLE_MANDATORY); a token's owner must be its
user or a group that may own (ERROR_INVALID_OWNER), its primary group one of its groups
(ERROR_INVALID_PRIMARY_GROUP); moving a token to another session takes SeTcbPrivilege.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import pywintypes
import win32api
import win32file
import win32pipe
import win32security
import winerror

from ._wine import wine_differs

EVERYONE = "S-1-1-0"
POWER_USERS = "S-1-5-32-547"


def failure(call: Any, *args: Any) -> tuple[int, str]:
    """(winerror, funcname) of the pywintypes.error a call raises."""
    with pytest.raises(pywintypes.error) as info:
        call(*args)
    return info.value.winerror, info.value.funcname


def text(sid: Any) -> str:
    return str(win32security.ConvertSidToStringSid(sid))


def sid(value: str) -> Any:
    return win32security.ConvertStringSidToSid(value)


_opened: list[Any] = []


def kept(handle: Any) -> Any:
    """Close ``handle`` when the test ends."""
    _opened.append(handle)
    return handle


def process_token() -> Any:
    return kept(
        win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32security.TOKEN_ALL_ACCESS)
    )


def a_copy() -> Any:
    """A primary copy of the process token, to change without changing the process's."""
    return kept(
        win32security.DuplicateTokenEx(
            process_token(),
            win32security.SecurityImpersonation,
            win32security.TOKEN_ALL_ACCESS,
            win32security.TokenPrimary,
        )
    )


def thread_token() -> Any:
    return kept(
        win32security.OpenThreadToken(win32api.GetCurrentThread(), win32security.TOKEN_QUERY, True)
    )


@pytest.fixture(autouse=True)
def _revert_and_close() -> Any:
    yield
    win32security.RevertToSelf()
    while _opened:
        _opened.pop().Close()


def test_luids_are_unique() -> None:
    first = win32security.AllocateLocallyUniqueId()
    second = win32security.AllocateLocallyUniqueId()
    assert isinstance(first, int)
    assert first != second


def test_a_thread_impersonates_a_logged_on_users_token_until_it_reverts() -> None:
    user = win32security.GetTokenInformation(process_token(), win32security.TokenUser)[0]
    win32security.ImpersonateLoggedOnUser(process_token())
    token = thread_token()
    assert win32security.GetTokenInformation(token, win32security.TokenType) == (
        win32security.TokenImpersonation
    )
    assert text(win32security.GetTokenInformation(token, win32security.TokenUser)[0]) == text(user)
    win32security.RevertToSelf()
    assert failure(
        win32security.OpenThreadToken, win32api.GetCurrentThread(), win32security.TOKEN_QUERY, 1
    ) == (winerror.ERROR_NO_TOKEN, "OpenThreadToken")


def test_set_thread_token_sets_and_clears_an_impersonation_token() -> None:
    copy = kept(win32security.DuplicateToken(process_token(), win32security.SecurityImpersonation))
    win32security.SetThreadToken(None, copy)
    assert win32security.GetTokenInformation(
        thread_token(), win32security.TokenImpersonationLevel
    ) == (win32security.SecurityImpersonation)
    win32security.SetThreadToken(None, None)
    assert failure(
        win32security.OpenThreadToken, win32api.GetCurrentThread(), win32security.TOKEN_QUERY, 1
    ) == (winerror.ERROR_NO_TOKEN, "OpenThreadToken")


@wine_differs("Wine's SetThreadToken takes a primary token (Windows: ERROR_BAD_TOKEN_TYPE)")
def test_set_thread_token_refuses_a_primary_token() -> None:
    assert failure(win32security.SetThreadToken, None, process_token()) == (
        winerror.ERROR_BAD_TOKEN_TYPE,
        "SetThreadToken",
    )


@wine_differs("Wine does not implement ImpersonateAnonymousToken (ERROR_INVALID_FUNCTION)")
def test_the_anonymous_token_is_anonymous_logon() -> None:
    win32security.ImpersonateAnonymousToken(win32api.GetCurrentThread())
    user = win32security.GetTokenInformation(thread_token(), win32security.TokenUser)[0]
    assert text(user) == "S-1-5-7"
    assert win32api.GetUserName() == "ANONYMOUS LOGON"
    win32security.RevertToSelf()
    assert win32api.GetUserName() != "ANONYMOUS LOGON"


def test_a_pipe_server_impersonates_its_connected_client() -> None:
    name = rf"\\.\pipe\apartment-impersonate-{os.getpid()}"
    server = win32pipe.CreateNamedPipe(
        name, win32pipe.PIPE_ACCESS_DUPLEX, win32pipe.PIPE_TYPE_BYTE, 1, 512, 512, 0, None
    )
    client = win32file.CreateFile(
        name, win32file.GENERIC_READ | win32file.GENERIC_WRITE, 0, None,
        win32file.OPEN_EXISTING, 0, None,
    )  # fmt: skip
    try:
        connected = win32pipe.ConnectNamedPipe(server, None)  # the client came first
        assert connected == winerror.ERROR_PIPE_CONNECTED
        win32file.WriteFile(client, b"hello")
        assert win32file.ReadFile(server, 5) == (0, b"hello")
        win32security.ImpersonateNamedPipeClient(server)
        user = win32security.GetTokenInformation(thread_token(), win32security.TokenUser)[0]
        mine = win32security.GetTokenInformation(process_token(), win32security.TokenUser)[0]
        assert text(user) == text(mine)
    finally:
        win32security.RevertToSelf()
        client.Close()
        server.Close()


@wine_differs("Wine's ImpersonateNamedPipeClient succeeds before a client connects")
def test_a_pipe_no_client_connected_to_cannot_be_impersonated() -> None:
    name = rf"\\.\pipe\apartment-no-client-{os.getpid()}"
    server = win32pipe.CreateNamedPipe(
        name, win32pipe.PIPE_ACCESS_DUPLEX, win32pipe.PIPE_TYPE_BYTE, 1, 512, 512, 0, None
    )
    try:
        assert failure(win32security.ImpersonateNamedPipeClient, server) == (
            winerror.ERROR_CANNOT_IMPERSONATE,
            "ImpersonateNamedPipeClient",
        )
    finally:
        server.Close()


@wine_differs("Wine's LogonUser logs any name on")
def test_logon_user_refuses_an_unknown_user() -> None:
    assert failure(
        win32security.LogonUser,
        "no-such-user-here",
        None,
        "password",
        win32security.LOGON32_LOGON_INTERACTIVE,
        win32security.LOGON32_PROVIDER_DEFAULT,
    ) == (winerror.ERROR_LOGON_FAILURE, "LogonUser")


@wine_differs("Wine's IsTokenRestricted answers False for a restricted token")
def test_a_restricted_token_is_restricted() -> None:
    assert not win32security.IsTokenRestricted(process_token())
    restricted = kept(
        win32security.CreateRestrictedToken(process_token(), 0, None, None, ((sid(EVERYONE), 0),))
    )
    assert win32security.IsTokenRestricted(restricted)
    assert win32security.GetTokenInformation(restricted, win32security.TokenType) == (
        win32security.TokenPrimary
    )


@wine_differs("Wine's CreateRestrictedToken ignores DISABLE_MAX_PRIVILEGE")
def test_disable_max_privilege_leaves_change_notify_alone() -> None:
    restricted = kept(
        win32security.CreateRestrictedToken(
            process_token(), win32security.DISABLE_MAX_PRIVILEGE, None, None, None
        )
    )
    held = win32security.GetTokenInformation(restricted, win32security.TokenPrivileges)
    names = [win32security.LookupPrivilegeName(None, luid) for luid, _ in held]
    assert names == ["SeChangeNotifyPrivilege"]


@wine_differs("Wine does not implement AdjustTokenGroups (ERROR_INVALID_FUNCTION)")
def test_a_mandatory_group_cannot_be_disabled() -> None:
    assert failure(win32security.AdjustTokenGroups, a_copy(), False, ((sid(EVERYONE), 0),)) == (
        winerror.ERROR_CANT_DISABLE_MANDATORY,
        "AdjustTokenGroups",
    )


@wine_differs("Wine does not implement SetTokenInformation(TokenOwner) (ERROR_INVALID_FUNCTION)")
def test_a_tokens_owner_and_primary_group_must_be_its_own() -> None:
    copy = a_copy()
    assert failure(
        win32security.SetTokenInformation, copy, win32security.TokenOwner, sid(POWER_USERS)
    ) == (winerror.ERROR_INVALID_OWNER, "SetTokenInformation")
    assert failure(
        win32security.SetTokenInformation, copy, win32security.TokenPrimaryGroup, sid(POWER_USERS)
    ) == (winerror.ERROR_INVALID_PRIMARY_GROUP, "SetTokenInformation")
    user = win32security.GetTokenInformation(copy, win32security.TokenUser)[0]
    win32security.SetTokenInformation(copy, win32security.TokenOwner, user)
    owner = win32security.GetTokenInformation(copy, win32security.TokenOwner)
    assert text(owner) == text(user)


@wine_differs("Wine's SetTokenInformation(TokenSessionId) checks no privilege")
def test_moving_a_token_to_another_session_takes_the_tcb_privilege() -> None:
    assert failure(
        win32security.SetTokenInformation, a_copy(), win32security.TokenSessionId, 5
    ) == (winerror.ERROR_PRIVILEGE_NOT_HELD, "SetTokenInformation")


@pytest.mark.parametrize(
    ("name", "value", "sid"),
    [
        ("WinBuiltinPowerUsersSid", 29, POWER_USERS),
        ("WinLowLabelSid", 66, "S-1-16-4096"),
        ("WinHighLabelSid", 68, "S-1-16-12288"),
        ("WinNtAuthoritySid", 7, "S-1-5"),
        ("WinAnonymousSid", 13, "S-1-5-7"),
        pytest.param(
            "WinBuiltinEventLogReadersGroup",
            76,
            "S-1-5-32-573",
            marks=wine_differs("Wine's CreateWellKnownSid does not know this group (87)"),
        ),
    ],
)
def test_well_known_sids(name: str, value: int, sid: str) -> None:
    assert getattr(win32security, name) == value
    assert text(win32security.CreateWellKnownSid(value)) == sid


@pytest.mark.parametrize(
    ("name", "rid"), [("WinAccountAdministratorSid", 500), ("WinAccountDomainUsersSid", 513)]
)
def test_a_domains_well_known_sids(name: str, rid: int) -> None:
    domain = sid("S-1-5-21-1-2-3")
    made = win32security.CreateWellKnownSid(getattr(win32security, name), domain)
    assert text(made) == f"S-1-5-21-1-2-3-{rid}"


def test_get_binary_sid_reads_a_string_sid() -> None:
    assert text(win32security.GetBinarySid("S-1-5-32-544")) == "S-1-5-32-544"


def test_sid_authorities_and_share_types() -> None:
    # win32security's are the authority's last byte (ntsecuritycon's are 6-tuples)
    assert win32security.SECURITY_NT_AUTHORITY == 5
    assert win32security.SECURITY_RESOURCE_MANAGER_AUTHORITY == 9
    assert (win32security.STYPE_IPC, win32security.STYPE_TEMPORARY) == (3, 0x40000000)


def test_a_domains_well_known_sid_needs_the_domain() -> None:
    assert failure(win32security.CreateWellKnownSid, win32security.WinAccountGuestSid) == (
        winerror.ERROR_INVALID_PARAMETER,
        "CreateWellKnownSid",
    )
