"""The network account calls and the account look-ups agree: one SID per user and group.

NetUserEnum and NetLocalGroupGetMembers list the system's users and groups; LookupAccountSid
and LookupAccountName must know each of them by that SID (win32netdemo.py looks up the
members' SIDs a group call gave it).
"""

from __future__ import annotations

import grp
import os
import pwd

from apartment import kernel, services


def test_every_user_is_found_by_its_sid_and_its_name() -> None:
    computer = kernel.computer_name()
    for user in services.local_users():
        by_sid = kernel.lookup_sid(user.sid)
        assert (by_sid.name, by_sid.domain) == (user.name, computer)
        assert by_sid.kind == kernel.AccountKind.USER
        by_name = kernel.lookup_account(f"{computer}\\{user.name}")
        assert by_name.name.casefold() == user.name.casefold()
    assert len(services.local_users()) == len(pwd.getpwall())


def test_every_local_group_is_an_alias_found_by_its_sid() -> None:
    computer = kernel.computer_name()
    groups = services.local_groups()
    assert len(groups) == len(grp.getgrall())
    for group in groups:
        by_sid = kernel.lookup_sid(group.sid)
        assert (by_sid.name, by_sid.domain, by_sid.kind) == (
            group.name,
            computer,
            kernel.AccountKind.ALIAS,
        )


def test_the_sids_are_the_machines_with_the_ids_as_rids() -> None:
    assert kernel.user_sid(0) == f"{kernel.machine_sid()}-1000"
    assert kernel.group_sid(5) == f"{kernel.machine_sid()}-100005"
    assert kernel.current_user_sid() == kernel.user_sid(os.getuid())
