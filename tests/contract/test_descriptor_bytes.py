"""Contract: a PySECURITY_DESCRIPTOR's bytes (self-relative), its length and its buffer.

The bytes are pywin32 312's under Wine: the header, then owner, group, SACL and DACL, each ACL
as long as it was made (ACL() is 64 bytes) or as its entries need.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
import pywintypes
import win32security

EMPTY = "0100008000000000000000000000000000000000"
# (hex, zeros after as needed to the length)
OWNED = (
    "01000480140000000000000000000000240000000102000000000005200000002002000002004000010000"
    "00000014000000008001010000000000010000000000"
).ljust(200, "0")
WHOLE = (
    "0100168014000000240000003000000070000000010200000000000520000000200200000101000000000001"
    "0000000002004000" + "00" * 60 + "0200400001000000000014000000008001010000000000010000000000"
).ljust(352, "0")


def _sids() -> tuple[object, object]:
    return (
        win32security.CreateWellKnownSid(win32security.WinWorldSid),
        win32security.CreateWellKnownSid(win32security.WinBuiltinAdministratorsSid),
    )


def _whole() -> Any:
    everyone, admins = _sids()
    acl = win32security.ACL()
    acl.AddAccessAllowedAce(win32security.ACL_REVISION, -0x80000000, everyone)  # GENERIC_READ
    sd = pywintypes.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorDacl(1, acl, 0)
    sd.SetSecurityDescriptorOwner(admins, 0)
    assert bytes(sd).hex() == OWNED
    sd.SetSecurityDescriptorGroup(everyone, 1)
    sd.SetSecurityDescriptorSacl(1, win32security.ACL(), 0)
    return sd


def test_an_empty_descriptor_is_its_20_byte_header() -> None:
    sd = pywintypes.SECURITY_DESCRIPTOR()
    assert (bytes(sd).hex(), sd.GetLength(), sd.IsSelfRelative()) == (EMPTY, 20, 1)
    assert bytes(pywintypes.SECURITY_DESCRIPTOR(100)).hex() == EMPTY  # a size is ignored
    sd.SetSecurityDescriptorDacl(1, None, 0)  # a NULL DACL: present, no list
    assert bytes(sd).hex() == "0100048000000000000000000000000000000000"
    assert bytes(pywintypes.SECURITY_ATTRIBUTES().SECURITY_DESCRIPTOR).hex() == EMPTY


def test_an_acl_takes_the_size_it_was_made_with_then_what_its_entries_need() -> None:
    everyone, admins = _sids()
    acl = win32security.ACL()
    assert acl.GetAclSize() == 64
    acl.AddAccessAllowedAce(win32security.ACL_REVISION, 1, everyone)
    assert acl.GetAclSize() == 64
    for _ in range(5):
        acl.AddAccessAllowedAce(win32security.ACL_REVISION, 2, admins)
    assert acl.GetAclSize() == 8 + 20 + 5 * 24
    sd = pywintypes.SECURITY_DESCRIPTOR()
    sd.SetSecurityDescriptorDacl(1, win32security.ACL(8), 0)
    assert bytes(sd).hex() == "01000480000000000000000000000000140000000200080000000000"
    sd.SetSecurityDescriptorDacl(1, acl, 0)
    assert sd.GetLength() == 20 + 148


def test_owner_group_sacl_and_dacl_are_laid_out_in_that_order() -> None:
    sd = _whole()
    assert bytes(sd).hex() == WHOLE
    assert sd.GetLength() == 176
    assert sd.GetSecurityDescriptorControl() == (0x8016, 1)  # SE_SELF_RELATIVE among them


def test_a_descriptor_is_read_back_from_its_bytes() -> None:
    sd = _whole()
    again = pywintypes.SECURITY_DESCRIPTOR(bytes(sd))
    assert bytes(again) == bytes(sd)
    assert bytes(pywintypes.SECURITY_DESCRIPTOR(bytearray(bytes(sd)))) == bytes(sd)
    assert again.GetSecurityDescriptorOwner() == sd.GetSecurityDescriptorOwner()
    assert again.GetSecurityDescriptorDacl().GetAceCount() == 1
    assert again != sd  # two objects, as pywin32's
    for bad in (b"\0" * 4, b"\2" + b"\0" * 19):
        with pytest.raises(ValueError, match="not a valid security descriptor"):
            pywintypes.SECURITY_DESCRIPTOR(bad)


def test_a_descriptor_has_no_len() -> None:
    with pytest.raises(TypeError):
        len(pywintypes.SECURITY_DESCRIPTOR())


@pytest.mark.skipif(sys.version_info < (3, 12), reason="a Python class's buffer needs 3.12")
def test_the_buffer_is_the_bytes_read_only() -> None:
    sd = _whole()
    view = memoryview(sd)
    assert (view.nbytes, view.format, view.readonly) == (176, "B", True)
    assert view.tobytes() == bytes(sd)


def test_a_descriptor_from_sddl_has_acls_as_long_as_their_entries() -> None:
    sd = win32security.ConvertStringSecurityDescriptorToSecurityDescriptor(
        "O:BAG:SYD:(A;;GA;;;WD)", win32security.SDDL_REVISION_1
    )
    assert bytes(sd).hex() == (
        "01000480140000002400000000000000300000000102000000000005200000002002000001010000"
        "000000051200000002001c00010000000000140000000010010100000000000100000000"
    )
    assert sd.GetSecurityDescriptorDacl().GetAclSize() == 28
