"""The privileges of the process token listed by name with their state, one toggled and back.

Source: public GitHub "list my privileges" scripts (a Python ``whoami /priv``; search
"GetTokenInformation(token, win32security.TokenPrivileges) LookupPrivilegeName
SE_PRIVILEGE_ENABLED"), rewritten with their calls and their order: ``OpenProcessToken(
GetCurrentProcess(), TOKEN_QUERY | TOKEN_ADJUST_PRIVILEGES)``, ``GetTokenInformation(h,
TokenPrivileges)`` as (LUID, attributes) pairs, ``LookupPrivilegeName(None, luid)`` and
``LookupPrivilegeDisplayName``, the attribute bits tested with ``SE_PRIVILEGE_ENABLED`` and
``SE_PRIVILEGE_ENABLED_BY_DEFAULT``, ``AdjustTokenPrivileges`` that disables
``SeChangeNotifyPrivilege``'s neighbour ``SeShutdownPrivilege`` and enables it again, its
previous state returned, ``GetLastError`` after it, and ``LookupPrivilegeValue`` of a bad name.

Wine differs: its LookupPrivilegeDisplayName fails with ERROR_INSUFFICIENT_BUFFER
(122) under pywin32; Windows answers "Shut down the system", as here.
"""

import pywintypes
import win32api
import win32security


def state(attrs):
    words = []
    if attrs & win32security.SE_PRIVILEGE_ENABLED:
        words.append("enabled")
    if attrs & win32security.SE_PRIVILEGE_ENABLED_BY_DEFAULT:
        words.append("default")
    return "+".join(words) or "disabled"


def main():
    access = win32security.TOKEN_QUERY | win32security.TOKEN_ADJUST_PRIVILEGES
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), access)
    privs = win32security.GetTokenInformation(token, win32security.TokenPrivileges)
    print("shape:", type(privs).__name__, type(privs[0]).__name__, len(privs[0]))
    names = {win32security.LookupPrivilegeName(None, luid): attrs for luid, attrs in privs}
    print("change notify:", state(names.get("SeChangeNotifyPrivilege", 0)))
    print("shutdown listed:", "SeShutdownPrivilege" in names)
    print("display name:", win32security.LookupPrivilegeDisplayName(None, "SeShutdownPrivilege"))
    luid = win32security.LookupPrivilegeValue(None, win32security.SE_SHUTDOWN_NAME)
    print("luid round trip:", win32security.LookupPrivilegeName(None, luid))
    previous = win32security.AdjustTokenPrivileges(
        token, False, [(luid, win32security.SE_PRIVILEGE_ENABLED)]
    )
    print("last error after enable:", win32api.GetLastError())
    print(
        "previous state:",
        [(win32security.LookupPrivilegeName(None, p), state(a)) for p, a in previous],
    )
    now = dict(win32security.GetTokenInformation(token, win32security.TokenPrivileges))
    print("shutdown now:", state(now[luid]))
    win32security.AdjustTokenPrivileges(token, False, previous)
    now = dict(win32security.GetTokenInformation(token, win32security.TokenPrivileges))
    print("shutdown restored:", state(now[luid]))
    try:
        win32security.LookupPrivilegeValue(None, "SeNoSuchPrivilege")
    except pywintypes.error as exc:
        print("bad name:", exc.winerror, exc.funcname)
    token.Close()


main()
