"""Contract: pywintypes.SECURITY_ATTRIBUTES and the win32security structures programs pass.

Only ``bInheritHandle`` has an effect on Linux (see docs/differences-from-windows.md); the
structures themselves behave as pywin32's: defaults, attributes, the descriptor's methods
answered by the attributes, SIDs, ACLs and SDDL text.
"""

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32security


def test_security_attributes_are_inheritable_by_default() -> None:
    attributes = pywintypes.SECURITY_ATTRIBUTES()
    assert attributes.bInheritHandle == 1
    assert type(attributes.SECURITY_DESCRIPTOR) is type(pywintypes.SECURITY_DESCRIPTOR())


def test_win32security_makes_the_same_security_attributes() -> None:
    assert type(win32security.SECURITY_ATTRIBUTES()) is type(pywintypes.SECURITY_ATTRIBUTES())


def test_security_attributes_answer_for_their_descriptors_methods() -> None:
    attributes = pywintypes.SECURITY_ATTRIBUTES()
    attributes.SetSecurityDescriptorDacl(1, None, 0)
    assert attributes.SECURITY_DESCRIPTOR.GetSecurityDescriptorDacl() is None
    with pytest.raises(AttributeError):
        attributes.nLength  # noqa: B018 - pywin32 has no such attribute


def test_an_inheritable_handle_from_security_attributes_is_marked_so() -> None:
    attributes = pywintypes.SECURITY_ATTRIBUTES()
    inheritable = win32event.CreateEvent(attributes, True, False, None)
    attributes.bInheritHandle = 0
    private = win32event.CreateEvent(attributes, True, False, None)
    plain = win32event.CreateEvent(None, True, False, None)
    try:
        assert win32api.GetHandleInformation(inheritable) & win32con.HANDLE_FLAG_INHERIT
        assert not win32api.GetHandleInformation(private) & win32con.HANDLE_FLAG_INHERIT
        assert not win32api.GetHandleInformation(plain) & win32con.HANDLE_FLAG_INHERIT
    finally:
        for handle in (inheritable, private, plain):
            handle.Close()


def test_a_new_security_descriptor_is_valid_and_empty() -> None:
    descriptor = pywintypes.SECURITY_DESCRIPTOR()
    assert descriptor.IsValid()
    assert descriptor.GetSecurityDescriptorOwner() is None
    assert descriptor.GetSecurityDescriptorDacl() is None


def test_a_sid_from_parts_reads_back_as_text() -> None:
    sid = pywintypes.SID()
    sid.Initialize((0, 0, 0, 0, 0, 1), 1)
    sid.SetSubAuthority(0, 0)
    assert sid.IsValid()
    assert sid.GetSubAuthorityCount() == 1
    assert win32security.ConvertSidToStringSid(sid) == "S-1-1-0"


def test_string_sids_convert_both_ways() -> None:
    sid = win32security.ConvertStringSidToSid("S-1-5-32-544")
    assert win32security.ConvertSidToStringSid(sid) == "S-1-5-32-544"
    assert sid.GetSidIdentifierAuthority() == (0, 0, 0, 0, 0, 5)
    assert sid == win32security.ConvertStringSidToSid("S-1-5-32-544")


def test_the_world_sid_is_s_1_1_0() -> None:
    world = win32security.CreateWellKnownSid(win32security.WinWorldSid, None)
    assert win32security.ConvertSidToStringSid(world) == "S-1-1-0"


def test_an_acl_keeps_its_entries_in_order() -> None:
    world = win32security.ConvertStringSidToSid("S-1-1-0")
    acl = pywintypes.ACL()
    acl.AddAccessAllowedAce(win32security.ACL_REVISION, win32con.GENERIC_READ, world)
    acl.AddAccessDeniedAce(win32security.ACL_REVISION, win32con.GENERIC_WRITE, world)
    assert acl.GetAceCount() == 2
    (kind, _), mask, sid = acl.GetAce(0)
    expected = (win32security.ACCESS_ALLOWED_ACE_TYPE, win32con.GENERIC_READ & 0xFFFFFFFF)
    assert (kind, mask & 0xFFFFFFFF) == expected
    assert win32security.ConvertSidToStringSid(sid) == "S-1-1-0"
    assert acl.GetAce(1)[0][0] == win32security.ACCESS_DENIED_ACE_TYPE


def test_sddl_converts_both_ways() -> None:
    text = "D:(A;;GA;;;WD)"
    descriptor = win32security.ConvertStringSecurityDescriptorToSecurityDescriptor(
        text, win32security.SDDL_REVISION_1
    )
    assert descriptor.GetSecurityDescriptorDacl().GetAceCount() == 1
    back = win32security.ConvertSecurityDescriptorToStringSecurityDescriptor(
        descriptor, win32security.SDDL_REVISION_1, win32security.DACL_SECURITY_INFORMATION
    )
    assert back == text


def test_the_security_constants_have_the_sdks_values() -> None:
    assert win32security.SDDL_REVISION_1 == 1
    assert win32security.OWNER_SECURITY_INFORMATION == 1
    assert win32security.GROUP_SECURITY_INFORMATION == 2
    assert win32security.DACL_SECURITY_INFORMATION == 4
    assert win32security.SACL_SECURITY_INFORMATION == 8
    assert win32security.ACL_REVISION == 2
    assert win32security.TOKEN_QUERY == 8
    assert win32security.WinWorldSid == 1
    assert win32security.error is pywintypes.error


@pytest.mark.parametrize("bad", [5, "S-1-1-0", None])
def test_convert_sid_to_string_sid_refuses_what_is_not_a_sid(bad: object) -> None:
    with pytest.raises(TypeError):
        win32security.ConvertSidToStringSid(bad)


def test_set_dacl_refuses_what_is_not_an_acl() -> None:
    descriptor = pywintypes.SECURITY_DESCRIPTOR()
    with pytest.raises(TypeError):
        descriptor.SetSecurityDescriptorDacl(1, "everyone", 0)
