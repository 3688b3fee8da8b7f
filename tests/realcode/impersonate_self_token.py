"""A thread token through ImpersonateSelf: none before, one after, none again after RevertToSelf.

Source: public GitHub privilege helpers (``win32security.OpenThreadToken(GetCurrentThread(),
TOKEN_QUERY, True)`` failing with 1008 ERROR_NO_TOKEN when the thread does not impersonate,
then ``win32security.ImpersonateSelf(SecurityImpersonation)``, the thread token queried for
``TokenUser`` and ``TokenImpersonationLevel``, ``win32security.RevertToSelf()``), rewritten
with those calls and their order; each thread has its own token, so a second thread sees
none while the first impersonates.
"""

import threading

import pywintypes
import win32api
import win32security


def thread_token():
    try:
        return win32security.OpenThreadToken(
            win32api.GetCurrentThread(), win32security.TOKEN_QUERY, True
        )
    except pywintypes.error as error:
        return ("error", error.winerror, error.funcname)


def main():
    print("before:", thread_token())
    win32security.ImpersonateSelf(win32security.SecurityImpersonation)
    token = thread_token()
    print("after ImpersonateSelf is a handle:", not isinstance(token, tuple))
    process = win32security.OpenProcessToken(
        win32api.GetCurrentProcess(), win32security.TOKEN_QUERY
    )
    same_user = (
        win32security.GetTokenInformation(token, win32security.TokenUser)[0]
        == win32security.GetTokenInformation(process, win32security.TokenUser)[0]
    )
    print("same user as the process:", same_user)
    print("token type:", win32security.GetTokenInformation(token, win32security.TokenType))
    print(
        "level:",
        win32security.GetTokenInformation(token, win32security.TokenImpersonationLevel),
    )
    other = []
    worker = threading.Thread(target=lambda: other.append(thread_token()))
    worker.start()
    worker.join(10)
    print("another thread:", other[0])
    win32security.RevertToSelf()
    print("after RevertToSelf:", thread_token())


main()
