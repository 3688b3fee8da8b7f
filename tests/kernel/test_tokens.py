"""The kernel's access tokens and privileges (apartment.kernel.Token and its functions)."""

from __future__ import annotations

import os
import threading

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_BAD_IMPERSONATION_LEVEL,
    ERROR_NO_IMPERSONATION_TOKEN,
    ERROR_NO_SUCH_PRIVILEGE,
    ERROR_NO_TOKEN,
    RPC_S_SERVER_UNAVAILABLE,
    Win32Error,
)

DEBUG, SHUTDOWN, CHANGE_NOTIFY = 20, 19, 23
ENABLED = kernel.SE_PRIVILEGE_ENABLED


def test_a_standard_users_token_holds_windows_five_privileges() -> None:
    token = kernel.Token(administrator=False)
    held = dict(token.privileges())
    assert held == {19: 0, 23: 3, 25: 0, 33: 0, 34: 0}
    assert not token.elevated
    assert token.integrity == "S-1-16-8192"
    assert token.owner == token.user == kernel.current_user_sid()
    assert not token.is_member("S-1-5-32-544")
    assert token.is_member("S-1-1-0")


def test_an_administrators_token_holds_debug_and_is_in_administrators() -> None:
    token = kernel.Token(administrator=True)
    assert DEBUG in dict(token.privileges())
    assert token.is_member("S-1-5-32-544")
    assert token.owner == "S-1-5-32-544"
    assert token.integrity == "S-1-16-12288"


def test_enabling_a_privilege_not_held_is_not_all_assigned_and_changes_nothing() -> None:
    token = kernel.Token(administrator=False)
    before = token.privileges()
    assert token.adjust_privileges([(DEBUG, ENABLED)]) == ((), False)
    assert token.privileges() == before


def test_adjusting_reports_only_what_changed() -> None:
    token = kernel.Token(administrator=False)
    assert token.adjust_privileges([(SHUTDOWN, ENABLED)]) == (((SHUTDOWN, 0),), True)
    assert token.adjust_privileges([(SHUTDOWN, ENABLED)]) == ((), True)  # enabled already
    assert token.adjust_privileges(None) == (((SHUTDOWN, 2), (CHANGE_NOTIFY, 3)), True)
    assert dict(token.privileges())[CHANGE_NOTIFY] == kernel.SE_PRIVILEGE_ENABLED_BY_DEFAULT


def test_a_removed_privilege_is_gone_for_good() -> None:
    token = kernel.Token(administrator=False)
    assert token.adjust_privileges([(SHUTDOWN, kernel.SE_PRIVILEGE_REMOVED)]) == (
        ((SHUTDOWN, 0),),
        True,
    )
    assert SHUTDOWN not in dict(token.privileges())
    assert token.adjust_privileges([(SHUTDOWN, ENABLED)]) == ((), False)


def test_a_duplicate_is_independent_and_may_be_an_impersonation_token() -> None:
    token = kernel.Token(administrator=False)
    copy = token.duplicate(2)
    assert copy.impersonation_level == 2
    copy.adjust_privileges([(SHUTDOWN, ENABLED)])
    assert dict(token.privileges())[SHUTDOWN] == 0
    copy.require_impersonation()
    with pytest.raises(Win32Error) as info:
        token.require_impersonation()
    assert info.value.winerror == ERROR_NO_IMPERSONATION_TOKEN
    with pytest.raises(Win32Error) as info:
        token.duplicate(4)
    assert info.value.winerror == ERROR_BAD_IMPERSONATION_LEVEL


def test_the_process_token_is_one_and_follows_the_effective_uid() -> None:
    me = kernel.current_process()
    first, second = kernel.open_token_of(me), kernel.open_token_of(me)
    assert first is second
    assert first.elevated == (os.geteuid() == 0)


def test_impersonation_belongs_to_the_thread() -> None:
    thread = kernel.current_thread()
    with pytest.raises(Win32Error) as info:
        kernel.thread_token(thread)
    assert info.value.winerror == ERROR_NO_TOKEN
    kernel.impersonate_self(thread, 2)
    try:
        assert kernel.thread_token(thread).impersonation_level == 2
        assert kernel.effective_token(thread) is kernel.thread_token(thread)
        seen: list[kernel.Token] = []
        worker = threading.Thread(
            target=lambda: seen.append(kernel.effective_token(kernel.current_thread()))
        )
        worker.start()
        worker.join()
        assert seen == [kernel.open_token_of(kernel.current_process())]
    finally:
        kernel.revert_to_self(thread)
    assert kernel.effective_token(thread) is kernel.open_token_of(kernel.current_process())


def test_token_access_maps_generic_rights() -> None:
    assert kernel.map_token_access(0x80000000) == 0x20008  # GENERIC_READ: TOKEN_READ
    assert kernel.map_token_access(0x02000000) == kernel.TOKEN_ALL_ACCESS  # MAXIMUM_ALLOWED
    assert kernel.map_token_access(0x28) == 0x28


def test_privileges_by_name_and_luid() -> None:
    assert kernel.privilege_luid("SEDEBUGPRIVILEGE") == DEBUG
    assert kernel.privilege_name(DEBUG) == "SeDebugPrivilege"
    assert kernel.privilege_display_name("SeDebugPrivilege") == "Debug programs"
    for name in ("SeInteractiveLogonRight", "SeUnsolicitedInputPrivilege"):
        with pytest.raises(Win32Error) as info:
            kernel.privilege_luid(name)
        assert info.value.winerror == ERROR_NO_SUCH_PRIVILEGE
    with pytest.raises(Win32Error) as info:
        kernel.privilege_name(1)
    assert info.value.winerror == ERROR_NO_SUCH_PRIVILEGE
    with pytest.raises(Win32Error) as info:
        kernel.privilege_luid("SeDebugPrivilege", computer="elsewhere")
    assert info.value.winerror == RPC_S_SERVER_UNAVAILABLE
    with pytest.raises(TypeError):
        kernel.privilege_luid(20)  # type: ignore[arg-type]
