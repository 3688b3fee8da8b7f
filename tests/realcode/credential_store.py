"""A keyring-like store on the Windows credential manager: write, read, list, delete.

Source: public GitHub keyring backends and "store a token in Windows Credential Manager"
scripts (search "win32cred CredWrite CRED_TYPE_GENERIC CredRead CredDelete"), rewritten with
their calls and their order: a ``CREDENTIAL`` dict with ``Type``, ``TargetName``, ``UserName``,
``CredentialBlob`` and ``Persist`` given to ``CredWrite(cred, 0)``, ``CredRead(target,
CRED_TYPE_GENERIC)`` and the blob decoded from UTF-16, ``CredEnumerate`` with a filter,
``CredDelete`` and the ``ERROR_NOT_FOUND`` of a read after it.
"""

import pywintypes
import win32cred

TARGET = "apartment-realcode/credential_store"


def set_password(target, user, password):
    cred = {
        "Type": win32cred.CRED_TYPE_GENERIC,
        "TargetName": target,
        "UserName": user,
        "CredentialBlob": password,
        "Comment": "stored by credential_store.py",
        "Persist": win32cred.CRED_PERSIST_LOCAL_MACHINE,
    }
    win32cred.CredWrite(cred, 0)


def get_password(target):
    try:
        cred = win32cred.CredRead(target, win32cred.CRED_TYPE_GENERIC)
    except pywintypes.error as exc:
        print("read failed:", exc.winerror, exc.funcname)
        return None
    blob = cred["CredentialBlob"]
    print("blob is bytes:", isinstance(blob, bytes), len(blob))
    return cred["UserName"], blob.decode("utf-16-le")


def main():
    set_password(TARGET, "alice", "s3cret")
    print("got:", get_password(TARGET))
    cred = win32cred.CredRead(TARGET, win32cred.CRED_TYPE_GENERIC)
    print("type:", cred["Type"], "persist:", cred["Persist"], "comment:", cred["Comment"])
    print("target:", cred["TargetName"], "flags:", cred["Flags"])
    set_password(TARGET, "alice", "changed")
    print("after update:", get_password(TARGET))
    found = win32cred.CredEnumerate(TARGET, 0)
    print("enumerated:", [c["TargetName"] for c in found])
    win32cred.CredDelete(TARGET, win32cred.CRED_TYPE_GENERIC, 0)
    print("after delete:", get_password(TARGET))
    try:
        win32cred.CredDelete(TARGET, win32cred.CRED_TYPE_GENERIC, 0)
    except pywintypes.error as exc:
        print("delete again:", exc.winerror, exc.funcname)
    try:
        win32cred.CredEnumerate(TARGET, 0)
    except pywintypes.error as exc:
        print("enumerate none:", exc.winerror, exc.funcname)


main()
