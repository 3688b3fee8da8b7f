"""Contract: the security of files and kernel objects (win32security).

A file's descriptor is read and set by name (GetFileSecurity, GetNamedSecurityInfo) or by
handle (GetSecurityInfo, GetKernelObjectSecurity), a kernel object's by handle. Windows'
rules: the SACL takes SeSecurityPrivilege enabled (ERROR_PRIVILEGE_NOT_HELD) and, through a
handle, ACCESS_SYSTEM_SECURITY; the owner may only be another SID than the caller's with
SeRestorePrivilege enabled (ERROR_INVALID_OWNER); a handle needs READ_CONTROL to read and
WRITE_DAC to set a DACL (ERROR_ACCESS_DENIED). These tests run as an administrator (root
here, the oracle's user under Wine), whose token holds both privileges, disabled.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any

import ntsecuritycon
import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32security
import winerror

from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

OWNER = win32security.OWNER_SECURITY_INFORMATION
GROUP = win32security.GROUP_SECURITY_INFORMATION
DACL = win32security.DACL_SECURITY_INFORMATION
SACL = win32security.SACL_SECURITY_INFORMATION
FILE_ALL_ACCESS = 0x1F01FF
ACCESS_SYSTEM_SECURITY = 0x01000000
SYSTEM_SID = "S-1-5-18"
POWER_USERS_SID = "S-1-5-32-547"


def failure(call: Any, *args: Any) -> tuple[int, str]:
    """(winerror, funcname) of the pywintypes.error a call raises."""
    with pytest.raises(pywintypes.error) as info:
        call(*args)
    return info.value.winerror, info.value.funcname


def text(sid: Any) -> str:
    return str(win32security.ConvertSidToStringSid(sid))


def token() -> Any:
    return win32security.OpenProcessToken(
        win32api.GetCurrentProcess(), win32security.TOKEN_ALL_ACCESS
    )


def my_sid() -> Any:
    return win32security.GetTokenInformation(token(), win32security.TokenUser)[0]


@contextlib.contextmanager
def privileges(*names: str) -> Iterator[None]:
    """Enable privileges of the process token for the block, then restore them."""
    handle = token()
    wanted = [
        (win32security.LookupPrivilegeValue(None, name), win32con.SE_PRIVILEGE_ENABLED)
        for name in names
    ]
    previous = win32security.AdjustTokenPrivileges(handle, 0, wanted)
    try:
        yield
    finally:
        if previous:
            win32security.AdjustTokenPrivileges(handle, 0, previous)


def aces(acl: Any) -> list[tuple[int, int, int, str]]:
    """(type, flags, mask, SID) of each entry of an ACL."""
    out = []
    for index in range(acl.GetAceCount()):
        (kind, flags), mask, sid = acl.GetAce(index)
        out.append((kind, flags, mask & 0xFFFFFFFF, text(sid)))
    return out


@pytest.fixture
def a_file(tmp_path: Path) -> str:
    path = tmp_path / "secured.txt"
    path.write_text("secret")
    return str(path)


def only_me(mask: int = FILE_ALL_ACCESS) -> Any:
    acl = win32security.ACL()
    acl.AddAccessAllowedAce(win32security.ACL_REVISION, mask, my_sid())
    return acl


# -- files --------------------------------------------------------------------------------


def test_a_new_file_has_an_owner_a_group_and_a_dacl_giving_system_full_access(
    a_file: str,
) -> None:
    sd = win32security.GetFileSecurity(a_file)  # owner, group and DACL by default
    user = text(my_sid())
    owner = text(win32security.GetTokenInformation(token(), win32security.TokenOwner))
    assert text(sd.GetSecurityDescriptorOwner()) in (user, owner)
    assert sd.GetSecurityDescriptorGroup() is not None
    entries = aces(sd.GetSecurityDescriptorDacl())
    assert (win32security.ACCESS_ALLOWED_ACE_TYPE, FILE_ALL_ACCESS, SYSTEM_SID) in [
        (kind, mask, sid) for kind, _, mask, sid in entries
    ]
    assert sd.GetSecurityDescriptorSacl() is None


def test_only_the_parts_asked_for_are_returned(a_file: str) -> None:
    sd = win32security.GetFileSecurity(a_file, OWNER)
    assert sd.GetSecurityDescriptorOwner() is not None
    assert sd.GetSecurityDescriptorGroup() is None
    assert sd.GetSecurityDescriptorDacl() is None


@wine_differs("Wine adds an ACE for SYSTEM to the DACL set on a file")
def test_a_dacl_set_is_read_back_as_set(a_file: str) -> None:
    sd = win32security.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorDacl(1, only_me(), 0)
    win32security.SetFileSecurity(a_file, DACL, sd)
    back = win32security.GetFileSecurity(a_file, DACL).GetSecurityDescriptorDacl()
    assert aces(back) == [(0, 0, FILE_ALL_ACCESS, text(my_sid()))]
    named = win32security.GetNamedSecurityInfo(a_file, win32security.SE_FILE_OBJECT, DACL)
    assert aces(named.GetSecurityDescriptorDacl()) == aces(back)


@wine_differs("Wine adds an ACE for SYSTEM to the DACL set on a file")
def test_set_named_security_info_sets_the_dacl_and_protects_it(a_file: str) -> None:
    information = DACL | win32security.PROTECTED_DACL_SECURITY_INFORMATION
    win32security.SetNamedSecurityInfo(
        a_file, win32security.SE_FILE_OBJECT, information, None, None, only_me(), None
    )
    sd = win32security.GetNamedSecurityInfo(a_file, win32security.SE_FILE_OBJECT, DACL)
    assert aces(sd.GetSecurityDescriptorDacl()) == [(0, 0, FILE_ALL_ACCESS, text(my_sid()))]
    control, _ = sd.GetSecurityDescriptorControl()
    assert control & win32security.SE_DACL_PROTECTED
    assert control & win32security.SE_DACL_PRESENT


@wine_differs("Wine reads a file's SACL without SeSecurityPrivilege")
def test_reading_a_files_sacl_takes_the_security_privilege(a_file: str) -> None:
    assert failure(win32security.GetFileSecurity, a_file, SACL) == (
        winerror.ERROR_PRIVILEGE_NOT_HELD,
        "GetFileSecurity",
    )
    assert failure(
        win32security.GetNamedSecurityInfo, a_file, win32security.SE_FILE_OBJECT, SACL
    ) == (winerror.ERROR_PRIVILEGE_NOT_HELD, "GetNamedSecurityInfo")


@wine_differs("Wine's GetFileSecurity refuses the SACL even with SeSecurityPrivilege enabled (5)")
def test_a_sacl_is_kept_with_the_security_privilege(a_file: str) -> None:
    sacl = win32security.ACL()
    sacl.AddAuditAccessAce(win32security.ACL_REVISION, FILE_ALL_ACCESS, my_sid(), 1, 0)
    sd = win32security.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorSacl(1, sacl, 0)
    with privileges(ntsecuritycon.SE_SECURITY_NAME):
        win32security.SetFileSecurity(a_file, SACL, sd)
        back = win32security.GetFileSecurity(a_file, SACL).GetSecurityDescriptorSacl()
    assert aces(back) == [
        (
            win32security.SYSTEM_AUDIT_ACE_TYPE,
            win32security.SUCCESSFUL_ACCESS_ACE_FLAG,
            FILE_ALL_ACCESS,
            text(my_sid()),
        )
    ]


@wine_differs("Wine lets any SID own a file")
def test_another_owner_takes_the_restore_privilege(a_file: str) -> None:
    sd = win32security.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorOwner(win32security.ConvertStringSidToSid(POWER_USERS_SID), 0)
    assert failure(win32security.SetFileSecurity, a_file, OWNER, sd) == (
        winerror.ERROR_INVALID_OWNER,
        "SetFileSecurity",
    )


@wine_differs("Wine keeps the caller as a file's owner when SeRestorePrivilege allows another")
def test_another_owner_is_kept_with_the_restore_privilege(a_file: str) -> None:
    sd = win32security.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorOwner(win32security.ConvertStringSidToSid(POWER_USERS_SID), 0)
    with privileges(ntsecuritycon.SE_RESTORE_NAME):
        win32security.SetFileSecurity(a_file, OWNER, sd)
    owner = win32security.GetFileSecurity(a_file, OWNER).GetSecurityDescriptorOwner()
    assert text(owner) == POWER_USERS_SID


def test_the_security_of_no_file_is_file_not_found(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    assert failure(win32security.GetFileSecurity, missing, DACL) == (
        winerror.ERROR_FILE_NOT_FOUND,
        "GetFileSecurity",
    )
    sd = win32security.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorDacl(1, only_me(), 0)
    assert failure(win32security.SetFileSecurity, missing, DACL, sd) == (
        winerror.ERROR_FILE_NOT_FOUND,
        "SetFileSecurity",
    )


def test_bad_arguments_are_type_errors(a_file: str) -> None:
    with pytest.raises(TypeError):
        win32security.SetFileSecurity(a_file, DACL, "not a descriptor")
    with pytest.raises(TypeError):
        win32security.GetFileSecurity(42, DACL)
    with pytest.raises(TypeError):
        win32security.SetNamedSecurityInfo(
            a_file, win32security.SE_FILE_OBJECT, DACL, None, None, "not an ACL", None
        )
    with pytest.raises(TypeError):
        win32security.GetKernelObjectSecurity("not a handle", DACL)


# -- kernel objects ---------------------------------------------------------------------------


@wine_differs("Wine gives an unnamed event's descriptor no owner")
def test_an_event_has_a_descriptor_and_keeps_the_dacl_set() -> None:
    event = win32event.CreateEvent(None, 0, 0, None)
    sd = win32security.GetKernelObjectSecurity(event, OWNER | GROUP | DACL)
    assert sd.GetSecurityDescriptorOwner() is not None
    assert sd.GetSecurityDescriptorDacl() is not None
    new = win32security.SECURITY_DESCRIPTOR()
    new.SetSecurityDescriptorDacl(1, only_me(win32event.EVENT_ALL_ACCESS), 0)
    win32security.SetKernelObjectSecurity(event, DACL, new)
    back = win32security.GetKernelObjectSecurity(event, DACL).GetSecurityDescriptorDacl()
    assert aces(back) == [(0, 0, win32event.EVENT_ALL_ACCESS, text(my_sid()))]
    info = win32security.GetSecurityInfo(event, win32security.SE_KERNEL_OBJECT, DACL)
    assert aces(info.GetSecurityDescriptorDacl()) == aces(back)


def test_set_security_info_sets_a_mutexs_dacl() -> None:
    mutex = win32event.CreateMutex(None, 0, None)
    win32security.SetSecurityInfo(
        mutex, win32security.SE_KERNEL_OBJECT, DACL, None, None, only_me(0x1F0001), None
    )
    sd = win32security.GetSecurityInfo(mutex, win32security.SE_KERNEL_OBJECT, DACL)
    assert aces(sd.GetSecurityDescriptorDacl()) == [(0, 0, 0x1F0001, text(my_sid()))]


def test_a_handle_without_read_control_cannot_read_the_descriptor() -> None:
    name = f"apartment-security-{os.getpid()}"
    event = win32event.CreateEvent(None, 0, 0, name)
    weak = win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, name)
    assert failure(win32security.GetKernelObjectSecurity, weak, DACL) == (
        winerror.ERROR_ACCESS_DENIED,
        "GetKernelObjectSecurity",
    )
    sd = win32security.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorDacl(1, only_me(), 0)
    assert failure(win32security.SetKernelObjectSecurity, weak, DACL, sd) == (
        winerror.ERROR_ACCESS_DENIED,
        "SetKernelObjectSecurity",
    )
    weak.Close()
    event.Close()


def test_a_sacl_through_a_handle_takes_access_system_security() -> None:
    event = win32event.CreateEvent(None, 0, 0, None)
    assert failure(win32security.GetKernelObjectSecurity, event, SACL) == (
        winerror.ERROR_ACCESS_DENIED,
        "GetKernelObjectSecurity",
    )
    event.Close()


def test_a_process_sacl_is_set_and_cleared_with_the_privilege() -> None:
    pid = win32api.GetCurrentProcessId()
    with privileges(ntsecuritycon.SE_SECURITY_NAME):
        process = win32api.OpenProcess(win32con.PROCESS_ALL_ACCESS | ACCESS_SYSTEM_SECURITY, 0, pid)
        sacl = win32security.ACL()
        sacl.AddAuditAccessAce(win32security.ACL_REVISION, win32con.GENERIC_ALL, my_sid(), 1, 1)
        win32security.SetSecurityInfo(
            process, win32security.SE_KERNEL_OBJECT, SACL, None, None, None, sacl
        )
        sd = win32security.GetSecurityInfo(process, win32security.SE_KERNEL_OBJECT, SACL)
        assert sd.GetSecurityDescriptorSacl().GetAceCount() == 1
        win32security.SetSecurityInfo(
            process, win32security.SE_KERNEL_OBJECT, SACL, None, None, None, None
        )
        sd = win32security.GetSecurityInfo(process, win32security.SE_KERNEL_OBJECT, SACL)
        assert sd.GetSecurityDescriptorSacl() is None


def test_a_closed_handle_is_an_invalid_handle() -> None:
    event = win32event.CreateEvent(None, 0, 0, None)
    event.Close()
    assert failure(win32security.GetKernelObjectSecurity, event, DACL) == (
        winerror.ERROR_INVALID_HANDLE,
        "GetKernelObjectSecurity",
    )


# -- names and masks --------------------------------------------------------------------------


def test_map_generic_mask_replaces_the_generic_bits() -> None:
    mapping = (0x120089, 0x120116, 0x1200A0, FILE_ALL_ACCESS)
    mapped = win32security.MapGenericMask(win32con.GENERIC_READ | 0x100, mapping)
    assert mapped & 0xFFFFFFFF == 0x120189
    assert win32security.MapGenericMask(win32con.GENERIC_ALL, mapping) & 0xFFFFFFFF == (
        FILE_ALL_ACCESS
    )


def test_the_constants_have_windows_values() -> None:
    assert (win32security.SE_FILE_OBJECT, win32security.SE_REGISTRY_KEY) == (1, 4)
    assert win32security.SE_KERNEL_OBJECT == 6
    assert win32security.SE_WINDOW_OBJECT == 7
    assert win32security.LABEL_SECURITY_INFORMATION == 0x10
    assert win32security.PROTECTED_DACL_SECURITY_INFORMATION & 0xFFFFFFFF == 0x80000000
    assert win32security.UNPROTECTED_SACL_SECURITY_INFORMATION & 0xFFFFFFFF == 0x10000000
    assert (win32security.SE_DACL_PROTECTED, win32security.SE_SELF_RELATIVE) == (0x1000, 0x8000)
    assert (win32security.TRUSTEE_IS_SID, win32security.TRUSTEE_IS_NAME) == (0, 1)
    assert win32security.TRUSTEE_IS_WELL_KNOWN_GROUP == 5
    assert win32security.ACCESS_ALLOWED_OBJECT_ACE_TYPE == 5
    assert win32security.SYSTEM_AUDIT_OBJECT_ACE_TYPE == 7


def test_an_object_created_with_a_descriptor_has_it() -> None:
    sa = win32security.SECURITY_ATTRIBUTES()
    sa.SECURITY_DESCRIPTOR.SetSecurityDescriptorDacl(1, only_me(win32event.EVENT_ALL_ACCESS), 0)
    event = win32event.CreateEvent(sa, 0, 0, f"apartment-secured-{os.getpid()}")
    sd = win32security.GetKernelObjectSecurity(event, DACL)
    assert aces(sd.GetSecurityDescriptorDacl()) == [
        (0, 0, win32event.EVENT_ALL_ACCESS, text(my_sid()))
    ]
    event.Close()


def test_a_pipe_created_with_a_descriptor_has_it() -> None:
    import win32pipe

    sa = win32security.SECURITY_ATTRIBUTES()
    sa.SECURITY_DESCRIPTOR.SetSecurityDescriptorDacl(1, only_me(), 0)
    pipe = win32pipe.CreateNamedPipe(
        rf"\\.\pipe\apartment-secured-{os.getpid()}",
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_BYTE,
        1,
        512,
        512,
        0,
        sa,
    )
    sd = win32security.GetKernelObjectSecurity(pipe, DACL)
    assert aces(sd.GetSecurityDescriptorDacl()) == [(0, 0, FILE_ALL_ACCESS, text(my_sid()))]
    pipe.Close()


def explicit(mode: int, mask: int, trustee: Any, form: int | None = None) -> dict[str, Any]:
    if form is None:
        form = win32security.TRUSTEE_IS_SID
    return {
        "Trustee": {
            "MultipleTrustee": None,
            "MultipleTrusteeOperation": 0,
            "TrusteeForm": form,
            "TrusteeType": win32security.TRUSTEE_IS_USER,
            "Identifier": trustee,
        },
        "Inheritance": win32security.NO_INHERITANCE,
        "AccessMode": mode,
        "AccessPermissions": mask,
    }


@wine_differs("Wine's SetEntriesInAcl gives no ACL for an empty old ACL (pywin32 returns None)")
def test_set_entries_in_acl_grants_and_denies() -> None:
    me = my_sid()
    acl = win32security.ACL().SetEntriesInAcl(
        [
            explicit(win32security.GRANT_ACCESS, FILE_ALL_ACCESS, me),
            explicit(win32security.DENY_ACCESS, win32con.DELETE, sid_of("S-1-5-32-547")),
        ]
    )
    assert sorted(aces(acl)) == [
        (0, 0, FILE_ALL_ACCESS, text(me)),
        (1, 0, win32con.DELETE, "S-1-5-32-547"),
    ]
    entries = acl.GetExplicitEntriesFromAcl()
    modes = sorted(
        (e["AccessMode"], e["AccessPermissions"] & 0xFFFFFFFF, text(e["Trustee"]["Identifier"]))
        for e in entries
    )
    assert modes == [
        (win32security.GRANT_ACCESS, FILE_ALL_ACCESS, text(me)),
        (win32security.DENY_ACCESS, win32con.DELETE, "S-1-5-32-547"),
    ]
    assert all(e["Trustee"]["TrusteeForm"] == win32security.TRUSTEE_IS_SID for e in entries)


@wine_differs("Wine's SetEntriesInAcl gives no ACL for an empty old ACL (pywin32 returns None)")
def test_revoke_and_set_access_replace_a_trustees_entries() -> None:
    me = my_sid()
    acl = only_me()
    assert aces(acl.SetEntriesInAcl([explicit(win32security.REVOKE_ACCESS, 0, me)])) == []
    replaced = acl.SetEntriesInAcl([explicit(win32security.SET_ACCESS, 0x120089, me)])
    assert aces(replaced) == [(0, 0, 0x120089, text(me))]
    assert aces(acl) == [(0, 0, FILE_ALL_ACCESS, text(me))]  # the old ACL is left as it was


@wine_differs("Wine's SetEntriesInAcl gives no ACL for an empty old ACL (pywin32 returns None)")
def test_a_trustee_by_name() -> None:
    acl = win32security.ACL().SetEntriesInAcl(
        [explicit(win32security.GRANT_ACCESS, 0x120089, "Everyone", win32security.TRUSTEE_IS_NAME)]
    )
    assert aces(acl) == [(0, 0, 0x120089, "S-1-1-0")]
    assert (
        failure(
            win32security.ACL().SetEntriesInAcl,
            [
                explicit(
                    win32security.GRANT_ACCESS, 1, "no such account", win32security.TRUSTEE_IS_NAME
                )
            ],
        )[0]
        == winerror.ERROR_NONE_MAPPED
    )


def sid_of(value: str) -> Any:
    return win32security.ConvertStringSidToSid(value)


def test_a_registry_keys_dacl_by_name_and_by_handle() -> None:
    subkey = f"Software\\apartment-security-{os.getpid()}"
    key = win32api.RegCreateKey(win32con.HKEY_CURRENT_USER, subkey)
    try:
        name = f"CURRENT_USER\\{subkey}"
        sd = win32security.GetNamedSecurityInfo(name, win32security.SE_REGISTRY_KEY, DACL)
        assert sd.GetSecurityDescriptorDacl() is not None
        information = DACL | win32security.PROTECTED_DACL_SECURITY_INFORMATION
        win32security.SetSecurityInfo(
            key, win32security.SE_REGISTRY_KEY, information, None, None, only_me(0xF003F), None
        )
        back = win32security.GetSecurityInfo(key, win32security.SE_REGISTRY_KEY, DACL)
        assert aces(back.GetSecurityDescriptorDacl()) == [(0, 0, 0xF003F, text(my_sid()))]
        named = win32security.GetNamedSecurityInfo(name, win32security.SE_REGISTRY_KEY, DACL)
        assert aces(named.GetSecurityDescriptorDacl()) == aces(back.GetSecurityDescriptorDacl())
    finally:
        key.Close()
        win32api.RegDeleteKey(win32con.HKEY_CURRENT_USER, subkey)


def test_no_such_key_is_file_not_found() -> None:
    name = f"CURRENT_USER\\Software\\apartment-no-such-key-{os.getpid()}"
    assert failure(
        win32security.GetNamedSecurityInfo, name, win32security.SE_REGISTRY_KEY, DACL
    ) == (winerror.ERROR_FILE_NOT_FOUND, "GetNamedSecurityInfo")


@wine_differs("Wine keeps no DACL set on an event's descriptor")
def test_a_named_events_dacl_by_name() -> None:
    name = f"apartment-named-security-{os.getpid()}"
    event = win32event.CreateEvent(None, 0, 0, name)
    try:
        win32security.SetNamedSecurityInfo(
            name, win32security.SE_KERNEL_OBJECT, DACL, None, None, only_me(0x1F0003), None
        )
        sd = win32security.GetKernelObjectSecurity(event, DACL)
        assert aces(sd.GetSecurityDescriptorDacl()) == [(0, 0, 0x1F0003, text(my_sid()))]
        named = win32security.GetNamedSecurityInfo(name, win32security.SE_KERNEL_OBJECT, DACL)
        assert aces(named.GetSecurityDescriptorDacl()) == [(0, 0, 0x1F0003, text(my_sid()))]
    finally:
        event.Close()


@wine_differs("Wine keeps no DACL set on an event's descriptor")
def test_user_object_security_reads_any_objects_descriptor() -> None:
    event = win32event.CreateEvent(None, 0, 0, None)
    sd = win32security.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorDacl(1, only_me(0x1F0003), 0)
    win32security.SetUserObjectSecurity(event, DACL, sd)
    back = win32security.GetUserObjectSecurity(event, DACL)
    assert aces(back.GetSecurityDescriptorDacl()) == [(0, 0, 0x1F0003, text(my_sid()))]
    event.Close()


def test_reg_get_and_set_key_security() -> None:
    subkey = f"Software\\apartment-key-security-{os.getpid()}"
    key = win32api.RegCreateKey(win32con.HKEY_CURRENT_USER, subkey)
    try:
        sd = win32security.SECURITY_DESCRIPTOR()
        sd.SetSecurityDescriptorDacl(1, only_me(0xF003F), 0)
        win32api.RegSetKeySecurity(key, DACL, sd)
        back = win32api.RegGetKeySecurity(key, DACL)
        assert aces(back.GetSecurityDescriptorDacl()) == [(0, 0, 0xF003F, text(my_sid()))]
    finally:
        key.Close()
        win32api.RegDeleteKey(win32con.HKEY_CURRENT_USER, subkey)
