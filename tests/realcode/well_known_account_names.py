"""Names of well-known accounts, looked up from SIDs and back, as permission scripts do.

Source: public GitHub and StackOverflow snippets ("win32security LookupAccountSid Everyone
S-1-1-0"; ``win32security.ConvertStringSidToSid("S-1-5-32-544")``, ``LookupAccountSid(None,
sid)`` giving ``(name, domain, type)``, ``LookupAccountName(None, "Everyone")``,
``CreateWellKnownSid(WinWorldSid)``, ``IsValidSid``, ``SID_NAME_USE`` values compared with
``SidTypeWellKnownGroup``/``SidTypeAlias``), rewritten with those calls; a name that does not
exist caught by its error, 1332 (ERROR_NONE_MAPPED), a malformed SID string by 1337
(ERROR_INVALID_SID).
"""

import ntsecuritycon
import pywintypes
import win32security

KINDS = {
    ntsecuritycon.SidTypeUser: "user",
    ntsecuritycon.SidTypeGroup: "group",
    ntsecuritycon.SidTypeDomain: "domain",
    ntsecuritycon.SidTypeAlias: "alias",
    ntsecuritycon.SidTypeWellKnownGroup: "well-known group",
}


def describe(sid):
    name, domain, kind = win32security.LookupAccountSid(None, sid)
    who = f"{domain}\\{name}" if domain else name
    return f"{who} ({KINDS.get(kind, kind)})"


def main():
    for text in ("S-1-1-0", "S-1-5-18", "S-1-5-32-544", "S-1-5-32-545", "S-1-5-11", "S-1-3-0"):
        sid = win32security.ConvertStringSidToSid(text)
        print(text, "->", describe(sid), "valid:", sid.IsValid())
    world = win32security.CreateWellKnownSid(win32security.WinWorldSid)
    print("WinWorldSid:", win32security.ConvertSidToStringSid(world))
    admins = win32security.CreateWellKnownSid(win32security.WinBuiltinAdministratorsSid)
    print("admins sub-authorities:", admins.GetSubAuthorityCount(), admins.GetLength())
    sid, domain, kind = win32security.LookupAccountName(None, "Everyone")
    print("Everyone ->", win32security.ConvertSidToStringSid(sid), repr(domain), KINDS.get(kind))
    print("same sid:", sid == world)
    for name in ("No Such Account 29",):
        try:
            win32security.LookupAccountName(None, name)
        except pywintypes.error as error:
            print(repr(name), "->", error.winerror, error.funcname)
    for text in ("S-1-x-0", "not a sid"):
        try:
            win32security.ConvertStringSidToSid(text)
        except pywintypes.error as error:
            print(repr(text), "->", error.winerror, error.funcname)


main()
