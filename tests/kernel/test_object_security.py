"""Security descriptors of files and kernel objects (apartment.kernel.file_security...).

A file's owner and DACL are its POSIX owner and mode bits, read and set as Wine does; the
rest is kept beside the file. Windows' rules: ERROR_PRIVILEGE_NOT_HELD for a SACL without
SeSecurityPrivilege, ERROR_INVALID_OWNER for an owner that is not the caller's without
SeRestorePrivilege.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_OWNER,
    ERROR_PRIVILEGE_NOT_HELD,
    Win32Error,
)

if TYPE_CHECKING:
    from pathlib import Path

OWNER, GROUP, DACL, SACL = 1, 2, 4, 8
SYSTEM, WORLD, POWER_USERS = "S-1-5-18", "S-1-1-0", "S-1-5-32-547"
FILE_ALL, READ_EXECUTE = 0x1F01FF, 0x1200A9
GENERIC_READ, GENERIC_ALL = 0x80000000, 0x10000000
SECURITY, RESTORE = 8, 18  # the LUIDs of SeSecurityPrivilege and SeRestorePrivilege
DACL_PRESENT = 0x4


def a_token(*enabled: int) -> kernel.Token:
    token = kernel.Token(administrator=True)
    token.adjust_privileges([(luid, kernel.SE_PRIVILEGE_ENABLED) for luid in enabled])
    return token


def code_of(call: object, *args: object) -> int:
    with pytest.raises(Win32Error) as info:
        call(*args)  # type: ignore[operator]
    return info.value.winerror


@pytest.fixture
def a_file(tmp_path: Path) -> str:
    path = tmp_path / "file.txt"
    path.write_text("x")
    path.chmod(0o644)
    return str(path)


def test_the_mode_bits_are_the_dacl_as_wine_reads_them(a_file: str) -> None:
    sd = kernel.file_security(a_file, OWNER | GROUP | DACL, a_token())
    me = kernel.current_user_sid()
    assert sd.owner == me
    assert sd.dacl == (
        kernel.Ace(0, 0, FILE_ALL, SYSTEM),
        kernel.Ace(0, 0, FILE_ALL, me),  # rw-: everything, with WRITE_DAC and WRITE_OWNER
        kernel.Ace(0, 0, READ_EXECUTE, WORLD),  # r--
    )
    assert sd.sacl is None


def test_a_directorys_entries_are_inherited(tmp_path: Path) -> None:
    sd = kernel.file_security(str(tmp_path), DACL, a_token())
    assert sd.dacl is not None
    assert all(ace.flags == 0x3 for ace in sd.dacl)  # OBJECT_ and CONTAINER_INHERIT_ACE


def test_no_other_bits_no_entry_for_everyone(a_file: str) -> None:
    os.chmod(a_file, 0o600)
    sd = kernel.file_security(a_file, DACL, a_token())
    assert sd.dacl is not None
    assert [ace.sid for ace in sd.dacl] == [SYSTEM, kernel.current_user_sid()]


def test_a_dacl_sets_the_mode_bits(a_file: str) -> None:
    me = kernel.current_user_sid()
    dacl = (kernel.Ace(0, 0, GENERIC_ALL, me), kernel.Ace(0, 0, GENERIC_READ, WORLD))
    given = kernel.Descriptor(dacl=dacl, control=DACL_PRESENT)
    kernel.set_file_security(a_file, DACL, given, a_token())
    assert stat.S_IMODE(os.stat(a_file).st_mode) == 0o744  # GENERIC_READ: read, no execute
    assert kernel.file_security(a_file, DACL, a_token()).dacl == dacl  # kept as given


def test_a_deny_entry_takes_rights_away(a_file: str) -> None:
    me = kernel.current_user_sid()
    dacl = (kernel.Ace(1, 0, 0x2, me), kernel.Ace(0, 0, FILE_ALL, WORLD))  # deny write
    kernel.set_file_security(a_file, DACL, kernel.Descriptor(dacl=dacl, control=4), a_token())
    assert stat.S_IMODE(os.stat(a_file).st_mode) == 0o577


def test_a_null_dacl_gives_everyone_everything(a_file: str) -> None:
    kernel.set_file_security(a_file, DACL, kernel.Descriptor(control=DACL_PRESENT), a_token())
    assert stat.S_IMODE(os.stat(a_file).st_mode) == 0o777


def test_a_chmod_from_elsewhere_wins_over_the_kept_dacl(a_file: str) -> None:
    me = kernel.current_user_sid()
    dacl = (kernel.Ace(0, 0, FILE_ALL, me),)
    kernel.set_file_security(a_file, DACL, kernel.Descriptor(dacl=dacl, control=4), a_token())
    os.chmod(a_file, 0o644)
    sd = kernel.file_security(a_file, DACL, a_token())
    assert sd.dacl is not None
    assert [ace.sid for ace in sd.dacl] == [SYSTEM, me, WORLD]


def test_the_sacl_takes_the_security_privilege(a_file: str) -> None:
    assert code_of(kernel.file_security, a_file, SACL, a_token()) == ERROR_PRIVILEGE_NOT_HELD
    sacl = (kernel.Ace(2, 0x40, FILE_ALL, WORLD),)
    given = kernel.Descriptor(sacl=sacl, control=0x10)
    token = a_token()
    assert code_of(kernel.set_file_security, a_file, SACL, given, token) == (
        ERROR_PRIVILEGE_NOT_HELD
    )
    kernel.set_file_security(a_file, SACL, given, a_token(SECURITY))
    assert kernel.file_security(a_file, SACL, a_token(SECURITY)).sacl == sacl


def test_another_owner_takes_the_restore_privilege(a_file: str) -> None:
    given = kernel.Descriptor(owner=POWER_USERS)
    assert code_of(kernel.set_file_security, a_file, OWNER, given, a_token()) == (
        ERROR_INVALID_OWNER
    )
    kernel.set_file_security(a_file, OWNER, given, a_token(RESTORE))
    assert kernel.file_security(a_file, OWNER, a_token()).owner == POWER_USERS
    assert os.stat(a_file).st_uid == os.getuid()  # kept, not given to chown


def test_an_administrator_may_give_its_objects_to_administrators(a_file: str) -> None:
    given = kernel.Descriptor(owner="S-1-5-32-544")
    kernel.set_file_security(a_file, OWNER, given, a_token())
    assert kernel.file_security(a_file, OWNER, a_token()).owner == "S-1-5-32-544"


def test_no_such_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing")
    assert code_of(kernel.file_security, missing, DACL, a_token()) == ERROR_FILE_NOT_FOUND


def test_a_kernel_object_keeps_its_descriptor() -> None:
    event = kernel.Event(manual_reset=False, initial_state=False)
    token = a_token()
    sd = kernel.object_security(event, OWNER | DACL, token)
    assert sd.owner == token.owner
    assert sd.dacl == (
        kernel.Ace(0, 0, kernel.EVENT_MAPPING.all, token.owner),
        kernel.Ace(0, 0, kernel.EVENT_MAPPING.all, SYSTEM),
    )
    dacl = (kernel.Ace(0, 0, 0x1F0003, WORLD),)
    kernel.set_object_security(event, DACL, kernel.Descriptor(dacl=dacl, control=4), token)
    assert kernel.object_security(event, DACL, token).dacl == dacl
    assert kernel.object_security(event, OWNER, token).owner == token.owner


def test_map_generic_mask() -> None:
    assert kernel.map_generic_mask(GENERIC_READ | 0x100, kernel.FILE_MAPPING) == 0x120189
    assert kernel.map_generic_mask(GENERIC_ALL, kernel.EVENT_MAPPING) == 0x1F0003
