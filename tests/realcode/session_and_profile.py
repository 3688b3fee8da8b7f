"""Find the current session and user profile, as per-user service helpers do.

Source: public GitHub helpers that run something in the user's session (``win32ts.
ProcessIdToSessionId(os.getpid())``, ``win32ts.WTSGetActiveConsoleSessionId()``,
``WTSQuerySessionInformation(WTS_CURRENT_SERVER_HANDLE, session, WTSUserName)``,
``WTSEnumerateSessions(WTS_CURRENT_SERVER_HANDLE)``; then the profile: ``win32security.
OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY)``, ``win32profile.GetUserProfileDirectory(
token)``, ``win32profile.CreateEnvironmentBlock(token, False)``,
``ExpandEnvironmentStringsForUser``), rewritten with those calls in that order. Ids, names and
paths differ from machine to machine, so the program prints how they relate. Where Wine is not
Windows: WTSEnumerateSessions gives Wine's empty list, so "mine listed" is False there; on
Windows the caller's session is listed (True, the expected output).
"""

import os

import win32api
import win32profile
import win32security
import win32ts


def main():
    session = win32ts.ProcessIdToSessionId(os.getpid())
    print("session is an int:", isinstance(session, int))
    console = win32ts.WTSGetActiveConsoleSessionId()
    print("console session is an int:", isinstance(console, int))
    user = win32ts.WTSQuerySessionInformation(
        win32ts.WTS_CURRENT_SERVER_HANDLE, win32ts.WTS_CURRENT_SESSION, win32ts.WTSUserName
    )
    print("session user is me:", user.lower() == win32api.GetUserName().lower())
    sessions = win32ts.WTSEnumerateSessions(win32ts.WTS_CURRENT_SERVER_HANDLE)
    print("sessions are dicts:", all(isinstance(s, dict) for s in sessions))
    print("mine listed:", any(s["SessionId"] == session for s in sessions))
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32security.TOKEN_QUERY)
    profile = win32profile.GetUserProfileDirectory(token)
    print("profile is a folder:", os.path.isdir(profile))
    env = win32profile.CreateEnvironmentBlock(token, False)
    print("block is a dict:", type(env).__name__, "has USERPROFILE:", "USERPROFILE" in env)
    print("its USERPROFILE is the profile:", env.get("USERPROFILE") == profile)
    expanded = win32profile.ExpandEnvironmentStringsForUser(token, "%USERPROFILE%")
    print("expanded for user:", expanded == profile)
    print("unknown stays:", win32profile.ExpandEnvironmentStringsForUser(token, "%NO_SUCH_VAR_RC%"))
    print(
        "profiles folder holds it:",
        os.path.dirname(profile).lower() == win32profile.GetProfilesDirectory().lower(),
    )
    token.Close()


if __name__ == "__main__":
    main()
