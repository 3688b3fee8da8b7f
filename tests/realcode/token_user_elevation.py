"""Who am I and am I elevated? Token queries as installers and admin checks make them.

Source: public GitHub helpers that open the process token with
``win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32security.TOKEN_QUERY)``
and read ``GetTokenInformation(token, TokenUser)`` (then ``LookupAccountSid``),
``TokenElevationType`` / ``TokenElevation`` (PyInstaller's "running as admin" check reads
TokenElevationType: 1 default, 2 full, 3 limited), ``TokenIntegrityLevel`` (a SID whose last
sub-authority is the level), ``TokenGroups`` (membership of BUILTIN\\Administrators by
``CreateWellKnownSid(WinBuiltinAdministratorsSid)``), ``TokenSessionId`` and
``win32security.CheckTokenMembership(None, sid)`` (search "GetTokenInformation TokenElevation
win32security" and "TokenIntegrityLevel GetSidSubAuthority"). The answers depend on the
machine, so the program prints their shapes and how they agree with each other.
"""

import ntsecuritycon
import win32api
import win32security


def main():
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32security.TOKEN_QUERY)
    user_sid, attrs = win32security.GetTokenInformation(token, win32security.TokenUser)
    name, domain, kind = win32security.LookupAccountSid(None, user_sid)
    print("user is a user:", kind == ntsecuritycon.SidTypeUser, name == win32api.GetUserName())
    print("sid text starts:", win32security.ConvertSidToStringSid(user_sid)[:4])
    elevation_type = win32security.GetTokenInformation(token, win32security.TokenElevationType)
    elevated = win32security.GetTokenInformation(token, win32security.TokenElevation)
    print(
        "elevation type in 1..3:",
        elevation_type in (1, 2, 3),
        "elevated is int:",
        type(elevated).__name__,
    )
    integrity_sid, _ = win32security.GetTokenInformation(token, win32security.TokenIntegrityLevel)
    count = integrity_sid.GetSubAuthorityCount()
    level = integrity_sid.GetSubAuthority(count - 1)
    print(
        "integrity label:",
        win32security.ConvertSidToStringSid(integrity_sid)[:7],
        level in (0x1000, 0x2000, 0x3000, 0x4000),
    )
    admins = win32security.CreateWellKnownSid(win32security.WinBuiltinAdministratorsSid, None)
    print("admins sid:", win32security.ConvertSidToStringSid(admins))
    groups = win32security.GetTokenInformation(token, win32security.TokenGroups)
    in_groups = any(sid == admins for sid, a in groups)
    member = win32security.CheckTokenMembership(None, admins)
    print("membership agrees:", (not member) or in_groups)
    session = win32security.GetTokenInformation(token, win32security.TokenSessionId)
    print("session is int:", isinstance(session, int))
    token_type = win32security.GetTokenInformation(token, win32security.TokenType)
    print("primary token:", token_type == win32security.TokenPrimary)
    token.Close()
    print("done")


if __name__ == "__main__":
    main()
