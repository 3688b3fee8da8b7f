"""Who owns a file and who may touch it: GetFileSecurity, the owner and the DACL, then a change.

Source: the ActiveState recipe and StackOverflow answers "python get file owner windows"
(``win32security.GetFileSecurity(path, OWNER_SECURITY_INFORMATION)``,
``sd.GetSecurityDescriptorOwner()``, ``LookupAccountSid(None, sid)``) and the widely copied
"add an ACE for Everyone" snippet (``DACL_SECURITY_INFORMATION``, ``dacl.AddAccessAllowedAce(
ACL_REVISION, FILE_GENERIC_READ, everyone)``, ``sd.SetSecurityDescriptorDacl(1, dacl, 0)``,
``SetFileSecurity``), rewritten with those calls and their order. Account names differ from
machine to machine, so the program compares the owner with the process's own user.

Wine differs: its files keep only what Unix mode bits can say, so the ACE added for Everyone
is not kept there ("one more ace: False"); Windows keeps the DACL as set (True, the expected
output).
"""

import os
import tempfile

import ntsecuritycon as con
import pywintypes
import win32api
import win32security


def main():
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "owned.txt")
    with open(path, "w") as f:
        f.write("mine")
    sd = win32security.GetFileSecurity(path, win32security.OWNER_SECURITY_INFORMATION)
    owner = sd.GetSecurityDescriptorOwner()
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32security.TOKEN_QUERY)
    me = win32security.GetTokenInformation(token, win32security.TokenUser)[0]
    print("owner is a SID:", isinstance(owner, pywintypes.SIDType))
    print("owner is me:", owner == me)
    name, domain, kind = win32security.LookupAccountSid(None, owner)
    print("owner name is a str:", isinstance(name, str) and bool(name))
    sd = win32security.GetFileSecurity(path, win32security.DACL_SECURITY_INFORMATION)
    dacl = sd.GetSecurityDescriptorDacl()
    before = dacl.GetAceCount()
    everyone = win32security.CreateWellKnownSid(win32security.WinWorldSid)
    dacl.AddAccessAllowedAce(win32security.ACL_REVISION, con.FILE_GENERIC_READ, everyone)
    sd.SetSecurityDescriptorDacl(1, dacl, 0)
    win32security.SetFileSecurity(path, win32security.DACL_SECURITY_INFORMATION, sd)
    again = win32security.GetFileSecurity(path, win32security.DACL_SECURITY_INFORMATION)
    dacl = again.GetSecurityDescriptorDacl()
    print("one more ace:", dacl.GetAceCount() == before + 1)
    found = [
        dacl.GetAce(i)[1]
        for i in range(dacl.GetAceCount())
        if dacl.GetAce(i)[2] == everyone and dacl.GetAce(i)[0][0] == 0
    ]
    print(
        "everyone may read:",
        any(mask & con.FILE_GENERIC_READ == con.FILE_GENERIC_READ for mask in found),
    )
    try:
        win32security.GetFileSecurity(
            os.path.join(folder, "absent.txt"), win32security.OWNER_SECURITY_INFORMATION
        )
    except pywintypes.error as error:
        print("absent:", error.winerror, error.funcname)
    os.remove(path)
    os.rmdir(folder)


main()
