"""Turn a privilege on in the process token before a privileged call, and off again.

Source: public GitHub files (shutdown, debug and backup helpers; search "win32security
OpenProcessToken AdjustTokenPrivileges LookupPrivilegeValue SE_PRIVILEGE_ENABLED"), rewritten
with their calls and their order: ``OpenProcessToken(GetCurrentProcess(),
TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY)``, ``LookupPrivilegeValue(None, SE_SHUTDOWN_NAME)``,
``AdjustTokenPrivileges(token, False, [(luid, SE_PRIVILEGE_ENABLED)])`` whose return value is
the previous state to restore, ``GetTokenInformation(token, TokenPrivileges)`` to read the
flags, ``LookupPrivilegeName`` back, and the restore with the saved state; a token opened with
TOKEN_QUERY alone cannot be adjusted; a name that is no privilege fails to look up.

Wine differs: there enabling a privilege that is already enabled reports it in the previous
state (``((19, 2),)``); Windows reports only the privileges a call changed, so ``()``, as we do.
"""

import pywintypes
import win32api
import win32con
import win32security
import winerror


def attributes(token, luid):
    for each_luid, flags in win32security.GetTokenInformation(token, win32security.TokenPrivileges):
        if each_luid == luid:
            return flags
    return None


def main():
    token = win32security.OpenProcessToken(
        win32api.GetCurrentProcess(), win32con.TOKEN_ADJUST_PRIVILEGES | win32con.TOKEN_QUERY
    )
    luid = win32security.LookupPrivilegeValue(None, win32security.SE_SHUTDOWN_NAME)
    print("luid is a LUID pair:", type(luid).__name__)
    print("name back:", win32security.LookupPrivilegeName(None, luid))
    before = attributes(token, luid)
    print(
        "held, enabled before:",
        before is not None,
        bool((before or 0) & win32security.SE_PRIVILEGE_ENABLED),
    )
    previous = win32security.AdjustTokenPrivileges(
        token, False, [(luid, win32security.SE_PRIVILEGE_ENABLED)]
    )
    print("last error:", win32api.GetLastError())
    print("previous state:", previous == [(luid, 0)], len(previous))
    print("enabled now:", bool(attributes(token, luid) & win32security.SE_PRIVILEGE_ENABLED))
    again = win32security.AdjustTokenPrivileges(
        token, False, [(luid, win32security.SE_PRIVILEGE_ENABLED)]
    )
    print("enabling again changes nothing:", again)
    restored = win32security.AdjustTokenPrivileges(token, False, previous)
    print("restored from:", restored == [(luid, win32security.SE_PRIVILEGE_ENABLED)])
    print(
        "enabled after restore:", bool(attributes(token, luid) & win32security.SE_PRIVILEGE_ENABLED)
    )
    reader = win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32con.TOKEN_QUERY)
    try:
        win32security.AdjustTokenPrivileges(
            reader, False, [(luid, win32security.SE_PRIVILEGE_ENABLED)]
        )
    except pywintypes.error as error:
        print("query-only token:", error.winerror, error.funcname)
    try:
        win32security.LookupPrivilegeValue(None, "SeNoSuchPrivilege")
    except pywintypes.error as error:
        print(
            "no such privilege:", error.winerror == winerror.ERROR_NO_SUCH_PRIVILEGE, error.funcname
        )
    win32api.CloseHandle(reader)
    win32api.CloseHandle(token)
    print("done")


if __name__ == "__main__":
    main()
