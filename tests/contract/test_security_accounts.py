"""Contract: accounts and SIDs (LookupAccountName/Sid), SIDs as buffers, ACLs with audit entries.

The well-known groups have the SIDs Windows fixes for them; a name or SID no account has fails
with ERROR_NONE_MAPPED. A SID is a buffer in Windows' layout, equal to an equal SID and to
nothing else, and (like pywin32's) not hashable. The computer is in no domain: the directory
service calls fail with ERROR_NO_SUCH_DOMAIN. Where Wine differs from Windows (it has no local
Administrator account, and stubs the directory service) the test is an xfail on the oracle.
"""

import sys
from typing import Any

import ntsecuritycon
import pytest
import pywintypes
import win32api
import win32con
import win32security
import winerror

_WINE_STUBS_DS = (
    "Wine stubs the directory service (ERROR_CALL_NOT_IMPLEMENTED and others); Windows in a "
    "workgroup answers ERROR_NO_SUCH_DOMAIN, which pywin32's test_security.py expects"
)


def failure(call: Any, *args: Any) -> tuple[int, str]:
    """(winerror, funcname) of the pywintypes.error a call raises."""
    with pytest.raises(pywintypes.error) as info:
        call(*args)
    return info.value.winerror, info.value.funcname


def text(sid: Any) -> str:
    return str(win32security.ConvertSidToStringSid(sid))


@pytest.mark.parametrize(
    ("name", "sid", "domain", "kind"),
    [
        ("Power Users", "S-1-5-32-547", "BUILTIN", win32security.SidTypeAlias),
        ("Administrators", "S-1-5-32-544", "BUILTIN", win32security.SidTypeAlias),
        ("Users", "S-1-5-32-545", "BUILTIN", win32security.SidTypeAlias),
        ("Guests", "S-1-5-32-546", "BUILTIN", win32security.SidTypeAlias),
        ("Backup Operators", "S-1-5-32-551", "BUILTIN", win32security.SidTypeAlias),
        ("Everyone", "S-1-1-0", "", win32security.SidTypeWellKnownGroup),
        ("CREATOR OWNER", "S-1-3-0", "", win32security.SidTypeWellKnownGroup),
        ("SYSTEM", "S-1-5-18", "NT AUTHORITY", win32security.SidTypeWellKnownGroup),
        ("Authenticated Users", "S-1-5-11", "NT AUTHORITY", win32security.SidTypeWellKnownGroup),
        ("LOCAL SERVICE", "S-1-5-19", "NT AUTHORITY", win32security.SidTypeWellKnownGroup),
        ("BUILTIN", "S-1-5-32", "BUILTIN", win32security.SidTypeDomain),
    ],
)
def test_well_known_accounts_have_windows_sids_both_ways(
    name: str, sid: str, domain: str, kind: int
) -> None:
    found, found_domain, found_kind = win32security.LookupAccountName("", name)
    assert (text(found), found_domain, found_kind) == (sid, domain, kind)
    assert win32security.LookupAccountSid("", found) == (name, domain, kind)


def test_the_sid_types_have_windows_values() -> None:
    assert (win32security.SidTypeUser, win32security.SidTypeGroup) == (1, 2)
    assert (win32security.SidTypeDomain, win32security.SidTypeAlias) == (3, 4)
    assert win32security.SidTypeWellKnownGroup == 5


def test_account_names_ignore_case_and_may_name_their_domain() -> None:
    power = win32security.LookupAccountName("", "Power Users")[0]
    assert win32security.LookupAccountName("", "power users")[0] == power
    assert win32security.LookupAccountName("", "BUILTIN\\Power Users")[0] == power
    assert text(win32security.LookupAccountName("", "NT AUTHORITY\\SYSTEM")[0]) == "S-1-5-18"


def test_the_system_name_may_be_none_for_this_computer() -> None:
    assert text(win32security.LookupAccountName(None, "Users")[0]) == "S-1-5-32-545"
    world = win32security.ConvertStringSidToSid("S-1-1-0")
    assert win32security.LookupAccountSid(None, world)[0] == "Everyone"


def test_this_computers_name_names_its_accounts_and_another_is_unreachable() -> None:
    here = win32api.GetComputerName()
    assert win32security.LookupAccountName(here, "Users")[1:] == (
        "BUILTIN",
        win32security.SidTypeAlias,
    )
    assert failure(win32security.LookupAccountName, "nosuchhostxyz", "Users") == (
        winerror.RPC_S_SERVER_UNAVAILABLE,
        "LookupAccountName",
    )


def test_a_name_in_the_wrong_domain_is_none_mapped() -> None:
    assert failure(win32security.LookupAccountName, "", "NT AUTHORITY\\Everyone")[0] == (
        winerror.ERROR_NONE_MAPPED
    )
    assert failure(win32security.LookupAccountName, "", "NOPE\\Users")[0] == (
        winerror.ERROR_NONE_MAPPED
    )


def test_a_name_no_account_has_is_none_mapped() -> None:
    assert failure(win32security.LookupAccountName, "", "no such account xyz") == (
        winerror.ERROR_NONE_MAPPED,
        "LookupAccountName",
    )


def test_a_sid_no_account_has_is_none_mapped() -> None:
    for unknown in ("S-1-5-21-1-2-3-500", "S-1-5-99-7"):
        sid = win32security.ConvertStringSidToSid(unknown)
        assert failure(win32security.LookupAccountSid, "", sid) == (
            winerror.ERROR_NONE_MAPPED,
            "LookupAccountSid",
        )


def test_the_current_user_is_a_user_of_this_computer() -> None:
    sid, domain, kind = win32security.LookupAccountName("", win32api.GetUserName())
    assert (domain, kind) == (win32api.GetComputerName(), win32security.SidTypeUser)
    assert text(sid).startswith("S-1-5-21-")
    assert win32security.LookupAccountSid("", sid) == (win32api.GetUserName(), domain, kind)


def test_this_computer_is_a_domain_of_its_users() -> None:
    user = win32security.LookupAccountName("", win32api.GetUserName())[0]
    machine, domain, kind = win32security.LookupAccountName("", win32api.GetComputerName())
    assert (domain, kind) == (win32api.GetComputerName(), win32security.SidTypeDomain)
    assert text(user).rpartition("-")[0] == text(machine)


@pytest.mark.xfail(
    sys.platform == "win32",
    strict=True,
    reason="Wine has no local Administrator account (ERROR_NONE_MAPPED); every Windows "
    "computer has one, RID 500 of its domain (DOMAIN_USER_RID_ADMIN)",
)
def test_the_builtin_administrator_is_rid_500_of_this_computer() -> None:
    sid, domain, kind = win32security.LookupAccountName("", "Administrator")
    assert (domain, kind) == (win32api.GetComputerName(), win32security.SidTypeUser)
    assert text(sid).endswith(f"-{ntsecuritycon.DOMAIN_USER_RID_ADMIN}")
    assert win32security.LookupAccountName("", "Administrator")[0] == sid


def test_lookups_refuse_wrong_types_and_counts() -> None:
    with pytest.raises(TypeError):
        win32security.LookupAccountName("", 5)
    with pytest.raises(TypeError):
        win32security.LookupAccountName("", b"Users")
    with pytest.raises(TypeError):
        win32security.LookupAccountName("Users")
    with pytest.raises(TypeError):
        win32security.LookupAccountSid("", "S-1-1-0")
    with pytest.raises(TypeError):
        win32security.LookupAccountSid(win32security.ConvertStringSidToSid("S-1-1-0"))


def test_a_sid_is_a_buffer_in_windows_layout() -> None:
    sid = win32security.LookupAccountName("", "Power Users")[0]
    view = memoryview(sid)
    assert (view.format, view.itemsize, view.nbytes) == ("B", 1, 16)
    assert view.tobytes() == b"\x01\x02\x00\x00\x00\x00\x00\x05\x20\x00\x00\x00\x23\x02\x00\x00"
    assert text(pywintypes.SID(view.tobytes())) == "S-1-5-32-547"


def test_sids_are_equal_by_value_and_to_nothing_else() -> None:
    one = win32security.LookupAccountName("", "Power Users")[0]
    two = win32security.ConvertStringSidToSid("S-1-5-32-547")
    assert one == two
    assert not one != two  # noqa: SIM202 - __ne__ is the point
    assert one != win32security.ConvertStringSidToSid("S-1-5-32-544")
    assert None != one  # noqa: E711, SIM300 - the reflected comparison is the point
    assert not one == None  # noqa: E711, SIM201
    assert one != "S-1-5-32-547"
    assert memoryview(one) == memoryview(two)


def test_a_sid_is_not_hashable_nor_ordered() -> None:
    sid = win32security.ConvertStringSidToSid("S-1-1-0")
    with pytest.raises(TypeError):
        hash(sid)
    with pytest.raises(TypeError):
        sid < sid  # noqa: B015 - the comparison is the point
    assert {"key": sid}["key"] == sid


def test_an_audit_ace_flags_successes_and_failures() -> None:
    sid = win32security.ConvertStringSidToSid("S-1-1-0")
    acl = win32security.ACL()
    acl.AddAuditAccessAce(win32security.ACL_REVISION, win32con.DELETE, sid, 1, 1)
    acl.AddAuditAccessAce(win32security.ACL_REVISION, win32con.DELETE, sid, 1, 0)
    acl.AddAuditAccessAce(win32security.ACL_REVISION, win32con.DELETE, sid, 0, 1)
    acl.AddAuditAccessAce(win32security.ACL_REVISION, win32con.GENERIC_ALL, sid, 0, 0)
    assert acl.GetAceCount() == 4
    audit = win32security.SYSTEM_AUDIT_ACE_TYPE
    success, failed = ntsecuritycon.SUCCESSFUL_ACCESS_ACE_FLAG, ntsecuritycon.FAILED_ACCESS_ACE_FLAG
    assert (success, failed) == (0x40, 0x80)
    assert [acl.GetAce(i)[0] for i in range(4)] == [
        (audit, success | failed),
        (audit, success),
        (audit, failed),
        (audit, 0),
    ]
    assert acl.GetAce(0)[1:] == (win32con.DELETE, sid)


def test_an_audit_ace_takes_five_arguments_and_a_sid() -> None:
    sid = win32security.ConvertStringSidToSid("S-1-1-0")
    acl = win32security.ACL()
    with pytest.raises(TypeError):
        acl.AddAuditAccessAce(win32security.ACL_REVISION, win32con.DELETE, sid, 1)
    with pytest.raises(TypeError):
        acl.AddAuditAccessAce(win32security.ACL_REVISION, win32con.DELETE, None, 1, 1)
    assert acl.GetAceCount() == 0


def test_an_ace_mask_reads_back_signed() -> None:
    sid = win32security.ConvertStringSidToSid("S-1-1-0")
    acl = win32security.ACL()
    acl.AddAccessAllowedAce(win32security.ACL_REVISION, win32con.GENERIC_READ, sid)
    acl.AddAccessAllowedAce(win32security.ACL_REVISION, -1, sid)
    assert acl.GetAce(0)[1] == -2147483648
    assert acl.GetAce(1)[1] == -1


def test_an_unknown_ace_revision_is_a_revision_mismatch() -> None:
    sid = win32security.ConvertStringSidToSid("S-1-1-0")
    acl = win32security.ACL()
    for add in (acl.AddAccessAllowedAce, acl.AddAccessDeniedAce):
        with pytest.raises(pywintypes.error) as info:
            add(9, win32con.GENERIC_READ, sid)
        assert info.value.winerror == winerror.ERROR_REVISION_MISMATCH
    with pytest.raises(pywintypes.error) as info:
        acl.AddAuditAccessAce(9, win32con.DELETE, sid, 1, 1)
    assert info.value.winerror == winerror.ERROR_REVISION_MISMATCH
    assert acl.GetAceCount() == 0


def test_a_ds_revision_ace_raises_the_acl_revision() -> None:
    sid = win32security.ConvertStringSidToSid("S-1-1-0")
    acl = win32security.ACL()
    assert acl.GetAclRevision() == win32security.ACL_REVISION == 2
    acl.AddAccessAllowedAce(win32security.ACL_REVISION_DS, win32con.GENERIC_READ, sid)
    assert acl.GetAclRevision() == win32security.ACL_REVISION_DS == 4
    acl.AddAccessAllowedAce(win32security.ACL_REVISION, win32con.GENERIC_READ, sid)
    assert acl.GetAclRevision() == 4


def test_get_ace_out_of_range_is_an_invalid_parameter() -> None:
    acl = win32security.ACL()
    acl.AddAccessAllowedAce(
        2, win32con.GENERIC_READ, win32security.ConvertStringSidToSid("S-1-1-0")
    )
    for index in (1, 99, -1):
        with pytest.raises(pywintypes.error) as info:
            acl.GetAce(index)
        assert info.value.winerror == winerror.ERROR_INVALID_PARAMETER
    with pytest.raises(TypeError):
        acl.GetAce("0")


def test_a_descriptor_gives_back_its_owner_group_and_lists() -> None:
    power = win32security.LookupAccountName("", "Power Users")[0]
    users = win32security.LookupAccountName("", "Users")[0]
    dacl, sacl = win32security.ACL(), win32security.ACL()
    dacl.AddAccessAllowedAce(win32security.ACL_REVISION, win32con.GENERIC_READ, power)
    sacl.AddAuditAccessAce(win32security.ACL_REVISION, win32con.GENERIC_ALL, users, 1, 1)
    sd = win32security.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorOwner(power, 0)
    sd.SetSecurityDescriptorGroup(users, 0)
    sd.SetSecurityDescriptorDacl(1, dacl, 0)
    sd.SetSecurityDescriptorSacl(1, sacl, 0)
    assert sd.GetSecurityDescriptorOwner() == power
    assert sd.GetSecurityDescriptorGroup() == users
    assert sd.GetSecurityDescriptorDacl().GetAce(0) == dacl.GetAce(0)
    assert sd.GetSecurityDescriptorSacl().GetAce(0) == sacl.GetAce(0)
    control = sd.GetSecurityDescriptorControl()[0]
    assert control & win32security.SE_DACL_PRESENT
    assert control & win32security.SE_SACL_PRESENT
    with pytest.raises(TypeError):
        sd.SetSecurityDescriptorOwner("S-1-1-0", 0)
    with pytest.raises(TypeError):
        sd.SetSecurityDescriptorDacl(1, "not an acl", 0)


@pytest.mark.xfail(sys.platform == "win32", strict=True, reason=_WINE_STUBS_DS)
def test_ds_bind_finds_no_domain() -> None:
    assert failure(win32security.DsBind) == (winerror.ERROR_NO_SUCH_DOMAIN, "DsBind")


@pytest.mark.xfail(sys.platform == "win32", strict=True, reason=_WINE_STUBS_DS)
def test_ds_get_dc_name_finds_no_domain() -> None:
    assert failure(win32security.DsGetDcName)[0] == winerror.ERROR_NO_SUCH_DOMAIN


@pytest.mark.xfail(sys.platform == "win32", strict=True, reason=_WINE_STUBS_DS)
def test_names_cannot_be_cracked_nor_translated_without_a_domain() -> None:
    fqdn, canonical = ntsecuritycon.DS_FQDN_1779_NAME, ntsecuritycon.DS_CANONICAL_NAME
    assert (fqdn, canonical, ntsecuritycon.DS_NAME_FLAG_SYNTACTICAL_ONLY) == (1, 7, 1)
    assert failure(win32security.DsCrackNames, None, 0, fqdn, canonical, ("CN=a,DC=b",))[0] == (
        winerror.ERROR_NO_SUCH_DOMAIN
    )
    sam = win32api.GetUserNameEx(win32api.NameSamCompatible)
    assert failure(win32security.TranslateName, sam, 2, 1)[0] == winerror.ERROR_NO_SUCH_DOMAIN


def test_the_no_such_domain_code_is_windows() -> None:
    assert winerror.ERROR_NO_SUCH_DOMAIN == 1355
    assert winerror.ERROR_REVISION_MISMATCH == 1306
