"""Read an SDDL string into a security descriptor and walk its DACL, as ACL dump scripts do.

Source: public GitHub "print ACL" helpers (``win32security.
ConvertStringSecurityDescriptorToSecurityDescriptor(sddl, SDDL_REVISION_1)``, then
``GetSecurityDescriptorDacl()``, ``GetAceCount()``, ``GetAce(i)`` giving
``((type, flags), mask, sid)``, ``ConvertSidToStringSid``, ``LookupAccountSid``, a table of
access-mask names, and back with ``ConvertSecurityDescriptorToStringSecurityDescriptor``),
rewritten with their calls and their order; a malformed DACL string (an unknown SID alias, an
unclosed ACE) caught by its error, 1336 (ERROR_INVALID_ACL).
"""

import ntsecuritycon as con
import pywintypes
import win32security

SDDL = "O:BAG:SYD:PAI(A;;FA;;;SY)(A;OICI;0x1200a9;;;BU)(D;;WD;;;WD)(A;CIIO;GA;;;CO)"

ACE_TYPES = {
    win32security.ACCESS_ALLOWED_ACE_TYPE: "allow",
    win32security.ACCESS_DENIED_ACE_TYPE: "deny",
}
FLAG_NAMES = [
    (win32security.OBJECT_INHERIT_ACE, "OI"),
    (win32security.CONTAINER_INHERIT_ACE, "CI"),
    (win32security.INHERIT_ONLY_ACE, "IO"),
    (win32security.INHERITED_ACE, "ID"),
]
MASK_NAMES = [
    (con.FILE_ALL_ACCESS, "FILE_ALL_ACCESS"),
    (con.FILE_GENERIC_READ | con.FILE_GENERIC_EXECUTE, "READ_EXECUTE"),
    (con.GENERIC_ALL, "GENERIC_ALL"),
    (con.WRITE_DAC, "WRITE_DAC"),
]


def mask_name(mask):
    for value, name in MASK_NAMES:
        if mask == value:
            return name
    return hex(mask)


def main():
    sd = win32security.ConvertStringSecurityDescriptorToSecurityDescriptor(
        SDDL, win32security.SDDL_REVISION_1
    )
    print("valid:", sd.IsValid())
    print("length:", sd.GetLength())
    owner = sd.GetSecurityDescriptorOwner()
    print("owner:", win32security.ConvertSidToStringSid(owner))
    print("group:", win32security.ConvertSidToStringSid(sd.GetSecurityDescriptorGroup()))
    control, revision = sd.GetSecurityDescriptorControl()
    print("revision:", revision, "protected:", bool(control & win32security.SE_DACL_PROTECTED))
    dacl = sd.GetSecurityDescriptorDacl()
    print("aces:", dacl.GetAceCount(), "acl revision:", dacl.GetAclRevision())
    for index in range(dacl.GetAceCount()):
        (ace_type, flags), mask, sid = dacl.GetAce(index)
        flag_text = "".join(name for bit, name in FLAG_NAMES if flags & bit) or "-"
        print(
            f"  {index}: {ACE_TYPES.get(ace_type, ace_type)} {flag_text}"
            f" {mask_name(mask)} {win32security.ConvertSidToStringSid(sid)}"
        )
    text = win32security.ConvertSecurityDescriptorToStringSecurityDescriptor(
        sd,
        win32security.SDDL_REVISION_1,
        win32security.OWNER_SECURITY_INFORMATION | win32security.DACL_SECURITY_INFORMATION,
    )
    print("back:", text)
    print("sacl present:", sd.GetSecurityDescriptorSacl() is not None)
    for bad in ("D:(A;;FA;;;NOSUCH)", "D:(A;;FA;;;SY"):
        try:
            win32security.ConvertStringSecurityDescriptorToSecurityDescriptor(
                bad, win32security.SDDL_REVISION_1
            )
            print(bad, "accepted")
        except pywintypes.error as error:
            print(bad, "->", error.winerror, error.funcname)


main()
